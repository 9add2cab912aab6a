use serde_json::{Map, Value, json};

use super::*;

fn rule(days: &[usize], start: &str, stop: &str) -> ScheduleRule {
    ScheduleRule {
        days: days.to_vec(),
        start: start.into(),
        stop: stop.into(),
    }
}

#[test]
fn schedules_name_days_ranges_and_lists() {
    assert_eq!(
        parse_schedule("mon-fri 09:00-18:00"),
        Ok(rule(&[0, 1, 2, 3, 4], "09:00", "18:00"))
    );
    assert_eq!(
        parse_schedule("sat 10:00-14:00"),
        Ok(rule(&[5], "10:00", "14:00"))
    );
    assert_eq!(
        parse_schedule("  Mon,wed,FRI   9:30-24:00 "),
        Ok(rule(&[0, 2, 4], "09:30", "24:00"))
    );
    assert_eq!(
        parse_schedule("saturday-sunday 00:00-23:59"),
        Ok(rule(&[5, 6], "00:00", "23:59"))
    );
    assert_eq!(
        parse_schedule("mon-wed,sat 08:00-12:00").unwrap().days,
        vec![0, 1, 2, 5]
    );
}

#[test]
fn schedule_errors_say_what_is_wrong() {
    let error = |text: &str| parse_schedule(text).unwrap_err();
    let e = error("mon-fri 18:00-09:00");
    assert!(e.contains("18:00-09:00 ends before it starts"), "{e}");
    assert!(e.contains("cannot cross midnight"), "{e}");
    let e = error("funday 09:00-10:00");
    assert_eq!(
        e,
        "unknown day 'funday': days are mon, tue, wed, thu, fri, sat, sun"
    );
    assert!(error("fri-mon 09:00-10:00").contains("runs backwards"));
    assert!(error("mon,mon 09:00-10:00").contains("names mon twice"));
    assert!(error("mon-fri").contains("expected days and hours"));
    assert!(error("mon-fri 09:00 18:00").contains("expected days and hours"));
    assert!(error("").contains("expected days and hours"));
    assert!(error("mon 0900-1800").contains("'0900' is not a time"));
    assert!(error("mon 09:00").contains("'09:00' is not a time range"));
    assert!(error("mon 09:00-25:00").contains("'25:00' is not a time"));
    assert!(error("mon 09:60-10:00").contains("'09:60' is not a time"));
    assert!(
        error("mon 24:00-24:00").contains("'24:00' is not a time"),
        "24:00 stops only"
    );
    assert!(error("mon 09:00-09:00").contains("ends before it starts"));
    assert!(error("mon 9:5-10:00").contains("is not a time"));
}

#[test]
fn schedules_build_the_week_with_unnamed_days_off() {
    let week = scheduling(&["mon-fri 09:00-18:00".into(), "sat 10:00-14:00".into()]).unwrap();
    assert_eq!(
        Value::Object(week),
        json!({
            "mon": {"startTime": "09:00", "stopTime": "18:00", "active": true},
            "tue": {"startTime": "09:00", "stopTime": "18:00", "active": true},
            "wed": {"startTime": "09:00", "stopTime": "18:00", "active": true},
            "thu": {"startTime": "09:00", "stopTime": "18:00", "active": true},
            "fri": {"startTime": "09:00", "stopTime": "18:00", "active": true},
            "sat": {"startTime": "10:00", "stopTime": "14:00", "active": true},
            "sun": {"startTime": "09:00", "stopTime": "18:00", "active": false},
        })
    );
    let overlap = scheduling(&["mon-fri 09:00-12:00".into(), "fri 14:00-18:00".into()]);
    let message = overlap.unwrap_err().message;
    assert!(message.contains("fri is in two schedules"), "{message}");
    let bad = scheduling(&["funday 09:00-10:00".into()]).unwrap_err();
    assert_eq!(bad.kind, crate::error::Kind::Input);
    assert!(
        bad.message.starts_with("--schedule: unknown day 'funday'"),
        "{}",
        bad.message
    );
}

fn phone_flags() -> CampaignFields {
    CampaignFields {
        name: Some("Renewals".into()),
        agent: Some("11111111-1111-4111-8111-111111111111".into()),
        integration_id: Some("int_phone".into()),
        channel: Some("phone_call".into()),
        ..CampaignFields::default()
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("{other}"),
    }
}

fn input_error(result: Result<Map<String, Value>>) -> String {
    let error = result.unwrap_err();
    assert_eq!(error.kind, crate::error::Kind::Input);
    error.message
}

#[test]
fn create_bodies_from_flags_are_snake_case() {
    let flags = CampaignFields {
        description: Some("Q4".into()),
        timezone: Some("America/Bogota".into()),
        contact_retries: Some(3),
        message_limit: Some(500),
        first_message: Some("Hola".into()),
        schedules: vec!["mon 09:00-10:00".into()],
        ..phone_flags()
    };
    let body = Value::Object(create_body(None, &flags).unwrap());
    assert_eq!(body["name"], "Renewals");
    assert_eq!(body["agent_id"], "11111111-1111-4111-8111-111111111111");
    assert_eq!(body["integration_id"], "int_phone");
    assert_eq!(body["integration_type"], "phone_call");
    assert_eq!(body["description"], "Q4");
    assert_eq!(body["timezone"], "America/Bogota");
    assert_eq!(body["retries"], 3);
    assert_eq!(body["message_limit"], 500);
    assert_eq!(body["first_message"], "Hola");
    assert_eq!(body["scheduling"]["mon"]["active"], true);
    assert_eq!(body["scheduling"]["tue"]["active"], false);
    let minimal = create_body(None, &phone_flags()).unwrap();
    assert_eq!(
        minimal.keys().collect::<Vec<_>>(),
        ["agent_id", "integration_id", "integration_type", "name"],
        "only the fields given"
    );
}

#[test]
fn create_takes_input_with_flags_over_it() {
    let input = object(json!({
        "name": "From file",
        "agent_id": "agent-1",
        "integration_id": "int_phone",
        "integration_type": "phone_call",
        "cycles": {"enabled": true, "mode": "cooldown", "cooldown_minutes": 60},
        "scheduling": {"mon": {"startTime": "08:00", "stopTime": "09:00", "active": true}},
    }));
    let flags = CampaignFields {
        name: Some("From flag".into()),
        schedules: vec!["tue 10:00-11:00".into()],
        ..CampaignFields::default()
    };
    let body = Value::Object(create_body(Some(input), &flags).unwrap());
    assert_eq!(body["name"], "From flag");
    assert_eq!(body["agent_id"], "agent-1");
    assert_eq!(body["cycles"]["cooldown_minutes"], 60);
    assert_eq!(
        body["scheduling"]["mon"]["active"], false,
        "--schedule replaces the input's"
    );
    assert_eq!(body["scheduling"]["tue"]["active"], true);
}

#[test]
fn create_checks_ranges_and_channel_rules_before_sending() {
    let with = |change: fn(&mut CampaignFields)| {
        let mut flags = phone_flags();
        change(&mut flags);
        input_error(create_body(None, &flags))
    };
    assert!(with(|f| f.name = Some("x".repeat(256))).contains("1 to 255 characters, not 256"));
    assert!(with(|f| f.name = Some(" ".into())).contains("1 to 255"));
    assert!(
        with(|f| f.contact_retries = Some(6))
            .contains("--contact-retries (retries) must be an integer from 0 to 5, not 6")
    );
    assert!(with(|f| f.contact_retries = Some(-1)).contains("0 to 5"));
    assert!(with(|f| f.message_limit = Some(0)).contains("1 to 10000"));
    assert!(with(|f| f.message_limit = Some(10_001)).contains("1 to 10000"));
    assert_eq!(
        with(|f| f.template = Some("t".into())),
        "--template is for whatsapp campaigns only, and this one is phone_call"
    );
    assert!(with(|f| f.template_alt = Some("t".into())).contains("--template-alt is for whatsapp"));
    assert!(
        with(|f| {
            f.channel = Some("whatsapp".into());
            f.integration_id = Some("int_whatsapp".into());
            f.first_message = Some("Hi".into());
        })
        .contains("--first-message is for phone_call campaigns only")
    );
    assert!(with(|f| f.channel = Some("sms".into())).contains("phone_call or whatsapp, not 'sms'"));
    assert!(with(|f| f.agent = Some("a/b".into())).contains("not a valid agent_id"));
    assert!(with(|f| f.name = None).contains("give --name"));
    assert!(with(|f| f.agent = None).contains("give --agent"));
    assert!(with(|f| f.channel = None).contains("give --channel"));
    assert!(
        with(|f| f.schedules = vec!["mon-fri 18:00-09:00".into()])
            .contains("ends before it starts")
    );

    let whatsapp_cycles = object(json!({"cycles": {"enabled": true}}));
    let flags = CampaignFields {
        channel: Some("whatsapp".into()),
        integration_id: Some("int_whatsapp".into()),
        ..phone_flags()
    };
    assert!(
        input_error(create_body(Some(whatsapp_cycles), &flags))
            .contains("cycles is for phone_call")
    );
    let unknown = object(json!({"colour": "red"}));
    assert!(
        input_error(create_body(Some(unknown), &phone_flags())).contains("unknown field 'colour'")
    );
    let wrong_type = object(json!({"retries": "3"}));
    assert!(
        input_error(create_body(Some(wrong_type), &phone_flags())).contains("0 to 5, not \"3\"")
    );
}

#[test]
fn update_sends_only_the_fields_given_and_refuses_immutable_ones() {
    let flags = CampaignFields {
        name: Some("New name".into()),
        ..CampaignFields::default()
    };
    assert_eq!(
        Value::Object(update_body(None, &flags).unwrap()),
        json!({"name": "New name"})
    );
    for field in IMMUTABLE_FIELDS {
        let input = object(json!({field: "x"}));
        let message = input_error(update_body(Some(input), &CampaignFields::default()));
        assert!(
            message.contains(&format!("--input sets {field}, which cannot change")),
            "{message}"
        );
    }
    let cycles = object(json!({"cycles": {"mode": "scheduled"}}));
    assert!(
        input_error(update_body(Some(cycles), &CampaignFields::default())).contains("cycles.mode")
    );
    let fine = object(json!({"cycles": {"max_iterations": 2}, "retries": 1}));
    assert_eq!(
        Value::Object(update_body(Some(fine), &CampaignFields::default()).unwrap()),
        json!({"cycles": {"max_iterations": 2}, "retries": 1})
    );
    assert!(
        input_error(update_body(None, &CampaignFields::default())).contains("nothing to update")
    );
    let both = CampaignFields {
        first_message: Some("Hi".into()),
        template: Some("t".into()),
        ..CampaignFields::default()
    };
    assert!(input_error(update_body(None, &both)).contains("one channel"));
    let retries = CampaignFields {
        contact_retries: Some(9),
        ..CampaignFields::default()
    };
    assert!(input_error(update_body(None, &retries)).contains("0 to 5"));
}

#[test]
fn numeric_and_opaque_ids() {
    assert_eq!(crate::ids::checked_positive("campaign", "42").unwrap(), 42);
    for bad in [
        "0",
        "-1",
        "+3",
        "4.2",
        "abc",
        "",
        "42 ",
        "99999999999999999999999",
    ] {
        assert!(
            crate::ids::checked_positive("campaign", bad).is_err(),
            "{bad}"
        );
    }
    assert!(crate::ids::checked_opaque("agent_id", "agt_123-abc").is_ok());
    for bad in ["", "a/b", "a?b", "a#b", "a b", "a\tb", ".."] {
        assert!(
            crate::ids::checked_opaque("agent_id", bad).is_err(),
            "{bad:?}"
        );
    }
}

#[test]
fn api_error_codes_in_words() {
    let explain = |status, body: Value, action| {
        explain_api_error(status, &body, "campaign 42", action).unwrap()
    };
    assert_eq!(
        explain(
            409,
            json!({"error": "INVALID_STATUS_TRANSITION", "message": "m", "current_status": "pending", "valid_targets": ["active"]}),
            "pause"
        ),
        "cannot pause campaign 42: its status is pending, from which the valid actions are: \
         activate, archive (HTTP 409 INVALID_STATUS_TRANSITION)"
    );
    let paused = explain(
        409,
        json!({"error": "INVALID_STATUS_TRANSITION", "current_status": "inactive", "valid_targets": ["active"]}),
        "activate",
    );
    assert!(
        paused
            .contains("its status is inactive, from which the valid actions are: resume, archive"),
        "{paused}"
    );
    let finished = explain(
        409,
        json!({"error": "INVALID_STATUS_TRANSITION", "current_status": "finished", "valid_targets": []}),
        "resume",
    );
    assert!(
        finished.contains("valid actions are: archive"),
        "{finished}"
    );
    let as_actions = explain(
        409,
        json!({"error": "INVALID_STATUS_TRANSITION", "current_status": "cooldown", "valid_targets": ["activate", "pause"]}),
        "resume",
    );
    assert!(
        as_actions.contains("activate, pause, archive"),
        "{as_actions}"
    );
    let billing = explain(
        402,
        json!({"error": "BILLING_LIMIT_REACHED", "message": "limit"}),
        "activate",
    );
    assert!(billing.starts_with("cannot activate campaign 42: limit (HTTP 402 BILLING_LIMIT_REACHED); the organization's billing limit was reached"), "{billing}");
    let billing = explain(402, json!({"error": "BILLING_LIMIT_REACHED"}), "activate");
    assert!(billing.starts_with("cannot activate campaign 42: the organization's billing limit was reached (HTTP 402 BILLING_LIMIT_REACHED)"), "{billing}");
    assert!(
        explain(409, json!({"error": "CAMPAIGN_FINISHED"}), "update")
            .contains("finished campaigns are read-only")
    );
    assert!(
        explain(
            400,
            json!({"error": "IMMUTABLE_FIELD", "field": "cycles.mode"}),
            "update"
        )
        .contains("cycles.mode is fixed")
    );
    assert!(
        explain(400, json!({"error": "CYCLES_NOT_ENABLED"}), "update")
            .contains("cycles are not enabled")
    );
    assert!(
        explain(400, json!({"error": "SCHEDULED_MODE_ONLY"}), "update")
            .contains("scheduled mode only")
    );
    assert_eq!(
        explain(
            400,
            json!({"error": "INVALID_REQUEST", "message": "name is required"}),
            "create"
        ),
        "cannot create campaign 42: name is required (HTTP 400 INVALID_REQUEST)"
    );
    let contact = explain_api_error(
        409,
        &json!({"error": "CONTACT_NOT_DELETABLE", "current_status": "answered"}),
        "contact 7 of campaign 42",
        "delete",
    )
    .unwrap();
    assert_eq!(
        contact,
        "cannot delete contact 7 of campaign 42: only contacts in queue or failed status can be \
         deleted (this one is answered) (HTTP 409 CONTACT_NOT_DELETABLE)"
    );
    assert_eq!(
        explain_api_error(
            404,
            &json!({"error": 404, "message": "x"}),
            "campaign 42",
            "get"
        ),
        None
    );
}
