//! `altur call ...` (contract section 15) through the binary: the wire of every command against
//! recording servers, recordings byte for byte from a streaming server of our own (any size,
//! chunked or not, cut or stalled mid-body), resume after `kill -9`, and the sandbox's calls.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{
    Altur, HandlerServer, KEY, Reply, Sandbox, Server, Spawned, send_signal, wait_until,
};

const AGENT: &str = "11111111-1111-4111-8111-111111111111";

fn call_json(id: &str, status: &str) -> String {
    json!({"id": id, "type": "outbound", "status": status, "created_at": "2026-11-27T08:00:00Z"})
        .to_string()
}

/// A server that answers the call `id` in `status` once.
fn answering_once(id: &str, status: &str) -> Server {
    Server::new([Reply::json(200, call_json(id, status))])
}

/// A server that answers the call `id` in `status` to every request.
fn answering_always(id: &'static str, status: &'static str) -> HandlerServer {
    HandlerServer::new(move |_, _| Reply::json(200, call_json(id, status)))
}

// ---------------------------------------------------------------------------------------
// call start

#[test]
fn start_sends_only_the_fields_given_with_the_number_normalised() {
    let server = answering_once("cll_1", "queued");
    let run = Altur::new()
        .against(&server)
        .args([
            "call",
            "start",
            "--agent",
            AGENT,
            "--to",
            "+52 (55) 1234-5678",
        ])
        .run();
    run.success();
    assert_eq!(run.json()["id"], "cll_1");
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/call")
    );
    assert_eq!(
        request.body_text(),
        format!(r#"{{"agent_id":"{AGENT}","phone_number_to":"+525512345678"}}"#)
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.header("authorization"),
        Some(format!("api-key {KEY}").as_str())
    );
}

#[test]
fn start_sends_every_field_given_and_a_context_object_from_stdin() {
    let server = answering_once("cll_1", "queued");
    Altur::new()
        .against(&server)
        .args(["call", "start", "--agent", AGENT, "--to", "+1.415.555.0100"])
        .args([
            "--display-name",
            "Sofía",
            "--first-message",
            "Hola, ¿cómo está?",
        ])
        .args(["--context-json", "-"])
        .stdin(r#"{"plan": "gold", "visits": [1, 2]}"#)
        .run()
        .success();
    assert_eq!(
        server.only_request().body_json(),
        json!({
            "agent_id": AGENT,
            "phone_number_to": "+14155550100",
            "end_user_display_name": "Sofía",
            "end_user_context": {"plan": "gold", "visits": [1, 2]},
            "initial_message": "Hola, ¿cómo está?",
        })
    );
    let server = answering_once("cll_2", "queued");
    Altur::new()
        .against(&server)
        .args(["call", "start", "--agent", AGENT, "--to", "+14155550100"])
        .args(["--context", "VIP since 2019"])
        .run()
        .success();
    assert_eq!(
        server.only_request().body_json()["end_user_context"],
        "VIP since 2019"
    );
}

#[test]
fn start_refuses_bad_input_before_sending_anything() {
    let server = Server::new([]);
    let dir = tempfile::tempdir().unwrap();
    let array = dir.path().join("array.json");
    std::fs::write(&array, "[1, 2]").unwrap();
    let array = array.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--agent", AGENT, "--to", "55 1234 5678"],
            "must start with +",
        ),
        (
            vec!["--agent", AGENT, "--to", "+52 55 12"],
            "E.164 numbers have 8 to 15",
        ),
        (
            vec!["--agent", AGENT, "--to", "+52 55 1234 567x"],
            "only digits",
        ),
        (
            vec!["--agent", "a/b", "--to", "+525512345678"],
            "is not a valid agent id",
        ),
        (
            vec!["--agent", "", "--to", "+525512345678"],
            "'' is not a valid agent id: ids are not empty",
        ),
        (
            vec![
                "--agent",
                AGENT,
                "--to",
                "+525512345678",
                "--context",
                "x",
                "--context-json",
                array,
            ],
            "cannot be used with",
        ),
        (
            vec![
                "--agent",
                AGENT,
                "--to",
                "+525512345678",
                "--context-json",
                array,
            ],
            "must be a JSON object, not an array",
        ),
        (
            vec!["--agent", AGENT, "--to", "+525512345678", "--max-wait", "5"],
            "only with --wait",
        ),
    ];
    for (args, message) in cases {
        Altur::new()
            .against(&server)
            .args(["call", "start"])
            .args(&args)
            .run()
            .code(2)
            .stderr_has(message);
    }
    assert!(server.requests().is_empty());
}

#[test]
fn a_start_whose_answer_is_lost_is_never_sent_again() {
    let server = Server::new([Reply::Drop, Reply::json(200, call_json("cll_1", "queued"))]);
    Altur::new()
        .against(&server)
        .args(["call", "start", "--agent", AGENT, "--to", "+525512345678"])
        .run()
        .code(7)
        .stderr_has("the call may have been placed");
    assert_eq!(server.requests().len(), 1);
    // The hint names no command that would fail: `call list` needs a --campaign.
    let server = Server::new([Reply::Drop]);
    let run = Altur::new()
        .against(&server)
        .args(["call", "start", "--agent", AGENT, "--to", "+525512345678"])
        .run();
    run.code(7).stderr_has("look for it in the Altur dashboard");
    assert!(!run.stderr.contains("call list"), "{}", run.stderr);
}

#[test]
fn start_dry_run_prints_the_request_and_sends_nothing() {
    let server = Server::new([]);
    let run = Altur::new()
        .against(&server)
        .args([
            "call",
            "start",
            "--agent",
            AGENT,
            "--to",
            "+52 55 1234 5678",
            "--dry-run",
        ])
        .run();
    run.success();
    assert!(run.stdout.contains("curl --request POST"), "{}", run.stdout);
    assert!(run.stdout.contains("+525512345678"), "{}", run.stdout);
    assert!(server.requests().is_empty());
}

// ---------------------------------------------------------------------------------------
// call wait, get

#[test]
fn wait_says_each_status_change_and_prints_the_final_call() {
    let script = [
        "queued",
        "queued",
        "ringing",
        "in-progress",
        "in-progress",
        "busy",
    ]
    .map(|status| Reply::json(200, call_json("cll_1", status)));
    let server = Server::new(script);
    let run = Altur::new()
        .against(&server)
        .args(["call", "wait", "cll_1", "--interval", "0.01", "-o", "json"])
        .run();
    run.success();
    assert_eq!(run.json()["status"], "busy");
    let changes: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("altur: call cll_1: "))
        .collect();
    assert_eq!(changes, ["queued", "ringing", "in-progress", "busy"]);
    let requests = server.requests();
    assert_eq!(requests.len(), 6);
    assert!(
        requests
            .iter()
            .all(|r| r.method == "GET" && r.path == "/call/cll_1")
    );
}

#[test]
fn wait_gives_up_at_max_wait_with_exit_11_and_the_last_state() {
    let server = answering_always("cll_1", "in-progress");
    let run = Altur::new()
        .against_url(&server.url())
        .args([
            "call",
            "wait",
            "cll_1",
            "--interval",
            "0.02",
            "--max-wait",
            "0.2",
        ])
        .run();
    run.code(11)
        .stderr_has("call cll_1 is still in-progress after waiting 0.2 s")
        .stderr_has("altur call wait cll_1 --max-wait SECS");
    assert_eq!(run.json()["status"], "in-progress");
    assert!(server.requests().len() >= 2);
}

#[test]
fn start_with_wait_follows_the_call_it_placed() {
    let server = Server::new([
        Reply::json(200, call_json("cll_9", "queued")),
        Reply::json(200, call_json("cll_9", "ringing")),
        Reply::json(200, call_json("cll_9", "ended")),
    ]);
    let run = Altur::new()
        .against(&server)
        .args([
            "call",
            "start",
            "--agent",
            AGENT,
            "--to",
            "+525512345678",
            "--wait",
        ])
        .args(["--interval", "0.01", "-o", "json"])
        .run();
    run.success().stderr_has("call cll_9 placed");
    assert_eq!(run.json()["status"], "ended");
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(paths, ["POST /call", "GET /call/cll_9", "GET /call/cll_9"]);
}

#[test]
fn ctrl_c_while_waiting_leaves_the_call_and_says_how_to_follow_it() {
    let server = answering_always("cll_1", "ringing");
    let child = Altur::new()
        .against_url(&server.url())
        .args(["call", "wait", "cll_1", "--interval", "0.05"])
        .spawn();
    wait_until(Duration::from_secs(30), || server.requests().len() >= 2);
    send_signal(child.id(), "INT");
    child
        .finish()
        .code(130)
        .stderr_has("the call goes on; follow it again with: altur call wait cll_1");
}

#[test]
fn get_fetches_one_call_and_refuses_ids_that_would_change_the_path() {
    let server = answering_once("cll_1", "ended");
    let run = Altur::new()
        .against(&server)
        .args(["call", "get", "cll_1", "-o", "id"])
        .run();
    run.success().stdout_is("cll_1\n");
    assert_eq!(server.only_request().path, "/call/cll_1");
    for bad in ["../enduser", "a?b", "a b"] {
        Altur::new()
            .against(&server)
            .args(["call", "get", bad])
            .run()
            .code(2);
    }
    assert_eq!(server.requests().len(), 1);
}

// ---------------------------------------------------------------------------------------
// call list

fn calls_page(ids: &[&str], index: u64, has_next: bool) -> Reply {
    let calls: Vec<Value> = ids
        .iter()
        .map(|id| {
            json!({"id": id, "status": "ended", "answered_by": "human", "duration": 42,
                   "contact": {"id": 1, "phone_number": "+525512345678"},
                   "created_at": "2026-11-27T08:00:00Z"})
        })
        .collect();
    Reply::json(
        200,
        json!({"total_count": 5, "calls": calls,
               "pagination": {"page_index": index, "page_size": 100, "has_next": has_next}})
        .to_string(),
    )
}

#[test]
fn list_pages_by_index_with_the_filters_on_every_page() {
    let server = Server::new([
        calls_page(&["cll_1", "cll_2", "cll_3"], 0, true),
        calls_page(&["cll_4", "cll_5"], 1, false),
    ]);
    let run = Altur::new()
        .against(&server)
        .args(["call", "list", "--campaign", "42", "--status", "no-answer"])
        .args([
            "--answered-by",
            "human",
            "--since",
            "2026-11-01",
            "--until",
            "2026-11-27T08:00:00Z",
        ])
        .args(["--all", "-o", "id"])
        .run();
    run.success()
        .stdout_is("cll_1\ncll_2\ncll_3\ncll_4\ncll_5\n");
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    let filters =
        "status=no-answer&answeredBy=human&startDate=2026-11-01&endDate=2026-11-27T08%3A00%3A00Z";
    assert_eq!(
        paths,
        [
            format!("/campaigns/42/calls?{filters}&pageSize=100&pageIndex=0"),
            format!("/campaigns/42/calls?{filters}&pageSize=100&pageIndex=1"),
        ]
    );
}

#[test]
fn list_shows_the_contract_columns_and_says_when_it_stops_early() {
    let server = Server::new([calls_page(&["cll_1", "cll_2", "cll_3"], 0, true)]);
    let run = Altur::new()
        .against(&server)
        .args([
            "call",
            "list",
            "--campaign",
            "42",
            "--limit",
            "2",
            "-o",
            "table",
        ])
        .run();
    run.success()
        .stderr_has("showing 2 of 5")
        .stderr_has("altur call list --campaign 42 --limit 2 --after ");
    let header = run.stdout.lines().nth(1).unwrap();
    let columns: Vec<&str> = header
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        columns,
        [
            "id",
            "status",
            "answered_by",
            "duration",
            "contact.phone_number",
            "created_at"
        ]
    );
    assert!(run.stdout.contains("+525512345678"));
    assert!(!run.stdout.contains("cll_3"));
}

#[test]
fn list_refuses_bad_filters_before_sending() {
    let server = Server::new([]);
    for (args, message) in [
        (vec!["--campaign", "0"], "--campaign"),
        (vec!["--campaign", "abc"], "--campaign"),
        (
            vec!["--campaign", "1", "--since", "yesterday"],
            "not an ISO 8601 date",
        ),
        (
            vec!["--campaign", "1", "--until", "2026-02-30"],
            "day 30 does not exist",
        ),
        (vec!["--campaign", "1", "--status", "queued"], "--status"),
        (vec!["--campaign", "1", "--limit", "0"], "--limit"),
        (
            vec!["--campaign", "1", "--limit", "5", "--all"],
            "cannot be used with",
        ),
        (vec!["--campaign", "1", "--after", "nope"], "not a token"),
    ] {
        Altur::new()
            .against(&server)
            .args(["call", "list"])
            .args(&args)
            .run()
            .code(2)
            .stderr_has(message);
    }
    assert!(server.requests().is_empty());
}

// ---------------------------------------------------------------------------------------
// A streaming server for recordings

/// The bytes of recording `seed`, computed rather than stored, so any size can be served and
/// checked in flat memory.
fn byte_at(seed: u64, index: u64) -> u8 {
    (index
        .wrapping_mul(2_654_435_761)
        .wrapping_add(seed.wrapping_mul(97))
        >> 11) as u8
}

fn bytes_of(seed: u64, len: u64) -> Vec<u8> {
    (0..len).map(|i| byte_at(seed, i)).collect()
}

/// Checks a file against its recording, reading it in chunks.
#[track_caller]
fn assert_recording(path: &Path, seed: u64, len: u64) {
    let mut file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(file.metadata().unwrap().len(), len, "{}", path.display());
    let mut buffer = vec![0u8; 1 << 16];
    let mut offset = 0u64;
    loop {
        let n = file.read(&mut buffer).unwrap();
        if n == 0 {
            break;
        }
        for (i, byte) in buffer[..n].iter().enumerate() {
            assert_eq!(
                *byte,
                byte_at(seed, offset + i as u64),
                "byte {}",
                offset + i as u64
            );
        }
        offset += n as u64;
    }
}

/// What the recording server does with one request.
#[derive(Clone)]
enum Audio {
    Json(u16, String),
    Recording(Rec),
}

/// A recording as served.
#[derive(Clone)]
struct Rec {
    content_type: &'static str,
    seed: u64,
    len: u64,
    /// Transfer-Encoding: chunked instead of Content-Length.
    chunked: bool,
    /// Close the connection after this many body bytes.
    cut_at: Option<u64>,
    /// Stop sending after this many body bytes, until the server is dropped.
    stall_at: Option<u64>,
    /// Send the body in chunks of this many bytes, this long apart (a slow, steady trickle).
    pace: Option<(u64, Duration)>,
}

fn rec(content_type: &'static str, seed: u64, len: u64) -> Rec {
    Rec {
        content_type,
        seed,
        len,
        chunked: false,
        cut_at: None,
        stall_at: None,
        pace: None,
    }
}

fn recording(content_type: &'static str, seed: u64, len: u64) -> Audio {
    Audio::Recording(rec(content_type, seed, len))
}

/// An HTTP/1.1 server on 127.0.0.1 whose answers come from a function of the request path,
/// written as they are generated. It counts the requests per path.
struct AudioServer {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl AudioServer {
    /// The same answer to every request.
    fn serving(answer: Audio) -> AudioServer {
        AudioServer::new(move |_| answer.clone())
    }

    fn new(handler: impl Fn(&str) -> Audio + Send + Sync + 'static) -> AudioServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler = Arc::new(handler);
        {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    let Ok(stream) = stream else { break };
                    let (seen, stop, handler) = (seen.clone(), stop.clone(), handler.clone());
                    std::thread::spawn(move || serve_audio(stream, &seen, &stop, &*handler));
                }
            });
        }
        AudioServer { port, seen, stop }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/api/v1.0", self.port)
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }

    fn count(&self, path: &str) -> usize {
        self.seen().iter().filter(|p| *p == path).count()
    }
}

impl Drop for AudioServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn serve_audio(
    stream: TcpStream,
    seen: &Mutex<Vec<String>>,
    stop: &AtomicBool,
    handler: &(dyn Fn(&str) -> Audio + Send + Sync),
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header.trim().is_empty() {
                break;
            }
        }
        let path = path.strip_prefix("/api/v1.0").unwrap_or(&path).to_owned();
        seen.lock().unwrap().push(path.clone());
        let written = match handler(&path) {
            Audio::Json(status, body) => out.write_all(
                format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                )
                .as_bytes(),
            ),
            Audio::Recording(Rec {
                content_type,
                seed,
                len,
                chunked,
                cut_at,
                stall_at,
                pace,
            }) => {
                let framing = if chunked {
                    "Transfer-Encoding: chunked".to_owned()
                } else {
                    format!("Content-Length: {len}")
                };
                let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{framing}\r\n\r\n");
                if out.write_all(head.as_bytes()).is_err() {
                    return;
                }
                let end = [Some(len), cut_at, stall_at].into_iter().flatten().min().unwrap();
                let mut offset = 0u64;
                while offset < end {
                    let step = match pace {
                        Some((step, gap)) => {
                            if offset > 0 {
                                let _ = out.flush();
                                std::thread::sleep(gap);
                            }
                            step
                        }
                        None => 64 * 1024,
                    };
                    let n = step.min(end - offset);
                    let chunk: Vec<u8> = (offset..offset + n).map(|i| byte_at(seed, i)).collect();
                    let sent = if chunked {
                        out.write_all(format!("{n:x}\r\n").as_bytes())
                            .and_then(|()| out.write_all(&chunk))
                            .and_then(|()| out.write_all(b"\r\n"))
                    } else {
                        out.write_all(&chunk)
                    };
                    if sent.is_err() {
                        return;
                    }
                    offset += n;
                }
                if cut_at.is_some_and(|cut| cut < len) {
                    let _ = out.flush();
                    return; // closes the connection mid-body
                }
                if stall_at.is_some_and(|stall| stall < len) {
                    let _ = out.flush();
                    while !stop.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    return;
                }
                if chunked { out.write_all(b"0\r\n\r\n") } else { Ok(()) }
            }
        };
        if written.is_err() {
            return;
        }
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------
// call recording

#[test]
fn a_recording_is_saved_byte_for_byte_under_a_name_from_its_content_type() {
    let server = AudioServer::serving(recording("audio/mpeg", 7, 300_000));
    let dir = tempfile::tempdir().unwrap();
    let run = Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "-o", "json"])
        .current_dir(dir.path())
        .run();
    run.success().stderr_has("saved 300.0 KB to cll_1.mp3");
    assert_eq!(
        run.json(),
        json!({"call": "cll_1", "status": "downloaded", "path": "cll_1.mp3", "bytes": 300_000})
    );
    assert_recording(&dir.path().join("cll_1.mp3"), 7, 300_000);
    assert_eq!(server.seen(), ["/call/cll_1/recording"]);
    assert_eq!(names_in(dir.path()), ["cll_1.mp3"]);

    // The file is there: not again without --force, and nothing is sent.
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1"])
        .current_dir(dir.path())
        .run()
        .code(2)
        .stderr_has("cll_1.mp3 exists");
    assert_eq!(server.seen().len(), 1);
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--force"])
        .current_dir(dir.path())
        .run()
        .success();
    assert_eq!(server.seen().len(), 2);
    assert_recording(&dir.path().join("cll_1.mp3"), 7, 300_000);
}

#[test]
fn a_recording_is_asked_for_as_any_type_with_the_key() {
    let server = Server::new([Reply::Raw(
        200,
        vec![("Content-Type".into(), "audio/webm".into())],
        b"webm bytes".to_vec(),
    )]);
    let dir = tempfile::tempdir().unwrap();
    Altur::new()
        .against(&server)
        .args(["call", "recording", "cll_1"])
        .current_dir(dir.path())
        .run()
        .success();
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("GET", "/call/cll_1/recording")
    );
    assert_eq!(request.header("accept"), Some("*/*"));
    assert_eq!(
        request.header("authorization"),
        Some(format!("api-key {KEY}").as_str())
    );
    assert_eq!(
        std::fs::read(dir.path().join("cll_1.webm")).unwrap(),
        b"webm bytes"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let dry = Altur::new()
        .against(&server)
        .args(["call", "recording", "cll_1", "--dry-run"])
        .current_dir(elsewhere.path())
        .run();
    dry.success();
    assert!(
        dry.stdout.contains("--header 'Accept: */*'"),
        "{}",
        dry.stdout
    );
    assert!(!dry.stdout.contains("application/json"), "{}", dry.stdout);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn file_names_and_stdout_are_checked_before_sending() {
    let server = AudioServer::serving(recording("audio/wav", 3, 10_000));
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/folder/x.wav");
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--file"])
        .arg(&missing)
        .run()
        .code(2)
        .stderr_has("does not exist");
    let taken = dir.path().join("taken.wav");
    std::fs::write(&taken, b"keep me").unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--file"])
        .arg(&taken)
        .run()
        .code(2)
        .stderr_has("exists");
    assert_eq!(std::fs::read(&taken).unwrap(), b"keep me");
    assert!(server.seen().is_empty());

    // --file PATH keeps the name given; - writes the bytes to stdout.
    let chosen = dir.path().join("chosen.audio");
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--file"])
        .arg(&chosen)
        .run()
        .success();
    assert_recording(&chosen, 3, 10_000);
    let run = Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--file", "-"])
        .run();
    run.success();
    assert!(
        run.stdout_bytes == bytes_of(3, 10_000),
        "stdout is not the recording"
    );
}

#[test]
fn a_call_without_a_recording_is_exit_3_and_leaves_nothing() {
    let server = AudioServer::serving(Audio::Json(
        404,
        r#"{"error":404,"message":"call cll_1 has no recording"}"#.into(),
    ));
    let dir = tempfile::tempdir().unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1"])
        .current_dir(dir.path())
        .run()
        .code(3)
        .stderr_has("has no recording");
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_download_cut_mid_body_leaves_no_file_and_exits_7() {
    let server = AudioServer::serving(Audio::Recording(Rec {
        cut_at: Some(150_000),
        ..rec("audio/wav", 1, 400_000)
    }));
    let dir = tempfile::tempdir().unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--retries", "1"])
        .current_dir(dir.path())
        .run()
        .code(7)
        .stderr_has("the download was cut after 150000 of 400000 bytes")
        .stderr_has("downloading again");
    // Fetched again once from the start, then given up: no file, no leftover.
    assert_eq!(server.count("/call/cll_1/recording"), 2);
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

/// Peak resident memory of `altur call recording` downloading `len` bytes, in KiB, from the
/// kernel's own account of the process (wait4's ru_maxrss), as GNU time(1) reports it (`%M`).
fn peak_rss_kib(server: &AudioServer, dir: &Path, id: &str) -> i64 {
    let report = dir.join(format!("{id}.rss"));
    let report_arg = report.to_str().unwrap();
    let run = Altur::under(&["time", "--format", "%M", "--output", report_arg])
        .against_url(&server.url())
        .args(["call", "recording", id])
        .current_dir(dir)
        .run();
    run.success();
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::remove_file(&report).unwrap();
    text.trim()
        .parse()
        .unwrap_or_else(|e| panic!("time(1) said {text:?}: {e}"))
}

#[test]
fn ctrl_c_during_a_download_leaves_no_file() {
    let server = AudioServer::serving(Audio::Recording(Rec {
        stall_at: Some(100_000),
        ..rec("audio/wav", 1, 400_000)
    }));
    let dir = tempfile::tempdir().unwrap();
    let child = Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1"])
        .current_dir(dir.path())
        .spawn();
    // The temporary file has the first 100,000 bytes: the download is under way.
    wait_until(Duration::from_secs(30), || {
        std::fs::read_dir(dir.path()).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name().to_string_lossy().ends_with(".altur.part")
                && e.metadata().unwrap().len() == 100_000
        })
    });
    send_signal(child.id(), "INT");
    child.finish().code(130).stderr_has("nothing was saved");
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

/// A server that has not answered yet does not keep Ctrl-C waiting for `--timeout`: the
/// request is a GET and nothing is written before its head, so it is given up at once.
#[test]
fn ctrl_c_before_the_answer_ends_a_recording_at_once_with_no_file() {
    let arrived = Arc::new(AtomicBool::new(false));
    let release = Arc::new(AtomicBool::new(false));
    let server = {
        let (arrived, release) = (arrived.clone(), release.clone());
        HandlerServer::new(move |_, _| {
            arrived.store(true, Ordering::SeqCst);
            while !release.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(10));
            }
            Reply::json(404, "{}".to_owned())
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let child = Altur::new()
        .against_url(&server.url())
        .args([
            "call",
            "recording",
            "cll_1",
            "--timeout",
            "600",
            "-o",
            "json",
        ])
        .current_dir(dir.path())
        .spawn();
    wait_until(Duration::from_secs(30), || arrived.load(Ordering::SeqCst));
    send_signal(child.id(), "INT");
    let started = std::time::Instant::now();
    let run = child.finish();
    let waited = started.elapsed();
    release.store(true, Ordering::SeqCst);
    let stderr = &run.stderr;
    run.code(130);
    // Far below the 600 s of --timeout: the stop did not wait for the answer.
    assert!(waited < Duration::from_secs(20), "{waited:?}");
    let error: Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
    assert_eq!(error["error"]["kind"], "interrupted", "{stderr}");
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn a_50_mb_recording_streams_in_flat_memory() {
    const SMALL: u64 = 1 << 20;
    const LARGE: u64 = 50 << 20;
    let server = AudioServer::new(|path| {
        let len = if path.contains("large") { LARGE } else { SMALL };
        Audio::Recording(Rec {
            chunked: true,
            ..rec("audio/ogg", 5, len)
        })
    });
    let dir = tempfile::tempdir().unwrap();
    let small = peak_rss_kib(&server, dir.path(), "small");
    let large = peak_rss_kib(&server, dir.path(), "large");
    assert_recording(&dir.path().join("small.ogg"), 5, SMALL);
    assert_recording(&dir.path().join("large.ogg"), 5, LARGE);
    eprintln!("peak RSS: 1 MiB download {small} KiB, 50 MiB download {large} KiB");
    assert!(
        large - small < 4 * 1024,
        "peak RSS grew with the size: {small} KiB for 1 MiB, {large} KiB for 50 MiB"
    );
}

// ---------------------------------------------------------------------------------------
// call recordings

/// A campaign listing of `count` calls in pages of up to 100, each with a relative recording
/// URL; calls whose number is a multiple of 5 are busy (no recording).
fn listing(path: &str, count: u64) -> Option<Audio> {
    let rest = path.strip_prefix("/campaigns/7/calls?")?;
    let index: u64 = rest
        .split('&')
        .find_map(|pair| pair.strip_prefix("pageIndex="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let first = index * 100 + 1;
    let last = (first + 99).min(count);
    let calls: Vec<Value> = (first..=last)
        .map(|n| {
            if n % 5 == 0 {
                json!({"id": format!("cll_{n}"), "status": "busy"})
            } else {
                json!({"id": format!("cll_{n}"), "status": "ended",
                       "recording_url": format!("/api/v1.0/call/cll_{n}/recording")})
            }
        })
        .collect();
    let body = json!({"total_count": count, "calls": calls,
                      "pagination": {"page_index": index, "page_size": 100, "has_next": last < count}});
    Some(Audio::Json(200, body.to_string()))
}

fn call_number(path: &str) -> Option<u64> {
    path.strip_prefix("/call/cll_")?
        .strip_suffix("/recording")?
        .parse()
        .ok()
}

fn size_of(n: u64) -> u64 {
    20_000 + n * 1_000
}

/// The listing of a campaign of `count` calls, whose call `n` gets `answer(n)` for its recording;
/// any other request gets a 599.
fn campaign_server(
    count: u64,
    answer: impl Fn(u64) -> Audio + Send + Sync + 'static,
) -> AudioServer {
    AudioServer::new(move |path| {
        if let Some(page) = listing(path, count) {
            return page;
        }
        match call_number(path) {
            Some(n) => answer(n),
            None => Audio::Json(599, "{}".into()),
        }
    })
}

/// A campaign of `count` calls with WAV recordings of `size_of(n)` bytes.
fn wav_campaign(count: u64) -> AudioServer {
    campaign_server(count, |n| recording("audio/wav", n, size_of(n)))
}

#[test]
fn recordings_come_in_listing_order_byte_for_byte() {
    let server = campaign_server(130, |n| match n {
        13 => Audio::Json(404, r#"{"error":404,"message":"gone"}"#.into()),
        14 => Audio::Json(500, r#"{"error":500,"message":"boom"}"#.into()),
        n => recording("audio/wav", n, size_of(n)),
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("recs");
    let run = Altur::new()
        .against_url(&server.url())
        .args([
            "call",
            "recordings",
            "--campaign",
            "7",
            "--concurrency",
            "8",
            "--retries",
            "0",
            "--dir",
        ])
        .arg(&out)
        .run();
    run.code(9)
        .stderr_has("recordings: 102 downloaded")
        .stderr_has("27 without a recording, 1 failed");
    let results: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 130);
    for (i, result) in results.iter().enumerate() {
        let n = i as u64 + 1;
        assert_eq!(result["call"], format!("cll_{n}"));
        let expected = match n {
            13 => "none",
            14 => "failed",
            n if n % 5 == 0 => "none",
            _ => "downloaded",
        };
        assert_eq!(result["status"], expected, "{result}");
        if expected == "downloaded" {
            assert_eq!(result["bytes"], size_of(n));
            assert_recording(&out.join(format!("cll_{n}.wav")), n, size_of(n));
        }
    }
    // Busy calls were not asked for; nothing is left half-written.
    assert_eq!(server.count("/call/cll_5/recording"), 0);
    assert!(names_in(&out).iter().all(|name| name.ends_with(".wav")));
    assert_eq!(names_in(&out).len(), 102);
}

#[test]
fn recording_urls_elsewhere_are_not_followed() {
    let server = AudioServer::new(|path| {
        match path {
        p if p.starts_with("/campaigns/7/calls") => Audio::Json(
            200,
            json!({"calls": [
                {"id": "cll_1", "status": "ended", "recording_url": "https://evil.example/steal?k=1"},
                {"id": "cll_2", "status": "ended", "recording_url": "/api/v1.0/recordings/two.mp3"},
            ], "pagination": {"page_index": 0, "has_next": false}})
            .to_string(),
        ),
        "/call/cll_1/recording" => recording("audio/mpeg", 1, 1_000),
        "/recordings/two.mp3" => recording("audio/mpeg", 2, 2_000),
        _ => Audio::Json(599, "{}".into()),
    }
    });
    let dir = tempfile::tempdir().unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recordings", "--campaign", "7", "--dir"])
        .arg(dir.path())
        .run()
        .success();
    let mut seen = server.seen();
    seen.sort();
    assert_eq!(
        seen,
        [
            "/call/cll_1/recording",
            "/campaigns/7/calls?pageSize=100&pageIndex=0",
            "/recordings/two.mp3"
        ]
    );
    assert_recording(&dir.path().join("cll_1.mp3"), 1, 1_000);
    assert_recording(&dir.path().join("cll_2.mp3"), 2, 2_000);
}

fn spawn_recordings(url: &str, dir: &Path) -> Spawned {
    Altur::new()
        .against_url(url)
        .args([
            "call",
            "recordings",
            "--campaign",
            "7",
            "--concurrency",
            "4",
            "--dir",
        ])
        .arg(dir)
        .spawn()
}

/// The first run: calls 1-10 download, calls from 11 on stall halfway, so four downloads are
/// in flight (temporary files with half their bytes) when the run is stopped.
fn stalling_server() -> AudioServer {
    campaign_server(40, |n| {
        if n > 10 {
            Audio::Recording(Rec {
                stall_at: Some(size_of(n) / 2),
                ..rec("audio/wav", n, size_of(n))
            })
        } else {
            recording("audio/wav", n, size_of(n))
        }
    })
}

fn stalled(server: &AudioServer) -> usize {
    server
        .seen()
        .iter()
        .filter(|p| call_number(p).is_some_and(|n| n > 10))
        .count()
}

#[test]
fn recordings_resume_after_kill_9_downloading_nothing_twice() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("recs");
    let first = stalling_server();
    let mut child = spawn_recordings(&first.url(), &out);
    wait_until(Duration::from_secs(30), || stalled(&first) == 4);
    let partial = || {
        names_in(&out)
            .iter()
            .filter(|n| n.ends_with(".altur.part"))
            .count()
    };
    wait_until(Duration::from_secs(30), || partial() == 4);
    send_signal(child.id(), "KILL");
    child.wait().unwrap();
    let complete: Vec<String> = names_in(&out)
        .into_iter()
        .filter(|n| n.ends_with(".wav"))
        .collect();
    assert_eq!(complete.len(), 8, "{complete:?}"); // 1-10 but the busy 5 and 10

    let second = wav_campaign(40);
    let run = Altur::new()
        .against_url(&second.url())
        .args(["call", "recordings", "--campaign", "7", "--dir"])
        .arg(&out)
        .run();
    run.success()
        .stderr_has("removed 4 partial download(s)")
        .stderr_has("recordings: 24 downloaded");
    for n in 1..=10 {
        assert_eq!(
            second.count(&format!("/call/cll_{n}/recording")),
            0,
            "cll_{n} again"
        );
    }
    for n in (1..=40).filter(|n| n % 5 != 0) {
        assert_recording(&out.join(format!("cll_{n}.wav")), n, size_of(n));
    }
    assert_eq!(names_in(&out).len(), 32);
    let skipped = run
        .stdout
        .lines()
        .filter(|l| l.contains("\"skipped\""))
        .count();
    assert_eq!(skipped, 8);
}

#[test]
fn ctrl_c_removes_the_downloads_in_flight_and_exits_130() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("recs");
    let server = stalling_server();
    let child = spawn_recordings(&server.url(), &out);
    wait_until(Duration::from_secs(30), || stalled(&server) == 4);
    wait_until(Duration::from_secs(30), || {
        names_in(&out)
            .iter()
            .filter(|n| n.ends_with(".altur.part"))
            .count()
            == 4
    });
    send_signal(child.id(), "INT");
    let run = child.finish();
    run.code(130)
        .stderr_has("run the same command again to resume");
    assert!(
        names_in(&out).iter().all(|n| n.ends_with(".wav")),
        "{:?}",
        names_in(&out)
    );
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.contains("\"downloaded\""))
            .count(),
        8
    );
}

#[test]
fn recordings_refuse_a_dry_run_and_a_busy_folder() {
    let home = tempfile::tempdir().unwrap();
    Altur::new()
        .against_url("http://127.0.0.1:9/api/v1.0")
        .args([
            "call",
            "recordings",
            "--campaign",
            "7",
            "--dir",
            "x",
            "--dry-run",
        ])
        .run()
        .code(2)
        .stderr_has("--dry-run does not apply to call recordings");
    Altur::new()
        .against_url("http://127.0.0.1:9/api/v1.0")
        .args([
            "call",
            "recordings",
            "--campaign",
            "7",
            "--dir",
            "x",
            "--concurrency",
            "17",
        ])
        .run()
        .code(2);
    let out = home.path().join("recs");
    let server = stalling_server();
    let mut child = spawn_recordings(&server.url(), &out);
    wait_until(Duration::from_secs(30), || stalled(&server) == 4);
    let other = AudioServer::serving(Audio::Json(599, "{}".into()));
    Altur::new()
        .against_url(&other.url())
        .args(["call", "recordings", "--campaign", "7", "--dir"])
        .arg(&out)
        .run()
        .code(2)
        .stderr_has("another altur run is downloading into");
    assert!(other.seen().is_empty());
    child.kill().unwrap();
    child.wait().unwrap();
}

// ---------------------------------------------------------------------------------------
// Against the sandbox

#[test]
fn a_sandbox_call_walks_to_ended_and_has_a_wav_recording() {
    let sandbox = Sandbox::start(&["--call-seconds", "0.3"]);
    let dir = tempfile::tempdir().unwrap();
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "start",
            "--agent",
            AGENT,
            "--to",
            "+52 55 1234 5678",
            "--wait",
        ])
        .args(["--interval", "0.05", "-o", "json"])
        .run();
    run.success().stderr_has(": ended");
    let call = run.json();
    assert_eq!(call["status"], "ended");
    assert_eq!(call["answered_by"], "human");
    let id = call["id"].as_str().unwrap();
    Altur::new()
        .against_sandbox(&sandbox)
        .args(["call", "recording", id])
        .current_dir(dir.path())
        .run()
        .success();
    let wav = std::fs::read(dir.path().join(format!("{id}.wav"))).unwrap();
    assert_eq!(&wav[..4], b"RIFF");
    assert_eq!(&wav[8..12], b"WAVE");

    // 0000 ends busy, without a recording.
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "start",
            "--agent",
            AGENT,
            "--to",
            "+525512340000",
            "--wait",
        ])
        .args(["--interval", "0.05", "-o", "json"])
        .run();
    run.success();
    let busy = run.json();
    assert_eq!(busy["status"], "busy");
    Altur::new()
        .against_sandbox(&sandbox)
        .args(["call", "recording", busy["id"].as_str().unwrap()])
        .current_dir(dir.path())
        .run()
        .code(3)
        .stderr_has("without being answered");
}

#[test]
fn the_sandbox_campaign_lists_and_downloads_its_calls() {
    let sandbox = Sandbox::start(&[]);
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "list",
            "--campaign",
            "4821",
            "--all",
            "-o",
            "ndjson",
        ])
        .run();
    run.success();
    let calls: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(calls.len(), 24);
    let mut by_status: HashMap<String, usize> = HashMap::new();
    for call in &calls {
        *by_status
            .entry(call["status"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(by_status["ended"], 17);
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "list",
            "--campaign",
            "4821",
            "--answered-by",
            "machine",
            "-o",
            "id",
        ])
        .run();
    run.success();
    assert_eq!(run.stdout.lines().count(), 3);
    // Dates reach the sandbox intact: `:` and `+` are percent-encoded on the way.
    for (flag, date, count) in [
        ("--since", "2000-01-01T00:00:00+00:00", 24),
        ("--until", "2000-01-01T00:00:00Z", 0),
    ] {
        let run = Altur::new()
            .against_sandbox(&sandbox)
            .args([
                "call",
                "list",
                "--campaign",
                "4821",
                "--all",
                "-o",
                "id",
                flag,
                date,
            ])
            .run();
        run.success();
        assert_eq!(run.stdout.lines().count(), count, "{flag} {date}");
    }
    Altur::new()
        .against_sandbox(&sandbox)
        .args(["call", "list", "--campaign", "999"])
        .run()
        .code(3)
        .stderr_has("campaign 999 not found");

    let dir = tempfile::tempdir().unwrap();
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "recordings",
            "--campaign",
            "4821",
            "--status",
            "ended",
            "--dir",
        ])
        .arg(dir.path())
        .run();
    run.success().stderr_has("recordings: 17 downloaded");
    assert_eq!(names_in(dir.path()).len(), 17);
    let again = Altur::new()
        .against_sandbox(&sandbox)
        .args(["call", "recordings", "--campaign", "4821", "--dir"])
        .arg(dir.path())
        .run();
    again
        .success()
        .stderr_has("0 downloaded (0 B), 17 skipped, 7 without a recording, 0 failed");
}

/// Under `-o json`, Ctrl-C while following a call prints one JSON error whose hint says how to
/// follow it again; `call start --wait` says the same once the call is placed.
#[test]
fn ctrl_c_while_waiting_under_json_says_how_to_follow_in_the_hint() {
    for args in [
        vec!["call", "wait", "cll_1"],
        vec![
            "call",
            "start",
            "--agent",
            AGENT,
            "--to",
            "+525512345678",
            "--wait",
        ],
    ] {
        let server = answering_always("cll_1", "ringing");
        let child = Altur::new()
            .against_url(&server.url())
            .args(&args)
            .args(["--interval", "0.05", "-o", "json"])
            .spawn();
        wait_until(Duration::from_secs(30), || server.requests().len() >= 3);
        send_signal(child.id(), "INT");
        let run = child.finish();
        let stderr = &run.stderr;
        run.code(130);
        let last = stderr.lines().last().unwrap_or_default();
        let error: serde_json::Value = serde_json::from_str(last).expect(stderr);
        assert_eq!(error["error"]["kind"], "interrupted", "{stderr}");
        assert_eq!(
            error["error"]["hint"],
            "the call goes on; follow it again with: altur call wait cll_1"
        );
    }
}

/// Ids are types clap parses: a campaign id is refused with the same words by every command,
/// and a dot segment or a backslash never becomes part of a path.
#[test]
fn ids_are_refused_alike_by_every_command_and_dot_segments_never_sent() {
    let server = Server::new([]);
    let refusal = |args: &[&str]| {
        let run = Altur::new().against(&server).args(args).run();
        run.code(2).stdout_empty();
        run.stderr
            .lines()
            .next()
            .unwrap_or_default()
            .split(": ")
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    let call_list = refusal(&["call", "list", "--campaign", "abc"]);
    assert_eq!(call_list, "campaign ids are positive integers");
    for args in [
        &["contact", "list", "--campaign", "abc"][..],
        &["campaign", "get", "abc"],
        &["call", "recordings", "--campaign", "abc"],
    ] {
        assert_eq!(refusal(args), call_list, "{args:?}");
    }
    for (args, why) in [
        (
            &["call", "recording", ".."][..],
            "'..' would be read as a path step, not an id",
        ),
        (
            &["call", "get", "."],
            "'.' would be read as a path step, not an id",
        ),
        (&["call", "wait", "a\\b"], "ids hold no '\\'"),
        (
            &["message", "list", ".."],
            "'..' would be read as a path step, not an id",
        ),
        (
            &["thread", "get", ".."],
            "'..' would be read as a path step, not an id",
        ),
    ] {
        assert_eq!(refusal(args), why, "{args:?}");
    }
    assert!(server.requests().is_empty());
}

// ---------------------------------------------------------------------------------------
// the recordings fixes of the third review (contract section 20, Safety)

#[test]
fn an_empty_file_under_a_final_name_is_downloaded_again() {
    let server = wav_campaign(3);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cll_1.wav"), b"").unwrap();
    std::fs::write(dir.path().join("cll_2.wav"), b"complete").unwrap();
    let run = Altur::new()
        .against_url(&server.url())
        .args(["call", "recordings", "--campaign", "7", "--dir"])
        .arg(dir.path())
        .run();
    run.success();
    let statuses: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["status"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(statuses, ["downloaded", "skipped", "downloaded"]);
    assert_recording(&dir.path().join("cll_1.wav"), 1, size_of(1));
    assert_eq!(server.count("/call/cll_1/recording"), 1);
    assert_eq!(server.count("/call/cll_2/recording"), 0);
    // `call recording` alike: the empty file is no reason to refuse.
    std::fs::write(dir.path().join("cll_3.wav"), b"").unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_3"])
        .current_dir(dir.path())
        .run()
        .success();
    assert_recording(&dir.path().join("cll_3.wav"), 3, size_of(3));
}

#[test]
fn timeout_bounds_each_chunk_not_the_whole_body() {
    // 8 chunks 400 ms apart: 2.8 s in all, more than --timeout 1, each within it.
    let server = AudioServer::serving(Audio::Recording(Rec {
        pace: Some((10_000, Duration::from_millis(400))),
        ..rec("audio/wav", 9, 80_000)
    }));
    let dir = tempfile::tempdir().unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--timeout", "1"])
        .current_dir(dir.path())
        .run()
        .success();
    assert_recording(&dir.path().join("cll_1.wav"), 9, 80_000);
    // A chunk that never comes is still a timeout.
    let stalled = AudioServer::serving(Audio::Recording(Rec {
        stall_at: Some(10_000),
        ..rec("audio/wav", 9, 80_000)
    }));
    Altur::new()
        .against_url(&stalled.url())
        .args([
            "call",
            "recording",
            "cll_2",
            "--timeout",
            "1",
            "--retries",
            "0",
        ])
        .current_dir(dir.path())
        .run()
        .code(7)
        .stderr_has("no data for 1 s");
    assert_eq!(names_in(dir.path()), ["cll_1.wav"]);
}

#[test]
fn a_recording_on_stdout_goes_through_the_redactor() {
    let server = AudioServer::serving(Audio::Json(200, format!("RIFF....{KEY}....data")));
    // The harness fails the test if the key reaches stdout or stderr.
    let run = Altur::new()
        .against_url(&server.url())
        .args(["call", "recording", "cll_1", "--file", "-"])
        .run();
    run.success();
    assert!(run.stdout.starts_with("RIFF....") && run.stdout.ends_with("....data"));
}

#[test]
fn a_listed_call_whose_id_is_the_key_makes_no_file_and_no_request() {
    let server = AudioServer::new(|path| {
        if path.starts_with("/campaigns/7/calls") {
            let calls = json!([
                {"id": KEY, "status": "ended"},
                {"id": "cll_2", "status": "ended"},
            ]);
            return Audio::Json(
                200,
                json!({"calls": calls, "pagination": {"has_next": false}}).to_string(),
            );
        }
        recording("audio/mpeg", 2, 1_000)
    });
    let dir = tempfile::tempdir().unwrap();
    let run = Altur::new()
        .against_url(&server.url())
        .args(["call", "recordings", "--campaign", "7", "--dir"])
        .arg(dir.path())
        .run();
    run.code(9);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["status"], "failed");
    assert_eq!(lines[1]["status"], "downloaded");
    assert_eq!(names_in(dir.path()), ["cll_2.mp3"]);
    assert!(
        server.seen().iter().all(|p| !p.contains("LEAKCHECK")),
        "{:?}",
        server.seen()
    );
}

#[test]
fn a_closed_stdout_stops_recordings_with_130_and_no_partial_file() {
    let server = campaign_server(200, |n| recording("audio/wav", n, size_of(n) * 10));
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("recs");
    let mut child = spawn_recordings(&server.url(), &out);
    // `| head -1`: one line read, then the reader goes away.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let run = child.finish();
    run.code(130).stderr_has("stdout was closed");
    assert!(
        run.stderr.contains("recordings: "),
        "no summary: {}",
        run.stderr
    );
    let names = names_in(&out);
    assert!(
        names.iter().all(|n| !n.ends_with(".altur.part")),
        "{names:?}"
    );
    assert!(names.len() < 160, "it went on: {} files", names.len());
    for name in names {
        let n: u64 = name
            .trim_start_matches("cll_")
            .trim_end_matches(".wav")
            .parse()
            .unwrap();
        assert_recording(&out.join(&name), n, size_of(n) * 10);
    }
}

/// Text as a terminal shows it: escape sequences dropped, each line as its last `\r` left it.
fn as_shown(raw: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        plain.push(c);
    }
    plain
        .split('\n')
        .map(|line| {
            line.trim_end_matches('\r')
                .rsplit('\r')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

#[test]
fn on_a_terminal_the_spinner_is_cleared_before_each_result_line() {
    let server = campaign_server(8, |n| {
        Audio::Recording(Rec {
            pace: Some((5_000, Duration::from_millis(150))),
            ..rec("audio/wav", n, 20_000)
        })
    });
    let home = tempfile::tempdir().unwrap();
    let command = format!(
        "altur call recordings --campaign 7 --concurrency 1 --dir {}",
        home.path().join("recs").display()
    );
    // script(1) runs it on a pseudo-terminal: stdout and stderr are one terminal.
    let run = Altur::program("script", ["-qec", &command, "/dev/null"])
        .env("SHELL", "/bin/sh")
        .env("TERM", "xterm")
        .against_url(&server.url())
        .run();
    let raw = &run.stdout;
    assert!(raw.contains("calls"), "no spinner was drawn: {raw:?}");
    let results: Vec<String> = as_shown(raw)
        .into_iter()
        .filter(|line| line.contains("{\"call\""))
        .collect();
    assert_eq!(results.len(), 8, "{raw:?}");
    for line in results {
        assert!(line.starts_with("{\"call\""), "{line:?}");
    }
}
