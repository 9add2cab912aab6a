//! Results to stdout in input order, as they complete; a closed stdout halts the run instead
//! of ending the process, so what is in flight is finished and journaled.

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};

use super::TICK;
use super::outcome::Tally;
use super::progress::Progress;
use super::shared::{Message, Shared};
use crate::error::{Error, Result};

/// Results are written to stdout in chunks of about this size.
pub(super) const OUTPUT_CHUNK: usize = 64 * 1024;

/// Writes results to stdout, unless it was found closed; a closed stdout halts the run.
pub(super) fn print_results(text: &str, shared: &Shared, progress: &Progress) -> Result<()> {
    if text.is_empty() || shared.stdout_closed.load(Ordering::Relaxed) {
        return Ok(());
    }
    match progress.print(text) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            shared.stdout_closed.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => Err(stdout_error(e)),
    }
}

pub(super) fn stdout_error(e: std::io::Error) -> Error {
    Error::internal(format!("cannot write to stdout: {e}"))
}

/// Prints results in input order as they complete, until every record read has its result or
/// the run stops.
pub(super) fn print_in_order(
    results: &Receiver<Message>,
    slot_return: &SyncSender<()>,
    shared: &Shared,
    progress: &Progress,
) -> Result<Tally> {
    let mut pending = BTreeMap::new();
    let mut next = 1u64;
    let mut total = None;
    let mut tally = Tally::default();
    let mut text = String::new();
    loop {
        let mut message = results.recv_timeout(TICK);
        let disconnected = matches!(message, Err(RecvTimeoutError::Disconnected));
        while let Ok(received) = message {
            match received {
                Message::Done(record, outcome) => {
                    pending.insert(record, outcome);
                }
                Message::ReadAll(count) => total = Some(count),
            }
            message = results.try_recv().map_err(|_| RecvTimeoutError::Timeout);
        }
        while let Some(outcome) = pending.remove(&next) {
            text.push_str(&outcome.line(next));
            tally.count(&outcome);
            let _ = slot_return.try_send(());
            next += 1;
            shared.next_to_print.store(next, Ordering::Relaxed);
            if text.len() >= OUTPUT_CHUNK {
                print_results(&text, shared, progress)?;
                text.clear();
            }
        }
        print_results(&text, shared, progress)?;
        text.clear();
        progress.update(&tally);
        // Acquire: pairs with each worker's Release decrement (see `run`).
        let stopped = shared.stopping() && shared.workers_alive.load(Ordering::Acquire) == 0;
        if disconnected || total == Some(next - 1) || stopped {
            break;
        }
    }
    // A stopped run leaves gaps (records read but never sent); print what did complete.
    while let Ok(message) = results.try_recv() {
        if let Message::Done(record, outcome) = message {
            pending.insert(record, outcome);
        }
    }
    for (record, outcome) in std::mem::take(&mut pending) {
        text.push_str(&outcome.line(record));
        tally.count(&outcome);
    }
    print_results(&text, shared, progress)?;
    Ok(tally)
}
