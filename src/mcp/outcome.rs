//! A tool's outcome: its JSON result, or a tool error in words the assistant reads (what
//! happened, what to do, and whether the request may have been carried out).

#[cfg(test)]
mod tests;

use serde_json::Value;

use crate::error::{Error, Kind};

/// What a tool call gives back: a JSON result, or the words of a tool error.
pub(crate) type Outcome = std::result::Result<Value, String>;

/// An error in the words a tool result carries: what happened, what to do, and whether the
/// request may have been carried out.
pub(crate) fn words(error: &Error) -> String {
    let mut text = match error.kind {
        Kind::Unknown => format!("outcome unknown: {}", error.message),
        _ => error.message.clone(),
    };
    if let Some(hint) = &error.hint {
        text.push_str(&format!(" (hint: {})", rename(hint)));
    }
    rename(&text)
}

/// The commands' errors name their flags (`--phone`); a tool's arguments are snake_case.
pub(crate) fn rename(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("--") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(after.len());
        if end == 0 {
            out.push_str("--");
        } else {
            out.push('`');
            out.push_str(&after[..end].replace('-', "_"));
            out.push('`');
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}
