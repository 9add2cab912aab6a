//! `altur message send | list`, `thread get` and `chat` (contract section 14): the exact wire
//! against recording servers, every input error (nothing sent), output formats, the chat loop
//! over pipes and a pseudo-terminal, and round trips through the sandbox (section 19).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Altur, HandlerServer, ID, KEY, Recorded, Reply, Sandbox, Server, wait_until};

const AGENT: &str = "ag_42";
const THREAD: &str = "th_7";
const SANDBOX_AGENT: &str = "11111111-1111-4111-8111-111111111111";

/// A MessageResponse for `content` with the given reply messages.
fn response(content: &str, replies: &[Value]) -> Value {
    json!({
        "thread": {
            "id": THREAD,
            "agent": {"id": AGENT, "name": "Helper"},
            "end_user": {"id": ID, "display_name": "Ada"},
        },
        "messages": replies,
        "in_response_to": {
            "thread_id": THREAD, "type": "text", "content": content,
            "sent_by": "EU", "sent_at": "2026-11-27T08:00:00Z",
        },
    })
}

fn text(sent_by: &str, content: &str, sent_at: &str) -> Value {
    json!({"thread_id": THREAD, "type": "text", "content": content, "sent_by": sent_by, "sent_at": sent_at})
}

fn send(server: &Server) -> Altur {
    Altur::new()
        .against(server)
        .args(["message", "send", "--agent", AGENT, "--enduser", ID])
}

// ---- message send ----

#[test]
fn send_posts_the_three_documented_fields() {
    let answer = response("Hello", &[text("AI", "Hi!", "2026-11-27T08:00:01Z")]);
    let server = Server::new([Reply::json(200, answer.to_string())]);
    let run = send(&server)
        .args(["--content", "Hello", "-o", "json"])
        .run();
    run.success();
    assert_eq!(run.json(), answer, "-o json is the whole MessageResponse");
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/message")
    );
    assert_eq!(
        request.header("authorization"),
        Some(format!("api-key {KEY}").as_str())
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("accept"), Some("application/json"));
    assert_eq!(request.header("idempotency-key"), None);
    assert_eq!(
        request.body_text(),
        format!(r#"{{"agent_id":"{AGENT}","end_user_id":"{ID}","content":"Hello"}}"#)
    );
}

#[test]
fn send_shows_every_reply_in_the_table_and_media_as_its_url() {
    let answer = response(
        "Menu?",
        &[
            text("AI", "Here it is:", "2026-11-27T08:00:01Z"),
            json!({"thread_id": THREAD, "type": "image", "media": "https://cdn.example/menu.png",
                   "sent_by": "AI", "sent_at": "2026-11-27T08:00:02Z"}),
            text("AI", "Anything else?", "2026-11-27T08:00:03Z"),
        ],
    );
    let server = Server::new([Reply::json(200, answer.to_string())]);
    let run = send(&server)
        .args(["--content", "Menu?", "-o", "table"])
        .run();
    run.success();
    let rows: Vec<&str> = run.stdout.lines().filter(|l| l.contains("AI")).collect();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    assert!(rows[0].contains("2026-11-27T08:00:01Z") && rows[0].contains("Here it is:"));
    assert!(rows[1].contains("image") && rows[1].contains("[image] https://cdn.example/menu.png"));
    assert!(rows[2].contains("Anything else?"));
    assert!(
        !run.stdout.contains("Menu?"),
        "the sent message is not a reply"
    );
}

#[test]
fn send_id_prints_the_thread_id_and_ndjson_one_line() {
    let answer = response("x", &[text("AI", "y", "2026-11-27T08:00:01Z")]);
    let server = Server::new([
        Reply::json(200, answer.to_string()),
        Reply::json(200, answer.to_string()),
    ]);
    send(&server)
        .args(["--content", "x", "-o", "id"])
        .run()
        .success()
        .stdout_is(&format!("{THREAD}\n"));
    send(&server)
        .args(["--content", "x", "-o", "ndjson"])
        .run()
        .success()
        .stdout_is(&format!("{answer}\n"));
}

#[test]
fn send_is_never_sent_twice_once_it_may_have_arrived() {
    let server = Server::new([Reply::Drop, Reply::Drop, Reply::Drop]);
    send(&server)
        .args(["--content", "Hello", "--retries", "2"])
        .run()
        .code(7)
        .stdout_empty()
        .stderr_has("the message may have been delivered");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn send_after_a_server_error_is_not_sent_again_but_a_429_is() {
    let server = Server::new([Reply::json(503, r#"{"error":503,"message":"busy"}"#)]);
    send(&server)
        .args(["--content", "Hello", "--retries", "2"])
        .run()
        .code(5)
        .stdout_empty()
        .stderr_has("may have been delivered");
    assert_eq!(server.requests().len(), 1);

    let answer = response("Hello", &[text("AI", "Hi!", "2026-11-27T08:00:01Z")]);
    let server = Server::new([
        Reply::with_headers(
            429,
            &[("Retry-After", "0")],
            r#"{"error":429,"message":"slow down"}"#,
        ),
        Reply::json(200, answer.to_string()),
    ]);
    send(&server)
        .args(["--content", "Hello", "-o", "id"])
        .run()
        .success()
        .stdout_is("th_7\n");
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "a 429 was not processed: sent again");
    assert_eq!(requests[0].body, requests[1].body);
}

#[test]
fn send_reads_the_content_from_a_file_or_stdin_unchanged_but_its_final_newline() {
    let content = "Hola, ¿qué tal? 👋\n第二行\n\t\"quoted\" \\ end\n";
    let answer = response(content, &[]);
    let server = Server::new([
        Reply::json(200, answer.to_string()),
        Reply::json(200, answer.to_string()),
    ]);
    send(&server)
        .args(["--content-file", "-"])
        .stdin(content)
        .run()
        .success();
    send(&server)
        .file("q.txt", content)
        .args(["--content-file", "q.txt"])
        .run()
        .success();
    for request in server.requests() {
        assert_eq!(
            request.body_json()["content"],
            content.strip_suffix('\n').unwrap()
        );
    }
}

/// `<<<"And for lunch?"` adds a newline the customer must not receive; only one line break
/// goes (`\n` or `\r\n`), so a message that ends with a blank line keeps it.
#[test]
fn content_read_from_stdin_or_a_file_loses_one_final_line_break() {
    let cases = [
        ("And for lunch?\n", "And for lunch?"),
        ("And for lunch?\r\n", "And for lunch?"),
        ("two\n\n", "two\n"),
        ("none", "none"),
    ];
    let answer = response("x", &[]);
    let server = Server::new((0..2 * cases.len()).map(|_| Reply::json(200, answer.to_string())));
    for (given, _) in cases {
        send(&server)
            .args(["--content-file", "-"])
            .stdin(given)
            .run()
            .success();
        send(&server)
            .file("m.txt", given)
            .args(["--content-file", "m.txt"])
            .run()
            .success();
    }
    let sent: Vec<Value> = server
        .requests()
        .iter()
        .map(|r| r.body_json()["content"].clone())
        .collect();
    let expected: Vec<Value> = cases
        .iter()
        .flat_map(|(_, sent)| [json!(sent), json!(sent)])
        .collect();
    assert_eq!(sent, expected);
}

#[test]
fn send_refuses_bad_input_and_sends_nothing() {
    let server = Server::new([]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["--agent", AGENT, "--enduser", "42", "--content", "x"],
            "EndUser ids are UUIDs",
        ),
        (
            &["--agent", AGENT, "--enduser", "{ID}", "--content", "x"],
            "EndUser ids are UUIDs",
        ),
        (
            &["--agent", "a/b", "--enduser", ID, "--content", "x"],
            "ids hold no '/'",
        ),
        (
            &["--agent", "a b", "--enduser", ID, "--content", "x"],
            "ids hold no whitespace or control characters",
        ),
        (
            &["--agent", "a?b", "--enduser", ID, "--content", "x"],
            "ids hold no '?'",
        ),
        (
            &["--agent", "a#b", "--enduser", ID, "--content", "x"],
            "ids hold no '#'",
        ),
        (
            &["--agent", "", "--enduser", ID, "--content", "x"],
            "ids are not empty",
        ),
        (
            &["--agent", AGENT, "--enduser", ID, "--content", " \n\t "],
            "the message is empty",
        ),
        (&["--agent", AGENT, "--enduser", ID], "--content"),
        (
            &[
                "--agent",
                AGENT,
                "--enduser",
                ID,
                "--content",
                "x",
                "--content-file",
                "f",
            ],
            "cannot be used with",
        ),
        (&["--agent", AGENT, "--content", "x"], "--enduser"),
        (
            &[
                "--agent",
                AGENT,
                "--enduser",
                ID,
                "--content-file",
                "missing.txt",
            ],
            "cannot read",
        ),
    ];
    for (args, message) in cases {
        Altur::new()
            .against(&server)
            .args(["message", "send"])
            .args(*args)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(message);
    }
    let big = "a".repeat(1024 * 1024 + 1);
    send(&server)
        .args(["--content-file", "-"])
        .stdin(big.clone())
        .run()
        .code(2)
        .stderr_has("larger than 1 MiB");
    // (A --content over 1 MiB cannot be passed: Linux caps one argument at 128 KiB; the same
    // check is unit-tested in src/commands/message.rs.)
    send(&server)
        .file("latin1.txt", b"caf\xe9")
        .args(["--content-file", "latin1.txt"])
        .run()
        .code(2)
        .stderr_has("is not UTF-8");
    {
        use std::os::unix::ffi::OsStrExt;
        send(&server)
            .arg("--content")
            .arg(std::ffi::OsStr::from_bytes(b"caf\xe9"))
            .run()
            .code(2)
            .stderr_has("UTF-8");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn send_dry_run_prints_curl_and_sends_nothing() {
    let server = Server::new([]);
    let run = send(&server)
        .args(["--content", "Hello", "--dry-run"])
        .run();
    run.success();
    assert!(run.stdout.starts_with("curl"), "{}", run.stdout);
    assert!(run.stdout.contains("/message"), "{}", run.stdout);
    assert!(server.requests().is_empty());
}

// ---- message list ----

fn thread_messages() -> Value {
    json!([
        text("EU", "Hi, I need a table for two", "2026-11-27T08:00:00Z"),
        text("AI", "Sure! For when?\nWe open at 7pm.", "2026-11-27T08:00:01.250Z"),
        {"thread_id": THREAD, "type": "image", "media": "https://cdn.example/room.jpg",
         "content": "Our room", "sent_by": "AI", "sent_at": "2026-11-27T08:00:02Z"},
        {"thread_id": THREAD, "type": "text", "content": "Assigned to Ana",
         "sent_by": "SYS", "sent_at": "2026-11-27T08:01:00Z", "read": true},
    ])
}

#[test]
fn list_gets_the_thread_and_prints_json_as_received() {
    let body = thread_messages().to_string();
    let server = Server::new([Reply::json(200, body.clone()), Reply::json(200, body)]);
    let run = Altur::new()
        .against(&server)
        .args(["message", "list", THREAD, "-o", "json"])
        .run();
    run.success();
    assert_eq!(run.stdout, format!("{:#}\n", thread_messages()));
    let run = Altur::new()
        .against(&server)
        .args(["message", "list", THREAD, "-o", "ndjson"])
        .run();
    run.success();
    assert_eq!(run.stdout.lines().count(), 4);
    for request in server.requests() {
        assert_eq!(
            (request.method.as_str(), request.path.as_str()),
            ("GET", "/message/th_7")
        );
        assert!(request.body.is_empty());
    }
}

#[test]
fn list_table_is_a_conversation_with_media_as_type_and_url() {
    let server = Server::new([Reply::json(200, thread_messages().to_string())]);
    Altur::new()
        .against(&server)
        .args(["message", "list", THREAD, "-o", "table"])
        .run()
        .success()
        .stdout_is(
            "2026-11-27 08:00:00Z  EU   Hi, I need a table for two\n\
             2026-11-27 08:00:01Z  AI   Sure! For when?\n\
             \x20                          We open at 7pm.\n\
             2026-11-27 08:00:02Z  AI   [image] https://cdn.example/room.jpg\n\
             \x20                          Our room\n\
             2026-11-27 08:01:00Z  SYS  Assigned to Ana\n",
        );
}

#[test]
fn list_refuses_bad_thread_ids_and_reports_unknown_ones() {
    let server = Server::new([Reply::json(
        404,
        r#"{"error":404,"message":"Thread not found"}"#,
    )]);
    for bad in ["a/b", "", "a b", "x?y"] {
        Altur::new()
            .against(&server)
            .args(["message", "list", bad])
            .run()
            .code(2)
            .stdout_empty();
    }
    Altur::new()
        .against(&server)
        .args(["message", "list", THREAD, "-o", "id"])
        .run()
        .code(2)
        .stderr_has("-o id does not apply to message list");
    assert!(server.requests().is_empty());
    Altur::new()
        .against(&server)
        .args(["message", "list", THREAD])
        .run()
        .code(3)
        .stdout_empty()
        .stderr_has("Thread not found");
}

// ---- thread get ----

#[test]
fn thread_get_reads_the_current_and_the_legacy_field_names_alike() {
    let current = json!({
        "id": THREAD,
        "agent": {"id": AGENT, "name": "Helper"},
        "end_user": {"id": ID, "display_name": "Ada"},
        "integration": {"id": "int_whatsapp", "type": "whatsapp"},
        "tags": [{"id": "t1", "name": "vip", "color": "blue"}],
        "assigned_to": [{"id": "u1", "email": "ana@example.com"}],
        "active": true,
    });
    let legacy = json!({
        "id": THREAD,
        "chatbot": {"id": AGENT, "name": "Helper"},
        "enduser": {"id": ID, "display_name": "Ada"},
        "integration": {"id": "int_whatsapp", "type": "whatsapp"},
        "tags": [{"id": "t1", "name": "vip", "color": "blue"}],
        "assigned_to": [{"id": "u1", "email": "ana@example.com"}],
        "active": true,
    });
    let mut tables = Vec::new();
    for thread in [&current, &legacy] {
        let server = Server::new([
            Reply::json(200, thread.to_string()),
            Reply::json(200, thread.to_string()),
        ]);
        let run = Altur::new()
            .against(&server)
            .args(["thread", "get", THREAD, "-o", "table"])
            .run();
        run.success();
        for expected in [
            "agent.name",
            "Helper",
            "end_user.display_name",
            "Ada",
            "int_whatsapp",
            "vip",
            "ana@example.com",
        ] {
            assert!(run.stdout.contains(expected), "{expected}:\n{}", run.stdout);
        }
        tables.push(run.stdout.clone());
        let json = Altur::new()
            .against(&server)
            .args(["thread", "get", THREAD, "-o", "json"])
            .run();
        json.success();
        assert_eq!(&json.json(), thread, "-o json is the body as received");
        let request = &server.requests()[0];
        assert_eq!(
            (request.method.as_str(), request.path.as_str()),
            ("GET", "/thread/th_7")
        );
    }
    assert_eq!(tables[0], tables[1]);
}

#[test]
fn thread_get_id_and_bad_ids() {
    let server = Server::new([Reply::json(200, json!({"id": THREAD}).to_string())]);
    Altur::new()
        .against(&server)
        .args(["thread", "get", THREAD, "-o", "id"])
        .run()
        .success()
        .stdout_is("th_7\n");
    Altur::new()
        .against(&server)
        .args(["thread", "get", "../enduser"])
        .run()
        .code(2);
    assert_eq!(server.requests().len(), 1);
}

// ---- chat over a pipe ----

/// A server that answers each message with "re: <content>", an EndUser create with Ada, and a
/// message whose content starts with "FAIL" with a 400.
fn chat_server() -> HandlerServer {
    HandlerServer::new(|_, request: &Recorded| {
        if request.path == "/enduser" {
            return Reply::enduser("Ada");
        }
        let content = request.body_json()["content"].as_str().unwrap().to_owned();
        if content.starts_with("FAIL") {
            return Reply::json(400, r#"{"error":400,"message":"the agent is paused"}"#);
        }
        let reply = text("AI", &format!("re: {content}"), "2026-11-27T08:00:01Z");
        Reply::json(200, response(&content, &[reply]).to_string())
    })
}

fn chat(server: &HandlerServer) -> Altur {
    Altur::new()
        .against_url(&server.url())
        .args(["chat", "--agent", AGENT])
}

fn sent_contents(server: &HandlerServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter(|r| r.path == "/message")
        .map(|r| r.body_json()["content"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn chat_over_a_pipe_is_one_exchange_per_line() {
    let server = chat_server();
    chat(&server)
        .args(["--enduser", ID])
        .stdin("hi\nprice?\nthanks\n")
        .run()
        .success()
        .stdout_is("re: hi\nre: price?\nre: thanks\n");
    assert_eq!(sent_contents(&server), ["hi", "price?", "thanks"]);
    for request in server.requests() {
        assert_eq!(request.method, "POST");
        assert_eq!(
            request.body_text(),
            format!(
                r#"{{"agent_id":"{AGENT}","end_user_id":"{ID}","content":"{}"}}"#,
                request.body_json()["content"].as_str().unwrap()
            )
        );
    }
}

#[test]
fn chat_skips_empty_lines_and_ends_at_quit() {
    let server = chat_server();
    chat(&server)
        .args(["--enduser", ID])
        .stdin("\n  \nhi\r\n/quit\nnever sent\n")
        .run()
        .success()
        .stdout_is("re: hi\n");
    assert_eq!(sent_contents(&server), ["hi"]);
}

#[test]
fn chat_ndjson_prints_one_message_response_per_line() {
    let server = chat_server();
    let run = chat(&server)
        .args(["--enduser", ID, "-o", "ndjson"])
        .stdin("a\nb\n")
        .run();
    run.success();
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["messages"][0]["content"], "re: b");
    assert_eq!(lines[1]["in_response_to"]["content"], "b");
}

#[test]
fn chat_with_o_json_prints_one_response_per_line_and_errors_as_json() {
    let server = chat_server();
    let run = chat(&server)
        .args(["--enduser", ID, "-o", "json"])
        .stdin("a\nFAIL b\n")
        .run();
    run.code(3);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["messages"][0]["content"], "re: a");
    let error: Value = serde_json::from_str(run.stderr.trim()).unwrap();
    assert_eq!(error["error"]["status"], 400);
    assert_eq!(error["error"]["kind"], "api");
}

#[test]
fn chat_reports_a_failed_send_goes_on_and_exits_with_its_code() {
    let server = chat_server();
    chat(&server)
        .args(["--enduser", ID])
        .stdin("one\nFAIL two\nthree\n")
        .run()
        .code(3)
        .stdout_is("re: one\nre: three\n")
        .stderr_has("the agent is paused");
    assert_eq!(sent_contents(&server), ["one", "FAIL two", "three"]);

    let server = chat_server();
    chat(&server)
        .args(["--enduser", ID, "--fail-fast"])
        .stdin("one\nFAIL two\nthree\n")
        .run()
        .code(3)
        .stdout_is("re: one\n");
    assert_eq!(sent_contents(&server), ["one", "FAIL two"]);
}

#[test]
fn chat_reports_bad_lines_and_sends_the_others() {
    let server = chat_server();
    let mut input = b"caf\xe9\nok\n".to_vec();
    input.extend(vec![b'x'; 1024 * 1024 + 1]);
    input.extend(b"\nlast\n");
    chat(&server)
        .args(["--enduser", ID])
        .stdin(input)
        .run()
        .code(2)
        .stdout_is("re: ok\nre: last\n")
        .stderr_has("line 1 is not UTF-8")
        .stderr_has("line 3 is larger than 1 MiB");
    assert_eq!(sent_contents(&server), ["ok", "last"]);
}

#[test]
fn chat_with_a_name_creates_the_enduser_once_and_talks_as_them() {
    let server = chat_server();
    let run = chat(&server)
        .args(["--name", "Ada"])
        .stdin("hi\nagain\n")
        .run();
    run.success()
        .stdout_is("re: hi\nre: again\n")
        .stderr_has(&format!("created EndUser {ID} (Ada)"));
    let requests = server.requests();
    let creates: Vec<&Recorded> = requests.iter().filter(|r| r.path == "/enduser").collect();
    assert_eq!(creates.len(), 1);
    assert_eq!(creates[0].body_text(), r#"{"display_name":"Ada"}"#);
    assert_eq!(
        requests[0].path, "/enduser",
        "created before the first message"
    );
    for message in requests.iter().filter(|r| r.path == "/message") {
        assert_eq!(message.body_json()["end_user_id"], ID);
    }
}

#[test]
fn chat_refuses_bad_input_and_sends_nothing() {
    let server = chat_server();
    let cases: &[(&[&str], &str)] = &[
        (&[], "--enduser"),
        (&["--enduser", ID, "--name", "Ada"], "cannot be used with"),
        (&["--enduser", "not-a-uuid"], "EndUser ids are UUIDs"),
        (&["--name", "  "], "must not be empty"),
        (
            &["--enduser", ID, "-o", "id"],
            "-o id does not apply to chat",
        ),
    ];
    for (args, message) in cases {
        chat(&server)
            .args(*args)
            .stdin("hi\n")
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(message);
    }
    Altur::new()
        .against_url(&server.url())
        .args(["chat", "--agent", "a/b", "--enduser", ID])
        .stdin("hi\n")
        .run()
        .code(2);
    assert!(server.requests().is_empty());
}

/// SIGINT while the chat waits for the next line ends it with 130.
#[test]
fn chat_ends_with_130_on_ctrl_c() {
    let server = chat_server();
    let mut child = Altur::new()
        .against_url(&server.url())
        .args(["chat", "--agent", AGENT, "--enduser", ID])
        .spawn_with(Stdio::piped(), Stdio::piped(), Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"hi\n").unwrap();
    // The reply proves the first exchange is over and the chat waits for the next line.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "re: hi\n");
    crate::support::send_signal(child.id(), "INT");
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("altur: error: interrupted"), "{stderr}");
    drop(stdin);
}

/// Ctrl-C while a message is on its way: 130, and the message may have been delivered.
#[test]
fn ctrl_c_during_a_send_says_the_message_may_have_been_delivered() {
    for chat in [false, true] {
        let server = Server::new([Reply::Hang]);
        let args: &[&str] = if chat {
            &["chat", "--agent", AGENT, "--enduser", ID]
        } else {
            &[
                "message",
                "send",
                "--agent",
                AGENT,
                "--enduser",
                ID,
                "--content",
                "hi",
            ]
        };
        let mut child = Altur::new().against(&server).args(args).spawn_with(
            Stdio::piped(),
            Stdio::piped(),
            Stdio::piped(),
        );
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"hi\n").unwrap();
        wait_until(Duration::from_secs(20), || server.requests().len() == 1);
        crate::support::send_signal(child.id(), "INT");
        let output = child.finish();
        let stderr = output.stderr.clone();
        assert_eq!(Some(output.code), Some(130), "{stderr}");
        assert!(stderr.contains("altur: error: interrupted"), "{stderr}");
        assert!(stderr.contains("may have been delivered"), "{stderr}");
        assert!(output.stdout.is_empty());
        drop(stdin);
    }
}

#[test]
fn chat_dry_run_prints_each_request_and_sends_nothing() {
    let server = chat_server();
    let run = chat(&server)
        .args(["--name", "Ada", "--dry-run"])
        .stdin("hi\n\nagain\n")
        .run();
    run.success();
    let curls: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("curl"))
        .collect();
    assert_eq!(curls.len(), 3, "{}", run.stdout);
    assert!(curls[0].contains("/enduser"), "{}", curls[0]);
    assert!(run.stdout.contains("ENDUSER_ID"), "{}", run.stdout);
    assert!(server.requests().is_empty());
}

// ---- chat on a terminal ----

/// A pseudo-terminal: the chat's stdin and stdout, and the end the test types into.
struct Pty {
    master: std::fs::File,
    slave: std::os::fd::OwnedFd,
}

fn open_pty() -> Pty {
    use rustix::fs::{Mode, OFlags};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = rustix::fs::open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .expect("open the terminal");
    Pty {
        master: std::fs::File::from(master),
        slave,
    }
}

/// On a terminal: a prompt, `agent> ` replies, and Ctrl-C at the prompt ends with 130.
#[test]
fn chat_on_a_terminal_prompts_and_ends_with_130_on_ctrl_c() {
    let server = chat_server();
    let pty = open_pty();
    let mut child = Altur::new()
        .against_url(&server.url())
        .args(["chat", "--agent", AGENT, "--enduser", ID])
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .spawn_with(
            Stdio::from(pty.slave.try_clone().unwrap()),
            Stdio::from(pty.slave.try_clone().unwrap()),
            Stdio::piped(),
        );
    drop(pty.slave);
    // What the terminal shows, read as it comes; answers the editor's cursor-position query.
    let (shown_tx, shown) = std::sync::mpsc::channel::<Vec<u8>>();
    let mut reader = pty.master.try_clone().unwrap();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 || shown_tx.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut master = pty.master;
    let mut screen = String::new();
    // Waits until the terminal shows `needle`, and forgets everything up to it, so that the
    // next prompt is told from the one before.
    let mut wait_for = |needle: &str, master: &mut std::fs::File| {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(at) = screen.find(needle) {
                screen.drain(..at + needle.len());
                return;
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let chunk = shown
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("the terminal never showed {needle:?}:\n{screen}"));
            let text = String::from_utf8_lossy(&chunk).into_owned();
            if text.contains("\x1b[6n") {
                master.write_all(b"\x1b[1;1R").unwrap();
            }
            screen.push_str(&text);
        }
    };
    wait_for("you> ", &mut master);
    master.write_all(b"hi\r").unwrap();
    wait_for("agent> re: hi", &mut master);
    wait_for("you> ", &mut master);
    master.write_all(b"\x03").unwrap();
    let mut status = None;
    wait_until(Duration::from_secs(20), || {
        status = child.try_wait().unwrap();
        status.is_some()
    });
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.unwrap().code(), Some(130), "{stderr}");
    assert_eq!(sent_contents(&server), ["hi"]);
}

// ---- against the sandbox ----

#[test]
fn sandbox_round_trip_keeps_unicode_and_line_breaks() {
    let sandbox = Sandbox::start(&[]);
    let ada = Altur::new()
        .against_sandbox(&sandbox)
        .args(["enduser", "create", "--name", "Ada", "-o", "id"])
        .run();
    ada.success();
    let ada = ada.stdout.trim().to_owned();
    let content = "Hola 👋, ¿mesa para dos?\n第二行 \"quoted\"\ttab";
    let sent = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "message",
            "send",
            "--agent",
            SANDBOX_AGENT,
            "--enduser",
            &ada,
        ])
        .args(["--content", content, "-o", "json"])
        .run();
    sent.success();
    let sent = sent.json();
    assert_eq!(sent["in_response_to"]["content"], content);
    assert_eq!(
        sent["messages"][0]["content"],
        format!("You said: {content}")
    );
    assert_eq!(sent["messages"][0]["sent_by"], "AI");
    let thread = sent["thread"]["id"].as_str().unwrap().to_owned();
    let listed = Altur::new()
        .against_sandbox(&sandbox)
        .args(["message", "list", &thread, "-o", "json"])
        .run();
    listed.success();
    let listed = listed.json();
    let said: Vec<(&str, &str)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["sent_by"].as_str().unwrap(),
                m["content"].as_str().unwrap(),
            )
        })
        .collect();
    let reply = format!("You said: {content}");
    assert_eq!(said, [("EU", content), ("AI", reply.as_str())]);
    let got = Altur::new()
        .against_sandbox(&sandbox)
        .args(["thread", "get", &thread, "-o", "json"])
        .run();
    got.success();
    let got = got.json();
    assert_eq!(got["agent"]["id"], SANDBOX_AGENT);
    assert_eq!(got["end_user"]["id"], ada.as_str());
    assert_eq!(got["end_user"]["display_name"], "Ada");
}

#[test]
fn sandbox_refuses_unknown_agents_endusers_and_threads() {
    let sandbox = Sandbox::start(&[]);
    Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "message",
            "send",
            "--agent",
            SANDBOX_AGENT,
            "--enduser",
            ID,
            "--content",
            "x",
        ])
        .run()
        .code(3)
        .stderr_has("no EndUser with id");
    Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "message",
            "send",
            "--agent",
            "ag_unknown",
            "--enduser",
            ID,
            "--content",
            "x",
        ])
        .run()
        .code(3)
        .stderr_has("no agent with id 'ag_unknown'");
    for command in ["message list", "thread get"] {
        Altur::new()
            .against_sandbox(&sandbox)
            .args(command.split(' '))
            .arg("th_nope")
            .run()
            .code(3)
            .stderr_has("HTTP 404")
            .stderr_has("no thread with id 'th_nope'");
    }
}

#[test]
fn sandbox_chat_one_thread_per_enduser() {
    let sandbox = Sandbox::start(&[]);
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "chat",
            "--agent",
            SANDBOX_AGENT,
            "--name",
            "Bob",
            "-o",
            "ndjson",
        ])
        .stdin("one\ntwo\nthree\n")
        .run();
    run.success();
    let answers: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 3);
    let thread = &answers[0]["thread"]["id"];
    assert!(answers.iter().all(|a| &a["thread"]["id"] == thread));
    let listed = Altur::new()
        .against_sandbox(&sandbox)
        .args(["message", "list", thread.as_str().unwrap(), "-o", "table"])
        .run();
    listed.success();
    let senders: Vec<&str> = listed
        .stdout
        .lines()
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(senders, ["EU", "AI", "EU", "AI", "EU", "AI"]);
    assert!(listed.stdout.contains("You said: three"));
}

#[test]
fn sandbox_serve_prints_the_seeded_agent_and_exec_exports_it() {
    let sandbox = Sandbox::start(&[]);
    let stderr = sandbox.stderr();
    assert!(
        stderr.contains(&format!("agent {SANDBOX_AGENT} (Sandbox Agent)")),
        "{stderr}"
    );
    assert!(
        stderr.contains("int_phone") && stderr.contains("int_whatsapp"),
        "{stderr}"
    );
    Altur::new()
        .args([
            "sandbox",
            "exec",
            "--",
            "sh",
            "-c",
            "echo \"$ALTUR_SANDBOX_AGENT_ID\"",
        ])
        .run()
        .success()
        .stdout_is(&format!("{SANDBOX_AGENT}\n"));
}
