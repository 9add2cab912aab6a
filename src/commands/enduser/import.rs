//! `altur enduser import FILE`: the import engine ([`crate::commands::import`]) with
//! EndUsers as its records, one request each.

use crate::cli::ImportArgs;
use crate::commands::import::{ENDUSER, run_kind};
use crate::error::Result;
use crate::session::Session;

/// EndUsers from a file, streamed, sent in order, journaled, stopped cleanly by Ctrl-C.
pub fn run(session: &Session, args: &ImportArgs) -> Result<()> {
    run_kind(session, args, &ENDUSER)
}
