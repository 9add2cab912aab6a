//! The rules of a run for a POST that creates something (the imports): unlike a GET, a request
//! the server may have acted on is never sent again blindly, and what is about to be sent is
//! journaled (through [`Journaling`]) before the request leaves.

use std::time::Instant;

use super::Ctx;
use crate::client::{self, Delivery, Failure};
use crate::error::{Error, Kind, Result};

#[cfg(test)]
mod tests;

/// What a job does after a POST failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// 429: not processed. Every worker waits out the shared pause, then the same request
    /// goes again; that costs none of its retries.
    Pause,
    /// 401/403: every other job would fail the same way, so the run stops.
    StopRun,
    /// Send the same request again after a backoff. `never_sent`: it did not leave (a later
    /// run may send it too); otherwise it carries an Idempotency-Key, journaled before it was
    /// first sent, so the API answers it again without creating anything twice.
    Resend { never_sent: bool },
    /// The server may have created it (a 5xx, a connection cut after sending): `uncertain`,
    /// never sent again by this run.
    Uncertain,
    /// Failed. `never_sent`: it did not leave, so a resumed run sends it again.
    Failed { never_sent: bool },
}

/// The rule for `failure`: `keyed` when the request carries an Idempotency-Key, `may_resend`
/// while it has retries left.
pub fn after(failure: &Failure, keyed: bool, may_resend: bool) -> Next {
    let error = &failure.error;
    if error.status == Some(429) {
        return Next::Pause;
    }
    if error.kind == Kind::Auth {
        return Next::StopRun;
    }
    let maybe_done = failure.delivery == Delivery::MaybeProcessed
        || (failure.delivery == Delivery::Answered && error.kind == Kind::Server);
    let never_sent = failure.delivery == Delivery::NotSent;
    let resend = if never_sent {
        error.kind != Kind::Input
    } else {
        keyed && maybe_done
    };
    if resend && may_resend {
        return Next::Resend { never_sent };
    }
    if !never_sent && maybe_done {
        Next::Uncertain
    } else {
        Next::Failed { never_sent }
    }
}

/// What a POST's journal hears, in the order things happen, so that a run that dies at any
/// point leaves enough on disk for the next one: the command's journal (the import's, one line
/// per record) and what its run counts.
pub trait Journaling {
    /// Called before every attempt leaves (`first`: the first, when a new batch's
    /// `Idempotency-Key` goes to disk). An error: nothing is sent, and the run stops.
    fn before_send(&self, first: bool) -> Result<()>;
    /// The request created nothing; `retriable`: it may be sent again (now or by a later run).
    fn failed(&self, retriable: bool, reason: &str) -> Result<()>;
    /// The server may have created it.
    fn uncertain(&self, reason: &str) -> Result<()>;
    /// The server answered (anything at all): it is up.
    fn answered(&self) {}
    /// The request failed for good without leaving.
    fn not_sent(&self, _error: &Error) {}
    /// The run stops with `error` (a refused key, five minutes of 429s).
    fn stop(&self, _error: &Error) {}
}

/// What became of a POST sent under the rules of a run.
#[derive(Debug)]
pub enum Sent<T> {
    /// The 2xx answer.
    Answered(T),
    /// It created nothing (refused, never sent, or the run's journal refused the write).
    Failed(Error),
    /// The server may have created it.
    Uncertain(Error),
    /// The journal could not take what happened after the request may have left: its last
    /// word stays "sent", so the outcome is uncertain. `what`: the request's own error.
    Unrecorded { what: String, journal: Error },
    /// The run stopped before it was sent (again).
    Halted,
}

/// Sends one POST that creates under the run's rules: the journal hears of each attempt before
/// it leaves; a 429 waits out the shared pause (journaled once, costing no retry); 401/403 stop
/// the run; a request that never left, or a keyed one the server may have acted on, is sent
/// again after a backoff while `retries` last; anything else settles as [`after`] says.
pub fn send<T>(
    ctx: &Ctx<'_>,
    journal: &dyn Journaling,
    keyed: bool,
    retries: u32,
    mut attempt: impl FnMut() -> std::result::Result<T, Failure>,
) -> Sent<T> {
    let unrecorded = |what: &str, journal: Error| Sent::Unrecorded {
        what: what.to_owned(),
        journal,
    };
    let mut tries = 0;
    // A 429 is journaled once: later rounds of the same storm add only `sent`.
    let mut rate_limit_noted = false;
    // The journal's last word is a `sent` that a 429 answered.
    let mut turned_away = false;
    let mut first = true;
    loop {
        // The journal says `failed` (retriable) or nothing while the request waits, so a run
        // that dies now leaves it to be sent again, not reported uncertain.
        if !ctx.wait_out_pause() {
            if turned_away {
                // Stopped during a pause: what the journal says `sent` was turned away.
                let _ = journal.failed(
                    true,
                    "rate-limited (HTTP 429) and not sent again before the run stopped",
                );
            }
            return Sent::Halted;
        }
        if let Err(error) = journal.before_send(first) {
            // Nothing was sent; a journal that cannot take a line would fail every request.
            ctx.fail(error.clone());
            return Sent::Failed(error);
        }
        first = false;
        turned_away = false;
        let failure = match attempt() {
            Ok(answer) => {
                ctx.pause.succeeded();
                journal.answered();
                return Sent::Answered(answer);
            }
            Err(failure) => failure,
        };
        let error = failure.error.clone();
        // Only an answer shows the server is up. A connection lost after sending (a kept-alive
        // connection the server closed as it went away) proves nothing.
        if failure.delivery == Delivery::Answered {
            journal.answered();
        }
        let mut next = after(&failure, keyed, tries < retries);
        if next == Next::Pause {
            turned_away = rate_limit_noted;
            if !rate_limit_noted {
                rate_limit_noted = true;
                if let Err(e) = journal.failed(true, &error.message) {
                    return unrecorded(&error.message, e);
                }
            }
            if let Err(given_up) = ctx.pause.rate_limited(failure.retry_after, ctx.out) {
                let given_up =
                    given_up.with_hint("run again later with the same --journal to carry on");
                journal.stop(&given_up);
                if turned_away {
                    let _ = journal.failed(true, &given_up.message);
                }
                return Sent::Failed(given_up);
            }
            continue;
        }
        if next == Next::StopRun {
            // Every other request would fail the same way.
            journal.stop(&error);
            ctx.fail(error.clone());
            let _ = journal.failed(true, &error.message);
            return Sent::Failed(error);
        }
        if let Next::Resend { never_sent } = next {
            // A keyed request sent again keeps its `sent`: until it is answered, its outcome
            // is unknown.
            if never_sent && let Err(e) = journal.failed(true, &error.message) {
                return unrecorded(&error.message, e);
            }
            let wait = client::backoff(tries);
            tries += 1;
            if ctx.sleep_until(Instant::now() + wait) {
                continue;
            }
            if never_sent {
                // Journaled as failed already.
                return Sent::Failed(error);
            }
            // Stopped while waiting to send it again: its outcome is still unknown.
            next = after(&failure, keyed, false);
        }
        let uncertain = next == Next::Uncertain;
        if failure.delivery == Delivery::NotSent {
            journal.not_sent(&error);
        }
        let journaled = if uncertain {
            journal.uncertain(&error.message)
        } else {
            journal.failed(failure.delivery == Delivery::NotSent, &error.message)
        };
        if let Err(e) = journaled {
            return unrecorded(&error.message, e);
        }
        return if uncertain {
            Sent::Uncertain(error)
        } else {
            Sent::Failed(error)
        };
    }
}
