//! `-o csv` on every list (RFC 4180, the table's columns or `--fields`, rows as pages arrive)
//! and `-o transcript` with `--tz` for `thread get` and `message list`, through the binary
//! against recording servers.

use serde_json::{Value, json};

use crate::support::{
    Altur, ID, Reply, Run, Sandbox, Server, a_list_cut_by_a_404,
    assert_a_closed_stdout_stops_the_list,
};

fn campaign(id: u64, name: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "status": "active",
        "agent": {"id": "agt_1", "name": "Eve"},
        "created_at": "2026-11-27T08:00:00.250Z",
        "archived": false,
        "analytics": {"callsAnsweredByHumanRate": 0.25},
    })
}

fn campaigns(items: Vec<Value>, pagination: Value) -> Reply {
    Reply::json(
        200,
        json!({"success": true, "campaigns": items, "pagination": pagination}).to_string(),
    )
}

/// `altur` run against a server that answers `reply` once: each case states only the answer,
/// the command and what it must print. The server is returned for what it received.
fn answered(reply: Reply, altur: Altur) -> (Run, Server) {
    let server = Server::new([reply]);
    let run = altur.against(&server).run();
    (run, server)
}

/// `answered`, then a success that printed `expected` exactly.
#[track_caller]
fn prints(reply: Reply, args: &[&str], expected: &str) -> Server {
    let (run, server) = answered(reply, Altur::new().args(args));
    run.success().stdout_is(expected);
    server
}

#[test]
fn campaign_list_csv_has_the_tables_columns_and_quotes_what_rfc_4180_says() {
    prints(
        campaigns(
            vec![
                campaign(1, "Plain"),
                campaign(2, "Comma, \"quoted\"\nand a line"),
            ],
            json!({"has_next": false}),
        ),
        &["campaign", "list", "-o", "csv"],
        "id,name,status,agent.name,created_at,archived\r\n\
         1,Plain,active,Eve,2026-11-27T08:00:00.250Z,false\r\n\
         2,\"Comma, \"\"quoted\"\"\nand a line\",active,Eve,2026-11-27T08:00:00.250Z,false\r\n",
    );
}

#[test]
fn fields_choose_dotted_columns_join_arrays_and_write_values_raw() {
    let item = json!({
        "id": 7,
        "name": "Ana",
        "contact": {"phone_number": "+525512345678", "f_id": "0074"},
        "tags": ["PROMESA", "NO DEFINE", 3],
        "extracted": {"monto": "1500"},
        "rate": 0.25,
        "none": null,
    });
    prints(
        Reply::json(
            200,
            json!({"contacts": [item], "pagination": {"has_next": false}}).to_string(),
        ),
        &[
            "contact",
            "list",
            "--campaign",
            "4821",
            "-o",
            "csv",
            "--fields",
            "id,contact.f_id,tags,extracted,rate,none,missing.deep",
        ],
        "id,contact.f_id,tags,extracted,rate,none,missing.deep\r\n\
         7,0074,PROMESA;NO DEFINE;3,\"{\"\"monto\"\":\"\"1500\"\"}\",0.25,,\r\n",
    );
}

#[test]
fn contact_and_call_lists_write_their_table_columns() {
    prints(
        Reply::json(
            200,
            json!({"contacts": [{"id": 3, "name": "Bo", "contact": "+525500000000",
                "status": "pending", "call_count": 0, "last_call_at": null}],
                "pagination": {"has_next": false}})
            .to_string(),
        ),
        &["contact", "list", "--campaign", "1", "-o", "csv"],
        "id,name,contact,status,call_count,last_call_at\r\n\
         3,Bo,+525500000000,pending,0,\r\n",
    );
    let server = prints(
        Reply::json(
            200,
            json!({"calls": [{"id": "c1", "status": "ended", "answered_by": "human",
                "duration": 42, "contact": {"phone_number": "+525512345678", "f_id": "9"},
                "created_at": "2026-05-14T14:39:40Z", "tags": ["A", "B"]}],
                "pagination": {"has_next": false}})
            .to_string(),
        ),
        &["call", "list", "--campaign", "1", "-o", "csv"],
        "id,status,answered_by,duration,contact.phone_number,created_at\r\n\
         c1,ended,human,42,+525512345678,2026-05-14T14:39:40Z\r\n",
    );
    assert_eq!(
        server.only_request().path.split('?').next(),
        Some("/campaigns/1/calls")
    );
}

#[test]
fn csv_with_all_writes_the_header_once_across_pages() {
    let server = Server::new([
        campaigns(
            vec![campaign(1, "a"), campaign(2, "b")],
            json!({"has_next": true, "next_cursor": "c2"}),
        ),
        campaigns(vec![campaign(3, "c")], json!({"has_next": false})),
    ]);
    let run = Altur::new()
        .against(&server)
        .args([
            "campaign", "list", "--all", "-o", "csv", "--fields", "id,name",
        ])
        .run();
    run.success().stdout_is("id,name\r\n1,a\r\n2,b\r\n3,c\r\n");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn an_empty_list_is_the_header_alone() {
    prints(
        campaigns(vec![], json!({"has_next": false})),
        &["campaign", "list", "-o", "csv", "--fields", "id,agent.name"],
        "id,agent.name\r\n",
    );
}

#[test]
fn a_csv_list_that_fails_part_way_keeps_its_rows_and_says_why_on_stderr() {
    a_list_cut_by_a_404(
        campaigns(
            vec![campaign(1, "a")],
            json!({"has_next": true, "next_cursor": "c2"}),
        ),
        &["-o", "csv", "--fields", "id"],
        1,
    )
    .stdout_is("id\r\n1\r\n");
}

#[test]
fn csv_fields_and_transcript_are_refused_where_they_do_not_apply() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["campaign", "list", "--fields", "id"],
            "--fields chooses the columns of -o csv",
        ),
        (
            &["campaign", "list", "-o", "json", "--fields", "id"],
            "--fields chooses the columns of -o csv",
        ),
        (
            &["campaign", "get", "1", "-o", "csv"],
            "-o csv does not apply to campaign get",
        ),
        (
            &["enduser", "get", ID, "-o", "csv", "--fields", "id"],
            "--fields, -o csv do not apply to enduser get",
        ),
        (
            &["campaign", "list", "-o", "transcript"],
            "-o transcript does not apply to campaign list",
        ),
        (
            &["thread", "get", "th_1", "-o", "csv"],
            "-o csv does not apply to thread get",
        ),
        (
            &["campaign", "list", "-o", "csv", "--jq", ".[]"],
            "--jq cannot be used with -o csv",
        ),
        (
            &["message", "list", "th_1", "-o", "csv", "--fields", "a,,b"],
            "--fields: '' is not a field name",
        ),
        (
            &["message", "list", "th_1", "--tz", "UTC"],
            "--tz sets the times of -o transcript",
        ),
        (&["campaign", "list", "--tz", "UTC"], "--tz"),
    ];
    for (args, message) in cases {
        let server = Server::new([]);
        Altur::new()
            .against(&server)
            .args(*args)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(message);
        assert!(server.requests().is_empty(), "{args:?}: nothing is sent");
    }
}

const THREAD: &str = "th_7";

fn messages() -> Reply {
    Reply::json(
        200,
        json!([
            {"sent_by": "AI", "sent_at": "2026-03-07T14:39:40.250Z", "type": "text", "content": "Hola, ¿habla Ana?"},
            {"sent_by": "EU", "sent_at": "2026-03-09T08:00:02-06:00", "type": "text", "content": "Sí, con ella"},
            {"sent_by": "SYS", "sent_at": "2026-03-09T14:01:00Z", "type": "image", "media": "https://x/y.png"},
            {"sent_by": "BOT", "sent_at": "2026-03-09T14:02:00Z", "content": "a, \"b\""},
        ])
        .to_string(),
    )
}

/// `noun verb THREAD -o transcript` (`message list` or `thread get`) with `extra` options.
fn transcript(noun: &str, verb: &str, extra: &[&str]) -> Altur {
    Altur::new()
        .args([noun, verb, THREAD, "-o", "transcript"])
        .args(extra)
}

#[test]
fn message_list_csv_writes_each_messages_raw_fields() {
    prints(
        messages(),
        &["message", "list", THREAD, "-o", "csv"],
        "sent_at,sent_by,type,content,media\r\n\
         2026-03-07T14:39:40.250Z,AI,text,\"Hola, ¿habla Ana?\",\r\n\
         2026-03-09T08:00:02-06:00,EU,text,\"Sí, con ella\",\r\n\
         2026-03-09T14:01:00Z,SYS,image,,https://x/y.png\r\n\
         2026-03-09T14:02:00Z,BOT,,\"a, \"\"b\"\"\",\r\n",
    );
}

#[test]
fn message_list_and_thread_get_print_a_transcript_in_utc() {
    let expected = "Thread th_7 (4 messages)\n\n\
         [2026-03-07 14:39:40] Agent: Hola, ¿habla Ana?\n\
         [2026-03-09 14:00:02] Customer: Sí, con ella\n\
         [2026-03-09 14:01:00] System: [image] https://x/y.png\n\
         [2026-03-09 14:02:00] BOT: a, \"b\"\n";
    let (run, _) = answered(messages(), transcript("message", "list", &[]));
    run.success().stdout_is(expected);
    let (run, server) = answered(messages(), transcript("thread", "get", &["--tz", "UTC"]));
    run.success().stdout_is(expected);
    assert_eq!(server.only_request().path, "/message/th_7");
}

#[test]
fn tz_takes_a_fixed_offset() {
    let (run, _) = answered(messages(), transcript("thread", "get", &["--tz", "+05:30"]));
    run.success();
    assert!(
        run.stdout.starts_with(
            "Thread th_7 (4 messages, times in +05:30)\n\n\
             [2026-03-07 20:09:40] Agent: Hola, ¿habla Ana?\n\
             [2026-03-09 19:30:02] Customer: Sí, con ella\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn tz_takes_a_named_zone_across_a_daylight_saving_change() {
    // New York moves from -05:00 to -04:00 on 2026-03-08.
    let (run, _) = answered(
        messages(),
        transcript("message", "list", &["--tz", "America/New_York"])
            // The zone from the repository's copy, not the machine's tz database.
            .env(
                "TZDIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/zoneinfo"),
            ),
    );
    run.success().stdout_is(
        "Thread th_7 (4 messages, times in America/New_York)\n\n\
         [2026-03-07 09:39:40] Agent: Hola, ¿habla Ana?\n\
         [2026-03-09 10:00:02] Customer: Sí, con ella\n\
         [2026-03-09 10:01:00] System: [image] https://x/y.png\n\
         [2026-03-09 10:02:00] BOT: a, \"b\"\n",
    );
}

#[test]
fn an_unknown_zone_is_exit_2_naming_it_and_tzdir_is_honoured() {
    for zone in [
        "Mars/Olympus_Mons",
        "../../etc/passwd",
        "+25:00",
        "EST5EDT,M3",
    ] {
        let server = Server::new([]);
        transcript("thread", "get", &["--tz", zone])
            .against(&server)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(&format!("unknown time zone '{zone}'"));
        assert!(server.requests().is_empty(), "{zone}: nothing is sent");
    }
    let empty = tempfile::tempdir().unwrap();
    let server = Server::new([]);
    transcript("thread", "get", &["--tz", "America/New_York"])
        .against(&server)
        .env("TZDIR", empty.path())
        .run()
        .code(2)
        .stderr_has("unknown time zone 'America/New_York': no such zone in");
}

#[test]
fn a_closed_stdout_stops_a_csv_list_with_130_and_a_summary() {
    let pages: Vec<Reply> = (0..40)
        .map(|n| {
            campaigns(
                (n * 100 + 1..=n * 100 + 100)
                    .map(|id| campaign(id, "a name long enough to fill the pipe quickly"))
                    .collect(),
                json!({"has_next": true, "next_cursor": format!("c{}", n + 1)}),
            )
        })
        .collect();
    assert_a_closed_stdout_stops_the_list(pages, "csv");
}

#[test]
fn against_the_sandbox_a_campaigns_calls_read_back_as_csv_and_a_transcript() {
    let sandbox = Sandbox::start(&[]);
    let list = Altur::new()
        .against_sandbox(&sandbox)
        .args(["call", "list", "--campaign", "4821", "--all", "-o", "csv"])
        .args(["--fields", "id,status,contact.f_id,tags"])
        .run();
    list.success();
    let mut reader = csv::Reader::from_reader(list.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["id", "status", "contact.f_id", "tags"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 24, "{}", list.stdout);
    assert!(
        rows.iter().all(|row| row[0].starts_with("cll_")),
        "{}",
        list.stdout
    );

    let ended = rows
        .iter()
        .find(|row| &row[1] == "ended")
        .expect("an ended call");
    let call = Altur::new()
        .against_sandbox(&sandbox)
        .args(["call", "get", &ended[0], "--jq", ".thread.id"])
        .run();
    call.success();
    let thread = call.stdout.trim();
    let transcript = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "thread",
            "get",
            thread,
            "-o",
            "transcript",
            "--tz",
            "-06:00",
        ])
        .run();
    transcript.success();
    let text = &transcript.stdout;
    assert!(
        text.starts_with(&format!("Thread {thread} (")) && text.contains(", times in -06:00)\n\n"),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().skip(2).collect();
    assert!(!lines.is_empty(), "{text}");
    for line in lines {
        let (time, rest) = line.split_once("] ").expect(line);
        assert_eq!(time.len(), "[2026-05-14 14:39:40".len(), "{line}");
        assert!(
            rest.starts_with("Agent: ") || rest.starts_with("Customer: "),
            "{line}"
        );
    }
}
