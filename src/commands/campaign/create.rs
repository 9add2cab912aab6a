//! `altur campaign create`: a phone-call or WhatsApp campaign.

use super::{CREATE, CampaignFields, create_body, flags_of, read_input, send, to_bytes};
use crate::cli::{CampaignFieldArgs, Policy};
use crate::commands::idempotency::{idempotency_key, retry_hint};
use crate::error::Result;
use crate::session::Session;

/// Create a phone-call or WhatsApp campaign
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = CAMPAIGN_CREATE_HELP)]
pub(crate) struct Args {
    /// The agent that calls or writes (its id)
    #[arg(long, value_name = "AGENT_ID")]
    pub(crate) agent: Option<String>,

    /// The integration (phone line or WhatsApp number) of the agent
    #[arg(long, value_name = "ID")]
    pub(crate) integration_id: Option<String>,

    /// The channel: phone_call or whatsapp
    #[arg(long, value_name = "CHANNEL", value_parser = ["phone_call", "whatsapp"])]
    pub(crate) channel: Option<String>,

    #[command(flatten)]
    pub(crate) fields: CampaignFieldArgs,

    /// Idempotency-Key to send [default: a new UUID]; reuse it to retry a create safely
    #[arg(long, value_name = "KEY")]
    pub(crate) idempotency_key: Option<String>,
}

pub(crate) const POLICY: Policy = Policy::READ;

const CAMPAIGN_CREATE_HELP: &str = "\
Checked before anything is sent (exit 2): the name is 1-255 characters, --contact-retries 0-5,
--message-limit 1-10000, --first-message is for phone_call only, templates (and cycles) for the
channel they belong to. Every create carries an Idempotency-Key (a new UUID, or
--idempotency-key): a create whose answer was lost is sent again with the same key; when the
outcome stays unknown, the error gives the command to retry safely (exit 7).

--schedule takes a day (mon), a day range (mon-fri) or a list (mon,wed,fri), then hours
HH:MM-HH:MM within the day; days no schedule names are inactive.

Examples:
  altur campaign create --name Renewals --agent \"$AGENT\" \\
      --integration-id int_phone --channel phone_call \\
      --schedule 'mon-fri 09:00-18:00' --schedule 'sat 10:00-14:00'
  altur campaign create --input campaign.json -o id";

/// Checks everything, then creates the campaign under an idempotency key (given or fresh),
/// so that a retry after an unknown outcome is safe.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
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
