//! `altur contact delete --campaign ID CONTACT_ID`.

use super::{DELETE, ids};
use crate::client::Expect;
use crate::commands::campaign::explained;
use crate::error::Result;
use crate::session::Session;

/// Deletes one contact (the API allows it in queue or failed status) and says so on stderr.
pub fn run(session: &Session, campaign: &str, contact: &str) -> Result<()> {
    let (campaign, contact) = ids(campaign, contact)?;
    let call = DELETE.call(&[&campaign.to_string(), &contact.to_string()]);
    let Some(client) = session.prepare(&call)? else {
        return Ok(());
    };
    let what = format!("contact {contact} of campaign {campaign}");
    client
        .exchange(&call, Expect::Empty, false)
        .map_err(|e| explained(e, &what, "delete"))?;
    session.out().note(&format!("deleted {what}"));
    Ok(())
}
