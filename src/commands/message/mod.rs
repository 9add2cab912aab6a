//! `altur message send | list` (contract section 14), one file per verb, and what `thread get`
//! and `chat` share with them: the content checks and how a message reads on a terminal.

crate::commands::verbs! {
    /// `altur message ...` (contract section 14).
    pub(crate) enum MessageCommand {
        Send => send,
        List => list,
    }
}

use std::path::Path;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, presets};
use serde_json::Value;

use crate::cli::OutputFormat;
use crate::client::{Call, Endpoint};
use crate::config::{INPUT_LIMIT, read_limited_utf8, read_small_text};
use crate::error::{Error, Kind, Result};
use crate::output::{self, Output, Resource, for_terminal};
use crate::secret::redact;
pub use crate::transcript::message_text;
use crate::transcript::{Zone, value_text};

pub const SEND: Endpoint = crate::registry::MESSAGE_SEND.endpoint;
pub const LIST: Endpoint = crate::registry::MESSAGE_LIST.endpoint;
pub const THREAD: Endpoint = crate::registry::THREAD_GET.endpoint;

/// What a send whose outcome is unknown may have done: a POST is never sent again.
pub const MAY_BE_DELIVERED: &str = "the message may have been delivered (and answered): look at \
     the thread with `altur message list THREAD_ID` before sending it again";

/// The `POST /message` of one message, never re-sent once it may have arrived.
pub fn send_call(agent: &str, end_user: &str, content: &str) -> Call {
    SEND.call(&[])
        .with_body(send_body(agent, end_user, content))
        .if_unknown(MAY_BE_DELIVERED)
}

/// The reply messages of a MessageResponse (none when it has no `messages` array).
pub fn replies_of(answer: &Value) -> &[Value] {
    answer
        .get("messages")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// How a message is written by `-o csv`: its raw fields.
const MESSAGE: Resource = Resource {
    name: "message",
    fields: &["sent_at", "sent_by", "type", "content", "media"],
    columns: &["sent_at", "sent_by", "type", "content", "media"],
    id: "id",
    wrapper: None,
};

/// The zone of `--tz`, which only `-o transcript` uses: checked before anything is sent.
pub fn transcript_zone(tz: Option<&str>, format: OutputFormat) -> Result<Zone> {
    match tz {
        None => Ok(Zone::Utc),
        Some(_) if format != OutputFormat::Transcript => {
            Err(Error::input("--tz sets the times of -o transcript")
                .with_hint("add -o transcript, or remove --tz"))
        }
        Some(zone) => Zone::parse(zone, None),
    }
}

/// The messages of thread `id` (a `GET /message/{id}` answer) in `format`.
pub fn print_messages(
    out: &Output,
    id: &str,
    answer: &Value,
    format: OutputFormat,
    zone: &Zone,
) -> Result<()> {
    if let Some(jq) = out.jq() {
        return out.print_jq(jq, answer);
    }
    let Some(messages) = answer.as_array() else {
        if format == OutputFormat::Json {
            return out.print_json(answer);
        }
        return Err(Error::new(
            Kind::Server,
            format!(
                "expected an array of messages, got {}",
                crate::model::json_type(answer)
            ),
        ));
    };
    match format {
        OutputFormat::Json => out.print_json(answer),
        OutputFormat::Ndjson => {
            for message in messages {
                out.stdout(&format!("{}\n", output::compact(message)))?;
            }
            Ok(())
        }
        OutputFormat::Csv => {
            let mut printer = output::ListPrinter::new(out, &MESSAGE, OutputFormat::Csv);
            for message in messages {
                printer.item(message)?;
            }
            printer.finish()
        }
        // Text for people: the server's control characters never reach the terminal.
        OutputFormat::Transcript => out.stdout(&for_terminal(&crate::transcript::render_in(
            id, messages, zone,
        ))),
        OutputFormat::Table | OutputFormat::Id => {
            if messages.is_empty() {
                out.note("the thread has no messages");
            }
            out.stdout(&conversation(messages))
        }
    }
}

/// The message to send, from `--content TEXT` or `--content-file PATH|-` (clap makes sure
/// exactly one is given): UTF-8, at most 1 MiB, not blank.
pub fn content_from(text: Option<&str>, file: Option<&Path>) -> Result<String> {
    let content = match (text, file) {
        (Some(text), _) => text.to_owned(),
        (None, Some(path)) if path == Path::new("-") => without_final_newline(read_limited_utf8(
            std::io::stdin().lock(),
            "the content (stdin)",
        )?),
        (None, Some(path)) => without_final_newline(read_small_text(path, "the content file")?),
        (None, None) => {
            return Err(Error::input(
                "give the message with --content TEXT or --content-file PATH",
            ));
        }
    };
    checked_content(content)
}

/// Text read from a file or stdin loses one final line break (`\n` or `\r\n`), the one that
/// `echo`, `<<<` and editors add: the customer should not receive it (contract section 20).
fn without_final_newline(mut text: String) -> String {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    text
}

/// A message must be at most 1 MiB and not blank.
pub fn checked_content(content: String) -> Result<String> {
    if content.len() as u64 > INPUT_LIMIT {
        return Err(Error::input("the message is larger than 1 MiB"));
    }
    if content.trim().is_empty() {
        return Err(Error::input("the message is empty"));
    }
    Ok(content)
}

/// The body of `POST /message`.
pub fn send_body(agent_id: &str, end_user_id: &str, content: &str) -> Vec<u8> {
    serde_json::json!({
        "agent_id": agent_id,
        "end_user_id": end_user_id,
        "content": content,
    })
    .to_string()
    .into_bytes()
}

/// `2026-11-27T08:00:00.123Z` as `2026-11-27 08:00:00Z`: the fraction dropped for reading.
/// Anything that does not look like an RFC 3339 date-time is shown as it came.
pub fn short_time(sent_at: &str) -> String {
    let bytes = sent_at.as_bytes();
    let shaped = bytes.len() >= 19
        && sent_at.is_char_boundary(19)
        && bytes[10] == b'T'
        && bytes[..19]
            .iter()
            .enumerate()
            .all(|(i, b)| matches!(i, 4 | 7 | 10 | 13 | 16) || b.is_ascii_digit());
    if !shaped {
        return sent_at.to_owned();
    }
    let rest = &sent_at[19..];
    let zone = match rest.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    format!("{} {}{zone}", &sent_at[..10], &sent_at[11..19])
}

/// The conversation view of `message list`: one row per message with its time, its sender
/// (`AI`, `EU`, `SYS`) and what it says; multi-line text stays in its column. comfy-table
/// measures display width, so CJK and emoji keep the columns aligned.
pub fn conversation(messages: &[Value]) -> String {
    if messages.is_empty() {
        return String::new();
    }
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    if table.width().is_some_and(|width| width >= 40) {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    for message in messages {
        let field = |key: &str| message.get(key).map(value_text).unwrap_or_default();
        // Each cell redacted and neutralised before the layout, as in every table.
        table.add_row(
            [
                short_time(&field("sent_at")),
                field("sent_by"),
                message_text(message),
            ]
            .map(|cell| for_terminal(&redact(&cell)).into_owned()),
        );
    }
    for (index, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if index == 2 { 0 } else { 2 }));
        if index < 2 {
            // The time and sender stay on one line; the text wraps instead.
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let mut text = String::new();
    for line in table.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests;
