//! `altur enduser update ID`: only the fields given are sent.

use super::{UPDATE, body_of, gather, send};
use crate::cli::EnduserFields;
use crate::error::{Error, Result};
use crate::session::Session;

/// Checks the fields, then updates the EndUser `id` and prints it.
pub fn run(session: &Session, id: &str, fields: &EnduserFields) -> Result<()> {
    let id = crate::ids::checked_enduser(id)?;
    let data = gather(fields)?;
    data.check_for_update().map_err(Error::input)?;
    send(
        session,
        UPDATE.call(&[id]).with_body(body_of(&data)?),
        Some("updated"),
    )
}
