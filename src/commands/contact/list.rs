//! `altur contact list --campaign ID`.

use super::{CONTACT, LIST};
use crate::cli::PageArgs;
use crate::cli::Policy;
use crate::error::Result;
use crate::ids::CampaignId;
use crate::paging::Style;
use crate::session::Session;

/// List the contacts of a campaign
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
Examples:
  altur contact list --campaign 4821 --status failed
  altur contact list --campaign 4821 --all -o ndjson > contacts.ndjson")]
pub(crate) struct Args {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: CampaignId,

    /// Only contacts in this status (queue, answered, failed, ...)
    #[arg(long, value_name = "STATUS")]
    pub(crate) status: Option<String>,

    #[command(flatten)]
    pub(crate) page: PageArgs,
}

pub(crate) const POLICY: Policy = Policy::LIST;

/// A campaign's contacts, a page at a time as they arrive (`--limit`, `--all`, `--after`).
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let campaign = args.campaign.get();
    let mut call = LIST.call(&[&campaign.to_string()]);
    if let Some(status) = &args.status {
        call = call.with_query("status", status);
    }
    crate::commands::list::items(
        session,
        call,
        Style::PageIndex,
        "contacts",
        &CONTACT,
        &args.page,
    )
}
