//! One buffered output and bytes in, bytes out, through the binary: pages and items pass
//! through with the same JSON values as the server sent, paging stops instead of looping,
//! failed lists leave valid JSON, resource commands print the resource, `--jq` failures are
//! kind `jq`, tables suit a dumb terminal, and a closed stdout ends a paging list with 130.

use serde_json::{Value, json};

use crate::support::{
    Altur, Reply, Run, Server, a_list_cut_by_a_404, assert_a_closed_stdout_stops_the_list,
};

fn campaign(id: u64) -> Value {
    json!({
        "id": id,
        "name": format!("Spring \"{id}\" é ✓"),
        "status": "active",
        "created_at": "2026-11-27T08:00:00Z",
        "agent": {"id": "agt_1", "name": "Eve", "voice": {"lang": "es", "speed": 1.25}},
        "analytics": {"calls": 3, "callsAnsweredByHumanRate": 0.25, "big": 12345678901234567u64},
        "tags": ["a", 1, null, true, {"x": []}],
        "archived": false,
    })
}

/// A page as the API answers it; `pretty` as a server that pretty-prints would.
fn page(ids: std::ops::RangeInclusive<u64>, pagination: Value, pretty: bool) -> Reply {
    let campaigns: Vec<Value> = ids.map(campaign).collect();
    let body = json!({"success": true, "total_count": 4, "campaigns": campaigns, "pagination": pagination});
    let text = if pretty {
        serde_json::to_string_pretty(&body).unwrap()
    } else {
        body.to_string()
    };
    Reply::json(200, text)
}

fn two_pages(pretty: bool) -> Server {
    Server::new([
        page(
            1..=2,
            json!({"has_next": true, "next_cursor": "c2"}),
            pretty,
        ),
        page(3..=4, json!({"has_next": false}), pretty),
    ])
}

fn values(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

#[test]
fn every_format_prints_the_json_values_the_server_sent() {
    let items: Vec<Value> = (1..=4).map(campaign).collect();
    let names: Vec<String> = (1..=4).map(|id| format!("Spring \"{id}\" é ✓")).collect();
    // Each run is against the same two pages, pretty-printed or not; what differs is the
    // command and how its stdout must hold the server's values.
    type Check<'a> = Box<dyn Fn(&Run, bool) + 'a>;
    let cases: Vec<(&[&str], Check)> = vec![
        (
            &["campaign", "list", "--all", "-o", "ndjson"],
            Box::new(|run, pretty| {
                assert_eq!(
                    values(&run.stdout),
                    items,
                    "ndjson, pretty server: {pretty}"
                )
            }),
        ),
        (
            &["campaign", "list", "--all", "-o", "json"],
            Box::new(|run, _| assert_eq!(run.json(), Value::Array(items.clone()), "json")),
        ),
        (
            &["campaign", "list", "--all", "--jq", ".[].name"],
            Box::new(|run, _| {
                let printed: Vec<String> = run.stdout.lines().map(str::to_owned).collect();
                assert_eq!(printed, names, "--jq over the whole array");
            }),
        ),
        (
            &["api", "/campaigns", "--paginate"],
            Box::new(|run, _| {
                let pages = values(&run.stdout);
                assert_eq!(pages.len(), 2, "one line per page: {}", run.stdout);
                assert_eq!(pages[0]["campaigns"], json!([campaign(1), campaign(2)]));
                assert_eq!(pages[1]["pagination"], json!({"has_next": false}));
            }),
        ),
        (
            &["api", "/campaigns", "--paginate", "--jq", ".campaigns[]"],
            Box::new(|run, _| assert_eq!(values(&run.stdout), items, "--jq fast path")),
        ),
        (
            &["api", "/campaigns", "--paginate", "--slurp"],
            Box::new(|run, _| assert_eq!(run.json()[1]["campaigns"][1], campaign(4), "--slurp")),
        ),
    ];
    for pretty in [false, true] {
        for (args, check) in &cases {
            let server = two_pages(pretty);
            let run = Altur::new().against(&server).args(*args).run();
            run.success();
            check(&run, pretty);
        }
    }
}

#[test]
fn a_page_that_says_more_without_a_cursor_stops_with_exit_5_not_a_loop() {
    for args in [
        &["campaign", "list", "--all", "-o", "ndjson"][..],
        &["campaign", "list", "-o", "ndjson"][..],
        &["api", "/campaigns", "--paginate"][..],
    ] {
        let server = Server::new([page(1..=1, json!({"has_next": true}), false)]);
        let run = Altur::new().against(&server).args(args).run();
        run.code(5)
            .stderr_has("the server said there is more but gave no cursor");
        assert_eq!(server.requests().len(), 1, "{args:?}: one request");
        assert_eq!(
            run.stdout.lines().count(),
            1,
            "{args:?}: the page's items once"
        );
    }
}

#[test]
fn a_page_index_above_the_apis_maximum_is_not_requested() {
    let server = Server::new([Reply::json(
        200,
        json!({"calls": [{"id": "c1"}], "pagination": {"has_next": true, "next_page": 25001}})
            .to_string(),
    )]);
    Altur::new()
        .against(&server)
        .args(["api", "/calls", "--paginate"])
        .run()
        .code(5)
        .stderr_has("above the API's last page (25000)");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_json_list_that_fails_part_way_closes_its_array_and_names_the_after_token() {
    let run = a_list_cut_by_a_404(
        page(1..=2, json!({"has_next": true, "next_cursor": "c2"}), false),
        &["-o", "json"],
        2,
    );
    assert!(run.stderr.contains("--after a1"), "{}", run.stderr);
    assert_eq!(run.json(), json!([campaign(1), campaign(2)]));
}

#[test]
fn resource_commands_print_the_resource_and_id_without_an_id_is_exit_5() {
    let detail = || {
        Reply::json(
            200,
            json!({"success": true, "campaign": campaign(4)}).to_string(),
        )
    };
    let server = Server::new([detail()]);
    Altur::new()
        .against(&server)
        .args(["campaign", "get", "4", "--jq", ".status"])
        .run()
        .success()
        .stdout_is("active\n");
    let server = Server::new([detail()]);
    let run = Altur::new()
        .against(&server)
        .args(["campaign", "get", "4", "-o", "json"])
        .run();
    assert_eq!(run.json(), campaign(4));
    let server = Server::new([Reply::json(200, r#"{"success":true}"#)]);
    Altur::new()
        .against(&server)
        .args(["campaign", "pause", "4", "-o", "id"])
        .run()
        .code(5)
        .stdout_empty()
        .stderr_has("the campaign was paused, but the answer holds no id to print");
}

#[test]
fn a_jq_failure_after_a_write_is_kind_jq_and_says_the_write_happened() {
    let server = Server::new([Reply::json(
        200,
        json!({"success": true, "campaign": campaign(42)}).to_string(),
    )]);
    let run = Altur::new()
        .against(&server)
        .args(["campaign", "pause", "42", "-o", "json", "--jq", ".name[]"])
        .run();
    run.code(1);
    let error: Value = serde_json::from_str(run.stderr.trim()).unwrap();
    assert_eq!(error["error"]["kind"], "jq", "{}", run.stderr);
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("the campaign was paused (id 42); the --jq filter failed: "),
        "{message}"
    );
}

#[test]
fn a_runaway_jq_filter_is_an_error_not_an_abort() {
    for filter in ["def f: 1 + f; f", "[range(1e9)]"] {
        let server = Server::new([Reply::json(200, r#"{"a":1}"#)]);
        let run = Altur::new()
            .against(&server)
            .args(["api", "/x", "-o", "json", "--jq", filter])
            .run();
        run.code(1);
        assert!(
            run.stderr.contains(r#""kind":"jq""#),
            "{filter}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("MiB of memory"),
            "{filter}: {}",
            run.stderr
        );
    }
}

#[test]
fn tables_use_ascii_on_a_dumb_terminal_and_an_empty_list_says_so_on_stderr() {
    let server = two_pages(false);
    let run = Altur::new()
        .against(&server)
        .env("TERM", "dumb")
        .args(["campaign", "list", "--all", "-o", "table"])
        .run();
    run.success();
    assert!(
        run.stdout.contains("+--") && !run.stdout.contains('─'),
        "{}",
        run.stdout
    );
    let server = Server::new([Reply::json(
        200,
        r#"{"campaigns":[],"pagination":{"has_next":false}}"#,
    )]);
    Altur::new()
        .against(&server)
        .args(["campaign", "list", "-o", "table"])
        .run()
        .success()
        .stdout_empty()
        .stderr_has("no campaigns");
}

#[test]
fn a_continued_list_counts_from_where_the_last_one_stopped() {
    let pages = || {
        Server::new([
            page(1..=2, json!({"has_next": true, "next_cursor": "c2"}), false),
            page(3..=4, json!({"has_next": false}), false),
        ])
    };
    let server = pages();
    let first = Altur::new()
        .against(&server)
        .args(["campaign", "list", "--limit", "1", "-o", "id"])
        .run();
    first.success().stderr_has("showing 1 of 4");
    let token = first.stderr.split("--after ").nth(1).unwrap();
    let token = token.split_whitespace().next().unwrap().to_owned();
    let server = pages();
    Altur::new()
        .against(&server)
        .args([
            "campaign", "list", "--limit", "2", "-o", "id", "--after", &token,
        ])
        .run()
        .success()
        .stdout_is("2\n3\n")
        .stderr_has("showing 2-3 of 4");
}

#[test]
fn a_closed_stdout_stops_a_paging_list_with_130_and_a_summary() {
    let pages: Vec<Reply> = (0..40)
        .map(|n| {
            page(
                n * 100 + 1..=n * 100 + 100,
                json!({"has_next": true, "next_cursor": format!("c{}", n + 1)}),
                false,
            )
        })
        .collect();
    assert_a_closed_stdout_stops_the_list(pages, "ndjson");
}
