//! Rules a bulk command chooses for its run, written once here: `--fail-fast` (a line drawn at
//! the first failure: nothing after it starts, what came before it is still done) and batches
//! (records grouped many to a request, each record given its own result back, in order).
//! The third, a journal written before a request leaves, is the POST rule's hook
//! ([`super::post::Journal`]).

use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(test)]
mod tests;

/// Where a run stops taking work: `--fail-fast`'s first failure, or everything after an error
/// that ends the run. Positions are the caller's (record numbers): work at or after the line
/// does not start; work before it is still done and delivered.
pub struct FailFast {
    on: bool,
    line: AtomicU64,
}

impl FailFast {
    /// `on`: whether a failure draws the line (`--fail-fast`); a stop draws it either way.
    pub fn new(on: bool) -> FailFast {
        FailFast {
            on,
            line: AtomicU64::new(u64::MAX),
        }
    }

    /// The work at `position` failed: under `--fail-fast`, nothing at or after it starts.
    pub fn failed(&self, position: u64) {
        if self.on {
            self.line.fetch_min(position, Ordering::Relaxed);
        }
    }

    /// An error ends the run: nothing more starts.
    pub fn stop_all(&self) {
        self.line.store(0, Ordering::Relaxed);
    }

    /// Whether the work at `position` may still start.
    pub fn admits(&self, position: u64) -> bool {
        position < self.line.load(Ordering::Relaxed)
    }

    /// The line, once drawn (0 after [`FailFast::stop_all`]).
    pub fn line(&self) -> Option<u64> {
        Some(self.line.load(Ordering::Relaxed)).filter(|line| *line != u64::MAX)
    }
}

/// Groups records, in input order, into batches of `size` (one request each).
pub struct Batcher<T> {
    size: usize,
    held: Vec<(u64, T)>,
}

impl<T> Batcher<T> {
    pub fn new(size: usize) -> Batcher<T> {
        Batcher {
            size: size.max(1),
            held: Vec::new(),
        }
    }

    /// Holds the record at `position`; the batch, in input order, once it is full.
    pub fn push(&mut self, position: u64, record: T) -> Option<Vec<(u64, T)>> {
        self.held.push((position, record));
        if self.held.len() < self.size {
            return None;
        }
        self.take()
    }

    /// The batch being filled, however short (the input ended, or a record waits on it);
    /// `None` when it is empty.
    pub fn take(&mut self) -> Option<Vec<(u64, T)>> {
        (!self.held.is_empty()).then(|| std::mem::take(&mut self.held))
    }

    /// The position of the first record held.
    pub fn oldest(&self) -> Option<u64> {
        self.held.first().map(|(position, _)| *position)
    }
}

/// What a batch's request came to, for its records.
pub enum Answer<O> {
    /// The answer lists a result for each record, in batch order.
    Each(Vec<O>),
    /// One result for every record of the batch (it failed, or its outcome is unknown).
    All(O),
}

/// A batch's answer handed back to each of its records, in batch order.
pub fn per_record<O: Clone>(positions: &[u64], answer: Answer<O>) -> Vec<(u64, O)> {
    match answer {
        Answer::Each(results) => positions.iter().copied().zip(results).collect(),
        Answer::All(result) => positions.iter().map(|p| (*p, result.clone())).collect(),
    }
}
