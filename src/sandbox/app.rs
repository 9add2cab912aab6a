//! What the sandbox's routes share: the [`App`] every connection sees, the [`Answer`] a route
//! gives (turned into the server's response here), and the helpers that read a request's
//! query and turn a resource module's outcome into an answer. Kept apart from the route table
//! (`server`) so that route modules and the table import it, not each other.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use super::calls::Calls;
use super::campaigns::Campaigns;
use super::domain::{Outcome, Reply};
use super::faults::Faults;
use super::messages::Messages;
use super::router::Params;
use super::store::Store;
pub use crate::server::Request;
use crate::server::Response;

/// What answers one route: the app, the request and the path's parameters.
pub type Handler = fn(&App, &Request, &Params) -> Answer;

/// Request bodies above this size are refused with 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

pub const BASE_PATH: &str = "/api/v1.0";

/// Everything the connections share.
pub struct App {
    pub key: String,
    pub store: Store,
    pub messages: Messages,
    pub faults: Faults,
    pub latency: Duration,
    /// Shared with the campaigns, which place their calls here.
    pub calls: Arc<Calls>,
    /// Campaigns and their contacts (in memory only).
    pub campaigns: Campaigns,
    pub log: super::request_log::RequestLog,
}

/// One response: status, JSON body and the extra headers some statuses need.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub retry_after: Option<u64>,
    pub allow: Option<String>,
    /// A binary body (a call recording) and its content type, sent instead of `body`.
    pub bytes: Option<Box<(&'static str, Vec<u8>)>>,
}

impl Answer {
    pub(super) fn ok(body: Value) -> Answer {
        Answer {
            status: 200,
            body,
            retry_after: None,
            allow: None,
            bytes: None,
        }
    }

    /// The spec's `Error` object.
    pub fn error(status: u16, message: impl Into<String>) -> Answer {
        Answer {
            status,
            body: json!({"error": status, "message": message.into()}),
            retry_after: None,
            allow: None,
            bytes: None,
        }
    }

    /// The answer as the server sends it.
    pub(super) fn into_response(self) -> Response {
        let mut response = match self.bytes {
            Some(bytes) => {
                let (content_type, data) = *bytes;
                Response {
                    content_type,
                    body: data.into(),
                    ..Response::json(self.status, &Value::Null)
                }
            }
            None => Response::json(self.status, &self.body),
        };
        if let Some(seconds) = self.retry_after {
            response = response.with_header("retry-after", seconds.to_string());
        }
        if let Some(allow) = self.allow {
            response = response.with_header("allow", allow);
        }
        response
    }
}

/// A resource module's outcome as an answer.
pub fn from_outcome(outcome: Outcome) -> Answer {
    match outcome {
        Ok(Reply::Json(status, body)) => Answer {
            status,
            ..Answer::ok(body)
        },
        Ok(Reply::Bytes { content_type, data }) => Answer {
            bytes: Some(Box::new((content_type, data))),
            ..Answer::ok(Value::Null)
        },
        Err(error) => Answer {
            body: error.body,
            ..Answer::error(error.status, "")
        },
    }
}

/// The query's name and value pairs, percent-decoded (`+` is a space, as in forms).
pub(super) fn query_pairs(request: &Request) -> Vec<(String, String)> {
    let Some((_, query)) = request.target.split_once('?') else {
        return Vec::new();
    };
    let decode = |text: &str| {
        percent_encoding::percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}
