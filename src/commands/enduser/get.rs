//! `altur enduser get ID`.

use super::{GET, send};
use crate::cli::Policy;
use crate::error::Result;
use crate::ids::EndUserId;
use crate::session::Session;

/// Fetch an EndUser by id
///
/// Ids are UUIDs; anything else is refused (exit 2), so that a typo never becomes a request.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur enduser get 3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b
  altur enduser get \"$ID\" --jq .display_name")]
pub(crate) struct Args {
    /// The EndUser's id (a UUID)
    pub(crate) id: EndUserId,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Prints the EndUser.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    send(session, GET.call(&[args.id.as_str()]), None)
}
