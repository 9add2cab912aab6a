//! `call start` and `call wait`: placing a call, following it to a final status, and what a
//! Ctrl-C means at each step (a start that may have rung, then a call that goes on).

use std::time::Duration;

use serde_json::Value;

use super::wait::{self, RealClock, Waited};
use super::{CALL, GET, START, client, dry_run, start};
use crate::cli::{CallStartArgs, CallWaitArgs, OutputFormat};
use crate::client::Client;
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::interrupt::Interrupt;
use crate::output::{self, for_terminal};

/// What a start whose answer was lost may have done: a second start would ring again.
/// There is no command that lists calls started outside a campaign, so the hint names the
/// dashboard; `altur call list` would need a `--campaign`.
const MAY_HAVE_CALLED: &str = "the call may have been placed: look for it in the Altur dashboard's \
     call history before starting it again, or the person may be called twice";

pub(super) fn start_call(settings: &Settings, args: &CallStartArgs) -> Result<i32> {
    let body = start::start_body(&start::StartInput {
        agent: &args.agent,
        to: &args.to,
        name: args.name.as_deref(),
        context: args.context.as_deref(),
        context_json: args.context_json.as_deref(),
        first_message: args.first_message.as_deref(),
    })?;
    if !args.wait && (args.wait_options.interval.is_some() || args.wait_options.max_wait.is_some())
    {
        return Err(Error::input(
            "--interval and --max-wait apply only with --wait",
        ));
    }
    let call = START.call(&[]).with_body(body).if_unknown(MAY_HAVE_CALLED);
    if settings.dry_run {
        return dry_run(settings, &call);
    }
    let client = client(settings)?;
    let interrupt = Interrupt::install(json_errors(settings));
    interrupt.exit_with(Error::new(Kind::Interrupted, "interrupted").with_hint(MAY_HAVE_CALLED));
    let answer = client.call(&call)?;
    if !args.wait {
        output::print_resource(&answer.body, &CALL, output::format_for(settings))?;
        return Ok(0);
    }
    let Some(id) = answer.body.get("id").and_then(Value::as_str) else {
        output::print_resource(&answer.body, &CALL, output::format_for(settings))?;
        return Err(Error::new(
            Kind::Server,
            "the call was placed, but the answer has no id to wait on",
        ));
    };
    // An id read from the API goes into a path too: the same check as on the command line.
    let id = crate::ids::checked_opaque("call", id)
        .map_err(|e| Error {
            kind: Kind::Server,
            message: format!(
                "the call was placed, but it cannot be followed: {}",
                e.message
            ),
            ..e
        })?
        .to_owned();
    interrupt.set(waiting_interrupted(&id));
    output::note(&format!("call {} placed", for_terminal(&id)));
    follow(settings, &client, &id, &args.wait_options)
}

pub(super) fn waiting_interrupted(id: &str) -> Error {
    Error::new(Kind::Interrupted, "interrupted while waiting").with_hint(format!(
        "the call goes on; follow it again with: altur call wait {}",
        shell_words::quote(id)
    ))
}

/// `call wait`: polls until a final status, printing each change on stderr and the call on
/// stdout; exit 11 when `--max-wait` runs out.
pub(super) fn follow(
    settings: &Settings,
    client: &Client,
    id: &str,
    options: &CallWaitArgs,
) -> Result<i32> {
    let interval = options
        .interval
        .map_or(wait::DEFAULT_INTERVAL, Duration::from_secs_f64);
    let max_wait = options
        .max_wait
        .map_or(wait::DEFAULT_MAX_WAIT, Duration::from_secs_f64);
    let get = GET.call(&[id]);
    let shown = for_terminal(id).into_owned();
    let waited = wait::wait_for(
        || client.call(&get).map(|answer| answer.body),
        &mut RealClock,
        interval,
        max_wait,
        |status| output::note(&format!("call {shown}: {}", for_terminal(status))),
    )?;
    let format = output::format_for(settings);
    match waited {
        Waited::Final(call) => {
            output::print_resource(&call, &CALL, format)?;
            Ok(0)
        }
        Waited::GaveUp(call) => {
            output::print_resource(&call, &CALL, format)?;
            let status = wait::status_of(&call).unwrap_or("(no status)");
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

/// Whether errors print as JSON: only under an explicit `-o json`, as everywhere.
pub(super) fn json_errors(settings: &Settings) -> bool {
    settings.output_explicit && settings.output == OutputFormat::Json
}
