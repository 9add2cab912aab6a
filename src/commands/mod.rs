//! One module per command family, one file per verb (`campaign/get.rs`), each with a
//! `run(&Session, ...)`; what a family's verbs share sits in its `mod.rs`.

pub mod api;
pub mod auth;
pub mod call;
pub mod campaign;
pub mod chat;
pub mod completions;
pub mod contact;
pub mod enduser;
pub mod idempotency;
pub mod import;
pub mod list;
pub mod message;
pub mod thread;
pub mod webhook;
