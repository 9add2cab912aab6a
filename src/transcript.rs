//! The readable transcript of a thread (contract section 21): a header, then
//! `[YYYY-MM-DD HH:MM:SS] Agent: ...` per message, in UTC. One formatter for `altur mcp`'s
//! `thread_transcript`, `call export --with transcripts` and `-o transcript`.

use serde_json::Value;

#[cfg(test)]
mod tests;

/// The transcript of thread `id` from its messages, oldest first.
pub(crate) fn render(id: &str, messages: &[Value]) -> String {
    let count = messages.len();
    let noun = if count == 1 { "message" } else { "messages" };
    let mut out = format!("Thread {id} ({count} {noun})\n\n");
    for message in messages {
        let role = match message.get("sent_by").and_then(Value::as_str) {
            Some("AI") => "Agent".to_owned(),
            Some("EU") => "Customer".to_owned(),
            Some("SYS") => "System".to_owned(),
            Some(other) => other.to_owned(),
            None => "?".to_owned(),
        };
        let when = message
            .get("sent_at")
            .and_then(Value::as_str)
            .map_or_else(String::new, utc_time);
        let text = crate::commands::message::message_text(message);
        out.push_str(&format!("[{when}] {role}: {text}\n"));
    }
    out
}

/// `2026-05-14T08:39:40-06:00` as `2026-05-14 14:39:40`; a time that does not parse as given.
fn utc_time(text: &str) -> String {
    match crate::datetime::parse(text) {
        Ok(time) => crate::datetime::format_utc(time)
            .replacen('T', " ", 1)
            .trim_end_matches('Z')
            .to_owned(),
        Err(_) => text.to_owned(),
    }
}
