//! `altur webhook` (contract section 18), against known-answer vectors computed independently
//! with Python's `hmac` (`tests/fixtures/webhook/vectors.sh` wrote `vectors.txt`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::support::{Altur, KEY, Reply, Server};

const BODY: &str = include_str!("../fixtures/webhook/on_call_end.json");
const TEXT_SECRET: &str = include_str!("../fixtures/webhook/secret.txt");
const BASE64_SECRET: &str = include_str!("../fixtures/webhook/secret.b64");
const VECTORS: &str = include_str!("../fixtures/webhook/vectors.txt");

fn vector(name: &str) -> &'static str {
    VECTORS
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("no vector {name}"))
}

/// `altur webhook verify body.json --signature SIG` with the secret in a file.
fn verify(secret: &str, body: &str, signature: &str) -> Altur {
    Altur::new()
        .file("body.json", body)
        .file("secret", secret)
        .args(["webhook", "verify", "body.json", "--secret-file", "secret"])
        .args(["--signature", signature])
}

#[test]
fn each_scheme_and_form_of_the_docs_verifies() {
    let cases = [
        (TEXT_SECRET, "hex_raw", "hex", "raw"),
        (
            BASE64_SECRET,
            "base64_compact_escaped",
            "base64",
            "compact_escaped",
        ),
        (
            BASE64_SECRET,
            "base64_compact_unescaped",
            "base64",
            "compact_unescaped",
        ),
        (BASE64_SECRET, "base64_raw", "base64", "raw"),
        (
            TEXT_SECRET,
            "base64_text_secret",
            "base64",
            "compact_escaped",
        ),
    ];
    for (secret, name, scheme, signed) in cases {
        let run = verify(secret, BODY, vector(name)).run();
        run.success().stdout_is(&format!(
            "{{\n  \"verified\": true,\n  \"scheme\": \"{scheme}\",\n  \"signed\": \"{signed}\"\n}}\n"
        ));
    }
}

#[test]
fn a_changed_body_a_wrong_secret_or_a_truncated_signature_is_exit_10() {
    let signature = vector("base64_compact_escaped");
    let changed = BODY.replacen("\"duration\": 94", "\"duration\": 95", 1);
    assert_ne!(changed, BODY);
    verify(BASE64_SECRET, &changed, signature)
        .run()
        .code(10)
        .stdout_empty()
        .stderr_has("the signature does not match the payload (tried hex and base64)");
    verify("c2VjcmV0LW90aGVy", BODY, signature).run().code(10);
    let truncated = &signature[..signature.len() - 2];
    verify(BASE64_SECRET, BODY, truncated).run().code(10);
    let hex = vector("hex_raw");
    verify(TEXT_SECRET, BODY, &hex[..hex.len() - 1])
        .run()
        .code(10);
    // One changed byte in the raw body breaks the hex scheme, even when the JSON is the same.
    verify(TEXT_SECRET, &format!("{BODY} "), hex).run().code(10);
}

#[test]
fn a_scheme_can_be_required() {
    verify(TEXT_SECRET, BODY, vector("hex_raw"))
        .args(["--scheme", "base64"])
        .run()
        .code(10)
        .stderr_has("(tried base64)");
    verify(BASE64_SECRET, BODY, vector("base64_raw"))
        .args(["--scheme", "base64", "-o", "id"])
        .run()
        .success()
        .stdout_is("base64\n");
}

#[test]
fn the_secret_can_come_from_the_environment_and_the_body_from_stdin() {
    Altur::new()
        .env("ALTUR_WEBHOOK_SECRET", format!("{TEXT_SECRET}\n"))
        .args(["webhook", "verify", "-", "--signature", vector("hex_raw")])
        .args(["-o", "id"])
        .stdin(BODY)
        .run()
        .success()
        .stdout_is("hex\n");
}

#[test]
fn a_plain_text_secret_under_the_base64_scheme_is_noted() {
    verify(TEXT_SECRET, BODY, vector("base64_text_secret"))
        .run()
        .success()
        .stderr_has("the webhook secret is not valid base64");
}

/// The note about a secret that is not base64 concerns the base64 scheme only: not said when
/// the hex scheme matched.
#[test]
fn a_hex_match_says_nothing_about_base64() {
    let run = verify(TEXT_SECRET, BODY, vector("hex_raw")).run();
    run.success();
    assert!(!run.stderr.contains("not valid base64"), "{}", run.stderr);
}

/// `sha256=<hex>`, as GitHub and others write signatures, verifies like the bare value.
#[test]
fn a_sha256_prefix_is_accepted() {
    let signature = format!("sha256={}", vector("hex_raw"));
    let run = verify(TEXT_SECRET, BODY, &signature).run();
    run.success();
    assert!(run.stdout.contains("\"scheme\": \"hex\""), "{}", run.stdout);
}

#[test]
fn bad_input_is_exit_2() {
    verify(TEXT_SECRET, BODY, "not a signature!")
        .run()
        .code(2)
        .stderr_has("the signature is neither hex nor base64");
    Altur::new()
        .file("body.json", BODY)
        .args(["webhook", "verify", "body.json", "--signature", "00ff"])
        .run()
        .code(2)
        .stderr_has("no webhook secret");
    verify("  \n", BODY, "00ff")
        .run()
        .code(2)
        .stderr_has("is empty");
    verify(TEXT_SECRET, BODY, "00ff")
        .args(["--scheme", "sha1"])
        .run()
        .code(2);
    Altur::new()
        .file("secret", TEXT_SECRET)
        .args(["webhook", "verify", "missing.json", "--signature", "00ff"])
        .args(["--secret-file", "secret"])
        .run()
        .code(2)
        .stderr_has("cannot read missing.json");
}

// ---- trigger ----

/// An independent check of a signature: ring's HMAC in the test, not altur's code.
fn base64_hmac(secret_b64: &str, message: &[u8]) -> String {
    use base64::Engine;
    let engine = base64::engine::general_purpose::STANDARD;
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &engine.decode(secret_b64).unwrap());
    engine.encode(ring::hmac::sign(&key, message).as_ref())
}

fn trigger(server: &Server, event: &str) -> Altur {
    // The API key is set as for any command: it must never reach the handler.
    trigger_to(&format!("{}/hooks/altur", server.url()), event).against(server)
}

/// `altur webhook trigger EVENT --url URL` with the base64 secret in a file.
fn trigger_to(url: &str, event: &str) -> Altur {
    Altur::new()
        .file("secret", BASE64_SECRET)
        .args(["webhook", "trigger", event, "--secret-file", "secret"])
        .args(["--url", url])
}

#[test]
fn trigger_posts_a_signed_sample_and_never_the_key() {
    let server = Server::new([Reply::json(200, r#"{"received":true}"#)]);
    let run = trigger(&server, "on_call_end").run();
    run.success()
        .stderr_has("your handler answered HTTP 200: {\"received\":true}");
    let request = server.only_request();
    assert_eq!(request.method, "POST");
    assert!(request.path.ends_with("/hooks/altur"), "{}", request.path);
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("authorization"), None);
    let raw = String::from_utf8_lossy(&request.body);
    assert!(!raw.contains(KEY), "the key travelled in the body");
    assert!(request.headers.iter().all(|(_, v)| !v.contains(KEY)));
    // Compact JSON with non-ASCII escaped, as Python's json.dumps writes it.
    assert!(raw.contains(r"Sof\u00eda"), "{raw}");
    assert!(
        raw.starts_with(r#"{"event_type":"on_call_end","id":"cll_"#),
        "{raw}"
    );
    let signature = request.header("x-altur-signature").unwrap();
    assert_eq!(signature, base64_hmac(BASE64_SECRET.trim(), &request.body));
    // stdout is the event sent; the signature header is said on stderr.
    let sent: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(run.json(), sent);
    assert_eq!(sent["event_type"], "on_call_end");
    assert!(sent["transcript"].as_array().is_some_and(|t| t.len() >= 2));
    run.stderr_has(&format!("X-Altur-Signature: {signature}"));
    // And `webhook verify` agrees.
    verify(BASE64_SECRET, raw.as_ref(), signature)
        .args(["-o", "id"])
        .run()
        .success()
        .stdout_is("base64\n");
}

#[test]
fn trigger_signs_hex_and_applies_set_overrides() {
    let server = Server::new([Reply::json(204, "")]);
    trigger(&server, "campaign.status_changed")
        .args([
            "--scheme",
            "hex",
            "--set",
            "data.campaign.status=\"paused\"",
        ])
        .args(["--set", "data.campaign.id=7"])
        .run()
        .success();
    let request = server.only_request();
    let sent: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(sent["data"]["campaign"]["status"], "paused");
    assert_eq!(sent["data"]["campaign"]["id"], 7);
    // The secret file holds base64 text; the hex scheme keys with its UTF-8 bytes.
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, BASE64_SECRET.trim().as_bytes());
    let expected: String = ring::hmac::sign(&key, &request.body)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(request.header("x-altur-signature"), Some(expected.as_str()));
}

#[test]
fn the_handlers_answer_decides_the_exit_code() {
    for (status, code) in [(401, 3), (404, 3), (500, 5), (503, 5)] {
        let server = Server::new([Reply::json(status, "<html>nope</html>")]);
        trigger(&server, "campaign.cycle_completed")
            .run()
            .code(code)
            .stderr_has(&format!(
                "your handler answered HTTP {status}: <html>nope</html>"
            ));
    }
    let refused = crate::support::closed_port();
    trigger_to(&format!("http://127.0.0.1:{refused}/"), "on_call_end")
        .run()
        .code(6);
}

#[test]
fn trigger_refuses_bad_input_and_sends_nothing() {
    let server = Server::new([]);
    let url = format!("{}/", server.url());
    Altur::new()
        .args(["webhook", "trigger", "on_call_end", "--url", &url])
        .run()
        .code(2)
        .stderr_has("no webhook secret");
    trigger(&server, "on_call_start")
        .run()
        .code(2)
        .stderr_has("unknown event 'on_call_start'; the events are: on_call_end, campaign.status_changed, campaign.cycle_completed");
    trigger(&server, "on_call_end")
        .args(["--set", "status=ended"])
        .run()
        .code(2)
        .stderr_has("--set status: the value is not JSON");
    trigger(&server, "on_call_end")
        .args(["--set", "transcript.99.content=\"x\""])
        .run()
        .code(2)
        .stderr_has("past the end");
    trigger_to("ftp://example.com/", "on_call_end")
        .run()
        .code(2)
        .stderr_has("unsupported scheme 'ftp'");
    assert!(server.requests().is_empty());
    Altur::new()
        .args(["webhook", "trigger", "--list"])
        .run()
        .success()
        .stdout_is("on_call_end\ncampaign.status_changed\ncampaign.cycle_completed\n");
}

#[test]
fn trigger_dry_run_prints_curl_and_sends_nothing() {
    let server = Server::new([]);
    let run = trigger(&server, "on_call_end").arg("--dry-run").run();
    run.success();
    assert!(
        run.stdout.starts_with("curl --request POST "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("X-Altur-Signature: "));
    assert!(server.requests().is_empty());
}

// ---- listen ----

/// `altur webhook listen` on a free port, its stdout and stderr read line by line.
struct Listener {
    child: crate::support::Spawned,
    url: String,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    /// What it said on stderr before it was ready (warnings).
    before: Vec<String>,
}

impl Listener {
    fn start(secret: Option<&str>, extra: &[&str]) -> Listener {
        Listener::start_on("127.0.0.1:0", secret, extra)
    }

    fn start_on(address: &str, secret: Option<&str>, extra: &[&str]) -> Listener {
        let mut command = Altur::new()
            .args(["webhook", "listen", "--listen", address])
            .args(extra);
        if let Some(secret) = secret {
            command = command.env("ALTUR_WEBHOOK_SECRET", secret);
        }
        let mut child = command.spawn();
        let lines = |pipe: Box<dyn std::io::Read + Send>| {
            let (tx, rx) = channel();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines() {
                    let Ok(line) = line else { break };
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
            rx
        };
        let stdout = lines(Box::new(child.stdout.take().unwrap()));
        let stderr = lines(Box::new(child.stderr.take().unwrap()));
        let mut before = Vec::new();
        let url = loop {
            let line = stderr.recv_timeout(LIMIT).expect("listen says it is ready");
            match line.strip_prefix("altur webhook: listening on ") {
                Some(rest) => break rest.split(' ').next().unwrap().to_owned(),
                None if before.len() < 5 => before.push(line),
                None => panic!("listen did not start: {before:?}"),
            }
        };
        Listener {
            child,
            url,
            stdout,
            stderr,
            before,
        }
    }

    fn next_delivery(&self) -> serde_json::Value {
        let line = self.stdout.recv_timeout(LIMIT).expect("a delivery line");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
    }

    fn next_log(&self) -> String {
        self.stderr.recv_timeout(LIMIT).expect("a log line")
    }

    /// SIGTERM, then the exit code and the rest of stderr.
    fn stop(mut self) -> (Option<i32>, String) {
        crate::support::send_signal(self.child.id(), "TERM");
        let status = self.child.wait().unwrap();
        let rest: Vec<String> = self.stderr.iter().collect();
        (status.code(), rest.join("\n"))
    }
}

const LIMIT: Duration = Duration::from_secs(20);

/// A raw POST, for deliveries `trigger` would never send; the status code of the answer.
fn raw_post(url: &str, headers: &[(&str, &str)], body: &[u8]) -> u16 {
    let address = url
        .strip_prefix("http://")
        .and_then(|rest| rest.split('/').next())
        .unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    let mut head = format!(
        "POST /hook HTTP/1.1\r\nHost: {address}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A refused body may be cut short by the server; what matters is its answer.
    let _ = stream.write_all(body);
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {answer:?}"))
}

#[test]
fn listen_verifies_prints_and_answers_each_delivery() {
    let listener = Listener::start(Some(BASE64_SECRET.trim()), &[]);
    // A signed delivery from `trigger`: verified, 200.
    let sent = trigger_to(&listener.url, "on_call_end").run();
    sent.success().stderr_has("your handler answered HTTP 200");
    let line = listener.next_delivery();
    assert_eq!(line["verified"], true);
    assert_eq!(line["scheme"], "base64");
    assert_eq!(line["event"], sent.json());
    assert!(listener.next_log().starts_with("--> on_call_end cll_"));
    // The same body, one byte changed: not verified, 400.
    let signature = base64_hmac(BASE64_SECRET.trim(), BODY.as_bytes());
    assert_eq!(
        raw_post(
            &listener.url,
            &[("X-Altur-Signature", &signature)],
            BODY.as_bytes()
        ),
        200
    );
    assert_eq!(listener.next_delivery()["verified"], true);
    let changed = BODY.replacen("94", "95", 1);
    assert_eq!(
        raw_post(
            &listener.url,
            &[("X-Altur-Signature", &signature)],
            changed.as_bytes()
        ),
        400
    );
    let line = listener.next_delivery();
    assert_eq!(
        (line["verified"].clone(), line["scheme"].clone()),
        (false.into(), serde_json::Value::Null)
    );
    listener.next_log();
    assert!(listener.next_log().contains("NOT verified: answered 400"));
    // Unsigned: not verified. Over 1 MiB: 413, nothing printed.
    assert_eq!(raw_post(&listener.url, &[], BODY.as_bytes()), 400);
    assert_eq!(listener.next_delivery()["verified"], false);
    assert_eq!(
        raw_post(&listener.url, &[], &vec![b'x'; 2 * 1024 * 1024]),
        413
    );
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
}

#[test]
fn without_a_secret_deliveries_are_printed_unverified() {
    let listener = Listener::start(None, &[]);
    assert_eq!(raw_post(&listener.url, &[], b"not json"), 200);
    let line = listener.next_delivery();
    assert_eq!(line["verified"], serde_json::Value::Null);
    assert_eq!(line["body"], "not json");
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
    // Filtered out by --events: answered 200, not printed.
    let listener = Listener::start(None, &["--events", "on_call_end"]);
    let other = br#"{"event_type":"campaign.status_changed"}"#;
    assert_eq!(raw_post(&listener.url, &[], other), 200);
    assert_eq!(
        raw_post(&listener.url, &[], br#"{"event_type":"on_call_end"}"#),
        200
    );
    assert_eq!(
        listener.next_delivery()["event"]["event_type"],
        "on_call_end"
    );
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
}

#[test]
fn listen_forwards_verified_deliveries_with_their_signature() {
    let handler = Server::new([Reply::json(202, r#"{"queued":true}"#)]);
    let forward = format!("{}/handler", handler.url());
    let listener = Listener::start(Some(BASE64_SECRET.trim()), &["--forward-to", &forward]);
    let signature = base64_hmac(BASE64_SECRET.trim(), BODY.as_bytes());
    assert_eq!(
        raw_post(
            &listener.url,
            &[
                ("X-Altur-Signature", &signature),
                ("Content-Type", "application/json")
            ],
            BODY.as_bytes()
        ),
        202
    );
    listener.next_delivery();
    listener.next_log();
    assert!(listener.next_log().starts_with("<-- 202 POST "));
    let forwarded = handler.only_request();
    assert!(forwarded.path.ends_with("/handler"));
    assert_eq!(forwarded.body, BODY.as_bytes());
    assert_eq!(
        forwarded.header("x-altur-signature"),
        Some(signature.as_str())
    );
    assert_eq!(forwarded.header("authorization"), None);
    // Not verified: answered 400 and not forwarded.
    assert_eq!(
        raw_post(
            &listener.url,
            &[("X-Altur-Signature", "00ff")],
            BODY.as_bytes()
        ),
        400
    );
    listener.next_delivery();
    assert_eq!(handler.requests().len(), 1);
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
}

/// A delivery that fails verification is one short line (its size and why), never its body:
/// 1 MiB of junk is not copied to stdout.
#[test]
fn an_unverified_delivery_is_printed_as_its_size_and_reason_only() {
    let listener = Listener::start(Some(BASE64_SECRET.trim()), &[]);
    let junk = vec![b'j'; 1024 * 1024];
    assert_eq!(
        raw_post(&listener.url, &[("X-Altur-Signature", "00ff")], &junk),
        400
    );
    let line = listener.next_delivery();
    let keys: Vec<&str> = line
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["received_at", "verified", "reason", "bytes"]);
    assert_eq!(line["verified"], false);
    assert_eq!(line["bytes"], 1024 * 1024);
    assert_eq!(line["reason"], "the signature does not match the payload");
    assert!(listener.next_log().contains("NOT verified: answered 400"));
    assert_eq!(raw_post(&listener.url, &[], BODY.as_bytes()), 400);
    let line = listener.next_delivery();
    assert_eq!(line["reason"], "no X-Altur-Signature header");
    assert!(line.get("event").is_none() && line.get("body").is_none());
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
}

/// A key placed twice in front of a signed payload: the base64 scheme's re-serialisation keeps
/// one value, so the signature would verify while the receiver reads the other. Refused.
#[test]
fn a_payload_with_a_key_twice_is_refused_as_unverifiable() {
    let listener = Listener::start(Some(BASE64_SECRET.trim()), &[]);
    let tampered = BODY.replacen('{', r#"{"event_type":"campaign.status_changed","#, 1);
    let signature = base64_hmac(BASE64_SECRET.trim(), BODY.as_bytes());
    assert_eq!(
        raw_post(
            &listener.url,
            &[("X-Altur-Signature", &signature)],
            tampered.as_bytes()
        ),
        400
    );
    let line = listener.next_delivery();
    assert_eq!(line["verified"], false);
    assert!(
        line["reason"].as_str().unwrap().contains("JSON key twice"),
        "{line}"
    );
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
}

/// The same signed delivery twice: the second is answered 200, printed as a duplicate and not
/// forwarded again.
#[test]
fn a_replayed_delivery_is_a_duplicate_and_not_forwarded_again() {
    let handler = Server::new([Reply::json(200, "{}"), Reply::json(200, "{}")]);
    let forward = format!("{}/handler", handler.url());
    let listener = Listener::start(Some(BASE64_SECRET.trim()), &["--forward-to", &forward]);
    let signature = base64_hmac(BASE64_SECRET.trim(), BODY.as_bytes());
    let post = || {
        raw_post(
            &listener.url,
            &[("X-Altur-Signature", &signature)],
            BODY.as_bytes(),
        )
    };
    assert_eq!(post(), 200);
    let first = listener.next_delivery();
    assert_eq!(
        (first["verified"].clone(), first.get("duplicate")),
        (true.into(), None)
    );
    assert_eq!(post(), 200);
    let second = listener.next_delivery();
    assert_eq!(second["duplicate"], true);
    assert_eq!(second["event"], first["event"]);
    assert_eq!(handler.requests().len(), 1, "forwarded once");
    let (code, log) = listener.stop();
    assert_eq!(code, Some(0));
    assert!(log.contains("a duplicate: not forwarded"), "{log}");
}

#[test]
fn listening_beyond_loopback_warns() {
    let listener = Listener::start_on("0.0.0.0:0", None, &[]);
    assert!(
        listener.before.iter().any(|line| line
            .starts_with("altur: warning: listening on 0.0.0.0:")
            && line.contains("other machines can reach")),
        "{:?}",
        listener.before
    );
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
    let quiet = Listener::start(None, &[]);
    assert!(quiet.before.is_empty(), "{:?}", quiet.before);
    quiet.stop();
}

/// `webhook listen` is served by the same limits as the sandbox: a delivery behind a client
/// that sends its body a byte at a time is answered once the limits cut that client (one
/// connection and a short grace here; 1,024 and 10 s in use).
#[test]
fn a_delivery_behind_a_slow_body_is_answered_once_the_limits_cut_it() {
    let listener = Listener::start(
        Some(BASE64_SECRET.trim()),
        &["--tune", "connections=1,body-grace=500ms"],
    );
    let address = listener
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let mut slow = TcpStream::connect(&address).unwrap();
    slow.write_all(b"POST / HTTP/1.1\r\nHost: l\r\nContent-Length: 100000\r\n\r\n")
        .unwrap();
    let dripping = slow.try_clone().unwrap();
    let drip = std::thread::spawn(move || {
        let mut stream = dripping;
        // Pacing, not synchronisation: 10 bytes/s until the listener closes the connection.
        while stream.write_all(b"x").is_ok() {
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let signature = base64_hmac(BASE64_SECRET.trim(), BODY.as_bytes());
    let started = std::time::Instant::now();
    assert_eq!(
        raw_post(
            &listener.url,
            &[("X-Altur-Signature", &signature)],
            BODY.as_bytes()
        ),
        200
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    drop(slow);
    drip.join().unwrap();
    assert_eq!(listener.next_delivery()["verified"], true);
    let (code, _) = listener.stop();
    assert_eq!(code, Some(0));
}

// ---- the sandbox's webhooks ----

#[test]
fn a_sandbox_call_that_ends_is_delivered_to_listen_verified() {
    let listener = Listener::start(Some(BASE64_SECRET.trim()), &[]);
    let sandbox = crate::support::Sandbox::start_with_env(
        &["--call-seconds", "0.2", "--webhook-url", &listener.url],
        &[("ALTUR_WEBHOOK_SECRET", BASE64_SECRET.trim())],
    );
    let started = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "start",
            "--agent",
            "11111111-1111-4111-8111-111111111111",
        ])
        .args(["--to", "+52 55 1234 5678", "-o", "id"])
        .run();
    started.success();
    let line = listener.next_delivery();
    assert_eq!(line["verified"], true, "{line}");
    assert_eq!(line["scheme"], "base64");
    let event = &line["event"];
    assert_eq!(event["event_type"], "on_call_end");
    assert_eq!(event["id"].as_str(), Some(started.stdout.trim()));
    assert_eq!(event["status"], "ended");
    assert_eq!(event["phone_number_to"], "+525512345678");
    assert!(
        event["transcript"]
            .as_array()
            .is_some_and(|t| !t.is_empty())
    );
    sandbox.wait_for_stderr("webhook on_call_end");
    assert!(
        sandbox.stderr().contains("-> 200 (attempt 1 of 5)"),
        "{}",
        sandbox.stderr()
    );
    listener.stop();
}

#[test]
fn a_receiver_that_fails_twice_gets_a_third_attempt() {
    let receiver = Server::new([
        Reply::json(500, "{}"),
        Reply::Drop,
        Reply::json(200, r#"{"ok":true}"#),
    ]);
    let url = format!("{}/hooks", receiver.url());
    let sandbox = crate::support::Sandbox::start_with_env(
        &[
            "--call-seconds",
            "0",
            "--webhook-url",
            &url,
            "--webhook-scheme",
            "hex",
            "--tune",
            "webhook-backoff=10ms",
        ],
        &[("ALTUR_WEBHOOK_SECRET", TEXT_SECRET.trim())],
    );
    Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "start",
            "--agent",
            "11111111-1111-4111-8111-111111111111",
        ])
        .args(["--to", "+525512340000"])
        .run()
        .success();
    sandbox.wait_for_stderr("(attempt 3 of 5)");
    let requests = receiver.requests();
    assert_eq!(requests.len(), 3);
    // Every attempt carries the same body and signature, and the signature verifies.
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, TEXT_SECRET.trim().as_bytes());
    for request in &requests {
        assert_eq!(request.body, requests[0].body);
        let expected: String = ring::hmac::sign(&key, &request.body)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(request.header("x-altur-signature"), Some(expected.as_str()));
        assert_eq!(request.header("authorization"), None);
    }
    let event: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(event["status"], "busy");
    let log = sandbox.stderr();
    assert!(log.contains("-> 500 (attempt 1 of 5); again in"), "{log}");
    assert!(log.contains("(attempt 2 of 5); again in"), "{log}");
    assert!(log.contains("-> 200 (attempt 3 of 5)"), "{log}");
}
