//! Misbehaving on purpose, for testing scripts: injected 503s and a per-second rate limit.
//!
//! Whether a request fails is drawn from the seed and the request's sequence number (the
//! first request the sandbox receives is number 0). With `--seed`, the same run of requests
//! therefore meets the same faults every time, whatever the requests hold: a script that sends
//! fresh UUIDs in its bodies or keys fails at the same steps. A retry is a new request and
//! draws again.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A fault to answer with instead of serving the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 429, with `Retry-After` in whole seconds.
    RateLimited { retry_after: u64 },
    /// 503.
    Unavailable,
}

pub struct Faults {
    fail_rate: f64,
    seed: u64,
    /// How many requests came before this one.
    requests: AtomicU64,
    rate_limit: Option<RateLimit>,
}

impl Faults {
    pub fn new(fail_rate: f64, rate_limit: Option<u32>, seed: u64) -> Faults {
        Faults {
            fail_rate,
            seed,
            requests: AtomicU64::new(0),
            rate_limit: rate_limit.map(|limit| RateLimit::new(limit, rate_window())),
        }
    }

    /// The fault for the next request, arriving at `now`, if any. The rate limit counts every
    /// request, so a client that retries too eagerly stays limited.
    pub fn check(&self, now: Instant) -> Option<Fault> {
        let sequence = self.requests.fetch_add(1, Ordering::Relaxed);
        if let Some(limit) = &self.rate_limit
            && let Some(retry_after) = limit.check(now)
        {
            return Some(Fault::RateLimited { retry_after });
        }
        let fails = match self.fail_rate {
            rate if rate <= 0.0 => false,
            rate if rate >= 1.0 => true,
            rate => unit(splitmix64(self.seed, sequence)) < rate,
        };
        fails.then_some(Fault::Unavailable)
    }
}

/// The `n`-th output of SplitMix64 seeded with `seed`.
fn splitmix64(seed: u64, n: u64) -> u64 {
    let mut z = seed.wrapping_add(n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A number in [0, 1).
fn unit(random: u64) -> f64 {
    (random >> 11) as f64 / (1u64 << 53) as f64
}

/// The rate limit's window: one second, unless [`Faults::with_rate_window`] says otherwise.
fn rate_window() -> Duration {
    Duration::from_secs(1)
}

impl Faults {
    /// A longer window for the rate limit (the sandbox's hidden `--tune rate-window=...`), so
    /// that a test's burst of requests surely falls into one window however slow the machine.
    pub fn with_rate_window(mut self, length: Duration) -> Faults {
        if let Some(limit) = &mut self.rate_limit {
            limit.length = length;
        }
        self
    }
}

/// At most `limit` requests per window (one second); a window starts with its first request.
struct RateLimit {
    limit: u32,
    length: Duration,
    window: Mutex<(Instant, u32)>,
}

impl RateLimit {
    fn new(limit: u32, length: Duration) -> RateLimit {
        RateLimit {
            limit,
            length,
            window: Mutex::new((Instant::now(), 0)),
        }
    }

    /// `Some(seconds to wait)` when over the limit.
    fn check(&self, now: Instant) -> Option<u64> {
        let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
        let (start, count) = &mut *window;
        if now.saturating_duration_since(*start) >= self.length {
            *start = now;
            *count = 0;
        }
        *count = count.saturating_add(1);
        if *count <= self.limit {
            return None;
        }
        let left = self
            .length
            .saturating_sub(now.saturating_duration_since(*start));
        // Whole seconds, rounded up: a client that waits that long gets a fresh window.
        Some((left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1))
    }
}

#[cfg(test)]
mod tests;
