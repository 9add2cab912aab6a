//! `altur api` (contract section 11), `--jq` and paging (section 12), through the binary
//! against recording servers on 127.0.0.1.

use crate::support::{Altur, HandlerServer, KEY, Recorded, Reply, Server};

fn api(server: &Server) -> Altur {
    Altur::new().against(server).arg("api")
}

/// The query parameter `name` of a recorded request, still encoded.
fn query_param<'r>(request: &'r Recorded, name: &str) -> Option<&'r str> {
    let (_, query) = request.path.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

// ---- methods, fields, query ----

#[test]
fn each_method_sends_its_request_line_fields_and_body() {
    let ok = || Reply::json(200, r#"{"ok":true}"#);
    let server = Server::new([ok(), ok(), ok(), ok(), ok(), ok()]);
    let run = |args: &[&str]| api(&server).args(args).run().success().stdout.clone();
    assert_eq!(run(&["/campaigns/42"]), "{\n  \"ok\": true\n}\n");
    run(&["POST", "/campaigns", "-f", "name=Spring", "-F", "retries=3"]);
    run(&["put", "campaigns/42", "-F", r#"cycles={"enabled":true}"#]);
    run(&["PATCH", "/campaigns/42", "-f", "name=New"]);
    run(&["DELETE", "/campaigns/42/contacts/7", "-f", "reason=a b"]);
    run(&[
        "GET",
        "/campaigns",
        "-f",
        "status=ACTIVE",
        "-F",
        "archived=false",
    ]);
    let requests = server.requests();
    let lines: Vec<(&str, &str, &str)> = requests
        .iter()
        .map(|r| (r.method.as_str(), r.path.as_str(), r.body_text()))
        .collect();
    assert_eq!(
        lines,
        [
            ("GET", "/campaigns/42", ""),
            ("POST", "/campaigns", r#"{"name":"Spring","retries":3}"#),
            ("PUT", "/campaigns/42", r#"{"cycles":{"enabled":true}}"#),
            ("PATCH", "/campaigns/42", r#"{"name":"New"}"#),
            ("DELETE", "/campaigns/42/contacts/7?reason=a%20b", ""),
            ("GET", "/campaigns?status=ACTIVE&archived=false", ""),
        ]
    );
    for request in &requests {
        assert_eq!(
            request.header("authorization"),
            Some(&*format!("api-key {KEY}"))
        );
        assert_eq!(
            request.header("idempotency-key"),
            None,
            "never added by itself"
        );
        let has_body = !request.body.is_empty();
        assert_eq!(
            request.header("content-type").is_some(),
            has_body,
            "{request:?}"
        );
    }
}

#[test]
fn a_body_from_input_makes_a_post_and_keeps_its_bytes() {
    let server = Server::new([Reply::json(201, r#"{"id":1}"#)]);
    let body = "{\"name\" : \"Ünïcode\",\n \"n\": 1}";
    api(&server)
        .args(["/campaigns", "--input", "-"])
        .stdin(body)
        .run()
        .success();
    let request = server.only_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.body_text(), body);
}

#[test]
fn query_values_are_percent_encoded_and_arrive_intact() {
    let server = Server::new([Reply::json(200, "{}")]);
    api(&server)
        .args([
            "/call",
            "--query",
            "q=a b&c#d+e%f é",
            "--query",
            "from=+33 1",
        ])
        .run()
        .success();
    assert_eq!(
        server.only_request().path,
        "/call?q=a%20b%26c%23d%2Be%25f%20%C3%A9&from=%2B33%201"
    );
}

#[test]
fn headers_are_sent_and_include_prints_the_status_and_headers_first() {
    let server = Server::new([Reply::with_headers(
        200,
        &[
            ("Content-Type", "application/json"),
            ("X-Request-Id", "r-1"),
        ],
        r#"{"a":1}"#,
    )]);
    let run = api(&server)
        .args(["/x", "--header", "X-Trace: abc", "-i"])
        .run();
    run.success();
    assert!(
        run.stdout.starts_with("HTTP/1.1 200 OK\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("x-request-id: r-1\n"), "{}", run.stdout);
    assert!(
        run.stdout.ends_with("\n\n{\n  \"a\": 1\n}\n"),
        "{}",
        run.stdout
    );
    assert_eq!(server.only_request().header("x-trace"), Some("abc"));
}

#[test]
fn dry_run_prints_curl_with_the_key_left_to_the_shell() {
    let server = Server::new([]);
    let run = api(&server)
        .args([
            "PATCH",
            "/campaigns/4 2",
            "-f",
            "name=O'Brien",
            "--query",
            "a=b c",
        ])
        .args(["--idempotency-key", "k-1", "--dry-run"])
        .run();
    run.success().stdout_is(&format!(
        "curl --request PATCH '{url}/campaigns/4%202?a=b%20c' \\\n  \
         --header 'Authorization: api-key '\"$ALTUR_API_KEY\" \\\n  \
         --header 'Content-Type: application/json' \\\n  \
         --header 'Accept: application/json, */*;q=0.8' \\\n  \
         --header 'Idempotency-Key: k-1' \\\n  \
         --header 'User-Agent: altur/{version}' \\\n  \
         --data-raw '{{\"name\":\"O'\\''Brien\"}}'\n",
        url = server.url(),
        version = env!("CARGO_PKG_VERSION")
    ));
    assert!(server.requests().is_empty());
}

// ---- answers ----

/// The binary's raw stdout: `Run` decodes it as text, which would hide a changed byte.
fn raw_stdout(server: &Server, path: &str) -> (i32, Vec<u8>) {
    let run = Altur::new().against(server).args(["api", path]).run();
    (run.code, run.stdout_bytes)
}

#[test]
fn a_binary_answer_is_written_byte_for_byte_small_or_larger_than_10_mib() {
    let small: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let large: Vec<u8> = (0..=255u8)
        .rev()
        .cycle()
        .take(11 * 1024 * 1024 + 3)
        .collect();
    for body in [small, large] {
        let server = Server::new([Reply::Raw(
            200,
            vec![("Content-Type".into(), "audio/mpeg".into())],
            body.clone(),
        )]);
        let (code, stdout) = raw_stdout(&server, "/call/7/recording");
        assert_eq!(code, 0);
        assert_eq!(stdout.len(), body.len());
        assert!(stdout == body, "the bytes differ");
    }
}

#[test]
fn text_and_empty_answers_are_printed_as_received() {
    let server = Server::new([
        Reply::Raw(200, vec![], b"id,name\n1,Ada\n".to_vec()),
        Reply::Raw(204, vec![], Vec::new()),
    ]);
    api(&server)
        .arg("/export")
        .run()
        .success()
        .stdout_is("id,name\n1,Ada\n");
    api(&server)
        .args(["DELETE", "/campaigns/1"])
        .run()
        .success()
        .stdout_empty();
}

#[test]
fn error_answers_go_to_stderr_with_their_exit_code_and_never_through_jq() {
    let server = Server::new([
        Reply::json(
            404,
            r#"{"error":404,"message":"no such campaign","id":"x"}"#,
        ),
        Reply::json(500, r#"{"error":500,"message":"boom"}"#),
    ]);
    api(&server)
        .args(["/campaigns/9", "--jq", ".id"])
        .run()
        .code(3)
        .stdout_empty()
        .stderr_has("HTTP 404: no such campaign");
    api(&server)
        .args(["POST", "/campaigns", "-f", "a=b", "--retries", "0"])
        .run()
        .code(5)
        .stdout_empty()
        .stderr_has("may have been processed");
}

// ---- --jq ----

#[test]
fn jq_on_an_object_prints_strings_raw_and_other_values_compact() {
    let answer = r#"{"id":42,"name":"Spring \"sale\"","tags":["a","b"],"agent":{"z":1,"a":2}}"#;
    let server = Server::new([
        Reply::json(200, answer),
        Reply::json(200, answer),
        Reply::json(200, answer),
    ]);
    api(&server)
        .args(["/campaigns/42", "--jq", ".name"])
        .run()
        .success()
        .stdout_is("Spring \"sale\"\n");
    api(&server)
        .args(["/campaigns/42", "--jq", ".agent, .id, .tags[]"])
        .run()
        .success()
        .stdout_is("{\"z\":1,\"a\":2}\n42\na\nb\n");
    api(&server)
        .args(["/campaigns/42", "--jq", "."])
        .run()
        .success()
        .stdout_is(&format!("{answer}\n"));
}

#[test]
fn a_bad_filter_or_jq_with_table_or_id_is_exit_2_and_nothing_is_sent() {
    let server = Server::new([]);
    api(&server)
        .args(["/campaigns", "--jq", ".[ | foo"])
        .run()
        .code(2)
        .stdout_empty()
        .stderr_has("invalid --jq filter");
    api(&server)
        .args(["/campaigns", "--jq", "nosuchfunction(1)"])
        .run()
        .code(2)
        .stderr_has("undefined function 'nosuchfunction'");
    for format in ["table", "id"] {
        Altur::new()
            .against(&server)
            .args([
                "enduser",
                "get",
                crate::support::ID,
                "--jq",
                ".id",
                "-o",
                format,
            ])
            .run()
            .code(2)
            .stderr_has(&format!("--jq cannot be used with -o {format}"));
    }
    api(&server)
        .args(["/campaigns", "-o", "table"])
        .run()
        .code(2)
        .stderr_has("-o table does not apply to api");
    Altur::new()
        .against(&server)
        .args(["enduser", "get", crate::support::ID, "--jq", "."])
        .arg("--jq=.[")
        .run()
        .code(2);
    assert!(server.requests().is_empty());
}

// ---- paging ----

/// A cursor-paged list of `pages` pages of two items; page n's cursor is `c<n>`. `flag`
/// names the "there is more" field (`has_next`, or the older `has_more`).
fn cursor_pages(pages: usize, flag: &'static str) -> HandlerServer {
    HandlerServer::new(move |_, request| {
        let page: usize = query_param(request, "cursor")
            .map(|c| c.trim_start_matches('c').parse().unwrap())
            .unwrap_or(1);
        let more = page < pages;
        let body = serde_json::json!({
            "campaigns": [{"id": page * 10 + 1}, {"id": page * 10 + 2}],
            "pagination": {flag: more, "next_cursor": if more { format!("c{}", page + 1) } else { String::new() }},
        });
        Reply::json(200, body.to_string())
    })
}

#[test]
fn cursor_paging_follows_has_next_or_has_more_across_pages_and_resends_the_query() {
    for flag in ["has_next", "has_more"] {
        let server = cursor_pages(3, flag);
        let run = Altur::new()
            .against_url(&server.url())
            .args(["api", "/campaigns", "--paginate", "--query", "status=A B"])
            .run();
        run.success();
        let expected: String = (1..=3)
            .map(|p| {
                format!(
                    "{{\"campaigns\":[{{\"id\":{}}},{{\"id\":{}}}],\"pagination\":{{\"{flag}\":{},\"next_cursor\":\"{}\"}}}}\n",
                    p * 10 + 1,
                    p * 10 + 2,
                    p < 3,
                    if p < 3 { format!("c{}", p + 1) } else { String::new() }
                )
            })
            .collect();
        run.stdout_is(&expected);
        let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
        assert_eq!(
            paths,
            [
                "/campaigns?status=A%20B",
                "/campaigns?status=A%20B&cursor=c2",
                "/campaigns?status=A%20B&cursor=c3"
            ],
            "{flag}"
        );
    }
}

#[test]
fn page_index_paging_follows_next_page_and_stops_at_an_empty_page() {
    let server = HandlerServer::new(|_, request| {
        let index: u64 = query_param(request, "pageIndex")
            .map(|i| i.parse().unwrap())
            .unwrap_or(0);
        let calls: Vec<u64> = if index < 3 { vec![index] } else { vec![] };
        // Pages 0, 1 and 2 say there is a next one; the next one is empty anyway.
        let body = serde_json::json!({
            "calls": calls,
            "pagination": {"page_index": index, "has_next": true, "next_page": index + 1},
        });
        Reply::json(200, body.to_string())
    });
    let run = Altur::new()
        .against_url(&server.url())
        .args([
            "api",
            "/campaigns/1/calls",
            "--paginate",
            "--jq",
            ".calls[]",
        ])
        .run();
    run.success().stdout_is("0\n1\n2\n");
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        [
            "/campaigns/1/calls",
            "/campaigns/1/calls?pageIndex=1",
            "/campaigns/1/calls?pageIndex=2",
            "/campaigns/1/calls?pageIndex=3",
        ]
    );
}

#[test]
fn slurp_prints_one_array_and_jq_runs_once_over_it() {
    let server = cursor_pages(3, "has_next");
    Altur::new()
        .against_url(&server.url())
        .args(["api", "/campaigns", "--paginate", "--slurp"])
        .args(["--jq", "length, (map(.campaigns[].id) | add)"])
        .run()
        .success()
        .stdout_is(&format!("3\n{}\n", 11 + 12 + 21 + 22 + 31 + 32));
    let server = cursor_pages(2, "has_next");
    let run = Altur::new()
        .against_url(&server.url())
        .args(["api", "/campaigns", "--paginate", "--slurp"])
        .run();
    run.success();
    let pages: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(pages.len(), 2);
}

#[test]
fn a_looping_cursor_is_exit_5() {
    let server = HandlerServer::new(|_, _| {
        Reply::json(
            200,
            r#"{"items":[1],"pagination":{"has_next":true,"next_cursor":"same"}}"#,
        )
    });
    let run = Altur::new()
        .against_url(&server.url())
        .args(["api", "/call", "--paginate"])
        .run();
    run.code(5)
        .stderr_has("the server sent the cursor 'same' twice");
    assert_eq!(run.stdout.lines().count(), 2);
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn a_failure_mid_paginate_keeps_the_pages_printed_and_says_how_to_resume() {
    let server = HandlerServer::new(|index, _| match index {
        0 => Reply::json(
            200,
            r#"{"items":[1],"pagination":{"has_next":true,"next_cursor":"c 2"}}"#,
        ),
        _ => Reply::json(400, r#"{"error":400,"message":"bad cursor"}"#),
    });
    let run = Altur::new()
        .against_url(&server.url())
        .args(["api", "/call", "--paginate"])
        .run();
    run.code(3)
        .stdout_is("{\"items\":[1],\"pagination\":{\"has_next\":true,\"next_cursor\":\"c 2\"}}\n")
        .stderr_has("HTTP 400: bad cursor")
        .stderr_has("--query 'cursor=c 2'");
}

// ---- retries and idempotency ----

#[test]
fn a_post_that_may_have_arrived_is_sent_again_only_with_an_idempotency_key() {
    let server = Server::new([Reply::Drop]);
    api(&server)
        .args(["POST", "/campaigns", "-f", "name=A", "--retries", "2"])
        .run()
        .code(7)
        .stderr_has("may have been processed");
    assert_eq!(server.requests().len(), 1);

    let server = Server::new([Reply::Drop, Reply::json(200, r#"{"id":1}"#)]);
    api(&server)
        .args(["PATCH", "/campaigns/1", "-f", "name=A"])
        .args(["--idempotency-key", "idem-123", "--retries", "2"])
        .run()
        .success();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.header("idempotency-key"), Some("idem-123"));
        assert_eq!(request.body_text(), r#"{"name":"A"}"#);
    }
}

#[test]
fn get_put_and_delete_are_sent_again_after_a_lost_answer() {
    for method in ["GET", "PUT", "DELETE"] {
        let server = Server::new([Reply::Drop, Reply::json(200, "{}")]);
        api(&server).args([method, "/x"]).run().success();
        assert_eq!(server.requests().len(), 2, "{method}");
    }
}

// ---- where requests may go ----

#[test]
fn a_full_url_is_accepted_only_under_the_base_url() {
    let server = Server::new([Reply::Raw(200, vec![], b"RIFF".to_vec())]);
    let base = format!("{}/api/v1.0", server.url());
    let port = server.url().rsplit(':').next().unwrap().to_owned();
    Altur::new()
        .against_url(&base)
        .args(["api", &format!("{base}/call/7/recording")])
        .run()
        .success()
        .stdout_is("RIFF");
    assert_eq!(server.only_request().path, "/api/v1.0/call/7/recording");
    for elsewhere in [
        format!("http://localhost:{port}/api/v1.0/x"),
        format!("http://127.0.0.1:{port}/api/v1.00/x"),
        format!("http://127.0.0.1:{port}/other"),
        "http://127.0.0.1:1/api/v1.0/x".to_owned(),
        "https://evil.example/api/v1.0/x".to_owned(),
    ] {
        Altur::new()
            .against_url(&base)
            .args(["api", &elsewhere])
            .run()
            .code(2)
            .stderr_has("is not under the base URL");
    }
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn bad_inputs_are_exit_2_and_send_nothing() {
    let server = Server::new([]);
    let cases: [(&[&str], &str); 10] = [
        (
            &["POST", "/x", "-F", "n=abc"],
            "-F n=abc: the value is not JSON",
        ),
        (
            &["POST", "/x", "-f", "a=1", "-F", "a=2"],
            "the field 'a' is given twice",
        ),
        (
            &["POST", "/x", "-f", "a=1", "--input", "-"],
            "cannot be used with",
        ),
        (&["/campaigns/../enduser"], "has a '..' segment"),
        (
            &["/x", "--header", "authorization: api-key other"],
            "cannot set Authorization",
        ),
        (&["/x", "--header", "X-A"], "expected 'Name: value'"),
        (
            &["POST", "/x", "--paginate"],
            "--paginate follows pages of a GET",
        ),
        (&["/x", "--slurp"], "--paginate"),
        (&["FETCH", "/x"], "'FETCH' is not a method"),
        (&["/x", "-f", "novalue"], "expected KEY=VALUE"),
    ];
    for (args, message) in cases {
        api(&server)
            .args(args)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(message);
    }
    assert!(server.requests().is_empty());
}

#[test]
fn the_key_is_redacted_from_echoed_json_text_and_headers_and_traced_for_every_method() {
    let echo = format!(r#"{{"echo":"{KEY}"}}"#);
    let server = Server::new([
        Reply::json(200, echo.clone()),
        Reply::Raw(
            200,
            vec![("X-Key".into(), KEY.into())],
            format!("text {KEY} end").into_bytes(),
        ),
    ]);
    api(&server)
        .args(["DELETE", "/x", "-v"])
        .run()
        .success()
        .stdout_is("{\n  \"echo\": \"[REDACTED]\"\n}\n")
        .stderr_has("> DELETE ")
        .stderr_has("> authorization: api-key [REDACTED]");
    api(&server)
        .args(["PATCH", "/x", "-f", "a=b", "-i"])
        .run()
        .success()
        .stdout_is(&format!(
            "HTTP/1.1 200 OK\nx-key: [REDACTED]\ncontent-length: {}\n\ntext [REDACTED] end",
            "text  end".len() + KEY.len()
        ));
}

#[test]
fn a_resent_delete_that_finds_nothing_counts_as_deleted_and_says_so() {
    let gone = || Reply::json(404, r#"{"error":404,"message":"not found"}"#);
    let server = Server::new([Reply::Drop, gone()]);
    api(&server)
        .args(["DELETE", "/campaigns/1/contacts/2"])
        .run()
        .success()
        .stdout_empty()
        .stderr_has("counted as deleted");
    assert_eq!(server.requests().len(), 2);
    // A 404 on the first attempt is a 404.
    let server = Server::new([gone()]);
    api(&server)
        .args(["DELETE", "/campaigns/1/contacts/2"])
        .run()
        .code(3);
}

#[test]
fn a_streamed_answer_is_redacted_wherever_the_key_falls_between_writes() {
    // Over 10 MiB, so it is streamed; the key recurs at an odd stride, so some occurrences
    // straddle every boundary between writes.
    let mut body = String::new();
    let mut keys = 0;
    while body.len() < 11 * 1024 * 1024 {
        body.push_str(&"x".repeat(4093));
        body.push_str(KEY);
        keys += 1;
    }
    let server = Server::new([Reply::Raw(200, vec![], body.clone().into_bytes())]);
    let run = api(&server).arg("/export").run();
    run.success();
    assert_eq!(run.stdout.matches("[REDACTED]").count(), keys);
    assert_eq!(run.stdout, body.replace(KEY, "[REDACTED]"));
}

// ---- headers that route or frame the request, the recording URL, Accept ----

/// `Host` would address the key to another virtual host, `Content-Length: 0` would drop the
/// body: both, and the other framing headers, are refused before anything is sent.
#[test]
fn headers_that_route_or_frame_the_request_are_refused() {
    let server = Server::new([]);
    for (header, name) in [
        ("Host: evil.example", "Host"),
        ("content-length: 0", "Content-Length"),
        ("Transfer-Encoding: chunked", "Transfer-Encoding"),
        ("Connection: close", "Connection"),
        ("Authorization: api-key other", "Authorization"),
    ] {
        api(&server)
            .args(["POST", "/campaigns", "-f", "name=x", "-H", header])
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(&format!("--header cannot set {name}"));
    }
    assert!(server.requests().is_empty());
}

/// The API's `recording_url` already holds the base URL's path: it is not prefixed twice.
#[test]
fn a_path_that_already_starts_with_the_base_path_is_not_prefixed_again() {
    let server = Server::new([
        Reply::with_headers(200, &[("Content-Type", "audio/mpeg")], "ID3-audio"),
        Reply::json(200, "{}"),
    ]);
    let base = format!("{}/api/v1.0", server.url());
    Altur::new()
        .env("ALTUR_BASE_URL", &base)
        .env("ALTUR_API_KEY", KEY)
        .args(["api", "/api/v1.0/call/cll_1/recording"])
        .run()
        .success()
        .stdout_is("ID3-audio");
    // A path that only looks like it (`/api/v1.0x`) is still relative to the base URL.
    Altur::new()
        .env("ALTUR_BASE_URL", &base)
        .env("ALTUR_API_KEY", KEY)
        .args(["api", "/api/v1.0x/y"])
        .run()
        .success();
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        ["/api/v1.0/call/cll_1/recording", "/api/v1.0/api/v1.0x/y"]
    );
}

/// JSON first, anything after it: a server that serves only audio has no reason for a 406.
#[test]
fn api_accepts_json_first_and_anything_else() {
    let server = Server::new([Reply::json(200, "{}"), Reply::json(200, "{}")]);
    api(&server).arg("/x").run().success();
    api(&server)
        .args(["/x", "-H", "Accept: audio/mpeg"])
        .run()
        .success();
    let accepts: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.header("accept").map(str::to_owned))
        .collect();
    assert_eq!(
        accepts,
        [
            Some("application/json, */*;q=0.8".to_owned()),
            Some("audio/mpeg".to_owned())
        ]
    );
}

/// An error whose `error` is a number keeps the API's other keys in the JSON error.
#[test]
fn error_details_are_kept_whatever_the_type_of_the_code() {
    let body = r#"{"error":409,"message":"no","current_status":"finished","valid_targets":[],"field":"x"}"#;
    let server = Server::new([Reply::json(409, body)]);
    let run = api(&server)
        .args(["POST", "/campaigns/4/activate", "-o", "json"])
        .run();
    run.code(3);
    let error: serde_json::Value = serde_json::from_str(run.stderr.trim()).unwrap();
    assert_eq!(
        error["error"]["details"],
        serde_json::json!({"current_status": "finished", "valid_targets": [], "field": "x"})
    );
}
