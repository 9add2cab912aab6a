//! `altur contact get --campaign ID CONTACT_ID`.

use super::{CONTACT, GET, ids};
use crate::commands::campaign::explained;
use crate::error::Result;
use crate::session::Session;

/// Prints one contact of a campaign.
pub fn run(session: &Session, campaign: &str, contact: &str) -> Result<()> {
    let (campaign, contact) = ids(campaign, contact)?;
    let call = GET.call(&[&campaign.to_string(), &contact.to_string()]);
    let Some(client) = session.prepare(&call)? else {
        return Ok(());
    };
    let what = format!("contact {contact} of campaign {campaign}");
    let answer = client.call(&call).map_err(|e| explained(e, &what, "get"))?;
    session
        .out()
        .print_resource(&answer.body, &CONTACT, session.format()?)
}
