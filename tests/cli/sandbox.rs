//! `altur sandbox serve | exec`, through the binary. Raw requests go over real keep-alive
//! connections, and every answer is checked against the API spec (see `spec`).

mod campaigns;
mod hostile;
mod scenario;
mod spec;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process, kill_process_group};
use serde_json::{Value, json};

use crate::support::{Altur, KEY, Sandbox, Spawned, path_with_altur};

const ENDUSER: &str = "/api/v1.0/enduser";
const MIB: usize = 1024 * 1024;

/// One keep-alive connection to a sandbox.
struct Http {
    reader: BufReader<TcpStream>,
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("the answer is JSON")
    }

    fn message(&self) -> String {
        self.json()["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Http {
    fn connect(sandbox: &Sandbox) -> Http {
        Http::connect_to(&sandbox.address())
    }

    fn connect_to(address: &str) -> Http {
        let stream = TcpStream::connect(address).expect("the sandbox accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        Http {
            reader: BufReader::new(stream),
        }
    }

    /// A request with the right key.
    fn call(&mut self, method: &str, path: &str, body: Option<&str>) -> Answer {
        let auth = format!("api-key {KEY}");
        self.send(
            method,
            path,
            &[("Authorization", auth.as_str())],
            body.map(str::as_bytes),
        )
    }

    /// Sends one request and reads its answer, which must match the spec.
    #[track_caller]
    fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Answer {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: sandbox\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = body {
            head.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        head.push_str("\r\n");
        let stream = self.reader.get_mut();
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.unwrap_or_default()).unwrap();
        let answer = self.read_answer();
        spec::check_answer(method, path, answer.status, &answer.body);
        answer
    }

    fn read_answer(&mut self) -> Answer {
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("a status line");
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {line:?}"));
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.parse().unwrap())
            .expect("answers have a Content-Length");
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).unwrap();
        Answer {
            status,
            headers,
            body: String::from_utf8(body).unwrap(),
        }
    }
}

fn create(http: &mut Http, body: &str) -> Value {
    let answer = http.call("POST", ENDUSER, Some(body));
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()
}

#[test]
fn serve_prints_where_it_listens_and_stops_cleanly_on_sigint_and_sigterm() {
    let sandbox = Sandbox::start(&[]);
    assert!(sandbox.url().starts_with("http://127.0.0.1:"));
    assert!(sandbox.url().ends_with("/api/v1.0"));
    let stderr = sandbox.stderr();
    assert!(
        stderr.contains(&format!(
            "listening on {} (key: from --api-key)",
            sandbox.url()
        )),
        "{stderr}"
    );
    let (code, stderr) = sandbox.stop(Signal::TERM);
    assert_eq!(code, Some(0));
    assert!(
        stderr.ends_with("altur sandbox: stopped (SIGTERM)\n"),
        "{stderr}"
    );

    // The default key is public, so the ready line names it.
    let sandbox = Sandbox::start(&["--api-key", "sandbox"]);
    assert!(sandbox.stderr().contains("(key: sandbox)"));
    let (code, stderr) = sandbox.stop(Signal::INT);
    assert_eq!(code, Some(0));
    assert!(
        stderr.ends_with("altur sandbox: stopped (SIGINT)\n"),
        "{stderr}"
    );
}

#[test]
fn only_the_api_key_header_with_the_sandbox_key_gets_in() {
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    let path = format!("{ENDUSER}/{}", crate::support::ID);
    let cases = [
        (vec![], "missing Authorization header"),
        (
            vec![("Authorization", format!("Bearer {KEY}"))],
            "must have the form 'api-key <KEY>'",
        ),
        (
            vec![("Authorization", "api-key wrong".to_owned())],
            "invalid API key",
        ),
        (
            vec![("Authorization", KEY.to_owned())],
            "must have the form",
        ),
    ];
    for (headers, message) in cases {
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let answer = http.send("GET", &path, &headers, None);
        assert_eq!(answer.status, 401, "{headers:?}");
        assert!(answer.message().contains(message), "{}", answer.body);
        assert!(!answer.body.contains(KEY));
    }
    let answer = http.send(
        "POST",
        ENDUSER,
        &[("Authorization", "api-key nope")],
        Some(br#"{"display_name":"Ada"}"#),
    );
    assert_eq!(answer.status, 401);
    // The right key passes: an unknown id is then a 404.
    assert_eq!(http.call("GET", &path, None).status, 404);
    let (_, stderr) = sandbox.stop(Signal::TERM);
    assert_eq!(stderr.matches(" 401 ").count(), 5, "{stderr}");
}

#[test]
fn bodies_are_validated_like_the_spec() {
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    let cases = [
        ("not json", "the body is not valid JSON: expected ident"),
        ("", "the body is not valid JSON: EOF while parsing"),
        (
            "[1]",
            "expected a JSON object with the fields display_name and info, found an array",
        ),
        (
            "\"Ada\"",
            "expected a JSON object with the fields display_name and info, found a string",
        ),
        (
            r#"{"display_name":7}"#,
            "field 'display_name' must be a string, found a number",
        ),
        (
            r#"{"display_name":"A","info":null}"#,
            "field 'info' must be a string, found null",
        ),
        (
            r#"{"display_name":"A","email":"a@b"}"#,
            "unknown field 'email' (known fields: display_name, info)",
        ),
        (r#"{"info":"x"}"#, "display_name is required"),
        (r#"{"display_name":"  "}"#, "display_name must not be blank"),
    ];
    for (body, message) in cases {
        let answer = http.call("POST", ENDUSER, Some(body));
        assert_eq!(answer.status, 400, "{body}: {}", answer.body);
        assert!(
            answer.message().starts_with(message),
            "{body}: {}",
            answer.body
        );
    }
    // PUT validates the same way, and a blank name is refused there too.
    let ada = create(&mut http, r#"{"display_name":"Ada"}"#);
    let path = format!("{ENDUSER}/{}", ada["id"].as_str().unwrap());
    for (body, message) in [
        ("{", "the body is not valid JSON"),
        (r#"{"info":1}"#, "field 'info' must be a string"),
        (r#"{"nick":"A"}"#, "unknown field 'nick'"),
        (r#"{"display_name":""}"#, "display_name must not be blank"),
    ] {
        let answer = http.call("PUT", &path, Some(body));
        assert_eq!(answer.status, 400, "{body}: {}", answer.body);
        assert!(
            answer.message().starts_with(message),
            "{body}: {}",
            answer.body
        );
    }
    assert_eq!(http.call("GET", &path, None).json(), ada, "nothing changed");
}

#[test]
fn unknown_ids_paths_and_methods_get_error_bodies() {
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    let unknown = format!("{ENDUSER}/{}", crate::support::ID);
    let answer = http.call("GET", &unknown, None);
    assert_eq!(answer.status, 404);
    assert_eq!(
        answer.message(),
        format!("no EndUser with id '{}'", crate::support::ID)
    );
    assert_eq!(
        http.call("PUT", &unknown, Some(r#"{"info":"x"}"#)).status,
        404
    );
    assert_eq!(
        http.call("GET", &format!("{ENDUSER}/not-a-uuid"), None)
            .status,
        404
    );
    for path in [
        "/",
        "/api/v1.0",
        "/api/v1.0/endusers",
        "/api/v2.0/enduser",
        "/api/v1.0/enduser/a/b",
    ] {
        let answer = http.call("GET", path, None);
        assert_eq!(answer.status, 404, "{path}");
        assert!(
            answer.message().starts_with("no such path"),
            "{}",
            answer.body
        );
    }
    let answer = http.call("GET", ENDUSER, None);
    assert_eq!(answer.status, 405);
    assert_eq!(answer.header("Allow"), Some("POST"));
    let answer = http.call("DELETE", &unknown, None);
    assert_eq!(answer.status, 405);
    assert_eq!(answer.header("Allow"), Some("GET, PUT"));
    assert_eq!(
        answer.message(),
        "method DELETE is not allowed here (allowed: GET, PUT)"
    );
}

#[test]
fn bodies_over_one_mib_are_refused_with_413() {
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    // Exactly 1 MiB is accepted.
    let frame = r#"{"display_name":"Ada","info":""}"#;
    let body = format!(
        r#"{{"display_name":"Ada","info":"{}"}}"#,
        "x".repeat(MIB - frame.len())
    );
    assert_eq!(body.len(), MIB);
    assert_eq!(
        create(&mut http, &body)["info"].as_str().unwrap().len(),
        MIB - frame.len()
    );
    let body = format!(r#"{{"display_name":"Ada","info":"{}"}}"#, "x".repeat(MIB));
    let answer = http.call("POST", ENDUSER, Some(&body));
    assert_eq!(answer.status, 413);
    assert_eq!(
        answer.message(),
        "the body is larger than the server's limit of 1048576 bytes"
    );
    // Without a Content-Length (chunked), the limit holds while reading.
    let chunk = "y".repeat(64 * 1024);
    let mut chunked = String::new();
    for _ in 0..17 {
        chunked.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    chunked.push_str("0\r\n\r\n");
    let auth = format!("api-key {KEY}");
    let stream = http.reader.get_mut();
    stream
        .write_all(
            format!(
                "PUT {ENDUSER}/{} HTTP/1.1\r\nHost: s\r\nAuthorization: {auth}\r\nTransfer-Encoding: chunked\r\n\r\n{chunked}",
                crate::support::ID
            )
            .as_bytes(),
        )
        .unwrap();
    let answer = http.read_answer();
    spec::check_answer("PUT", "/api/v1.0/enduser/x", answer.status, &answer.body);
    assert_eq!(answer.status, 413);
}

#[test]
fn create_get_and_update_over_one_keep_alive_connection() {
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    let ada = create(
        &mut http,
        r#"{"display_name":"Ada","info":"Prefers email"}"#,
    );
    let id = ada["id"].as_str().unwrap().to_owned();
    assert_eq!(
        ada,
        json!({"id": id, "display_name": "Ada", "integration_type": "api", "info": "Prefers email"})
    );
    let bob = create(&mut http, r#"{"display_name":"Bob"}"#);
    assert_ne!(bob["id"], ada["id"]);
    assert!(bob.get("info").is_none(), "no info unless sent: {bob}");
    let path = format!("{ENDUSER}/{id}");
    assert_eq!(http.call("GET", &path, None).json(), ada);
    // PUT changes only the fields sent.
    let renamed = http.call("PUT", &path, Some(r#"{"display_name":"Ada Lovelace"}"#));
    assert_eq!(renamed.status, 200);
    assert_eq!(renamed.json()["info"], "Prefers email");
    let moved = http
        .call("PUT", &path, Some(r#"{"info":"Prefers post"}"#))
        .json();
    assert_eq!(
        moved,
        json!({"id": id, "display_name": "Ada Lovelace", "integration_type": "api", "info": "Prefers post"})
    );
    assert_eq!(http.call("PUT", &path, Some("{}")).json(), moved);
    assert_eq!(http.call("GET", &path, None).json(), moved);
    // A query string does not change the route.
    assert_eq!(http.call("GET", &format!("{path}?x=1"), None).json(), moved);
    drop(http);
    // One log line per request: method, path, status, time.
    let stderr = sandbox.wait_for_stderr(&format!("GET {path}?x=1 200 "));
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(" /api/")).collect();
    assert_eq!(lines.len(), 8, "{stderr}");
    assert!(
        lines[0].starts_with("altur sandbox: POST /api/v1.0/enduser 200 "),
        "{stderr}"
    );
    assert!(lines.iter().all(|l| l.ends_with("ms")), "{stderr}");
}

/// Slow answers overlap: eight creates each wait out a 60 s latency at the same time. Each
/// writes its record to the state file before its latency, so eight lines there mean eight
/// requests in progress at once.
#[test]
fn slow_answers_do_not_hold_up_other_connections() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.jsonl");
    let sandbox = Sandbox::start(&["--latency", "60000", "--state", state.to_str().unwrap()]);
    let auth = format!("api-key {KEY}");
    let body = r#"{"display_name":"A"}"#;
    let _connections: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(sandbox.address()).unwrap();
            write!(
                stream,
                "POST {ENDUSER} HTTP/1.1\r\nHost: s\r\nAuthorization: {auth}\r\n\
                 Content-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
            stream
        })
        .collect();
    crate::support::wait_until(Duration::from_secs(20), || {
        std::fs::read_to_string(&state)
            .unwrap_or_default()
            .lines()
            .count()
            == 9 // the header and eight records
    });
}

#[test]
fn latency_is_added_to_every_answer() {
    let sandbox = Sandbox::start(&["--latency", "300"]);
    let mut http = Http::connect(&sandbox);
    for (method, path) in [
        ("GET", format!("{ENDUSER}/x")),
        ("GET", "/nowhere".to_owned()),
    ] {
        let started = Instant::now();
        let answer = http.call(method, &path, None);
        assert_eq!(answer.status, 404);
        assert!(
            started.elapsed() >= Duration::from_millis(300),
            "{:?}",
            started.elapsed()
        );
    }
    let started = Instant::now();
    assert_eq!(http.send("GET", "/", &[], None).status, 401);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn fail_rate_answers_503_and_the_seed_repeats_the_faults() {
    let sandbox = Sandbox::start(&["--fail-rate", "1"]);
    let mut http = Http::connect(&sandbox);
    let answer = http.call("POST", ENDUSER, Some(r#"{"display_name":"A"}"#));
    assert_eq!(answer.status, 503);
    assert_eq!(
        answer.message(),
        "service unavailable: failure injected by --fail-rate"
    );
    drop(sandbox);

    let statuses = |seed: &str| {
        let sandbox = Sandbox::start(&["--fail-rate", "0.5", "--seed", seed]);
        let mut http = Http::connect(&sandbox);
        (0..40)
            .map(|_| {
                http.call("POST", ENDUSER, Some(r#"{"display_name":"A"}"#))
                    .status
            })
            .collect::<Vec<u16>>()
    };
    let first = statuses("42");
    assert!(first.contains(&200) && first.contains(&503), "{first:?}");
    assert!(first.iter().all(|s| [200, 503].contains(s)));
    assert_eq!(statuses("42"), first, "the same seed gives the same faults");
    assert_ne!(statuses("43"), first);
}

/// `--seed` repeats the faults by the request's sequence number, not its content: a script
/// that sends a fresh UUID in every body fails at the same steps in every run.
#[test]
fn the_seed_repeats_the_faults_for_requests_with_fresh_content() {
    let statuses = |seed: &str| {
        let sandbox = Sandbox::start(&["--fail-rate", "0.3", "--seed", seed]);
        let mut http = Http::connect(&sandbox);
        (0..60)
            .map(|_| {
                let name = uuid::Uuid::new_v4();
                let body = format!(r#"{{"display_name":"{name}"}}"#);
                http.call("POST", ENDUSER, Some(&body)).status
            })
            .collect::<Vec<u16>>()
    };
    let first = statuses("7");
    let failed = first.iter().filter(|s| **s == 503).count();
    assert!((6..=36).contains(&failed), "{first:?}");
    assert_eq!(
        statuses("7"),
        first,
        "the same seed, the same failing steps"
    );
    assert_ne!(statuses("8"), first);
}

#[test]
fn ids_compare_case_insensitively() {
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    let ada = create(&mut http, r#"{"display_name":"Ada"}"#);
    let id = ada["id"].as_str().unwrap();
    assert_eq!(id, id.to_ascii_lowercase(), "ids are created in lower case");
    let upper = format!("{ENDUSER}/{}", id.to_ascii_uppercase());
    assert_eq!(http.call("GET", &upper, None).json(), ada);
    let updated = http.call("PUT", &upper, Some(r#"{"info":"x"}"#));
    assert_eq!(updated.status, 200, "{}", updated.body);
    assert_eq!(updated.json()["id"], id, "the id as created");
    Altur::new()
        .against_sandbox(&sandbox)
        .args(["enduser", "get", &id.to_ascii_uppercase(), "-o", "json"])
        .run()
        .success();
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    // A window of ten minutes instead of one second, so that the burst surely falls into one
    // window however slow the machine is.
    let sandbox = Sandbox::start(&["--rate-limit", "3", "--tune", "rate-window=10m"]);
    let mut http = Http::connect(&sandbox);
    let answers: Vec<Answer> = (0..6)
        .map(|_| http.call("GET", &format!("{ENDUSER}/x"), None))
        .collect();
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [404, 404, 404, 429, 429, 429]);
    let retry_after: u64 = answers[3].header("Retry-After").unwrap().parse().unwrap();
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    assert!(answers[3].message().contains("--rate-limit"));
}

#[test]
fn fault_options_are_checked() {
    for (args, message) in [
        (
            vec!["--fail-rate", "1.5"],
            "--fail-rate must be between 0 and 1, not 1.5",
        ),
        (
            vec!["--fail-rate", "NaN"],
            "--fail-rate must be between 0 and 1",
        ),
        (
            vec!["--listen", "nowhere"],
            "invalid --listen address 'nowhere'",
        ),
        (
            vec!["--api-key", "two words"],
            "--api-key must be printable ASCII without spaces",
        ),
        (vec!["--api-key", ""], "--api-key must be printable ASCII"),
    ] {
        let (code, stderr) = Sandbox::try_start(&args).err().expect("refused");
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = busy.local_addr().unwrap().to_string();
    let (code, stderr) = Sandbox::try_start(&["--listen", &address])
        .err()
        .expect("refused");
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(&format!(
            "cannot listen on {address}: Address already in use"
        )),
        "{stderr}"
    );
}

#[test]
fn the_state_file_keeps_records_across_restarts_and_survives_a_torn_line() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("sandbox.jsonl");
    let state_arg = state.to_str().unwrap();

    let sandbox = Sandbox::start(&["--state", state_arg]);
    assert!(sandbox.stderr().contains("0 record(s) loaded"));
    let mut http = Http::connect(&sandbox);
    let ada = create(&mut http, r#"{"display_name":"Ada","info":"email"}"#);
    let bob = create(&mut http, r#"{"display_name":"Bob"}"#);
    let ada_path = format!("{ENDUSER}/{}", ada["id"].as_str().unwrap());
    let ada = http
        .call("PUT", &ada_path, Some(r#"{"info":"post"}"#))
        .json();
    drop(http);
    assert_eq!(sandbox.stop(Signal::TERM).0, Some(0));

    let sandbox = Sandbox::start(&["--state", state_arg]);
    assert!(
        sandbox.stderr().contains("2 record(s) loaded"),
        "{}",
        sandbox.stderr()
    );
    let mut http = Http::connect(&sandbox);
    assert_eq!(http.call("GET", &ada_path, None).json(), ada);
    let bob_path = format!("{ENDUSER}/{}", bob["id"].as_str().unwrap());
    assert_eq!(http.call("GET", &bob_path, None).json(), bob);
    drop(http);
    // A crash mid-write leaves half a record at the end.
    drop(sandbox);
    let torn = r#"{"id":"0b6c4ad2-5b0e-4c4e-9d1b-2f"#;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&state)
        .unwrap();
    file.write_all(torn.as_bytes()).unwrap();
    drop(file);

    let sandbox = Sandbox::start(&["--state", state_arg]);
    let stderr = sandbox.stderr();
    assert!(
        stderr.contains("altur: warning: the state file")
            && stderr.contains(&format!(
                "ended with an incomplete record (line 5, {} bytes), probably from a crash; it was dropped",
                torn.len()
            )),
        "{stderr}"
    );
    assert!(stderr.contains("2 record(s) loaded"), "{stderr}");
    let mut http = Http::connect(&sandbox);
    assert_eq!(http.call("GET", &ada_path, None).json(), ada);
    let cy = create(&mut http, r#"{"display_name":"Cy"}"#);
    drop(http);
    assert_eq!(sandbox.stop(Signal::INT).0, Some(0));

    // The torn bytes are gone, so the next start is clean: the header and four records.
    let text = std::fs::read_to_string(&state).unwrap();
    assert_eq!(text.lines().count(), 5, "{text}");
    assert_eq!(text.lines().next(), Some(STATE_HEADER));
    assert!(text.ends_with('\n'));
    let sandbox = Sandbox::start(&["--state", state_arg]);
    assert!(
        !sandbox.stderr().contains("warning"),
        "{}",
        sandbox.stderr()
    );
    assert!(sandbox.stderr().contains("3 record(s) loaded"));
    let mut http = Http::connect(&sandbox);
    let cy_path = format!("{ENDUSER}/{}", cy["id"].as_str().unwrap());
    assert_eq!(http.call("GET", &cy_path, None).json(), cy);
}

#[test]
fn a_state_file_damaged_before_its_last_line_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.jsonl");
    let good = r#"{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","display_name":"Ada","integration_type":"api"}"#;
    std::fs::write(
        &state,
        format!("{STATE_HEADER}\n{good}\nnot a record\n{good}\n"),
    )
    .unwrap();
    let (code, stderr) = Sandbox::try_start(&["--state", state.to_str().unwrap()])
        .err()
        .expect("refused");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("has a bad record on line 3"), "{stderr}");
    assert!(
        stderr.contains("refusing to start so that no record is lost"),
        "{stderr}"
    );
    let (code, stderr) = Sandbox::try_start(&[
        "--state",
        folder.path().join("no/such/dir").to_str().unwrap(),
    ])
    .err()
    .expect("refused");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("cannot open the state file"), "{stderr}");
}

/// The first line of a sandbox state file.
const STATE_HEADER: &str = r#"{"altur":"sandbox state","version":1}"#;

/// `--state` pointed at a file that is not a sandbox state (a one-line JSON file without a
/// newline, a binary file, a state without its header): refused with exit 2, and the file is
/// left exactly as it was, never cut as a "torn record".
#[test]
fn a_file_that_is_not_a_sandbox_state_is_refused_and_left_unchanged() {
    let folder = tempfile::tempdir().unwrap();
    let record = r#"{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","display_name":"Ada","integration_type":"api"}"#;
    let binary: Vec<u8> = (0..102_400u32).map(|i| (i * 7 % 251) as u8).collect();
    let cases: [(&str, Vec<u8>); 3] = [
        (
            "settings.json",
            br#"{"theme":"dark","font_size":14,"x":true}"#.to_vec(),
        ),
        ("photo.bin", binary),
        ("old-state.jsonl", format!("{record}\n").into_bytes()),
    ];
    for (name, content) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, &content).unwrap();
        let (code, stderr) = Sandbox::try_start(&["--state", path.to_str().unwrap()])
            .err()
            .expect("refused");
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert!(stderr.contains("is not a sandbox state file"), "{stderr}");
        assert!(stderr.contains("left unchanged"), "{stderr}");
        assert_eq!(std::fs::read(&path).unwrap(), content, "{name} was changed");
    }
}

/// An empty or missing file is a new state: the sandbox writes the header and starts.
#[test]
fn an_empty_or_missing_state_file_is_started() {
    let folder = tempfile::tempdir().unwrap();
    let empty = folder.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    for path in [empty, folder.path().join("missing.jsonl")] {
        let sandbox = Sandbox::start(&["--state", path.to_str().unwrap()]);
        assert!(sandbox.stderr().contains("0 record(s) loaded"));
        assert_eq!(sandbox.stop(Signal::TERM).0, Some(0));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{STATE_HEADER}\n")
        );
    }
}

/// Two sandboxes appending to one state file would each forget the other's records on
/// restart: the second is refused while the first runs, and starts once it has stopped.
#[test]
fn a_second_sandbox_on_the_same_state_file_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.jsonl");
    let state_arg = state.to_str().unwrap();
    let first = Sandbox::start(&["--state", state_arg]);
    let (code, stderr) = Sandbox::try_start(&["--state", state_arg])
        .err()
        .expect("refused");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is in use by another sandbox"), "{stderr}");
    assert_eq!(first.stop(Signal::TERM).0, Some(0));
    let second = Sandbox::start(&["--state", state_arg]);
    assert_eq!(second.stop(Signal::TERM).0, Some(0));
}

#[test]
fn the_cli_round_trips_against_the_sandbox() {
    let sandbox = Sandbox::start(&[]);
    let created = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "-o",
            "json",
            "enduser",
            "create",
            "--name",
            "Ada Lovelace",
            "--info",
            "Prefers email",
        ])
        .run();
    created.success();
    let ada = created.json();
    spec::check_answer("POST", ENDUSER, 200, &created.stdout);
    let id = ada["id"].as_str().unwrap();
    assert_eq!(ada["display_name"], "Ada Lovelace");

    let got = Altur::new()
        .against_sandbox(&sandbox)
        .args(["-o", "json", "enduser", "get", id])
        .run();
    got.success();
    assert_eq!(got.json(), ada);

    let updated = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "-o",
            "json",
            "enduser",
            "update",
            id,
            "--info",
            "Prefers post",
        ])
        .run();
    updated.success();
    assert_eq!(updated.json()["display_name"], "Ada Lovelace");
    assert_eq!(updated.json()["info"], "Prefers post");

    // Its errors map to the CLI's exit codes.
    Altur::new()
        .against_sandbox(&sandbox)
        .args(["enduser", "get", crate::support::ID])
        .run()
        .code(3)
        .stderr_has(&format!("no EndUser with id '{}'", crate::support::ID));
    Altur::new()
        .env("ALTUR_BASE_URL", sandbox.url())
        .env("ALTUR_API_KEY", "not-the-key")
        .args(["enduser", "get", id])
        .run()
        .code(4)
        .stderr_has("invalid API key");

    // Unicode survives the round trip, `-o id` feeds the next command, and a pipe gets JSON
    // without asking.
    let info = "línea 1\n中文 🎉";
    let created = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "enduser",
            "create",
            "--name",
            "李小龍 🐉",
            "--info",
            info,
            "-o",
            "id",
        ])
        .run();
    created.success();
    let unicode_id = created.stdout.trim_end();
    assert_eq!(
        created.stdout,
        format!("{unicode_id}\n"),
        "the id and a newline only"
    );
    let got = Altur::new()
        .against_sandbox(&sandbox)
        .args(["enduser", "get", unicode_id])
        .run();
    got.success();
    assert_eq!(got.json()["display_name"], "李小龍 🐉");
    assert_eq!(got.json()["info"], info);

    let (_, stderr) = sandbox.stop(Signal::TERM);
    assert!(
        stderr.contains(&format!("PUT /api/v1.0/enduser/{id} 200 ")),
        "{stderr}"
    );
}

#[test]
fn the_quick_start_works_with_no_account_and_no_network() {
    // No retries: the command must find the sandbox listening on its first try.
    let run = Altur::new()
        .env("PATH", path_with_altur())
        .args([
            "sandbox",
            "exec",
            "--",
            "altur",
            "--retries",
            "0",
            "enduser",
            "create",
        ])
        .args([
            "--name",
            "Ada Lovelace",
            "--info",
            "Prefers email",
            "-o",
            "json",
        ])
        .run();
    run.success();
    let ada = run.json();
    spec::check_answer("POST", ENDUSER, 200, &run.stdout);
    assert_eq!(ada["display_name"], "Ada Lovelace");
    assert_eq!(ada["info"], "Prefers email");
    run.stderr_has("altur sandbox: POST /api/v1.0/enduser 200 ");
}

#[test]
fn exec_gives_the_command_the_url_and_key_and_passes_its_exit_code_on() {
    let run = Altur::new()
        .args(["sandbox", "exec", "--", "sh", "-c"])
        .arg("echo \"$ALTUR_BASE_URL $ALTUR_API_KEY\"; exit 7")
        .run();
    run.code(7);
    let (url, key) = run.stdout.trim().split_once(' ').unwrap();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/api/v1.0"),
        "{url}"
    );
    assert_eq!(key, "sandbox");
    // The sandbox is gone once exec returns.
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches("/api/v1.0");
    assert!(
        TcpStream::connect(address).is_err(),
        "still listening on {address}"
    );

    Altur::new()
        .args(["sandbox", "exec", "--", "sh", "-c", "kill -TERM $$"])
        .run()
        .code(128 + Signal::TERM.as_raw());
    Altur::new()
        .args(["sandbox", "exec", "--", "true"])
        .run()
        .success()
        .stdout_empty();
    Altur::new()
        .args(["sandbox", "exec", "--", "no-such-command-here"])
        .run()
        .code(127)
        .stderr_has("cannot run 'no-such-command-here'");
    Altur::new()
        .args(["sandbox", "exec", "--listen", "0.0.0.0:0", "--", "true"])
        .run()
        .code(2)
        .stderr_has("sandbox exec listens on loopback only");
    Altur::new().args(["sandbox", "exec", "true"]).run().code(2);
}

#[test]
fn exec_passes_its_serve_options_on() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.jsonl");
    Altur::new()
        .env("PATH", path_with_altur())
        .args([
            "sandbox",
            "exec",
            "--fail-rate",
            "1",
            "--state",
            state.to_str().unwrap(),
        ])
        .args([
            "--",
            "altur",
            "--retries",
            "0",
            "enduser",
            "get",
            crate::support::ID,
        ])
        .run()
        .code(5)
        .stderr_has("GET /api/v1.0/enduser/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b 503 ");
    assert!(state.exists());
}

/// Starts `altur sandbox exec -- sh -c 'echo started; exec sleep 30'` and waits until the
/// command runs. `own_group` puts it in a process group of its own, like a shell job.
fn exec_sleeping(own_group: bool) -> (Spawned, BufReader<std::process::ChildStdout>) {
    use std::os::unix::process::CommandExt;
    let mut child = Altur::new()
        .args([
            "sandbox",
            "exec",
            "--",
            "sh",
            "-c",
            "echo started; exec sleep 30",
        ])
        .configure(|command| {
            if own_group {
                command.process_group(0);
            }
        })
        .spawn_with(Stdio::null(), Stdio::piped(), Stdio::null());
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "started\n");
    (child, stdout)
}

fn wait_with_deadline(child: &mut std::process::Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "exec did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn exec_ends_with_its_command_on_ctrl_c_and_sigterm() {
    // Ctrl-C at a terminal signals the whole foreground group: the command dies of it and
    // exec reports 128 + SIGINT once the sandbox is stopped.
    let (mut child, _stdout) = exec_sleeping(true);
    kill_process_group(Pid::from_child(&child), Signal::INT).unwrap();
    assert_eq!(
        wait_with_deadline(&mut child).code(),
        Some(128 + Signal::INT.as_raw())
    );

    // A SIGTERM sent to exec alone is passed on to the command.
    let (mut child, _stdout) = exec_sleeping(false);
    kill_process(Pid::from_child(&child), Signal::TERM).unwrap();
    assert_eq!(
        wait_with_deadline(&mut child).code(),
        Some(128 + Signal::TERM.as_raw())
    );
}

/// Sends a create on its own connection and returns once the sandbox has written the record
/// to `state` (the answer then waits out `--latency`); the thread yields the answer's status.
fn create_in_flight(sandbox: &Sandbox, state: &std::path::Path) -> std::thread::JoinHandle<u16> {
    let address = sandbox.address();
    let client = std::thread::spawn(move || {
        let mut http = Http::connect_to(&address);
        http.call("POST", ENDUSER, Some(r#"{"display_name":"Ada"}"#))
            .status
    });
    // The header and the record.
    crate::support::wait_until(Duration::from_secs(20), || {
        std::fs::read_to_string(state)
            .unwrap_or_default()
            .lines()
            .count()
            == 2
    });
    client
}

#[test]
fn a_clean_stop_answers_the_requests_in_progress() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.jsonl");
    let sandbox = Sandbox::start(&["--latency", "1000", "--state", state.to_str().unwrap()]);
    let client = create_in_flight(&sandbox, &state);
    let (code, stderr) = sandbox.stop(Signal::TERM);
    assert_eq!(code, Some(0));
    assert_eq!(client.join().unwrap(), 200);
    assert!(stderr.contains("POST /api/v1.0/enduser 200 "), "{stderr}");
}

#[test]
fn a_second_signal_stops_at_once() {
    let folder = tempfile::tempdir().unwrap();
    let state = folder.path().join("state.jsonl");
    let sandbox = Sandbox::start(&["--latency", "60000", "--state", state.to_str().unwrap()]);
    let client = create_in_flight(&sandbox, &state);
    crate::support::send_signal(sandbox.pid(), "TERM");
    // `stop` fails the test unless the exit comes well before the 60 s latency is over.
    let (code, stderr) = sandbox.stop(Signal::INT);
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.ends_with("altur sandbox: stopped at once (second signal)\n"),
        "{stderr}"
    );
    // The record was already flushed; the client lost its connection without an answer.
    assert_eq!(std::fs::read_to_string(&state).unwrap().lines().count(), 2);
    assert!(client.join().is_err(), "no answer can have come");
}

#[test]
fn the_public_default_key_is_not_redacted_from_results() {
    let run = Altur::new()
        .args([
            "sandbox",
            "exec",
            "--",
            env!("CARGO_BIN_EXE_altur"),
            "enduser",
            "create",
        ])
        .args(["--name", "sandbox tester", "-o", "json"])
        .run();
    run.success();
    assert_eq!(run.json()["display_name"], "sandbox tester");
}

/// Bursts of new keep-alive connections are all served: `tiny_http`, which the sandbox used at
/// first, left about one run in two of this with requests that were never answered.
#[test]
fn bursts_of_concurrent_connections_are_all_answered() {
    let sandbox = Sandbox::start(&[]);
    let records: String = (1..=200)
        .map(|n| format!("{{\"display_name\":\"User {n}\"}}\n"))
        .collect();
    for round in 0..5 {
        let run = Altur::new()
            .against_sandbox(&sandbox)
            .file("in.ndjson", &records)
            .args([
                "enduser",
                "import",
                "in.ndjson",
                "--concurrency",
                "32",
                "--timeout",
                "5",
            ])
            .run();
        run.success();
        let created = run
            .stdout
            .lines()
            .filter(|l| l.contains("\"created\""))
            .count();
        assert_eq!(created, 200, "round {round}:\n{}", run.stderr);
    }
}
