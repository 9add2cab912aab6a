//! `altur contact import`: the import engine of `enduser import` (streaming, order, journal,
//! 429 pauses, Ctrl-C) with contacts as its records, sent in batches of up to 1000, each under
//! the `Idempotency-Key` the engine gives it (random per batch and run, kept in the journal).

use serde_json::{Value, json};

use super::checked_numeric_id;
use super::{
    ADD, CSV_KNOWN, NOT_ADDED, RowResult, batch_body, batch_results, batch_summary,
    contact_from_csv, contact_from_json, csv_field, row_error_message,
};
use crate::cli::{ContactImportArgs, ImportArgs};
use crate::client::Call;
use crate::commands::import::{self, Batching, Outcome, RecordKind};
use crate::error::{Error, Kind, Result};
use crate::session::Session;

/// Streams the file's contacts to a campaign in batches, with the import engine's journal,
/// pauses and Ctrl-C.
pub fn run(session: &Session, args: &ContactImportArgs) -> Result<()> {
    let campaign = checked_numeric_id("campaign", &args.campaign)?;
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
