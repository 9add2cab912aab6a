//! Misbehaving on purpose, for testing scripts: injected 503s and a per-second rate limit.
//!
//! Whether a request fails is drawn from the seed, the request's content (its fingerprint:
//! method, path and body) and how many identical requests came before it. The same requests
//! therefore meet the same faults every run with the same seed, in whatever order they arrive,
//! so `--seed` is repeatable at any concurrency; a repeated request (a retry) draws again.

use std::collections::HashMap;
use std::sync::Mutex;
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
    /// How many times each fingerprint was seen: about 30 bytes per distinct request, kept only
    /// when a draw is needed (0 < fail rate < 1).
    seen: Mutex<HashMap<u64, u64>>,
    rate_limit: Option<RateLimit>,
}

impl Faults {
    pub fn new(fail_rate: f64, rate_limit: Option<u32>, seed: u64) -> Faults {
        Faults {
            fail_rate,
            seed,
            seen: Mutex::new(HashMap::new()),
            rate_limit: rate_limit.map(|limit| RateLimit::new(limit, rate_window())),
        }
    }

    /// The fault for a request arriving at `now` with this content (see [`fingerprint`]), if
    /// any. The rate limit counts every request, so a client that retries too eagerly stays
    /// limited.
    pub fn check(&self, now: Instant, content: [&[u8]; 3]) -> Option<Fault> {
        if let Some(limit) = &self.rate_limit
            && let Some(retry_after) = limit.check(now)
        {
            return Some(Fault::RateLimited { retry_after });
        }
        let fails = match self.fail_rate {
            rate if rate <= 0.0 => false,
            rate if rate >= 1.0 => true,
            rate => {
                let fingerprint = fingerprint(self.seed, content);
                let occurrence = {
                    let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
                    let count = seen.entry(fingerprint).or_insert(0);
                    *count += 1;
                    *count - 1
                };
                unit(splitmix64(fingerprint, occurrence)) < rate
            }
        };
        fails.then_some(Fault::Unavailable)
    }
}

/// FNV-1a over the seed and the parts, each part followed by its length so that moving bytes
/// from one part to the next changes the result. Stable across runs and platforms.
fn fingerprint(seed: u64, parts: [&[u8]; 3]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    };
    feed(&seed.to_le_bytes());
    for part in parts {
        feed(part);
        feed(&(part.len() as u64).to_le_bytes());
    }
    hash
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
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    fn body(n: usize) -> String {
        format!(r#"{{"display_name":"User {n}"}}"#)
    }

    fn check(faults: &Faults, now: Instant, body: &str) -> Option<Fault> {
        faults.check(now, [b"POST", b"/api/v1.0/enduser", body.as_bytes()])
    }

    #[test]
    fn the_same_seed_gives_the_same_faults_in_any_order() {
        let now = Instant::now();
        let failed = |seed, order: &mut dyn Iterator<Item = usize>| {
            let faults = Faults::new(0.5, None, seed);
            let mut failed: Vec<usize> = order
                .filter(|&n| check(&faults, now, &body(n)).is_some())
                .collect();
            failed.sort();
            failed
        };
        let forward = failed(7, &mut (0..64));
        assert_eq!(failed(7, &mut (0..64).rev()), forward);
        assert_ne!(failed(8, &mut (0..64)), forward);
        assert!(
            (16..=48).contains(&forward.len()),
            "{} of 64",
            forward.len()
        );
    }

    #[test]
    fn a_repeated_request_draws_again() {
        let now = Instant::now();
        let draws = |seed| {
            let faults = Faults::new(0.5, None, seed);
            (0..64)
                .map(|_| check(&faults, now, &body(1)))
                .collect::<Vec<_>>()
        };
        let first = draws(7);
        assert_eq!(draws(7), first);
        assert!(first.contains(&None) && first.contains(&Some(Fault::Unavailable)));
    }

    #[test]
    fn the_whole_content_counts() {
        let a = fingerprint(1, [b"POST", b"/a", b"x"]);
        assert_ne!(a, fingerprint(2, [b"POST", b"/a", b"x"]));
        assert_ne!(a, fingerprint(1, [b"PUT", b"/a", b"x"]));
        assert_ne!(a, fingerprint(1, [b"POST", b"/b", b"x"]));
        assert_ne!(a, fingerprint(1, [b"POST", b"/a", b"y"]));
        assert_ne!(a, fingerprint(1, [b"POST", b"/ax", b""]));
    }

    #[test]
    fn fail_rate_zero_and_one_are_exact() {
        let now = Instant::now();
        let never = Faults::new(0.0, None, 1);
        let always = Faults::new(1.0, None, 1);
        for n in 0..1000 {
            assert_eq!(check(&never, now, &body(n)), None);
            assert_eq!(check(&always, now, &body(n)), Some(Fault::Unavailable));
        }
        assert!(never.seen.lock().unwrap().is_empty(), "nothing to remember");
    }

    #[test]
    fn draws_are_spread_over_the_unit_interval() {
        let mut buckets = [0u32; 10];
        for n in 0..10_000 {
            let x = unit(splitmix64(fingerprint(0, [b"GET", b"/", &[]]), n));
            assert!((0.0..1.0).contains(&x));
            buckets[(x * 10.0) as usize] += 1;
        }
        assert!(
            buckets.iter().all(|&b| (800..1200).contains(&b)),
            "{buckets:?}"
        );
    }

    #[test]
    fn the_rate_limit_resets_each_second() {
        let limit = RateLimit::new(2, SECOND);
        let t0 = Instant::now();
        assert_eq!(limit.check(t0), None);
        assert_eq!(limit.check(t0), None);
        assert_eq!(limit.check(t0 + Duration::from_millis(10)), Some(1));
        assert_eq!(limit.check(t0 + Duration::from_millis(999)), Some(1));
        assert_eq!(limit.check(t0 + Duration::from_millis(1000)), None);
        let none = RateLimit::new(0, SECOND);
        assert_eq!(none.check(t0), Some(1));
    }
}
