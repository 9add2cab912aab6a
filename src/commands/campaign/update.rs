//! `altur campaign update ID`: a PATCH with only the fields given.

use super::{UPDATE, flags_of, read_input, send, to_bytes, update_body};
use crate::cli::{CampaignFieldArgs, Policy};
use crate::error::Result;
use crate::ids::CampaignId;
use crate::session::Session;

/// Change some fields of a campaign (only those given are sent)
///
/// A PATCH with only the fields given. agent_id, integration_id, integration_type,
/// cycles.enabled and cycles.mode are fixed at creation: they have no flags, and --input
/// holding one is refused (exit 2).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur campaign update 4821 --name 'Renewals (December)'
  altur campaign update 4821 --schedule 'mon-fri 10:00-17:00' --timezone UTC")]
pub(crate) struct Args {
    /// Campaign id
    pub(crate) id: CampaignId,
    #[command(flatten)]
    pub(crate) fields: CampaignFieldArgs,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Checks the fields (the immutable ones are refused), then updates the campaign.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let (id, fields) = (args.id, &args.fields);
    let input = read_input(fields)?;
    let body = update_body(input, &flags_of(fields))?;
    let call = UPDATE.call(&[&id.to_string()]).with_body(to_bytes(&body));
    send(session, call, &format!("campaign {id}"), "update")
}
