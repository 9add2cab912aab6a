//! A request as the application sees it (whole, bounded) and the response it gives back: plain
//! data, so that applications are tested without a socket.

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderName, HeaderValue};
use serde_json::{Value, json};

/// A request as the server read it: the body is whole and within the limit.
#[derive(Debug, Default)]
pub struct Request {
    pub method: String,
    /// The path and query, as sent.
    pub target: String,
    /// Names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub(super) fn from_parts(parts: &hyper::http::request::Parts) -> Request {
        let target = match parts.uri.path_and_query() {
            Some(target) => target.as_str().to_owned(),
            None => parts.uri.path().to_owned(),
        };
        Request {
            method: parts.method.as_str().to_owned(),
            target,
            headers: parts
                .headers
                .iter()
                .map(|(name, value)| {
                    let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                    (name.as_str().to_owned(), value)
                })
                .collect(),
            body: Vec::new(),
        }
    }

    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path without the query.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _query)| path)
    }
}

/// One response: status, content type, body and any extra headers.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Bytes,
    /// Extra headers (`Retry-After`, `Allow`); names in lower case.
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    /// A JSON body.
    pub fn json(status: u16, body: &Value) -> Response {
        Response {
            status,
            content_type: "application/json",
            body: Bytes::from(body.to_string()),
            headers: Vec::new(),
        }
    }

    /// The API's `Error` object, `{"error": status, "message": ...}`, which both servers use
    /// for their refusals.
    pub fn error(status: u16, message: impl Into<String>) -> Response {
        Response::json(status, &json!({"error": status, "message": message.into()}))
    }

    /// Adds a header (`allow`, `retry-after`).
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    pub(super) fn into_hyper(self) -> hyper::Response<Full<Bytes>> {
        let mut response = hyper::Response::new(Full::new(self.body));
        *response.status_mut() = hyper::StatusCode::from_u16(self.status)
            .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(
            hyper::header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(HeaderName::from_static(name), value);
            }
        }
        response
    }
}
