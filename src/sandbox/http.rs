//! The sandbox's HTTP/1.1 transport: a thread per connection, keep-alive, `Content-Length` and
//! chunked bodies, `Expect: 100-continue`. Request heads are parsed by `httparse`.
//!
//! Why not `tiny_http`: under a burst of new connections its task pool can queue a connection
//! behind long-lived keep-alive ones with no thread left to run it (a wake-up is lost when two
//! connections arrive while one idle thread is waking), so a client waits for an answer that
//! never comes. `altur enduser import --concurrency 8` met that in about one run of two.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

use super::server::{Answer, BODY_LIMIT, Body};

/// The largest request head (request line and headers) accepted.
const HEAD_LIMIT: usize = 64 * 1024;

/// A body refused as too large is still read and discarded up to this size, so the client
/// gets its 413 on a connection it can keep using, rather than a reset.
const DRAIN_LIMIT: u64 = 16 * 1024 * 1024;

/// A request as the handler sees it.
pub struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub authorization: Option<&'a str>,
    pub body: RequestBody<'a>,
}

/// Handles one request and returns the answer.
pub type Handler = dyn Fn(Request<'_>) -> Answer + Send + Sync;

/// A listening server: an accept thread and one thread per open connection.
pub struct Server {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    open: Arc<Mutex<HashMap<u64, TcpStream>>>,
    threads: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accept: JoinHandle<()>,
}

impl Server {
    pub fn start(listener: TcpListener, handler: Arc<Handler>) -> std::io::Result<Server> {
        let address = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(HashMap::new()));
        let threads = Arc::new(Mutex::new(Vec::new()));
        let accept = {
            let (stopping, open, threads) = (stopping.clone(), open.clone(), threads.clone());
            thread::spawn(move || accept_loop(listener, handler, stopping, open, threads))
        };
        Ok(Server {
            address,
            stopping,
            open,
            threads,
            accept,
        })
    }

    /// Stops accepting, lets the requests in progress finish, closes idle connections and
    /// waits for every connection thread.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop with a connection of our own.
        let mut wake = self.address;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = TcpStream::connect(wake);
        let _ = self.accept.join();
        // An idle connection is blocked reading the next request: end its reading side. A
        // request in progress still writes its answer, then finds the end of the stream.
        for stream in lock(&self.open).values() {
            let _ = stream.shutdown(Shutdown::Read);
        }
        let threads = std::mem::take(&mut *lock(&self.threads));
        for thread in threads {
            let _ = thread.join();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn accept_loop(
    listener: TcpListener,
    handler: Arc<Handler>,
    stopping: Arc<AtomicBool>,
    open: Arc<Mutex<HashMap<u64, TcpStream>>>,
    threads: Arc<Mutex<Vec<JoinHandle<()>>>>,
) {
    let next_id = AtomicU64::new(0);
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let id = next_id.fetch_add(1, Ordering::Relaxed);
        if let Ok(clone) = stream.try_clone() {
            lock(&open).insert(id, clone);
        }
        let (handler, open) = (handler.clone(), open.clone());
        let thread = thread::spawn(move || {
            serve_connection(stream, &*handler);
            lock(&open).remove(&id);
        });
        let mut threads = lock(&threads);
        threads.retain(|t| !t.is_finished());
        threads.push(thread);
    }
}

/// Answers the requests of one connection until the client closes it or one of them makes
/// the connection unusable (a bad head, a body left unread).
fn serve_connection(stream: TcpStream, handler: &Handler) {
    let _ = stream.set_nodelay(true);
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let mut writer = writer;
    let mut reader = BufReader::new(stream);
    loop {
        let head = match read_head(&mut reader) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(message) => {
                let _ = write_answer(&mut writer, &Answer::error(400, message), true);
                return;
            }
        };
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Request::new(&mut headers);
        if !matches!(parsed.parse(&head), Ok(httparse::Status::Complete(_))) {
            let _ = write_answer(&mut writer, &Answer::error(400, "malformed request"), true);
            return;
        }
        let header = |name: &str| {
            parsed
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .and_then(|h| std::str::from_utf8(h.value).ok())
                .map(str::trim)
        };
        let has_token = |name: &str, token: &str| {
            header(name).is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
        };
        let framing = if has_token("transfer-encoding", "chunked") {
            Framing::Chunked
        } else {
            match header("content-length").map(str::parse::<u64>) {
                None => Framing::Length(0),
                Some(Ok(length)) => Framing::Length(length),
                Some(Err(_)) => {
                    let answer = Answer::error(400, "invalid Content-Length");
                    let _ = write_answer(&mut writer, &answer, true);
                    return;
                }
            }
        };
        let http10 = parsed.version == Some(0);
        let mut close =
            has_token("connection", "close") || (http10 && !has_token("connection", "keep-alive"));
        let mut body_state = BodyState::Unread;
        let answer = handler(Request {
            method: parsed.method.unwrap_or_default(),
            path: parsed.path.unwrap_or_default(),
            authorization: header("authorization"),
            body: RequestBody {
                reader: &mut reader,
                writer: &mut writer,
                framing,
                expect_continue: has_token("expect", "100-continue"),
                state: &mut body_state,
            },
        });
        // A body the handler did not read is still on the wire: read it away, or the
        // connection cannot carry another request. A client that waits for 100 Continue has
        // not sent it, and a huge one is not worth reading: close instead.
        close |= match (body_state, framing) {
            (BodyState::Read, _) | (BodyState::Unread, Framing::Length(0)) => false,
            _ if has_token("expect", "100-continue") => true,
            (BodyState::Unread, Framing::Length(length)) if length <= DRAIN_LIMIT => {
                std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink()).ok()
                    != Some(length)
            }
            (BodyState::Unread, Framing::Chunked) => read_chunked(&mut reader).is_err(),
            (BodyState::Unread, Framing::Length(_)) => true,
        };
        if write_answer(&mut writer, &answer, close).is_err() || close {
            return;
        }
    }
}

/// Reads up to the blank line that ends a request head. `Ok(None)` at a clean end of stream.
fn read_head(reader: &mut BufReader<TcpStream>) -> Result<Option<Vec<u8>>, &'static str> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        match reader.read_until(b'\n', &mut head) {
            Ok(0) if head.is_empty() => return Ok(None),
            Ok(0) | Err(_) => return Ok(None),
            Ok(_) => {}
        }
        if head.len() > HEAD_LIMIT {
            return Err("the request head is too large");
        }
        let line = &head[before..];
        // Blank lines before a request are allowed (RFC 9112, 2.2).
        if (line == b"\r\n" || line == b"\n") && before == 0 {
            head.clear();
            continue;
        }
        if line == b"\r\n" || line == b"\n" {
            return Ok(Some(head));
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Framing {
    Length(u64),
    Chunked,
}

#[derive(Debug, Clone, Copy)]
enum BodyState {
    Unread,
    Read,
}

/// The body of a request, read only if the handler asks for it.
pub struct RequestBody<'a> {
    reader: &'a mut BufReader<TcpStream>,
    writer: &'a mut TcpStream,
    framing: Framing,
    expect_continue: bool,
    state: &'a mut BodyState,
}

impl Body for RequestBody<'_> {
    fn read(self) -> Result<Vec<u8>, Answer> {
        let too_large = || {
            Answer::error(
                413,
                format!("the body is larger than the sandbox's limit of {BODY_LIMIT} bytes"),
            )
        };
        let unreadable =
            |e: std::io::Error| Answer::error(400, format!("cannot read the body: {e}"));
        if let Framing::Length(length) = self.framing
            && length > BODY_LIMIT as u64
        {
            return Err(too_large()); // left unread: the connection drains it afterwards
        }
        if self.expect_continue {
            self.writer
                .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .map_err(unreadable)?;
        }
        let body = match self.framing {
            Framing::Length(length) => {
                let mut body = vec![0; length as usize];
                self.reader.read_exact(&mut body).map_err(unreadable)?;
                body
            }
            Framing::Chunked => {
                let body = read_chunked(self.reader).map_err(unreadable);
                // Read to its end even when too large, so the connection stays usable.
                *self.state = BodyState::Read;
                body?.ok_or_else(too_large)?
            }
        };
        *self.state = BodyState::Read;
        Ok(body)
    }
}

/// A chunked body, read to its end; `None` when it is larger than [`BODY_LIMIT`] (then it is
/// discarded as it is read), an error past [`DRAIN_LIMIT`].
fn read_chunked(reader: &mut impl BufRead) -> std::io::Result<Option<Vec<u8>>> {
    let invalid =
        |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut body = Vec::new();
    let mut total: u64 = 0;
    loop {
        let mut line = String::new();
        reader.take(1024).read_line(&mut line)?;
        let size = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| invalid("bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the blank line.
            loop {
                line.clear();
                if reader.take(8192).read_line(&mut line)? == 0 || line.trim().is_empty() {
                    return Ok((total <= BODY_LIMIT as u64).then_some(body));
                }
            }
        }
        total += size as u64;
        if total > DRAIN_LIMIT {
            return Err(invalid("chunked body too large to read"));
        }
        if total > BODY_LIMIT as u64 {
            body = Vec::new();
            let copied = std::io::copy(&mut reader.take(size as u64), &mut std::io::sink())?;
            if copied != size as u64 {
                return Err(invalid("chunked body cut short"));
            }
        } else {
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..])?;
        }
        let mut crlf = [0; 2];
        reader.read_exact(&mut crlf)?;
        if &crlf != b"\r\n" {
            return Err(invalid("chunk not followed by CRLF"));
        }
    }
}

fn write_answer(writer: &mut TcpStream, answer: &Answer, close: bool) -> std::io::Result<()> {
    let body = answer.body.to_string();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        answer.status,
        reason(answer.status),
        body.len()
    );
    if let Some(seconds) = answer.retry_after {
        head.push_str(&format!("Retry-After: {seconds}\r\n"));
    }
    if let Some(allow) = answer.allow {
        head.push_str(&format!("Allow: {allow}\r\n"));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    // One write: a head and a body in separate segments would meet Nagle and delayed ACKs.
    writer.write_all(&bytes)?;
    writer.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_decoded_and_limited() {
        let mut input: &[u8] = b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n";
        assert_eq!(read_chunked(&mut input).unwrap().unwrap(), b"hello world");
        let chunk = "y".repeat(600 * 1024);
        let big = format!(
            "{0:x}\r\n{1}\r\n{0:x}\r\n{1}\r\n0\r\n\r\nNEXT",
            chunk.len(),
            chunk
        );
        let mut input = big.as_bytes();
        assert_eq!(
            read_chunked(&mut input).unwrap(),
            None,
            "too large, but read to its end"
        );
        assert_eq!(input, b"NEXT");
        let cut = format!("{:x}\r\n{}", BODY_LIMIT + 1, "y".repeat(10));
        assert!(read_chunked(&mut cut.as_bytes()).is_err());
        let mut input: &[u8] = b"zz\r\n";
        assert!(read_chunked(&mut input).is_err());
    }
}
