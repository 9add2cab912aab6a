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

use crate::client::Call;
use crate::error::{Error, Kind};

/// From now on, Ctrl-C ends the program with 130 and the operation's own word on what `call`
/// may already have done. For the commands that take the settings rather than the
/// [`Session`](crate::session::Session) (whose `guard` does this).
pub fn exit_on_interrupt(call: &Call) {
    let mut interrupted = Error::new(Kind::Interrupted, "interrupted");
    if let Some(hint) = &call.if_unknown {
        interrupted = interrupted.with_hint(hint.clone());
    }
    crate::interrupt::exit_on_signal(interrupted);
}
