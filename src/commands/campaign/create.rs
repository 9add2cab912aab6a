//! `altur campaign create`: a phone-call or WhatsApp campaign.

use super::{CREATE, CampaignFields, create_body, flags_of, read_input, send, to_bytes};
use crate::cli::CampaignCreateArgs;
use crate::commands::idempotency::{idempotency_key, retry_hint};
use crate::error::Result;
use crate::session::Session;

/// Checks everything, then creates the campaign under an idempotency key (given or fresh),
/// so that a retry after an unknown outcome is safe.
pub fn run(session: &Session, args: &CampaignCreateArgs) -> Result<()> {
    let input = read_input(&args.fields)?;
    let flags = CampaignFields {
        agent: args.agent.clone(),
        integration_id: args.integration_id.clone(),
        channel: args.channel.clone(),
        ..flags_of(&args.fields)
    };
    let body = create_body(input, &flags)?;
    let key = idempotency_key(args.idempotency_key.as_deref())?;
    let call = CREATE
        .call(&[])
        .with_body(to_bytes(&body))
        .with_idempotency_key(&key)
        .if_unknown(retry_hint("the campaign", &key));
    send(session, call, "the campaign", "create")
}
