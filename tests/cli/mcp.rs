//! `altur mcp` (contract section 22): JSON-RPC over the binary's stdio, against the recording
//! server and the sandbox.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::support::{Altur, ID, KEY, Reply, Run, Sandbox, Server, binary};

fn initialize(version: &str) -> String {
    json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": version, "capabilities": {},
        "clientInfo": {"name": "test", "version": "1"}}})
    .to_string()
}

const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#;

fn call(id: u64, name: &str, arguments: Value) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/call",
           "params": {"name": name, "arguments": arguments}})
    .to_string()
}

fn request(id: u64, method: &str) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": method}).to_string()
}

/// One session: `initialize`, then `lines`, then EOF. Returns the run and the answers by id.
fn session(
    altur: Altur,
    flags: &[&str],
    lines: &[String],
) -> (Run, BTreeMap<i64, Value>, Vec<Value>) {
    let mut input = format!("{}\n{INITIALIZED}\n", initialize("2025-06-18"));
    for line in lines {
        input.push_str(line);
        input.push('\n');
    }
    let run = altur.arg("mcp").args(flags).stdin(input).run();
    run.success();
    let mut by_id = BTreeMap::new();
    let mut without_id = Vec::new();
    for line in run.stdout.lines() {
        let message: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("stdout carries only JSON-RPC ({e}): {line}"));
        assert_eq!(message["jsonrpc"], "2.0", "{line}");
        match message["id"].as_i64() {
            Some(id) => {
                by_id.insert(id, message);
            }
            None => without_id.push(message),
        }
    }
    (run, by_id, without_id)
}

fn tool_names(altur: Altur, flags: &[&str]) -> Vec<String> {
    let (_, answers, _) = session(altur, flags, &[request(1, "tools/list")]);
    answers[&1]["result"]["tools"]
        .as_array()
        .expect("a tool list")
        .iter()
        .map(|tool| tool["name"].as_str().unwrap().to_owned())
        .collect()
}

fn listed(flags: &[&str]) -> Vec<String> {
    let run = Altur::new()
        .arg("mcp")
        .arg("--list-tools")
        .args(flags)
        .run();
    run.success();
    run.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn initialize_answers_the_revision_asked_or_the_newest_it_knows() {
    for (asked, answered) in [
        ("2025-06-18", "2025-06-18"),
        ("2025-11-25", "2025-11-25"),
        ("2099-01-01", "2025-11-25"),
    ] {
        let run = Altur::new()
            .arg("mcp")
            .stdin(format!("{}\n", initialize(asked)))
            .run();
        run.success();
        let answer: Value = serde_json::from_str(run.stdout.trim()).unwrap();
        assert_eq!(answer["result"]["protocolVersion"], answered);
        assert_eq!(answer["result"]["serverInfo"]["name"], "altur");
        assert_eq!(
            answer["result"]["serverInfo"]["version"],
            env!("CARGO_PKG_VERSION")
        );
        assert!(answer["result"]["capabilities"]["tools"].is_object());
    }
}

#[test]
fn tools_are_read_only_unless_writes_and_contact_are_allowed() {
    let reads = tool_names(Altur::new(), &[]);
    assert!(reads.contains(&"enduser_get".to_owned()));
    assert!(reads.contains(&"thread_transcript".to_owned()));
    assert!(reads.contains(&"webhook_verify".to_owned()));
    assert!(!reads.contains(&"enduser_create".to_owned()));
    assert!(!reads.contains(&"call_recording_save".to_owned()));
    assert_eq!(reads, listed(&[]));

    let writes = tool_names(Altur::new(), &["--allow-writes"]);
    assert!(writes.contains(&"enduser_create".to_owned()));
    assert!(writes.contains(&"contact_delete".to_owned()));
    assert!(writes.contains(&"call_recording_save".to_owned()));
    let contact = [
        "call_start",
        "message_send",
        "campaign_activate",
        "campaign_resume",
    ];
    for name in contact {
        assert!(!writes.contains(&name.to_owned()), "{name}");
    }
    assert_eq!(writes, listed(&["--allow-writes"]));

    let all = tool_names(Altur::new(), &["--allow-writes", "--allow-contact"]);
    for name in contact {
        assert!(all.contains(&name.to_owned()), "{name}");
    }
    assert_eq!(all.len(), writes.len() + 4);

    // A toolset keeps its own read-only tools and no other.
    let campaigns = tool_names(Altur::new(), &["--toolsets", "campaigns,webhooks"]);
    for name in ["campaign_list", "campaign_get", "webhook_verify"] {
        assert!(campaigns.contains(&name.to_owned()), "{name}");
    }
    for name in &campaigns {
        assert!(
            (name.starts_with("campaign_") || name.starts_with("webhook_")) && reads.contains(name),
            "{name}"
        );
    }
    assert_eq!(
        tool_names(Altur::new(), &["--tools", "call_get,enduser_get"]),
        ["enduser_get", "call_get"]
    );
    // Contact tools need writes too; a tool the flags leave out cannot be asked for by name.
    Altur::new()
        .args(["mcp", "--list-tools", "--allow-contact"])
        .run()
        .code(2);
    Altur::new()
        .args(["mcp", "--list-tools", "--tools", "enduser_create"])
        .run()
        .code(2)
        .stderr_has("--allow-writes");
    Altur::new()
        .args(["mcp", "--list-tools", "--toolsets", "nope"])
        .run()
        .code(2)
        .stderr_has("endusers, messages");
}

#[test]
fn every_tool_has_a_schema_and_annotations_that_match_its_access() {
    let (_, answers, _) = session(
        Altur::new(),
        &["--allow-writes", "--allow-contact"],
        &[request(1, "tools/list")],
    );
    let read_only_tools = listed(&[]);
    for tool in answers[&1]["result"]["tools"].as_array().unwrap() {
        let name = tool["name"].as_str().unwrap();
        assert_eq!(tool["inputSchema"]["type"], "object", "{name}");
        assert!(!tool["description"].as_str().unwrap().is_empty());
        let read_only = tool["annotations"]["readOnlyHint"].as_bool().unwrap();
        assert_eq!(
            read_only,
            read_only_tools.contains(&name.to_owned()),
            "{name}: readOnlyHint"
        );
        for hint in ["destructiveHint", "idempotentHint", "openWorldHint"] {
            assert!(tool["annotations"][hint].is_boolean(), "{name}: {hint}");
        }
        assert!(!tool["inputSchema"].to_string().contains("key"), "{name}");
    }
}

#[test]
fn a_tool_call_sends_the_request_and_returns_the_redacted_resource() {
    let echo = json!({"id": ID, "display_name": "Ada", "info": KEY}).to_string();
    let server = Server::new([Reply::json(200, echo)]);
    let (_, answers, _) = session(
        Altur::new().against(&server),
        &[],
        &[call(1, "enduser_get", json!({"id": ID}))],
    );
    let result = &answers[&1]["result"];
    assert_eq!(result["isError"], false);
    assert_eq!(result["structuredContent"]["display_name"], "Ada");
    assert_eq!(result["structuredContent"]["info"], "[REDACTED]");
    let text: Value = serde_json::from_str(result["content"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(text, result["structuredContent"]);
    let sent = server.only_request();
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.path, format!("/enduser/{ID}"));
    assert_eq!(
        sent.header("authorization"),
        Some(&*format!("api-key {KEY}"))
    );
}

/// A plain GET tool fills its path from its arguments in order: the campaign, then the contact.
#[test]
fn a_get_tool_with_two_ids_puts_each_in_its_place() {
    let server = Server::new([Reply::json(200, r#"{"id": 7, "status": "queue"}"#)]);
    let (_, answers, _) = session(
        Altur::new().against(&server),
        &[],
        &[call(1, "contact_get", json!({"id": 7, "campaign": 4821}))],
    );
    assert_eq!(answers[&1]["result"]["isError"], false);
    assert_eq!(
        answers[&1]["result"]["structuredContent"]["status"],
        "queue"
    );
    let sent = server.only_request();
    assert_eq!(sent.method, "GET");
    assert_eq!(sent.path, "/campaigns/4821/contacts/7");
}

#[test]
fn bad_arguments_are_tool_errors_naming_them_and_nothing_is_sent() {
    let server = Server::new([]);
    let (run, answers, _) = session(
        Altur::new().against(&server),
        &["--allow-writes"],
        &[
            call(1, "enduser_get", json!({"id": "not-a-uuid"})),
            call(2, "enduser_get", json!({})),
            call(3, "campaign_get", json!({"id": 0})),
            call(4, "contact_add", json!({"campaign": 5, "phone": "12"})),
            call(
                5,
                "call_recording_save",
                json!({"id": "cll_1", "path": "../x.wav"}),
            ),
            call(6, "enduser_get", json!({"id": ID, "api_key": "x"})),
            call(7, "campaign_list", json!({"limit": 500})),
        ],
    );
    for (id, word) in [
        (1, "`id`"),
        (2, "`id`"),
        (3, "`id`"),
        (4, "`phone`"),
        (5, "`path`"),
        (6, "`api_key`"),
        (7, "`limit`"),
    ] {
        let result = &answers[&id]["result"];
        assert_eq!(result["isError"], true, "{id}: {result}");
        let text = result["content"][0]["text"].as_str().unwrap();
        assert!(text.contains(word), "{id}: {text}");
    }
    assert!(server.requests().is_empty());
    assert!(run.stdout.lines().count() >= 8);
}

#[test]
fn a_tool_this_session_does_not_list_cannot_be_called() {
    let server = Server::new([]);
    let (_, answers, _) = session(
        Altur::new().against(&server),
        &[],
        &[
            call(1, "enduser_create", json!({"name": "Ada"})),
            call(2, "call_start", json!({"agent": "a", "to": "+14155550100"})),
            call(3, "no_such_tool", json!({})),
        ],
    );
    for id in 1..=3 {
        assert_eq!(answers[&id]["error"]["code"], -32602, "{}", answers[&id]);
    }
    assert!(server.requests().is_empty());
}

#[test]
fn bad_input_never_ends_the_session() {
    let (run, answers, without_id) = session(
        Altur::new(),
        &[],
        &[
            "this is not json".to_owned(),
            r#"{"not": "a message"}"#.to_owned(),
            request(1, "no/such/method"),
            request(2, "ping"),
        ],
    );
    run.stderr_has("not JSON");
    assert!(!run.stdout.contains("this is not json"));
    assert_eq!(without_id.len(), 1);
    assert_eq!(without_id[0]["error"]["code"], -32600);
    assert_eq!(answers[&1]["error"]["code"], -32601);
    assert_eq!(answers[&2]["result"], json!({}));
}

#[test]
fn end_of_input_ends_the_server_with_0_also_before_initialize() {
    Altur::new()
        .arg("mcp")
        .stdin("")
        .run()
        .success()
        .stdout_empty();
    Altur::new()
        .arg("mcp")
        .stdin("junk\n")
        .run()
        .success()
        .stdout_empty()
        .stderr_has("not JSON");
    let (run, answers, _) = session(Altur::new(), &[], &[]);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(answers[&0]["result"].is_object());
}

#[test]
fn list_tools_prints_names_sends_nothing_and_needs_no_key() {
    let server = Server::new([]);
    let run = Altur::new()
        .env("ALTUR_BASE_URL", server.url())
        .args([
            "mcp",
            "--list-tools",
            "--toolsets",
            "endusers",
            "--allow-writes",
        ])
        .run();
    run.success()
        .stdout_is("enduser_create\nenduser_get\nenduser_update\n");
    assert!(server.requests().is_empty());
}

#[test]
fn against_the_sandbox_endusers_are_created_read_and_listed_in_bounded_pages() {
    let sandbox = Sandbox::start(&[]);
    let (_, answers, _) = session(
        Altur::new().against_sandbox(&sandbox),
        &["--allow-writes"],
        &[call(
            1,
            "enduser_create",
            json!({"name": "Ada", "info": "VIP"}),
        )],
    );
    let created = &answers[&1]["result"]["structuredContent"];
    let id = created["id"].as_str().expect("an id").to_owned();
    let (_, answers, _) = session(
        Altur::new().against_sandbox(&sandbox),
        &[],
        &[
            call(1, "enduser_get", json!({"id": id})),
            call(2, "campaign_list", json!({"limit": 1})),
        ],
    );
    assert_eq!(
        answers[&1]["result"]["structuredContent"]["display_name"],
        "Ada"
    );
    let page = &answers[&2]["result"]["structuredContent"];
    assert!(page["items"].as_array().unwrap().len() <= 1, "{page}");
    assert!(page.get("after").is_some(), "{page}");
}

/// The official MCP Python SDK (PyPI `mcp`) as the client: `.ci/run` installs it into a
/// virtual environment and exports its python as `ALTUR_TEST_MCP_PYTHON`. Without it the test
/// is skipped locally, and fails in CI.
#[test]
fn the_official_python_sdk_lists_the_tools_and_creates_then_reads_an_enduser() {
    let Ok(python) = std::env::var("ALTUR_TEST_MCP_PYTHON") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "ALTUR_TEST_MCP_PYTHON is not set: .ci/run installs the MCP Python SDK and sets it"
        );
        eprintln!("skipped: set ALTUR_TEST_MCP_PYTHON to a python with the `mcp` package");
        return;
    };
    let sandbox = Sandbox::start(&[]);
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mcp_client/enduser_roundtrip.py");
    let output = Altur::program(&python, [script.as_os_str(), binary().as_os_str()])
        .against_sandbox(&sandbox)
        .run();
    let (stdout, stderr) = (&output.stdout, &output.stderr);
    assert!(output.code == 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(!stdout.contains(KEY) && !stderr.contains(KEY));
    let result: Value = serde_json::from_str(stdout.trim()).expect("one JSON line");
    let tools = result["tools"].as_array().unwrap();
    assert!(tools.contains(&json!("enduser_create")));
    assert!(!tools.contains(&json!("call_start")));
    assert_eq!(result["created"]["display_name"], "Grace Hopper");
    assert_eq!(result["read"]["id"], result["created"]["id"]);
    assert_eq!(result["read"]["info"], "from python");
}

#[test]
fn a_create_whose_answer_is_lost_is_an_unknown_outcome_and_is_not_sent_again() {
    let server = Server::new([Reply::Drop, Reply::enduser("Ada")]);
    let (_, answers, _) = session(
        Altur::new().against(&server),
        &["--allow-writes"],
        &[call(1, "enduser_create", json!({"name": "Ada"}))],
    );
    let result = &answers[&1]["result"];
    assert_eq!(result["isError"], true);
    let text = result["content"][0]["text"].as_str().unwrap();
    assert!(text.contains("outcome unknown"), "{text}");
    assert!(text.contains("may have been created"), "{text}");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_campaign_create_is_retried_under_one_idempotency_key() {
    let created = json!({"id": 7, "name": "Renewals"}).to_string();
    let server = Server::new([Reply::Drop, Reply::json(201, created)]);
    let (_, answers, _) = session(
        Altur::new().against(&server),
        &["--allow-writes"],
        &[call(
            1,
            "campaign_create",
            json!({"name": "Renewals", "agent": "ag_1", "integration_id": "int_phone",
                   "channel": "phone_call", "first_message": "Hi"}),
        )],
    );
    assert_eq!(answers[&1]["result"]["isError"], false, "{}", answers[&1]);
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    let key = sent[0]
        .header("idempotency-key")
        .expect("an Idempotency-Key");
    assert_eq!(sent[1].header("idempotency-key"), Some(key));
    assert_eq!(sent[0].body_json()["name"], "Renewals");
}

#[test]
fn malformed_tool_calls_are_json_rpc_errors() {
    let (_, answers, _) = session(
        Altur::new(),
        &[],
        &[
            json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                   "params": {"name": "enduser_get", "arguments": [1]}})
            .to_string(),
            json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {}}).to_string(),
        ],
    );
    assert_eq!(answers[&1]["error"]["code"], -32602);
    assert_eq!(answers[&2]["error"]["code"], -32602);
}

#[test]
fn against_the_sandbox_lists_page_with_after_and_recordings_land_under_dir() {
    let sandbox = Sandbox::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let dir_flag = dir.path().to_str().unwrap();
    let page = |after: Value| {
        let mut arguments = json!({"campaign": 4821, "limit": 10});
        if !after.is_null() {
            arguments["after"] = after;
        }
        let (_, answers, _) = session(
            Altur::new().against_sandbox(&sandbox),
            &[],
            &[call(1, "call_list", arguments)],
        );
        answers[&1]["result"]["structuredContent"].clone()
    };
    let mut ids = std::collections::BTreeSet::new();
    // A call that ended answered has a recording (busy and unanswered ones have none).
    let mut recorded = None;
    let mut after = Value::Null;
    let mut sizes = Vec::new();
    loop {
        let listed = page(after);
        let items = listed["items"].as_array().unwrap();
        sizes.push(items.len());
        ids.extend(items.iter().map(|c| c["id"].as_str().unwrap().to_owned()));
        recorded = recorded.or_else(|| {
            items
                .iter()
                .find(|c| c["status"] == "ended" && c["answered_by"] == "human")
                .map(|c| c["id"].as_str().unwrap().to_owned())
        });
        after = listed["after"].clone();
        if after.is_null() {
            break;
        }
    }
    assert_eq!(sizes, [10, 10, 4]);
    assert_eq!(ids.len(), 24);

    let first = recorded.expect("a call with a recording");
    let (_, answers, _) = session(
        Altur::new().against_sandbox(&sandbox),
        &["--allow-writes", "--dir", dir_flag],
        &[
            call(1, "call_recording_save", json!({"id": first})),
            call(
                2,
                "call_recording_save",
                json!({"id": first, "path": "calls/one.wav"}),
            ),
            call(
                3,
                "call_recording_save",
                json!({"id": first, "path": "/etc/x.wav"}),
            ),
        ],
    );
    let dir = std::fs::canonicalize(dir.path()).unwrap();
    for (id, name) in [(1, format!("{first}.wav")), (2, "calls/one.wav".to_owned())] {
        let saved = &answers[&id]["result"]["structuredContent"];
        let path = std::path::PathBuf::from(saved["path"].as_str().unwrap());
        assert_eq!(path, dir.join(&name), "{saved}");
        let bytes = std::fs::metadata(&path).unwrap().len();
        assert!(bytes > 44);
        assert_eq!(saved["bytes"], bytes);
    }
    assert_eq!(answers[&3]["result"]["isError"], true);
    assert!(
        answers[&3]["result"]["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("`path`")
    );
}

#[test]
fn thread_transcript_reads_like_the_conversation() {
    const AGENT: &str = "11111111-1111-4111-8111-111111111111";
    let sandbox = Sandbox::start(&[]);
    let run = |args: &[&str]| Altur::new().against_sandbox(&sandbox).args(args).run();
    let enduser = run(&["enduser", "create", "--name", "Ada", "-o", "id"]);
    let enduser = enduser.success().stdout.trim().to_owned();
    let (_, answers, _) = session(
        Altur::new().against_sandbox(&sandbox),
        &["--allow-writes", "--allow-contact"],
        &[call(
            1,
            "message_send",
            json!({"agent": AGENT, "enduser": enduser, "text": "hola"}),
        )],
    );
    let sent = &answers[&1]["result"]["structuredContent"];
    let thread = sent["thread_id"]
        .as_str()
        .or_else(|| sent["thread"]["id"].as_str())
        .unwrap_or_else(|| panic!("a thread id in {sent}"))
        .to_owned();
    let (_, answers, _) = session(
        Altur::new().against_sandbox(&sandbox),
        &[],
        &[call(1, "thread_transcript", json!({"id": thread}))],
    );
    let text = answers[&1]["result"]["content"][0]["text"]
        .as_str()
        .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("Thread {thread} (2 messages)"), "{text}");
    assert!(
        lines[2].starts_with('[') && lines[2].ends_with("] Customer: hola"),
        "{text}"
    );
    assert!(lines[3].ends_with("] Agent: You said: hola"), "{text}");
    assert_eq!(
        lines[2].find(']'),
        Some(20),
        "[YYYY-MM-DD HH:MM:SS]: {text}"
    );
}

#[test]
fn a_dir_that_is_not_a_folder_is_refused_before_serving() {
    Altur::new()
        .args(["mcp", "--allow-writes", "--dir", "/nonexistent/recordings"])
        .stdin(format!("{}\n", initialize("2025-06-18")))
        .run()
        .code(2)
        .stdout_empty()
        .stderr_has("is not a folder");
}
