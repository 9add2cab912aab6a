//! Classification: every way an attempt can end, sorted by whether the request may have
//! reached the server (which decides retries and exit codes), and error answers turned into
//! messages.

use std::time::Duration;

use serde_json::Value;

use super::Client;
use super::transport::ConnectFailed;
use crate::error::{Error, Kind};

/// Whether a failed attempt may have reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// It failed before the request left: safe to send again.
    NotSent,
    /// The server may have acted on it.
    MaybeProcessed,
    /// The server answered, so it saw the request (an HTTP error status).
    Answered,
}

/// A failed attempt, classified for the retry rules.
#[derive(Debug, Clone)]
pub struct Failure {
    pub error: Error,
    pub delivery: Delivery,
    /// The server's `Retry-After`, for 429 and 503.
    pub retry_after: Option<Duration>,
}

impl Failure {
    /// Whether `method`'s default retry policy allows sending it again after this failure
    /// (see [`super::Retry::allows`] for calls with their own policy).
    pub fn is_retriable(&self, method: super::Method) -> bool {
        super::Call::new(method, String::new()).retry.allows(self)
    }

    /// A failure of the exchange after the server answered with `status`.
    pub(super) fn answered(error: Error, status: u16) -> Failure {
        Failure {
            error: error.with_status(status),
            delivery: Delivery::Answered,
            retry_after: None,
        }
    }
}

/// An error answer (a status outside 2xx) as a failure with the server's message.
pub(super) fn error_answer(status: u16, body: &[u8], retry_after: Option<Duration>) -> Failure {
    let kind = match status {
        401 | 403 => Kind::Auth,
        429 => Kind::RateLimited,
        500.. => Kind::Server,
        _ => Kind::Api,
    };
    let mut error = Error::new(kind, error_message(status, body)).with_status(status);
    if status == 401 {
        error = error.with_hint("check the API key: `altur auth status` shows which one is used");
    }
    // The Campaigns API's codes come with keys of their own (`current_status`,
    // `valid_targets`, `field`), kept for the commands that explain them and for the JSON form
    // of the error, whatever the type of `error` (contract sections 12 and 20).
    if let Ok(body @ Value::Object(_)) = serde_json::from_slice::<Value>(body) {
        error = error.with_body(body);
    }
    Failure {
        error,
        delivery: Delivery::Answered,
        retry_after,
    }
}

impl Client {
    /// Classifies a transport error by whether the request may have reached the server.
    pub(super) fn transport_failure(&self, error: ureq::Error) -> Failure {
        use std::io::ErrorKind as Io;
        use ureq::Timeout as T;
        let host = self.base_url.host();
        let secs = self.timeout.as_secs_f64();
        let not_sent = |message: String| Failure {
            error: Error::new(Kind::Network, message),
            delivery: Delivery::NotSent,
            retry_after: None,
        };
        let lost = |message: String| Failure {
            error: Error::new(Kind::Unknown, message),
            delivery: Delivery::MaybeProcessed,
            retry_after: None,
        };
        match error {
            ureq::Error::Timeout(T::Resolve | T::Connect) => {
                not_sent(format!("timed out connecting to {host}"))
            }
            ureq::Error::Timeout(_) => lost(format!(
                "no answer from {host} within {secs} s; the outcome is unknown"
            )),
            ureq::Error::Io(e) if e.get_ref().is_some_and(|inner| inner.is::<ConnectFailed>()) => {
                let inner = e.into_inner().expect("checked above");
                let ConnectFailed(cause) = *inner.downcast::<ConnectFailed>().expect("checked");
                let tls = cause
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>());
                match tls {
                    Some(rustls::Error::InvalidCertificate(_)) => Failure {
                        error: Error::new(Kind::Network, format!("TLS error with {host}: {cause}"))
                            .with_hint(
                                "if a corporate proxy or CA signs this certificate, point \
                                 SSL_CERT_FILE at its PEM file",
                            ),
                        delivery: Delivery::NotSent,
                        retry_after: None,
                    },
                    Some(_) => not_sent(format!("TLS error with {host}: {cause}")),
                    None => match &self.proxy {
                        Some(proxy) => not_sent(format!(
                            "cannot connect to {host} through the proxy {proxy}: {cause}"
                        )),
                        None => not_sent(format!("cannot connect to {host}: {cause}")),
                    },
                }
            }
            ureq::Error::HostNotFound => not_sent(format!("cannot resolve host {host}")),
            ureq::Error::Io(e)
                if matches!(
                    e.kind(),
                    Io::ConnectionRefused
                        | Io::AddrNotAvailable
                        | Io::NetworkUnreachable
                        | Io::HostUnreachable
                ) =>
            {
                not_sent(format!("cannot connect to {host}: {e}"))
            }
            ureq::Error::Io(e) => lost(format!(
                "the connection to {host} was lost before the answer came ({e}); the outcome is unknown"
            )),
            ureq::Error::ConnectionFailed => not_sent(format!("cannot connect to {host}")),
            ureq::Error::ConnectProxyFailed(why) => {
                not_sent(format!("the proxy refused to connect to {host}: {why}"))
            }
            ureq::Error::Rustls(e) => not_sent(format!("TLS error with {host}: {e}")),
            ureq::Error::Tls(e) => not_sent(format!("TLS error with {host}: {e}")),
            ureq::Error::Pem(e) => not_sent(format!("cannot read certificates: {e}")),
            ureq::Error::InvalidProxyUrl => Failure {
                error: Error::input("invalid proxy URL in HTTPS_PROXY or ALL_PROXY"),
                delivery: Delivery::NotSent,
                retry_after: None,
            },
            other => lost(format!(
                "the exchange with {host} failed ({other}); the outcome is unknown"
            )),
        }
    }
}

/// The message of an error answer: the server's own when it sent an Error body, else the
/// status and the start of whatever it sent.
pub fn error_message(status: u16, body: &[u8]) -> String {
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        let message = ["message", "detail", "error_description"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str));
        let code = match map.get("error") {
            Some(Value::String(code)) => Some(code.clone()),
            Some(Value::Number(code)) if code.as_u64() != Some(u64::from(status)) => {
                Some(code.to_string())
            }
            _ => None,
        };
        match (message, code) {
            (Some(message), Some(code)) if message != code => {
                return format!("HTTP {status} {code}: {message}");
            }
            (Some(message), _) => return format!("HTTP {status}: {message}"),
            (None, Some(code)) => return format!("HTTP {status}: {code}"),
            (None, None) => {}
        }
    }
    format!("HTTP {status}: {}", snippet(body))
}

/// At most 200 characters of a body, on one line. Redacted before it is cut: a key that
/// straddles the cut would otherwise leave its first characters unrecognisable.
pub(super) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = crate::secret::redact(&text);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return "(empty body)".to_owned();
    }
    let mut cut: String = text.chars().take(200).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}
