//! `altur campaign get ID`.

use super::{GET, checked_numeric_id, send};
use crate::error::Result;
use crate::session::Session;

/// Prints the campaign `id` (its analytics' rates as percentages in a table).
pub fn run(session: &Session, id: &str) -> Result<()> {
    let id = checked_numeric_id("campaign", id)?;
    let call = GET.call(&[&id.to_string()]);
    send(session, call, &format!("campaign {id}"), "get")
}
