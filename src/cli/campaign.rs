//! `altur campaign` (contract section 16).

use super::*;
use crate::ids::{CampaignId, text_of};

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// List campaigns, newest first
    #[command(after_help = "\
Examples:
  altur campaign list --status active
  altur campaign list --integration whatsapp --all -o ndjson")]
    List(CampaignListArgs),
    /// Show a campaign with its analytics
    #[command(after_help = "\
Examples:
  altur campaign get 4821
  altur campaign get 4821 -o json")]
    Get {
        /// Campaign id (a positive integer)
        #[arg(value_parser = text_of::<CampaignId>)]
        id: String,
    },
    /// Create a phone-call or WhatsApp campaign
    #[command(after_help = CAMPAIGN_CREATE_HELP)]
    Create(CampaignCreateArgs),
    /// Change some fields of a campaign (only those given are sent)
    ///
    /// A PATCH with only the fields given. agent_id, integration_id, integration_type,
    /// cycles.enabled and cycles.mode are fixed at creation: they have no flags, and --input
    /// holding one is refused (exit 2).
    #[command(after_help = "\
Examples:
  altur campaign update 4821 --name 'Renewals (December)'
  altur campaign update 4821 --schedule 'mon-fri 10:00-17:00' --timezone UTC")]
    Update {
        /// Campaign id
        #[arg(value_parser = text_of::<CampaignId>)]
        id: String,
        #[command(flatten)]
        fields: CampaignFieldArgs,
    },
    /// Start a campaign (from pending, ready or cooldown)
    #[command(after_help = "Examples:\n  altur campaign activate 4821")]
    Activate {
        /// Campaign id
        #[arg(value_parser = text_of::<CampaignId>)]
        id: String,
    },
    /// Pause a campaign (from active or cooldown)
    #[command(after_help = "Examples:\n  altur campaign pause 4821")]
    Pause {
        /// Campaign id
        #[arg(value_parser = text_of::<CampaignId>)]
        id: String,
    },
    /// Resume a paused campaign
    #[command(after_help = "Examples:\n  altur campaign resume 4821")]
    Resume {
        /// Campaign id
        #[arg(value_parser = text_of::<CampaignId>)]
        id: String,
    },
    /// Archive a campaign (from any status)
    #[command(after_help = "Examples:\n  altur campaign archive 4821")]
    Archive {
        /// Campaign id
        #[arg(value_parser = text_of::<CampaignId>)]
        id: String,
    },
}

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

/// `--limit`, `--all` and `--after` of list commands.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    /// Show at most N items [default: 30]
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "all",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub limit: Option<u64>,

    /// Show every item
    #[arg(long)]
    pub all: bool,

    /// Continue a list where an earlier one stopped (the token it printed)
    #[arg(long, value_name = "TOKEN")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CampaignListArgs {
    /// Only campaigns in this status
    #[arg(long, value_name = "STATUS", value_parser = ["pending", "ready", "active", "inactive", "cooldown", "finished"])]
    pub status: Option<String>,

    /// Only campaigns of this channel
    #[arg(long, value_name = "CHANNEL", value_parser = ["phone_call", "whatsapp"])]
    pub integration: Option<String>,

    /// Only campaigns of this agent
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: Option<String>,

    /// Created at or after this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Created at or before this date [default with --since: now]
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// List archived campaigns
    #[arg(long)]
    pub archived: bool,

    #[command(flatten)]
    pub page: PageArgs,
}

/// The fields `create` and `update` both take.
#[derive(Debug, Default, Clone, Args)]
pub struct CampaignFieldArgs {
    /// Campaign name (1-255 characters)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Description
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// IANA time zone of the schedule [API default: America/Mexico_City]
    #[arg(long, value_name = "TZ")]
    pub timezone: Option<String>,

    /// Times a contact is tried again (0-5; the body's `retries`)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub contact_retries: Option<i64>,

    /// Messages per run (1-10000)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub message_limit: Option<i64>,

    /// What the agent says first (phone_call only)
    #[arg(long, value_name = "TEXT")]
    pub first_message: Option<String>,

    /// WhatsApp template name (whatsapp only)
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,

    /// Alternate WhatsApp template (whatsapp only)
    #[arg(long, value_name = "NAME")]
    pub template_alt: Option<String>,

    /// Days and hours to run, like 'mon-fri 09:00-18:00' (repeatable)
    #[arg(long, value_name = "DAYS HH:MM-HH:MM")]
    pub schedule: Vec<String>,

    /// The body as a JSON object from FILE (- for stdin); flags override its fields
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct CampaignCreateArgs {
    /// The agent that calls or writes (its id)
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: Option<String>,

    /// The integration (phone line or WhatsApp number) of the agent
    #[arg(long, value_name = "ID")]
    pub integration_id: Option<String>,

    /// The channel: phone_call or whatsapp
    #[arg(long, value_name = "CHANNEL", value_parser = ["phone_call", "whatsapp"])]
    pub channel: Option<String>,

    #[command(flatten)]
    pub fields: CampaignFieldArgs,

    /// Idempotency-Key to send [default: a new UUID]; reuse it to retry a create safely
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
}
