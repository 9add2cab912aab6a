//! `altur call start`: the checks made before anything is sent, the body of `POST /call` with
//! only the fields given, and what a Ctrl-C means once it may have rung (contract section 15).

use std::path::Path;

use serde_json::{Map, Value};

use super::{CALL, START};
use crate::cli::CallWaitArgs;
use crate::cli::Policy;
use crate::config::{read_limited_utf8, read_small_text};
use crate::error::{Error, Kind, Result};
use crate::output::for_terminal;
use crate::session::Session;
use std::path::PathBuf;

/// What `call start` was given, before any check.
#[derive(Debug, Default, Clone)]
pub struct StartInput<'a> {
    pub agent: &'a str,
    pub to: &'a str,
    pub name: Option<&'a str>,
    pub context: Option<&'a str>,
    pub context_json: Option<&'a Path>,
    pub first_message: Option<&'a str>,
}

/// The one opaque-id check (`crate::ids`), under the name `bulk` calls it by.
pub use crate::ids::checked_opaque as checked_opaque_id;

/// The E.164 form of `--to`, or exit 2 saying why.
pub fn checked_phone(to: &str) -> Result<String> {
    crate::phone::normalize(to).map_err(|why| {
        Error::input(format!(
            "--to '{}' is not a phone number: {why}",
            for_terminal(to)
        ))
    })
}

/// The JSON body of `POST /call`: `agent_id` and `phone_number_to`, then only the optional
/// fields that were given. Every check happens here, before anything is sent.
pub fn start_body(input: &StartInput<'_>) -> Result<Vec<u8>> {
    let agent = checked_opaque_id("agent", input.agent)?;
    let phone = checked_phone(input.to)?;
    let context = match (input.context, input.context_json) {
        (Some(_), Some(_)) => {
            return Err(Error::input("give --context or --context-json, not both"));
        }
        (Some(text), None) => Some(Value::String(text.to_owned())),
        (None, Some(path)) => Some(Value::Object(read_context_json(path)?)),
        (None, None) => None,
    };
    let mut body = Map::new();
    body.insert("agent_id".into(), agent.into());
    body.insert("phone_number_to".into(), phone.into());
    if let Some(name) = input.name {
        body.insert("end_user_display_name".into(), name.into());
    }
    if let Some(context) = context {
        body.insert("end_user_context".into(), context);
    }
    if let Some(message) = input.first_message {
        body.insert("initial_message".into(), message.into());
    }
    Ok(serde_json::to_vec(&Value::Object(body)).expect("JSON values always serialize"))
}

/// `--context-json FILE|-`: one JSON object (at most 1 MiB of UTF-8), sent as it is.
fn read_context_json(path: &Path) -> Result<Map<String, Value>> {
    let (text, what) = if path == Path::new("-") {
        let what = "--context-json (stdin)".to_owned();
        (read_limited_utf8(std::io::stdin().lock(), &what)?, what)
    } else {
        let what = format!("--context-json {}", path.display());
        (read_small_text(path, "--context-json")?, what)
    };
    parse_context(&text, &what)
}

fn parse_context(text: &str, what: &str) -> Result<Map<String, Value>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let reason = e.to_string();
        let reason = reason
            .rfind(" at line ")
            .map_or(reason.as_str(), |cut| &reason[..cut]);
        Error::input(format!(
            "{}: invalid JSON at line {}, column {}: {reason}",
            for_terminal(what),
            e.line(),
            e.column()
        ))
    })?;
    match value {
        Value::Object(map) => Ok(map),
        other => Err(Error::input(format!(
            "{}: the context must be a JSON object, not {}",
            for_terminal(what),
            crate::model::json_type(&other)
        ))),
    }
}

/// What a start whose answer was lost may have done: a second start would ring again.
/// There is no command that lists calls started outside a campaign, so the hint names the
/// dashboard; `altur call list` would need a `--campaign`.
const MAY_HAVE_CALLED: &str = "the call may have been placed: look for it in the Altur dashboard's \
     call history before starting it again, or the person may be called twice";

/// Start an outbound phone call handled by an agent (POST /call)
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = CALL_START_HELP)]
pub(crate) struct Args {
    /// The agent that makes the call
    #[arg(long, value_name = "AGENT_ID")]
    pub(crate) agent: String,

    /// The number to call, E.164 (spaces, dashes, dots and parentheses are removed)
    #[arg(long, value_name = "PHONE")]
    pub(crate) to: String,

    /// The person's name, for the agent
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub(crate) name: Option<String>,

    /// Context for the agent, as text
    #[arg(long, value_name = "TEXT", conflicts_with = "context_json")]
    pub(crate) context: Option<String>,

    /// Context for the agent, a JSON object from FILE (- for stdin)
    #[arg(long, value_name = "FILE")]
    pub(crate) context_json: Option<PathBuf>,

    /// What the agent says when the call is answered
    #[arg(long, value_name = "TEXT")]
    pub(crate) first_message: Option<String>,

    /// Then wait until the call ends, like `call wait`
    #[arg(long)]
    pub(crate) wait: bool,

    #[command(flatten)]
    pub(crate) wait_options: CallWaitArgs,
}

pub(crate) const POLICY: Policy = Policy::READ;

const CALL_START_HELP: &str = "\
Only the fields given are sent. The number is checked and normalised to E.164 first
(+52 (55) 1234-5678 becomes +525512345678). A start is never sent twice: if its answer is lost,
altur exits 7 and the call may have been placed (a second one would ring the person again).

Examples:
  altur call start --agent \"$AGENT\" --to '+52 55 1234 5678' --name Sofía --wait
  altur call start --agent \"$AGENT\" --to +525512345678 \\
      --context-json context.json -o id";

/// `altur call start`: places the call (never twice: Ctrl-C says it may have rung); with
/// `--wait`, follows it as `call wait` does.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let body = start_body(&StartInput {
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
    let Some(answer) = session.execute(&call)? else {
        return Ok(()); // --dry-run
    };
    if !args.wait {
        return session
            .out()
            .print_resource(&answer.body, &CALL, session.format()?);
    }
    let Some(id) = answer.body.get("id").and_then(Value::as_str) else {
        session
            .out()
            .print_resource(&answer.body, &CALL, session.format()?)?;
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
    session
        .interrupt()
        .set(super::wait::waiting_interrupted(&id));
    session
        .out()
        .note(&format!("call {} placed", for_terminal(&id)));
    super::wait::follow(session, &id, &args.wait_options)
}

#[cfg(test)]
mod tests;
