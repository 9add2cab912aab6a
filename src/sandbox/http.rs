//! The sandbox's HTTP/1.1 transport: hyper on a single-threaded tokio runtime, on a thread of
//! its own. It parses and frames requests, enforces the limits of contract section 10, reads
//! each body (bounded) and hands the application a plain [`Request`]; the application's
//! [`Answer`] goes back out as JSON. Nothing here knows the API.
//!
//! Connections are tasks, not threads: a slow or idle client costs a socket and a buffer, and
//! at most [`Limits::connections`] are served at once (the others wait in the listen backlog).

use std::convert::Infallible;
use std::io;
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};

use super::server::{Answer, Request};

/// What the transport needs from the application behind it.
pub trait Application: Send + Sync + 'static {
    /// Decides the answer to one request.
    fn answer(&self, request: &Request) -> Answer;
    /// Whether [`Application::answer`] may block (file I/O): it then runs off the runtime's
    /// thread, so that it never holds up the other connections.
    fn answer_may_block(&self) -> bool;
    /// How long to wait before sending each answer (`--latency`); other connections are
    /// served meanwhile.
    fn latency(&self) -> Duration;
    /// Called once per answered request, the transport's own refusals (413, 400) included.
    fn answered(&self, request: &Request, status: u16, elapsed: Duration);
}

/// The limits that keep a hostile or broken client from knocking the sandbox over.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest request head (request line and headers); beyond it, 431.
    pub head_bytes: usize,
    /// A connection that has not sent a complete head this long after it opened (or after its
    /// previous answer) is closed.
    pub head_timeout: Duration,
    /// The largest body; beyond it, 413.
    pub body_bytes: usize,
    /// A body that stops arriving for this long is answered 408.
    pub body_stall: Duration,
    /// Connections served at once; more wait until one closes.
    pub connections: usize,
}

/// A body refused as too large is still read and discarded up to this size, so that the
/// client gets its 413 on a connection it can keep using rather than a reset.
const DRAIN_LIMIT: u64 = 16 * 1024 * 1024;

/// How long the accept loop pauses when accepting fails for want of resources (EMFILE and
/// the like): the condition lasts until a connection closes, so retrying at once would spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Answers run off the runtime's thread only when they may block; the store serialises them
/// anyway, so a few threads are plenty.
const BLOCKING_THREADS: usize = 8;

impl Limits {
    /// The limits of contract section 10.
    pub fn standard(body_bytes: usize) -> Limits {
        Limits {
            head_bytes: 64 * 1024,
            head_timeout: Duration::from_secs(10),
            body_bytes,
            body_stall: Duration::from_secs(10),
            connections: 1024,
        }
    }

    /// Debug builds only, for the tests: `ALTUR_SANDBOX_HEAD_TIMEOUT_MS` shortens the head
    /// deadline and the body stall alike, and `ALTUR_SANDBOX_MAX_CONNECTIONS` lowers the
    /// connection cap, so that they can be tested without waiting 10 s or opening 1,024
    /// connections.
    #[cfg(debug_assertions)]
    pub fn with_test_overrides(mut self) -> Limits {
        let number = |name| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
        if let Some(ms) = number("ALTUR_SANDBOX_HEAD_TIMEOUT_MS") {
            self.head_timeout = Duration::from_millis(ms);
            self.body_stall = Duration::from_millis(ms);
        }
        if let Some(cap) = number("ALTUR_SANDBOX_MAX_CONNECTIONS") {
            self.connections = (cap as usize).max(1);
        }
        self
    }

    #[cfg(not(debug_assertions))]
    pub fn with_test_overrides(self) -> Limits {
        self
    }
}

/// A listening server: a thread running the runtime that accepts and serves connections.
pub struct Server {
    stop: watch::Sender<bool>,
    thread: JoinHandle<()>,
}

impl Server {
    pub fn start(
        listener: std::net::TcpListener,
        app: Arc<dyn Application>,
        limits: Limits,
    ) -> io::Result<Server> {
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .max_blocking_threads(BLOCKING_THREADS)
            .build()?;
        let listener = {
            let _context = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let (stop, stopping) = watch::channel(false);
        let thread = thread::Builder::new()
            .name("sandbox-http".into())
            .spawn(move || runtime.block_on(serve(listener, app, limits, stopping)))?;
        Ok(Server { stop, thread })
    }

    /// Stops accepting, closes idle connections, lets the requests in progress finish and
    /// waits for every connection to end.
    pub fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.thread.join();
    }
}

async fn serve(
    listener: TcpListener,
    app: Arc<dyn Application>,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(limits.connections));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout)
        .max_header_size(limits.head_bytes);
    // Each of these is said once per run: under a sustained overload, a line per occurrence
    // would flood the log.
    let mut told_full = false;
    let mut told_accept_error = false;
    loop {
        if slots.available_permits() == 0 && !told_full {
            told_full = true;
            crate::output::stderr_line(&format!(
                "altur sandbox: {} connections open, the most it serves at once; new \
                 connections wait until one closes",
                limits.connections
            ));
        }
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            _ = stopping.wait_for(|stop| *stop) => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopping.wait_for(|stop| *stop) => break,
        };
        let stream = match accepted {
            Ok((stream, _peer)) => stream,
            // The client gave up before we accepted: nothing is wrong on our side.
            Err(e) if is_connection_error(&e) => continue,
            Err(e) => {
                if !told_accept_error {
                    told_accept_error = true;
                    crate::output::stderr_line(&format!(
                        "altur sandbox: cannot accept connections ({e}); retrying"
                    ));
                }
                tokio::select! {
                    () = tokio::time::sleep(ACCEPT_BACKOFF) => continue,
                    _ = stopping.wait_for(|stop| *stop) => break,
                }
            }
        };
        let (app, http, stopping) = (app.clone(), http.clone(), stopping.clone());
        tokio::spawn(async move {
            serve_connection(stream, app, http, limits, stopping).await;
            drop(slot);
        });
    }
    // Refuse new connections from here on, then wait for the open ones to end.
    drop(listener);
    let _all = slots.acquire_many(limits.connections as u32).await;
}

/// Errors that concern one incoming connection only, not the listener.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
            | io::ErrorKind::WouldBlock
    )
}

async fn serve_connection(
    stream: TcpStream,
    app: Arc<dyn Application>,
    http: http1::Builder,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| respond(app.clone(), request, limits));
    let connection = http.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => return,
        _ = stopping.wait_for(|stop| *stop) => {}
    }
    // An idle connection closes now; a request in progress is answered first.
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

async fn respond(
    app: Arc<dyn Application>,
    request: hyper::Request<Incoming>,
    limits: Limits,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let target = match parts.uri.path_and_query() {
        Some(target) => target.as_str().to_owned(),
        None => parts.uri.path().to_owned(),
    };
    let body = read_body(&parts.headers, body, &limits).await;
    let mut request = Request {
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
    };
    let (request, answer) = match body {
        Err(refusal) => (request, refusal),
        Ok(body) => {
            request.body = body;
            if app.answer_may_block() {
                let app = app.clone();
                tokio::task::spawn_blocking(move || {
                    let answer = app.answer(&request);
                    (request, answer)
                })
                .await
                .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
            } else {
                let answer = app.answer(&request);
                (request, answer)
            }
        }
    };
    let latency = app.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    app.answered(&request, answer.status, started.elapsed());
    Ok(to_response(&answer))
}

/// The whole body, or the answer refusing it: 413 past the limit, 400 for broken framing
/// (a bad chunk size, a cut-off body), 408 when it stalls.
async fn read_body(
    headers: &HeaderMap,
    mut body: Incoming,
    limits: &Limits,
) -> Result<Vec<u8>, Answer> {
    let limit = limits.body_bytes as u64;
    let too_large = || {
        Answer::error(
            413,
            format!("the body is larger than the sandbox's limit of {limit} bytes"),
        )
    };
    let declared = hyper::body::Body::size_hint(&body).exact();
    if let Some(length) = declared
        && length > limit
    {
        let expects_continue = headers
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        // A client waiting for 100 Continue has not sent it, and a huge one is not worth
        // reading: refuse unread, and hyper closes the connection after the answer.
        if expects_continue || length > DRAIN_LIMIT {
            return Err(too_large());
        }
    }
    // Room for what was announced, but only as much as a head's worth until it arrives: a
    // thousand connections announcing 1 MiB and sending nothing must not reserve a GiB.
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(64 * 1024) as usize);
    let mut total: u64 = 0;
    loop {
        let frame = match tokio::time::timeout(limits.body_stall, body.frame()).await {
            Err(_elapsed) => {
                return Err(Answer::error(
                    408,
                    format!(
                        "the body stopped arriving for {:.1} s",
                        limits.body_stall.as_secs_f64()
                    ),
                ));
            }
            Ok(None) => break,
            Ok(Some(Err(e))) => {
                return Err(Answer::error(
                    400,
                    format!("cannot read the body: {}", cause(&e)),
                ));
            }
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        total += data.len() as u64;
        if total > DRAIN_LIMIT {
            return Err(too_large());
        }
        if total <= limit {
            bytes.extend_from_slice(&data);
        } else if !bytes.is_empty() {
            bytes = Vec::new(); // over the limit: read on to the end, keep nothing
        }
    }
    if total > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// What went wrong reading a body, `invalid chunk size: overflow`: hyper's own words around
/// it ("error reading a body from connection") add nothing.
fn cause(error: &hyper::Error) -> String {
    let mut text = String::new();
    let mut next = std::error::Error::source(error);
    while let Some(cause) = next {
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause.to_string());
        next = cause.source();
    }
    if text.is_empty() {
        text = error.to_string();
    }
    text
}

fn to_response(answer: &Answer) -> Response<Full<Bytes>> {
    let (content_type, body) = match answer.bytes.as_deref() {
        Some((content_type, data)) => (*content_type, Bytes::from(data.clone())),
        None => ("application/json", Bytes::from(answer.body.to_string())),
    };
    let mut response = Response::new(Full::new(body));
    *response.status_mut() =
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Some(seconds) = answer.retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    if let Some(allow) = answer.allow.as_deref()
        && let Ok(value) = HeaderValue::from_str(allow)
    {
        headers.insert(header::ALLOW, value);
    }
    response
}
