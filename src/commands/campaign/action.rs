//! `altur campaign activate | pause | resume | archive ID`: one status change each.

use super::{ACTION, send};
use crate::error::Result;
use crate::ids::CampaignId;
use crate::session::Session;

/// Asks for `action` (one of [`super::ACTIONS`]) on the campaign `id`; a refusal for its
/// current status is said in words.
pub(crate) fn run(session: &Session, id: CampaignId, action: &str) -> Result<()> {
    let call = ACTION.call(&[&id.to_string(), action]);
    send(session, call, &format!("campaign {id}"), action)
}
