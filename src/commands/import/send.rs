//! Sending one record: the retry rules of an import, and the pause every worker shares when the
//! server says 429.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::journal::{Event, Journal};
use super::{Outcome, Shared};
use crate::client::{self, Client, Delivery, Request};
use crate::error::{Error, Kind};
use crate::output;

/// How long an import stays rate-limited without a single success before it gives up.
const RATE_LIMIT_PATIENCE: Duration = Duration::from_secs(5 * 60);
/// How often a waiting worker looks at the interrupt flag.
const TICK: Duration = Duration::from_millis(50);

/// A record ready to send: its number, the hash the journal keeps, and its request.
pub struct Work {
    pub number: u64,
    pub hash: u64,
    pub request: Request,
}

/// The shared 429 state: until when every worker waits, and since when no request succeeded.
#[derive(Default)]
pub struct Pause {
    state: Mutex<PauseState>,
    capped_said: AtomicBool,
}

#[derive(Default)]
struct PauseState {
    until: Option<Instant>,
    streak: u32,
    limited_since: Option<Instant>,
}

impl Pause {
    /// Records a 429: every worker waits for `Retry-After` (capped) or a growing backoff.
    /// Fails after five minutes of 429s without a success in between.
    fn rate_limited(&self, retry_after: Option<Duration>) -> Result<(), Error> {
        self.rate_limited_at(retry_after, Instant::now())
    }

    fn rate_limited_at(&self, retry_after: Option<Duration>, now: Instant) -> Result<(), Error> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let since = *state.limited_since.get_or_insert(now);
        if now - since > RATE_LIMIT_PATIENCE {
            return Err(Error::new(
                Kind::RateLimited,
                "still rate-limited (HTTP 429) after 5 minutes without a single success",
            )
            .with_hint("run again later with the same --journal to carry on"));
        }
        let (wait, capped) = client::retry_wait(retry_after, state.streak);
        if let Some(note) = capped
            && !self.capped_said.swap(true, Ordering::Relaxed)
        {
            output::note(&note);
        }
        state.streak += 1;
        let until = now + wait;
        state.until = Some(state.until.map_or(until, |u| u.max(until)));
        Ok(())
    }

    fn succeeded(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.streak = 0;
        state.limited_since = None;
    }

    fn until(&self) -> Option<Instant> {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).until
    }
}

/// Sleeps until `deadline`, or returns false as soon as the run is halted.
fn sleep_until(shared: &Shared, deadline: Instant) -> bool {
    loop {
        if shared.halted() {
            return false;
        }
        let now = Instant::now();
        if now >= deadline {
            return true;
        }
        std::thread::sleep((deadline - now).min(TICK));
    }
}

/// Waits out any 429 pause; false when halted meanwhile.
fn wait_out_pause(shared: &Shared) -> bool {
    while let Some(until) = shared.pause.until() {
        if Instant::now() >= until {
            return true;
        }
        if !sleep_until(shared, until) {
            return false;
        }
    }
    true
}

/// Sends one record and journals what happened. `None` when the run was halted before the
/// record was sent at all.
pub fn send(
    client: &Client,
    shared: &Shared,
    journal: Option<&Journal>,
    work: Work,
) -> Option<Outcome> {
    let Work {
        number,
        hash,
        request,
    } = work;
    let note = |event: Event| match journal {
        Some(journal) => journal
            .record(number, hash, event)
            .inspect_err(|e| shared.fail(e.clone())),
        None => Ok(()),
    };
    // Once `sent` is in the journal, a journal that cannot take the next event leaves `sent` as
    // this record's last word, which a resumed run reads as "may have been created": so the
    // record is `uncertain` now too, whatever the answer was, never `failed`.
    let unrecorded = |what: String, journal_error: Error| {
        Outcome::Uncertain(Error::new(
            journal_error.kind,
            format!(
                "{what}, but the journal could not record it ({}): a run resumed from this journal will hold this record back",
                journal_error.message
            ),
        ))
    };
    let mut tries = 0;
    loop {
        // The journal says `failed` (retriable) or nothing while the record waits, so a run
        // that dies now leaves it to be sent again, not reported uncertain.
        if !wait_out_pause(shared) {
            return None;
        }
        if let Err(e) = note(Event::Sent) {
            // Nothing was sent.
            return Some(Outcome::Failed(e));
        }
        let failure = match client.attempt(&request) {
            Ok(success) => {
                shared.pause.succeeded();
                shared.server_reached();
                let id = (shared.kind.created_id)(&success.body);
                if let Err(e) = note(Event::Created(id.as_deref())) {
                    let what = match &id {
                        Some(id) => format!("created with the id {id}"),
                        None => "created".to_owned(),
                    };
                    return Some(unrecorded(what, e));
                }
                return Some(Outcome::Created(id));
            }
            Err(failure) => failure,
        };
        let error = failure.error;
        if failure.delivery != Delivery::NotSent {
            shared.server_reached();
        }
        if error.status == Some(429) {
            // Not processed: the record goes again once the pause is over, and that costs
            // none of its retries.
            let not_processed = note(Event::Failed {
                retriable: true,
                reason: &error.message,
            });
            if let Err(e) = not_processed {
                return Some(unrecorded(error.message, e));
            }
            if let Err(given_up) = shared.pause.rate_limited(failure.retry_after) {
                shared.fail(given_up.clone());
                return Some(Outcome::Failed(given_up));
            }
            continue;
        }
        if error.kind == Kind::Auth {
            // Every other record would fail the same way.
            shared.fail(error.clone());
            let _ = note(Event::Failed {
                retriable: true,
                reason: &error.message,
            });
            return Some(Outcome::Failed(error));
        }
        let outcome = match failure.delivery {
            Delivery::NotSent if error.kind != Kind::Input && tries < shared.retries => {
                let not_sent = note(Event::Failed {
                    retriable: true,
                    reason: &error.message,
                });
                if let Err(e) = not_sent {
                    return Some(unrecorded(error.message, e));
                }
                let wait = client::backoff(tries);
                tries += 1;
                if sleep_until(shared, Instant::now() + wait) {
                    continue;
                }
                // Journaled as failed already.
                return Some(Outcome::Failed(error));
            }
            Delivery::NotSent => {
                shared.not_sent(&error);
                Outcome::Failed(error)
            }
            Delivery::MaybeProcessed => Outcome::Uncertain(error),
            // A 5xx (or a 2xx we could not read) may come after the record was created.
            Delivery::Answered if error.kind == Kind::Server => Outcome::Uncertain(error),
            Delivery::Answered => Outcome::Failed(error),
        };
        let journaled = match &outcome {
            Outcome::Uncertain(error) => note(Event::Uncertain {
                reason: &error.message,
            }),
            Outcome::Failed(error) => note(Event::Failed {
                retriable: failure.delivery == Delivery::NotSent,
                reason: &error.message,
            }),
            _ => Ok(()),
        };
        if let Err(e) = journaled {
            let what = match &outcome {
                Outcome::Failed(error) | Outcome::Uncertain(error) => error.message.clone(),
                _ => String::new(),
            };
            return Some(unrecorded(what, e));
        }
        return Some(outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_429_pauses_everyone_for_retry_after_capped_at_60_s() {
        let pause = Pause::default();
        let now = Instant::now();
        pause
            .rate_limited_at(Some(Duration::from_secs(2)), now)
            .unwrap();
        assert_eq!(pause.until(), Some(now + Duration::from_secs(2)));
        pause
            .rate_limited_at(Some(Duration::from_secs(1)), now)
            .unwrap();
        assert_eq!(
            pause.until(),
            Some(now + Duration::from_secs(2)),
            "a shorter wait does not cut the pause"
        );
        pause
            .rate_limited_at(Some(Duration::from_secs(3600)), now)
            .unwrap();
        assert_eq!(pause.until(), Some(now + client::MAX_RETRY_AFTER));
    }

    #[test]
    fn five_minutes_of_429s_without_a_success_give_up() {
        let pause = Pause::default();
        let start = Instant::now();
        pause.rate_limited_at(Some(Duration::ZERO), start).unwrap();
        pause
            .rate_limited_at(Some(Duration::ZERO), start + Duration::from_secs(299))
            .unwrap();
        let e = pause
            .rate_limited_at(Some(Duration::ZERO), start + Duration::from_secs(301))
            .unwrap_err();
        assert_eq!(e.kind, Kind::RateLimited);
        assert!(
            e.message
                .contains("after 5 minutes without a single success"),
            "{}",
            e.message
        );
        // A success starts the count again.
        pause.succeeded();
        pause
            .rate_limited_at(Some(Duration::ZERO), start + Duration::from_secs(302))
            .unwrap();
    }
}
