//! Misbehaving on purpose, for testing scripts: injected 503s and a per-second rate limit.
//! The random draws come from a seeded counter-based generator, so `--seed` makes the
//! sequence of faults repeatable for the same sequence of requests.

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
    random: Random,
    rate_limit: Option<RateLimit>,
}

impl Faults {
    pub fn new(fail_rate: f64, rate_limit: Option<u32>, seed: u64) -> Faults {
        Faults {
            fail_rate,
            random: Random::new(seed),
            rate_limit: rate_limit.map(RateLimit::new),
        }
    }

    /// The fault for a request arriving at `now`, if any. The rate limit counts every request,
    /// so a client that retries too eagerly stays limited.
    pub fn check(&self, now: Instant) -> Option<Fault> {
        if let Some(limit) = &self.rate_limit
            && let Some(retry_after) = limit.check(now)
        {
            return Some(Fault::RateLimited { retry_after });
        }
        if self.fail_rate > 0.0 && self.random.next_unit() < self.fail_rate {
            return Some(Fault::Unavailable);
        }
        None
    }
}

/// SplitMix64 over an atomic counter: lock-free, and the n-th draw depends only on the seed.
struct Random {
    seed: u64,
    counter: AtomicU64,
}

impl Random {
    fn new(seed: u64) -> Random {
        Random {
            seed,
            counter: AtomicU64::new(0),
        }
    }

    fn next_u64(&self) -> u64 {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let mut z = self
            .seed
            .wrapping_add(n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    fn next_unit(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// At most `limit` requests per one-second window; the window starts with its first request.
struct RateLimit {
    limit: u32,
    window: Mutex<(Instant, u32)>,
}

const WINDOW: Duration = Duration::from_secs(1);

impl RateLimit {
    fn new(limit: u32) -> RateLimit {
        RateLimit {
            limit,
            window: Mutex::new((Instant::now(), 0)),
        }
    }

    /// `Some(seconds to wait)` when over the limit.
    fn check(&self, now: Instant) -> Option<u64> {
        let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
        let (start, count) = &mut *window;
        if now.saturating_duration_since(*start) >= WINDOW {
            *start = now;
            *count = 0;
        }
        *count = count.saturating_add(1);
        if *count <= self.limit {
            return None;
        }
        let left = WINDOW.saturating_sub(now.saturating_duration_since(*start));
        // Whole seconds, rounded up: a client that waits that long gets a fresh window.
        Some((left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let draws = |seed| {
            let faults = Faults::new(0.5, None, seed);
            let now = Instant::now();
            (0..64).map(|_| faults.check(now)).collect::<Vec<_>>()
        };
        assert_eq!(draws(7), draws(7));
        assert_ne!(draws(7), draws(8));
        let failures = draws(7).iter().filter(|f| f.is_some()).count();
        assert!((16..=48).contains(&failures), "{failures} of 64");
    }

    #[test]
    fn fail_rate_zero_and_one_are_exact() {
        let now = Instant::now();
        let never = Faults::new(0.0, None, 1);
        let always = Faults::new(1.0, None, 1);
        for _ in 0..1000 {
            assert_eq!(never.check(now), None);
            assert_eq!(always.check(now), Some(Fault::Unavailable));
        }
    }

    #[test]
    fn draws_are_spread_over_the_unit_interval() {
        let random = Random::new(0);
        let mut buckets = [0u32; 10];
        for _ in 0..10_000 {
            let x = random.next_unit();
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
        let limit = RateLimit::new(2);
        let t0 = Instant::now();
        assert_eq!(limit.check(t0), None);
        assert_eq!(limit.check(t0), None);
        assert_eq!(limit.check(t0 + Duration::from_millis(10)), Some(1));
        assert_eq!(limit.check(t0 + Duration::from_millis(999)), Some(1));
        assert_eq!(limit.check(t0 + Duration::from_millis(1000)), None);
        let none = RateLimit::new(0);
        assert_eq!(none.check(t0), Some(1));
    }
}
