//! `altur contact` (contract section 17).

use super::*;
use crate::ids::{CampaignId, ContactId, text_of};

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Add one contact to a campaign
    #[command(after_help = "\
Examples:
  altur contact add --campaign 4821 --phone +525512345678 --name 'Sofía'
  altur contact add --campaign 4821 --phone +525512345678 --data plan=gold -o id")]
    Add(ContactAddArgs),
    /// Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000
    #[command(after_help = CONTACT_IMPORT_HELP)]
    Import(ContactImportArgs),
    /// List the contacts of a campaign
    #[command(after_help = "\
Examples:
  altur contact list --campaign 4821 --status failed
  altur contact list --campaign 4821 --all -o ndjson > contacts.ndjson")]
    List(ContactListArgs),
    /// Show one contact
    #[command(after_help = "Examples:\n  altur contact get --campaign 4821 17")]
    Get {
        /// Campaign id
        #[arg(long, value_name = "ID", value_parser = text_of::<CampaignId>)]
        campaign: String,
        /// Contact id (a positive integer)
        #[arg(value_parser = text_of::<ContactId>)]
        contact_id: String,
    },
    /// Delete a contact (only in queue or failed status)
    #[command(after_help = "Examples:\n  altur contact delete --campaign 4821 17")]
    Delete {
        /// Campaign id
        #[arg(long, value_name = "ID", value_parser = text_of::<CampaignId>)]
        campaign: String,
        /// Contact id
        #[arg(value_parser = text_of::<ContactId>)]
        contact_id: String,
    },
}

const CONTACT_IMPORT_HELP: &str = "\
CSV columns: contact (or phone, phone_number), name, context, f_id (or external_id), and
data.KEY for extracted_data.KEY. NDJSON lines and JSON array elements are ContactInput objects.
Each batch carries a random Idempotency-Key, written to the journal with its records before it
is sent: a retry, or a run resumed with --journal, sends the same batch under the same key and
adds nothing twice. A phone number repeated in the input is sent once (the repeat is skipped).

Examples:
  altur contact import --campaign 42 contacts.csv --journal contacts.journal
  altur contact import --campaign 42 contacts.csv --validate-only";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IfDuplicate {
    Skip,
    Update,
}

impl IfDuplicate {
    pub fn as_str(self) -> &'static str {
        match self {
            IfDuplicate::Skip => "skip",
            IfDuplicate::Update => "update",
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ContactAddArgs {
    /// Campaign id
    #[arg(long, value_name = "ID", value_parser = text_of::<CampaignId>)]
    pub campaign: String,

    /// Phone number in E.164 (+ and the country code)
    #[arg(long, value_name = "PHONE")]
    pub phone: String,

    /// Contact name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Context for the agent
    #[arg(long, value_name = "TEXT")]
    pub context: Option<String>,

    /// extracted_data entry (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub data: Vec<String>,

    /// Your own id for the contact (the API's f_id)
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,

    /// When the number is already in the campaign [API default: skip]
    #[arg(long, value_enum, value_name = "WHAT")]
    pub if_duplicate: Option<IfDuplicate>,

    /// Idempotency-Key to send [default: a new UUID]
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ContactImportArgs {
    /// Campaign id
    #[arg(long, value_name = "ID", value_parser = text_of::<CampaignId>)]
    pub campaign: String,

    /// Input file, or - for stdin
    pub file: PathBuf,

    /// Input format [default: from the file's extension; ndjson for stdin]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImportFormat>,

    /// When a number is already in the campaign
    #[arg(long, value_enum, value_name = "WHAT", default_value = "skip")]
    pub if_duplicate: IfDuplicate,

    /// Contacts per request (1-1000)
    #[arg(
        long,
        default_value_t = 1000,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=1000)
    )]
    pub batch_size: u16,

    /// Batches in flight at once (1-8)
    #[arg(
        long,
        default_value_t = 2,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=8)
    )]
    pub concurrency: u16,

    #[command(flatten)]
    pub run: BulkRunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ContactListArgs {
    /// Campaign id
    #[arg(long, value_name = "ID", value_parser = text_of::<CampaignId>)]
    pub campaign: String,

    /// Only contacts in this status (queue, answered, failed, ...)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,

    #[command(flatten)]
    pub page: PageArgs,
}
