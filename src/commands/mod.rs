//! One module per command family. Each takes resolved settings and parsed arguments.

pub mod api;
pub mod auth;
pub mod chat;
pub mod completions;
pub mod enduser;
pub mod import;
pub mod message;
pub mod thread;
pub mod webhook;
