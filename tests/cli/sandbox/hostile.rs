//! The sandbox under hostile input (contract section 10, "Hardening"): broken framing, heads
//! that never end, slow and idle connections, more connections than it serves at once. After
//! each, it still answers a well-behaved client and still holds its records.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use rustix::process::Signal;

use super::{ENDUSER, Http, create};
use crate::support::{Altur, KEY, Sandbox};

const HEAD_LIMIT: usize = 64 * 1024;

/// The start of a create whose body is chunked, up to the first chunk.
fn chunked_create_head() -> String {
    format!(
        "POST {ENDUSER} HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n\
         Transfer-Encoding: chunked\r\n\r\n"
    )
}

fn raw(sandbox: &Sandbox) -> Http {
    Http::connect(sandbox)
}

impl Http {
    fn write(&mut self, bytes: impl AsRef<[u8]>) {
        self.reader.get_mut().write_all(bytes.as_ref()).unwrap();
    }

    /// Waits (bounded by the read timeout) until the sandbox closes the connection, reading
    /// away whatever it still sends; fails if it sends an answer.
    #[track_caller]
    fn assert_closed_unanswered(&mut self) {
        let mut rest = Vec::new();
        match self.reader.read_to_end(&mut rest) {
            Ok(_) => assert!(
                rest.is_empty(),
                "answered: {}",
                String::from_utf8_lossy(&rest)
            ),
            Err(e) if e.kind() == ErrorKind::ConnectionReset => {}
            Err(e) => panic!("the connection stayed open: {e}"),
        }
    }

    /// Waits until the sandbox closes the connection after its last answer.
    #[track_caller]
    fn assert_closed(&mut self) {
        let mut rest = Vec::new();
        let read = self.reader.read_to_end(&mut rest);
        assert!(
            (read.is_ok() && rest.is_empty())
                || matches!(&read, Err(e) if e.kind() == ErrorKind::ConnectionReset),
            "the connection stayed open or carried more: {read:?} {}",
            String::from_utf8_lossy(&rest)
        );
    }
}

/// The record is still there, over a fresh connection.
#[track_caller]
fn assert_still_serving(sandbox: &Sandbox, record: &serde_json::Value) {
    let path = format!("{ENDUSER}/{}", record["id"].as_str().unwrap());
    let answer = raw(sandbox).call("GET", &path, None);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json(), *record);
}

#[test]
fn broken_chunked_framing_is_a_400_and_the_sandbox_keeps_serving() {
    let sandbox = Sandbox::start(&[]);
    let ada = create(&mut raw(&sandbox), r#"{"display_name":"Ada"}"#);
    // The reproducer that killed the hand-written transport (an overflow adding up chunk
    // sizes): a chunk of 2^64-1 bytes announced, and the request ends there.
    let mut http = raw(&sandbox);
    http.write(format!(
        "{}1\r\na\r\nffffffffffffffff\r\n",
        chunked_create_head()
    ));
    http.reader.get_mut().shutdown(Shutdown::Write).unwrap();
    let answer = http.read_answer();
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(
        answer.message().starts_with("cannot read the body: "),
        "{}",
        answer.body
    );
    // Chunk sizes that cannot be, and a chunk longer than announced, are refused at once.
    for (chunks, message) in [
        (
            "1\r\na\r\nfffffffffffffffff\r\n",
            "invalid chunk size: overflow",
        ),
        ("1\r\na\r\nzz\r\n", "Invalid chunk size line"),
        ("1\r\nab\r\n0\r\n\r\n", "Invalid chunk body CR"),
    ] {
        let mut http = raw(&sandbox);
        http.write(format!("{}{chunks}", chunked_create_head()));
        let answer = http.read_answer();
        assert_eq!(answer.status, 400, "{chunks:?}: {}", answer.body);
        assert!(
            answer.message().contains(message),
            "{chunks:?}: {}",
            answer.body
        );
        http.assert_closed();
    }
    assert_still_serving(&sandbox, &ada);
    let stderr = sandbox.wait_for_stderr(&format!("GET {ENDUSER}/"));
    assert_eq!(stderr.matches(" 400 ").count(), 4, "{stderr}");
}

#[test]
fn a_head_line_that_never_ends_is_a_431_once_past_64_kib() {
    let sandbox = Sandbox::start(&[]);
    let ada = create(&mut raw(&sandbox), r#"{"display_name":"Ada"}"#);
    let mut http = raw(&sandbox);
    let mut writer = http.reader.get_ref().try_clone().unwrap();
    // Writes a header line with no end until the sandbox closes the connection (the writes
    // then fail), or 64 MiB, far more than the socket buffers on both sides hold.
    const FLOOD: usize = 64 * 1024 * 1024;
    let flood = std::thread::spawn(move || {
        let mut written = 0;
        let _ = writer.write_all(b"GET / HTTP/1.1\r\nX-Flood: ");
        let block = [b'a'; 8192];
        while written < FLOOD && writer.write_all(&block).is_ok() {
            written += block.len();
        }
        written
    });
    let answer = http.read_answer();
    assert_eq!(answer.status, 431);
    http.assert_closed();
    let written = flood.join().unwrap();
    assert!(written < FLOOD, "the sandbox kept reading the endless line");
    assert_still_serving(&sandbox, &ada);
}

/// A request whose head (request line, headers, blank line) is exactly `size` bytes.
fn head_of_size(size: usize) -> String {
    let start = format!("GET {ENDUSER}/x HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n");
    let filler_line = |value: usize| format!("X-Filler: {}\r\n", "f".repeat(value));
    let overhead = start.len() + filler_line(0).len() + 2;
    format!("{start}{}\r\n", filler_line(size - overhead))
}

#[test]
fn heads_up_to_64_kib_are_read_and_larger_ones_get_431() {
    let sandbox = Sandbox::start(&[]);
    let mut http = raw(&sandbox);
    let head = head_of_size(HEAD_LIMIT);
    assert_eq!(head.len(), HEAD_LIMIT);
    http.write(&head);
    assert_eq!(http.read_answer().status, 404, "read and answered");

    http.write(head_of_size(HEAD_LIMIT + 1));
    assert_eq!(http.read_answer().status, 431);
    http.assert_closed();

    // Many small headers count the same.
    let mut http = raw(&sandbox);
    let mut head = format!("GET {ENDUSER}/x HTTP/1.1\r\nHost: s\r\n");
    while head.len() <= HEAD_LIMIT {
        head.push_str(&format!("X-{}: {}\r\n", head.len(), "v".repeat(1000)));
    }
    http.write(format!("{head}\r\n"));
    assert_eq!(http.read_answer().status, 431);
}

#[test]
fn differing_content_lengths_are_refused() {
    let sandbox = Sandbox::start(&[]);
    let body = r#"{"display_name":"Ada"}"#;
    let request = |lengths: &[usize]| {
        let mut head =
            format!("POST {ENDUSER} HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n");
        for length in lengths {
            head.push_str(&format!("Content-Length: {length}\r\n"));
        }
        format!("{head}\r\n{body}")
    };
    let mut http = raw(&sandbox);
    http.write(request(&[body.len(), body.len() - 2]));
    assert_eq!(http.read_answer().status, 400);
    http.assert_closed();
    // The same length twice is one length (RFC 9112, 6.3).
    let mut http = raw(&sandbox);
    http.write(request(&[body.len(), body.len()]));
    let answer = http.read_answer();
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["display_name"], "Ada");
}

/// `Transfer-Encoding` with `Content-Length` is the classic request-smuggling setup: a proxy
/// that frames by one and a server that frames by the other disagree on where the next request
/// starts. hyper frames by `Transfer-Encoding` alone and closes the connection after the
/// answer (RFC 9112, 6.3), so nothing after the chunked body is ever read as a request.
#[test]
fn transfer_encoding_with_content_length_cannot_smuggle_a_request() {
    let sandbox = Sandbox::start(&[]);
    let body = r#"{"display_name":"Ada"}"#;
    let smuggled = format!(
        "GET {ENDUSER}/smuggled HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n\r\n"
    );
    let chunked = format!("{:x}\r\n{body}\r\n0\r\n\r\n", body.len());
    for (first, second) in [
        ("Transfer-Encoding: chunked", "Content-Length: 3"),
        ("Content-Length: 3", "Transfer-Encoding: chunked"),
    ] {
        let mut http = raw(&sandbox);
        http.write(format!(
            "POST {ENDUSER} HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n{first}\r\n{second}\r\n\r\n{chunked}{smuggled}"
        ));
        let answer = http.read_answer();
        assert_eq!(answer.status, 200, "{}", answer.body);
        assert_eq!(answer.json()["display_name"], "Ada", "framed by the chunks");
        assert_eq!(answer.header("connection"), Some("close"));
        http.assert_closed();
    }
    let (_, stderr) = sandbox.stop(Signal::TERM);
    assert_eq!(
        stderr.matches(&format!("POST {ENDUSER} 200")).count(),
        2,
        "{stderr}"
    );
    assert!(!stderr.contains("smuggled"), "{stderr}");
}

/// Hundreds of connections that never send a whole head (idle ones, and slow ones dripping a
/// byte at a time) cost no thread each: a well-behaved client is answered meanwhile, and each
/// of them is closed once its head deadline passes (shortened here from 10 s).
#[test]
fn slow_and_idle_connections_are_closed_while_others_are_answered() {
    let sandbox = Sandbox::start(&["--tune", "head-timeout=1500ms"]);
    let idle: Vec<Http> = (0..100).map(|_| raw(&sandbox)).collect();
    let mut slow: Vec<Http> = (0..200).map(|_| raw(&sandbox)).collect();
    for http in &mut slow {
        http.write(format!("GET {ENDUSER}/x HTTP/1.1\r\nHost: s\r\nX-Slow: "));
    }
    // A few of them go on dripping a byte every 100 ms until the sandbox closes them: the
    // deadline is for the whole head, however it trickles in.
    let dripping: Vec<TcpStream> = slow[..20]
        .iter()
        .map(|http| http.reader.get_ref().try_clone().unwrap())
        .collect();
    let drip = std::thread::spawn(move || {
        let mut open = dripping;
        while !open.is_empty() {
            open.retain_mut(|stream| stream.write_all(b"s").is_ok());
            std::thread::sleep(Duration::from_millis(100)); // pacing, not synchronisation
        }
    });
    let mut client = raw(&sandbox);
    let ada = create(&mut client, r#"{"display_name":"Ada"}"#);
    let path = format!("{ENDUSER}/{}", ada["id"].as_str().unwrap());
    assert_eq!(client.call("GET", &path, None).json(), ada);
    for mut http in idle.into_iter().chain(slow) {
        http.assert_closed_unanswered();
    }
    drip.join().unwrap();
    assert_still_serving(&sandbox, &ada);
}

/// Beyond the cap (1,024; 3 here), new connections wait until one closes, and the sandbox
/// says so once.
#[test]
fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let sandbox = Sandbox::start(&["--tune", "connections=3"]);
    let mut first = raw(&sandbox);
    let ada = create(&mut first, r#"{"display_name":"Ada"}"#);
    let held: Vec<Http> = (0..2).map(|_| raw(&sandbox)).collect();
    sandbox.wait_for_stderr(
        "altur sandbox: 3 connections open, the most it serves at once; new connections wait \
         until one closes",
    );
    let waiting = {
        let address = sandbox.address();
        let path = format!("{ENDUSER}/{}", ada["id"].as_str().unwrap());
        std::thread::spawn(move || Http::connect_to(&address).call("GET", &path, None).json())
    };
    drop(held);
    assert_eq!(waiting.join().unwrap(), ada);
    // The first connection was served all along.
    assert_eq!(
        create(&mut first, r#"{"display_name":"Bob"}"#)["display_name"],
        "Bob"
    );
}

/// With no file descriptor left, accepting fails (EMFILE): the sandbox says so once, backs off
/// instead of retrying in a busy loop, and serves again once connections close.
#[test]
fn running_out_of_file_descriptors_is_survived() {
    use std::io::BufRead;
    use std::process::Stdio;

    // prlimit(1) sets the limit, hard and soft (the sandbox cannot raise it back), then runs it.
    let mut child = Altur::under(&["prlimit", "--nofile=48", "--"])
        .args([
            "sandbox",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--api-key",
            KEY,
        ])
        .spawn_with(Stdio::null(), Stdio::null(), Stdio::piped());
    let (lines_tx, lines) = std::sync::mpsc::channel();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let next_line_with = |needle: &str| loop {
        let line = lines
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("the sandbox never printed {needle:?}"));
        if line.contains(needle) {
            return line;
        }
    };
    let ready = next_line_with("listening on http://");
    let address = ready
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_owned();
    // More connections than descriptors: the kernel completes them all (the listen backlog),
    // the sandbox cannot take them all.
    let crowd: Vec<TcpStream> = (0..80)
        .map(|_| TcpStream::connect(&address).unwrap())
        .collect();
    let warning = next_line_with("cannot accept connections");
    assert!(warning.contains("Too many open files"), "{warning}");
    drop(crowd);
    let answer = Http::connect_to(&address).call("GET", &format!("{ENDUSER}/x"), None);
    assert_eq!(answer.status, 404);
    crate::support::send_signal(child.id(), "TERM");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let rest: Vec<String> = lines.try_iter().collect();
    assert_eq!(
        rest.iter().filter(|l| l.contains("cannot accept")).count(),
        0,
        "said once: {rest:?}"
    );
}

/// A body that stops arriving (below 1 KiB/s after 10 s; 0.5 s here) is answered 408 and its
/// connection closed, so a client cannot hold a connection by announcing a body it never sends.
#[test]
fn a_body_that_stops_arriving_is_a_408() {
    let sandbox = Sandbox::start(&["--tune", "body-grace=500ms"]);
    let ada = create(&mut raw(&sandbox), r#"{"display_name":"Ada"}"#);
    for framing in ["Content-Length: 100", "Transfer-Encoding: chunked"] {
        let mut http = raw(&sandbox);
        http.write(format!(
            "POST {ENDUSER} HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n{framing}\r\n\r\n"
        ));
        http.write(if framing.starts_with("Content") {
            "{\"disp"
        } else {
            "6\r\n{\"disp"
        });
        let answer = http.read_answer();
        assert_eq!(answer.status, 408, "{framing}: {}", answer.body);
        let message = answer.message();
        assert!(
            message.starts_with("the body arrived too slowly (6 bytes in 0.5 s)"),
            "{message}"
        );
        http.assert_closed();
    }
    assert_still_serving(&sandbox, &ada);
}

/// A body sent a byte at a time never stalls, but averages far under 1 KiB/s: once past its
/// grace (10 s; 0.5 s here) it is a 408, and a client waiting in the backlog behind it (one
/// connection served at once here; 1,024 in use) is served.
#[test]
fn a_body_that_trickles_in_is_cut_and_the_client_behind_it_served() {
    let sandbox = Sandbox::start(&["--tune", "connections=1,body-grace=500ms"]);
    let mut slow = TcpStream::connect(sandbox.address()).unwrap();
    slow.write_all(
        format!(
            "POST {ENDUSER} HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n\
             Content-Length: 100000\r\n\r\n"
        )
        .as_bytes(),
    )
    .unwrap();
    let drip = std::thread::spawn(move || {
        // Pacing, not synchronisation: 10 bytes/s until the sandbox closes the connection.
        while slow.write_all(b" ").is_ok() {
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let started = std::time::Instant::now();
    let ada = create(&mut raw(&sandbox), r#"{"display_name":"Ada"}"#);
    assert!(started.elapsed() < Duration::from_secs(10));
    drip.join().unwrap();
    assert_still_serving(&sandbox, &ada);
}

/// A client that pipelines requests and never reads the answers holds its connection only
/// until its socket is full and the write timeout (10 s; 0.5 s here) passes; the client behind
/// it is then served.
#[test]
fn a_client_that_never_reads_its_answers_is_cut_at_the_write_timeout() {
    let sandbox = Sandbox::start(&["--tune", "connections=1,write-timeout=500ms"]);
    let mut greedy = TcpStream::connect(sandbox.address()).unwrap();
    greedy
        .set_write_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let requests =
        format!("GET {ENDUSER}/x HTTP/1.1\r\nHost: s\r\nAuthorization: api-key {KEY}\r\n\r\n")
            .repeat(100);
    let writer = std::thread::spawn(move || {
        // Until the sandbox stops taking requests (its answers fill the sockets) or closes.
        while greedy.write_all(requests.as_bytes()).is_ok() {}
        greedy
    });
    let ada = create(&mut raw(&sandbox), r#"{"display_name":"Ada"}"#);
    drop(writer.join().unwrap());
    assert_still_serving(&sandbox, &ada);
}

/// The hidden `--tune` flag that lowers the limits for tests refuses what it cannot apply.
#[test]
fn a_limit_that_cannot_be_tuned_is_exit_2() {
    for tune in [
        "speed=1",
        "head-timeout=soon",
        "connections=0",
        "rate-window",
    ] {
        let (code, stderr) = Sandbox::try_start(&["--tune", tune])
            .err()
            .expect("refused");
        assert_eq!(code, Some(2), "{tune}: {stderr}");
        assert!(stderr.contains("altur: error: --tune: "), "{stderr}");
    }
}
