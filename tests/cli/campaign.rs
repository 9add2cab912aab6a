//! `altur campaign ...` through the binary: the wire of every command (camelCase query,
//! snake_case bodies, the Idempotency-Key), both cursor spellings, the checks made before
//! sending, the Campaigns API's error codes in words, and a lifecycle against the sandbox.

use serde_json::{Value, json};

use crate::support::{Altur, Reply, Sandbox, Server};

const AGENT: &str = "11111111-1111-4111-8111-111111111111";

fn campaign(id: u64, name: &str) -> Value {
    json!({
        "id": id,
        "name": name,
        "status": "active",
        "created_at": "2026-11-27T08:00:00Z",
        "agent": {"id": AGENT, "name": "Sandbox Agent"},
        "archived": false,
    })
}

fn detail(id: u64) -> Reply {
    Reply::json(
        200,
        json!({"success": true, "campaign": campaign(id, "Renewals")}).to_string(),
    )
}

fn create_args() -> Vec<&'static str> {
    vec![
        "campaign",
        "create",
        "--name",
        "Renewals",
        "--agent",
        AGENT,
        "--integration-id",
        "int_phone",
        "--channel",
        "phone_call",
    ]
}

#[test]
fn list_sends_the_filters_camel_case_on_every_page_and_follows_has_next_and_has_more() {
    let page = |ids: &[u64], pagination: Value| {
        let campaigns: Vec<Value> = ids.iter().map(|id| campaign(*id, "c")).collect();
        Reply::json(
            200,
            json!({"total_count": 3, "campaigns": campaigns, "pagination": pagination}).to_string(),
        )
    };
    let server = Server::new([
        page(&[3], json!({"has_next": true, "next_cursor": "cur-1"})),
        page(&[2], json!({"has_more": true, "next_cursor": "cur-2"})),
        page(&[1], json!({"has_more": false, "next_cursor": null})),
    ]);
    Altur::new()
        .against(&server)
        .args([
            "campaign",
            "list",
            "--status",
            "active",
            "--integration",
            "phone_call",
            "--agent",
            "agt_1",
            "--since",
            "2026-11-01",
            "--until",
            "2026-11-30T23:59:59Z",
            "--archived",
            "--all",
            "-o",
            "id",
        ])
        .run()
        .success()
        .stdout_is("3\n2\n1\n");
    let filters = "status=active&integration=phone_call&agentId=agt_1&startDate=2026-11-01\
                   &endDate=2026-11-30T23%3A59%3A59Z&archived=true&pageSize=100";
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            format!("/campaigns?{filters}"),
            format!("/campaigns?{filters}&cursor=cur-1"),
            format!("/campaigns?{filters}&cursor=cur-2"),
        ]
    );
    for request in server.requests() {
        assert_eq!(request.method, "GET");
        assert_eq!(request.header("idempotency-key"), None);
    }
}

#[test]
fn list_stops_at_the_limit_and_says_how_to_continue() {
    let campaigns: Vec<Value> = (1..=5).rev().map(|id| campaign(id, "c")).collect();
    let server = Server::new([Reply::json(
        200,
        json!({"total_count": 5, "campaigns": campaigns, "pagination": {"has_next": false}})
            .to_string(),
    )]);
    let run = Altur::new()
        .against(&server)
        .args(["campaign", "list", "--limit", "2", "-o", "table"])
        .run();
    run.success()
        .stderr_has("showing 2 of 5")
        .stderr_has("Continue with: altur campaign list --limit 2 -o table --after ");
    let header = run.stdout.lines().nth(1).unwrap();
    for column in [
        "id",
        "name",
        "status",
        "agent.name",
        "created_at",
        "archived",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(run.stdout.contains("Sandbox Agent"), "{}", run.stdout);
}

#[test]
fn list_date_filters_go_together() {
    let server = Server::new([Reply::json(200, r#"{"campaigns": [], "pagination": {}}"#)]);
    Altur::new()
        .against(&server)
        .args(["campaign", "list", "--since", "2026-11-01T00:00:00Z"])
        .run()
        .success();
    let path = server.only_request().path;
    let until = path
        .split('&')
        .find_map(|pair| pair.strip_prefix("endDate="))
        .expect("endDate sent with startDate")
        .replace("%3A", ":");
    // The current UTC date-time: 2026-11-27T08:00:00Z.
    assert_eq!(until.len(), 20, "{until}");
    assert!(
        until.ends_with('Z') && until.as_bytes()[10] == b'T',
        "{until}"
    );

    let nothing = Server::new([]);
    for (args, message) in [
        (vec!["--until", "2026-11-30"], "--until needs --since"),
        (
            vec!["--since", "yesterday"],
            "--since 'yesterday' is not an ISO 8601 date",
        ),
        (
            vec!["--since", "2026-11-01", "--until", "2026-13-01"],
            "--until '2026-13-01'",
        ),
        (vec!["--status", "running"], "invalid value 'running'"),
        (vec!["--agent", "a/b"], "not a valid agent id"),
        (vec!["--limit", "0"], "--limit"),
        (vec!["--limit", "5", "--all"], "cannot be used with"),
        (vec!["--after", "nonsense"], "--after"),
    ] {
        Altur::new()
            .against(&nothing)
            .args(["campaign", "list"])
            .args(&args)
            .run()
            .code(2)
            .stderr_has(message);
    }
    assert!(nothing.requests().is_empty());
}

#[test]
fn get_shows_the_analytics_rates_in_percent_in_a_table_and_as_received_in_json() {
    let mut body = json!({"success": true, "campaign": campaign(42, "Renewals")});
    body["campaign"]["analytics"] =
        json!({"calls": 4, "callsAnsweredByHumanRate": 0.25, "contactsProcessedRate": 1.0});
    let server = Server::new([
        Reply::json(200, body.to_string()),
        Reply::json(200, body.to_string()),
    ]);
    let table = Altur::new()
        .against(&server)
        .args(["campaign", "get", "42", "-o", "table"])
        .run();
    table.success();
    let row = |field: &str| {
        table
            .stdout
            .lines()
            .find(|line| line.contains(field))
            .unwrap_or_else(|| panic!("no {field} in\n{}", table.stdout))
            .to_owned()
    };
    assert!(row("analytics.callsAnsweredByHumanRate").contains("25.0%"));
    assert!(row("analytics.contactsProcessedRate").contains("100.0%"));
    assert!(row("analytics.calls ").contains('4'));
    let json = Altur::new()
        .against(&server)
        .args(["campaign", "get", "42", "-o", "json"])
        .run();
    assert_eq!(json.json()["analytics"]["callsAnsweredByHumanRate"], 0.25);
    let requests = server.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path, "/campaigns/42");

    for id in ["abc", "0", "4.5", "1e3", "+7"] {
        Altur::new()
            .against(&server)
            .args(["campaign", "get", id])
            .run()
            .code(2)
            .stderr_has("positive integers");
    }
    assert_eq!(server.requests().len(), 2, "nothing sent for a bad id");
}

#[test]
fn create_sends_a_snake_case_body_with_a_fresh_idempotency_key() {
    let server = Server::new([detail(7), detail(8)]);
    Altur::new()
        .against(&server)
        .args(create_args())
        .args([
            "--description",
            "Q4",
            "--timezone",
            "America/Bogota",
            "--contact-retries",
            "2",
            "--message-limit",
            "500",
            "--first-message",
            "Hola",
            "--schedule",
            "mon-fri 09:00-18:00",
            "--schedule",
            "sat 10:00-14:00",
            "-o",
            "id",
        ])
        .run()
        .success()
        .stdout_is("7\n");
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("POST", "/campaigns")
    );
    let key = request.header("idempotency-key").expect("a key");
    let uuid = uuid::Uuid::parse_str(key).expect("a UUID");
    assert_eq!(uuid.get_version_num(), 4);
    let day = |active: bool, start: &str, stop: &str| json!({"startTime": start, "stopTime": stop, "active": active});
    assert_eq!(
        request.body_json(),
        json!({
            "agent_id": AGENT,
            "integration_id": "int_phone",
            "integration_type": "phone_call",
            "name": "Renewals",
            "description": "Q4",
            "timezone": "America/Bogota",
            "first_message": "Hola",
            "retries": 2,
            "message_limit": 500,
            "scheduling": {
                "mon": day(true, "09:00", "18:00"),
                "tue": day(true, "09:00", "18:00"),
                "wed": day(true, "09:00", "18:00"),
                "thu": day(true, "09:00", "18:00"),
                "fri": day(true, "09:00", "18:00"),
                "sat": day(true, "10:00", "14:00"),
                "sun": day(false, "09:00", "18:00"),
            },
        })
    );

    let second = Server::new([detail(8)]);
    Altur::new()
        .against(&second)
        .args(create_args())
        .args(["--idempotency-key", "my-key-1"])
        .run()
        .success();
    assert_eq!(
        second.only_request().header("idempotency-key"),
        Some("my-key-1")
    );
}

#[test]
fn create_takes_input_with_flags_over_it() {
    let server = Server::new([detail(9)]);
    let input = json!({
        "name": "From file",
        "agent_id": AGENT,
        "integration_id": "int_phone",
        "integration_type": "phone_call",
        "cycles": {"enabled": true, "mode": "cooldown", "cooldown_minutes": 60},
    });
    Altur::new()
        .against(&server)
        .file("campaign.json", input.to_string())
        .args([
            "campaign",
            "create",
            "--input",
            "campaign.json",
            "--name",
            "From flag",
        ])
        .run()
        .success();
    let body = server.only_request().body_json();
    assert_eq!(body["name"], "From flag");
    assert_eq!(body["cycles"]["cooldown_minutes"], 60);
}

#[test]
fn a_create_whose_answer_is_lost_is_sent_again_with_the_same_key() {
    let server = Server::new([Reply::Drop, detail(7)]);
    Altur::new()
        .against(&server)
        .args(create_args())
        .args(["-o", "id"])
        .run()
        .success()
        .stdout_is("7\n");
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "sent again once");
    let key = requests[0].header("idempotency-key").unwrap();
    assert_eq!(requests[1].header("idempotency-key"), Some(key));
    assert_eq!(requests[0].body, requests[1].body);
}

#[test]
fn a_create_whose_outcome_stays_unknown_gives_the_command_to_retry_safely() {
    let server = Server::new([Reply::Drop, Reply::Drop]);
    let run = Altur::new()
        .against(&server)
        .args(create_args())
        .args(["--retries", "1"])
        .run();
    run.code(7);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let key = requests[0].header("idempotency-key").unwrap().to_owned();
    assert_eq!(requests[1].header("idempotency-key"), Some(key.as_str()));
    run.stderr_has("the campaign may have been created")
        .stderr_has(&format!(
            "altur campaign create --name Renewals --agent {AGENT} --integration-id int_phone \
             --channel phone_call --retries 1 --idempotency-key {key}"
        ));
}

#[test]
fn bad_campaign_input_is_refused_before_sending() {
    let server = Server::new([]);
    let long_name = "x".repeat(256);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--schedule", "mon-fri 18:00-09:00"],
            "--schedule: the time range 18:00-09:00 ends before it starts",
        ),
        (
            vec!["--schedule", "funday 09:00-10:00"],
            "--schedule: unknown day 'funday': days are mon, tue, wed, thu, fri, sat, sun",
        ),
        (vec!["--contact-retries", "6"], "from 0 to 5, not 6"),
        (vec!["--contact-retries", "-1"], "from 0 to 5, not -1"),
        (vec!["--message-limit", "0"], "from 1 to 10000, not 0"),
        (
            vec!["--template", "reminder"],
            "--template is for whatsapp campaigns only, and this one is phone_call",
        ),
        (
            vec!["--idempotency-key", ""],
            "--idempotency-key must be 1 to 255",
        ),
        (
            vec!["--idempotency-key", "a key"],
            "printable ASCII characters, without spaces",
        ),
    ];
    for (extra, message) in cases {
        Altur::new()
            .against(&server)
            .args(create_args())
            .args(&extra)
            .run()
            .code(2)
            .stderr_has(message);
    }
    Altur::new()
        .against(&server)
        .args([
            "campaign",
            "create",
            "--name",
            "W",
            "--agent",
            AGENT,
            "--integration-id",
            "int_whatsapp",
            "--channel",
            "whatsapp",
            "--first-message",
            "Hi",
        ])
        .run()
        .code(2)
        .stderr_has("--first-message is for phone_call campaigns only");
    Altur::new()
        .against(&server)
        .args(["campaign", "create", "--name", "X"])
        .run()
        .code(2)
        .stderr_has("give --agent");
    Altur::new()
        .against(&server)
        .args(["campaign", "create", "--name", &long_name, "--agent", AGENT])
        .args(["--integration-id", "int_phone", "--channel", "phone_call"])
        .run()
        .code(2)
        .stderr_has("1 to 255 characters, not 256");
    assert!(server.requests().is_empty());
}

#[test]
fn update_patches_only_the_fields_given_and_never_the_immutable_ones() {
    let server = Server::new([detail(42)]);
    Altur::new()
        .against(&server)
        .args([
            "campaign",
            "update",
            "42",
            "--name",
            "New",
            "--contact-retries",
            "3",
        ])
        .run()
        .success();
    let request = server.only_request();
    assert_eq!(
        (request.method.as_str(), request.path.as_str()),
        ("PATCH", "/campaigns/42")
    );
    assert_eq!(request.body_json(), json!({"name": "New", "retries": 3}));
    assert_eq!(request.header("idempotency-key"), None);

    let nothing = Server::new([]);
    for (input, message) in [
        (
            json!({"agent_id": AGENT}),
            "--input sets agent_id, which cannot change",
        ),
        (
            json!({"integration_type": "whatsapp"}),
            "--input sets integration_type",
        ),
        (
            json!({"cycles": {"enabled": false}}),
            "--input sets cycles.enabled",
        ),
    ] {
        Altur::new()
            .against(&nothing)
            .file("patch.json", input.to_string())
            .args(["campaign", "update", "42", "--input", "patch.json"])
            .run()
            .code(2)
            .stderr_has(message);
    }
    Altur::new()
        .against(&nothing)
        .args(["campaign", "update", "42"])
        .run()
        .code(2)
        .stderr_has("nothing to update");
    assert!(nothing.requests().is_empty());
}

#[test]
fn lifecycle_actions_post_without_a_body() {
    let server = Server::new([detail(42), detail(42), detail(42), detail(42)]);
    for action in ["activate", "pause", "resume", "archive"] {
        Altur::new()
            .against(&server)
            .args(["campaign", action, "42", "-o", "id"])
            .run()
            .success()
            .stdout_is("42\n");
    }
    let requests = server.requests();
    for (request, action) in requests
        .iter()
        .zip(["activate", "pause", "resume", "archive"])
    {
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, format!("/campaigns/42/{action}"));
        assert!(request.body.is_empty(), "{:?}", request.body_text());
    }
}

fn refused(status: u16, body: Value) -> Server {
    Server::new([Reply::json(status, body.to_string())])
}

#[test]
fn a_refused_transition_says_the_status_and_the_valid_actions() {
    let server = refused(
        409,
        json!({"error": "INVALID_STATUS_TRANSITION", "message": "cannot activate", "current_status": "inactive", "valid_targets": ["active"]}),
    );
    Altur::new()
        .against(&server)
        .args(["campaign", "activate", "42"])
        .run()
        .code(3)
        .stderr_has(
            "cannot activate campaign 42: its status is inactive, from which the valid actions \
             are: resume, archive (HTTP 409 INVALID_STATUS_TRANSITION)",
        );
    let server = refused(
        409,
        json!({"error": "INVALID_STATUS_TRANSITION", "message": "m", "current_status": "finished", "valid_targets": []}),
    );
    let run = Altur::new()
        .against(&server)
        .args(["campaign", "pause", "42", "-o", "json"])
        .run();
    run.code(3);
    let error: Value = serde_json::from_str(run.stderr.trim()).unwrap();
    assert_eq!(error["error"]["code"], "INVALID_STATUS_TRANSITION");
    assert_eq!(
        error["error"]["details"],
        json!({"current_status": "finished", "valid_targets": []})
    );
    assert_eq!(error["error"]["status"], 409);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("valid actions are: archive")
    );
}

#[test]
fn a_billing_limit_is_exit_3_in_words() {
    let server = refused(
        402,
        json!({"error": "BILLING_LIMIT_REACHED", "message": "Plan limit reached"}),
    );
    // The API's own message is shown, not replaced (contract section 6).
    Altur::new()
        .against(&server)
        .args(["campaign", "resume", "42"])
        .run()
        .code(3)
        .stderr_has(
            "cannot resume campaign 42: Plan limit reached (HTTP 402 BILLING_LIMIT_REACHED); \
             the organization's billing limit was reached",
        );
}

#[test]
fn every_error_code_of_the_campaigns_api_is_said_in_words() {
    let cases: Vec<(Vec<&str>, u16, Value, &str)> = vec![
        (
            vec!["campaign", "update", "42", "--name", "x"],
            409,
            json!({"error": "CAMPAIGN_FINISHED", "message": "read-only"}),
            "cannot update campaign 42: it is finished, and finished campaigns are read-only (HTTP 409 CAMPAIGN_FINISHED)",
        ),
        (
            vec!["campaign", "update", "42", "--name", "x"],
            400,
            json!({"error": "IMMUTABLE_FIELD", "message": "m", "field": "cycles.mode"}),
            "cannot update campaign 42: cycles.mode is fixed when the campaign is created (HTTP 400 IMMUTABLE_FIELD)",
        ),
        (
            vec!["campaign", "update", "42", "--name", "x"],
            400,
            json!({"error": "CYCLES_NOT_ENABLED", "message": "m"}),
            "cannot update campaign 42: its cycles are not enabled",
        ),
        (
            vec!["campaign", "update", "42", "--name", "x"],
            400,
            json!({"error": "SCHEDULED_MODE_ONLY", "message": "m"}),
            "for cycles in scheduled mode only (HTTP 400 SCHEDULED_MODE_ONLY)",
        ),
        (
            vec!["campaign", "archive", "42"],
            400,
            json!({"error": "UNKNOWN_ACTION", "message": "unknown action 'archive'"}),
            "cannot archive campaign 42: unknown action 'archive' (HTTP 400 UNKNOWN_ACTION)",
        ),
        (
            vec!["campaign", "activate", "42"],
            402,
            json!({"error": "BILLING_LIMIT_REACHED", "message": "m"}),
            "billing limit was reached",
        ),
        (
            vec!["campaign", "pause", "42"],
            409,
            json!({"error": "INVALID_STATUS_TRANSITION", "current_status": "pending", "valid_targets": ["active"]}),
            "its status is pending, from which the valid actions are: activate, archive",
        ),
        (
            create_args(),
            400,
            json!({"error": "INVALID_REQUEST", "message": "template is for whatsapp campaigns only"}),
            "cannot create the campaign: template is for whatsapp campaigns only (HTTP 400 INVALID_REQUEST)",
        ),
        (
            vec!["contact", "delete", "--campaign", "42", "7"],
            409,
            json!({"error": "CONTACT_NOT_DELETABLE", "message": "m", "current_status": "answered"}),
            "cannot delete contact 7 of campaign 42: only contacts in queue or failed status can be deleted (this one is answered) (HTTP 409 CONTACT_NOT_DELETABLE)",
        ),
    ];
    for (args, status, body, message) in cases {
        let server = refused(status, body);
        Altur::new()
            .against(&server)
            .args(&args)
            .run()
            .code(3)
            .stderr_has(message);
    }
}

#[test]
fn dry_run_prints_the_request_and_sends_nothing() {
    let server = Server::new([]);
    let run = Altur::new()
        .against(&server)
        .args(create_args())
        .args(["--idempotency-key", "k1", "--dry-run"])
        .run();
    run.success();
    assert!(run.stdout.contains("--request POST"), "{}", run.stdout);
    assert!(run.stdout.contains("Idempotency-Key: k1"), "{}", run.stdout);
    assert!(server.requests().is_empty());
}

#[test]
fn a_campaign_runs_in_the_sandbox() {
    let sandbox = Sandbox::start(&[]);
    let run = |args: &[&str]| Altur::new().against_sandbox(&sandbox).args(args).run();
    let created = run(&[
        "campaign",
        "create",
        "--name",
        "Renewals",
        "--agent",
        AGENT,
        "--integration-id",
        "int_phone",
        "--channel",
        "phone_call",
        "--schedule",
        "mon-fri 09:00-18:00",
        "-o",
        "json",
    ]);
    created.success();
    // Resource commands print the campaign, not the API's envelope (contract section 20).
    let id = created.json()["id"].to_string();
    assert_eq!(created.json()["status"], "pending");
    run(&["campaign", "pause", &id])
        .code(3)
        .stderr_has("its status is pending, from which the valid actions are: activate, archive");
    run(&[
        "contact",
        "add",
        "--campaign",
        &id,
        "--phone",
        "+52 55 1234 5678",
        "-o",
        "id",
    ])
    .success()
    .stdout_is("1\n");
    run(&["campaign", "activate", &id, "-o", "json"]).success();
    run(&["campaign", "activate", &id])
        .code(3)
        .stderr_has("cannot activate campaign");
    run(&["campaign", "update", &id, "--input", "/dev/null"]).code(2);
    let listed = run(&["campaign", "list", "-o", "json"]);
    assert_eq!(listed.json()[0]["id"].to_string(), id);
    run(&["campaign", "archive", &id, "-o", "json"]).success();
    assert_eq!(run(&["campaign", "list", "-o", "json"]).json(), json!([]));
    assert_eq!(
        run(&["campaign", "list", "--archived", "-o", "json"]).json()[0]["archived"],
        true
    );
}

#[test]
fn an_active_campaign_calls_its_contacts_among_the_sandboxs_calls() {
    // Calls of no length end as soon as they are placed: nothing to wait for.
    let sandbox = Sandbox::start(&["--call-seconds", "0"]);
    let run = |args: &[&str]| Altur::new().against_sandbox(&sandbox).args(args).run();
    let created = run(&[
        "campaign",
        "create",
        "--name",
        "Calls",
        "--agent",
        AGENT,
        "--integration-id",
        "int_phone",
        "--channel",
        "phone_call",
        "--first-message",
        "Hola",
        "-o",
        "id",
    ]);
    created.success();
    let id = created.stdout.trim().to_owned();
    for phone in ["+5215512345678", "+5215512340000", "+5215512349999"] {
        run(&["contact", "add", "--campaign", &id, "--phone", phone]).success();
    }
    run(&["campaign", "activate", &id]).success();
    let campaign = run(&["campaign", "get", &id, "-o", "json"]).json();
    assert_eq!(campaign["status"], "finished");
    let analytics = &campaign["analytics"];
    assert_eq!(analytics["calls"], 3);
    assert_eq!(analytics["callsAnsweredByHuman"], 1);
    assert_eq!(analytics["contactsAnswered"], 1);
    assert_eq!(analytics["contactsFailed"], 2);
    let statuses = run(&["contact", "list", "--campaign", &id, "--jq", ".[].status"]);
    statuses.success().stdout_is("answered\nbusy\nno-answer\n");
    let calls = run(&["call", "list", "--campaign", &id, "-o", "json"]);
    calls.success();
    let calls = calls.json();
    assert_eq!(calls.as_array().unwrap().len(), 3, "{calls}");
    let mut endings: Vec<&str> = calls
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    endings.sort_unstable();
    assert_eq!(endings, ["busy", "ended", "no-answer"]);
    assert!(calls[0]["contact"]["id"].is_number(), "{calls}");
    run(&["campaign", "activate", &id])
        .code(3)
        .stderr_has("its status is finished, from which the valid actions are: archive");
}

#[test]
fn the_sandbox_posts_campaign_status_changed_on_each_transition() {
    let receiver = Server::new((0..8).map(|_| Reply::json(200, "{}")));
    let url = format!("{}/hooks", receiver.url());
    let sandbox = Sandbox::start_with_env(
        &[
            "--call-seconds",
            "0",
            "--webhook-url",
            &url,
            "--webhook-scheme",
            "hex",
        ],
        &[("ALTUR_WEBHOOK_SECRET", "whsec-test")],
    );
    let run = |args: &[&str]| Altur::new().against_sandbox(&sandbox).args(args).run();
    let created = run(&[
        "campaign",
        "create",
        "--name",
        "Hooks",
        "--agent",
        AGENT,
        "--integration-id",
        "int_phone",
        "--channel",
        "phone_call",
        "-o",
        "id",
    ]);
    let id = created.stdout.trim().to_owned();
    run(&[
        "contact",
        "add",
        "--campaign",
        &id,
        "--phone",
        "+5215512345678",
    ])
    .success();
    run(&["campaign", "activate", &id]).success();
    run(&["campaign", "get", &id]).success(); // the call has ended: finished
    // Three transitions and the call's on_call_end; deliveries run on threads of their own.
    crate::support::wait_until(std::time::Duration::from_secs(20), || {
        receiver.requests().len() >= 4
    });
    let mut moves: Vec<(String, String)> = receiver
        .requests()
        .iter()
        .map(|r| r.body_json())
        .filter(|e| e["event_type"] == "campaign.status_changed")
        .map(|e| {
            let campaign = &e["data"]["campaign"];
            assert_eq!(campaign["id"].to_string(), id);
            let text = |key: &str| campaign[key].as_str().unwrap().to_owned();
            (text("previous_status"), text("status"))
        })
        .collect();
    moves.sort();
    let expected = [
        ("active", "finished"),
        ("pending", "ready"),
        ("ready", "active"),
    ];
    assert_eq!(
        moves,
        expected.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec()
    );
    for request in receiver.requests() {
        assert!(request.header("x-altur-signature").is_some());
    }
}

#[test]
fn lists_continue_after_the_token_they_print_in_both_paging_styles() {
    let sandbox = Sandbox::start(&[]);
    let run = |args: &[&str]| Altur::new().against_sandbox(&sandbox).args(args).run();
    for n in 1..=5 {
        let name = format!("C{n}");
        run(&[
            "campaign",
            "create",
            "--name",
            &name,
            "--agent",
            AGENT,
            "--integration-id",
            "int_phone",
            "--channel",
            "phone_call",
        ])
        .success();
    }
    let token = |run: &crate::support::Run| {
        run.stderr
            .split("--after ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("no token in {}", run.stderr))
            .to_owned()
    };
    // Cursor paging, newest first.
    let first = run(&["campaign", "list", "--limit", "2", "-o", "id"]);
    first
        .success()
        .stdout_is("5\n4\n")
        .stderr_has("showing 2 of 5");
    let second = run(&[
        "campaign",
        "list",
        "--limit",
        "2",
        "-o",
        "id",
        "--after",
        &token(&first),
    ]);
    second.success().stdout_is("3\n2\n");
    run(&[
        "campaign",
        "list",
        "--all",
        "-o",
        "id",
        "--after",
        &token(&second),
    ])
    .success()
    .stdout_is("1\n");
    // Page-index paging of contacts, in the order added.
    let mut text = String::from("phone\n");
    for n in 0..150 {
        text.push_str(&format!("+52155{n:08}\n"));
    }
    Altur::new()
        .against_sandbox(&sandbox)
        .file("c.csv", text)
        .args(["contact", "import", "--campaign", "1", "c.csv"])
        .run()
        .success();
    let first = run(&[
        "contact",
        "list",
        "--campaign",
        "1",
        "--limit",
        "120",
        "-o",
        "id",
    ]);
    first.success();
    assert_eq!(first.stdout.lines().count(), 120);
    assert_eq!(first.stdout.lines().last(), Some("120"));
    let rest = run(&[
        "contact",
        "list",
        "--campaign",
        "1",
        "--all",
        "-o",
        "id",
        "--after",
        &token(&first),
    ]);
    rest.success();
    let ids: Vec<u64> = rest.stdout.lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(ids, (121..=150).collect::<Vec<u64>>());
}

/// `--input -` is stdin for `campaign create` and `campaign update`, as the help says.
#[test]
fn create_and_update_read_input_from_stdin() {
    let server = Server::new([detail(9), detail(9)]);
    let input = json!({
        "name": "From stdin",
        "agent_id": AGENT,
        "integration_id": "int_phone",
        "integration_type": "phone_call",
    });
    Altur::new()
        .against(&server)
        .args(["campaign", "create", "--input", "-"])
        .stdin(input.to_string())
        .run()
        .success();
    Altur::new()
        .against(&server)
        .args(["campaign", "update", "9", "--input", "-"])
        .stdin(r#"{"name":"Renamed"}"#)
        .run()
        .success();
    let requests = server.requests();
    assert_eq!(requests[0].body_json()["name"], "From stdin");
    assert_eq!(requests[1].body_json()["name"], "Renamed");
}
