//! `altur campaign` (contract section 16).

use super::*;

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
