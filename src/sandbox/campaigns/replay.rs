//! `Idempotency-Key` replay: the first answer to a key is remembered and given again to
//! every request with the same key, per endpoint, for a bounded number of keys.

use std::collections::{HashMap, VecDeque};

use super::invalid;
use crate::sandbox::domain::{ApiError, Reply};

/// Idempotency keys remembered at most (the oldest is forgotten first), so that a client
/// sending fresh keys forever cannot grow the sandbox without bound.
pub(super) const REMEMBERED_KEYS: usize = 10_000;
/// The longest `Idempotency-Key` accepted.
pub(super) const KEY_LIMIT: usize = 255;

/// Answers remembered by `Idempotency-Key`, per endpoint.
#[derive(Default)]
pub(super) struct Replays {
    pub(super) answers: HashMap<ReplayKey, Reply>,
    order: VecDeque<ReplayKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum ReplayKey {
    Create(String),
    Contacts(u64, String),
}

impl Replays {
    pub(super) fn get(&self, key: &ReplayKey) -> Option<Reply> {
        self.answers.get(key).cloned()
    }

    pub(super) fn remember(&mut self, key: ReplayKey, reply: Reply) {
        if self.answers.insert(key.clone(), reply).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > REMEMBERED_KEYS {
            if let Some(oldest) = self.order.pop_front() {
                self.answers.remove(&oldest);
            }
        }
    }
}

/// A valid `Idempotency-Key`, or `None` when none was sent.
pub(super) fn check_key(key: Option<&str>) -> Result<Option<&str>, ApiError> {
    match key {
        None => Ok(None),
        Some(key) if key.is_empty() || key.len() > KEY_LIMIT => Err(invalid(format!(
            "the Idempotency-Key header must be 1 to {KEY_LIMIT} characters"
        ))),
        Some(key) => Ok(Some(key)),
    }
}
