//! `altur campaign activate | pause | resume | archive ID`: one status change each.

use super::{ACTION, checked_numeric_id, send};
use crate::error::Result;
use crate::session::Session;

/// Asks for `action` (one of [`super::ACTIONS`]) on the campaign `id`; a refusal for its
/// current status is said in words.
pub fn run(session: &Session, id: &str, action: &str) -> Result<()> {
    let id = checked_numeric_id("campaign", id)?;
    let call = ACTION.call(&[&id.to_string(), action]);
    send(session, call, &format!("campaign {id}"), action)
}
