//! Runs jaq where a runaway filter cannot take the process down: on a thread of its own with
//! a deep stack, watched by the caller. `[range(1e9)]` would end in an allocation failure and
//! `def f: 1+f; f` in a stack overflow, both of which abort the process; `def f: f; f` never
//! ends. jaq has no limits of its own, so the caller polls the evaluation and gives up, as a
//! `jq` error, when it holds more memory or has run longer than its [`Budget`]. The abandoned
//! thread ends with the process, which exits right after printing the error: its stack is
//! many times the memory budget, so a deep recursion is far from the stack's end by then.

use std::sync::Arc;
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant};

use super::{Jq, failed};
use crate::error::Result;

/// How much one run of a filter may take.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Wall time of one run.
    pub time: Duration,
    /// Memory the process may grow by during one run (its stack included): the evaluator's
    /// stack is larger than this, so a deep recursion hits the budget before the stack's end.
    pub memory: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            time: Duration::from_secs(60),
            memory: 512 * 1024 * 1024,
        }
    }
}

/// The evaluator thread's stack, largest first: reserved, not used, until a deep recursion
/// touches it (a system that cannot reserve the largest gets the next).
const STACKS: [usize; 3] = [4 << 30, 1 << 30, 256 << 20];
/// How often the caller looks at the evaluation.
const POLL: Duration = Duration::from_millis(5);

enum Message {
    Text(Vec<u8>),
    Done(Result<(), String>),
}

pub(super) fn run(
    jq: Arc<Jq>,
    input: Vec<u8>,
    budget: Budget,
    emit: &mut dyn FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let (send, receive) = sync_channel::<Message>(4);
    let started = Instant::now();
    let rss_before = resident_bytes();
    let mut spawned = Err(std::io::Error::other("no stack size to try"));
    let mut job = Some((send, input));
    for stack in STACKS {
        let Some((send, input)) = job.take() else {
            break;
        };
        let (keep_send, keep_input) = (send.clone(), input.clone());
        let jq = jq.clone();
        spawned = std::thread::Builder::new()
            .name("jq".to_owned())
            .stack_size(stack)
            .spawn(move || {
                let text = send.clone();
                let ran = jq.evaluate(&input, &mut |chunk| {
                    chunk.is_empty() || text.send(Message::Text(chunk.to_vec())).is_ok()
                });
                let _ = send.send(Message::Done(ran));
            });
        if spawned.is_ok() {
            break;
        }
        job = Some((keep_send, keep_input));
    }
    if let Err(e) = spawned {
        return Err(failed(format!("cannot start the filter: {e}")));
    }
    loop {
        match receive.recv_timeout(POLL) {
            Ok(Message::Text(text)) => emit(&text)?,
            Ok(Message::Done(ran)) => return ran.map_err(failed),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(failed("the filter stopped without an answer"));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if started.elapsed() > budget.time {
            return Err(failed(format!(
                "the filter ran for more than {} s; stopped it",
                budget.time.as_secs_f64()
            )));
        }
        if let (Some(before), Some(now)) = (rss_before, resident_bytes())
            && now.saturating_sub(before) > budget.memory
        {
            return Err(failed(format!(
                "the filter needed more than {} MiB of memory (deep recursion, or a very \
                 large value); stopped it",
                budget.memory / (1024 * 1024)
            )));
        }
    }
}

/// The process's resident memory, where the system says (Linux); `None` elsewhere, where
/// only the time budget applies.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
