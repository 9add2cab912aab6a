//! `altur call start | get | wait | list | recording | recordings` (contract section 15).

pub mod bulk;
pub mod download;
pub mod files;
pub mod start;
pub mod wait;
