//! The only module that speaks HTTP (contract sections 6 and 7). A [`Call`] says everything
//! about one request (method, path, query, headers, body, retry policy, and what to tell the
//! user when its outcome is unknown); [`Client`] sends it under the retry rules and hands back
//! the answer as JSON, nothing, or bytes.
//!
//! Inside: `request` is the model, `transport` connects (TLS, proxies, resolver), `classify`
//! sorts failures by whether the request may have arrived, `retry` decides what is sent
//! again, and `trace` prints `-v` and `--dry-run`.

mod classify;
mod request;
mod retry;
mod trace;
mod transport;

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use ureq::Agent;
use ureq::http::Response;

pub use classify::{Delivery, Failure};
pub use request::{
    Body, Call, Endpoint, Expect, Method, Reply, Request, Success, encode_typed_path, segment,
};
pub use retry::{MAX_RETRY_AFTER, Retry, backoff, retry_wait};

use crate::config::{BaseUrl, Settings};
use crate::error::{Error, Kind, Result};
use crate::secret::Secret;

pub const USER_AGENT: &str = concat!("altur/", env!("CARGO_PKG_VERSION"));
/// Answers larger than this are refused rather than read into memory (or, for [`Expect::Bytes`],
/// streamed instead of parsed).
pub const MAX_BODY: u64 = 10 * 1024 * 1024;

/// Where the client's words go: the notes on a retry and the `-v` trace. The client never
/// prints; the session's `Output` takes them (and redacts them on the way out).
pub trait Notes: Send + Sync {
    /// A note for the user, said as `altur: note: ...`.
    fn note(&self, text: &str);
    /// One line of the `-v` trace, as it is.
    fn trace(&self, line: &str);
}

/// An HTTP client for one base URL and key.
pub struct Client {
    agent: Agent,
    base_url: BaseUrl,
    /// `host:port` of the proxy in use (never its credentials), for error messages.
    proxy: Option<String>,
    /// `None` for a URL of the user's own (a webhook handler): no key is ever sent there.
    key: Option<Secret>,
    timeout: Duration,
    retries: u32,
    verbose: bool,
    /// Where `-v` and the notes on retries go.
    notes: Arc<dyn Notes>,
}

impl Client {
    pub fn new(settings: &Settings, key: Secret, notes: Arc<dyn Notes>) -> Result<Client> {
        let proxy = transport::proxy_for(&settings.base_url)?;
        Ok(Client {
            proxy: proxy.as_ref().map(|p| format!("{}:{}", p.host(), p.port())),
            agent: transport::build_agent(&settings.base_url, settings.timeout, proxy)?,
            base_url: settings.base_url.clone(),
            key: Some(key),
            timeout: settings.timeout,
            retries: settings.retries,
            verbose: settings.verbose,
            notes,
        })
    }

    /// A client for a URL of the user's own, such as a webhook handler (`BaseUrl::parse_target`):
    /// it never sends the API key, and never retries on its own.
    pub fn without_key(
        url: &BaseUrl,
        timeout: Duration,
        verbose: bool,
        notes: Arc<dyn Notes>,
    ) -> Result<Client> {
        let proxy = transport::proxy_for(url)?;
        Ok(Client {
            proxy: proxy.as_ref().map(|p| format!("{}:{}", p.host(), p.port())),
            agent: transport::build_agent(url, timeout, proxy)?,
            base_url: url.clone(),
            key: None,
            timeout,
            retries: 0,
            verbose,
            notes,
        })
    }

    /// One POST of `body` to the URL itself with `headers`, no retries; any status is an
    /// answer (the caller judges it), only a transport failure is a [`Failure`]. The answer's
    /// body is read up to [`MAX_BODY`].
    pub fn post_once(
        &self,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<(u16, Vec<u8>), Failure> {
        let mut call = Call::new(Method::Post, "").with_body(body.to_vec());
        call.headers = headers.to_vec();
        let url = call.url(&self.base_url);
        if self.verbose {
            trace::request(&*self.notes, &call, &url, self.timeout, self.key.is_some());
        }
        let started = Instant::now();
        let mut response = self
            .send_once(&call, &url)
            .map_err(|e| self.transport_failure(e))?;
        let status = response.status().as_u16();
        if self.verbose {
            trace::response(&*self.notes, status, response.headers(), started.elapsed());
        }
        let answer = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| self.transport_failure(e))?;
        Ok((status, answer))
    }

    /// One attempt of `call` (its headers included), no retries: the 2xx JSON answer or a
    /// classified failure. For callers with retry rules of their own (the import engine).
    pub fn attempt_json(&self, call: &Call) -> Result<Success, Failure> {
        let reply = self.attempt_call(call, &mut Expect::Json, false)?;
        Ok(json_success(reply))
    }

    /// One attempt of a download (a GET): the 2xx head with its body left open for the caller
    /// to stream, or a classified failure. `--timeout` bounds the wait for the head only: a
    /// body may take far longer, and the caller bounds each of its reads.
    pub fn attempt_open(&self, call: &Call) -> Result<Reply, Failure> {
        let url = call.url(&self.base_url);
        if self.verbose {
            trace::request(&*self.notes, call, &url, self.timeout, self.key.is_some());
        }
        let started = Instant::now();
        let mut builder = self.agent.get(&url);
        if let Some(key) = &self.key {
            builder = builder.header("Authorization", format!("api-key {}", key.expose()));
        }
        for (name, value) in &call.headers {
            builder = builder.header(name, value);
        }
        let response = builder
            .config()
            .timeout_global(None)
            .timeout_recv_response(Some(self.timeout))
            .build()
            .call()
            .map_err(|e| self.transport_failure(e))?;
        if self.verbose {
            trace::response(
                &*self.notes,
                response.status().as_u16(),
                response.headers(),
                started.elapsed(),
            );
        }
        self.decode(response, &mut Expect::Open, false)
    }

    /// Sends `call` under the retry rules and returns its 2xx JSON answer.
    pub fn call(&self, call: &Call) -> Result<Success> {
        self.exchange(call, Expect::Json, false).map(json_success)
    }

    /// Sends `call` under the retry rules and returns the 2xx answer as `expect` says. With
    /// `include` and [`Expect::Bytes`], the status line and headers are written to the writer
    /// before the body.
    pub fn exchange(&self, call: &Call, mut expect: Expect<'_>, include: bool) -> Result<Reply> {
        let mut attempt = 0;
        // Whether an earlier attempt may have reached the server.
        let mut maybe_done = false;
        loop {
            let failure = match self.attempt_call(call, &mut expect, include) {
                Ok(reply) => return Ok(reply),
                Err(failure) => failure,
            };
            if call.method == Method::Delete && maybe_done && failure.error.status == Some(404) {
                // Contract section 12: the first DELETE most likely did the work.
                self.notes.note(
                    "the DELETE was sent again after its answer was lost, and the resource is \
                     gone now (HTTP 404): counted as deleted",
                );
                return Ok(Reply {
                    status: 404,
                    headers: Vec::new(),
                    body: Body::Empty,
                });
            }
            maybe_done |=
                failure.delivery != Delivery::NotSent && failure.error.status != Some(429);
            if attempt >= self.retries || !call.retry.allows(&failure) {
                return Err(self.final_error(call, failure, attempt));
            }
            let (wait, capped) = retry_wait(failure.retry_after, attempt);
            if let Some(note) = capped {
                self.notes.note(&note);
            }
            self.notes.note(&format!(
                "{}; retrying in {:.1} s ({} of {})",
                failure.error.message,
                wait.as_secs_f64(),
                attempt + 1,
                self.retries
            ));
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// Adds what the user needs to know once retries are over.
    fn final_error(&self, call: &Call, failure: Failure, attempt: u32) -> Error {
        let mut error = failure.error;
        if error.status == Some(429) {
            error.kind = Kind::RateLimited;
            error.message = format!(
                "still rate-limited after {attempt} retries: {}",
                error.message
            );
            error
                .hint
                .get_or_insert_with(|| "wait a while, or raise --retries".to_owned());
        }
        let unknown = failure.delivery == Delivery::MaybeProcessed
            || (failure.delivery == Delivery::Answered && error.kind == Kind::Server);
        if unknown && let Some(hint) = &call.if_unknown {
            error.hint = Some(hint.clone());
        }
        error
    }

    /// One attempt, no retries.
    fn attempt_call(
        &self,
        call: &Call,
        expect: &mut Expect<'_>,
        include: bool,
    ) -> Result<Reply, Failure> {
        let url = call.url(&self.base_url);
        if self.verbose {
            trace::request(&*self.notes, call, &url, self.timeout, self.key.is_some());
        }
        let started = Instant::now();
        let response = self
            .send_once(call, &url)
            .map_err(|e| self.transport_failure(e))?;
        if self.verbose {
            trace::response(
                &*self.notes,
                response.status().as_u16(),
                response.headers(),
                started.elapsed(),
            );
        }
        self.decode(response, expect, include)
    }

    fn send_once(&self, call: &Call, url: &str) -> Result<Response<ureq::Body>, ureq::Error> {
        let auth = self
            .key
            .as_ref()
            .map(|key| format!("api-key {}", key.expose()));
        macro_rules! headed {
            ($builder:expr) => {{
                let mut builder = $builder;
                if let Some(auth) = &auth {
                    builder = builder.header("Authorization", auth);
                }
                for (name, value) in &call.headers {
                    builder = builder.header(name, value);
                }
                builder
            }};
        }
        let body = call.body.as_deref();
        let with_body = |builder: ureq::RequestBuilder<ureq::typestate::WithBody>| {
            let builder = headed!(builder);
            match body {
                Some(body) if !call.has_header("content-type") => builder
                    .header("Content-Type", "application/json")
                    .send(body),
                Some(body) => builder.send(body),
                None => builder.send_empty(),
            }
        };
        match call.method {
            Method::Post => with_body(self.agent.post(url)),
            Method::Put => with_body(self.agent.put(url)),
            Method::Patch => with_body(self.agent.patch(url)),
            Method::Get if body.is_some() => with_body(self.agent.get(url).force_send_body()),
            Method::Delete if body.is_some() => with_body(self.agent.delete(url).force_send_body()),
            Method::Get => headed!(self.agent.get(url)).call(),
            Method::Delete => headed!(self.agent.delete(url)).call(),
        }
    }

    fn decode(
        &self,
        mut response: Response<ureq::Body>,
        expect: &mut Expect<'_>,
        include: bool,
    ) -> Result<Reply, Failure> {
        let status = response.status().as_u16();
        let retry_after = retry::retry_after(response.headers());
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let ok = (200..300).contains(&status);
        if ok && let Expect::Open = expect {
            return Ok(Reply {
                status,
                headers,
                body: Body::Open(response.into_body()),
            });
        }
        if ok && let Expect::Bytes(out) = expect {
            let mut reply = Reply {
                status,
                headers,
                body: Body::Empty,
            };
            let head = include.then(|| reply.head());
            reply.body = self.read_or_stream(response.body_mut(), *out, head, status)?;
            return Ok(reply);
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec();
        let body = match body {
            Ok(body) => body,
            Err(ureq::Error::BodyExceedsLimit(_)) => {
                return Err(Failure::answered(
                    Error::new(
                        Kind::Server,
                        format!("the answer (HTTP {status}) is larger than 10 MiB; not reading it"),
                    ),
                    status,
                ));
            }
            Err(e) => return Err(self.transport_failure(e)),
        };
        if !ok {
            return Err(classify::error_answer(status, &body, retry_after));
        }
        let not_json = || {
            Failure::answered(
                Error::new(
                    Kind::Server,
                    format!(
                        "the server answered HTTP {status} but the body is not JSON: {}",
                        classify::snippet(&body)
                    ),
                ),
                status,
            )
        };
        let body = match (expect, serde_json::from_slice::<Value>(&body)) {
            (_, Ok(value)) => Body::Json(value),
            (Expect::Empty, Err(_)) if body.iter().all(u8::is_ascii_whitespace) => Body::Empty,
            _ => return Err(not_json()),
        };
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    /// Reads up to [`MAX_BODY`]; a longer body goes to `out` as it arrives, its first part
    /// included. `head` (for `--include`) is written to `out` once the first part has
    /// arrived, so an attempt that fails before that (and may be made again) wrote nothing.
    fn read_or_stream(
        &self,
        body: &mut ureq::Body,
        out: &mut dyn Write,
        head: Option<String>,
        status: u16,
    ) -> Result<Body, Failure> {
        let mut reader = body.with_config().limit(u64::MAX).reader();
        let mut first = Vec::new();
        (&mut reader)
            .take(MAX_BODY + 1)
            .read_to_end(&mut first)
            .map_err(|e| self.transport_failure(io_to_ureq(e)))?;
        if let Some(head) = head {
            write_or_fail(out, head.as_bytes(), status)?;
        }
        if first.len() as u64 <= MAX_BODY {
            return Ok(Body::Bytes(first));
        }
        write_or_fail(out, &first, status)?;
        let mut total = first.len() as u64;
        let mut chunk = vec![0; 64 * 1024];
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // Part of it is out already: never sent again.
                    let mut failure = self.transport_failure(io_to_ureq(e));
                    failure.delivery = Delivery::Answered;
                    return Err(failure);
                }
            };
            write_or_fail(out, &chunk[..n], status)?;
            total += n as u64;
        }
        out.flush()
            .map_err(|e| write_failure(&e, status))
            .map(|()| Body::Streamed(total))
    }
}

/// ureq reports a body's read errors as I/O errors that may wrap its own.
fn io_to_ureq(error: std::io::Error) -> ureq::Error {
    match error
        .get_ref()
        .and_then(|e| e.downcast_ref::<ureq::Error>())
    {
        Some(_) => *error
            .into_inner()
            .expect("checked")
            .downcast::<ureq::Error>()
            .expect("checked"),
        None => ureq::Error::Io(error),
    }
}

fn write_or_fail(out: &mut dyn Write, bytes: &[u8], status: u16) -> Result<(), Failure> {
    out.write_all(bytes).map_err(|e| write_failure(&e, status))
}

/// A failed write of the answer: the request was answered, so it is never sent again.
fn write_failure(error: &std::io::Error, status: u16) -> Failure {
    Failure::answered(
        Error::internal(format!("cannot write the answer to stdout: {error}")),
        status,
    )
}

fn json_success(reply: Reply) -> Success {
    Success {
        status: reply.status,
        body: match reply.body {
            Body::Json(value) => value,
            _ => Value::Null,
        },
    }
}

#[cfg(test)]
mod tests;
