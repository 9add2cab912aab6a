//! Sending one record (or one batch) as a job of the bulk pipeline: the POST rules of
//! [`crate::pipeline::post`] (retries, the shared 429 pause, the journal before each send),
//! with the import's journal as their hook and each record's outcome from the answer.

use super::journal::{Event, Journal, JournaledBatch};
use super::{Outcome, Shared};
use crate::client::{Call, Client};
use crate::error::Error;
use crate::pipeline::Ctx;
use crate::pipeline::post::{self, Journaling, Sent};
use crate::pipeline::rules::{Answer, per_record};

/// Records ready to send: each one's number and the hash the journal keeps (one record, or
/// a batch in input order), and their request.
pub struct Work {
    pub records: Vec<(u64, u64)>,
    pub call: Call,
    /// Records of a batch sent again whole that have their result already (created by an
    /// earlier run): neither journaled nor reported again.
    pub answered: Vec<u64>,
    /// A batch sent for the first time, journaled with its key before it is sent.
    pub new_batch: Option<JournaledBatch>,
}

/// Sends one record, or one batch of them, under the POST rules of the pipeline, and journals
/// what happened to each. `None` when the run was halted before anything was sent.
pub fn send(
    client: &Client,
    shared: &Shared,
    ctx: &Ctx<'_>,
    journal: Option<&Journal>,
    work: Work,
) -> Option<Vec<(u64, Outcome)>> {
    let Work {
        records: all,
        call,
        answered,
        new_batch,
    } = work;
    let records: Vec<(u64, u64)> = all
        .iter()
        .filter(|(number, _)| !answered.contains(number))
        .copied()
        .collect();
    let batched = shared
        .kind
        .batch
        .as_deref()
        .filter(|_| call.has_header("idempotency-key"));
    let hooks = Records {
        shared,
        journal,
        records: &records,
        new_batch: new_batch.as_ref(),
    };
    let keyed = batched.is_some();
    let sent = post::send(ctx, &hooks, keyed, shared.retries, || {
        client.attempt_json(&call)
    });
    let numbers: Vec<u64> = records.iter().map(|(number, _)| *number).collect();
    let every = |outcome: Outcome| per_record(&numbers, Answer::All(outcome));
    Some(match sent {
        Sent::Answered(success) => settle(shared, journal, &all, &answered, batched, &success.body),
        Sent::Failed(error) => every(Outcome::Failed(error)),
        Sent::Uncertain(error) => every(Outcome::Uncertain(error)),
        // Once `sent` is in the journal, a journal that cannot take the next event leaves
        // `sent` as this record's last word, which a resumed run reads as "may have been
        // created": so the record is `uncertain` now too, whatever the answer was.
        Sent::Unrecorded { what, journal } => every(Outcome::Uncertain(Error::new(
            journal.kind,
            format!(
                "{what}, but the journal could not record it ({}): a run resumed from this journal will hold this record back",
                journal.message
            ),
        ))),
        Sent::Halted => return None,
    })
}

/// The import's journal under the POST rules: one event per record of the request, synced
/// before the request leaves; a new batch (its key and its records) before its first `sent`.
struct Records<'a> {
    shared: &'a Shared,
    journal: Option<&'a Journal>,
    records: &'a [(u64, u64)],
    new_batch: Option<&'a JournaledBatch>,
}

impl Records<'_> {
    /// One event for every record of the request; the first journal error is the answer (and
    /// ends the run).
    fn note(&self, event: Event<'_>) -> Result<(), Error> {
        let Some(journal) = self.journal else {
            return Ok(());
        };
        for (number, hash) in self.records {
            journal
                .record(*number, *hash, event)
                .inspect_err(|e| self.shared.fail(e.clone()))?;
        }
        Ok(())
    }
}

impl Journaling for Records<'_> {
    fn before_send(&self, first: bool) -> Result<(), Error> {
        if first && let (Some(journal), Some(batch)) = (self.journal, self.new_batch) {
            journal
                .batch(batch)
                .inspect_err(|e| self.shared.fail(e.clone()))?;
        }
        self.note(Event::Sent)
    }

    fn failed(&self, retriable: bool, reason: &str) -> Result<(), Error> {
        self.note(Event::Failed { retriable, reason })
    }

    fn uncertain(&self, reason: &str) -> Result<(), Error> {
        self.note(Event::Uncertain { reason })
    }

    fn answered(&self) {
        self.shared.server_reached();
    }

    fn not_sent(&self, error: &Error) {
        self.shared.not_sent(error);
    }

    fn stop(&self, error: &Error) {
        self.shared.fail(error.clone());
    }
}

/// The outcome of each record of a 2xx answer, journaled.
fn settle(
    shared: &Shared,
    journal: Option<&Journal>,
    records: &[(u64, u64)],
    answered: &[u64],
    batched: Option<&dyn super::kind::Batching>,
    answer: &serde_json::Value,
) -> Vec<(u64, Outcome)> {
    let outcomes = match batched {
        Some(batching) => {
            shared.add_counts(batching.counts(answer));
            batching.outcomes(answer, records.len())
        }
        None => vec![Outcome::Created((shared.kind.created_id)(answer))],
    };
    let numbers: Vec<u64> = records.iter().map(|(number, _)| *number).collect();
    let mut settled = Vec::with_capacity(records.len());
    for ((number, outcome), (_, hash)) in per_record(&numbers, Answer::Each(outcomes))
        .into_iter()
        .zip(records)
    {
        if answered.contains(&number) {
            continue;
        }
        let event = match &outcome {
            Outcome::Created(id) | Outcome::Added { id, .. } => Event::Created(id.as_deref()),
            Outcome::Failed(error) => Event::Failed {
                retriable: false,
                reason: &error.message,
            },
            _ => Event::Uncertain {
                reason: "the answer said nothing of this record",
            },
        };
        let recorded = match journal {
            Some(journal) => journal
                .record(number, *hash, event)
                .inspect_err(|e| shared.fail(e.clone())),
            None => Ok(()),
        };
        let outcome = match recorded {
            Ok(()) => outcome,
            Err(e) => {
                let what = match &outcome {
                    Outcome::Created(Some(id)) | Outcome::Added { id: Some(id), .. } => {
                        format!("created with the id {id}")
                    }
                    _ => "answered".to_owned(),
                };
                Outcome::Uncertain(Error::new(
                    e.kind,
                    format!(
                        "{what}, but the journal could not record it ({}): a run resumed from this journal will hold this record back",
                        e.message
                    ),
                ))
            }
        };
        settled.push((number, outcome));
    }
    settled
}
