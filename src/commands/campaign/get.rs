//! `altur campaign get ID`.

use super::{GET, send};
use crate::cli::Policy;
use crate::error::Result;
use crate::ids::CampaignId;
use crate::session::Session;

/// Show a campaign with its analytics
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur campaign get 4821
  altur campaign get 4821 -o json")]
pub(crate) struct Args {
    /// Campaign id (a positive integer)
    pub(crate) id: CampaignId,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Prints the campaign (its analytics' rates as percentages in a table).
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let id = args.id;
    let call = GET.call(&[&id.to_string()]);
    send(session, call, &format!("campaign {id}"), "get")
}
