//! `altur contact import`: the import engine of `enduser import` (streaming, order, journal,
//! 429 pauses, Ctrl-C) with contacts as its records, sent in batches of up to 1000, each under
//! the `Idempotency-Key` the engine gives it (random per batch and run, kept in the journal).

use serde_json::{Value, json};

use super::{
    ADD, CSV_KNOWN, NOT_ADDED, RowResult, batch_body, batch_results, batch_summary,
    contact_from_csv, contact_from_json, csv_field, row_error_message,
};
use crate::cli::ImportArgs;
use crate::cli::Policy;
use crate::cli::{BulkRunArgs, Concurrency, IfDuplicate, ImportFormat, concurrency, in_place};
use crate::client::Call;
use crate::commands::import::{self, Batching, Outcome, RecordKind};
use crate::error::{Error, Kind, Result};
use crate::ids::CampaignId;
use crate::session::Session;
use std::path::PathBuf;

/// Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = CONTACT_IMPORT_HELP)]
#[command(mut_args(in_place("concurrency", |arg| {
    concurrency(arg, "Batches in flight", 8).default_value("2")
})))]
pub(crate) struct Args {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: CampaignId,

    /// Input file, or - for stdin
    pub(crate) file: PathBuf,

    /// Input format [default: from the file's extension; ndjson for stdin]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) format: Option<ImportFormat>,

    /// When a number is already in the campaign
    #[arg(long, value_enum, value_name = "WHAT", default_value = "skip")]
    pub(crate) if_duplicate: IfDuplicate,

    /// Contacts per request (1-1000)
    #[arg(
        long,
        default_value_t = 1000,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=1000)
    )]
    pub(crate) batch_size: u16,

    #[command(flatten)]
    pub(crate) concurrency: Concurrency,

    #[command(flatten)]
    pub(crate) run: BulkRunArgs,
}

pub(crate) const POLICY: Policy = Policy::STRICT;

const CONTACT_IMPORT_HELP: &str = "\
CSV columns: contact (or phone, phone_number), name, context, f_id (or external_id), and
data.KEY for extracted_data.KEY. NDJSON lines and JSON array elements are ContactInput objects.
Each batch carries a random Idempotency-Key, written to the journal with its records before it
is sent: a retry, or a run resumed with --journal, sends the same batch under the same key and
adds nothing twice. A phone number repeated in the input is sent once (the repeat is skipped).

Examples:
  altur contact import --campaign 42 contacts.csv --journal contacts.journal
  altur contact import --campaign 42 contacts.csv --validate-only";

/// Streams the file's contacts to a campaign in batches, with the import engine's journal,
/// pauses and Ctrl-C.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let campaign = args.campaign.get();
    // One kind per run, made at run time (it knows the campaign): leaked, as the engine keeps
    // kinds for the whole run, which is the whole process.
    let kind: &'static RecordKind = Box::leak(Box::new(RecordKind {
        path: "/campaigns/{id}/contacts",
        from_json: contact_from_json,
        csv_field,
        csv_required: &[("contact", "contact (or phone, phone_number)")],
        csv_known: CSV_KNOWN,
        csv_unknown_hint: |column| {
            Some(format!(
                "to keep it in the contact's extracted_data, name the column data.{column}"
            ))
        },
        from_csv: contact_from_csv,
        created_id: crate::commands::import::id_field,
        refused: super::refused,
        batch: Some(Box::new(ContactBatches {
            campaign,
            size: usize::from(args.batch_size),
            if_duplicate: args.if_duplicate.as_str(),
        })),
        // One file may go to many campaigns: a journal per file would mix them up.
        default_journal: false,
    }));
    let engine_args = ImportArgs {
        file: args.file.clone(),
        format: args.format,
        concurrency: args.concurrency,
        run: args.run.clone(),
    };
    import::run_kind(session, &engine_args, kind)
}

/// `POST /campaigns/{id}/contacts` with up to `size` contacts.
struct ContactBatches {
    campaign: u64,
    size: usize,
    if_duplicate: &'static str,
}

impl Batching for ContactBatches {
    fn size(&self) -> usize {
        self.size
    }

    fn body(&self, bodies: &[&[u8]]) -> Vec<u8> {
        batch_body(bodies, self.if_duplicate)
    }

    fn call(&self, body: Vec<u8>, key: &str) -> Call {
        ADD.call(&[&self.campaign.to_string()])
            .with_body(body)
            .with_idempotency_key(key)
    }

    /// The phone number (normalised when read): the API keeps one contact per number.
    fn identity(&self, body: &[u8]) -> Option<u64> {
        use std::hash::{Hash, Hasher};
        let contact: Value = serde_json::from_slice(body).ok()?;
        let mut hasher = std::hash::DefaultHasher::new();
        contact.get("contact")?.as_str()?.hash(&mut hasher);
        Some(hasher.finish())
    }

    fn outcomes(&self, answer: &Value, count: usize) -> Vec<Outcome> {
        batch_results(answer, count)
            .into_iter()
            .map(|row| match row {
                RowResult::Added { id, contact } => Outcome::Added { id, contact },
                RowResult::Failed { code } => Outcome::Failed(
                    Error::new(Kind::Api, format!("{} ({code})", row_error_message(&code)))
                        .with_body(json!({"error": code})),
                ),
                RowResult::NotAdded => Outcome::Failed(Error::new(Kind::Api, NOT_ADDED)),
                RowResult::Missing => Outcome::Uncertain(Error::new(
                    Kind::Unknown,
                    "the API's answer to the batch has no result for this record",
                )),
            })
            .collect()
    }

    fn counts(&self, answer: &Value) -> Vec<(&'static str, u64)> {
        let [created, updated, skipped, failed] = batch_summary(answer);
        vec![
            ("created", created),
            ("updated", updated),
            ("skipped_duplicate", skipped),
            ("failed", failed),
        ]
    }
}
