//! The request model: what one request says (method, path, query, headers, body, retry
//! policy, what to tell the user when its outcome is unknown) and what its answer holds.

use std::io::Write;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use super::{Retry, trace};
use crate::config::BaseUrl;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// The method named `text`, in any case.
    pub fn parse(text: &str) -> Option<Method> {
        [
            Method::Get,
            Method::Post,
            Method::Put,
            Method::Patch,
            Method::Delete,
        ]
        .into_iter()
        .find(|m| m.as_str().eq_ignore_ascii_case(text))
    }

    /// Whether sending the request twice does no more harm than sending it once.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// Characters sent as they are in a query value or path segment (RFC 3986 "unreserved");
/// everything else, `&`, `#`, `+`, `%`, spaces and Unicode included, is percent-encoded.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One value as a path segment: `/` and everything else outside "unreserved" encoded, so an
/// id can never reach another path.
pub fn segment(value: &str) -> String {
    utf8_percent_encode(value, ENCODED).to_string()
}

/// What stays as typed in a path (and its query) given by the user, as in `altur api`: the
/// characters a URL may hold there, `%` included so an encoded path passes unchanged. Spaces,
/// Unicode and the like are encoded.
const AS_TYPED: &AsciiSet = &ENCODED
    .remove(b'/')
    .remove(b'%')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@')
    .remove(b'?');

/// A path (with its query, if any) as typed, with what a URL cannot hold percent-encoded.
pub fn encode_typed_path(path: &str) -> String {
    utf8_percent_encode(path, AS_TYPED).to_string()
}

/// One query pair, encoded.
fn query_pair(name: &str, value: &str) -> String {
    format!(
        "{}={}",
        utf8_percent_encode(name, ENCODED),
        utf8_percent_encode(value, ENCODED)
    )
}

/// An endpoint as the API documents it: a method and a path template such as
/// `/enduser/{id}`. Every command's endpoints are listed, so a test can check each one
/// against the API spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Endpoint {
    pub method: Method,
    pub template: &'static str,
}

impl Endpoint {
    /// A call to this endpoint with `params` put in the template's `{...}` places, in order,
    /// each encoded as one path segment.
    pub fn call(&self, params: &[&str]) -> Call {
        let mut path = String::new();
        let mut params = params.iter();
        for piece in self.template.split_inclusive('}') {
            match piece.find('{') {
                Some(open) => {
                    path.push_str(&piece[..open]);
                    let value = params.next().expect("a value for every template parameter");
                    path.push_str(&segment(value));
                }
                None => path.push_str(piece),
            }
        }
        debug_assert!(
            params.next().is_none(),
            "more values than template parameters"
        );
        Call::new(self.method, path)
    }
}

/// Everything about one request.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: Method,
    /// Under the base URL, starting with `/`, already encoded.
    pub path: String,
    /// Name and value pairs, encoded when the URL is built.
    pub query: Vec<(String, String)>,
    /// Headers besides Authorization, Accept, Content-Type and User-Agent.
    pub headers: Vec<(String, String)>,
    /// A JSON body.
    pub body: Option<Vec<u8>>,
    pub retry: Retry,
    /// What the user should know when the outcome stays unknown ("the EndUser may have been
    /// created: ..."): the operation knows its resource, the transport does not.
    pub if_unknown: Option<String>,
}

impl Call {
    /// A call with the retry policy its method implies: GET, PUT and DELETE are safe to send
    /// again, POST and PATCH never once they may have arrived.
    pub fn new(method: Method, path: impl Into<String>) -> Call {
        Call {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            retry: if method.is_idempotent() {
                Retry::Safe
            } else {
                Retry::Never
            },
            if_unknown: None,
        }
    }

    pub fn with_body(mut self, body: Vec<u8>) -> Call {
        self.body = Some(body);
        self
    }

    pub fn with_query(mut self, name: impl Into<String>, value: impl Into<String>) -> Call {
        self.query.push((name.into(), value.into()));
        self
    }

    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Call {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Safe to re-send because the server de-duplicates on this key, sent as
    /// `Idempotency-Key` on every attempt.
    pub fn with_idempotency_key(mut self, key: &str) -> Call {
        self.headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("idempotency-key"));
        self.headers
            .push(("Idempotency-Key".to_owned(), key.to_owned()));
        self.retry = Retry::WithKey(key.to_owned());
        self
    }

    pub fn if_unknown(mut self, hint: impl Into<String>) -> Call {
        self.if_unknown = Some(hint.into());
        self
    }

    /// Whether an extra header named `name` (any case) is set.
    pub fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    /// The full URL, query encoded.
    pub fn url(&self, base_url: &BaseUrl) -> String {
        let mut url = format!("{}{}", base_url.as_str(), self.path);
        for (i, (name, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 && !self.path.contains('?') {
                '?'
            } else {
                '&'
            });
            url.push_str(&query_pair(name, value));
        }
        url
    }

    /// The request as a copy-pasteable curl command; the key is left to the shell.
    pub fn to_curl(&self, base_url: &BaseUrl) -> String {
        trace::curl(self, base_url, true)
    }

    /// The request to a URL of the user's own (a webhook handler) as curl: no key is sent.
    pub fn to_keyless_curl(&self, url: &BaseUrl) -> String {
        trace::curl(self, url, false)
    }
}

/// One API request: method, path under the base URL, JSON body. The short form the import
/// engine and `auth` use; it becomes a [`Call`] with its method's retry policy.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Option<Vec<u8>>,
}

impl Request {
    pub fn to_call(&self) -> Call {
        let call = Call::new(self.method, self.path.clone());
        match &self.body {
            Some(body) => call.with_body(body.clone()),
            None => call,
        }
    }
}

/// A 2xx answer with a JSON body.
#[derive(Debug, Clone)]
pub struct Success {
    pub status: u16,
    pub body: Value,
}

/// What the caller expects a 2xx answer to hold.
pub enum Expect<'w> {
    /// A JSON body (anything else is a server error, exit 5).
    Json,
    /// Nothing, or JSON, which is kept.
    Empty,
    /// Any bytes: up to [`MAX_BODY`](super::MAX_BODY) read and returned, beyond that written to the writer
    /// as they arrive.
    Bytes(&'w mut dyn Write),
    /// Any bytes, left unread for the caller to stream ([`Body::Open`]): downloads of any
    /// size in flat memory. Only the head is retried; the body is the caller's.
    Open,
}

/// The body of a 2xx answer.
#[derive(Debug)]
pub enum Body {
    Json(Value),
    Empty,
    /// The whole body, at most [`MAX_BODY`](super::MAX_BODY) bytes.
    Bytes(Vec<u8>),
    /// This many bytes were written to the writer of [`Expect::Bytes`].
    Streamed(u64),
    /// The body still to be read ([`Expect::Open`]).
    Open(ureq::Body),
}

/// A 2xx answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    /// Header names and values as received (values lossily decoded).
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Reply {
    /// The status line and headers, as `--include` prints them.
    pub fn head(&self) -> String {
        let reason = ureq::http::StatusCode::from_u16(self.status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or_default();
        let mut text = format!("HTTP/1.1 {} {reason}\n", self.status);
        for (name, value) in &self.headers {
            text.push_str(&format!("{name}: {}\n", crate::error::for_terminal(value)));
        }
        text.push('\n');
        text
    }
}
