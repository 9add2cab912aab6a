//! `altur contact get --campaign ID CONTACT_ID`.

use super::{CONTACT, GET};
use crate::cli::Policy;
use crate::commands::campaign::explained;
use crate::error::Result;
use crate::ids::{CampaignId, ContactId};
use crate::session::Session;

/// Show one contact
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  altur contact get --campaign 4821 17")]
pub(crate) struct Args {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: CampaignId,
    /// Contact id (a positive integer)
    pub(crate) contact_id: ContactId,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Prints one contact of a campaign.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let (campaign, contact) = (args.campaign, args.contact_id);
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
