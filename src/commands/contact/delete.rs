//! `altur contact delete --campaign ID CONTACT_ID`.

use super::DELETE;
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::client::Expect;
use crate::commands::campaign::explained;
use crate::error::Result;
use crate::ids::{CampaignId, ContactId};
use crate::session::Session;

/// Delete a contact (only in queue or failed status)
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  altur contact delete --campaign 4821 17")]
pub(crate) struct Args {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: CampaignId,
    /// Contact id
    pub(crate) contact_id: ContactId,
}

pub(crate) const POLICY: Policy = Policy {
    formats: &[OutputFormat::Json],
    jq: false,
    ..Policy::READ
};

/// Deletes one contact (the API allows it in queue or failed status) and says so on stderr.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let (campaign, contact) = (args.campaign, args.contact_id);
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
