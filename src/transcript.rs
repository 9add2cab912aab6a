//! The readable transcript of a thread (contract section 21): a header, then
//! `[YYYY-MM-DD HH:MM:SS] Agent: ...` per message, in UTC or in the zone `--tz` names. One
//! formatter for `altur mcp`'s `thread_transcript`, `call export --with transcripts` and
//! `-o transcript`.

mod zone;

use serde_json::Value;

pub use zone::Zone;

#[cfg(test)]
mod tests;

/// The transcript of thread `id` from its messages, oldest first, times in UTC.
pub(crate) fn render(id: &str, messages: &[Value]) -> String {
    render_in(id, messages, &Zone::Utc)
}

/// The transcript of thread `id`, times in `zone`; the header names the zone unless it is
/// UTC.
pub(crate) fn render_in(id: &str, messages: &[Value], zone: &Zone) -> String {
    let count = messages.len();
    let noun = if count == 1 { "message" } else { "messages" };
    let zone_note = match zone {
        Zone::Utc => String::new(),
        other => format!(", times in {}", other.name()),
    };
    let mut out = format!("Thread {id} ({count} {noun}{zone_note})\n\n");
    for message in messages {
        let role = match message.get("sent_by").and_then(Value::as_str) {
            Some("AI") => "Agent",
            Some("EU") => "Customer",
            Some("SYS") => "System",
            Some(other) => other,
            None => "?",
        };
        let when = message
            .get("sent_at")
            .and_then(Value::as_str)
            .map_or_else(String::new, |text| zone.local_time(text));
        let text = message_text(message);
        out.push_str(&format!("[{when}] {role}: {text}\n"));
    }
    out
}

/// What a message says, for people: its text, or `[image] URL` (then its caption, if any) for
/// media and the other non-text types.
pub fn message_text(message: &Value) -> String {
    let text = |key: &str| message.get(key).map(value_text).unwrap_or_default();
    let kind = text("type");
    let content = text("content");
    if kind.is_empty() || kind == "text" {
        return content;
    }
    let mut shown = format!("[{kind}]");
    let media = text("media");
    if !media.is_empty() {
        shown.push(' ');
        shown.push_str(&media);
    }
    if !content.is_empty() {
        shown.push('\n');
        shown.push_str(&content);
    }
    shown
}

/// A field as text: strings as they are, other values as compact JSON, null as nothing.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
