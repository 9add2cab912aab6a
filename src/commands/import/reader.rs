//! The reader thread: parses records one at a time, answers those that need no request
//! (invalid, or settled by the journal) and queues the others for the workers, in batches
//! when the kind takes batches.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender};

use super::TICK;
use super::journal::{History, Prior};
use super::outcome::Outcome;
use super::read::{self, Input};
use super::send::Work;
use super::shared::{Message, Shared};
use super::verdict::Verdict;
use crate::cli::ImportFormat;
use crate::error::{Error, Kind};

pub(super) struct Reader<'a> {
    pub(super) shared: &'a Shared,
    pub(super) history: History,
    pub(super) verdict: Verdict,
    pub(super) resend_uncertain: bool,
    pub(super) slots: Receiver<()>,
    pub(super) work_queue: SyncSender<Work>,
    pub(super) results: Sender<Message>,
    /// Records waiting for their batch to fill: number, hash, body.
    pub(super) batch: Vec<(u64, u64, Vec<u8>)>,
}

impl Reader<'_> {
    pub(super) fn run(mut self, input: Input, format: ImportFormat) {
        let mut number = 0;
        let kind = self.shared.kind;
        let read = read::read(input, format, kind, &mut |parsed| {
            if !self.take_slot() {
                return false;
            }
            number += 1;
            self.shared.records_read.store(number, Ordering::Relaxed);
            self.admit(number, parsed) && !self.shared.stopping()
        });
        // The input ended (or failed) before the verdict was due: give it on what was read.
        // (A stopping run sends nothing more: what is held stays "read but not processed".)
        let verdict_given =
            self.verdict.held.is_none() || (!self.shared.stopping() && self.give_verdict());
        // The last batch, however short.
        if verdict_given && !self.shared.stopping() {
            self.flush_batch();
        }
        match read {
            Err(error) if verdict_given => {
                // What was read is still sent; the run then ends with the input's error.
                self.shared.set_fatal(error);
            }
            _ => {}
        }
        let _ = self.results.send(Message::ReadAll(number));
    }

    /// Queues the records waiting in the batch as one request. False to stop reading.
    pub(super) fn flush_batch(&mut self) -> bool {
        let Some(batching) = &self.shared.kind.batch else {
            return true;
        };
        if self.batch.is_empty() {
            return true;
        }
        let batch = std::mem::take(&mut self.batch);
        let bodies: Vec<&[u8]> = batch.iter().map(|(_, _, body)| body.as_slice()).collect();
        let call = batching.call(&bodies);
        let records = batch
            .iter()
            .map(|(number, hash, _)| (*number, *hash))
            .collect();
        self.work_queue.send(Work { records, call }).is_ok()
    }

    /// Waits for room in the reordering window; false when the run is stopping.
    pub(super) fn take_slot(&self) -> bool {
        loop {
            if self.shared.stopping() {
                return false;
            }
            match self.slots.recv_timeout(TICK) {
                Ok(()) => return true,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
    }

    /// Holds the record while the journal's verdict is pending, else dispatches it. False to
    /// stop reading.
    pub(super) fn admit(&mut self, number: u64, parsed: read::Parsed) -> bool {
        if self.verdict.held.is_none() {
            return self.dispatch(number, parsed);
        }
        let ready = self.verdict.note(number, &parsed, &self.history);
        self.verdict
            .held
            .as_mut()
            .expect("pending")
            .push((number, parsed));
        !ready || self.give_verdict()
    }

    /// Refuses the run, or sends what was held back. False when the run must stop.
    pub(super) fn give_verdict(&mut self) -> bool {
        let held = self.verdict.held.take().unwrap_or_default();
        if let Some(refusal) = self.verdict.refusal() {
            self.shared.fail(refusal);
            return false;
        }
        held.into_iter()
            .all(|(number, parsed)| self.dispatch(number, parsed))
    }

    /// Answers for the record at once, or queues it for a worker (in a batch when the kind
    /// takes batches). False to stop reading.
    pub(super) fn dispatch(&mut self, number: u64, parsed: read::Parsed) -> bool {
        let body = match parsed {
            Ok(body) => body,
            Err(reason) => {
                self.shared.deliver(
                    &self.results,
                    number,
                    Outcome::Failed((self.shared.kind.refused)(reason)),
                );
                return true;
            }
        };
        let hash = read::fnv1a(&body);
        let outcome = match self.history.get(&number) {
            Some((recorded, Prior::Created(id))) if *recorded != hash => {
                let id = id
                    .as_deref()
                    .map(|id| format!(" (id {id})"))
                    .unwrap_or_default();
                Outcome::Failed(Error::input(format!(
                    "changed after it was created{id} by an earlier run with this journal: not sent, so as not to create it twice"
                )))
            }
            Some((_, Prior::Created(id))) => Outcome::Skipped(id.clone()),
            // A batch goes again under a key made of its content, which the API de-duplicates
            // on (and a contact already added is a duplicate it skips): safe to re-send.
            Some((_, Prior::InFlight | Prior::Uncertain))
                if !self.resend_uncertain && self.shared.kind.batch.is_none() =>
            {
                Outcome::Uncertain(Error::new(
                    Kind::Unknown,
                    "an earlier run sent this record and never learned whether it was created; not sent again (--resend-uncertain sends it anyway)",
                ))
            }
            // Never sent, failed (maybe fixed since), or uncertain with --resend-uncertain.
            _ => {
                let Some(batching) = &self.shared.kind.batch else {
                    let call = self.shared.kind.request(body).to_call();
                    return self
                        .work_queue
                        .send(Work {
                            records: vec![(number, hash)],
                            call,
                        })
                        .is_ok();
                };
                self.batch.push((number, hash, body));
                return self.batch.len() < batching.size() || self.flush_batch();
            }
        };
        self.shared.deliver(&self.results, number, outcome);
        true
    }
}
