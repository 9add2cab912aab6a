//! The state every thread of a run can see: when to stop, why, and the counts the batch
//! answers add up to.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use super::kind::RecordKind;
use super::outcome::Outcome;
use crate::error::{Error, Kind};
use crate::interrupt::Interrupt;
use crate::pipeline::rules::FailFast;

/// This many records in a row that could not be sent (no success, no answer of any kind
/// between them) mean the server is down: the run stops rather than fail every record slowly.
pub(super) const NOT_SENT_LIMIT: u32 = 20;

pub(super) enum Message {
    Done(u64, Outcome),
    /// The reader is finished; this many records were read.
    ReadAll(u64),
}

/// What every thread of a run can see.
pub struct Shared {
    /// What is imported.
    pub(super) kind: &'static RecordKind,
    /// Records numbered from its line on are not sent: the first failure under `--fail-fast`,
    /// or 0 after an error that ends the run.
    pub(super) fail_fast: FailFast,
    /// Set by SIGINT or SIGTERM.
    pub(super) interrupt: Interrupt,
    /// Set when a write to stdout finds it closed (`altur ... | head -1`): nobody sees the
    /// results any more, so the run stops as if interrupted.
    pub(super) stdout_closed: AtomicBool,
    /// The error that ends the run, reported after the results.
    pub(super) fatal: Mutex<Option<Error>>,
    pub(super) retries: u32,
    /// What to do after a run that stopped early (see `resume_hint`).
    pub(super) resume_hint: &'static str,
    pub(super) records_read: AtomicU64,
    /// The next record to print in order: everything before it is printed.
    pub(super) next_to_print: AtomicU64,
    pub(super) workers_alive: AtomicUsize,
    /// Records in a row that could not be sent, since the server last answered anything.
    pub(super) not_sent_streak: AtomicU32,
    /// What the batch answers counted, added up (see [`kind::Batching::counts`]).
    pub(super) batch_counts: Mutex<Vec<(&'static str, u64)>>,
}

impl Shared {
    pub(super) fn interrupted(&self) -> bool {
        self.interrupt.requested()
    }

    /// Interrupted, or stdout closed: nothing more is sent, what is in flight finishes.
    pub(super) fn halted(&self) -> bool {
        self.interrupted() || self.stdout_closed.load(Ordering::Relaxed)
    }

    pub(super) fn stopping(&self) -> bool {
        self.fail_fast.line().is_some() || self.halted()
    }

    /// Ends the run with `error`; the first such error is the one reported.
    pub(super) fn fail(&self, error: Error) {
        self.set_fatal(error);
        self.fail_fast.stop_all();
    }

    pub(super) fn set_fatal(&self, error: Error) {
        self.fatal
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert(error);
    }

    pub(super) fn deliver(&self, results: &Sender<Message>, record: u64, outcome: Outcome) {
        if outcome.is_failure() {
            // Under --fail-fast: records before this one still get their answer; none after
            // it is sent.
            self.fail_fast.failed(record);
        }
        let _ = results.send(Message::Done(record, outcome));
    }

    /// Adds a batch answer's counts to the run's.
    pub(super) fn add_counts(&self, counts: Vec<(&'static str, u64)>) {
        let mut total = self.batch_counts.lock().unwrap_or_else(|e| e.into_inner());
        for (name, count) in counts {
            match total.iter_mut().find(|(n, _)| *n == name) {
                Some((_, sum)) => *sum += count,
                None => total.push((name, count)),
            }
        }
    }

    /// The server answered something: it is up.
    pub(super) fn server_reached(&self) {
        self.not_sent_streak.store(0, Ordering::Relaxed);
    }

    /// A record failed for good without being sent; after [`NOT_SENT_LIMIT`] in a row the
    /// run stops with a network error (exit 6).
    pub(super) fn not_sent(&self, error: &Error) {
        let streak = self.not_sent_streak.fetch_add(1, Ordering::Relaxed) + 1;
        if streak < NOT_SENT_LIMIT {
            return;
        }
        let hint = format!("once the server can be reached: {}", self.resume_hint);
        self.fail(
            Error::new(
                Kind::Network,
                format!(
                    "{streak} records in a row could not be sent (the last: {}): the server looks unreachable, so the run stopped and sent nothing more",
                    error.message
                ),
            )
            .with_hint(hint),
        );
    }
}
