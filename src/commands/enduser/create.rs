//! `altur enduser create`: one EndUser from flags or `--input`.

use super::{CREATE, body_of, gather, send};
use crate::cli::EnduserFields;
use crate::error::{Error, Result};
use crate::session::Session;

/// What a create whose outcome is unknown may have done.
const MAY_EXIST: &str = "the EndUser may have been created: check before creating it again";

/// Checks the fields, then creates the EndUser and prints it (`-o id`: its id).
pub fn run(session: &Session, fields: &EnduserFields) -> Result<()> {
    let data = gather(fields)?;
    data.check_for_create().map_err(Error::input)?;
    let call = CREATE
        .call(&[])
        .with_body(body_of(&data)?)
        .if_unknown(MAY_EXIST);
    send(session, call, Some("created"))
}
