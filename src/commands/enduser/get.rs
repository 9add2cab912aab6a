//! `altur enduser get ID`.

use super::{GET, send};
use crate::error::Result;
use crate::session::Session;

/// Prints the EndUser `id`.
pub fn run(session: &Session, id: &str) -> Result<()> {
    let id = crate::ids::checked_enduser(id)?;
    send(session, GET.call(&[id]), None)
}
