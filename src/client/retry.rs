//! When an attempt may be made again, and how long to wait first (contract sections 6 and 12).

use std::time::Duration;

use ureq::http::HeaderMap;

use super::classify::{Delivery, Failure};
use crate::error::Kind;

/// The longest `Retry-After` we honour.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Whether a request may be sent again once it may have reached the server. Failures before
/// it left, and 429s, are retried whatever the policy: the server did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Retry {
    /// Never re-sent once it may have arrived (a POST or PATCH that creates or changes).
    Never,
    /// Sending it twice does no more harm than once (GET, PUT, DELETE).
    Safe,
    /// Safe because it carries this `Idempotency-Key`: the server does it at most once.
    WithKey(String),
}

impl Retry {
    /// Whether this policy allows re-sending after `failure`.
    pub fn allows(&self, failure: &Failure) -> bool {
        if failure.error.kind == Kind::Input {
            return false; // a bad proxy URL stays bad
        }
        let safe = !matches!(self, Retry::Never);
        match (failure.delivery, failure.error.status) {
            (Delivery::NotSent, _) => true,
            (_, Some(429)) => true,
            (Delivery::MaybeProcessed, _) => safe,
            (Delivery::Answered, Some(502..=504)) => safe,
            (Delivery::Answered, _) => false,
        }
    }
}

/// `Retry-After` in seconds. Anything else (the HTTP-date form, a negative or non-numeric
/// value) falls back to our own backoff; a huge value is kept huge enough for [`retry_wait`]
/// to cap it, without overflowing a `Duration`.
pub(super) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    parse_retry_after(headers.get("retry-after")?.to_str().ok()?)
}

pub(super) fn parse_retry_after(value: &str) -> Option<Duration> {
    /// Any wait beyond this is capped anyway; it keeps `Duration::from_secs_f64` in range.
    const LONGEST: f64 = 1e9;
    let secs: f64 = value.trim().parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(LONGEST)))
}

/// How long to wait before trying again: the server's `Retry-After`, capped at
/// [`MAX_RETRY_AFTER`] with a note that says so, or else our own backoff.
pub fn retry_wait(retry_after: Option<Duration>, attempt: u32) -> (Duration, Option<String>) {
    match retry_after {
        Some(wait) if wait > MAX_RETRY_AFTER => (
            MAX_RETRY_AFTER,
            Some(format!(
                "the server asked to wait {} s; waiting {} s, the most altur waits",
                wait.as_secs(),
                MAX_RETRY_AFTER.as_secs()
            )),
        ),
        Some(wait) => (wait, None),
        None => (backoff(attempt), None),
    }
}

/// Exponential backoff with jitter: about 0.25 s, 0.5 s, 1 s ... at most 8 s.
pub fn backoff(attempt: u32) -> Duration {
    use std::hash::{BuildHasher, RandomState};
    let base = 0.25 * 2f64.powi(attempt.min(5) as i32);
    let random = RandomState::new().hash_one(attempt) as f64 / u64::MAX as f64;
    Duration::from_secs_f64(base * (0.5 + random / 2.0))
}
