use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use super::contacts::CONTACT_BATCH_LIMIT;
use super::replay::REMEMBERED_KEYS;
use super::*;
use crate::sandbox::domain::SANDBOX_AGENT_ID;

/// 2026-11-27T08:00:00Z.
fn t0() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_766_400)
}

/// A placed call: campaign, contact, phone, first message.
type Placed = (u64, u64, String, Option<String>);
/// A transition case: from, action, and the status after or the 409's valid targets.
type Transition = (
    &'static str,
    &'static str,
    Result<&'static str, &'static [&'static str]>,
);

/// Records the calls asked for; a call ends when the test says how.
#[derive(Default)]
struct FakeDialer {
    placed: Mutex<Vec<Placed>>,
    outcomes: Mutex<HashMap<String, CallOutcome>>,
    refuse: Mutex<bool>,
}

impl FakeDialer {
    fn end(&self, contact_id: u64, status: &str, answered_by: Option<&str>) {
        self.outcomes.lock().unwrap().insert(
            format!("call_{contact_id}"),
            CallOutcome {
                status: status.into(),
                answered_by: answered_by.map(Into::into),
                billed_duration: 30,
                ended_at: t0(),
            },
        );
    }
}

impl Dialer for FakeDialer {
    fn place_call(&self, call: &CallRequest<'_>, _now: SystemTime) -> Option<String> {
        if *self.refuse.lock().unwrap() {
            return None;
        }
        self.placed.lock().unwrap().push((
            call.campaign_id,
            call.contact_id,
            call.phone.to_owned(),
            call.first_message.map(Into::into),
        ));
        Some(format!("call_{}", call.contact_id))
    }

    fn outcome(&self, call_id: &str, _now: SystemTime) -> Option<CallOutcome> {
        self.outcomes.lock().unwrap().get(call_id).cloned()
    }
}

fn sandbox() -> (Campaigns, Arc<FakeDialer>) {
    let dialer = Arc::new(FakeDialer::default());
    (Campaigns::new(dialer.clone()), dialer)
}

fn body(outcome: Outcome) -> Value {
    match outcome {
        Ok(Reply::Json(200, body)) => body,
        other => panic!("expected 200, got {other:?}"),
    }
}

/// The status, code and whole body of a refusal.
fn refusal(outcome: Outcome) -> (u16, String, Value) {
    match outcome {
        Err(e) => (
            e.status,
            e.body["error"].as_str().unwrap_or("").to_owned(),
            e.body,
        ),
        Ok(reply) => panic!("expected a refusal, got {reply:?}"),
    }
}

fn phone_campaign() -> Value {
    json!({
        "name": "Renewals",
        "agent_id": SANDBOX_AGENT_ID,
        "integration_id": "int_phone",
        "integration_type": "phone_call",
    })
}

fn whatsapp_campaign() -> Value {
    json!({
        "name": "Reminders",
        "agent_id": SANDBOX_AGENT_ID,
        "integration_id": "int_whatsapp",
        "integration_type": "whatsapp",
        "template": "reminder_v2",
    })
}

fn with(mut base: Value, extra: Value) -> Value {
    for (k, v) in extra.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

fn create(c: &Campaigns, fields: &Value) -> u64 {
    let created = body(c.create(fields.to_string().as_bytes(), None, t0()));
    created["campaign"]["id"].as_u64().unwrap()
}

fn add(c: &Campaigns, id: u64, contacts: Value) -> Value {
    let request = json!({"contacts": contacts});
    body(c.add_contacts(&id.to_string(), request.to_string().as_bytes(), None, t0()))
}

fn phones(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({"contact": format!("+52155{i:08}"), "name": format!("C{i}")}))
            .collect(),
    )
}

fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect()
}

fn status_of(c: &Campaigns, id: u64) -> String {
    body(c.get(&id.to_string(), t0()))["campaign"]["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn create_answers_the_detail_with_defaults() {
    let (c, _) = sandbox();
    let created = body(c.create(phone_campaign().to_string().as_bytes(), None, t0()));
    assert_eq!(created["success"], true);
    let campaign = &created["campaign"];
    assert_eq!(campaign["id"], 1);
    assert_eq!(campaign["name"], "Renewals");
    assert_eq!(campaign["status"], "pending");
    assert_eq!(campaign["archived"], false);
    assert_eq!(campaign["created_at"], "2026-11-27T08:00:00Z");
    assert_eq!(
        campaign["agent"],
        json!({"id": SANDBOX_AGENT_ID, "name": "Sandbox Agent"})
    );
    assert_eq!(campaign["integration"], json!({"id": "int_phone"}));
    assert_eq!(campaign["timezone"], "America/Mexico_City");
    assert_eq!(campaign["cycles"], json!({"enabled": false}));
    assert_eq!(
        campaign["scheduling"]["mon"],
        json!({"startTime": "09:00", "stopTime": "18:00", "active": true})
    );
    assert_eq!(campaign["scheduling"]["sun"]["active"], false);
    assert_eq!(campaign["analytics"]["contacts"], 0);
    assert_eq!(campaign["analytics"]["callsAnsweredByHumanRate"], 0.0);

    let whatsapp = body(c.create(whatsapp_campaign().to_string().as_bytes(), None, t0()));
    assert_eq!(whatsapp["campaign"]["id"], 2);
    assert_eq!(whatsapp["campaign"]["template"], "reminder_v2");
    assert_eq!(whatsapp["campaign"]["cycles"], Value::Null);
}

#[test]
fn create_checks_every_field_like_the_api() {
    let (c, _) = sandbox();
    let refuse = |fields: Value| refusal(c.create(fields.to_string().as_bytes(), None, t0()));
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({"agent_id": SANDBOX_AGENT_ID, "integration_id": "int_phone", "integration_type": "phone_call"}),
            "name",
            "name is required",
        ),
        (
            with(phone_campaign(), json!({"name": "x".repeat(256)})),
            "name",
            "1 to 255",
        ),
        (
            with(phone_campaign(), json!({"name": ""})),
            "name",
            "1 to 255",
        ),
        (
            with(phone_campaign(), json!({"retries": 6})),
            "retries",
            "0 to 5",
        ),
        (
            with(phone_campaign(), json!({"retries": -1})),
            "retries",
            "0 to 5",
        ),
        (
            with(phone_campaign(), json!({"message_limit": 0})),
            "message_limit",
            "1 to 10000",
        ),
        (
            with(phone_campaign(), json!({"message_limit": 10001})),
            "message_limit",
            "1 to 10000",
        ),
        (
            with(phone_campaign(), json!({"template": "t"})),
            "template",
            "whatsapp campaigns only",
        ),
        (
            with(whatsapp_campaign(), json!({"first_message": "Hi"})),
            "first_message",
            "phone_call campaigns only",
        ),
        (
            with(whatsapp_campaign(), json!({"cycles": {"enabled": true}})),
            "cycles",
            "phone_call campaigns only",
        ),
        (
            with(phone_campaign(), json!({"integration_id": "int_whatsapp"})),
            "integration_id",
            "not a phone_call integration",
        ),
        (
            with(phone_campaign(), json!({"integration_id": "int_x"})),
            "integration_id",
            "no integration 'int_x'",
        ),
        (
            with(phone_campaign(), json!({"agent_id": "agent_x"})),
            "agent_id",
            "no agent 'agent_x'",
        ),
        (
            with(phone_campaign(), json!({"integration_type": "sms"})),
            "integration_type",
            "phone_call or whatsapp",
        ),
        (
            with(phone_campaign(), json!({"colour": "red"})),
            "colour",
            "unknown field 'colour'",
        ),
        (
            with(phone_campaign(), json!({"scheduling": {"funday": {}}})),
            "scheduling",
            "unknown day 'funday'",
        ),
        (
            with(
                phone_campaign(),
                json!({"scheduling": {"mon": {"startTime": "18:00", "stopTime": "09:00", "active": true}}}),
            ),
            "scheduling",
            "must be before stopTime",
        ),
        (
            with(
                phone_campaign(),
                json!({"scheduling": {"mon": {"startTime": "9am"}}}),
            ),
            "scheduling",
            "a time HH:MM",
        ),
    ];
    for (fields, field, message) in cases {
        let (status, code, body) = refuse(fields.clone());
        assert_eq!(
            (status, code.as_str()),
            (400, "INVALID_REQUEST"),
            "{fields}"
        );
        assert_eq!(body["field"], field, "{body}");
        assert!(
            body["message"].as_str().unwrap().contains(message),
            "{body}"
        );
    }
    let (status, code, body) = refusal(c.create(b"[1]", None, t0()));
    assert_eq!((status, code.as_str()), (400, "INVALID_REQUEST"));
    assert!(
        body["message"].as_str().unwrap().contains("JSON object"),
        "{body}"
    );
    // Nothing was created by any refused request.
    assert_eq!(create(&c, &phone_campaign()), 1);
}

#[test]
fn a_create_replayed_with_its_key_answers_the_first_answer_and_creates_nothing() {
    let (c, _) = sandbox();
    let fields = phone_campaign().to_string();
    let first = c.create(fields.as_bytes(), Some("key-1"), t0());
    let later = t0() + Duration::from_secs(60);
    let again = c.create(fields.as_bytes(), Some("key-1"), later);
    assert_eq!(first, again);
    let other = body(c.create(fields.as_bytes(), Some("key-2"), later));
    assert_eq!(other["campaign"]["id"], 2);
    let listed = body(c.list(&[], later));
    assert_eq!(listed["total_count"], 2);

    // A refused request is not remembered: the same key may carry the corrected body.
    let bad = with(phone_campaign(), json!({"retries": 9})).to_string();
    assert_eq!(
        refusal(c.create(bad.as_bytes(), Some("key-3"), t0())).0,
        400
    );
    let fixed = body(c.create(fields.as_bytes(), Some("key-3"), t0()));
    assert_eq!(fixed["campaign"]["id"], 3);

    let (status, code, _) = refusal(c.create(fields.as_bytes(), Some(&"k".repeat(256)), t0()));
    assert_eq!((status, code.as_str()), (400, "INVALID_REQUEST"));
    assert_eq!(refusal(c.create(fields.as_bytes(), Some(""), t0())).0, 400);
}

#[test]
fn remembered_keys_are_bounded() {
    let mut replays = Replays::default();
    for n in 0..REMEMBERED_KEYS + 5 {
        replays.remember(ReplayKey::Create(n.to_string()), Reply::ok(json!(n)));
    }
    assert_eq!(replays.answers.len(), REMEMBERED_KEYS);
    assert!(replays.get(&ReplayKey::Create("0".into())).is_none());
    assert!(
        replays
            .get(&ReplayKey::Create((REMEMBERED_KEYS + 4).to_string()))
            .is_some()
    );
}

/// Brings a new campaign to each status through the API.
fn campaign_in(c: &Campaigns, dialer: &FakeDialer, status: &str) -> u64 {
    let cycles = status == "cooldown";
    let fields = if cycles {
        with(
            phone_campaign(),
            json!({"cycles": {"enabled": true, "mode": "cooldown"}}),
        )
    } else {
        phone_campaign()
    };
    let id = create(c, &fields);
    let sid = id.to_string();
    if status == "pending" {
        return id;
    }
    let added = add(c, id, json!([{"contact": format!("+5215500000{id:03}")}]));
    let contact: u64 = added["results"][0]["id"].as_str().unwrap().parse().unwrap();
    if status == "ready" {
        return id;
    }
    body(c.action(&sid, "activate", t0()));
    match status {
        "active" => {}
        "inactive" => {
            body(c.action(&sid, "pause", t0()));
        }
        "finished" | "cooldown" => dialer.end(contact, "ended", Some("human")),
        other => panic!("{other}"),
    }
    assert_eq!(status_of(c, id), status);
    id
}

#[test]
fn lifecycle_actions_follow_the_documented_transitions() {
    let (c, dialer) = sandbox();
    // (from, action) → the status after, or the 409's valid targets.
    let table: &[Transition] = &[
        ("pending", "activate", Ok("active")),
        ("ready", "activate", Ok("active")),
        ("cooldown", "activate", Ok("cooldown")), // every contact is called already
        ("active", "activate", Err(&["inactive"])),
        ("inactive", "activate", Err(&["active"])),
        ("finished", "activate", Err(&[])),
        ("active", "pause", Ok("inactive")),
        ("cooldown", "pause", Ok("inactive")),
        ("inactive", "pause", Ok("inactive")),
        ("pending", "pause", Err(&["active"])),
        ("ready", "pause", Err(&["active"])),
        ("finished", "pause", Err(&[])),
        ("inactive", "resume", Ok("active")),
        ("active", "resume", Ok("active")),
        ("pending", "resume", Err(&["active"])),
        ("cooldown", "resume", Err(&["active", "inactive"])),
        ("finished", "resume", Err(&[])),
    ];
    for (from, action, expected) in table {
        let id = campaign_in(&c, &dialer, from);
        let outcome = c.action(&id.to_string(), action, t0());
        match expected {
            Ok(to) => assert_eq!(body(outcome)["campaign"]["status"], *to, "{from} {action}"),
            Err(targets) => {
                let (status, code, body) = refusal(outcome);
                assert_eq!(
                    (status, code.as_str()),
                    (409, "INVALID_STATUS_TRANSITION"),
                    "{from} {action}"
                );
                assert_eq!(body["current_status"], *from);
                assert_eq!(body["valid_targets"], json!(targets));
                assert_eq!(
                    body["message"],
                    format!("cannot {action} a campaign in status {from}")
                );
                assert_eq!(status_of(&c, id), *from, "a refused action changes nothing");
            }
        }
    }
    for from in [
        "pending", "ready", "active", "inactive", "cooldown", "finished",
    ] {
        let id = campaign_in(&c, &dialer, from);
        let archived = body(c.action(&id.to_string(), "archive", t0()));
        assert_eq!(archived["campaign"]["archived"], true);
        assert_eq!(
            archived["campaign"]["status"], from,
            "archive keeps the status"
        );
        let again = body(c.action(&id.to_string(), "archive", t0()));
        assert_eq!(
            again["campaign"]["archived"], true,
            "archive twice is a no-op"
        );
    }
    let (status, code, _) = refusal(c.action("1", "launch", t0()));
    assert_eq!((status, code.as_str()), (400, "UNKNOWN_ACTION"));
    let (status, code, _) = refusal(c.action("999", "activate", t0()));
    assert_eq!((status, code.as_str()), (404, "CAMPAIGN_NOT_FOUND"));
    assert!(c.exists(1, t0()) && !c.exists(999, t0()));
    assert_eq!(refusal(c.action("abc", "activate", t0())).0, 404);
}

#[test]
fn patch_changes_only_the_fields_given() {
    let (c, _) = sandbox();
    let id = create(
        &c,
        &with(phone_campaign(), json!({"description": "d", "retries": 2})),
    )
    .to_string();
    let patch = json!({"name": "Renewals Q4", "scheduling": {"sat": {"startTime": "10:00", "stopTime": "14:00", "active": true}}});
    let patched = body(c.update(&id, patch.to_string().as_bytes(), t0()));
    let campaign = &patched["campaign"];
    assert_eq!(campaign["name"], "Renewals Q4");
    assert_eq!(campaign["description"], "d");
    assert_eq!(campaign["retries"], 2);
    assert_eq!(campaign["scheduling"]["sat"]["active"], true);
    assert_eq!(
        campaign["scheduling"]["mon"]["active"], true,
        "other days kept"
    );

    // A refused PATCH changes nothing, even the fields before the bad one.
    let bad = json!({"name": "Changed", "retries": 7});
    let (status, code, body_) = refusal(c.update(&id, bad.to_string().as_bytes(), t0()));
    assert_eq!((status, code.as_str()), (400, "INVALID_REQUEST"));
    assert_eq!(body_["field"], "retries");
    assert_eq!(body(c.get(&id, t0()))["campaign"]["name"], "Renewals Q4");
}

#[test]
fn patch_refuses_immutable_fields_by_name_and_finished_campaigns() {
    let (c, dialer) = sandbox();
    let id = create(&c, &phone_campaign()).to_string();
    for (patch, field) in [
        (json!({"agent_id": "x"}), "agent_id"),
        (json!({"integration_id": "int_phone"}), "integration_id"),
        (json!({"integration_type": "whatsapp"}), "integration_type"),
    ] {
        let (status, code, body) = refusal(c.update(&id, patch.to_string().as_bytes(), t0()));
        assert_eq!((status, code.as_str()), (400, "IMMUTABLE_FIELD"));
        assert_eq!(body["field"], field);
    }
    let (status, code, _) = refusal(c.update(&id, br#"{"cycles":{"max_iterations":3}}"#, t0()));
    assert_eq!((status, code.as_str()), (400, "CYCLES_NOT_ENABLED"));

    let cycled = create(
        &c,
        &with(
            phone_campaign(),
            json!({"cycles": {"enabled": true, "mode": "cooldown"}}),
        ),
    )
    .to_string();
    let (status, code, body_) =
        refusal(c.update(&cycled, br#"{"cycles":{"mode":"scheduled"}}"#, t0()));
    assert_eq!(
        (status, code.as_str(), &body_["field"]),
        (400, "IMMUTABLE_FIELD", &json!("cycles.mode"))
    );
    let (_, code, _) = refusal(c.update(&cycled, br#"{"cycles":{"enabled":false}}"#, t0()));
    assert_eq!(code, "IMMUTABLE_FIELD");
    let (status, code, _) = refusal(c.update(
        &cycled,
        br#"{"cycles":{"schedule_start_date":"2026-12-01"}}"#,
        t0(),
    ));
    assert_eq!((status, code.as_str()), (400, "SCHEDULED_MODE_ONLY"));
    let ok = body(c.update(
        &cycled,
        br#"{"cycles":{"max_iterations":3,"cooldown_minutes":60}}"#,
        t0(),
    ));
    assert_eq!(ok["campaign"]["cycles"]["max_iterations"], 3);

    let finished = campaign_in(&c, &dialer, "finished").to_string();
    let (status, code, body_) = refusal(c.update(&finished, br#"{"name":"x"}"#, t0()));
    assert_eq!((status, code.as_str()), (409, "CAMPAIGN_FINISHED"));
    assert!(body_["message"].as_str().unwrap().contains("read-only"));

    let whatsapp = create(&c, &whatsapp_campaign()).to_string();
    let (_, code, body_) = refusal(c.update(&whatsapp, br#"{"first_message":"Hi"}"#, t0()));
    assert_eq!(
        (code.as_str(), &body_["field"]),
        ("INVALID_REQUEST", &json!("first_message"))
    );
}

#[test]
fn campaigns_page_by_cursor_newest_first() {
    let (c, _) = sandbox();
    for _ in 0..45 {
        create(&c, &phone_campaign());
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut q = vec![("pageSize", "20")];
        if let Some(cursor) = &cursor {
            q.push(("cursor", cursor));
        }
        let page = body(c.list(&query(&q), t0()));
        pages += 1;
        assert_eq!(page["total_count"], 45);
        for campaign in page["campaigns"].as_array().unwrap() {
            seen.push(campaign["id"].as_u64().unwrap());
        }
        let pagination = &page["pagination"];
        assert_eq!(pagination["has_previous"], cursor.is_some());
        if pagination["has_next"] == false {
            assert!(pagination.get("next_cursor").is_none(), "{pagination}");
            assert!(pagination.get("previous_cursor").is_none(), "{pagination}");
            break;
        }
        cursor = Some(pagination["next_cursor"].as_str().unwrap().to_owned());
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, (1..=45).rev().collect::<Vec<u64>>());
    let default_page = body(c.list(&[], t0()));
    assert_eq!(
        default_page["campaigns"].as_array().unwrap().len(),
        DEFAULT_PAGE_SIZE
    );
}

#[test]
fn campaign_filters() {
    let (c, dialer) = sandbox();
    let early = body(c.create(phone_campaign().to_string().as_bytes(), None, t0()));
    let next_day = t0() + Duration::from_secs(86_400);
    c.create(whatsapp_campaign().to_string().as_bytes(), None, next_day)
        .unwrap();
    let active = campaign_in(&c, &dialer, "active");
    let archived = create(&c, &phone_campaign());
    body(c.action(&archived.to_string(), "archive", t0()));
    let ids = |pairs: &[(&str, &str)]| -> Vec<u64> {
        body(c.list(&query(pairs), t0()))["campaigns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(
        ids(&[]),
        vec![active, 2, 1],
        "archived ones only when asked"
    );
    // Every spelling clients send: Python's requests writes True and False.
    for yes in ["true", "True", "1"] {
        assert_eq!(ids(&[("archived", yes)]), vec![archived], "{yes}");
    }
    for no in ["false", "False", "0"] {
        assert_eq!(ids(&[("archived", no)]), vec![active, 2, 1], "{no}");
    }
    // Dates alone: endDate takes its whole day.
    assert_eq!(
        ids(&[("startDate", "2026-11-27"), ("endDate", "2026-11-27")]),
        vec![active, 1]
    );
    assert_eq!(
        ids(&[("startDate", "2026-11-28"), ("endDate", "2026-11-28")]),
        vec![2]
    );
    assert_eq!(ids(&[("status", "active")]), vec![active]);
    assert_eq!(ids(&[("integration", "whatsapp")]), vec![2]);
    assert_eq!(ids(&[("agentId", SANDBOX_AGENT_ID)]), vec![active, 2, 1]);
    assert_eq!(ids(&[("agentId", "someone-else")]), Vec::<u64>::new());
    assert_eq!(
        ids(&[("startDate", "2026-11-28"), ("endDate", "2026-11-28")]),
        vec![2]
    );
    assert_eq!(
        ids(&[
            ("startDate", "2026-11-27T00:00:00Z"),
            ("endDate", "2026-11-27T08:00:00Z")
        ]),
        vec![active, 1]
    );
    assert_eq!(early["campaign"]["id"], 1);
    for (pairs, message) in [
        (vec![("startDate", "2026-11-27")], "sent together"),
        (vec![("endDate", "2026-11-27")], "sent together"),
        (
            vec![("startDate", "yesterday"), ("endDate", "2026-11-27")],
            "ISO 8601",
        ),
        (vec![("status", "running")], "status must be one of"),
        (vec![("integration", "sms")], "phone_call or whatsapp"),
        (vec![("pageSize", "0")], "1 to 100"),
        (vec![("pageSize", "101")], "1 to 100"),
        (
            vec![("page_size", "10")],
            "unknown query parameter 'page_size'",
        ),
        (vec![("cursor", "nope")], "cursor"),
        (
            vec![("archived", "yes")],
            "true, false, True, False, 1 or 0",
        ),
        (vec![("archived", "TRUE")], "a boolean"),
        (vec![("status", "active"), ("status", "pending")], "twice"),
    ] {
        let (status, code, body) = refusal(c.list(&query(&pairs), t0()));
        assert_eq!(
            (status, code.as_str()),
            (400, "INVALID_REQUEST"),
            "{pairs:?}"
        );
        assert!(
            body["message"].as_str().unwrap().contains(message),
            "{body}"
        );
    }
}

#[test]
fn contact_batches_count_created_updated_skipped_and_failed_rows() {
    let (c, _) = sandbox();
    let id = create(&c, &phone_campaign());
    let first = add(
        &c,
        id,
        json!([
            {"contact": "+52 1 55 1234 5678", "name": "Ana", "extracted_data": {"plan": "gold"}, "f_id": "crm-1"},
            {"contact": "5512345678"},
            {"name": "no number"},
            {"contact": "+525511112222", "context": "prefers mornings"},
            {"contact": "+5215512345678", "name": "Ana again"},
        ]),
    );
    assert_eq!(
        first["summary"],
        json!({"created": 2, "updated": 0, "skipped_duplicate": 1, "failed": 2})
    );
    assert_eq!(
        first["results"],
        json!([
            {"index": 0, "id": "1", "contact": "+5215512345678"},
            {"index": 1, "contact": "5512345678", "error": "INVALID_PHONE_NUMBER"},
            {"index": 2, "contact": null, "error": "MISSING_CONTACT"},
            {"index": 3, "id": "2", "contact": "+525511112222"},
            {"index": 4, "id": "1", "contact": "+5215512345678"},
        ])
    );
    assert_eq!(
        status_of(&c, id),
        "ready",
        "a campaign with contacts is ready"
    );
    let ana = body(c.get_contact(&id.to_string(), "1", t0()));
    assert_eq!(ana["success"], true);
    let ana = &ana["contact"];
    assert_eq!(ana["name"], "Ana", "skip keeps the first");
    assert_eq!(ana["status"], "queue");
    assert_eq!(ana["f_id"], "crm-1");
    assert_eq!(ana["extracted_data"], json!({"plan": "gold"}));
    assert_eq!(ana["call_count"], 0);

    let request = json!({"contacts": [{"contact": "+5215512345678", "name": "Ana B", "extracted_data": {"age": 30}}], "if_duplicate": "update"});
    let updated = body(c.add_contacts(&id.to_string(), request.to_string().as_bytes(), None, t0()));
    assert_eq!(
        updated["summary"],
        json!({"created": 0, "updated": 1, "skipped_duplicate": 0, "failed": 0})
    );
    let ana = body(c.get_contact(&id.to_string(), "1", t0()));
    assert_eq!(ana["contact"]["name"], "Ana B");
    assert_eq!(ana["contact"]["f_id"], "crm-1", "fields not given are kept");
    assert_eq!(
        ana["contact"]["extracted_data"],
        json!({"plan": "gold", "age": 30})
    );
}

#[test]
fn contact_batches_refuse_malformed_requests_whole() {
    let (c, _) = sandbox();
    let id = create(&c, &phone_campaign()).to_string();
    let send =
        |request: Value| refusal(c.add_contacts(&id, request.to_string().as_bytes(), None, t0()));
    for (request, message) in [
        (
            json!({"contacts": phones(1001)}),
            "at most 1000 contacts per request, not 1001",
        ),
        (json!({"contacts": []}), "at least one"),
        (json!({}), "contacts is required"),
        (json!({"contacts": {}}), "must be an array"),
        (
            json!({"contacts": phones(1), "if_duplicate": "merge"}),
            "skip or update",
        ),
        (
            json!({"contacts": phones(1), "mode": "x"}),
            "unknown field 'mode'",
        ),
        (
            json!({"contacts": [{"contact": "+5215512345678"}, 7]}),
            "contacts[1] must be an object",
        ),
        (
            json!({"contacts": [{"contact": "+5215512345678", "name": 7}]}),
            "contacts[0].name must be a string",
        ),
        (
            json!({"contacts": [{"phone": "+5215512345678"}]}),
            "unknown field 'phone'",
        ),
    ] {
        let (status, code, body) = send(request);
        assert_eq!((status, code.as_str()), (400, "INVALID_REQUEST"));
        assert!(
            body["message"].as_str().unwrap().contains(message),
            "{body}"
        );
    }
    assert_eq!(
        body(c.list_contacts(&id, &[], t0()))["total_count"],
        0,
        "nothing added"
    );
    let full = add(&c, id.parse().unwrap(), phones(CONTACT_BATCH_LIMIT));
    assert_eq!(full["summary"]["created"], 1000);
    assert_eq!(
        refusal(c.add_contacts("77", br#"{"contacts":[]}"#, None, t0())).0,
        404
    );
}

#[test]
fn a_batch_replayed_with_its_key_adds_nothing_twice() {
    let (c, _) = sandbox();
    let id = create(&c, &phone_campaign());
    let other = create(&c, &phone_campaign());
    let request = json!({"contacts": phones(3)}).to_string();
    let first = c.add_contacts(&id.to_string(), request.as_bytes(), Some("batch-1"), t0());
    let again = c.add_contacts(&id.to_string(), request.as_bytes(), Some("batch-1"), t0());
    assert_eq!(first, again, "the same answer, not 'skipped_duplicate'");
    assert_eq!(body(first)["summary"]["created"], 3);
    assert_eq!(
        body(c.list_contacts(&id.to_string(), &[], t0()))["total_count"],
        3
    );
    // Keys are per campaign: the same key elsewhere is a new batch.
    let elsewhere = body(c.add_contacts(
        &other.to_string(),
        request.as_bytes(),
        Some("batch-1"),
        t0(),
    ));
    assert_eq!(elsewhere["summary"]["created"], 3);
}

#[test]
fn contacts_page_by_index_with_the_first_page_counting() {
    let (c, _) = sandbox();
    let id = create(&c, &phone_campaign()).to_string();
    add(&c, id.parse().unwrap(), phones(120));
    let page = |index: &str| {
        body(c.list_contacts(
            &id,
            &query(&[("pageSize", "50"), ("pageIndex", index)]),
            t0(),
        ))
    };
    let first = page("0");
    assert_eq!(first["total_count"], 120);
    assert_eq!(first["contacts"].as_array().unwrap().len(), 50);
    assert_eq!(first["contacts"][0]["id"], 1);
    assert_eq!(
        first["pagination"],
        json!({"page_index": 0, "page_size": 50, "has_next": true, "has_previous": false, "next_page": 1})
    );
    let third = page("2");
    assert!(
        third.get("total_count").is_none(),
        "only the first page counts"
    );
    assert_eq!(third["contacts"].as_array().unwrap().len(), 20);
    assert_eq!(third["contacts"][0]["id"], 101);
    assert_eq!(third["pagination"]["has_next"], false);
    assert!(third["pagination"].get("next_page").is_none());
    assert_eq!(third["pagination"]["previous_page"], 1);
    assert_eq!(page("3")["contacts"], json!([]));
    let default = body(c.list_contacts(&id, &[], t0()));
    assert_eq!(default["pagination"]["page_size"], 50);
    let queued = body(c.list_contacts(
        &id,
        &query(&[("status", "queue"), ("pageSize", "100")]),
        t0(),
    ));
    assert_eq!(queued["total_count"], 120);
    let answered = body(c.list_contacts(&id, &query(&[("status", "answered")]), t0()));
    assert_eq!(answered["total_count"], 0);
    for pairs in [
        vec![("pageSize", "0")],
        vec![("pageSize", "101")],
        vec![("pageIndex", "-1")],
        vec![("pageIndex", "25001")],
        vec![("status", "done")],
        vec![("page", "1")],
    ] {
        let (status, code, _) = refusal(c.list_contacts(&id, &query(&pairs), t0()));
        assert_eq!(
            (status, code.as_str()),
            (400, "INVALID_REQUEST"),
            "{pairs:?}"
        );
    }
}

#[test]
fn only_queued_or_failed_contacts_can_be_deleted() {
    let (c, dialer) = sandbox();
    let id = create(&c, &phone_campaign());
    let sid = id.to_string();
    add(&c, id, phones(3));
    assert_eq!(
        body(c.delete_contact(&sid, "1", t0())),
        json!({"success": true})
    );
    let (status, code, _) = refusal(c.get_contact(&sid, "1", t0()));
    assert_eq!((status, code.as_str()), (404, "CONTACT_NOT_FOUND"));
    assert_eq!(refusal(c.delete_contact(&sid, "1", t0())).0, 404);
    assert_eq!(refusal(c.get_contact(&sid, "x", t0())).0, 404);
    // The deleted number may be added again.
    let again = add(&c, id, json!([{"contact": "+5215500000000"}]));
    assert_eq!(again["summary"]["created"], 1);

    body(c.action(&sid, "activate", t0()));
    let (status, code, body_) = refusal(c.delete_contact(&sid, "2", t0()));
    assert_eq!((status, code.as_str()), (409, "CONTACT_NOT_DELETABLE"));
    assert_eq!(body_["current_status"], "sending");
    assert!(
        body_["message"]
            .as_str()
            .unwrap()
            .contains("only contacts in queue or failed")
    );
    dialer.end(2, "ended", Some("human"));
    dialer.end(3, "busy", None);
    assert_eq!(
        refusal(c.delete_contact(&sid, "2", t0())).2["current_status"],
        "answered"
    );
    assert_eq!(
        refusal(c.delete_contact(&sid, "3", t0())).2["current_status"],
        "busy"
    );
    *dialer.refuse.lock().unwrap() = true;
    let failed = add(&c, id, json!([{"contact": "+5215599999999"}]));
    let failed_id = failed["results"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        body(c.get_contact(&sid, &failed_id, t0()))["contact"]["status"],
        "failed"
    );
    body(c.delete_contact(&sid, &failed_id, t0()));
}

#[test]
fn activating_places_the_calls_and_their_ends_finish_the_campaign() {
    let (c, dialer) = sandbox();
    let id = create(
        &c,
        &with(phone_campaign(), json!({"first_message": "Hola"})),
    );
    let sid = id.to_string();
    add(&c, id, phones(4));
    assert!(
        dialer.placed.lock().unwrap().is_empty(),
        "no call before activation"
    );
    let later = t0() + Duration::from_secs(5);
    body(c.action(&sid, "activate", later));
    let placed = dialer.placed.lock().unwrap().clone();
    assert_eq!(placed.len(), 4);
    assert_eq!(
        placed[0],
        (id, 1, "+5215500000000".to_owned(), Some("Hola".to_owned()))
    );
    let contact = body(c.get_contact(&sid, "1", later))["contact"].clone();
    assert_eq!(contact["status"], "sending");
    assert_eq!(contact["call_count"], 1);
    assert_eq!(contact["last_call_at"], "2026-11-27 08:00:05");

    dialer.end(1, "ended", Some("human"));
    dialer.end(2, "ended", Some("machine"));
    dialer.end(3, "no-answer", None);
    assert_eq!(status_of(&c, id), "active", "one call still going on");
    dialer.end(4, "ended", Some("human"));
    let detail = body(c.get(&sid, later))["campaign"].clone();
    assert_eq!(detail["status"], "finished");
    let analytics = &detail["analytics"];
    assert_eq!(analytics["calls"], 4);
    assert_eq!(analytics["callsAnsweredByHuman"], 2);
    assert_eq!(analytics["callsAnsweredByMachine"], 1);
    assert_eq!(analytics["callsAnsweredByHumanRate"], 0.5);
    assert_eq!(analytics["callsAnsweredByMachineRate"], 0.25);
    assert_eq!(analytics["contacts"], 4);
    assert_eq!(analytics["contactsProcessed"], 4);
    assert_eq!(analytics["contactsProcessedRate"], 1.0);
    assert_eq!(analytics["contactsAnswered"], 2);
    assert_eq!(analytics["contactsVoicemail"], 1);
    assert_eq!(analytics["contactsFailed"], 1);
    let statuses: Vec<Value> = body(c.list_contacts(&sid, &[], later))["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].clone())
        .collect();
    assert_eq!(
        statuses,
        vec![
            json!("answered"),
            json!("voicemail"),
            json!("no-answer"),
            json!("answered")
        ]
    );
    assert_eq!(
        body(c.get_contact(&sid, "1", later))["contact"]["billed_duration"],
        30
    );
}

#[test]
fn contacts_added_to_an_active_campaign_are_called_and_a_paused_one_waits() {
    let (c, dialer) = sandbox();
    let id = create(&c, &phone_campaign());
    let sid = id.to_string();
    body(c.action(&sid, "activate", t0()));
    assert_eq!(
        status_of(&c, id),
        "active",
        "no contacts: nothing to finish"
    );
    add(&c, id, phones(1));
    assert_eq!(dialer.placed.lock().unwrap().len(), 1);
    body(c.action(&sid, "pause", t0()));
    add(&c, id, json!([{"contact": "+5215577777777"}]));
    assert_eq!(
        dialer.placed.lock().unwrap().len(),
        1,
        "a paused campaign places no call"
    );
    dialer.end(1, "ended", Some("human"));
    assert_eq!(status_of(&c, id), "inactive");
    body(c.action(&sid, "resume", t0()));
    assert_eq!(dialer.placed.lock().unwrap().len(), 2);
    dialer.end(2, "busy", None);
    assert_eq!(status_of(&c, id), "finished");
    let (_, code, _) = refusal(c.add_contacts(
        &sid,
        json!({"contacts": phones(1)}).to_string().as_bytes(),
        None,
        t0(),
    ));
    assert_eq!(code, "CAMPAIGN_FINISHED");
}

#[test]
fn without_a_dialer_every_contact_fails() {
    let c = Campaigns::new(Arc::new(NoDialer));
    let id = create(&c, &phone_campaign());
    add(&c, id, phones(2));
    let activated = body(c.action(&id.to_string(), "activate", t0()));
    assert_eq!(activated["campaign"]["status"], "finished");
    let contact = body(c.get_contact(&id.to_string(), "1", t0()));
    assert_eq!(contact["contact"]["status"], "failed");
}

#[test]
fn every_status_change_is_told_as_a_campaign_status_changed_event() {
    let dialer = Arc::new(FakeDialer::default());
    let events: Arc<Mutex<Vec<Value>>> = Arc::default();
    let c = {
        let events = events.clone();
        Campaigns::new(dialer.clone()).on_status_change(move |e| events.lock().unwrap().push(e))
    };
    let id = create(&c, &phone_campaign());
    let sid = id.to_string();
    add(&c, id, phones(1));
    add(&c, id, phones(2)); // ready already: no event
    body(c.action(&sid, "activate", t0()));
    body(c.action(&sid, "pause", t0()));
    body(c.action(&sid, "pause", t0())); // a no-op: no event
    body(c.action(&sid, "resume", t0()));
    body(c.action(&sid, "archive", t0())); // a flag, not a status
    dialer.end(1, "ended", Some("human"));
    dialer.end(2, "busy", None);
    body(c.list(&[], t0())); // the list reads the calls' ends too
    let events = events.lock().unwrap();
    let moves: Vec<(String, String)> = events
        .iter()
        .map(|e| {
            let campaign = &e["data"]["campaign"];
            (
                campaign["previous_status"].as_str().unwrap().to_owned(),
                campaign["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("pending", "ready"),
        ("ready", "active"),
        ("active", "inactive"),
        ("inactive", "active"),
        ("active", "finished"),
    ];
    assert_eq!(
        moves,
        expected.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec()
    );
    let last = events.last().unwrap();
    assert_eq!(last["event_type"], "campaign.status_changed");
    assert_eq!(last["api_version"], "1.0");
    assert_eq!(last["occurred_at"], "2026-11-27T08:00:00Z");
    assert!(last["event_id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(last["data"]["campaign"]["id"], id);
    assert_eq!(last["data"]["campaign"]["name"], "Renewals");
    assert_eq!(last["data"]["analytics"]["calls"], 2);
    assert_ne!(events[0]["event_id"], events[1]["event_id"]);
}

#[test]
fn a_whatsapp_campaign_delivers_its_message_and_places_no_call() {
    let (c, dialer) = sandbox();
    let id = create(&c, &whatsapp_campaign());
    let sid = id.to_string();
    add(&c, id, phones(2));
    let activated = body(c.action(&sid, "activate", t0()));
    assert!(dialer.placed.lock().unwrap().is_empty());
    let campaign = &activated["campaign"];
    assert_eq!(campaign["status"], "finished");
    assert_eq!(campaign["analytics"]["contactsDelivered"], 2);
    assert_eq!(campaign["analytics"]["contactsDeliveredRate"], 1.0);
    assert_eq!(campaign["analytics"]["calls"], 0);
    let contact = body(c.get_contact(&sid, "1", t0()));
    assert_eq!(contact["contact"]["status"], "delivered");
    assert_eq!(contact["contact"]["call_count"], 0);
    let phone = create(&c, &phone_campaign()).to_string();
    assert!(
        body(c.get(&phone, t0()))["campaign"]["analytics"]
            .get("contactsDelivered")
            .is_none()
    );
}
