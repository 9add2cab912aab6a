//! Sandbox campaigns as scripts drive them: calls placed `concurrency_limit` at a time, so
//! pause and resume show, and the query values public customer scripts send.

use serde_json::{Value, json};

use super::Http;
use super::scenario::{api, campaign_with_contacts};
use crate::support::{Altur, Sandbox};

fn statuses(sandbox: &Sandbox, campaign: &str) -> Vec<String> {
    let listed = Altur::new()
        .against_sandbox(sandbox)
        .args([
            "contact",
            "list",
            "--campaign",
            campaign,
            "--jq",
            ".[].status",
        ])
        .run();
    listed.success();
    listed.stdout.lines().map(str::to_owned).collect()
}

fn count(statuses: &[String], wanted: &str) -> usize {
    statuses.iter().filter(|s| *s == wanted).count()
}

#[test]
fn campaign_calls_are_placed_concurrency_limit_at_a_time_so_pause_and_resume_show() {
    // Calls of a minute: nothing ends while the test looks.
    let sandbox = Sandbox::start(&["--call-seconds", "60"]);
    let created = api(
        &sandbox,
        &[
            "POST",
            "/campaigns",
            "-f",
            "name=Paced",
            "-f",
            "agent_id=11111111-1111-4111-8111-111111111111",
            "-f",
            "integration_id=int_phone",
            "-f",
            "integration_type=phone_call",
            "-F",
            "concurrency_limit=2",
        ],
    );
    let id = created["campaign"]["id"].to_string();
    let rows: Vec<Value> = (1..=6)
        .map(|n| json!({"contact": format!("+52551{n:07}")}))
        .collect();
    api(
        &sandbox,
        &[
            "POST",
            &format!("/campaigns/{id}/contacts"),
            "-F",
            &format!("contacts={}", Value::Array(rows)),
        ],
    );
    let listed = api(&sandbox, &["/campaigns"]);
    assert_eq!(listed["campaigns"][0]["concurrency_limit"], 2, "{listed}");
    let run = |args: &[&str]| Altur::new().against_sandbox(&sandbox).args(args).run();
    run(&["campaign", "activate", &id]).success();
    let now = statuses(&sandbox, &id);
    assert_eq!(
        (count(&now, "sending"), count(&now, "queue")),
        (2, 4),
        "{now:?}"
    );
    let calls = api(&sandbox, &[&format!("/campaigns/{id}/calls")]);
    assert_eq!(calls["total_count"], 2, "{calls}");
    run(&["campaign", "pause", &id]).success();
    let paused = api(&sandbox, &[&format!("/campaigns/{id}")]);
    assert_eq!(paused["campaign"]["status"], "inactive");
    run(&["campaign", "resume", &id]).success();
    let resumed = statuses(&sandbox, &id);
    assert_eq!(
        count(&resumed, "sending"),
        2,
        "no slot is free yet: {resumed:?}"
    );

    // Five at a time without a limit; the limit is checked.
    let other = campaign_with_contacts(&sandbox, 7);
    run(&["campaign", "activate", &other]).success();
    assert_eq!(count(&statuses(&sandbox, &other), "sending"), 5);
    let refused = Altur::new()
        .against_sandbox(&sandbox)
        .args(["api", "POST", "/campaigns", "-f", "name=x"])
        .args(["-f", "agent_id=11111111-1111-4111-8111-111111111111"])
        .args([
            "-f",
            "integration_id=int_phone",
            "-f",
            "integration_type=phone_call",
        ])
        .args(["-F", "concurrency_limit=1001"])
        .run();
    refused
        .code(3)
        .stderr_has("concurrency_limit must be an integer from 1 to 1000");
}

#[test]
fn the_query_values_of_public_scripts_are_served() {
    let sandbox = Sandbox::start(&["--call-seconds", "0"]);
    let id = campaign_with_contacts(&sandbox, 3);
    Altur::new()
        .against_sandbox(&sandbox)
        .args(["campaign", "activate", &id])
        .run()
        .success();
    let today = api(&sandbox, &[&format!("/campaigns/{id}")])["campaign"]["created_at"]
        .as_str()
        .unwrap()[..10]
        .to_owned();
    let ids = |query: &[&str]| -> Vec<Value> {
        let mut args = vec!["/campaigns"];
        for pair in query {
            args.extend(["--query", pair]);
        }
        let page = api(&sandbox, &args);
        // An absent cursor is left out, never null.
        let pagination = page["pagination"].as_object().unwrap();
        assert!(!pagination.contains_key("next_cursor"), "{page}");
        assert!(!pagination.contains_key("previous_cursor"), "{page}");
        page["campaigns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].clone())
            .collect()
    };
    let mine = vec![json!(id.parse::<u64>().unwrap())];
    // Python's requests sends False and True.
    for no in ["archived=False", "archived=false", "archived=0"] {
        assert_eq!(ids(&[no]), mine, "{no}");
    }
    for yes in ["archived=True", "archived=true", "archived=1"] {
        assert_eq!(ids(&[yes]), Vec::<Value>::new(), "{yes}");
    }
    // Dates alone, the day of the campaign included whole.
    let start = format!("startDate={today}");
    let end = format!("endDate={today}");
    assert_eq!(ids(&["status=finished", &start, &end]), mine);
    let calls = api(
        &sandbox,
        &[
            &format!("/campaigns/{id}/calls"),
            "--query",
            &start,
            "--query",
            &end,
        ],
    );
    assert_eq!(calls["total_count"], 3, "{calls}");
    // Allow lists exactly the documented methods.
    let mut http = Http::connect(&sandbox);
    let answer = http.call(
        "POST",
        &format!("/api/v1.0/campaigns/{id}/calls"),
        Some("{}"),
    );
    assert_eq!(answer.status, 405);
    assert_eq!(answer.header("allow"), Some("GET"));
    let answer = http.call("GET", &format!("/api/v1.0/campaigns/{id}/activate"), None);
    assert_eq!(answer.status, 405);
    assert_eq!(answer.header("allow"), Some("POST"));
}

#[test]
fn with_webhooks_a_campaign_moves_on_without_anyone_looking() {
    let receiver =
        crate::support::Server::new((0..12).map(|_| crate::support::Reply::json(200, "{}")));
    let url = format!("{}/hooks", receiver.url());
    let sandbox = Sandbox::start_with_env(
        &["--call-seconds", "0.2", "--webhook-url", &url, "--quiet"],
        &[("ALTUR_WEBHOOK_SECRET", "whsec-test")],
    );
    let created = api(
        &sandbox,
        &[
            "POST",
            "/campaigns",
            "-f",
            "name=One at a time",
            "-f",
            "agent_id=11111111-1111-4111-8111-111111111111",
            "-f",
            "integration_id=int_phone",
            "-f",
            "integration_type=phone_call",
            "-F",
            "concurrency_limit=1",
        ],
    );
    let id = created["campaign"]["id"].to_string();
    let rows: Vec<Value> = (1..=3)
        .map(|n| json!({"contact": format!("+52551{n:07}")}))
        .collect();
    api(
        &sandbox,
        &[
            "POST",
            &format!("/campaigns/{id}/contacts"),
            "-F",
            &format!("contacts={}", Value::Array(rows)),
        ],
    );
    api(&sandbox, &["POST", &format!("/campaigns/{id}/activate")]);
    // Nobody looks at the campaign again: its three calls still end, one after the other.
    let ends = || {
        receiver
            .requests()
            .iter()
            .filter(|r| r.body_json()["event_type"] == "on_call_end")
            .count()
    };
    crate::support::wait_until(std::time::Duration::from_secs(20), || ends() == 3);
    crate::support::wait_until(std::time::Duration::from_secs(20), || {
        receiver.requests().iter().any(|r| {
            let event = r.body_json();
            event["event_type"] == "campaign.status_changed"
                && event["data"]["campaign"]["status"] == "finished"
        })
    });
}

/// For every path of the spec, a method it does not document is a 405 whose `Allow` lists
/// exactly the documented ones.
#[test]
fn allow_lists_exactly_the_documented_methods_of_every_path() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/altur-openapi.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let spec = super::spec::to_json(&yaml_rust2::YamlLoader::load_from_str(&text).unwrap()[0]);
    let sandbox = Sandbox::start(&[]);
    let mut http = Http::connect(&sandbox);
    let all = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    for (template, operations) in spec["paths"].as_object().unwrap() {
        let mut documented: Vec<String> = operations
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "parameters")
            .map(|k| k.to_ascii_uppercase())
            .collect();
        documented.sort();
        let path = template
            .replace("{action}", "activate")
            .replace("{contact_id}", "1")
            .replace("{thread_id}", "thr_1")
            .replace("{id}", "4821");
        let other = all
            .iter()
            .find(|m| !documented.iter().any(|d| d == *m))
            .unwrap();
        let answer = http.call(other, &format!("/api/v1.0{path}"), None);
        assert_eq!(answer.status, 405, "{other} {path}");
        let mut allow: Vec<String> = answer
            .header("allow")
            .unwrap_or_default()
            .split(", ")
            .map(str::to_owned)
            .collect();
        allow.sort();
        assert_eq!(allow, documented, "{other} {path}");
    }
}
