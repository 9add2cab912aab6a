//! `altur campaign resume ID`.

use super::action;
use crate::cli::Policy;
use crate::error::Result;
use crate::ids::CampaignId;
use crate::session::Session;

/// Resume a paused campaign
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  altur campaign resume 4821")]
pub(crate) struct Args {
    /// Campaign id
    pub(crate) id: CampaignId,
}

pub(crate) const POLICY: Policy = Policy::READ;

pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    action::run(session, args.id, "resume")
}
