//! `altur campaign update ID`: a PATCH with only the fields given.

use super::{UPDATE, checked_numeric_id, flags_of, read_input, send, to_bytes, update_body};
use crate::cli::CampaignFieldArgs;
use crate::error::Result;
use crate::session::Session;

/// Checks the fields (the immutable ones are refused), then updates the campaign `id`.
pub fn run(session: &Session, id: &str, fields: &CampaignFieldArgs) -> Result<()> {
    let id = checked_numeric_id("campaign", id)?;
    let input = read_input(fields)?;
    let body = update_body(input, &flags_of(fields))?;
    let call = UPDATE.call(&[&id.to_string()]).with_body(to_bytes(&body));
    send(session, call, &format!("campaign {id}"), "update")
}
