//! `altur enduser update ID`: only the fields given are sent.

use super::{UPDATE, body_of, gather, send};
use crate::cli::{EnduserFields, Policy};
use crate::error::{Error, Result};
use crate::ids::EndUserId;
use crate::session::Session;

/// Change an EndUser's name or info (only the fields given are sent)
///
/// At least one field is needed; flags override the fields of --input.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur enduser update \"$ID\" --info \"Call after 5pm\"
  altur enduser update \"$ID\" --name \"Ada King\" --input changes.json")]
pub(crate) struct Args {
    /// The EndUser's id (a UUID)
    pub(crate) id: EndUserId,
    #[command(flatten)]
    pub(crate) fields: EnduserFields,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Checks the fields, then updates the EndUser and prints it.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let data = gather(&args.fields)?;
    data.check_for_update().map_err(Error::input)?;
    send(
        session,
        UPDATE.call(&[args.id.as_str()]).with_body(body_of(&data)?),
        Some("updated"),
    )
}
