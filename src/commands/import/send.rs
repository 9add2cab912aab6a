//! Sending one record (or one batch) as a job of the bulk pipeline: the retry rules of a POST
//! that creates something, with the run's shared 429 pause ([`pipeline::Pause`]).

use std::time::Instant;

use super::journal::{Event, Journal, JournaledBatch};
use super::{Outcome, Shared};
use crate::client::{self, Call, Client, Delivery};
use crate::error::Error;
use crate::pipeline::Ctx;
use crate::pipeline::post::{self, Next};

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

/// Sends one record, or one batch of them, and journals what happened to each. `None` when
/// the run was halted before anything was sent.
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
    // One event for every record of the request; the first journal error is the answer.
    let note = |event: Event<'_>| -> Result<(), Error> {
        let Some(journal) = journal else {
            return Ok(());
        };
        for (number, hash) in &records {
            journal
                .record(*number, *hash, event)
                .inspect_err(|e| shared.fail(e.clone()))?;
        }
        Ok(())
    };
    let every = |outcome: &dyn Fn() -> Outcome| -> Vec<(u64, Outcome)> {
        records
            .iter()
            .map(|(number, _)| (*number, outcome()))
            .collect()
    };
    // Once `sent` is in the journal, a journal that cannot take the next event leaves `sent` as
    // this record's last word, which a resumed run reads as "may have been created": so the
    // record is `uncertain` now too, whatever the answer was, never `failed`.
    let unrecorded = |what: &str, journal_error: &Error| {
        every(&|| {
            Outcome::Uncertain(Error::new(
                journal_error.kind,
                format!(
                    "{what}, but the journal could not record it ({}): a run resumed from this journal will hold this record back",
                    journal_error.message
                ),
            ))
        })
    };
    if let (Some(journal), Some(batch)) = (journal, &new_batch)
        && let Err(e) = journal.batch(batch).inspect_err(|e| shared.fail(e.clone()))
    {
        // Nothing was sent.
        return Some(every(&|| Outcome::Failed(e.clone())));
    }
    let mut tries = 0;
    // A 429 is journaled once per record: later rounds of the same storm add only `sent`.
    let mut rate_limit_noted = false;
    // The journal's last word on these records is a `sent` that a 429 answered.
    let mut turned_away = false;
    loop {
        // The journal says `failed` (retriable) or nothing while the record waits, so a run
        // that dies now leaves it to be sent again, not reported uncertain.
        if !ctx.wait_out_pause() || shared.halted() {
            if turned_away {
                // Stopped during a pause: what the journal says `sent` was turned away.
                let _ = note(Event::Failed {
                    retriable: true,
                    reason: "rate-limited (HTTP 429) and not sent again before the run stopped",
                });
            }
            return None;
        }
        if let Err(e) = note(Event::Sent) {
            // Nothing was sent.
            return Some(every(&|| Outcome::Failed(e.clone())));
        }
        turned_away = false;
        let failure = match client.attempt_json(&call) {
            Ok(success) => {
                ctx.pause.succeeded();
                shared.server_reached();
                return Some(settle(
                    shared,
                    journal,
                    &all,
                    &answered,
                    batched,
                    &success.body,
                ));
            }
            Err(failure) => failure,
        };
        let error = failure.error.clone();
        // Only an answer shows the server is up. A connection lost after sending (a kept-alive
        // connection the server closed as it went away) proves nothing, and must not hide a
        // run of records that could not be sent.
        if failure.delivery == Delivery::Answered {
            shared.server_reached();
        }
        let mut next = post::after(&failure, batched.is_some(), tries < shared.retries);
        if next == Next::Pause {
            // Not processed: the record goes again once the pause is over, and that costs
            // none of its retries.
            let reason = error.message.clone();
            turned_away = rate_limit_noted;
            if !rate_limit_noted {
                rate_limit_noted = true;
                if let Err(e) = note(Event::Failed {
                    retriable: true,
                    reason: &reason,
                }) {
                    return Some(unrecorded(&error.message, &e));
                }
            }
            if let Err(given_up) = ctx.pause.rate_limited(failure.retry_after, ctx.out) {
                let given_up =
                    given_up.with_hint("run again later with the same --journal to carry on");
                shared.fail(given_up.clone());
                if turned_away {
                    let _ = note(Event::Failed {
                        retriable: true,
                        reason: &given_up.message,
                    });
                }
                return Some(every(&|| Outcome::Failed(given_up.clone())));
            }
            continue;
        }
        if next == Next::StopRun {
            // Every other record would fail the same way.
            shared.fail(error.clone());
            ctx.fail(error.clone());
            let reason = error.message.clone();
            let _ = note(Event::Failed {
                retriable: true,
                reason: &reason,
            });
            return Some(every(&|| Outcome::Failed(error.clone())));
        }
        if let Next::Resend { never_sent } = next {
            let reason = error.message.clone();
            // A keyed batch sent again keeps its `sent`: until it is answered, its outcome is
            // unknown.
            let noted = if never_sent {
                note(Event::Failed {
                    retriable: true,
                    reason: &reason,
                })
            } else {
                Ok(())
            };
            if let Err(e) = noted {
                return Some(unrecorded(&error.message, &e));
            }
            let wait = client::backoff(tries);
            tries += 1;
            if ctx.sleep_until(Instant::now() + wait) {
                continue;
            }
            if never_sent {
                // Journaled as failed already.
                return Some(every(&|| Outcome::Failed(error.clone())));
            }
            // Halted while waiting to send the batch again: its outcome is still unknown.
            next = post::after(&failure, batched.is_some(), false);
        }
        let uncertain = next == Next::Uncertain;
        if failure.delivery == Delivery::NotSent {
            shared.not_sent(&error);
        }
        let reason = error.message.clone();
        let journaled = if uncertain {
            note(Event::Uncertain { reason: &reason })
        } else {
            note(Event::Failed {
                retriable: failure.delivery == Delivery::NotSent,
                reason: &reason,
            })
        };
        if let Err(e) = journaled {
            return Some(unrecorded(&error.message, &e));
        }
        return Some(every(&|| {
            if uncertain {
                Outcome::Uncertain(error.clone())
            } else {
                Outcome::Failed(error.clone())
            }
        }));
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
    let mut settled = Vec::with_capacity(records.len());
    for ((number, hash), outcome) in records.iter().zip(outcomes) {
        if answered.contains(number) {
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
                .record(*number, *hash, event)
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
        settled.push((*number, outcome));
    }
    settled
}
