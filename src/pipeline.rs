//! The one ordered, bounded worker pool for bulk work (`call recordings`, `call export`,
//! `enduser import`, `contact import`; [`post`] holds the rules of a POST that creates): N
//! workers over an iterator of jobs, each result handed back on the calling thread in input
//! order, a window that bounds how far the producer runs ahead (so
//! memory stays flat for any number of jobs), one 429 pause every worker waits out, and one
//! stop (Ctrl-C, a closed stdout, a fatal error): no new job starts, the jobs in flight
//! finish and their results are still handed back.
//!
//! Journaling hooks: a job's `work` runs on a worker and may journal as each item settles;
//! `deliver` runs on the calling thread in input order (printing, counting, an index).
//!
//! Rules a command chooses for its run: `--fail-fast` ([`rules::FailFast`], with
//! [`Pool::run_fail_fast`]), records sent many to a request ([`rules::Batcher`],
//! [`rules::per_record`]), and a journal written before each POST leaves ([`post::send`]).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel, sync_channel};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::client::{self, Failure};
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use rules::FailFast;

pub mod post;
pub mod rules;
#[cfg(test)]
mod tests;

/// How often a waiting thread looks at the stop.
const TICK: Duration = Duration::from_millis(50);
/// The shortest pause after a 429, whatever `Retry-After` says; it doubles while 429s
/// continue, up to `client::MAX_RETRY_AFTER` (contract section 20, Safety).
const MIN_PAUSE: Duration = Duration::from_secs(1);
/// How long a run stays rate-limited without a single success before it gives up.
const RATE_LIMIT_PATIENCE: Duration = Duration::from_secs(5 * 60);

/// How a run ended.
#[derive(Debug)]
pub enum Ended {
    /// Every job ran and its result was delivered.
    Finished,
    /// Stopped by the caller's stop (Ctrl-C) or by `deliver` (a closed stdout): the jobs in
    /// flight finished and were delivered, the rest never started.
    Stopped,
    /// Stopped by an error that no other job can get past (the producer failed, the key was
    /// refused); in-flight jobs finished and were delivered.
    Failed(Error),
}

/// What `deliver` asks for next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// Start nothing new (stdout was closed); what is in flight is still delivered.
    Stop,
}

/// The shared state a job sees.
pub struct Ctx<'a> {
    stopped: AtomicBool,
    fatal: Mutex<Option<Error>>,
    external: &'a (dyn Fn() -> bool + Sync),
    pub pause: Pause,
    /// The run's output, for the notes a job prints.
    pub out: &'a Output,
}

impl<'a> Ctx<'a> {
    /// The rules of a run for one request outside a pool (`call recording`): the same 429
    /// pause and retries, and `stop` (Ctrl-C); notes go to `out`.
    pub fn alone(stop: &'a (dyn Fn() -> bool + Sync), out: &'a Output) -> Ctx<'a> {
        Ctx {
            stopped: AtomicBool::new(false),
            fatal: Mutex::new(None),
            external: stop,
            pause: Pause::default(),
            out,
        }
    }

    /// Whether the run is stopping: a job in a long wait gives up.
    pub fn stopping(&self) -> bool {
        self.stopped.load(Ordering::Relaxed) || (self.external)()
    }

    /// Stops the run with `error` (the first one wins): nothing new starts.
    pub fn fail(&self, error: Error) {
        self.fatal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(error);
        self.stop();
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    /// Waits out any 429 pause; false when the run stops meanwhile.
    pub fn wait_out_pause(&self) -> bool {
        while let Some(until) = self.pause.until() {
            if Instant::now() >= until {
                return true;
            }
            if !self.sleep_until(until) {
                return false;
            }
        }
        !self.stopping()
    }

    /// Sleeps until `deadline`; false as soon as the run stops.
    pub fn sleep_until(&self, deadline: Instant) -> bool {
        loop {
            if self.stopping() {
                return false;
            }
            let now = Instant::now();
            if now >= deadline {
                return true;
            }
            std::thread::sleep((deadline - now).min(TICK));
        }
    }

    /// One safe request (a GET) under the run's rules: the shared 429 pause (every worker
    /// waits, `Retry-After` honoured), then `retries` more attempts with backoff for what is
    /// safe to repeat. An error of kind `Interrupted` when the run stopped first.
    pub fn request<T>(
        &self,
        retries: u32,
        mut attempt: impl FnMut() -> std::result::Result<T, Failure>,
    ) -> Result<T> {
        let mut tries = 0;
        loop {
            if !self.wait_out_pause() {
                return Err(Error::new(Kind::Interrupted, "interrupted"));
            }
            let failure = match attempt() {
                Ok(value) => {
                    self.pause.succeeded();
                    return Ok(value);
                }
                Err(failure) => failure,
            };
            // Stopped while it was under way (a head that waited out --timeout): the request
            // was cut short by the stop, not failed.
            if self.stopping() {
                return Err(Error::new(Kind::Interrupted, "interrupted"));
            }
            if failure.error.status == Some(429) {
                self.pause.rate_limited(failure.retry_after, self.out)?;
                continue;
            }
            if tries >= retries || !failure.is_retriable(client::Method::Get) {
                return Err(failure.error);
            }
            let wait = client::backoff(tries);
            tries += 1;
            if !self.sleep_until(Instant::now() + wait) {
                return Err(Error::new(Kind::Interrupted, "interrupted"));
            }
        }
    }
}

/// The shared 429 state: until when every worker waits, and since when nothing succeeded.
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
    /// Records a 429: every worker waits for `Retry-After`, at least [`MIN_PAUSE`] doubled for
    /// each round of 429s in a row, at most a minute. Fails after five minutes of 429s without
    /// a success in between. That `Retry-After` was capped is said once, on `out`.
    pub fn rate_limited(&self, retry_after: Option<Duration>, out: &Output) -> Result<()> {
        if let Some(note) = self.rate_limited_at(retry_after, Instant::now())? {
            out.note(&note);
        }
        Ok(())
    }

    /// [`Pause::rate_limited`] at `now`; gives the note to print, if any.
    fn rate_limited_at(
        &self,
        retry_after: Option<Duration>,
        now: Instant,
    ) -> Result<Option<String>> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let since = *state.limited_since.get_or_insert(now);
        if now - since > RATE_LIMIT_PATIENCE {
            return Err(Error::new(
                Kind::RateLimited,
                "still rate-limited (HTTP 429) after 5 minutes without a single success",
            )
            .with_hint("run the same command again later to carry on"));
        }
        // A 429 that arrives while a pause is on answers a request sent before it began: the
        // same round. A 429 after the pause is a new round, which waits twice as long.
        if state.until.is_none_or(|until| until <= now) {
            state.streak += 1;
        }
        let floor = MIN_PAUSE
            .saturating_mul(1 << state.streak.saturating_sub(1).min(16))
            .min(client::MAX_RETRY_AFTER);
        let (asked, capped) = client::retry_wait(Some(retry_after.unwrap_or_default()), 0);
        let note = capped.filter(|_| !self.capped_said.swap(true, Ordering::Relaxed));
        let until = now + asked.max(floor);
        state.until = Some(state.until.map_or(until, |u| u.max(until)));
        Ok(note)
    }

    pub fn succeeded(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.streak = 0;
        state.limited_since = None;
    }

    fn until(&self) -> Option<Instant> {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .until
    }
}

/// The pool's size and the caller's stop.
pub struct Pool<'a> {
    pub workers: usize,
    /// Polled often: true asks the run to stop (Ctrl-C).
    pub stop: &'a (dyn Fn() -> bool + Sync),
    /// The run's output, for the notes the jobs print.
    pub out: &'a Output,
}

impl Pool<'_> {
    /// [`Pool::run`] under `fail_fast`: a job at or after its line (`position`: where the job
    /// sits in the input, a record number) does not start and delivers nothing. As soon as a
    /// job is done, `failed_at` looks for a failure in its result and draws the line there, so
    /// nothing after it starts while the jobs before it are still done and delivered.
    pub fn run_fail_fast<J, R>(
        &self,
        fail_fast: &FailFast,
        position: impl Fn(&J) -> u64 + Sync,
        failed_at: impl Fn(&R) -> Option<u64> + Sync,
        jobs: impl Iterator<Item = Result<J>> + Send,
        work: impl Fn(J, &Ctx<'_>) -> R + Sync,
        mut deliver: impl FnMut(R) -> Flow,
    ) -> Ended
    where
        J: Send,
        R: Send,
    {
        self.run(
            jobs,
            |job, ctx| {
                if !fail_fast.admits(position(&job)) {
                    return None;
                }
                let result = work(job, ctx);
                if let Some(failed) = failed_at(&result) {
                    fail_fast.failed(failed);
                }
                Some(result)
            },
            |result| result.map_or(Flow::Continue, &mut deliver),
        )
    }

    /// Runs `work` on every job of `jobs` with `workers` threads and hands each result to
    /// `deliver` on this thread, in the order of `jobs`. A job that is `Err` stops the run with
    /// that error (a listing that failed). Returns once every started job is delivered.
    pub fn run<J, R>(
        &self,
        jobs: impl Iterator<Item = Result<J>> + Send,
        work: impl Fn(J, &Ctx<'_>) -> R + Sync,
        mut deliver: impl FnMut(R) -> Flow,
    ) -> Ended
    where
        J: Send,
        R: Send,
    {
        let workers = self.workers.max(1);
        let ctx = Ctx::alone(self.stop, self.out);
        let window = 4 * workers + 64;
        let (slot_tx, slot_rx) = sync_channel::<()>(window);
        for _ in 0..window {
            let _ = slot_tx.send(());
        }
        let mut slot_tx = Some(slot_tx);
        let (job_tx, job_rx) = channel::<(u64, J)>();
        let job_rx = Mutex::new(job_rx);
        let (result_tx, result_rx) = channel::<(u64, R)>();
        let listing_error = Mutex::new(None::<Error>);
        let (ctx, work, job_rx, listing_error) = (&ctx, &work, &job_rx, &listing_error);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut number = 0u64;
                for job in jobs {
                    match job {
                        Ok(job) => {
                            if job_tx.send((number, job)).is_err() {
                                return;
                            }
                            number += 1;
                        }
                        Err(error) => {
                            // What was listed before still runs.
                            *listing_error.lock().unwrap_or_else(PoisonError::into_inner) =
                                Some(error);
                            return;
                        }
                    }
                    if slot_rx.recv().is_err() || ctx.stopping() {
                        return;
                    }
                }
            });
            for _ in 0..workers {
                let result_tx = result_tx.clone();
                scope.spawn(move || {
                    loop {
                        let next = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                        let Ok((number, job)) = next else { return };
                        if ctx.stopping() {
                            return;
                        }
                        if result_tx.send((number, work(job, ctx))).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(result_tx);
            let mut pending: BTreeMap<u64, R> = BTreeMap::new();
            let mut next = 0u64;
            loop {
                let received = result_rx.recv_timeout(TICK);
                let disconnected = matches!(received, Err(RecvTimeoutError::Disconnected));
                if let Ok((number, result)) = received {
                    pending.insert(number, result);
                    while let Ok((number, result)) = result_rx.try_recv() {
                        pending.insert(number, result);
                    }
                }
                if ctx.stopping() {
                    // The producer may wait for a slot: let it see the stop.
                    slot_tx = None;
                }
                while let Some(result) = pending.remove(&next) {
                    next += 1;
                    if deliver(result) == Flow::Stop {
                        ctx.stop();
                        slot_tx = None;
                    }
                    if let Some(slots) = &slot_tx {
                        let _ = slots.try_send(());
                    }
                }
                if disconnected {
                    break;
                }
            }
            // Stopped: what finished after a job that never started, in order, gaps and all.
            for (_, result) in std::mem::take(&mut pending) {
                deliver(result);
            }
        });
        let fatal = ctx
            .fatal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .or_else(|| {
                listing_error
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take()
            });
        match fatal {
            Some(error) => Ended::Failed(error),
            None if ctx.stopping() => Ended::Stopped,
            None => Ended::Finished,
        }
    }
}
