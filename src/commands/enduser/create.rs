//! `altur enduser create`: one EndUser from flags or `--input`.

use super::{CREATE, body_of, gather, send};
use crate::cli::{EnduserFields, Policy};
use crate::error::{Error, Result};
use crate::session::Session;

/// What a create whose outcome is unknown may have done.
const MAY_EXIST: &str = "the EndUser may have been created: check before creating it again";

/// Create an EndUser
///
/// Everything is checked before anything is sent: invalid JSON (with line and column), a
/// field that is not a string, an unknown field, a missing or blank name, an unreadable
/// file, more than 1 MiB, text that is not UTF-8 (exit 2, saying what and where).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur enduser create --name \"Ada Lovelace\" --info \"Prefers email\"
  altur enduser create --name \"Grace Hopper\" --info-file notes.txt -o id
  echo '{\"display_name\": \"Ada\"}' | altur enduser create --input -")]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) fields: EnduserFields,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Checks the fields, then creates the EndUser and prints it (`-o id`: its id).
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let data = gather(&args.fields)?;
    data.check_for_create().map_err(Error::input)?;
    let call = CREATE
        .call(&[])
        .with_body(body_of(&data)?)
        .if_unknown(MAY_EXIST);
    send(session, call, Some("created"))
}
