//! The API key and the last line of defence against leaking it.
//!
//! A [`Secret`] never prints itself, and every [`Secret`] ever made registers with a process-wide
//! redactor: all text `altur` writes to stdout or stderr passes through [`redact`] on its way out
//! (see `output`), so even a server that echoes the key back cannot make us print it.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use crate::error::{Error, Result};

/// What replaces the key wherever it would have been printed.
pub const REDACTED: &str = "[REDACTED]";

/// The sandbox's default key. It is printed in the docs, so it is no secret, and hiding it would
/// only mangle output that happens to contain the word (a name such as "sandbox tester").
pub const PUBLIC_SANDBOX_KEY: &str = "sandbox";

static KNOWN_SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// An API key. `Debug` and `Display` print `[REDACTED]`; only [`Secret::expose`] gives the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Checks that `value` can travel in a header and registers it for redaction.
    /// Surrounding whitespace (a trailing newline from a file or a pipe) is trimmed first.
    pub fn new(value: &str) -> Result<Secret> {
        let value = value.trim();
        // Register before validating: even a rejected key must never be echoed.
        register(value);
        if value.is_empty() {
            return Err(Error::auth("the API key is empty"));
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::auth(
                "the API key contains whitespace or control characters; refusing to send it",
            ));
        }
        if !value.is_ascii() {
            return Err(Error::auth(
                "the API key contains non-ASCII characters, which cannot be sent in an HTTP header",
            ));
        }
        Ok(Secret(value.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The last 4 characters, for telling keys apart: `…abcd`. Shorter keys show nothing.
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 12 {
            return "…".to_owned();
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("…{tail}")
    }
}

/// A webhook signing secret (contract section 18): handled like the key (redacted wherever it
/// would be printed, never taken from argv) but never sent in a header, so any text will do.
/// Surrounding whitespace is trimmed; `None` when nothing is left.
pub fn webhook_secret(value: &str) -> Option<Secret> {
    let value = value.trim();
    register(value);
    (!value.is_empty()).then(|| Secret(value.to_owned()))
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Adds `value` (and its JSON-escaped form) to the strings [`redact`] removes.
fn register(value: &str) {
    if value.is_empty() || value == PUBLIC_SANDBOX_KEY {
        return;
    }
    let mut known = KNOWN_SECRETS.lock().unwrap_or_else(PoisonError::into_inner);
    let escaped = serde_json::to_string(value).unwrap_or_default();
    let escaped = escaped.trim_matches('"').to_owned();
    for form in [value.to_owned(), escaped] {
        if !form.is_empty() && !known.contains(&form) {
            known.push(form);
        }
    }
    // Longest first, so a key that contains another is removed whole.
    known.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// Keys shorter than this are only redacted where they stand as a whole word: a one-letter
/// test key must not turn "skipped" into "s[REDACTED]ipped". Real API keys are far longer.
const SHORT_KEY: usize = 8;

/// Replaces every occurrence of every known secret in `text` with `[REDACTED]`.
pub fn redact(text: &str) -> Cow<'_, str> {
    let known = KNOWN_SECRETS.lock().unwrap_or_else(PoisonError::into_inner);
    let mut out = Cow::Borrowed(text);
    for secret in known.iter() {
        if !out.contains(secret.as_str()) {
            continue;
        }
        out = Cow::Owned(if secret.len() >= SHORT_KEY {
            out.replace(secret.as_str(), REDACTED)
        } else {
            replace_whole_words(&out, secret)
        });
    }
    out
}

fn replace_whole_words(text: &str, word: &str) -> String {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back().or(out.chars().next_back());
        let after = rest[at + word.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            out.push_str(word);
        } else {
            out.push_str(REDACTED);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
