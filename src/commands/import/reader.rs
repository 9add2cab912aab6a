//! The reader thread: parses records one at a time, answers those that need no request
//! (invalid, or settled by the journal) and queues the others for the workers, in batches
//! when the kind takes batches.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, TryRecvError};

use super::TICK;
use super::batches::{Batches, Route};
use super::journal::{History, Prior};
use super::outcome::{JOURNALED, Outcome};
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
    /// How records go into requests, when the kind takes them many at a time.
    pub(super) batches: Option<Batches>,
    /// The CSV delimiter given, if any.
    pub(super) delimiter: Option<u8>,
}

impl Reader<'_> {
    pub(super) fn run(mut self, input: Input, format: ImportFormat) {
        let mut number = 0;
        let kind = self.shared.kind;
        let read = read::read(input, format, kind, self.delimiter, &mut |parsed| {
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

    /// Queues the records waiting in the batch as one request, and answers for the records of
    /// journaled batches the input ended before. False to stop reading.
    pub(super) fn flush_batch(&mut self) -> bool {
        let Some(batches) = &mut self.batches else {
            return true;
        };
        let work = batches.flush();
        for (number, outcome) in batches.unfinished() {
            self.shared.deliver(&self.results, number, outcome);
        }
        work.is_none_or(|work| self.work_queue.send(work).is_ok())
    }

    /// Waits for room in the reordering window; false when the run is stopping.
    pub(super) fn take_slot(&mut self) -> bool {
        loop {
            if self.shared.stopping() {
                return false;
            }
            match self.slots.try_recv() {
                Ok(()) => return true,
                Err(TryRecvError::Disconnected) => return false,
                Err(TryRecvError::Empty) => {}
            }
            if !self.unblock() {
                return false;
            }
            match self.slots.recv_timeout(TICK) {
                Ok(()) => return true,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
    }

    /// The window is full and the oldest record waiting to be printed is in the batch being
    /// filled (records answered at once, like invalid ones, came after it): nothing frees a
    /// slot until that batch goes, so it goes now, short. False to stop reading.
    fn unblock(&mut self) -> bool {
        let Some(batches) = &mut self.batches else {
            return true;
        };
        let next = self.shared.next_to_print.load(Ordering::Relaxed);
        if batches.oldest_fresh() != Some(next) {
            return true;
        }
        match batches.flush() {
            Some(work) => self.work_queue.send(work).is_ok(),
            None => true,
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
        let kind = self.shared.kind;
        let (hash, parsed) = match parsed {
            Ok(body) => (read::fnv1a(&body), Ok(body)),
            Err(reason) => (0, Err(Outcome::Failed((kind.refused)(reason)))),
        };
        let prior = self.history.get(&number).map(|(_, prior)| prior);
        let settled = match (&parsed, self.history.get(&number)) {
            (Err(_), _) => None,
            (Ok(_), Some((recorded, Prior::Created(id)))) if *recorded != hash => {
                let id = id
                    .as_deref()
                    .map(|id| format!(" (id {id})"))
                    .unwrap_or_default();
                Some(Outcome::Failed(Error::input(format!(
                    "changed after it was created{id} by an earlier run with this journal: not sent, so as not to create it twice"
                ))))
            }
            (Ok(_), Some((_, Prior::Created(id)))) => Some(Outcome::Skipped {
                id: id.clone(),
                reason: JOURNALED.into(),
            }),
            (Ok(_), Some((_, Prior::InFlight | Prior::Uncertain))) if !self.resend_uncertain => {
                Some(Outcome::Uncertain(Error::new(
                    Kind::Unknown,
                    "an earlier run sent this record and never learned whether it was created; not sent again (--resend-uncertain sends it anyway)",
                )))
            }
            // Never sent, failed (maybe fixed since), or uncertain with --resend-uncertain.
            (Ok(_), _) => None,
        };
        let Some(batches) = &mut self.batches else {
            let outcome = match (parsed, settled) {
                (_, Some(outcome)) | (Err(outcome), None) => outcome,
                (Ok(body), None) => {
                    let call = kind.request(body).to_call();
                    let work = Work {
                        records: vec![(number, hash)],
                        call,
                        answered: Vec::new(),
                        new_batch: None,
                    };
                    return self.work_queue.send(work).is_ok();
                }
            };
            self.shared.deliver(&self.results, number, outcome);
            return true;
        };
        match batches.route(number, hash, parsed, settled, prior) {
            Route::Answer(outcome) => self.shared.deliver(&self.results, number, outcome),
            Route::Held => {}
            Route::Queue(work, answers) => {
                for (number, outcome) in answers {
                    self.shared.deliver(&self.results, number, outcome);
                }
                if let Some(work) = work {
                    return self.work_queue.send(*work).is_ok();
                }
            }
        }
        true
    }
}
