//! What became of each record, and the counts the summary line and the exit code come from.

use std::time::Duration;

use serde_json::json;

use crate::error::{Error, Kind, Result};
use crate::output::Output;

/// Why a record the journal lists as created is skipped.
pub const JOURNALED: &str = "already created (journal)";

/// What became of one record.
#[derive(Debug, Clone)]
pub enum Outcome {
    Created(Option<String>),
    /// Taken by a batch endpoint (a contact added, updated or found already there).
    Added {
        id: Option<String>,
        contact: Option<String>,
    },
    Failed(Error),
    /// Not sent: created by an earlier run, or a repeat of an earlier record.
    Skipped {
        id: Option<String>,
        reason: String,
    },
    Uncertain(Error),
    Valid,
}

impl Outcome {
    pub(super) fn line(&self, record: u64) -> String {
        let error = |e: &Error| e.to_json()["error"].clone();
        let line = match self {
            Outcome::Created(id) => json!({"record": record, "status": "created", "id": id}),
            Outcome::Added { id, contact } => {
                json!({"record": record, "status": "added", "id": id, "contact": contact})
            }
            Outcome::Failed(e) => json!({"record": record, "status": "failed", "error": error(e)}),
            Outcome::Skipped { id, reason } => json!({
                "record": record,
                "status": "skipped",
                "reason": reason,
                "id": id,
            }),
            Outcome::Uncertain(e) => {
                json!({"record": record, "status": "uncertain", "error": error(e)})
            }
            Outcome::Valid => json!({"record": record, "status": "valid"}),
        };
        format!("{line}\n")
    }

    pub(super) fn is_failure(&self) -> bool {
        matches!(self, Outcome::Failed(_) | Outcome::Uncertain(_))
    }
}

#[derive(Default)]
pub(super) struct Tally {
    pub(super) created: u64,
    pub(super) failed: u64,
    pub(super) skipped: u64,
    pub(super) uncertain: u64,
    pub(super) valid: u64,
    /// Of the skipped, those the journal lists as created.
    pub(super) journaled: u64,
}

impl Tally {
    pub(super) fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Created(_) | Outcome::Added { .. } => self.created += 1,
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Skipped { reason, .. } => {
                self.skipped += 1;
                if reason == JOURNALED {
                    self.journaled += 1;
                }
            }
            Outcome::Uncertain(_) => self.uncertain += 1,
            Outcome::Valid => self.valid += 1,
        }
    }

    pub(super) fn total(&self) -> u64 {
        self.created + self.failed + self.skipped + self.uncertain + self.valid
    }
}

pub(super) fn partial(tally: &Tally) -> Result<()> {
    if tally.failed + tally.uncertain == 0 {
        return Ok(());
    }
    Err(Error::new(
        Kind::Partial,
        format!(
            "{} of {} records failed or are uncertain (see the results on stdout)",
            tally.failed + tally.uncertain,
            tally.total()
        ),
    ))
}

pub(super) fn summary(
    out: &Output,
    tally: &Tally,
    created: &str,
    not_processed: u64,
    elapsed: Duration,
    stopped: Option<&str>,
) {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        tally.total() as f64 / secs
    } else {
        0.0
    };
    let rest = if not_processed > 0 {
        format!(", {not_processed} read but not processed")
    } else {
        String::new()
    };
    let stopped = stopped.map(|s| format!("; {s}")).unwrap_or_default();
    out.note(&format!(
        "import: {} {created}, {} failed, {} skipped, {} uncertain{rest} in {secs:.2} s ({rate:.0} records/s){stopped}",
        tally.created, tally.failed, tally.skipped, tally.uncertain
    ));
}
