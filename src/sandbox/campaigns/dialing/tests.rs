use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::sandbox::calls::Calls;
use crate::sandbox::campaigns::Campaigns;
use crate::sandbox::domain::{Outcome, Reply, SANDBOX_AGENT_ID};

/// 2026-11-27T08:00:00Z.
fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_766_400 + seconds)
}

use std::time::SystemTime;

fn body(outcome: Outcome) -> Value {
    match outcome {
        Ok(Reply::Json(200, body)) => body,
        other => panic!("expected 200, got {other:?}"),
    }
}

/// A sandbox whose calls last 10 s, and a campaign of `contacts` contacts created with these
/// extra fields.
fn campaign(contacts: usize, extra: Value) -> (Campaigns, Arc<Calls>, String) {
    let calls = Arc::new(Calls::new(Duration::from_secs(10), at(0)));
    let campaigns = Campaigns::new(calls.clone());
    let mut fields = json!({
        "name": "Cobranza",
        "agent_id": SANDBOX_AGENT_ID,
        "integration_id": "int_phone",
        "integration_type": "phone_call",
    });
    for (key, value) in extra.as_object().unwrap() {
        fields[key] = value.clone();
    }
    let created = body(campaigns.create(fields.to_string().as_bytes(), None, at(0)));
    let id = created["campaign"]["id"].to_string();
    let rows: Vec<Value> = (1..=contacts)
        .map(|n| json!({"contact": format!("+52155{n:08}")}))
        .collect();
    let request = json!({"contacts": rows}).to_string();
    body(campaigns.add_contacts(&id, request.as_bytes(), None, at(0)));
    (campaigns, calls, id)
}

/// The contacts' statuses at `seconds`, in the order they were added.
fn statuses(campaigns: &Campaigns, id: &str, seconds: u64) -> Vec<String> {
    body(campaigns.list_contacts(id, &[], at(seconds)))["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap().to_owned())
        .collect()
}

/// When each of the campaign's calls was placed, as `HH:MM:SS`.
fn placed_at(calls: &Calls, id: &str, seconds: u64) -> Vec<String> {
    let listing = calls.list_for_campaign(id.parse().unwrap(), &[], at(seconds));
    body(listing)["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["created_at"].as_str().unwrap()[11..19].to_owned())
        .collect()
}

#[test]
fn calls_are_placed_concurrency_limit_at_a_time_each_as_a_slot_frees_up() {
    let (campaigns, calls, id) = campaign(5, json!({"concurrency_limit": 2}));
    body(campaigns.action(&id, "activate", at(0)));
    assert_eq!(
        statuses(&campaigns, &id, 0),
        ["sending", "sending", "queue", "queue", "queue"]
    );
    // Looked at long after: the campaign is where it would be had it been watched, each call
    // placed the instant a slot freed up.
    assert_eq!(
        statuses(&campaigns, &id, 25),
        ["answered", "answered", "answered", "answered", "sending"]
    );
    assert_eq!(
        placed_at(&calls, &id, 25),
        ["08:00:00", "08:00:00", "08:00:10", "08:00:10", "08:00:20"]
    );
    let detail = body(campaigns.get(&id, at(30)))["campaign"].clone();
    assert_eq!(detail["status"], "finished");
    assert_eq!(detail["analytics"]["calls"], 5);
}

#[test]
fn a_paused_campaign_places_no_call_until_it_is_resumed() {
    let (campaigns, calls, id) = campaign(5, json!({"concurrency_limit": 2}));
    body(campaigns.action(&id, "activate", at(0)));
    body(campaigns.action(&id, "pause", at(15)));
    // The calls in progress end; no new one starts.
    assert_eq!(
        statuses(&campaigns, &id, 100),
        ["answered", "answered", "answered", "answered", "queue"]
    );
    assert_eq!(placed_at(&calls, &id, 100).len(), 4);
    assert_eq!(
        body(campaigns.get(&id, at(100)))["campaign"]["status"],
        "inactive"
    );
    body(campaigns.action(&id, "resume", at(100)));
    assert_eq!(placed_at(&calls, &id, 100)[4], "08:01:40");
    assert_eq!(
        body(campaigns.get(&id, at(110)))["campaign"]["status"],
        "finished"
    );
}

#[test]
fn five_at_a_time_by_default_and_the_limit_is_checked() {
    let (campaigns, _, id) = campaign(8, json!({}));
    body(campaigns.action(&id, "activate", at(0)));
    let sending = statuses(&campaigns, &id, 0)
        .iter()
        .filter(|s| *s == "sending")
        .count();
    assert_eq!(sending, 5);
    let listed = body(campaigns.list(&[], at(0)));
    assert_eq!(listed["campaigns"][0]["concurrency_limit"], 5);
    for limit in [0, 1001] {
        let fields = json!({
            "name": "x",
            "agent_id": SANDBOX_AGENT_ID,
            "integration_id": "int_phone",
            "integration_type": "phone_call",
            "concurrency_limit": limit,
        });
        let refused = campaigns.create(fields.to_string().as_bytes(), None, at(0));
        let error = refused.expect_err("refused");
        assert_eq!(error.status, 400);
        assert_eq!(error.body["field"], "concurrency_limit");
    }
    let (campaigns, _, id) = campaign(3, json!({"concurrency_limit": 1000}));
    body(campaigns.action(&id, "activate", at(0)));
    assert_eq!(statuses(&campaigns, &id, 0), ["sending"; 3]);
}

#[test]
fn calls_of_no_length_run_the_whole_campaign_at_once() {
    let calls = Arc::new(Calls::new(Duration::ZERO, at(0)));
    let campaigns = Campaigns::new(calls);
    // One at a time: a thousand slots free up one after the other within one look.
    let fields = json!({
        "name": "x",
        "agent_id": SANDBOX_AGENT_ID,
        "integration_id": "int_phone",
        "integration_type": "phone_call",
        "concurrency_limit": 1,
    });
    let created = body(campaigns.create(fields.to_string().as_bytes(), None, at(0)));
    let id = created["campaign"]["id"].to_string();
    let rows: Vec<Value> = (1..=1000)
        .map(|n| json!({"contact": format!("+52155{n:08}")}))
        .collect();
    let request = json!({"contacts": rows}).to_string();
    body(campaigns.add_contacts(&id, request.as_bytes(), None, at(0)));
    body(campaigns.action(&id, "activate", at(0)));
    let detail = body(campaigns.get(&id, at(0)))["campaign"].clone();
    assert_eq!(detail["status"], "finished");
    assert_eq!(detail["analytics"]["calls"], 1000);
}
