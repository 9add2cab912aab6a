//! Remembers the signatures of recent verified deliveries, so that `webhook listen` notices a
//! replay: the same signature within [`WINDOW`] is a delivery already handled. Memory is
//! bounded: at most [`CAPACITY`] signatures are kept (as SHA-256 digests), the oldest dropped
//! first. Time is a parameter, so the tests never sleep.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use ring::digest;

/// How long a signature is remembered.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);

/// The most signatures remembered: 32 bytes each, twice over, about 6 MiB in all.
pub const CAPACITY: usize = 100_000;

type Digest = [u8; 32];

pub struct Seen {
    order: VecDeque<(Instant, Digest)>,
    digests: HashSet<Digest>,
    capacity: usize,
}

impl Seen {
    pub fn new() -> Seen {
        Seen::with_capacity(CAPACITY)
    }

    pub fn with_capacity(capacity: usize) -> Seen {
        Seen {
            order: VecDeque::new(),
            digests: HashSet::new(),
            capacity: capacity.max(1),
        }
    }

    /// Records `signature` as seen at `now`; `true` when it was already seen within the
    /// window (the delivery is a replay).
    pub fn seen_before(&mut self, signature: &str, now: Instant) -> bool {
        while let Some(&(at, digest)) = self.order.front() {
            if now.saturating_duration_since(at) < WINDOW && self.order.len() < self.capacity {
                break;
            }
            self.order.pop_front();
            self.digests.remove(&digest);
        }
        let mut key = [0; 32];
        key.copy_from_slice(digest::digest(&digest::SHA256, signature.trim().as_bytes()).as_ref());
        if self.digests.contains(&key) {
            return true;
        }
        self.digests.insert(key);
        self.order.push_back((now, key));
        false
    }
}

impl Default for Seen {
    fn default() -> Seen {
        Seen::new()
    }
}

#[cfg(test)]
mod tests;
