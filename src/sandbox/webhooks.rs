//! The sandbox's outbound webhooks (contract section 19): signed events posted to
//! `--webhook-url` when a call ends or a campaign changes status, each retried up to 5 times
//! with exponential backoff on a non-2xx answer or none, every attempt logged on stderr.
//!
//! Deliveries run on threads of their own, so the HTTP server never waits on a receiver; an
//! event can be due later (a call that ends in 3 s), and is then built when it is due, from
//! the state at that moment.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::client::Client;
use crate::config::BaseUrl;
use crate::output::Output;
use crate::secret::Secret;
use crate::webhook::receive::SIGNATURE_HEADER;
use crate::webhook::signature::{self, Scheme, SigningKey};

/// Attempts per event: the first and up to 4 retries (the docs: "retried up to 5 times").
pub const ATTEMPTS: u32 = 5;

/// Builds the event when it is due; `None` drops it (the thing it was about is gone).
pub type EventBuilder = Box<dyn FnOnce() -> Option<Value> + Send>;

struct Job {
    due: Instant,
    build: EventBuilder,
}

/// Where and how events are delivered.
pub struct Target {
    pub url: BaseUrl,
    pub secret: Secret,
    pub scheme: Scheme,
    /// The wait before the second attempt; it doubles for each one after.
    pub backoff: Duration,
    pub timeout: Duration,
    /// Where each delivery is reported.
    pub out: std::sync::Arc<Output>,
}

/// A handle for scheduling deliveries; dropping every handle stops the scheduler.
#[derive(Clone)]
pub struct Webhooks {
    jobs: Sender<Job>,
}

impl Webhooks {
    pub fn start(target: Target) -> Webhooks {
        let (jobs, incoming) = channel();
        thread::spawn(move || schedule(incoming, std::sync::Arc::new(target)));
        Webhooks { jobs }
    }

    /// Delivers the event `build` makes at `due`.
    pub fn at(&self, due: Instant, build: EventBuilder) {
        let _ = self.jobs.send(Job { due, build });
    }

    /// Delivers `event` now.
    pub fn now(&self, event: Value) {
        self.at(Instant::now(), Box::new(move || Some(event)));
    }
}

/// Holds jobs until they are due, then hands each to a delivery thread.
fn schedule(incoming: Receiver<Job>, target: std::sync::Arc<Target>) {
    let mut waiting: BinaryHeap<(Reverse<Instant>, u64)> = BinaryHeap::new();
    let mut jobs = std::collections::HashMap::new();
    let mut next_id = 0u64;
    loop {
        let now = Instant::now();
        while let Some((Reverse(due), id)) = waiting.peek().copied() {
            if due > now {
                break;
            }
            waiting.pop();
            let job: Job = jobs.remove(&id).expect("a job for every entry");
            let target = target.clone();
            thread::spawn(move || {
                if let Some(event) = (job.build)() {
                    deliver(&target, &event);
                }
            });
        }
        let received = match waiting.peek() {
            Some((Reverse(due), _)) => incoming.recv_timeout(due.saturating_duration_since(now)),
            None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(job) => {
                waiting.push((Reverse(job.due), next_id));
                jobs.insert(next_id, job);
                next_id += 1;
            }
            Err(RecvTimeoutError::Timeout) => {}
            // The sandbox is stopping; events not yet due are dropped with it.
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Posts one event, signed over the exact bytes sent, with up to [`ATTEMPTS`] attempts.
fn deliver(target: &Target, event: &Value) {
    let body = signature::compact_json(event, true);
    let key = SigningKey::new(target.scheme, target.secret.expose());
    let headers = [
        ("Content-Type".to_owned(), "application/json".to_owned()),
        (
            SIGNATURE_HEADER.to_owned(),
            key.sign(target.scheme, body.as_bytes()),
        ),
    ];
    let kind = event
        .get("event_type")
        .and_then(Value::as_str)
        .unwrap_or("event");
    let about = ["id", "event_id"]
        .iter()
        .find_map(|k| event.get(k).and_then(Value::as_str))
        .unwrap_or_default();
    let client = match Client::without_key(&target.url, target.timeout, false, target.out.clone()) {
        Ok(client) => client,
        Err(error) => {
            target.out.warn(&format!(
                "webhook {kind} {about} not sent: {}",
                error.message
            ));
            return;
        }
    };
    let mut wait = target.backoff;
    for attempt in 1..=ATTEMPTS {
        let outcome = match client.post_once(&headers, body.as_bytes()) {
            Ok((status, _)) if (200..300).contains(&status) => {
                target.out.stderr_line(&format!(
                    "altur sandbox: webhook {kind} {about} -> {status} (attempt {attempt} of {ATTEMPTS})"
                ));
                return;
            }
            Ok((status, _)) => format!("{status}"),
            Err(failure) => format!("failed: {}", failure.error.message),
        };
        let next = if attempt < ATTEMPTS {
            format!("; again in {:.1} s", wait.as_secs_f64())
        } else {
            "; giving up".to_owned()
        };
        target.out.stderr_line(&format!(
            "altur sandbox: webhook {kind} {about} -> {outcome} (attempt {attempt} of {ATTEMPTS}){next}"
        ));
        if attempt < ATTEMPTS {
            thread::sleep(wait);
            wait *= 2;
        }
    }
}
