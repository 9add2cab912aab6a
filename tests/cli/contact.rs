//! `altur contact ...` through the binary: the wire of add, list, get and delete, and
//! `contact import` in batches: per-record results in order, the API's counts, a batch whose
//! answer is lost, a run killed with SIGKILL and resumed, all against the sandbox too.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{Altur, HandlerServer, Recorded, Reply, Sandbox, Server};

const AGENT: &str = "11111111-1111-4111-8111-111111111111";

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// A phone-call campaign in the sandbox; its id.
fn sandbox_campaign(sandbox: &Sandbox) -> String {
    let run = Altur::new()
        .against_sandbox(sandbox)
        .args([
            "campaign",
            "create",
            "--name",
            "Import",
            "--agent",
            AGENT,
            "--integration-id",
            "int_phone",
            "--channel",
            "phone_call",
            "-o",
            "id",
        ])
        .run();
    run.success();
    run.stdout.trim().to_owned()
}

/// How many contacts the sandbox's campaign holds.
fn contacts_in(sandbox: &Sandbox, campaign: &str) -> usize {
    let run = Altur::new()
        .against_sandbox(sandbox)
        .args([
            "contact",
            "list",
            "--campaign",
            campaign,
            "--all",
            "-o",
            "id",
        ])
        .run();
    run.success();
    let ids: Vec<&str> = run.stdout.lines().collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a contact listed twice");
    ids.len()
}

fn csv(count: usize) -> String {
    let mut text = String::from("phone,name,data.plan\n");
    for n in 0..count {
        text.push_str(&format!("+52155{n:08},C{n},gold\n"));
    }
    text
}

#[test]
fn add_sends_one_contact_input_with_a_key() {
    let answer = json!({
        "success": true,
        "summary": {"created": 0, "updated": 1, "skipped_duplicate": 0, "failed": 0},
        "results": [{"index": 0, "id": "91", "contact": "+5215512345678"}],
    });
    let server = Server::new([Reply::json(200, answer.to_string())]);
    let run = Altur::new()
        .against(&server)
        .args([
            "contact",
            "add",
            "--campaign",
            "7",
            "--phone",
            "+52 1 (55) 1234-5678",
            "--name",
            "Ana",
            "--context",
            "renewal due",
            "--data",
            "plan=gold",
            "--external-id",
            "crm-1",
            "--if-duplicate",
            "update",
            "-o",
            "table",
        ])
        .run();
    run.success();
    assert!(
        run.stdout.contains("updated") && run.stdout.contains("91"),
        "{}",
        run.stdout
    );
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/campaigns/7/contacts")
    );
    assert_eq!(
        request.body_json(),
        json!({
            "contacts": [{
                "contact": "+5215512345678",
                "name": "Ana",
                "context": "renewal due",
                "extracted_data": {"plan": "gold"},
                "f_id": "crm-1",
            }],
            "if_duplicate": "update",
        })
    );
    let key = request.header("idempotency-key").expect("a key");
    assert_eq!(uuid::Uuid::parse_str(key).unwrap().get_version_num(), 4);
}

#[test]
fn add_refuses_bad_input_before_sending_and_explains_a_refused_row() {
    let nothing = Server::new([]);
    for (args, message) in [
        (
            vec!["--phone", "55 1234 5678"],
            "--phone: the phone number '55 1234 5678' is not valid: it must start with +",
        ),
        (vec!["--phone", "+1234"], "E.164 numbers have 8 to 15"),
        (
            vec!["--phone", "+5215512345678", "--data", "plan"],
            "--data 'plan' is not KEY=VALUE",
        ),
    ] {
        Altur::new()
            .against(&nothing)
            .args(["contact", "add", "--campaign", "7"])
            .args(&args)
            .run()
            .code(2)
            .stderr_has(message);
    }
    Altur::new()
        .against(&nothing)
        .args([
            "contact",
            "add",
            "--campaign",
            "x7",
            "--phone",
            "+5215512345678",
        ])
        .run()
        .code(2)
        .stderr_has("invalid value 'x7' for '--campaign <ID>': campaign ids are positive integers");
    assert!(nothing.requests().is_empty());

    for (code, words) in [
        (
            "INVALID_PHONE_NUMBER",
            "the API refused the phone number as invalid",
        ),
        (
            "MISSING_CONTACT",
            "the API found no phone number in the record",
        ),
        (
            "SERVER_ERROR",
            "the API failed on this contact; it may be sent again",
        ),
    ] {
        let answer = json!({
            "success": true,
            "summary": {"created": 0, "updated": 0, "skipped_duplicate": 0, "failed": 1},
            "results": [{"index": 0, "contact": "+5215512345678", "error": code}],
        });
        let server = Server::new([Reply::json(200, answer.to_string())]);
        Altur::new()
            .against(&server)
            .args([
                "contact",
                "add",
                "--campaign",
                "7",
                "--phone",
                "+5215512345678",
            ])
            .run()
            .code(3)
            .stderr_has(&format!("{words} ({code})"));
    }
}

#[test]
fn list_pages_by_index_with_the_status_filter_on_every_page() {
    let page = |ids: std::ops::Range<u64>, pagination: Value| {
        let contacts: Vec<Value> = ids
            .map(|id| json!({"id": id, "name": "N", "contact": "+5215500000000", "status": "queue", "call_count": 0, "last_call_at": null}))
            .collect();
        Reply::json(
            200,
            json!({"contacts": contacts, "pagination": pagination}).to_string(),
        )
    };
    let server = Server::new([
        page(
            1..3,
            json!({"page_index": 0, "has_next": true, "next_page": 1}),
        ),
        page(3..5, json!({"page_index": 1, "has_next": true})),
        page(5..6, json!({"page_index": 2, "has_next": false})),
    ]);
    Altur::new()
        .against(&server)
        .args([
            "contact",
            "list",
            "--campaign",
            "7",
            "--status",
            "queue",
            "--all",
            "-o",
            "id",
        ])
        .run()
        .success()
        .stdout_is("1\n2\n3\n4\n5\n");
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "/campaigns/7/contacts?status=queue&pageSize=100&pageIndex=0",
            "/campaigns/7/contacts?status=queue&pageSize=100&pageIndex=1",
            "/campaigns/7/contacts?status=queue&pageSize=100&pageIndex=2",
        ]
    );
    let table = Server::new([page(1..2, json!({"has_next": false}))]);
    let run = Altur::new()
        .against(&table)
        .args(["contact", "list", "--campaign", "7", "-o", "table"])
        .run();
    run.success();
    let header = run.stdout.lines().nth(1).unwrap();
    for column in [
        "id",
        "name",
        "contact",
        "status",
        "call_count",
        "last_call_at",
    ] {
        assert!(header.contains(column), "{header}");
    }
}

#[test]
fn get_and_delete_name_the_campaign_and_the_contact() {
    let contact = json!({"success": true, "contact": {"id": 5, "name": "Ana", "contact": "+5215512345678", "status": "queue"}});
    let server = Server::new([
        Reply::json(200, contact.to_string()),
        Reply::json(200, r#"{"success": true}"#),
    ]);
    Altur::new()
        .against(&server)
        .args(["contact", "get", "--campaign", "7", "5", "-o", "id"])
        .run()
        .success()
        .stdout_is("5\n");
    Altur::new()
        .against(&server)
        .args(["contact", "delete", "--campaign", "7", "5"])
        .run()
        .success()
        .stderr_has("deleted contact 5 of campaign 7");
    let requests = server.requests();
    assert_eq!(
        (requests[0].method.as_str(), requests[0].path.as_str()),
        ("GET", "/campaigns/7/contacts/5")
    );
    assert_eq!(
        (requests[1].method.as_str(), requests[1].path.as_str()),
        ("DELETE", "/campaigns/7/contacts/5")
    );
    Altur::new()
        .against(&server)
        .args(["contact", "delete", "--campaign", "7", "five"])
        .run()
        .code(2)
        .stderr_has("invalid value 'five' for '<CONTACT_ID>': contact ids are positive integers");
}

/// Answers a batch like the API: every contact created, ids from a counter.
fn batch_answer(request: &Recorded, next_id: &Mutex<u64>) -> Reply {
    let contacts = request.body_json()["contacts"].as_array().unwrap().clone();
    let mut id = next_id.lock().unwrap();
    let results: Vec<Value> = contacts
        .iter()
        .enumerate()
        .map(|(index, contact)| {
            *id += 1;
            json!({"index": index, "id": id.to_string(), "contact": contact["contact"]})
        })
        .collect();
    let created = results.len();
    Reply::json(
        200,
        json!({"success": true, "summary": {"created": created, "updated": 0, "skipped_duplicate": 0, "failed": 0}, "results": results}).to_string(),
    )
}

#[test]
fn an_import_of_2500_contacts_is_three_batches_with_results_in_input_order() {
    let next_id = Arc::new(Mutex::new(0));
    let counter = next_id.clone();
    let server = HandlerServer::new(move |_, request| batch_answer(request, &counter));
    let run = Altur::new()
        .against_url(&server.url())
        .file("contacts.csv", csv(2500))
        .args(["contact", "import", "--campaign", "7", "contacts.csv"])
        .run();
    run.success()
        .stderr_has("import: 2500 added, 0 failed")
        .stderr_has("the API counted: 2500 created, 0 updated, 0 skipped_duplicate, 0 failed");
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 2500);
    for (n, result) in results.iter().enumerate() {
        assert_eq!(result["record"], n as u64 + 1);
        assert_eq!(result["status"], "added");
        assert_eq!(result["contact"], format!("+52155{n:08}"));
    }
    let mut requests = server.requests();
    assert_eq!(requests.len(), 3);
    requests.sort_by_key(|r| {
        r.body_json()["contacts"][0]["name"].as_str().unwrap()[1..]
            .parse::<u64>()
            .unwrap()
    });
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| r.body_json()["contacts"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 1000, 500]);
    let keys: HashSet<&str> = requests
        .iter()
        .map(|r| r.header("idempotency-key").unwrap())
        .collect();
    assert_eq!(keys.len(), 3, "a key per batch");
    let first = requests[0].body_json();
    assert_eq!(first["if_duplicate"], "skip");
    assert_eq!(
        first["contacts"][0],
        json!({"contact": "+5215500000000", "name": "C0", "extracted_data": {"plan": "gold"}})
    );
    assert!(
        requests
            .iter()
            .all(|r| r.path == "/campaigns/7/contacts" && r.method == "POST")
    );

    // The same input in a later run draws new keys: the API must not replay the earlier
    // run's answers (contacts deleted since would be reported added).
    let again = HandlerServer::new(move |_, request| batch_answer(request, &next_id));
    Altur::new()
        .against_url(&again.url())
        .file("contacts.csv", csv(2500))
        .args(["contact", "import", "--campaign", "7", "contacts.csv"])
        .run()
        .success();
    let keys_again: HashSet<String> = again
        .requests()
        .iter()
        .map(|r| r.header("idempotency-key").unwrap().to_owned())
        .collect();
    assert_eq!(keys_again.len(), 3);
    assert!(
        keys_again.iter().all(|k| !keys.contains(k.as_str())),
        "a key of the first run was used again"
    );
}

#[test]
fn bad_records_fail_alone_and_a_batch_refused_whole_fails_its_records() {
    let server = HandlerServer::new(|index, request| {
        if index == 0 {
            let contacts = request.body_json()["contacts"].as_array().unwrap().len();
            let results: Vec<Value> = (0..contacts)
                .map(|i| {
                    if i == 1 {
                        json!({"index": i, "contact": "+5215500000002", "error": "INVALID_PHONE_NUMBER"})
                    } else {
                        json!({"index": i, "id": (i + 1).to_string(), "contact": "x"})
                    }
                })
                .collect();
            Reply::json(200, json!({"summary": {"created": contacts - 1, "updated": 0, "skipped_duplicate": 0, "failed": 1}, "results": results}).to_string())
        } else {
            Reply::json(
                400,
                json!({"error": "INVALID_REQUEST", "message": "campaign is archived"}).to_string(),
            )
        }
    });
    let input = "{\"contact\":\"+5215500000001\"}\n{\"contact\":\"+5215500000002\"}\n{\"contact\":\"12\"}\n{\"name\":\"no phone\"}\n{\"contact\":\"+5215500000003\"}\n";
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.ndjson", input)
        .args([
            "contact",
            "import",
            "--campaign",
            "7",
            "in.ndjson",
            "--batch-size",
            "2",
            "--concurrency",
            "1",
        ])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results[0]["status"], "added");
    assert_eq!(results[1]["status"], "failed");
    assert_eq!(results[1]["error"]["kind"], "api");
    assert_eq!(results[1]["error"]["code"], "INVALID_PHONE_NUMBER");
    assert_eq!(results[2]["status"], "failed");
    assert_eq!(results[2]["error"]["kind"], "input");
    assert_eq!(results[2]["error"]["code"], "INVALID_PHONE_NUMBER");
    assert!(
        results[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("must start with +")
    );
    assert_eq!(results[3]["error"]["kind"], "input");
    assert_eq!(results[3]["error"]["code"], "MISSING_CONTACT");
    assert!(
        results[3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no phone number")
    );
    assert_eq!(results[4]["status"], "failed");
    assert_eq!(results[4]["error"]["code"], "INVALID_REQUEST");
    assert!(
        results[4]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("campaign is archived")
    );
    assert_eq!(server.requests().len(), 2, "bad records are not sent");

    let nothing = Server::new([]);
    Altur::new()
        .against(&nothing)
        .file("in.csv", "phone,email\n+5215500000001,a@b\n")
        .args(["contact", "import", "--campaign", "7", "in.csv"])
        .run()
        .code(2)
        .stderr_has("unknown column 'email'");
    let check = Altur::new()
        .against(&nothing)
        .file("in.csv", "phone\n+5215500000001\n12\n")
        .args([
            "contact",
            "import",
            "--campaign",
            "7",
            "in.csv",
            "--validate-only",
        ])
        .run();
    check.code(9);
    assert_eq!(
        lines(&check.stdout)[0],
        json!({"record": 1, "status": "valid"})
    );
    assert_eq!(lines(&check.stdout)[1]["status"], "failed");
    Altur::new()
        .against(&nothing)
        .file("in.csv", "phone\n+5215500000001\n")
        .args([
            "contact",
            "import",
            "--campaign",
            "7",
            "in.csv",
            "--dry-run",
        ])
        .run()
        .code(2)
        .stderr_has("--dry-run does not apply to contact import")
        .stderr_has("--validate-only");
    for bad in [
        ["--batch-size", "1001"],
        ["--batch-size", "0"],
        ["--concurrency", "9"],
    ] {
        Altur::new()
            .against(&nothing)
            .file("in.csv", "phone\n+5215500000001\n")
            .args(["contact", "import", "--campaign", "7", "in.csv"])
            .args(bad)
            .run()
            .code(2);
    }
    assert!(nothing.requests().is_empty());
}

#[test]
fn an_import_into_the_sandbox_adds_every_contact_once() {
    let sandbox = Sandbox::start(&[]);
    let campaign = sandbox_campaign(&sandbox);
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .file("contacts.csv", csv(2500))
        .args(["contact", "import", "--campaign", &campaign, "contacts.csv"])
        .run();
    run.success()
        .stderr_has("the API counted: 2500 created, 0 updated, 0 skipped_duplicate, 0 failed");
    assert_eq!(contacts_in(&sandbox, &campaign), 2500);
    // Again, as a new run: every contact is a duplicate the API skips.
    Altur::new()
        .against_sandbox(&sandbox)
        .file("contacts.csv", csv(2500))
        .args([
            "contact",
            "import",
            "--campaign",
            &campaign,
            "contacts.csv",
            "--batch-size",
            "700",
        ])
        .run()
        .success()
        .stderr_has("0 created, 0 updated, 2500 skipped_duplicate");
    assert_eq!(contacts_in(&sandbox, &campaign), 2500);
}

/// Sends `request` on to the sandbox as it came; the status and body of its answer.
fn forward(sandbox_url: &str, request: &Recorded) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .build()
        .into();
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(format!("{sandbox_url}{}", request.path));
    for (name, value) in &request.headers {
        if !matches!(name.as_str(), "host" | "content-length" | "connection") {
            builder = builder.header(name, value);
        }
    }
    let mut response = agent
        .run(builder.body(request.body.clone()).unwrap())
        .expect("the sandbox answers");
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

#[test]
fn a_batch_whose_answer_is_lost_is_sent_again_with_its_key_and_adds_nothing_twice() {
    let sandbox = Sandbox::start(&[]);
    let campaign = sandbox_campaign(&sandbox);
    let seen: Arc<Mutex<Vec<Recorded>>> = Arc::default();
    let proxy = {
        let (url, seen) = (sandbox.url().to_owned(), seen.clone());
        HandlerServer::new(move |index, request| {
            seen.lock().unwrap().push(request.clone());
            let (status, body) = forward(&url, request);
            if index == 1 {
                // The sandbox added the batch; its answer never reaches altur.
                return Reply::Drop;
            }
            Reply::json(status, body)
        })
    };
    let run = Altur::new()
        .against_url(&proxy.url())
        .file("contacts.csv", csv(250))
        .args([
            "contact",
            "import",
            "--campaign",
            &campaign,
            "contacts.csv",
            "--batch-size",
            "100",
            "--concurrency",
            "1",
        ])
        .run();
    run.success()
        .stderr_has("import: 250 added, 0 failed, 0 skipped, 0 uncertain")
        .stderr_has("250 created, 0 updated, 0 skipped_duplicate");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 4, "three batches, the second sent twice");
    assert_eq!(
        seen[1].header("idempotency-key"),
        seen[2].header("idempotency-key")
    );
    assert_eq!(seen[1].body, seen[2].body);
    assert_ne!(
        seen[0].header("idempotency-key"),
        seen[1].header("idempotency-key")
    );
    let results = lines(&run.stdout);
    assert!(results.iter().all(|r| r["status"] == "added"));
    assert_eq!(contacts_in(&sandbox, &campaign), 250);
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
fn an_import_killed_with_sigkill_resumes_from_its_journal_without_duplicates() {
    // Each request takes 200 ms in the sandbox, so the kill lands with batches in flight.
    let sandbox = Sandbox::start(&["--latency", "200"]);
    let campaign = sandbox_campaign(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let (journal, input) = (dir.path().join("journal"), dir.path().join("contacts.csv"));
    std::fs::write(&input, csv(2000)).unwrap();
    let args = |journal: &Path, input: &Path| {
        vec![
            "contact".to_owned(),
            "import".to_owned(),
            "--campaign".to_owned(),
            campaign.clone(),
            "--batch-size".to_owned(),
            "100".to_owned(),
            "--concurrency".to_owned(),
            "2".to_owned(),
            "--journal".to_owned(),
            journal.display().to_string(),
            input.display().to_string(),
        ]
    };
    let mut child = Altur::new()
        .against_sandbox(&sandbox)
        .args(args(&journal, &input))
        .spawn_with(Stdio::null(), Stdio::null(), Stdio::null());
    // Some batches answered (created), more sent: then SIGKILL.
    wait_for_event(&journal, "created", 100);
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let before = contacts_in(&sandbox, &campaign);
    assert!(
        before < 2000,
        "the run was killed before its end ({before} added)"
    );

    let resumed = Altur::new()
        .against_sandbox(&sandbox)
        .args(args(&journal, &input))
        .run();
    resumed.success();
    let results = lines(&resumed.stdout);
    assert_eq!(results.len(), 2000);
    let skipped = results.iter().filter(|r| r["status"] == "skipped").count();
    assert!(
        skipped >= 100,
        "records the journal knows are not sent again ({skipped})"
    );
    assert!(
        results
            .iter()
            .all(|r| r["status"] == "skipped" || r["status"] == "added")
    );
    assert_eq!(contacts_in(&sandbox, &campaign), 2000);
}

#[test]
fn an_add_whose_outcome_stays_unknown_gives_the_command_to_retry_safely() {
    let server = Server::new([Reply::Drop, Reply::Drop]);
    let run = Altur::new()
        .against(&server)
        .args([
            "contact",
            "add",
            "--campaign",
            "7",
            "--phone",
            "+5215512345678",
            "--retries",
            "1",
        ])
        .run();
    run.code(7);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let key = requests[0].header("idempotency-key").unwrap().to_owned();
    assert_eq!(requests[1].header("idempotency-key"), Some(key.as_str()));
    run.stderr_has("the contact may have been created").stderr_has(&format!(
        "altur contact add --campaign 7 --phone +5215512345678 --retries 1 --idempotency-key {key}"
    ));
}

#[test]
fn a_batch_whose_outcome_stays_unknown_leaves_its_records_uncertain() {
    let keys: Arc<Mutex<Vec<String>>> = Arc::default();
    let server = {
        let keys = keys.clone();
        HandlerServer::new(move |_, request| {
            let key = request.header("idempotency-key").unwrap_or_default();
            keys.lock().unwrap().push(key.to_owned());
            Reply::Drop
        })
    };
    let seen = Altur::new()
        .against_url(&server.url())
        .file("in.csv", "phone\n+5215500000001\n+5215500000002\n")
        .args([
            "contact",
            "import",
            "--campaign",
            "7",
            "in.csv",
            "--retries",
            "2",
        ])
        .run();
    seen.code(9)
        .stderr_has("0 added, 0 failed, 0 skipped, 2 uncertain");
    let results = lines(&seen.stdout);
    assert_eq!(results.len(), 2);
    for result in &results {
        assert_eq!(result["status"], "uncertain");
        assert_eq!(result["error"]["kind"], "unknown");
    }
    let keys = keys.lock().unwrap();
    assert_eq!(
        keys.len(),
        3,
        "sent, then sent again twice with the same key"
    );
    assert!(keys.iter().all(|k| *k == keys[0] && !k.is_empty()));
}

/// The phones of a batch request, in order.
fn phones(request: &Recorded) -> Vec<String> {
    request.body_json()["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["contact"].as_str().unwrap().to_owned())
        .collect()
}

/// A resumed run sends a batch whose outcome it never learned exactly as it was, with its key;
/// records that failed go in a new batch under a new key, never mixed into the old one.
#[test]
fn a_resume_sends_the_journaled_batch_again_as_it_was_under_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let input = dir.path().join("in.csv");
    std::fs::write(&input, csv(6)).unwrap();
    let next_id = Mutex::new(0);
    // Each request's phones and key, as they arrive (a lost answer is not recorded otherwise).
    type Arrivals = Arc<Mutex<Vec<(Vec<String>, String)>>>;
    let arrived: Arrivals = Arc::default();
    let log = arrived.clone();
    let first = HandlerServer::new(move |index, request| {
        let key = request.header("idempotency-key").unwrap().to_owned();
        log.lock().unwrap().push((phones(request), key));
        match index {
            // Batch 1: record 2 fails on the server's side (a failure to send again).
            0 => Reply::json(
                200,
                json!({"success": true, "summary": {"created": 1, "failed": 1}, "results": [
                    {"index": 0, "id": "1", "contact": "+5215500000000"},
                    {"index": 1, "contact": "+5215500000001", "error": "SERVER_ERROR"}]})
                .to_string(),
            ),
            // Batch 2: the answer is lost.
            1 => Reply::Drop,
            _ => batch_answer(request, &next_id),
        }
    });
    let args = |journal: &Path, input: &Path| {
        vec![
            "contact".to_owned(),
            "import".to_owned(),
            "--campaign".to_owned(),
            "7".to_owned(),
            "--batch-size".to_owned(),
            "2".to_owned(),
            "--concurrency".to_owned(),
            "1".to_owned(),
            "--retries".to_owned(),
            "0".to_owned(),
            "--journal".to_owned(),
            journal.display().to_string(),
            input.display().to_string(),
        ]
    };
    Altur::new()
        .against_url(&first.url())
        .args(args(&journal, &input))
        .run()
        .code(9);
    let sent = arrived.lock().unwrap().clone();
    let lost_key = sent
        .iter()
        .find(|(phones, _)| phones == &["+5215500000002", "+5215500000003"])
        .map(|(_, key)| key.clone())
        .expect("the second batch was sent");
    let first_keys: HashSet<String> = sent.into_iter().map(|(_, key)| key).collect();

    let next_id = Mutex::new(100);
    let second = HandlerServer::new(move |_, request| batch_answer(request, &next_id));
    let resumed = Altur::new()
        .against_url(&second.url())
        .args(args(&journal, &input))
        .run();
    resumed.success();
    let statuses: Vec<String> = lines(&resumed.stdout)
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        statuses,
        ["skipped", "added", "added", "added", "skipped", "skipped"]
    );
    let requests = second.requests();
    assert_eq!(requests.len(), 2, "the lost batch, and record 2 alone");
    let again = requests
        .iter()
        .find(|r| r.header("idempotency-key") == Some(lost_key.as_str()))
        .expect("the lost batch is sent again under its key");
    assert_eq!(phones(again), ["+5215500000002", "+5215500000003"]);
    let retry = requests
        .iter()
        .find(|r| r.header("idempotency-key") != Some(lost_key.as_str()))
        .unwrap();
    assert_eq!(phones(retry), ["+5215500000001"]);
    assert!(!first_keys.contains(retry.header("idempotency-key").unwrap()));
}

/// A phone number repeated in the input is sent once; the repeat is skipped, and the run's
/// counts agree with the API's.
#[test]
fn a_record_repeated_in_the_input_is_skipped_not_sent_twice() {
    let next_id = Mutex::new(0);
    let server = HandlerServer::new(move |_, request| batch_answer(request, &next_id));
    let run = Altur::new()
        .against_url(&server.url())
        .file(
            "in.csv",
            "phone,name\n+5215500000001,Ada\n+5215500000002,Bob\n+52 1 55 0000 0001,Ada again\n",
        )
        .args(["contact", "import", "--campaign", "7", "in.csv"])
        .run();
    run.success()
        .stderr_has("2 added, 0 failed, 1 skipped, 0 uncertain")
        .stderr_has("the API counted: 2 created");
    let results = lines(&run.stdout);
    assert_eq!(results[2]["status"], "skipped");
    assert_eq!(results[2]["reason"], "duplicate of record 1");
    assert_eq!(
        phones(&server.requests()[0]),
        ["+5215500000001", "+5215500000002"]
    );
}

/// `{"success":false,"summary":{"failed":1},"results":[]}` is valid per the spec: the contact
/// was not added, whatever the missing row.
#[test]
fn an_answer_that_counts_the_contact_failed_is_a_failure_for_add_and_import() {
    let refused = || {
        Reply::json(
            200,
            r#"{"success":false,"summary":{"created":0,"failed":1},"results":[]}"#,
        )
    };
    let server = Server::new([refused(), refused()]);
    let add = Altur::new()
        .against(&server)
        .args([
            "contact",
            "add",
            "--campaign",
            "7",
            "--phone",
            "+5215512345678",
        ])
        .run();
    add.code(3).stderr_has("the API did not add this contact");
    assert!(!add.stdout.contains("added"), "{}", add.stdout);
    let import = Altur::new()
        .against(&server)
        .file("in.csv", "phone\n+5215512345678\n")
        .args(["contact", "import", "--campaign", "7", "in.csv"])
        .run();
    import
        .code(9)
        .stderr_has("0 added, 1 failed, 0 skipped, 0 uncertain");
    assert_eq!(lines(&import.stdout)[0]["status"], "failed");
}

/// An unknown column of a contacts CSV suggests `data.<column>`, and lists the accepted ones.
#[test]
fn an_unknown_contact_column_suggests_data_dot_its_name() {
    let run = Altur::new()
        .file("in.csv", "phone,plan\n+5215500000001,gold\n")
        .args([
            "contact",
            "import",
            "--campaign",
            "7",
            "in.csv",
            "--validate-only",
        ])
        .run();
    run.code(2)
        .stderr_has("unknown column 'plan'")
        .stderr_has("accepted columns: contact (or phone, phone_number)")
        .stderr_has(
            "altur: hint: to keep it in the contact's extracted_data, name the column data.plan",
        );
}

/// Against an API that replays an answer by its key but does not de-duplicate phone numbers,
/// an import killed with SIGKILL again and again, then run to the end, adds every phone once:
/// batches in flight are sent again under their keys, never regrouped under new ones.
#[test]
fn kill_9_again_and_again_adds_every_phone_once_against_an_api_that_replays_by_key() {
    #[derive(Default)]
    struct Api {
        answers: HashMap<String, String>,
        added: HashMap<String, usize>,
        next_id: u64,
    }
    let api: Arc<Mutex<Api>> = Arc::default();
    let server = {
        let api = api.clone();
        HandlerServer::new(move |_, request| {
            let key = request.header("idempotency-key").unwrap().to_owned();
            let answer = {
                let mut api = api.lock().unwrap();
                match api.answers.get(&key) {
                    Some(answer) => answer.clone(),
                    None => {
                        let mut results = Vec::new();
                        for (index, phone) in phones(request).into_iter().enumerate() {
                            api.next_id += 1;
                            results.push(json!({"index": index, "id": api.next_id.to_string(), "contact": phone}));
                            *api.added.entry(phone).or_default() += 1;
                        }
                        let answer = json!({"success": true, "summary": {"created": results.len()}, "results": results}).to_string();
                        api.answers.insert(key, answer.clone());
                        answer
                    }
                }
            };
            // Added before the answer leaves: a kill now loses the answer, not the contacts.
            std::thread::sleep(Duration::from_millis(25));
            Reply::json(200, answer)
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let (journal, input) = (dir.path().join("journal"), dir.path().join("contacts.csv"));
    std::fs::write(&input, csv(600)).unwrap();
    let command = || {
        Altur::new()
            .against_url(&server.url())
            .args(["contact", "import", "--campaign", "7", "--batch-size", "7"])
            .args(["--concurrency", "3", "--journal"])
            .args([&journal, &input])
    };
    for round in 1..=3 {
        let mut child = command().spawn_with(Stdio::null(), Stdio::null(), Stdio::null());
        wait_for_event(&journal, "created", round * 100);
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
    }
    let last = command().run();
    last.success();
    let results = lines(&last.stdout);
    assert_eq!(results.len(), 600);
    assert!(
        results
            .iter()
            .all(|r| r["status"] == "added" || r["status"] == "skipped")
    );
    let api = api.lock().unwrap();
    assert_eq!(api.added.len(), 600);
    let twice: Vec<_> = api.added.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "added more than once: {twice:?}");
}

/// Records answered at once (invalid ones) after a contact waiting for its batch to fill used
/// to take every slot of the reordering window while that contact held the printing back: the
/// run hung. The batch now goes short.
#[test]
fn many_invalid_records_after_a_waiting_contact_do_not_stall_the_run() {
    let next_id = Mutex::new(0);
    let server = HandlerServer::new(move |_, request| batch_answer(request, &next_id));
    let mut input = String::from("phone\n+5215500000001\n");
    for _ in 0..150 {
        input.push_str("12\n");
    }
    input.push_str("+5215500000002\n");
    let run = Altur::new()
        .against_url(&server.url())
        .file("in.csv", input)
        .args(["contact", "import", "--campaign", "7", "in.csv"])
        .args(["--batch-size", "10", "--concurrency", "1"])
        .run();
    run.code(9)
        .stderr_has("2 added, 150 failed, 0 skipped, 0 uncertain");
    let results = lines(&run.stdout);
    assert_eq!(results.len(), 152);
    assert_eq!(results[0]["status"], "added");
    assert_eq!(results[151]["status"], "added");
}

/// A batch whose outcome is unknown cannot be sent again once a record of it changed (the same
/// key with another body): its records stay `uncertain`, never regrouped under a new key.
#[test]
fn an_unsettled_batch_with_an_edited_record_is_not_regrouped() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let input = dir.path().join("in.csv");
    std::fs::write(&input, csv(4)).unwrap();
    let next_id = Mutex::new(0);
    let first = HandlerServer::new(move |index, request| match index {
        1 => Reply::Drop,
        _ => batch_answer(request, &next_id),
    });
    let import = |url: &str| {
        Altur::new()
            .against_url(url)
            .args(["contact", "import", "--campaign", "7", "--batch-size", "2"])
            .args(["--concurrency", "1", "--retries", "0", "--journal"])
            .args([&journal, &input])
            .run()
    };
    import(&first.url()).code(9);
    // Record 3 (in the lost batch) is edited.
    std::fs::write(&input, csv(4).replace(",C2,", ",C2 edited,")).unwrap();
    let next_id = Mutex::new(100);
    let second = HandlerServer::new(move |_, request| batch_answer(request, &next_id));
    let resumed = import(&second.url());
    resumed.code(9);
    let statuses: Vec<String> = lines(&resumed.stdout)
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(statuses, ["skipped", "skipped", "uncertain", "uncertain"]);
    assert!(second.requests().is_empty(), "nothing regrouped and sent");
}
