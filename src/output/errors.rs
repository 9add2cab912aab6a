//! Diagnostics on stderr: warnings, notes and errors, redacted and made safe for a terminal.
//! Pending results on a terminal's stdout are written first, so the two read in order.

use std::io::Write;

use super::Output;
use crate::error::{Error, for_terminal};
use crate::secret::redact;

impl Output {
    /// Writes one line to stderr. Errors writing diagnostics are ignored: there is nowhere to
    /// say so.
    pub fn stderr_line(&self, text: &str) {
        self.flush_before_diagnostic();
        let mut line = redact(text).into_owned();
        line.push('\n');
        #[cfg(test)]
        if let Some(kept) = &self.stderr {
            let mut kept = kept
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            kept.extend_from_slice(line.as_bytes());
            return;
        }
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }

    pub fn warn(&self, message: &str) {
        self.stderr_line(&format!("altur: warning: {}", for_terminal(message)));
    }

    pub fn note(&self, message: &str) {
        self.stderr_line(&format!("altur: {}", for_terminal(message)));
    }

    /// Prints an error: one JSON object when JSON was asked for, else `altur: error: ...`.
    pub fn print_error(&self, error: &Error, as_json: bool) {
        if as_json {
            self.stderr_line(&error.to_json().to_string());
            return;
        }
        self.stderr_line(&format!("altur: error: {}", for_terminal(&error.message)));
        if let Some(hint) = &error.hint {
            self.stderr_line(&format!("altur: hint: {}", for_terminal(hint)));
        }
    }
}

/// The client's notes and `-v` trace are printed here, redacted like every other line.
impl crate::client::Notes for Output {
    fn note(&self, text: &str) {
        Output::note(self, text);
    }

    fn trace(&self, line: &str) {
        self.stderr_line(line);
    }
}
