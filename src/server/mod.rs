//! The HTTP/1.1 server under the sandbox and `webhook listen`: hyper on a current-thread tokio
//! runtime, on a thread of its own. It frames requests, enforces the [`Limits`] that keep a
//! slow or hostile client from taking the server over (contract section 20, "Servers"), reads
//! each body whole and hands the application a plain [`Request`]; the application's
//! [`Response`] goes back out. Nothing here knows the API or webhooks.
//!
//! Connections are tasks, not threads: a slow or idle client costs a socket and a buffer, and
//! at most [`Limits::connections`] are served at once (the others wait in the listen backlog
//! until the limits cut a slow one).

mod body;
mod limits;
mod message;
mod signals;
mod write_deadline;

use std::convert::Infallible;
use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};

use crate::error::{Error, Result};
use crate::output::{self, Output};
pub use limits::Limits;
pub use message::{Request, Response};
pub use signals::StopSignals;
use write_deadline::WriteDeadline;

/// What the server needs from the application behind it.
pub trait Application: Send + Sync + 'static {
    /// Decides the answer to one request.
    fn answer(&self, request: &Request) -> Response;
    /// Whether [`Application::answer`] may block (file I/O, printing to a pipe, forwarding):
    /// it then runs off the runtime's thread, so that it never holds up the other connections.
    fn answer_may_block(&self) -> bool;
    /// How long to wait before sending each answer (`--latency`); other connections are
    /// served meanwhile.
    fn latency(&self) -> Duration {
        Duration::ZERO
    }
    /// Called once per answered request, the server's own refusals (413, 408, 400) included.
    fn answered(&self, _request: &Request, _status: u16, _elapsed: Duration) {}
}

/// How long the accept loop pauses when accepting fails for want of resources (EMFILE and
/// the like): the condition lasts until a connection closes, so retrying at once would spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// How much more than the largest head hyper may buffer per connection.
const READ_AHEAD: usize = 8 * 1024;

/// Answers run off the runtime's thread only when they may block; the applications serialise
/// them anyway, so a few threads are plenty.
const BLOCKING_THREADS: usize = 8;

/// A listening server: a thread running the runtime that accepts and serves connections.
pub struct Server {
    stop: watch::Sender<bool>,
    thread: JoinHandle<()>,
}

impl Server {
    /// Serves `listener` until [`Server::stop`]. `label` starts the lines the server itself
    /// prints on `out` (`altur sandbox`, `altur webhook`).
    pub fn start(
        label: &'static str,
        listener: std::net::TcpListener,
        app: Arc<dyn Application>,
        limits: Limits,
        out: Arc<Output>,
    ) -> io::Result<Server> {
        raise_open_file_limit(limits.connections);
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
            .name(format!("{label} http"))
            .spawn(move || runtime.block_on(serve(label, listener, app, limits, stopping, out)))?;
        Ok(Server { stop, thread })
    }

    /// Stops accepting, closes idle connections, lets the requests in progress finish and
    /// waits for every connection to end.
    pub fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.thread.join();
    }
}

/// `--listen HOST:PORT` as an address.
pub fn parse_listen(text: &str) -> Result<SocketAddr> {
    text.to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .ok_or_else(|| {
            Error::input(format!(
                "invalid --listen address '{}': expected HOST:PORT, like 127.0.0.1:8787",
                output::for_terminal(text)
            ))
        })
}

async fn serve(
    label: &'static str,
    listener: TcpListener,
    app: Arc<dyn Application>,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
    out: Arc<Output>,
) {
    let slots = Arc::new(Semaphore::new(limits.connections));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout)
        .max_header_size(limits.head_bytes)
        // What hyper buffers per connection, reading and writing: a head's worth and a little.
        // Its default (about 400 KB) lets 1,024 clients that pipeline requests and never read
        // the answers hold 400 MB.
        .max_buf_size(limits.head_bytes + READ_AHEAD);
    // Each of these is said once per run: under a sustained overload, a line per occurrence
    // would flood the log.
    let mut told_full = false;
    let mut told_accept_error = false;
    loop {
        if slots.available_permits() == 0 && !told_full {
            told_full = true;
            out.stderr_line(&format!(
                "{label}: {} connections open, the most it serves at once; new connections \
                 wait until one closes",
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
                    out.stderr_line(&format!(
                        "{label}: cannot accept connections ({e}); retrying"
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
    let io = TokioIo::new(WriteDeadline::new(stream, limits.write_timeout));
    let service = service_fn(move |request| respond(app.clone(), request, limits));
    let connection = http.serve_connection(io, service);
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
) -> std::result::Result<hyper::Response<Full<Bytes>>, Infallible> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let body = body::read(&parts.headers, body, &limits, started).await;
    let mut request = Request::from_parts(&parts);
    let (request, response) = match body {
        Err(refusal) => (request, refusal),
        Ok(body) => {
            request.body = body;
            if app.answer_may_block() {
                let app = app.clone();
                tokio::task::spawn_blocking(move || {
                    let response = app.answer(&request);
                    (request, response)
                })
                .await
                .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
            } else {
                let response = app.answer(&request);
                (request, response)
            }
        }
    };
    let latency = app.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    app.answered(&request, response.status, started.elapsed());
    Ok(response.into_hyper())
}

/// Makes room for `connections` open sockets plus the files a process needs anyway: the usual
/// soft limit of 1,024 open files would otherwise fail accepts (EMFILE) below the cap.
#[cfg(unix)]
fn raise_open_file_limit(connections: usize) {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let wanted = connections as u64 + 256;
    let limit = getrlimit(Resource::Nofile);
    if limit.current.is_none_or(|current| current >= wanted) {
        return;
    }
    let current = Some(limit.maximum.map_or(wanted, |maximum| wanted.min(maximum)));
    // Failing leaves the limit as it was: accepts then wait for a connection to close.
    let _ = setrlimit(
        Resource::Nofile,
        rustix::process::Rlimit { current, ..limit },
    );
}

#[cfg(not(unix))]
fn raise_open_file_limit(_connections: usize) {}

#[cfg(test)]
mod tests;
