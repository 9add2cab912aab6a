//! The server in-process, with limits short enough to watch them act: each test is what a
//! hostile client does, and a well-behaved client that waits in the backlog behind it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::body::allowed_time;
use super::*;

/// Answers `/big` with 32 MiB (more than any socket buffer holds) and anything else with the
/// size of the body it read.
struct Echo;

impl Application for Echo {
    fn answer(&self, request: &Request) -> Response {
        if request.path() == "/big" {
            return Response {
                content_type: "application/octet-stream",
                body: vec![b'x'; 32 * 1024 * 1024].into(),
                ..Response::json(200, &serde_json::Value::Null)
            };
        }
        Response::json(200, &serde_json::json!({"bytes": request.body.len()}))
    }

    fn answer_may_block(&self) -> bool {
        false
    }
}

/// Short limits; one connection at a time unless a test says otherwise, so that a client in
/// the backlog is served only once the limits cut the one before it.
fn short_limits() -> Limits {
    Limits {
        head_timeout: Duration::from_millis(400),
        body_deadline: Duration::from_secs(2),
        body_grace: Duration::from_millis(400),
        body_rate: 1024,
        write_timeout: Duration::from_millis(400),
        connections: 1,
        ..Limits::standard(1024 * 1024)
    }
}

fn start(limits: Limits) -> (Server, SocketAddr) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = Server::start(
        "test",
        listener,
        Arc::new(Echo),
        limits,
        Arc::new(crate::output::Output::memory()),
    )
    .unwrap();
    (server, address)
}

fn connect(address: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
}

/// The status of the next answer on `stream`.
fn status(stream: &TcpStream) -> u16 {
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).unwrap();
    line.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {line:?}"))
}

/// A well-behaved client: one small POST, answered 200; how long it waited.
fn good_client(address: SocketAddr) -> Duration {
    let started = Instant::now();
    let mut stream = connect(address);
    stream
        .write_all(b"POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}")
        .unwrap();
    assert_eq!(status(&stream), 200);
    started.elapsed()
}

/// Sends `head` then one byte of body every `every`, until the server closes the connection.
fn drip(address: SocketAddr, head: &'static str, every: Duration) -> thread::JoinHandle<u16> {
    let mut stream = connect(address);
    stream.write_all(head.as_bytes()).unwrap();
    let reader = stream.try_clone().unwrap();
    let answer = thread::spawn(move || status(&reader));
    thread::spawn(move || {
        while stream.write_all(b"x").is_ok() && !answer.is_finished() {
            thread::sleep(every);
        }
        answer.join().unwrap()
    })
}

#[test]
fn a_body_sent_a_byte_at_a_time_is_a_408_after_the_grace_period() {
    let (server, address) = start(short_limits());
    let started = Instant::now();
    // 10 bytes/s: it never stalls, but stays far below 1 KiB/s.
    let slow = drip(
        address,
        "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n",
        Duration::from_millis(100),
    );
    assert_eq!(slow.join().unwrap(), 408);
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(400), "{elapsed:?}");
    // Its slot is free again.
    good_client(address);
    server.stop();
}

#[test]
fn a_body_at_the_minimum_rate_must_still_arrive_within_the_deadline() {
    let limits = Limits {
        body_rate: 1,
        ..short_limits()
    };
    let (server, address) = start(limits);
    let started = Instant::now();
    // 50 bytes/s, well above the rate of 1 byte/s, but 100,000 bytes take longer than 2 s.
    let slow = drip(
        address,
        "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n",
        Duration::from_millis(20),
    );
    assert_eq!(slow.join().unwrap(), 408);
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_secs(2), "{elapsed:?}");
    server.stop();
}

#[test]
fn a_client_behind_a_slow_body_is_served_once_the_limits_cut_it() {
    let (server, address) = start(short_limits());
    let _slow = drip(
        address,
        "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n",
        Duration::from_millis(100),
    );
    // The one slot is taken: this client waits in the backlog until the 408.
    let waited = good_client(address);
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    server.stop();
}

#[test]
fn an_answer_the_client_does_not_read_closes_the_connection() {
    let (server, address) = start(short_limits());
    let mut greedy = connect(address);
    // Pipelined requests for answers far larger than the socket buffers, never read.
    for _ in 0..4 {
        greedy
            .write_all(b"GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            .unwrap();
    }
    // The one slot is the greedy client's until the write timeout closes its connection.
    let waited = good_client(address);
    assert!(waited < Duration::from_secs(10), "{waited:?}");
    // What it finally reads is cut short of even the first answer.
    let mut read = Vec::new();
    let _ = greedy.read_to_end(&mut read);
    assert!(read.len() < 32 * 1024 * 1024, "{} bytes", read.len());
    server.stop();
}

#[test]
fn a_head_that_never_ends_is_closed_at_the_head_timeout() {
    let (server, address) = start(short_limits());
    let mut slow = connect(address);
    slow.write_all(b"GET / HTTP/1.1\r\nHost: t\r\n").unwrap();
    let waited = good_client(address);
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    server.stop();
}

#[test]
fn a_well_behaved_client_is_served_while_slow_ones_hang_on() {
    let limits = Limits {
        connections: 64,
        body_grace: Duration::from_secs(30),
        body_deadline: Duration::from_secs(30),
        head_timeout: Duration::from_secs(30),
        ..short_limits()
    };
    let (server, address) = start(limits);
    let mut slow = Vec::new();
    for _ in 0..32 {
        let mut stream = connect(address);
        stream.write_all(b"GET / HTTP/1.1\r\n").unwrap();
        slow.push(stream);
    }
    for _ in 0..16 {
        let mut stream = connect(address);
        stream
            .write_all(b"POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nx")
            .unwrap();
        slow.push(stream);
    }
    let waited = good_client(address);
    assert!(waited < Duration::from_secs(1), "{waited:?}");
    drop(slow);
    server.stop();
}

#[test]
fn the_time_a_body_may_take_grows_with_what_it_sent() {
    let limits = Limits::standard(1024 * 1024);
    assert_eq!(allowed_time(&limits, 0), Duration::from_secs(10));
    assert_eq!(allowed_time(&limits, 10 * 1024), Duration::from_secs(10));
    assert_eq!(allowed_time(&limits, 20 * 1024), Duration::from_secs(20));
    assert_eq!(allowed_time(&limits, 1024 * 1024), Duration::from_secs(30));
}

#[test]
fn limits_are_tuned_by_name() {
    let mut limits = Limits::standard(10);
    limits.tune("head-timeout", "250ms").unwrap();
    limits.tune("connections", "3").unwrap();
    limits.tune("body-rate", "1").unwrap();
    assert_eq!(limits.head_timeout, Duration::from_millis(250));
    assert_eq!((limits.connections, limits.body_rate), (3, 1));
    assert!(limits.tune("connections", "0").is_err());
    assert!(limits.tune("write-timeout", "soon").is_err());
    assert!(limits.tune("speed", "1").unwrap_err().contains("unknown"));
}
