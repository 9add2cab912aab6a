//! `altur enduser import` through the binary: formats, per-record failures, order under
//! concurrency, 429 storms, journals across a server that goes away and a killed process.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{Altur, HandlerServer, ID, KEY, Recorded, Reply, Server, Spawned};

/// The id the test servers give the EndUser named `user-N`.
fn id_for(name: &str) -> String {
    let n: u64 = name
        .trim_start_matches("user-")
        .parse()
        .expect("a user-N name");
    format!("00000000-0000-4000-8000-{n:012}")
}

fn name_of(request: &Recorded) -> String {
    request.body_json()["display_name"]
        .as_str()
        .expect("a name")
        .to_owned()
}

/// Creates whatever it is sent, with an id derived from the name.
fn create(request: &Recorded) -> Reply {
    let name = name_of(request);
    Reply::json(
        200,
        json!({"id": id_for(&name), "display_name": name, "integration_type": "api"}).to_string(),
    )
}

/// A few milliseconds, different for every request.
fn jitter(index: usize, most_ms: u64) -> Duration {
    Duration::from_millis(RandomState::new().hash_one(index) % most_ms)
}

fn ndjson(count: usize) -> String {
    (1..=count)
        .map(|n| format!("{{\"display_name\":\"user-{n}\"}}\n"))
        .collect()
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn created(record: u64, name: &str) -> Value {
    json!({"record": record, "status": "created", "id": id_for(name)})
}

#[test]
fn ndjson_records_are_sent_in_order_and_reported_one_line_each() {
    let server = Server::new([Reply::enduser("Ada"), Reply::enduser("Grace")]);
    let run = Altur::new()
        .against(&server)
        .file(
            "users.ndjson",
            "{\"display_name\":\"Ada\",\"info\":\"first\"}\n\n{\"display_name\":\"Grace\"}\n",
        )
        .args(["enduser", "import", "users.ndjson", "--concurrency", "1"])
        .run();
    run.success().stdout_is(&format!(
        "{{\"record\":1,\"status\":\"created\",\"id\":\"{ID}\"}}\n{{\"record\":2,\"status\":\"created\",\"id\":\"{ID}\"}}\n"
    ));
    run.stderr_has("altur: import: 2 created, 0 failed, 0 skipped, 0 uncertain in ");
    run.stderr_has(" records/s)");
    // stderr is not a terminal: the summary, and no progress bar.
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].path, "/enduser");
    assert_eq!(
        requests[0].header("authorization"),
        Some(format!("api-key {KEY}").as_str())
    );
    assert_eq!(requests[0].header("content-type"), Some("application/json"));
    assert_eq!(
        requests[0].body_text(),
        r#"{"display_name":"Ada","info":"first"}"#
    );
    assert_eq!(requests[1].body_text(), r#"{"display_name":"Grace"}"#);
}

#[test]
fn csv_quotes_newlines_bom_empty_cells_and_the_name_column() {
    let server = Server::new([
        Reply::enduser("a"),
        Reply::enduser("b"),
        Reply::enduser("c"),
    ]);
    let csv = "\u{feff}name,info\r\n\"Lovelace, Ada\",\"line 1\nline 2, \"\"quoted\"\"\"\r\nBob,\r\n,orphan info\r\n\"Ünïcødé 李\",x\r\n";
    let run = Altur::new()
        .against(&server)
        .file("users.csv", csv)
        .args(["enduser", "import", "users.csv", "--concurrency", "1"])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 4);
    assert_eq!(results[0]["status"], "created");
    assert_eq!(
        results[2],
        json!({"record": 3, "status": "failed", "error": {"kind": "input", "message": "the display name must not be empty"}})
    );
    assert_eq!(results[3]["record"], 4);
    let bodies: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.body_text().to_owned())
        .collect();
    assert_eq!(
        bodies,
        [
            r#"{"display_name":"Lovelace, Ada","info":"line 1\nline 2, \"quoted\""}"#,
            r#"{"display_name":"Bob"}"#,
            r#"{"display_name":"Ünïcødé 李","info":"x"}"#,
        ]
    );
    run.stderr_has("import: 3 created, 1 failed, 0 skipped, 0 uncertain");
    run.stderr_has("altur: error: 1 of 4 records failed or are uncertain");
}

#[test]
fn csv_with_display_name_column_and_no_info() {
    let server = Server::new([Reply::enduser("a")]);
    Altur::new()
        .against(&server)
        .file("u.CSV", "display_name\nAda\n")
        .args(["enduser", "import", "u.CSV"])
        .run()
        .success();
    assert_eq!(
        server.only_request().body_text(),
        r#"{"display_name":"Ada"}"#
    );
}

#[test]
fn a_json_array_is_imported_and_format_overrides_the_extension() {
    let server = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&server.url())
        .file(
            "users.txt",
            "[\n {\"display_name\":\"user-1\"},\n {\"display_name\":\"user-2\",\"info\":\"i\"}\n]\n",
        )
        .args(["enduser", "import", "users.txt", "--format", "json"])
        .run();
    run.success();
    assert_eq!(
        lines(&run.stdout),
        [created(1, "user-1"), created(2, "user-2")]
    );
}

#[test]
fn stdin_is_read_as_ndjson() {
    let server = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&server.url())
        .stdin(ndjson(3))
        .args(["enduser", "import", "-"])
        .run();
    run.success();
    assert_eq!(
        lines(&run.stdout),
        [
            created(1, "user-1"),
            created(2, "user-2"),
            created(3, "user-3")
        ]
    );
}

#[test]
fn bad_records_are_reported_and_never_sent_while_good_ones_go() {
    let server = HandlerServer::new(|_, r| create(r));
    let input = [
        r#"{"display_name":"user-1"}"#,
        r#"{"display_name":"user-2""#,
        r#"{"name":"x"}"#,
        r#"{"display_name":7}"#,
        r#"{"display_name":"   "}"#,
        r#"["user-6"]"#,
        r#"{"display_name":"user-7"}"#,
    ]
    .join("\n");
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", input)
        .args(["enduser", "import", "in.ndjson", "--concurrency", "3"])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 7);
    assert_eq!(results[0], created(1, "user-1"));
    assert_eq!(results[6], created(7, "user-7"));
    let messages: Vec<&str> = results[1..6]
        .iter()
        .map(|r| {
            assert_eq!(r["status"], "failed");
            assert_eq!(r["error"]["kind"], "input");
            r["error"]["message"].as_str().unwrap()
        })
        .collect();
    // The line in the file, not "line 1" of a one-line record.
    assert_eq!(
        messages[0],
        "invalid JSON on line 2, column 24: EOF while parsing an object"
    );
    assert_eq!(
        messages[1],
        "unknown field 'name' (known fields: display_name, info)"
    );
    assert_eq!(
        messages[2],
        "field 'display_name' must be a string, found a number"
    );
    assert_eq!(messages[3], "the display name must not be empty");
    assert!(messages[4].contains("found an array"), "{messages:?}");
    let mut names: Vec<String> = server.requests().iter().map(name_of).collect();
    names.sort();
    assert_eq!(names, ["user-1", "user-7"]);
    run.stderr_has("import: 2 created, 5 failed, 0 skipped, 0 uncertain");
}

#[test]
fn input_unreadable_as_a_whole_exits_2_and_sends_nothing() {
    let server = Server::new([]);
    let cases: [(&str, &str, &[&str], &str); 5] = [
        (
            "u.csv",
            "display_name,email\nA,a\n",
            &[],
            "unknown column 'email' in the CSV header of u.csv (accepted columns: display_name or name, info)",
        ),
        (
            "u.csv",
            "info\nx\n",
            &[],
            "the CSV header of u.csv has no display_name (or name) column",
        ),
        (
            "u.json",
            "{\"display_name\":\"A\"}",
            &[],
            "invalid JSON in u.json: invalid type: map, expected a JSON array of objects",
        ),
        (
            "u.ndjson",
            "[{\"display_name\":\"A\"}]",
            &[],
            "u.ndjson looks like a JSON array, not one object per line",
        ),
        (
            "u.txt",
            "x",
            &[],
            "cannot tell the format of u.txt from its name",
        ),
    ];
    for (name, contents, extra, message) in cases {
        let run = Altur::new()
            .against(&server)
            .file(name, contents)
            .args(["enduser", "import", name])
            .args(extra)
            .run();
        run.code(2).stdout_empty();
        run.stderr_has(&format!("altur: error: {message}"));
        // A fatal error comes alone, with no "0 created" summary before it.
        assert!(!run.stderr.contains("altur: import:"), "{}", run.stderr);
        let check = Altur::new()
            .against(&server)
            .file(name, contents)
            .args(["enduser", "import", "--validate-only", name])
            .args(extra)
            .run();
        check
            .code(2)
            .stderr_has(&format!("altur: error: {message}"));
        assert!(!check.stderr.contains("altur: import:"), "{}", check.stderr);
    }
    // A missing file is missing, whatever its extension says.
    for missing in ["missing.csv", "users.cvs"] {
        Altur::new()
            .against(&server)
            .args(["enduser", "import", missing])
            .run()
            .code(2)
            .stderr_has(&format!("altur: error: no such file: {missing}"));
    }
    assert!(server.requests().is_empty());
}

#[test]
fn api_refusals_fail_the_record_and_unknown_outcomes_are_uncertain() {
    let server = Server::new([
        Reply::json(400, r#"{"error":400,"message":"display_name too long"}"#),
        Reply::json(409, r#"{"error":"conflict","message":"exists"}"#),
        Reply::json(503, "oops"),
        Reply::Drop,
        Reply::enduser("e"),
    ]);
    let run = Altur::new()
        .against(&server)
        .file("in.ndjson", ndjson(5))
        .args(["enduser", "import", "in.ndjson", "--concurrency", "1"])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(
        results[0],
        json!({"record":1,"status":"failed","error":{"kind":"api","status":400,"message":"HTTP 400: display_name too long"}})
    );
    assert_eq!(
        results[1],
        json!({"record":2,"status":"failed","error":{"kind":"api","status":409,"message":"HTTP 409 conflict: exists","code":"conflict"}})
    );
    assert_eq!(
        results[2],
        json!({"record":3,"status":"uncertain","error":{"kind":"server","status":503,"message":"HTTP 503: oops"}})
    );
    assert_eq!(results[3]["status"], "uncertain");
    assert_eq!(results[3]["error"]["kind"], "unknown");
    assert_eq!(results[4], json!({"record":5,"status":"created","id":ID}));
    // Nothing was sent twice: the 503 and the dropped connection may have created the record.
    assert_eq!(server.requests().len(), 5);
    run.stderr_has("import: 1 created, 2 failed, 0 skipped, 2 uncertain");
}

#[test]
fn http_401_stops_the_run_at_once_with_exit_4() {
    let server = Server::new([Reply::json(401, r#"{"error":401,"message":"bad key"}"#)]);
    let run = Altur::new()
        .against(&server)
        .file("in.ndjson", ndjson(50))
        .args(["enduser", "import", "in.ndjson", "--concurrency", "1"])
        .run();
    run.code(4);
    run.stderr_has("altur: error: HTTP 401: bad key");
    assert_eq!(server.requests().len(), 1);
    assert_eq!(
        lines(&run.stdout)[0],
        json!({"record":1,"status":"failed","error":{"kind":"auth","status":401,"message":"HTTP 401: bad key","hint":"check the API key: `altur auth status` shows which one is used"}})
    );
}

#[test]
fn results_keep_input_order_under_concurrency_with_random_delays() {
    let server = HandlerServer::new(|index, r| {
        std::thread::sleep(jitter(index, 25));
        create(r)
    });
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", ndjson(300))
        .args(["enduser", "import", "in.ndjson", "--concurrency", "16"])
        .run();
    run.success();
    let expected: Vec<Value> = (1..=300)
        .map(|n| created(n, &format!("user-{n}")))
        .collect();
    assert_eq!(lines(&run.stdout), expected);
    assert_eq!(server.requests().len(), 300);
}

#[test]
fn a_429_storm_loses_no_record_and_creates_none_twice() {
    let creations = Arc::new(Mutex::new(HashMap::<String, usize>::new()));
    let turned_away = Arc::new(AtomicUsize::new(0));
    let server = {
        let (creations, turned_away) = (creations.clone(), turned_away.clone());
        HandlerServer::new(move |index, r| {
            std::thread::sleep(jitter(index, 5));
            // The first 16 requests (two rounds of 8), then every 40th, are turned away.
            if index < 16 || index % 40 == 0 {
                turned_away.fetch_add(1, Ordering::SeqCst);
                return Reply::with_headers(
                    429,
                    &[("Retry-After", "0")],
                    r#"{"error":429,"message":"slow down"}"#,
                );
            }
            *creations.lock().unwrap().entry(name_of(r)).or_default() += 1;
            create(r)
        })
    };
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", ndjson(120))
        .args([
            "enduser",
            "import",
            "in.ndjson",
            "--concurrency",
            "8",
            "--retries",
            "0",
        ])
        .run();
    run.success();
    let expected: Vec<Value> = (1..=120)
        .map(|n| created(n, &format!("user-{n}")))
        .collect();
    assert_eq!(lines(&run.stdout), expected);
    let creations = creations.lock().unwrap();
    assert_eq!(creations.len(), 120);
    assert!(creations.values().all(|&n| n == 1), "{creations:?}");
    assert!(turned_away.load(Ordering::SeqCst) >= 16);
    run.stderr_has("import: 120 created, 0 failed, 0 skipped, 0 uncertain");
}

#[test]
fn fail_fast_stops_at_the_first_failed_record() {
    let server = Server::new([Reply::enduser("a")]);
    let input = format!("{{\"display_name\":\"user-1\"}}\n{{}}\n{}", ndjson(20));
    let run = Altur::new()
        .against(&server)
        .file("in.ndjson", input)
        .args([
            "enduser",
            "import",
            "in.ndjson",
            "--concurrency",
            "1",
            "--fail-fast",
        ])
        .run();
    run.code(9).stdout_is(&format!(
        "{{\"record\":1,\"status\":\"created\",\"id\":\"{ID}\"}}\n{{\"record\":2,\"status\":\"failed\",\"error\":{{\"kind\":\"input\",\"message\":\"a display name is required (--name)\"}}}}\n"
    ));
    run.stderr_has("; stopped early at record 2 (--fail-fast): nothing after it was sent\n");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn validate_only_checks_everything_and_sends_nothing() {
    let server = Server::new([]);
    let run = Altur::new()
        .against(&server)
        .file("ok.csv", "name,info\nA,\nB,b\n")
        .args(["enduser", "import", "ok.csv", "--validate-only"])
        .run();
    run.success()
        .stdout_is("{\"record\":1,\"status\":\"valid\"}\n{\"record\":2,\"status\":\"valid\"}\n")
        .stderr_has("altur: import: 2 valid, 0 invalid, nothing sent");
    let run = Altur::new()
        .file(
            "bad.json",
            r#"[{"display_name":"A"},{"display_name":""},{"info":"x"}]"#,
        )
        .args(["enduser", "import", "bad.json", "--validate-only"])
        .run();
    run.code(9).stdout_is(concat!(
        "{\"record\":1,\"status\":\"valid\"}\n",
        "{\"record\":2,\"status\":\"failed\",\"error\":{\"kind\":\"input\",\"message\":\"the display name must not be empty\"}}\n",
        "{\"record\":3,\"status\":\"failed\",\"error\":{\"kind\":\"input\",\"message\":\"a display name is required (--name)\"}}\n",
    ));
    assert!(server.requests().is_empty());
}

#[test]
fn connection_refused_fails_the_record_after_retries_and_a_resume_sends_it() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(2)).unwrap();
    let refused = format!("http://127.0.0.1:{}", crate::support::closed_port());
    let run = Altur::new()
        .against_url(&refused)
        .args(["enduser", "import", "--retries", "1", "--journal"])
        .args([&journal, &input])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results[0]["status"], "failed");
    assert_eq!(results[0]["error"]["kind"], "network");
    let server = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    run.success();
    assert_eq!(
        lines(&run.stdout),
        [created(1, "user-1"), created(2, "user-2")]
    );
}

#[test]
fn a_journal_for_another_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let server = HandlerServer::new(|_, r| create(r));
    let (a, b) = (dir.path().join("a.ndjson"), dir.path().join("b.ndjson"));
    std::fs::write(&a, ndjson(2)).unwrap();
    // Other records under the same numbers: not an edit of a.
    let other: String = (11..=13)
        .map(|n| format!("{{\"display_name\":\"user-{n}\"}}\n"))
        .collect();
    std::fs::write(&b, other).unwrap();
    Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &a])
        .run()
        .success();
    let run = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &b])
        .run();
    run.code(2).stdout_empty();
    run.stderr_has(&format!(
        "altur: error: the journal {} does not belong to this input: 2 of the first 2 records it lists as sent differ from the records with the same numbers here",
        journal.display(),
    ));
    assert_eq!(server.requests().len(), 2);
}

/// Every record of a resumed run is created, skipped or uncertain; none was created by both
/// runs; skipped ones carry the id the first run got; uncertain ones were sent by the first.
fn assert_accounted_for(count: u64, first: &[Recorded], second: &[Recorded], resumed: &str) {
    let first_names: HashSet<String> = first.iter().map(name_of).collect();
    let second_names: Vec<String> = second.iter().map(name_of).collect();
    assert_eq!(
        second_names.iter().collect::<HashSet<_>>().len(),
        second_names.len(),
        "the second run sent a record twice"
    );
    for name in &second_names {
        assert!(
            !first_names.contains(name),
            "{name} was created by both runs"
        );
    }
    let results = lines(resumed);
    assert_eq!(results.len() as u64, count, "{resumed}");
    for (n, result) in (1..=count).zip(&results) {
        let name = format!("user-{n}");
        assert_eq!(result["record"], n);
        match result["status"].as_str().unwrap() {
            "created" => {
                assert!(second_names.contains(&name));
                assert_eq!(result["id"], id_for(&name));
            }
            "skipped" => {
                assert!(
                    first_names.contains(&name),
                    "{name} skipped but never created"
                );
                assert_eq!(result["id"], id_for(&name));
                assert_eq!(result["reason"], "already created (journal)");
            }
            "uncertain" => assert!(!second_names.contains(&name), "{name} was re-sent"),
            other => panic!("record {n} is {other}: {result}"),
        }
    }
}

#[test]
fn a_server_that_goes_away_then_a_resumed_run_creates_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    // Enough records that the run must stop well before the end: after 20 refused in a row
    // only the few already in flight can still finish.
    std::fs::write(&input, ndjson(200)).unwrap();
    let first = HandlerServer::new(|index, r| {
        std::thread::sleep(jitter(index, 10));
        create(r)
    })
    .stop_after(20);
    let run = Altur::new()
        .against_url(&first.url())
        .args([
            "enduser",
            "import",
            "--concurrency",
            "4",
            "--retries",
            "0",
            "--journal",
        ])
        .args([&journal, &input])
        .run();
    // Once the server is gone every record is refused at the door: after 20 in a row the run
    // stops (exit 6) instead of failing the rest one by one.
    run.code(6);
    run.stderr_has("records in a row could not be sent");
    let statuses: Vec<String> = lines(&run.stdout)
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .collect();
    assert!(statuses.len() < 100, "{}\n{}", run.stdout, run.stderr);
    // Requests already past the door when the server went away were still answered.
    let answered = first.requests().len();
    assert!((20..24).contains(&answered), "{answered}");
    assert_eq!(
        statuses.iter().filter(|s| *s == "created").count(),
        answered
    );
    assert!(statuses.iter().any(|s| s == "failed"), "{statuses:?}");

    let second = HandlerServer::new(|_, r| create(r));
    let resumed = Altur::new()
        .against_url(&second.url())
        .args(["enduser", "import", "--concurrency", "4", "--journal"])
        .args([&journal, &input])
        .run();
    assert_accounted_for(200, &first.requests(), &second.requests(), &resumed.stdout);
    let results = lines(&resumed.stdout);
    let skipped = results.iter().filter(|r| r["status"] == "skipped").count();
    assert_eq!(skipped, answered);
    // Records in flight when the server went away are held back as uncertain; nothing else
    // can fail against the second server.
    let uncertain = results
        .iter()
        .filter(|r| r["status"] == "uncertain")
        .count();
    resumed.code(if uncertain > 0 { 9 } else { 0 });
    assert_eq!(
        second.requests().len() + skipped + uncertain,
        200,
        "{}",
        resumed.stdout
    );
}

/// The binary started directly, for tests that signal or kill it.
fn spawn_import(server: &HandlerServer, concurrency: &str, args: &[&Path]) -> Spawned {
    Altur::new()
        .against_url(&server.url())
        .args([
            "enduser",
            "import",
            "--concurrency",
            concurrency,
            "--journal",
        ])
        .args(args)
        .spawn()
}

/// Waits until the journal has at least `count` lines about `event`.
fn wait_for_event(journal: &Path, event: &str, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let needle = format!("\"event\":\"{event}\"");
    loop {
        let text = std::fs::read_to_string(journal).unwrap_or_default();
        if text.matches(&needle).count() >= count {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the journal never got {count} {event} lines"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_killed_run_resumes_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(200)).unwrap();
    let first = HandlerServer::new(|index, r| {
        std::thread::sleep(Duration::from_millis(20) + jitter(index, 20));
        create(r)
    });
    let mut child = spawn_import(&first, "4", &[&journal, &input]);
    wait_for_event(&journal, "sent", 30);
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let answered_before_kill = first.requests();
    assert!(answered_before_kill.len() < 200);

    let second = HandlerServer::new(|_, r| create(r));
    let resumed = Altur::new()
        .against_url(&second.url())
        .args(["enduser", "import", "--concurrency", "4", "--journal"])
        .args([&journal, &input])
        .run();
    // Requests the first server answered after the kill cannot have reached the journal; they
    // are still counted as created by the first run.
    assert_accounted_for(200, &first.requests(), &second.requests(), &resumed.stdout);
    let results = lines(&resumed.stdout);
    let skipped = results.iter().filter(|r| r["status"] == "skipped").count();
    assert!(skipped >= 25, "skipped {skipped}");
    if results.iter().any(|r| r["status"] == "uncertain") {
        resumed.code(9);
    } else {
        resumed.success();
    }
}

#[test]
fn sigterm_finishes_in_flight_records_prints_the_summary_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(500)).unwrap();
    let server = HandlerServer::new(|_, r| {
        std::thread::sleep(Duration::from_millis(30));
        create(r)
    });
    let child = spawn_import(&server, "4", &[&journal, &input]);
    wait_for_event(&journal, "sent", 10);
    // The shell's own `kill`: no procps needed.
    let status = Command::new("sh")
        .args(["-c", &format!("kill -TERM {}", child.id())])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.finish();
    let stderr = output.stderr.clone();
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    assert!(stderr.contains("altur: import: "), "{stderr}");
    assert!(stderr.contains("altur: error: interrupted"), "{stderr}");
    // Every request that was sent got its answer and its result.
    let results = lines(&output.stdout);
    let answered = server.requests().len();
    assert!(answered < 500);
    assert_eq!(results.len(), answered);
    assert!(results.iter().all(|r| r["status"] == "created"));
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.matches("\"event\":\"created\"").count(), answered);
    assert_eq!(text.matches("\"event\":\"sent\"").count(), answered);
}

#[test]
fn dry_run_is_refused_rather_than_ignored() {
    let server = Server::new([]);
    Altur::new()
        .against(&server)
        .file("in.ndjson", ndjson(1))
        .args(["enduser", "import", "in.ndjson", "--dry-run"])
        .run()
        .code(2)
        .stdout_empty()
        .stderr_has("altur: error: --dry-run does not apply to enduser import\naltur: hint: --validate-only checks every record and sends nothing");
    assert!(server.requests().is_empty());
}

#[test]
fn uncertain_records_are_held_back_on_resume_unless_resend_uncertain() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(3)).unwrap();
    let first = HandlerServer::new(|_, r| {
        if name_of(r) == "user-2" {
            Reply::json(503, r#"{"error":503,"message":"try later"}"#)
        } else {
            create(r)
        }
    });
    let run = Altur::new()
        .against_url(&first.url())
        .args(["enduser", "import", "--concurrency", "1", "--journal"])
        .args([&journal, &input])
        .run();
    run.code(9);
    assert_eq!(
        lines(&run.stdout)[1],
        json!({"record":2,"status":"uncertain","error":{"kind":"server","status":503,"message":"HTTP 503: try later"}})
    );

    let second = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&second.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    run.code(9);
    let held_back = json!({"record":2,"status":"uncertain","error":{"kind":"unknown","message":"an earlier run sent this record and never learned whether it was created; not sent again (--resend-uncertain sends it anyway)"}});
    let skipped = |n: u64| json!({"record":n,"status":"skipped","reason":"already created (journal)","id":id_for(&format!("user-{n}"))});
    assert_eq!(lines(&run.stdout), [skipped(1), held_back, skipped(3)]);
    assert!(second.requests().is_empty());
    run.stderr_has("import: 0 created, 0 failed, 2 skipped, 1 uncertain");

    let run = Altur::new()
        .against_url(&second.url())
        .args(["enduser", "import", "--resend-uncertain", "--journal"])
        .args([&journal, &input])
        .run();
    run.success();
    assert_eq!(
        lines(&run.stdout),
        [skipped(1), created(2, "user-2"), skipped(3)]
    );
    assert_eq!(second.requests().len(), 1);
}

#[test]
fn a_record_changed_beyond_the_first_64_kib_is_caught_by_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    let padding = "x".repeat(400);
    let records: String = (1..=200)
        .map(|n| format!("{{\"display_name\":\"user-{n}\",\"info\":\"{padding}\"}}\n"))
        .collect();
    assert!(records.len() > 64 * 1024);
    std::fs::write(&input, &records).unwrap();
    let server = HandlerServer::new(|_, r| create(r));
    Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--concurrency", "8", "--journal"])
        .args([&journal, &input])
        .run()
        .success();
    std::fs::write(&input, records.replace("user-199\"", "user-199 changed\"")).unwrap();
    let run = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    // Only the changed record is refused: it was created, and sending it again would make a
    // second EndUser.
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 200);
    assert_eq!(
        results[198],
        json!({"record":199,"status":"failed","error":{"kind":"input","message":format!("changed after it was created (id {}) by an earlier run with this journal: not sent, so as not to create it twice", id_for("user-199"))}})
    );
    assert!(
        results
            .iter()
            .filter(|r| r["record"] != 199)
            .all(|r| r["status"] == "skipped")
    );
    run.stderr_has("import: 0 created, 1 failed, 199 skipped, 0 uncertain");
    assert_eq!(server.requests().len(), 200);
}

#[test]
fn a_slow_record_stops_the_reading_ahead_instead_of_growing_memory() {
    // Record 1 is held while the others are answered at once. The run may get at most its
    // reordering window (4 x concurrency + 64 = 80 records, record 1 included) ahead of
    // record 1: the server waits until 79 others are answered (the workers kept going), gives
    // an overreaching reader a moment to show itself, then lets record 1 go.
    const WINDOW: usize = 4 * 4 + 64;
    let answered_during_hold = Arc::new(AtomicUsize::new(usize::MAX));
    let answered = Arc::new(AtomicUsize::new(0));
    let server = {
        let (answered_during_hold, answered) = (answered_during_hold.clone(), answered.clone());
        HandlerServer::new(move |_, r| {
            if name_of(r) == "user-1" {
                crate::support::wait_until(Duration::from_secs(30), || {
                    answered.load(Ordering::SeqCst) >= WINDOW - 1
                });
                // Not a synchronisation: a correct run cannot send more whatever the wait,
                // and a broken one that could is given the time to.
                std::thread::sleep(Duration::from_millis(200));
                answered_during_hold.store(answered.load(Ordering::SeqCst), Ordering::SeqCst);
            } else {
                answered.fetch_add(1, Ordering::SeqCst);
            }
            create(r)
        })
    };
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", ndjson(2000))
        .args(["enduser", "import", "in.ndjson", "--concurrency", "4"])
        .run();
    run.success();
    assert_eq!(lines(&run.stdout).len(), 2000);
    assert_eq!(answered_during_hold.load(Ordering::SeqCst), WINDOW - 1);
}

#[test]
fn a_run_killed_while_rate_limited_sends_the_turned_away_record_again() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(3)).unwrap();
    let first = HandlerServer::new(|_, _| {
        Reply::with_headers(
            429,
            &[("Retry-After", "30")],
            r#"{"error":429,"message":"slow down"}"#,
        )
    });
    let mut child = spawn_import(&first, "1", &[&journal, &input]);
    // The 429 is journaled before the 30 s pause begins.
    wait_for_event(&journal, "failed", 1);
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    assert_eq!(first.requests().len(), 1);

    let second = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&second.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    run.success();
    assert_eq!(
        lines(&run.stdout),
        [
            created(1, "user-1"),
            created(2, "user-2"),
            created(3, "user-3")
        ]
    );
}

#[test]
fn a_journal_that_cannot_be_opened_stops_the_run_before_sending() {
    let server = Server::new([]);
    let run = Altur::new()
        .against(&server)
        .file("in.ndjson", ndjson(2))
        .file("journal-dir/x", "")
        .args(["enduser", "import", "in.ndjson", "--journal", "journal-dir"])
        .run();
    run.code(2)
        .stdout_empty()
        .stderr_has("altur: error: cannot use the journal journal-dir: ");
    assert!(server.requests().is_empty());
}

#[test]
fn records_from_a_pipe_are_sent_as_they_arrive() {
    use std::io::Write;
    let server = HandlerServer::new(|_, r| create(r));
    let mut child = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "-"])
        .spawn_with(Stdio::piped(), Stdio::piped(), Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"{\"display_name\":\"user-1\"}\n").unwrap();
    stdin.flush().unwrap();
    // The first record is sent while the pipe is still open.
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.requests().is_empty() {
        assert!(
            Instant::now() < deadline,
            "nothing was sent before the end of the input"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    stdin.write_all(b"{\"display_name\":\"user-2\"}\n").unwrap();
    drop(stdin);
    let output = child.finish();
    assert_eq!(Some(output.code), Some(0));
    assert_eq!(
        lines(&output.stdout),
        [created(1, "user-1"), created(2, "user-2")]
    );
}

/// Waits (bounded) for a message a test server sends when a request arrives.
#[track_caller]
fn arrival(arrivals: &std::sync::mpsc::Receiver<String>) -> String {
    arrivals
        .recv_timeout(Duration::from_secs(30))
        .expect("the request arrives")
}

/// A server that holds the request for `held` until the test sends on the returned release
/// channel, and creates everything else at once. Each arrival of `held` is announced.
fn holding_server(
    held: &'static str,
) -> (
    HandlerServer,
    std::sync::mpsc::Receiver<String>,
    std::sync::mpsc::Sender<()>,
) {
    let (arrived_tx, arrived) = std::sync::mpsc::channel();
    let (release, release_rx) = std::sync::mpsc::channel::<()>();
    let (arrived_tx, release_rx) = (Mutex::new(arrived_tx), Mutex::new(release_rx));
    let server = HandlerServer::new(move |_, r| {
        let name = name_of(r);
        if name == held {
            arrived_tx.lock().unwrap().send(name).unwrap();
            let _ = release_rx.lock().unwrap().recv();
        }
        create(r)
    });
    (server, arrived, release)
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_journal_is_private_from_the_start_and_never_holds_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(1)).unwrap();
    let echo = format!(r#"{{"error":400,"message":"bad key {KEY} in the request"}}"#);
    let server = Server::new([Reply::json(400, echo)]);
    let run = Altur::new()
        .against(&server)
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    run.code(9);
    assert_eq!(
        lines(&run.stdout)[0]["error"]["message"],
        "HTTP 400: bad key [REDACTED] in the request"
    );
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(!text.contains(KEY), "the journal holds the key:\n{text}");
    assert!(
        text.contains(r#""reason":"HTTP 400: bad key [REDACTED] in the request""#),
        "{text}"
    );
    assert_eq!(mode_of(&journal), 0o600);
}

#[cfg(target_os = "linux")]
#[test]
fn a_record_created_whose_journal_write_then_fails_is_uncertain_not_failed() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(1)).unwrap();
    // A first run leaves the record failed (400) in the journal, so the second sends it again.
    let refusing = Server::new([Reply::json(400, r#"{"error":400,"message":"no"}"#)]);
    Altur::new()
        .against(&refusing)
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run()
        .code(9);
    // The second run may grow the journal by its `sent` line and not one byte more (a file
    // size limit, RLIMIT_FSIZE, with SIGXFSZ ignored so the write fails with EFBIG): the
    // record is sent and created, and the `created` line cannot be written. prlimit(1) sets
    // the limit; a signal the shell ignores stays ignored in the programs it execs.
    let sent_line = r#"{"record":1,"hash":"0000000000000000","event":"sent"}"#.len() + 1;
    let limit = std::fs::metadata(&journal).unwrap().len() + sent_line as u64;
    let server = HandlerServer::new(|_, r| create(r));
    let output = Altur::bash(&format!(
        "trap '' XFSZ; exec prlimit --fsize={limit} -- altur \"$@\""
    ))
    .arg("limited")
    .against_url(&server.url())
    .args(["enduser", "import", "--journal"])
    .args([&journal, &input])
    .run();
    let stderr = output.stderr.clone();
    assert_eq!(server.requests().len(), 1, "{stderr}");
    let results = lines(&output.stdout);
    assert_eq!(results.len(), 1, "{stderr}");
    assert_eq!(results[0]["status"], "uncertain", "{stderr}");
    let message = results[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!(
            "created with the id {}, but the journal could not record it (cannot write to the journal: ",
            id_for("user-1")
        )),
        "{message}"
    );
    assert!(
        stderr.contains("import: 0 created, 0 failed, 0 skipped, 1 uncertain"),
        "{stderr}"
    );
    assert!(
        stderr.contains("altur: error: cannot write to the journal: "),
        "{stderr}"
    );
    assert_eq!(Some(output.code), Some(1), "{stderr}");
    // What the journal says agrees: the record's last word is `sent`, held back on resume.
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(text.ends_with("\"event\":\"sent\"}\n"), "{text}");
}

#[test]
fn a_second_run_on_a_journal_in_use_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(2)).unwrap();
    let (server, arrivals, release) = holding_server("user-1");
    let first = spawn_import(&server, "1", &[&journal, &input]);
    // The first run holds the journal while its first request waits at the server.
    assert_eq!(arrival(&arrivals), "user-1");
    let second = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    second.code(2).stdout_empty();
    second.stderr_has(&format!(
        "altur: error: the journal {} is in use by another run of altur\n",
        journal.display()
    ));
    release.send(()).unwrap();
    let output = first.finish();
    assert_eq!(Some(output.code), Some(0));
    assert_eq!(
        lines(&output.stdout),
        [created(1, "user-1"), created(2, "user-2")]
    );
    // Each record went once: the second run sent nothing.
    let mut names: Vec<String> = server.requests().iter().map(name_of).collect();
    names.sort();
    assert_eq!(names, ["user-1", "user-2"]);
}

#[test]
fn a_closed_stdout_stops_the_run_finishes_what_is_in_flight_and_exits_130() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(3000)).unwrap();
    let (server, arrivals, release) = holding_server("user-2");
    let mut child = spawn_import(&server, "1", &[&journal, &input]);
    // `| head -1`: read the first result, then close the pipe while record 2 is at the server.
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first_line = String::new();
    stdout.read_line(&mut first_line).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&first_line).unwrap(),
        created(1, "user-1")
    );
    assert_eq!(arrival(&arrivals), "user-2");
    drop(stdout);
    release.send(()).unwrap();
    let output = child.finish();
    let stderr = output.stderr.clone();
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    assert!(
        stderr.contains("altur: error: stdout was closed, so the run stopped"),
        "{stderr}"
    );
    // The summary is on stderr and counts what the server created: every request sent was
    // answered and journaled, and the run stopped sending soon after.
    let answered = server.requests().len();
    assert!((2..3000).contains(&answered), "{answered}");
    assert!(
        stderr.contains(&format!("altur: import: {answered} created, 0 failed")),
        "{stderr}"
    );
    assert!(
        stderr.contains("; stopped early: stdout was closed"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.matches("\"event\":\"created\"").count(), answered);
    assert_eq!(text.matches("\"event\":\"sent\"").count(), answered);
}

#[test]
fn twenty_records_in_a_row_that_cannot_be_sent_stop_the_run_with_exit_6() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(50)).unwrap();
    let refused = format!("http://127.0.0.1:{}", crate::support::closed_port());
    let run = Altur::new()
        .against_url(&refused)
        .args([
            "enduser",
            "import",
            "--retries",
            "0",
            "--concurrency",
            "1",
            "--journal",
        ])
        .args([&journal, &input])
        .run();
    run.code(6);
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 20, "{}", run.stdout);
    for (n, result) in (1..).zip(&results) {
        assert_eq!(result["record"], n);
        assert_eq!(result["status"], "failed");
        assert_eq!(result["error"]["kind"], "network");
    }
    run.stderr_has("; stopped early: the server could not be reached\n");
    run.stderr_has("altur: error: 20 records in a row could not be sent (the last: ");
    run.stderr_has("altur: hint: once the server can be reached: run again with the same --journal to carry on where this run stopped, creating nothing twice");
    // Records after the 20th were neither sent nor journaled: a resumed run sends them all.
    let server = HandlerServer::new(|_, r| create(r));
    let resumed = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    resumed.success();
    let expected: Vec<Value> = (1..=50).map(|n| created(n, &format!("user-{n}"))).collect();
    assert_eq!(lines(&resumed.stdout), expected);
}

#[test]
fn an_edited_input_resumes_fixed_records_and_refuses_created_ones_that_changed() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    // Record 2 is invalid (never sent), record 3 is refused by the server.
    std::fs::write(
        &input,
        "{\"display_name\":\"user-1\"}\n{\"display_name\":\"\"}\n{\"display_name\":\"user-3\",\"info\":\"bad\"}\n{\"display_name\":\"user-4\"}\n",
    )
    .unwrap();
    let first = HandlerServer::new(|_, r| {
        if r.body_json()["info"] == "bad" {
            Reply::json(400, r#"{"error":400,"message":"info is bad"}"#)
        } else {
            create(r)
        }
    });
    Altur::new()
        .against_url(&first.url())
        .args(["enduser", "import", "--concurrency", "1", "--journal"])
        .args([&journal, &input])
        .run()
        .code(9);
    // Fixed: records 2 and 3. Changed although created: record 4. New: record 5.
    std::fs::write(
        &input,
        "{\"display_name\":\"user-1\"}\n{\"display_name\":\"user-2\"}\n{\"display_name\":\"user-3\",\"info\":\"good\"}\n{\"display_name\":\"user-4\",\"info\":\"changed\"}\n{\"display_name\":\"user-5\"}\n",
    )
    .unwrap();
    let second = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&second.url())
        .args(["enduser", "import", "--concurrency", "1", "--journal"])
        .args([&journal, &input])
        .run();
    run.code(9);
    assert_eq!(
        lines(&run.stdout),
        [
            json!({"record":1,"status":"skipped","reason":"already created (journal)","id":id_for("user-1")}),
            created(2, "user-2"),
            created(3, "user-3"),
            json!({"record":4,"status":"failed","error":{"kind":"input","message":format!("changed after it was created (id {}) by an earlier run with this journal: not sent, so as not to create it twice", id_for("user-4"))}}),
            created(5, "user-5"),
        ]
    );
    let bodies: Vec<String> = second
        .requests()
        .iter()
        .map(|r| r.body_text().to_owned())
        .collect();
    assert_eq!(
        bodies,
        [
            r#"{"display_name":"user-2"}"#,
            r#"{"display_name":"user-3","info":"good"}"#,
            r#"{"display_name":"user-5"}"#,
        ]
    );
    run.stderr_has("import: 3 created, 1 failed, 1 skipped, 0 uncertain");
}

#[test]
fn an_unclosed_csv_quote_names_its_record_and_line_and_sends_nothing_from_there() {
    // The issue's example: csv alone would read one record, Ada with info "x\nGrace,y\n".
    let server = Server::new([Reply::enduser("Bob")]);
    let run = Altur::new()
        .against(&server)
        .file("u.csv", "name,info\nAda,\"x\nGrace,y\n")
        .args(["enduser", "import", "u.csv"])
        .run();
    run.code(2).stdout_empty();
    run.stderr_has(
        "altur: error: u.csv: record 1 has a quoted field that is never closed: the quote opened on line 2\n",
    );
    assert!(server.requests().is_empty());
    // Records before it are sent; the summary and the error say how far the run got.
    let run = Altur::new()
        .against(&server)
        .file("u.csv", "Name,Info\nBob,ok\nAda,\"x\nGrace,y\n")
        .args(["enduser", "import", "u.csv"])
        .run();
    run.code(2).stdout_is(&format!(
        "{{\"record\":1,\"status\":\"created\",\"id\":\"{ID}\"}}\n"
    ));
    run.stderr_has("import: 1 created, 0 failed, 0 skipped, 0 uncertain");
    run.stderr_has("record 2 has a quoted field that is never closed: the quote opened on line 3\naltur: hint: close the quote");
    assert_eq!(
        server.only_request().body_text(),
        r#"{"display_name":"Bob","info":"ok"}"#
    );
    // --validate-only finds it too.
    Altur::new()
        .file("u.csv", "name\nAda\n\"Grace\n")
        .args(["enduser", "import", "u.csv", "--validate-only"])
        .run()
        .code(2)
        .stdout_is("{\"record\":1,\"status\":\"valid\"}\n")
        .stderr_has("record 2 has a quoted field that is never closed: the quote opened on line 3");
}

#[test]
fn csv_piped_without_format_csv_is_recognised_and_nothing_is_sent() {
    let server = Server::new([]);
    let run = Altur::new()
        .against(&server)
        .stdin("name,info\nAda,x\nGrace,y\n")
        .args(["enduser", "import", "-"])
        .run();
    run.code(2).stdout_empty();
    run.stderr_has("altur: error: stdin looks like CSV: add --format csv\n");
    assert!(server.requests().is_empty());
}

/// What a terminal shows after `bytes`, line by line: enough of a VT100 for a progress bar
/// (carriage return, erase in line, cursor up and down, hidden cursor).
fn screen(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                row += 1;
                if rows.len() <= row {
                    rows.push(Vec::new());
                }
            }
            '\r' => col = 0,
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut params = String::new();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        last = c;
                        break;
                    }
                    params.push(c);
                }
                let n: usize = params.trim_start_matches('?').parse().unwrap_or(0);
                let line = &mut rows[row];
                match last {
                    'K' if n == 2 => line.clear(),
                    'K' if n == 1 => line.iter_mut().take(col + 1).for_each(|c| *c = ' '),
                    'K' => line.truncate(col),
                    'A' => row = row.saturating_sub(n.max(1)),
                    'B' => {
                        row += n.max(1);
                        while rows.len() <= row {
                            rows.push(Vec::new());
                        }
                    }
                    'G' => col = n.saturating_sub(1),
                    'J' => {
                        line.truncate(col);
                        rows.truncate(row + 1);
                    }
                    _ => {} // colours, cursor visibility
                }
            }
            c if c.is_control() => {}
            c => {
                let line = &mut rows[row];
                while line.len() < col {
                    line.push(' ');
                }
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.push(c);
                }
                col += 1;
            }
        }
    }
    rows.into_iter()
        .map(|r| r.into_iter().collect::<String>().trim_end().to_owned())
        .collect()
}

#[test]
fn on_a_terminal_the_progress_line_never_shares_a_line_with_a_result() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(300)).unwrap();
    // Record 2 waits at the server until the progress line, with its ETA (the input is a
    // file, so its size is known), is on the screen: the results are printed while the line
    // is there.
    let (server, arrivals, release) = holding_server("user-2");
    // `script` runs the binary on a pseudo-terminal: stdout and stderr are that terminal, and
    // what it shows comes back on script's stdout.
    let command = format!(
        "exec altur enduser import '{}' --concurrency 1",
        input.display()
    );
    let mut child = Altur::program("script", ["-qec", &command, "/dev/null"])
        .env("SHELL", "/bin/sh")
        .env("TERM", "xterm")
        .against_url(&server.url())
        .spawn_with(Stdio::piped(), Stdio::piped(), Stdio::piped());
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut buffer) {
            let _ = tx.send(buffer[..n].to_vec());
        }
    });
    assert_eq!(arrival(&arrivals), "user-2");
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !String::from_utf8_lossy(&seen).contains("1 record  ")
        || !String::from_utf8_lossy(&seen).contains("  ETA ")
    {
        let left = deadline.saturating_duration_since(Instant::now());
        seen.extend(rx.recv_timeout(left).expect("the progress line appears"));
    }
    release.send(()).unwrap();
    while let Ok(chunk) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        seen.extend(chunk);
    }
    let stdin = child.stdin.take();
    let status = child.wait().unwrap();
    drop(stdin);
    let shown = screen(&seen);
    assert!(status.success(), "{shown:#?}");
    let results: Vec<&String> = shown.iter().filter(|l| l.contains("\"record\"")).collect();
    assert_eq!(results.len(), 300, "{shown:#?}");
    for (n, line) in (1..).zip(results) {
        assert_eq!(
            serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{e}: {shown:#?}")),
            created(n, &format!("user-{n}")),
        );
    }
    assert!(
        shown
            .iter()
            .any(|l| l.starts_with("altur: import: 300 created, 0 failed")),
        "{shown:#?}"
    );
}

#[test]
fn validate_only_with_a_closed_stdout_says_it_stopped_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.ndjson");
    // Results far larger than a pipe holds: the check cannot end before the pipe is closed.
    std::fs::write(&input, ndjson(20_000)).unwrap();
    let mut child = Altur::new()
        .args(["enduser", "import", "--validate-only"])
        .arg(&input)
        .spawn();
    drop(child.stdout.take());
    let output = child.finish();
    let stderr = output.stderr.clone();
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    assert!(
        stderr.contains("; stopped early: stdout was closed\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "altur: error: stdout was closed, so the check stopped before the end of the input"
        ),
        "{stderr}"
    );
}

/// `timeout -s INT` signals altur and then its whole process group: two signals microseconds
/// apart are one Ctrl-C, so the run stops cleanly, not at once.
#[test]
fn timeout_s_int_prints_the_summary_and_leaves_nothing_uncertain() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(400)).unwrap();
    let server = HandlerServer::new(|_, r| {
        std::thread::sleep(Duration::from_millis(30));
        create(r)
    });
    let output = Altur::under(&["timeout", "--preserve-status", "-s", "INT", "1"])
        .against_url(&server.url())
        .args(["enduser", "import", "--concurrency", "4", "--journal"])
        .args([&journal, &input])
        .run();
    let stderr = output.stderr.clone();
    // With --preserve-status, timeout exits with the command's own status.
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    assert!(stderr.contains("altur: import: "), "{stderr}");
    assert!(stderr.contains("stopped early: interrupted"), "{stderr}");
    let results = lines(&output.stdout);
    let answered = server.requests().len();
    assert!(answered < 400, "the run was not stopped");
    assert_eq!(results.len(), answered);
    assert!(
        results.iter().all(|r| r["status"] == "created"),
        "{results:?}"
    );
    // The journal ends every record it sent with its outcome: a resume finds none uncertain.
    let resumed = Altur::new()
        .against_url(&server.url())
        .args(["enduser", "import", "--concurrency", "4", "--journal"])
        .args([&journal, &input])
        .run();
    resumed.success();
    assert!(!resumed.stdout.contains("uncertain"), "{}", resumed.stdout);
    assert_eq!(server.requests().len(), 400);
}

/// A second Ctrl-C after the first one's window ends the run at once, and says so in the
/// session's error format.
#[test]
fn a_second_signal_later_quits_at_once_in_the_json_error_format() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(3)).unwrap();
    let (server, arrived, _release) = holding_server("user-2");
    let child = Altur::new()
        .against_url(&server.url())
        .args([
            "-o",
            "json",
            "enduser",
            "import",
            "--concurrency",
            "1",
            "--journal",
        ])
        .args([&journal, &input])
        .spawn();
    assert_eq!(arrival(&arrived), "user-2");
    crate::support::send_signal(child.id(), "TERM");
    // The held request never finishes: only a second signal, past the window, ends the run.
    std::thread::sleep(Duration::from_millis(700));
    crate::support::send_signal(child.id(), "INT");
    let output = child.finish();
    let stderr = output.stderr.clone();
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    let error: Value =
        serde_json::from_str(stderr.trim()).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    assert_eq!(error["error"]["kind"], "interrupted", "{stderr}");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("interrupted again"),
        "{stderr}"
    );
}

/// `Retry-After: 0` (or `1e-300`) would turn a storm of 429s into a storm of requests: the
/// pause is at least a second, doubling while the 429s go on, and each record's 429 is
/// journaled once, not once per answer.
#[test]
fn a_retry_after_below_a_second_pauses_a_second_then_doubles_and_is_journaled_once() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let server = HandlerServer::new(|index, r| {
        if index < 2 {
            return Reply::with_headers(
                429,
                &[("Retry-After", "1e-300")],
                r#"{"error":429,"message":"slow down"}"#,
            );
        }
        create(r)
    });
    let started = Instant::now();
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", ndjson(1))
        .args(["enduser", "import", "in.ndjson", "--journal"])
        .arg(&journal)
        .run();
    run.success();
    assert!(
        started.elapsed() >= Duration::from_secs(3),
        "paused {:?}, not 1 s then 2 s",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 3);
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.matches("\"event\":\"failed\"").count(), 1, "{text}");
    assert_eq!(text.matches("\"event\":\"sent\"").count(), 3, "{text}");
}

/// Ctrl-C during a 429 pause stops the run at once, with its summary, and the record that
/// was turned away is sent again by a resumed run (it was not in flight).
#[test]
fn ctrl_c_is_honoured_during_a_429_pause() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(2)).unwrap();
    let storm = HandlerServer::new(|_, _| {
        Reply::with_headers(
            429,
            &[("Retry-After", "0")],
            r#"{"error":429,"message":"slow down"}"#,
        )
    });
    let mut child = spawn_import(&storm, "1", &[&journal, &input]);
    // Two rounds: the second 429 is the one only `sent` is journaled for.
    wait_for_event(&journal, "sent", 2);
    crate::support::send_signal(child.id(), "INT");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("Ctrl-C was not honoured during the pause");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.finish();
    let stderr = output.stderr.clone();
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    assert!(stderr.contains("stopped early: interrupted"), "{stderr}");
    assert!(
        storm.requests().len() <= 3,
        "{} requests",
        storm.requests().len()
    );

    let calm = HandlerServer::new(|_, r| create(r));
    let resumed = Altur::new()
        .against_url(&calm.url())
        .args(["enduser", "import", "--journal"])
        .args([&journal, &input])
        .run();
    resumed.success();
    assert_eq!(
        lines(&resumed.stdout),
        [created(1, "user-1"), created(2, "user-2")]
    );
}

/// `enduser import` keeps a journal per input file by default: the same file imported twice
/// creates nothing twice, and the second run says why it sent nothing.
#[test]
fn a_second_import_of_the_same_file_skips_what_the_first_created_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let input = dir.path().join("users.ndjson");
    std::fs::write(&input, ndjson(3)).unwrap();
    let server = HandlerServer::new(|_, r| create(r));
    let import = |extra: &[&str]| {
        Altur::new()
            .against_url(&server.url())
            .env("XDG_STATE_HOME", &state)
            .args(["enduser", "import"])
            .args(extra)
            .arg(&input)
            .run()
    };
    import(&[]).success();
    assert_eq!(server.requests().len(), 3);
    let again = import(&[]);
    again
        .success()
        .stderr_has("import: 0 created, 0 failed, 3 skipped, 0 uncertain")
        .stderr_has("altur: 3 already created by the run of 20")
        .stderr_has(" UTC; --no-journal sends them again");
    assert!(
        lines(&again.stdout)
            .iter()
            .all(|r| r["status"] == "skipped")
    );
    assert_eq!(server.requests().len(), 3, "nothing sent twice");
    let journals: Vec<_> = std::fs::read_dir(state.join("altur/imports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(journals.len(), 1);
    assert!(journals[0].to_string_lossy().ends_with(".journal"));
    #[cfg(unix)]
    assert_eq!(mode_of(&journals[0]), 0o600);
    import(&["--no-journal"]).success();
    assert_eq!(server.requests().len(), 6, "--no-journal sends them again");
}

/// stdin has no default journal (there is no file to name it after).
#[test]
fn stdin_keeps_no_journal_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let server = HandlerServer::new(|_, r| create(r));
    for _ in 0..2 {
        Altur::new()
            .against_url(&server.url())
            .env("XDG_STATE_HOME", &state)
            .args(["enduser", "import", "-"])
            .stdin(ndjson(2))
            .run()
            .success();
    }
    assert_eq!(server.requests().len(), 4);
    assert!(!state.join("altur/imports").exists());
}

/// A journal reached through a symbolic link could be any file: refused before anything is
/// sent.
#[cfg(unix)]
#[test]
fn a_journal_that_is_a_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere");
    std::fs::write(&target, "keep me\n").unwrap();
    let link = dir.path().join("j");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let server = HandlerServer::new(|_, r| create(r));
    Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", ndjson(1))
        .args(["enduser", "import", "in.ndjson", "--journal"])
        .arg(&link)
        .run()
        .code(2)
        .stderr_has("is a symbolic link");
    assert!(server.requests().is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
}

/// After an interrupted run without a journal, the hint does not promise that a re-run skips
/// what was created.
#[test]
fn an_interrupted_run_without_a_journal_says_a_new_run_sends_everything_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, ndjson(200)).unwrap();
    let server = HandlerServer::new(|_, r| {
        std::thread::sleep(Duration::from_millis(30));
        create(r)
    });
    let output = Altur::under(&["timeout", "--preserve-status", "-s", "INT", "1"])
        .against_url(&server.url())
        .args(["enduser", "import", "--no-journal"])
        .arg(&input)
        .run();
    let stderr = output.stderr.clone();
    assert_eq!(Some(output.code), Some(130), "{stderr}");
    assert!(
        stderr.contains("a new run without a journal would send every record again"),
        "{stderr}"
    );
    assert!(!stderr.contains("skips them"), "{stderr}");
}

/// Spreadsheets in many locales write `;`-separated CSV; a header row repeated mid-file, a
/// line with another field count and bytes that are not UTF-8 fail their record, naming the
/// line, and the run goes on.
#[test]
fn semicolon_csv_is_read_and_broken_lines_fail_alone_naming_their_line() {
    let server = HandlerServer::new(|_, r| create(r));
    let run = Altur::new()
        .against_url(&server.url())
        .file(
            "users.csv",
            b"name;info\nuser-1;a\nname;info\nuser-2;b;extra\nuser-3;\xff\nuser-4;d\n".as_slice(),
        )
        .args(["enduser", "import", "users.csv", "--concurrency", "1"])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results[0], created(1, "user-1"));
    let failure = |n: usize| results[n]["error"]["message"].as_str().unwrap().to_owned();
    assert_eq!(failure(1), "line 3: repeated header line");
    assert_eq!(
        failure(2),
        "line 4: expected 2 fields like the header, found 3"
    );
    assert_eq!(failure(3), "line 5: the info field is not UTF-8 text");
    assert_eq!(results[4], created(5, "user-4"));
    assert_eq!(server.requests().len(), 2);
    // --delimiter overrides what the header suggests.
    let forced = Altur::new()
        .against_url(&server.url())
        .file("users.csv", "name;info\nuser-9;a\n")
        .args(["enduser", "import", "users.csv", "--delimiter", ","])
        .run();
    forced
        .code(2)
        .stderr_has("unknown column 'name;info'")
        .stderr_has("--delimiter");
}

/// `"info": null` is an absent info, and `--validate-only` says records are invalid, not
/// "uncertain".
#[test]
fn a_null_info_is_absent_and_validate_only_speaks_of_invalid_records() {
    let server = HandlerServer::new(|_, r| create(r));
    Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", "{\"display_name\":\"user-1\",\"info\":null}\n")
        .args(["enduser", "import", "in.ndjson"])
        .run()
        .success();
    assert_eq!(
        server.requests()[0].body_json(),
        json!({"display_name": "user-1"})
    );
    let check = Altur::new()
        .file(
            "in.ndjson",
            "{\"display_name\":\"\"}\n{\"display_name\":\"a\"}\n",
        )
        .args(["enduser", "import", "in.ndjson", "--validate-only"])
        .run();
    check
        .code(9)
        .stderr_has("1 of 2 records are invalid (see the results on stdout); nothing was sent");
    assert!(!check.stderr.contains("uncertain"), "{}", check.stderr);
}

/// Another file saved under the name of one imported before (this week's users.csv) does not
/// belong to the journal kept for that path: refused before anything is sent, with a hint
/// that names --no-journal.
#[test]
fn another_file_under_an_imported_name_is_refused_with_a_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let input = dir.path().join("users.ndjson");
    let server = HandlerServer::new(|_, r| create(r));
    let import = |extra: &[&str]| {
        Altur::new()
            .against_url(&server.url())
            .env("XDG_STATE_HOME", &state)
            .args(["enduser", "import"])
            .args(extra)
            .arg(&input)
            .run()
    };
    std::fs::write(&input, ndjson(3)).unwrap();
    import(&[]).success();
    let others: String = (11..=13)
        .map(|n| format!("{{\"display_name\":\"user-{n}\"}}\n"))
        .collect();
    std::fs::write(&input, others).unwrap();
    import(&[])
        .code(2)
        .stderr_has("does not belong to this input")
        .stderr_has("give --no-journal to send every record");
    assert_eq!(server.requests().len(), 3);
    import(&["--no-journal"]).success();
    assert_eq!(server.requests().len(), 6);
}
