//! How the reader groups records into requests when the API takes them many at a time
//! (contacts; contract section 20 "Safety"):
//! - a new batch gets a fresh random `Idempotency-Key`, and is journaled with its records
//!   before it is first sent, so a re-import of the same file in a later run never replays an
//!   earlier run's answers;
//! - a batch an earlier run journaled and never learned the outcome of is sent again exactly as
//!   it was, under its key, never regrouped: the API answers it without adding anything twice;
//! - a record repeated within the input (the same phone number) is sent once; the repeats are
//!   `skipped`, so the run's counts agree with the API's.
//!
//! New records are grouped by the pipeline's [`Batcher`]; what is kept here is what only
//! contacts need (their keys, the journaled batches, the repeats).

use std::collections::HashMap;

use super::journal::{History, JournaledBatch, Prior};
use super::kind::Batching;
use super::outcome::{JOURNALED, Outcome};
use super::read::fnv1a;
use super::send::Work;
use crate::error::{Error, Kind};
use crate::pipeline::rules::Batcher;

/// What the reader does with a record.
pub(super) enum Route {
    /// Answered at once.
    Answer(Outcome),
    /// Kept until its batch is complete; nothing to do now.
    Held,
    /// Kept, and its batch is now complete: queue it (and answer the records that cannot go).
    Queue(Option<Box<Work>>, Vec<(u64, Outcome)>),
}

pub(super) struct Batches {
    batching: &'static dyn Batching,
    /// Records waiting for the new batch to fill: number, and hash and body.
    fresh: Batcher<(u64, Vec<u8>)>,
    /// Batches of earlier runs whose outcome is unknown, to be sent again as they were.
    resends: Vec<Resend>,
    /// The resend each of their records belongs to.
    member: HashMap<u64, usize>,
    /// The first record with each identity (see [`Batching::identity`]).
    seen: HashMap<u64, u64>,
}

struct Resend {
    batch: JournaledBatch,
    bodies: HashMap<u64, Vec<u8>>,
    /// Records given their result already (created by an earlier run).
    answered: Vec<u64>,
    /// Records waiting for the batch's outcome.
    waiting: Vec<u64>,
    /// Records of it read so far.
    read: usize,
    /// A record of it changed or no longer reads: the batch cannot be sent as it was.
    broken: bool,
}

impl Batches {
    /// The batches of `journaled` that an earlier run left unsettled (a record of theirs was
    /// sent and its outcome never learned) are sent again; the rest are history.
    pub(super) fn new(
        batching: &'static dyn Batching,
        journaled: Vec<JournaledBatch>,
        history: &History,
    ) -> Batches {
        let mut latest = HashMap::new();
        for (index, batch) in journaled.iter().enumerate() {
            for (number, _) in &batch.records {
                latest.insert(*number, index);
            }
        }
        let unknown = |number: &u64| {
            matches!(
                history.get(number),
                Some((_, Prior::InFlight | Prior::Uncertain))
            )
        };
        let mut resends = Vec::new();
        let mut member = HashMap::new();
        for (index, batch) in journaled.into_iter().enumerate() {
            let own = |number: &u64| latest.get(number) == Some(&index);
            if !batch.records.iter().any(|(n, _)| own(n) && unknown(n)) {
                continue;
            }
            for (number, _) in &batch.records {
                if own(number) {
                    member.insert(*number, resends.len());
                }
            }
            resends.push(Resend {
                batch,
                bodies: HashMap::new(),
                answered: Vec::new(),
                waiting: Vec::new(),
                read: 0,
                broken: false,
            });
        }
        Batches {
            batching,
            fresh: Batcher::new(batching.size()),
            resends,
            member,
            seen: HashMap::new(),
        }
    }

    /// Where record `number` goes. `parsed` is its body, or the outcome of a record refused as
    /// read; `settled`, what the journal says of it outside a batch to send again.
    pub(super) fn route(
        &mut self,
        number: u64,
        hash: u64,
        parsed: Result<Vec<u8>, Outcome>,
        settled: Option<Outcome>,
        prior: Option<&Prior>,
    ) -> Route {
        if let Ok(body) = &parsed
            && let Some(identity) = self.batching.identity(body)
        {
            let first = *self.seen.entry(identity).or_insert(number);
            if first != number && !self.member.contains_key(&number) {
                return Route::Answer(Outcome::Skipped {
                    id: None,
                    reason: format!("duplicate of record {first}"),
                });
            }
        }
        let Some(&index) = self.member.get(&number) else {
            if let Some(outcome) = settled {
                return Route::Answer(outcome);
            }
            return match parsed {
                Ok(body) => match self.fresh.push(number, (hash, body)) {
                    None => Route::Held,
                    Some(full) => Route::Queue(Some(Box::new(self.fresh_batch(full))), Vec::new()),
                },
                Err(outcome) => Route::Answer(outcome),
            };
        };
        let resend = &mut self.resends[index];
        resend.read += 1;
        let journaled = resend.batch.records.iter().find(|(n, _)| *n == number);
        let same = journaled.is_some_and(|(_, h)| *h == hash);
        let answer = match parsed {
            Ok(body) if same => {
                resend.bodies.insert(number, body);
                match prior {
                    Some(Prior::Created(id)) => {
                        resend.answered.push(number);
                        Some(Outcome::Skipped {
                            id: id.clone(),
                            reason: JOURNALED.into(),
                        })
                    }
                    _ => {
                        resend.waiting.push(number);
                        None
                    }
                }
            }
            Ok(_) => {
                resend.broken = true;
                resend.waiting.push(number);
                None
            }
            Err(outcome) => {
                resend.broken = true;
                Some(outcome)
            }
        };
        if resend.read < resend.batch.records.len() {
            return answer.map_or(Route::Held, Route::Answer);
        }
        let (work, mut answers) = self.resend(index);
        if let Some(outcome) = answer {
            answers.push((number, outcome));
        }
        Route::Queue(work.map(Box::new), answers)
    }

    /// The first record of the batch being filled.
    pub(super) fn oldest_fresh(&self) -> Option<u64> {
        self.fresh.oldest()
    }

    /// The batch being filled, as a request under a fresh key; `None` when it is empty.
    pub(super) fn flush(&mut self) -> Option<Work> {
        let fresh = self.fresh.take()?;
        Some(self.fresh_batch(fresh))
    }

    /// New records, in input order, as one request under a fresh key.
    fn fresh_batch(&self, fresh: Vec<(u64, (u64, Vec<u8>))>) -> Work {
        let bodies: Vec<&[u8]> = fresh.iter().map(|(_, (_, body))| body.as_slice()).collect();
        let body = self.batching.body(&bodies);
        let batch = JournaledBatch {
            key: uuid::Uuid::new_v4().to_string(),
            body: fnv1a(&body),
            records: fresh.iter().map(|(n, (h, _))| (*n, *h)).collect(),
        };
        Work {
            records: batch.records.clone(),
            call: self.batching.call(body, &batch.key),
            answered: Vec::new(),
            new_batch: Some(batch),
        }
    }

    /// The journaled batch `index`, all of it read: the same request again, or, when it can
    /// no longer be made the same, an uncertain outcome for each record still waiting.
    fn resend(&mut self, index: usize) -> (Option<Work>, Vec<(u64, Outcome)>) {
        let batching = self.batching;
        let resend = &mut self.resends[index];
        let waiting = std::mem::take(&mut resend.waiting);
        let body = (!resend.broken)
            .then(|| {
                let bodies = resend
                    .batch
                    .records
                    .iter()
                    .map(|(n, _)| resend.bodies.get(n).map(Vec::as_slice))
                    .collect::<Option<Vec<&[u8]>>>()?;
                Some(batching.body(&bodies))
            })
            .flatten()
            .filter(|body| fnv1a(body) == resend.batch.body);
        resend.bodies.clear();
        let Some(body) = body else {
            return (
                None,
                unsendable(waiting, "records of it have changed since"),
            );
        };
        let work = Work {
            records: resend.batch.records.clone(),
            call: batching.call(body, &resend.batch.key),
            answered: std::mem::take(&mut resend.answered),
            new_batch: None,
        };
        (Some(work), Vec::new())
    }

    /// The input ended: journaled batches not read whole cannot be sent again.
    pub(super) fn unfinished(&mut self) -> Vec<(u64, Outcome)> {
        self.resends
            .iter_mut()
            .filter(|r| r.read < r.batch.records.len())
            .flat_map(|r| {
                unsendable(
                    std::mem::take(&mut r.waiting),
                    "records of it are missing from the input",
                )
            })
            .collect()
    }
}

fn unsendable(waiting: Vec<u64>, why: &str) -> Vec<(u64, Outcome)> {
    waiting
        .into_iter()
        .map(|number| {
            (
                number,
                Outcome::Uncertain(Error::new(
                    Kind::Unknown,
                    format!(
                        "an earlier run sent this record in a batch whose outcome it never learned, and the batch cannot be sent again as it was ({why}): check the campaign's contacts"
                    ),
                )),
            )
        })
        .collect()
}
