use super::seeded::SEEDED_CALLS;
use super::*;
use crate::sandbox::domain::{PHONE_INTEGRATION_ID, SANDBOX_AGENT_NAME};
use serde_json::{Map, json};
use std::time::UNIX_EPOCH;

/// 2026-11-27T08:00:00Z.
fn t0() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_766_400)
}

fn after(millis: u64) -> SystemTime {
    t0() + Duration::from_millis(millis)
}

fn sandbox() -> Calls {
    Calls::new(Duration::from_secs(DEFAULT_CALL_SECONDS), t0())
}

fn json_of(outcome: Outcome) -> Value {
    match outcome {
        Ok(Reply::Json(200, body)) => body,
        other => panic!("expected a JSON 200, got {other:?}"),
    }
}

fn error_of(outcome: Outcome) -> (u16, String) {
    match outcome {
        Err(e) => (e.status, e.body["message"].as_str().unwrap().to_owned()),
        Ok(reply) => panic!("expected an error, got {reply:?}"),
    }
}

fn start(calls: &Calls, phone: &str) -> String {
    let body = json!({"agent_id": SANDBOX_AGENT_ID, "phone_number_to": phone});
    let call = json_of(calls.start(body.to_string().as_bytes(), t0()));
    call["id"].as_str().unwrap().to_owned()
}

fn status_at(calls: &Calls, id: &str, millis: u64) -> String {
    json_of(calls.get(id, after(millis)))["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn an_answered_call_walks_every_status_over_the_call_length() {
    let calls = sandbox();
    let id = start(&calls, "+525512345678");
    assert!(id.starts_with("cll_"), "{id}");
    let walk: Vec<String> = [0, 499, 500, 999, 1000, 2999, 3000, 60_000]
        .iter()
        .map(|ms| status_at(&calls, &id, *ms))
        .collect();
    assert_eq!(
        walk,
        [
            "queued",
            "queued",
            "ringing",
            "ringing",
            "in-progress",
            "in-progress",
            "ended",
            "ended"
        ]
    );
}

#[test]
fn an_ended_call_has_who_answered_its_times_and_durations() {
    let calls = sandbox();
    let id = start(&calls, "+525512345678");
    let queued = json_of(calls.get(&id, t0()));
    for absent in [
        "answered_by",
        "started_at",
        "ended_at",
        "duration",
        "billable_duration",
        "recording_url",
    ] {
        assert!(queued.get(absent).is_none(), "{absent} in {queued}");
    }
    let talking = json_of(calls.get(&id, after(1500)));
    assert_eq!(talking["answered_by"], "human");
    assert_eq!(talking["started_at"], "2026-11-27T08:00:01Z");
    assert!(talking.get("ended_at").is_none());
    let ended = json_of(calls.get(&id, after(3000)));
    assert_eq!(ended["status"], "ended");
    assert_eq!(ended["type"], "outbound");
    assert_eq!(ended["answered_by"], "human");
    assert_eq!(ended["created_at"], "2026-11-27T08:00:00Z");
    assert_eq!(ended["started_at"], "2026-11-27T08:00:01Z");
    assert_eq!(ended["ended_at"], "2026-11-27T08:00:03Z");
    assert_eq!(ended["duration"], 2);
    assert_eq!(ended["billable_duration"], 60);
    assert_eq!(ended["phone_number_to"], "+525512345678");
    assert_eq!(
        ended["recording_url"],
        format!("/api/v1.0/call/{id}/recording")
    );
    assert_eq!(ended["thread"]["agent"]["id"], SANDBOX_AGENT_ID);
    assert_eq!(ended["thread"]["agent"]["name"], SANDBOX_AGENT_NAME);
    assert_eq!(ended["thread"]["end_user"]["display_name"], "+525512345678");
    assert_eq!(ended["thread"]["integration"]["id"], PHONE_INTEGRATION_ID);
}

#[test]
fn busy_and_no_answer_numbers_ring_then_end_without_a_recording() {
    let calls = sandbox();
    let busy = start(&calls, "+525512340000");
    let silent = start(&calls, "+525512349999");
    for (id, last) in [(&busy, "busy"), (&silent, "no-answer")] {
        assert_eq!(status_at(&calls, id, 600), "ringing");
        assert_eq!(status_at(&calls, id, 2000), "ringing");
        let ended = json_of(calls.get(id, after(3000)));
        assert_eq!(ended["status"], last);
        assert!(ended.get("answered_by").is_none());
        assert!(ended.get("recording_url").is_none());
        assert_eq!(ended["duration"], 0);
        assert_eq!(ended["billable_duration"], 0);
        let (status, message) = error_of(calls.recording(id, after(3000)));
        assert_eq!(status, 404);
        assert!(message.contains(&format!("ended {last} without being answered")));
    }
}

#[test]
fn the_call_length_is_configurable_and_zero_ends_at_once() {
    let calls = Calls::new(Duration::from_secs(60), t0());
    let id = start(&calls, "+525512345678");
    assert_eq!(status_at(&calls, &id, 9_999), "queued");
    assert_eq!(status_at(&calls, &id, 10_000), "ringing");
    assert_eq!(status_at(&calls, &id, 20_000), "in-progress");
    let ended = json_of(calls.get(&id, after(60_000)));
    assert_eq!(
        (
            ended["duration"].as_u64(),
            ended["billable_duration"].as_u64()
        ),
        (Some(40), Some(60))
    );
    let instant = Calls::new(Duration::ZERO, t0());
    let id = start(&instant, "+525512345678");
    assert_eq!(status_at(&instant, &id, 0), "ended");
}

#[test]
fn a_clock_that_goes_back_sees_a_queued_call() {
    let calls = sandbox();
    let id = start(&calls, "+525512345678");
    let earlier = json_of(calls.get(&id, t0() - Duration::from_secs(5)));
    assert_eq!(earlier["status"], "queued");
}

#[test]
fn the_recording_is_a_valid_wav_once_the_call_ended() {
    let calls = sandbox();
    let id = start(&calls, "+525512345678");
    let (status, message) = error_of(calls.recording(&id, after(1500)));
    assert_eq!(status, 404);
    assert!(message.contains("still in-progress"), "{message}");
    let Ok(Reply::Bytes { content_type, data }) = calls.recording(&id, after(3000)) else {
        panic!("no recording");
    };
    assert_eq!(content_type, "audio/wav");
    assert_eq!(&data[..4], b"RIFF");
    assert_eq!(&data[8..16], b"WAVEfmt ");
    let riff_len = u32::from_le_bytes(data[4..8].try_into().unwrap()) as usize;
    assert_eq!(riff_len + 8, data.len());
    assert_eq!(&data[36..40], b"data");
    let data_len = u32::from_le_bytes(data[40..44].try_into().unwrap()) as usize;
    assert_eq!(44 + data_len, data.len());
    assert!(
        (1024..16 * 1024).contains(&data.len()),
        "{} bytes",
        data.len()
    );
    // A tone, not silence, and not clipped.
    let samples: Vec<i16> = data[44..]
        .chunks(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    let loudest = samples.iter().map(|s| s.unsigned_abs()).max().unwrap();
    assert!((7_000..=8_000).contains(&loudest), "{loudest}");
    assert_eq!(samples[0], 0);
    let (status, _) = error_of(calls.recording("cll_nope", after(3000)));
    assert_eq!(status, 404);
}

#[test]
fn start_checks_the_body_like_the_api() {
    let calls = sandbox();
    let refuse = |body: &str| error_of(calls.start(body.as_bytes(), t0()));
    let agent = SANDBOX_AGENT_ID;
    assert_eq!(refuse("[]").0, 400);
    assert_eq!(refuse("{").0, 400);
    assert_eq!(
        refuse(r#"{"phone_number_to":"+525512345678"}"#),
        (400, "agent_id is required".into())
    );
    assert_eq!(
        refuse(&format!(r#"{{"agent_id":"{agent}"}}"#)),
        (400, "phone_number_to is required".into())
    );
    for bad in ["525512345678", "+52 55 1234 5678", "+1234567", ""] {
        let (status, message) = refuse(&format!(
            r#"{{"agent_id":"{agent}","phone_number_to":"{bad}"}}"#
        ));
        assert_eq!(status, 400);
        assert!(message.contains("E.164"), "{message}");
    }
    let (status, message) = refuse(
        r#"{"agent_id":"22222222-2222-4222-8222-222222222222","phone_number_to":"+525512345678"}"#,
    );
    assert_eq!(status, 404);
    assert!(message.contains("22222222-2222-4222-8222-222222222222"));
    let (status, message) = refuse(&format!(
        r#"{{"agent_id":"{agent}","phone_number_to":"+525512345678","to":"x"}}"#
    ));
    assert_eq!(status, 400);
    assert!(message.contains("unknown field 'to'"), "{message}");
    let (_, message) = refuse(&format!(
        r#"{{"agent_id":"{agent}","phone_number_to":"+525512345678","end_user_context":[1]}}"#
    ));
    assert_eq!(message, "end_user_context must be a string or an object");
    let (_, message) = refuse(&format!(
        r#"{{"agent_id":"{agent}","phone_number_to":"+525512345678","initial_message":1}}"#
    ));
    assert_eq!(message, "initial_message must be a string");
}

#[test]
fn start_keeps_the_optional_fields() {
    let calls = sandbox();
    let body = json!({
        "agent_id": SANDBOX_AGENT_ID,
        "phone_number_to": "+525512345678",
        "end_user_display_name": "Sofía",
        "end_user_context": {"plan": "gold"},
        "initial_message": "Hola",
    });
    let call = json_of(calls.start(body.to_string().as_bytes(), t0()));
    assert_eq!(call["status"], "queued");
    assert_eq!(call["thread"]["end_user"]["display_name"], "Sofía");
    assert_eq!(call["thread"]["end_user"]["info"], r#"{"plan":"gold"}"#);
    let body = json!({
        "agent_id": SANDBOX_AGENT_ID,
        "phone_number_to": "+525512345678",
        "end_user_context": "VIP",
    });
    let call = json_of(calls.start(body.to_string().as_bytes(), t0()));
    assert_eq!(call["thread"]["end_user"]["info"], "VIP");
}

#[test]
fn ids_are_unique_and_unknown_ones_are_404() {
    let calls = sandbox();
    let a = start(&calls, "+525512345678");
    let b = start(&calls, "+525512345678");
    assert_ne!(a, b);
    let (status, message) = error_of(calls.get("cll_missing", t0()));
    assert_eq!(status, 404);
    assert!(message.contains("cll_missing"));
    assert_eq!(calls.status(&a, after(3000)), Some(("ended", true)));
    assert_eq!(calls.status(&a, t0()), Some(("queued", false)));
    assert_eq!(calls.status("cll_missing", t0()), None);
}

#[test]
fn the_seeded_campaign_lists_finished_calls_in_pages() {
    let calls = sandbox();
    assert!(calls.knows_campaign(SEEDED_CAMPAIGN_ID));
    assert!(!calls.knows_campaign(1));
    let page = |pairs: &[(&str, &str)]| {
        json_of(calls.list_for_campaign(SEEDED_CAMPAIGN_ID, &query(pairs), t0()))
    };
    let all = page(&[]);
    assert_eq!(all["total_count"], SEEDED_CALLS);
    assert_eq!(all["calls"].as_array().unwrap().len(), SEEDED_CALLS);
    assert_eq!(
        all["pagination"],
        json!({"page_index": 0, "page_size": 50, "has_next": false, "has_previous": false})
    );
    let first = page(&[("pageSize", "10")]);
    assert_eq!(
        first["pagination"],
        json!({"page_index": 0, "page_size": 10, "has_next": true, "has_previous": false, "next_page": 1})
    );
    let last = page(&[("pageSize", "10"), ("pageIndex", "2")]);
    assert_eq!(last["calls"].as_array().unwrap().len(), 4);
    assert_eq!(
        last["pagination"],
        json!({"page_index": 2, "page_size": 10, "has_next": false, "has_previous": true, "previous_page": 1})
    );
    let beyond = page(&[("pageSize", "10"), ("pageIndex", "3")]);
    assert_eq!(beyond["calls"], json!([]));
    assert_eq!(beyond["pagination"]["has_next"], false);
    // Pages concatenate to the whole listing.
    let mut paged = Vec::new();
    for index in 0..3 {
        let index = index.to_string();
        paged.extend(
            page(&[("pageSize", "10"), ("pageIndex", &index)])["calls"]
                .as_array()
                .unwrap()
                .clone(),
        );
    }
    assert_eq!(Value::Array(paged), all["calls"]);
    // Every seeded call is over, in creation order.
    let created: Vec<&str> = all["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["created_at"].as_str().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(created[0], "2026-11-27T06:00:00Z");
}

#[test]
fn a_campaign_call_has_the_spec_shape() {
    let calls = sandbox();
    let listing = json_of(calls.list_for_campaign(SEEDED_CAMPAIGN_ID, &[], t0()));
    let first = &listing["calls"][0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "type",
            "status",
            "answered_by",
            "created_at",
            "started_at",
            "ended_at",
            "duration",
            "billed_duration",
            "contact",
            "extracted_data",
            "tags",
            "recording_url"
        ]
    );
    assert_eq!(first["status"], "ended");
    assert_eq!(first["contact"]["id"], 1);
    assert_eq!(first["contact"]["f_id"], "crm-1001");
    assert_eq!(first["contact"]["name"], "Sofía Ramírez");
    assert_eq!(first["contact"]["status"], "answered");
    assert!(crate::phone::is_e164(
        first["contact"]["phone_number"].as_str().unwrap()
    ));
    let id = first["id"].as_str().unwrap();
    assert_eq!(
        first["recording_url"],
        format!("/api/v1.0/call/{id}/recording")
    );
    assert!(matches!(calls.recording(id, t0()), Ok(Reply::Bytes { .. })));
    // The same call through GET /call/{id}: billable_duration there.
    let call = json_of(calls.get(id, t0()));
    assert_eq!(call["billable_duration"], first["billed_duration"]);
    assert_eq!(call["duration"], first["duration"]);
}

#[test]
fn the_listing_filters_by_status_answered_by_and_dates() {
    let calls = sandbox();
    let count = |pairs: &[(&str, &str)]| {
        json_of(calls.list_for_campaign(SEEDED_CAMPAIGN_ID, &query(pairs), t0()))["total_count"]
            .as_u64()
            .unwrap()
    };
    let by_status: Vec<u64> = ["ended", "busy", "no-answer", "failed", "in-progress"]
        .iter()
        .map(|s| count(&[("status", s)]))
        .collect();
    // 24 seeded calls over a cycle of 10 endings: 7 answered, 1 busy, 1 no-answer, 1
    // failed per cycle.
    assert_eq!(by_status, [17, 3, 2, 2, 0]);
    assert_eq!(count(&[("answeredBy", "human")]), 12);
    assert_eq!(count(&[("answeredBy", "machine")]), 3);
    assert_eq!(count(&[("answeredBy", "unknown")]), 2);
    assert_eq!(count(&[("status", "ended"), ("answeredBy", "human")]), 12);
    // Created every 150 s from 06:00:00: 06:00:00 ... 06:57:30.
    assert_eq!(count(&[("startDate", "2026-11-27T06:30:00Z")]), 12);
    assert_eq!(count(&[("endDate", "2026-11-27T06:30:00Z")]), 12);
    assert_eq!(
        count(&[
            ("startDate", "2026-11-27T06:05:00Z"),
            ("endDate", "2026-11-27T06:10:00Z")
        ]),
        2
    );
    assert_eq!(count(&[("startDate", "2026-11-27T00:30:00-06:00")]), 12);
    assert_eq!(count(&[("startDate", "2026-11-28")]), 0);
    assert_eq!(count(&[("endDate", "2026-11-26")]), 0);
    // A date alone takes its whole day.
    assert_eq!(count(&[("endDate", "2026-11-27")]), 24);
    assert_eq!(
        count(&[("startDate", "2026-11-27"), ("endDate", "2026-11-27")]),
        24
    );
    assert_eq!(count(&[("unknown", "x")]), 24);
}

#[test]
fn the_listing_refuses_bad_query_values() {
    let calls = sandbox();
    let refuse = |pairs: &[(&str, &str)]| {
        error_of(calls.list_for_campaign(SEEDED_CAMPAIGN_ID, &query(pairs), t0()))
    };
    for pairs in [
        &[("status", "queued")][..],
        &[("answeredBy", "robot")],
        &[("startDate", "yesterday")],
        &[("endDate", "2026-02-30")],
        &[("pageSize", "0")],
        &[("pageSize", "101")],
        &[("pageSize", "ten")],
        &[("pageIndex", "-1")],
    ] {
        let (status, message) = refuse(pairs);
        assert_eq!(status, 400, "{pairs:?}");
        assert!(message.starts_with(pairs[0].0), "{message}");
    }
    assert_eq!(
        refuse(&[("pageSize", "101")]).1,
        "pageSize must be an integer from 1 to 100, not '101'"
    );
}

#[test]
fn a_campaign_places_calls_that_list_while_they_run() {
    let calls = Calls::new(Duration::from_secs(3), t0());
    let place = |contact_id: u64, phone: &str| {
        calls
            .place_call(
                Placement {
                    agent_id: SANDBOX_AGENT_ID.into(),
                    phone_number_to: phone.into(),
                    end_user_display_name: Some("Ana".into()),
                    end_user_context: None,
                    initial_message: Some("Hola".into()),
                    campaign: Some(CampaignContact {
                        campaign_id: 7,
                        contact_id,
                        f_id: None,
                        name: Some("Ana".into()),
                        extracted_data: Map::new(),
                        tags: vec![],
                    }),
                },
                t0(),
            )
            .unwrap()
    };
    assert!(!calls.knows_campaign(7));
    let answered = place(1, "+525512345678");
    let busy = place(2, "+525512340000");
    assert!(calls.knows_campaign(7));
    let listing = |millis, pairs: &[(&str, &str)]| {
        json_of(calls.list_for_campaign(7, &query(pairs), after(millis)))
    };
    let running = listing(1500, &[]);
    assert_eq!(running["total_count"], 2);
    assert_eq!(running["calls"][0]["id"], answered.as_str());
    assert_eq!(running["calls"][0]["status"], "in-progress");
    assert_eq!(running["calls"][0]["contact"]["status"], "sending");
    assert_eq!(running["calls"][0]["contact"]["f_id"], Value::Null);
    assert_eq!(running["calls"][1]["status"], "ringing");
    assert_eq!(
        listing(1500, &[("status", "in-progress")])["total_count"],
        1
    );
    let over = listing(3000, &[]);
    assert_eq!(over["calls"][0]["contact"]["status"], "answered");
    assert_eq!(over["calls"][1]["id"], busy.as_str());
    assert_eq!(over["calls"][1]["contact"]["status"], "busy");
    assert!(over["calls"][1].get("recording_url").is_none());
    // Other campaigns' calls never show.
    let seeded = json_of(calls.list_for_campaign(SEEDED_CAMPAIGN_ID, &[], after(3000)));
    assert_eq!(seeded["total_count"], SEEDED_CALLS);
    // A campaign without calls lists nothing.
    assert_eq!(
        json_of(calls.list_for_campaign(8, &[], t0()))["total_count"],
        0
    );
}

#[test]
fn the_sandbox_stops_growing_at_its_bounds() {
    let calls = sandbox();
    let context = "x".repeat(1024 * 1024 - 200);
    let body = json!({
        "agent_id": SANDBOX_AGENT_ID,
        "phone_number_to": "+525512345678",
        "end_user_context": context,
    })
    .to_string();
    let mut placed = 0;
    let refused = loop {
        match calls.start(body.as_bytes(), t0()) {
            Ok(_) => placed += 1,
            Err(e) => break e,
        }
        assert!(placed < 100, "never refused");
    };
    assert_eq!(refused.status, 503);
    assert!((60..64).contains(&placed), "{placed}");
    // What is left of the budget still takes small calls.
    assert!(
        calls
            .start(
                json!({"agent_id": SANDBOX_AGENT_ID, "phone_number_to": "+525512345678"})
                    .to_string()
                    .as_bytes(),
                t0()
            )
            .is_ok()
    );
}

#[test]
fn an_ended_calls_thread_holds_its_transcript_spread_over_the_conversation() {
    let calls = Calls::new(Duration::from_secs(30), t0());
    let body = json!({
        "agent_id": SANDBOX_AGENT_ID,
        "phone_number_to": "+525512345678",
        "initial_message": "Hola",
    });
    let call = json_of(calls.start(body.to_string().as_bytes(), t0()));
    let thread = call["thread"]["id"].as_str().unwrap().to_owned();
    // A thread of a call, known from the start, empty until the call ends.
    let messages = |millis| json_of(calls.messages(&thread, after(millis)).expect("a call's"));
    assert_eq!(messages(15_000), json!([]));
    let ended = messages(30_000);
    let lines = ended.as_array().unwrap();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["content"], "Hola");
    assert_eq!(lines[0]["sent_by"], "AI");
    assert_eq!(lines[1]["sent_by"], "EU");
    assert_eq!(lines[0]["thread_id"], thread.as_str());
    // Talk from 08:00:10 (answered at a third) to 08:00:30, a line every 4 s.
    let times: Vec<&str> = lines
        .iter()
        .map(|m| m["sent_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        times,
        [
            "2026-11-27T08:00:10Z",
            "2026-11-27T08:00:14Z",
            "2026-11-27T08:00:18Z",
            "2026-11-27T08:00:22Z",
            "2026-11-27T08:00:26Z"
        ]
    );
    let seen = json_of(calls.thread(&thread, after(30_000)).unwrap());
    assert_eq!(
        seen,
        json_of(calls.get(call["id"].as_str().unwrap(), t0()))["thread"]
    );
    let upper = json_of(
        calls
            .messages(&thread.to_ascii_uppercase(), after(30_000))
            .unwrap(),
    );
    assert_eq!(upper, ended, "thread ids compare case-insensitively");
    assert!(calls.messages("thr_unknown", t0()).is_none());
    assert!(calls.thread("thr_unknown", t0()).is_none());
}

#[test]
fn a_scenario_duration_sets_the_reported_times_and_ids_follow_the_seed() {
    let scenario = Scenario::parse(r#"{"duration": [120, 120]}"#).unwrap();
    let calls = Calls::drawing(Duration::from_secs(3), t0(), scenario, Draws::new(9));
    let id = start(&calls, "+525512345678");
    let ended = json_of(calls.get(&id, after(3000)));
    assert_eq!(ended["duration"], 120);
    assert_eq!(ended["billable_duration"], 120);
    assert_eq!(ended["started_at"], "2026-11-27T08:00:01Z");
    assert_eq!(ended["ended_at"], "2026-11-27T08:02:01Z");
    let again = Calls::drawing(
        Duration::from_secs(3),
        t0(),
        Scenario::default(),
        Draws::new(9),
    );
    assert_eq!(
        start(&again, "+525512345678"),
        id,
        "ids follow the seed alone"
    );
    let other = Calls::drawing(
        Duration::from_secs(3),
        t0(),
        Scenario::default(),
        Draws::new(10),
    );
    assert_ne!(start(&other, "+525512345678"), id);
}
