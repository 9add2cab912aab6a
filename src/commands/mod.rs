//! One module per command family. Each takes resolved settings and parsed arguments.

pub mod api;
pub mod auth;
pub mod call;
pub mod campaign;
pub mod chat;
pub mod completions;
pub mod contact;
pub mod enduser;
pub mod import;
pub mod message;
pub mod thread;
pub mod webhook;

use crate::client::{Call, Client};
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::output;

/// What every command that sends one call does first. Under `--dry-run`: print the call as a
/// curl command and send nothing (`None`). Otherwise: a client, with Ctrl-C during the call
/// ending the program with the operation's own word on what may already have happened.
pub fn client_for(settings: &Settings, call: &Call) -> Result<Option<Client>> {
    if settings.dry_run {
        output::stdout(&call.to_curl(&settings.base_url))?;
        return Ok(None);
    }
    let client = Client::new(settings, settings.api_key()?)?;
    exit_on_interrupt(call);
    Ok(Some(client))
}

/// From now on, Ctrl-C ends the program with 130 and the operation's own word on what `call`
/// may already have done.
pub fn exit_on_interrupt(call: &Call) {
    let mut interrupted = Error::new(Kind::Interrupted, "interrupted");
    if let Some(hint) = &call.if_unknown {
        interrupted = interrupted.with_hint(hint.clone());
    }
    crate::interrupt::exit_on_signal(interrupted);
}
