//! Error classes and their exit codes (contract section 5). Every failure in the program ends
//! as an [`Error`]; `lib::run` maps it to its code in one place.

use std::fmt;

/// The class of a failure. Its discriminant is the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A bug or an unexpected local failure.
    Internal = 1,
    /// Usage error or invalid input: nothing was sent.
    Input = 2,
    /// The API refused the request (4xx other than 401, 403, 429).
    Api = 3,
    /// No usable API key, or HTTP 401/403.
    Auth = 4,
    /// HTTP 5xx after retries, or a 2xx answer that is not JSON.
    Server = 5,
    /// The request could not be sent: DNS, connection refused, TLS.
    Network = 6,
    /// The request was sent but the answer never came: the outcome is unknown.
    Unknown = 7,
    /// Still rate-limited (HTTP 429) after retries.
    RateLimited = 8,
    /// `import` finished, but some records failed or are uncertain.
    Partial = 9,
    /// `webhook verify`: the signature does not match the payload.
    SignatureMismatch = 10,
    /// `call wait`: the call was still not finished when `--max-wait` ran out.
    GaveUp = 11,
    /// Interrupted by Ctrl-C or SIGTERM.
    Interrupted = 130,
    /// A `--jq` filter failed at run time: exit 1, but the request itself succeeded.
    Jq = 1001,
    /// The reader of stdout went away (`altur ... | head -1`): each command decides what that
    /// means (contract section 20); left to `run`, it ends the program quietly with 0.
    StdoutClosed = 1000,
}

impl Kind {
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Jq => 1,
            Kind::StdoutClosed => 0,
            kind => kind as i32,
        }
    }

    /// The name used in JSON error objects (`{"error":{"kind":...}}`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Internal => "internal",
            Kind::Input => "input",
            Kind::Api => "api",
            Kind::Auth => "auth",
            Kind::Server => "server",
            Kind::Network => "network",
            Kind::Unknown => "unknown",
            Kind::RateLimited => "rate_limited",
            Kind::Partial => "partial",
            Kind::SignatureMismatch => "signature_mismatch",
            Kind::GaveUp => "gave_up",
            Kind::Interrupted => "interrupted",
            Kind::Jq => "jq",
            Kind::StdoutClosed => "stdout_closed",
        }
    }
}

/// A failure with its class, the HTTP status when there was one, and a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    pub status: Option<u16>,
    pub message: String,
    /// A second line telling the user what to do about it.
    pub hint: Option<String>,
    /// The JSON object of an API error answer (the Campaigns API's
    /// `{"error": "INVALID_STATUS_TRANSITION", "current_status": ...}`, or with a numeric
    /// `error`), for the commands that explain it and for `code`/`details` in the JSON form.
    pub body: Option<Box<serde_json::Value>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            status: None,
            message: message.into(),
            hint: None,
            body: None,
        }
    }

    pub fn input(message: impl Into<String>) -> Self {
        Self::new(Kind::Input, message)
    }

    pub fn auth(message: impl Into<String>) -> Self {
        Self::new(Kind::Auth, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(Kind::Internal, message)
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_body(mut self, body: serde_json::Value) -> Self {
        self.body = Some(Box::new(body));
        self
    }

    /// The API's string error code, when its answer named one.
    pub fn code(&self) -> Option<&str> {
        self.body.as_ref()?.get("error")?.as_str()
    }

    /// The error as the one-line JSON object printed on stderr under `-o json`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut error = serde_json::Map::new();
        error.insert("kind".into(), self.kind.name().into());
        if let Some(status) = self.status {
            error.insert("status".into(), status.into());
        }
        error.insert("message".into(), self.message.clone().into());
        if let Some(hint) = &self.hint {
            error.insert("hint".into(), hint.clone().into());
        }
        if let Some(code) = self.code() {
            error.insert("code".into(), code.into());
        }
        // The body's other keys (`current_status`, `valid_targets`, `field` ...), as sent.
        if let Some(serde_json::Value::Object(body)) = self.body.as_deref() {
            let details: serde_json::Map<_, _> = body
                .iter()
                .filter(|(key, _)| !matches!(key.as_str(), "error" | "message"))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            if !details.is_empty() {
                error.insert("details".into(), details.into());
            }
        }
        serde_json::json!({ "error": error })
    }
}

/// What a panic prints: one line saying it is a bug, never a backtrace. The message is
/// flattened to one line; printing it goes through the redactor like everything else, so a key
/// in the panic message never shows.
pub fn panic_report(
    payload: &(dyn std::any::Any + Send),
    location: Option<&std::panic::Location<'_>>,
) -> Error {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    let message: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let location = location
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    Error::internal(format!("internal error{location}: {message}"))
        .with_hint("this is a bug in altur; please report it")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Replaces control characters other than newline and tab, so text from the server cannot
/// send escape sequences to the terminal.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests;
