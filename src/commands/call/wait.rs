//! `altur call wait` (and `call start --wait`): poll `GET /call/{id}` until a final status, saying each change (contract
//! section 15). The fetch, the clock and the reporting are parameters, so the loop is tested
//! without a server or a sleep.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::{CALL, GET};
use crate::cli::CallWaitArgs;
use crate::cli::Policy;
use crate::error::{Error, Kind, Result};
use crate::ids::OpaqueId;
use crate::output::for_terminal;
use crate::session::Session;

/// The statuses after which a call never changes.
pub const FINAL_STATUSES: [&str; 4] = ["ended", "busy", "no-answer", "failed"];

pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(2);
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(3600);

pub fn is_final(status: &str) -> bool {
    FINAL_STATUSES.contains(&status)
}

/// The status of a Call object; `None` when it has none (it is then not final).
pub fn status_of(call: &Value) -> Option<&str> {
    call.get("status").and_then(Value::as_str)
}

/// How the waiting ended: the last Call seen either way.
#[derive(Debug, Clone, PartialEq)]
pub enum Waited {
    Final(Value),
    /// `--max-wait` ran out first.
    GaveUp(Value),
}

/// Time as the loop sees it.
pub trait Clock {
    fn now(&self) -> Instant;
    fn sleep(&mut self, duration: Duration);
}

pub struct RealClock;

impl Clock for RealClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn sleep(&mut self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// Fetches the call every `interval` until its status is final or `max_wait` has passed since
/// the start, calling `changed` with each new status (the first one included). The last poll
/// happens when `max_wait` runs out, so a call that ends just then is still seen ending.
pub fn wait_for(
    mut fetch: impl FnMut() -> Result<Value>,
    clock: &mut impl Clock,
    interval: Duration,
    max_wait: Duration,
    mut changed: impl FnMut(&str),
) -> Result<Waited> {
    let started = clock.now();
    let mut last_status: Option<String> = None;
    loop {
        let call = fetch()?;
        let status = status_of(&call).unwrap_or("(no status)");
        if last_status.as_deref() != Some(status) {
            changed(status);
            last_status = Some(status.to_owned());
        }
        if is_final(status) {
            return Ok(Waited::Final(call));
        }
        let waited = clock.now().saturating_duration_since(started);
        if waited >= max_wait {
            return Ok(Waited::GaveUp(call));
        }
        clock.sleep(interval.min(max_wait - waited));
    }
}

/// Wait until a call ends: each status change on stderr, the final call on stdout
#[derive(Debug, clap::Args)]
#[command(after_help = CALL_WAIT_HELP)]
pub(crate) struct Args {
    /// The call's id (cll_...)
    #[arg(value_name = "CALL_ID")]
    pub(crate) call_id: OpaqueId,

    #[command(flatten)]
    pub(crate) wait: CallWaitArgs,
}

pub(crate) const POLICY: Policy = Policy::READ;

const CALL_WAIT_HELP: &str = "\
Final statuses: ended, busy, no-answer, failed (exit 0 for any: it is data, not an error).
When --max-wait runs out first, the call as last seen is printed and the exit code is 11.

Examples:
  altur call wait \"$CALL\"
  altur call wait \"$CALL\" --interval 5 --max-wait 600 -o json | jq -r .status";

/// `altur call wait`: follows call `id` to a final status; Ctrl-C says how to follow it again
/// (also in the `-o json` error's hint).
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let (id, options) = (args.call_id.as_str(), &args.wait);
    if session.prepare(&GET.call(&[id]))?.is_none() {
        return Ok(()); // --dry-run
    }
    session.interrupt().exit_with(waiting_interrupted(id));
    follow(session, id, options)
}

/// What Ctrl-C says while a call is followed: the call goes on, and how to follow it again.
pub(super) fn waiting_interrupted(id: &str) -> Error {
    Error::new(Kind::Interrupted, "interrupted while waiting").with_hint(format!(
        "the call goes on; follow it again with: altur call wait {}",
        shell_words::quote(id)
    ))
}

/// `call wait`: polls until a final status, printing each change on stderr and the call on
/// stdout; exit 11 when `--max-wait` runs out.
pub(super) fn follow(session: &Session, id: &str, options: &CallWaitArgs) -> Result<()> {
    let client = session.client()?;
    let interval = options
        .interval
        .map_or(DEFAULT_INTERVAL, Duration::from_secs_f64);
    let max_wait = options
        .max_wait
        .map_or(DEFAULT_MAX_WAIT, Duration::from_secs_f64);
    let get = GET.call(&[id]);
    let shown = for_terminal(id).into_owned();
    let waited = wait_for(
        || client.call(&get).map(|answer| answer.body),
        &mut RealClock,
        interval,
        max_wait,
        |status| {
            session
                .out()
                .note(&format!("call {shown}: {}", for_terminal(status)))
        },
    )?;
    let format = session.format()?;
    match waited {
        Waited::Final(call) => session.out().print_resource(&call, &CALL, format),
        Waited::GaveUp(call) => {
            session.out().print_resource(&call, &CALL, format)?;
            let status = status_of(&call).unwrap_or("(no status)");
            Err(Error::new(
                Kind::GaveUp,
                format!(
                    "call {shown} is still {} after waiting {} s",
                    for_terminal(status),
                    max_wait.as_secs_f64()
                ),
            )
            .with_hint(format!(
                "wait more with: altur call wait {} --max-wait SECS",
                shell_words::quote(id)
            )))
        }
    }
}

#[cfg(test)]
mod tests;
