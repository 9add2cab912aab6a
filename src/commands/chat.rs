//! `altur chat`: a conversation with an agent from a terminal or a pipe (contract section 14).
//!
//! The loop is apart from where lines come from (a line editor on a terminal, stdin on a pipe)
//! and from how a message is sent and its replies shown, so its rules are tested on their own:
//! an empty line is skipped, `/quit` or EOF ends, a failed send is reported and the loop goes
//! on (or stops with `--fail-fast`), and the exit code is the first failure's.

use std::io::{BufRead, IsTerminal};

use serde_json::Value;

use super::message::checked_content;
use crate::cli::{OutputFormat, Policy};
use crate::client::Client;
use crate::config::{INPUT_LIMIT, Settings};
use crate::error::{Error, Kind, Result};
use crate::ids::{EndUserId, OpaqueId};
use crate::model::EndUserData;
use crate::output::{self, Output, for_terminal};
use crate::session::Session;

/// Talk to an agent from a terminal or a pipe, one line per message
#[derive(Debug, clap::Args)]
#[command(
    group(clap::ArgGroup::new("who").required(true).args(["enduser", "name"])),
    after_help = "\
Each line read is sent as a message; an empty line is skipped; /quit or end of input ends the
chat. On a terminal there is a prompt with line editing and replies show as `agent> ...`; on a
pipe only the replies are printed, one per line (-o ndjson: one MessageResponse per line). A
failed send is reported and the chat goes on (--fail-fast stops); the exit code is the first
failure's.

Examples:
  altur chat --agent \"$AGENT\" --name \"Ada Lovelace\"
  printf 'hi\\nprice?\\n' | altur chat --agent \"$AGENT\" --enduser \"$EU\" -o ndjson"
)]
pub(crate) struct Args {
    /// The agent to talk to
    #[arg(long, value_name = "AGENT_ID")]
    pub(crate) agent: OpaqueId,

    /// Talk as this EndUser (a UUID)
    #[arg(long, value_name = "UUID")]
    pub(crate) enduser: Option<EndUserId>,

    /// Create an EndUser with this name first and talk as them (the id goes to stderr)
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub(crate) name: Option<String>,

    /// Stop at the first failed message
    #[arg(long)]
    pub(crate) fail_fast: bool,
}

/// The prompt on a terminal.
const PROMPT: &str = "you> ";
/// What each reply starts with on a terminal.
const AGENT: &str = "agent> ";

/// How the replies are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// `agent> ...` on a terminal, the bare text on a pipe.
    Text { terminal: bool },
    /// One MessageResponse per line.
    Ndjson,
    /// `--jq` on each MessageResponse.
    Jq,
}

/// `altur chat`: returns the exit code (0, the first failure's, or 130 for Ctrl-C).
pub(crate) const POLICY: Policy = Policy {
    formats: &[
        OutputFormat::Table,
        OutputFormat::Json,
        OutputFormat::Ndjson,
    ],
    ..Policy::READ
};

pub fn run(session: &Session, args: &Args) -> Result<i32> {
    let settings = session.settings()?;
    let agent = args.agent.as_str().to_owned();
    let end_user = args.enduser.as_ref().map(EndUserId::as_str);
    let new_end_user = match &args.name {
        Some(name) => {
            let data = EndUserData {
                display_name: Some(name.clone()),
                info: None,
            };
            data.check_for_create().map_err(Error::input)?;
            Some(data)
        }
        None => None,
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let shown = shown_for(session.out(), settings, interactive);
    // `-o json`, asked for, makes every error a JSON object on stderr, as everywhere.
    let json_errors = session.json_errors();
    if session.dry_run() {
        return dry_run(session, &agent, end_user, new_end_user.as_ref());
    }
    let client = session.client()?;
    // From now on Ctrl-C (a signal: at the line editor's prompt it is a key the editor reads)
    // ends the chat with 130, and says what a request in flight may have done.
    let between_requests = || session.interrupt().exit_with(interrupted());
    between_requests();
    let end_user = match (end_user, new_end_user) {
        (Some(id), _) => id.to_owned(),
        (None, Some(data)) => create_end_user(session, client, &data)?,
        (None, None) => return Err(Error::input("give --enduser UUID or --name NAME")),
    };
    let send = |line: &str| -> Result<Value> {
        let content = checked_content(line.to_owned())?;
        let call = super::message::send_call(&agent, &end_user, &content);
        session.guard(&call);
        let answer = client.call(&call);
        between_requests();
        Ok(answer?.body)
    };
    let show = |answer: &Value| show_answer(session.out(), answer, shown);
    // A closed stdout ends the conversation quietly, as it ends any single-result command.
    let report = |error: &Error| {
        if error.kind != Kind::StdoutClosed {
            session.out().print_error(error, json_errors)
        }
    };
    let ending = if interactive {
        session.out().stderr_line(&format!(
            "altur: chatting with agent {} as EndUser {end_user}; /quit or Ctrl-D ends",
            for_terminal(&agent)
        ));
        let mut editor = rustyline::DefaultEditor::new()
            .map_err(|e| Error::internal(format!("cannot start the line editor: {e}")))?;
        let next = || match editor.readline(PROMPT) {
            Ok(line) => {
                let _ = editor.add_history_entry(line.as_str());
                Input::Line(line)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => Input::Interrupted,
            Err(rustyline::error::ReadlineError::Eof) => Input::End,
            Err(e) => {
                session
                    .out()
                    .warn(&format!("cannot read the terminal: {e}"));
                Input::End
            }
        };
        converse(args.fail_fast, next, send, show, report)
    } else {
        let stdin = std::io::stdin();
        let mut reader = stdin.lock();
        let mut number = 0;
        let next = || {
            number += 1;
            read_line(&mut reader, number)
        };
        converse(args.fail_fast, next, send, show, report)
    };
    if ending.code == Kind::Interrupted.exit_code() {
        session.out().print_error(&interrupted(), json_errors);
    }
    Ok(ending.code)
}

/// Text, unless `-o ndjson`, `-o json` (asked for, not the default of a pipe: one
/// MessageResponse per line too, since the chat is a stream) or `--jq`. `-o id` is refused
/// before this: a chat has no one id to print.
fn shown_for(out: &Output, settings: &Settings, interactive: bool) -> Shown {
    if out.jq().is_some() {
        return Shown::Jq;
    }
    match settings.output {
        OutputFormat::Ndjson => Shown::Ndjson,
        OutputFormat::Json if settings.output_explicit => Shown::Ndjson,
        _ => Shown::Text {
            terminal: interactive,
        },
    }
}

fn show_answer(out: &Output, answer: &Value, shown: Shown) -> Result<()> {
    match shown {
        Shown::Jq => match out.jq() {
            Some(jq) => out.print_jq(jq, answer),
            None => Ok(()),
        },
        Shown::Ndjson => out.stdout(&format!("{}\n", output::compact(answer))),
        Shown::Text { terminal } => {
            let mut text = String::new();
            for reply in replies(answer) {
                let reply = for_terminal(&reply).into_owned();
                if terminal {
                    // Later lines of a reply line up under its first.
                    let indent = format!("\n{}", " ".repeat(AGENT.len()));
                    text.push_str(AGENT);
                    text.push_str(&reply.replace('\n', &indent));
                } else {
                    text.push_str(&reply);
                }
                text.push('\n');
            }
            if replies(answer).is_empty() && terminal {
                out.note("the agent sent no reply");
            }
            out.stdout(&text)
        }
    }
}

/// Creates the EndUser of `--name` and says its id on stderr.
fn create_end_user(session: &Session, client: &Client, data: &EndUserData) -> Result<String> {
    let call = super::enduser::CREATE
        .call(&[])
        .with_body(data.to_body())
        .if_unknown("the EndUser may have been created: check before creating it again");
    session.guard(&call);
    let answer = client.call(&call);
    session.interrupt().exit_with(interrupted());
    let answer = answer?.body;
    let Some(id) = answer.get("id").and_then(Value::as_str) else {
        return Err(Error::new(
            Kind::Server,
            "the EndUser was created, but the answer has no id to talk as",
        ));
    };
    session.out().stderr_line(&format!(
        "altur: created EndUser {} ({})",
        for_terminal(id),
        for_terminal(data.display_name.as_deref().unwrap_or_default())
    ));
    Ok(id.to_owned())
}

/// `--dry-run`: the requests each line would send, as curl commands; nothing is sent.
fn dry_run(
    session: &Session,
    agent: &str,
    end_user: Option<&str>,
    new_end_user: Option<&EndUserData>,
) -> Result<i32> {
    if let Some(data) = new_end_user {
        let create = super::enduser::CREATE.call(&[]).with_body(data.to_body());
        session.print_call(&create)?;
    }
    let end_user = end_user.unwrap_or("ENDUSER_ID");
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let mut number = 0;
    let ending = converse(
        false,
        || {
            number += 1;
            read_line(&mut reader, number)
        },
        |line| {
            let content = checked_content(line.to_owned())?;
            let call = super::message::send_call(agent, end_user, &content);
            session.print_call(&call)?;
            Ok(Value::Null)
        },
        |_| Ok(()),
        |error| session.out().print_error(error, false),
    );
    Ok(ending.code)
}

/// What Ctrl-C means when no request is in flight.
fn interrupted() -> Error {
    Error::new(Kind::Interrupted, "interrupted")
}

/// What the user typed, or why there is nothing more.
#[derive(Debug)]
pub enum Input {
    /// One line, without its line ending.
    Line(String),
    /// A line that cannot be sent (not UTF-8, too long): reported like a failed send.
    Bad(Error),
    /// End of input: EOF, or `/quit`.
    End,
    /// Ctrl-C at the prompt.
    Interrupted,
}

/// How the conversation ended.
#[derive(Debug, PartialEq, Eq)]
pub struct Ending {
    pub code: i32,
    pub exchanges: usize,
}

/// Runs the conversation: each line is sent with `send` and its answer given to `show`; a
/// failure (of either, or a bad line) goes to `report`.
pub fn converse(
    fail_fast: bool,
    mut next: impl FnMut() -> Input,
    mut send: impl FnMut(&str) -> Result<Value>,
    mut show: impl FnMut(&Value) -> Result<()>,
    mut report: impl FnMut(&Error),
) -> Ending {
    let mut first_failure: Option<i32> = None;
    let mut exchanges = 0;
    loop {
        let outcome = match next() {
            Input::End => break,
            Input::Interrupted => {
                return Ending {
                    code: Kind::Interrupted.exit_code(),
                    exchanges,
                };
            }
            Input::Line(line) if line.trim() == "/quit" => break,
            Input::Line(line) if line.trim().is_empty() => continue,
            Input::Line(line) => send(&line).and_then(|answer| {
                exchanges += 1;
                show(&answer)
            }),
            Input::Bad(error) => Err(error),
        };
        if let Err(error) = outcome {
            report(&error);
            first_failure.get_or_insert(error.kind.exit_code());
            if fail_fast {
                break;
            }
        }
    }
    Ending {
        code: first_failure.unwrap_or(0),
        exchanges,
    }
}

/// The next line of `reader` for [`converse`]: at most 1 MiB, UTF-8, without `\n` or `\r\n`.
/// A longer line is skipped to its end and reported, so memory stays bounded.
pub fn read_line(reader: &mut impl BufRead, number: usize) -> Input {
    let mut bytes = Vec::new();
    let limit = INPUT_LIMIT + 2; // room for the line ending
    match std::io::Read::take(&mut *reader, limit).read_until(b'\n', &mut bytes) {
        Ok(0) => return Input::End,
        Ok(_) => {}
        Err(e) => return Input::Bad(Error::input(format!("cannot read stdin: {e}"))),
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    } else if bytes.len() as u64 == limit {
        // Cut off: drop the rest of the line.
        let skipped = skip_line(reader);
        if let Err(e) = skipped {
            return Input::Bad(Error::input(format!("cannot read stdin: {e}")));
        }
        return Input::Bad(Error::input(format!(
            "line {number} is larger than 1 MiB; it was not sent"
        )));
    }
    if bytes.len() as u64 > INPUT_LIMIT {
        return Input::Bad(Error::input(format!(
            "line {number} is larger than 1 MiB; it was not sent"
        )));
    }
    match String::from_utf8(bytes) {
        Ok(line) => Input::Line(line),
        Err(e) => Input::Bad(Error::input(format!(
            "line {number} is not UTF-8 text (invalid byte at offset {}); it was not sent",
            e.utf8_error().valid_up_to()
        ))),
    }
}

/// Reads and drops everything up to and including the next `\n`.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let length = buffer.len();
                reader.consume(length);
            }
        }
    }
}

/// The agent's replies in a MessageResponse: the text of each message it holds.
pub fn replies(answer: &Value) -> Vec<String> {
    answer
        .get("messages")
        .and_then(Value::as_array)
        .map(|messages| messages.iter().map(super::message::message_text).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
