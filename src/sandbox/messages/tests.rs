use std::time::{Duration, UNIX_EPOCH};

use super::*;

const ADA: &str = "6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";
const BOB: &str = "0e2a9f7c-1b3d-4e5f-8a6b-7c8d9e0f1a2b";

/// 2026-11-27T08:00:00Z.
fn at(offset_seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_766_400 + offset_seconds)
}

fn end_users(id: &str) -> Option<Value> {
    let name = match id {
        ADA => "Ada",
        BOB => "Bob",
        _ => return None,
    };
    Some(json!({"id": id, "display_name": name, "integration_type": "api"}))
}

fn send_body(agent: &str, end_user: &str, content: &str) -> Vec<u8> {
    json!({"agent_id": agent, "end_user_id": end_user, "content": content})
        .to_string()
        .into_bytes()
}

fn json_of(outcome: Outcome) -> Value {
    match outcome {
        Ok(Reply::Json(200, body)) => body,
        other => panic!("expected 200 with JSON, got {other:?}"),
    }
}

fn error_of(outcome: Outcome) -> (u16, String) {
    match outcome {
        Err(error) => {
            assert_eq!(error.body["error"], json!(error.status), "{error:?}");
            (
                error.status,
                error.body["message"].as_str().unwrap().to_owned(),
            )
        }
        Ok(reply) => panic!("expected an error, got {reply:?}"),
    }
}

#[test]
fn a_message_gets_one_ai_reply_repeating_it_in_the_spec_shape() {
    let messages = Messages::new();
    let body = json_of(messages.send(
        &send_body(SANDBOX_AGENT_ID, ADA, "Hello"),
        &end_users,
        at(0),
    ));
    let thread_id = body["thread"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        body,
        json!({
            "thread": {
                "id": thread_id,
                "agent": {"id": SANDBOX_AGENT_ID, "name": "Sandbox Agent"},
                "end_user": {"id": ADA, "display_name": "Ada", "integration_type": "api"},
                "integration": {"id": "int_whatsapp", "type": "whatsapp"},
                "updated_at": "2026-11-27T08:00:00Z",
                "active": true,
                "blocked": false,
                "tags": [],
                "assigned_to": [],
            },
            "messages": [{
                "thread_id": thread_id,
                "type": "text",
                "content": "You said: Hello",
                "sent_by": "AI",
                "sent_at": "2026-11-27T08:00:00Z",
                "read": false,
            }],
            "in_response_to": {
                "thread_id": thread_id,
                "type": "text",
                "content": "Hello",
                "sent_by": "EU",
                "sent_at": "2026-11-27T08:00:00Z",
                "read": true,
            },
        })
    );
    // The spec's key order, for people reading the JSON.
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["thread", "messages", "in_response_to"]);
}

#[test]
fn one_thread_per_agent_and_enduser_pair() {
    let messages = Messages::new();
    let send = |who, text, t| {
        json_of(messages.send(&send_body(SANDBOX_AGENT_ID, who, text), &end_users, at(t)))
    };
    let first = send(ADA, "one", 0)["thread"]["id"].clone();
    let second = send(ADA, "two", 5)["thread"]["id"].clone();
    let other = send(BOB, "hi", 7)["thread"]["id"].clone();
    assert_eq!(first, second);
    assert_ne!(first, other);
    let listed = json_of(messages.list(first.as_str().unwrap()));
    let lines: Vec<(String, String, String)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["sent_by"].as_str().unwrap().to_owned(),
                m["content"].as_str().unwrap().to_owned(),
                m["sent_at"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let line = |by: &str, text: &str, time: &str| (by.into(), text.into(), time.into());
    assert_eq!(
        lines,
        [
            line("EU", "one", "2026-11-27T08:00:00Z"),
            line("AI", "You said: one", "2026-11-27T08:00:00Z"),
            line("EU", "two", "2026-11-27T08:00:05Z"),
            line("AI", "You said: two", "2026-11-27T08:00:05Z"),
        ]
    );
    assert_eq!(
        json_of(messages.list(other.as_str().unwrap()))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let thread = json_of(messages.thread(first.as_str().unwrap(), &end_users));
    assert_eq!(thread["updated_at"], "2026-11-27T08:00:05Z");
    assert_eq!(thread["end_user"]["display_name"], "Ada");
}

#[test]
fn concurrent_first_messages_share_one_thread() {
    let messages = Messages::new();
    let ids: Vec<Value> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|n| {
                let messages = &messages;
                scope.spawn(move || {
                    let body = send_body(SANDBOX_AGENT_ID, ADA, &format!("m{n}"));
                    json_of(messages.send(&body, &end_users, at(n)))["thread"]["id"].clone()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    let listed = json_of(messages.list(ids[0].as_str().unwrap()));
    assert_eq!(listed.as_array().unwrap().len(), 16);
}

#[test]
fn the_thread_shows_the_enduser_as_it_is_now() {
    let messages = Messages::new();
    let id = json_of(messages.send(&send_body(SANDBOX_AGENT_ID, ADA, "hi"), &end_users, at(0)))
        ["thread"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let renamed = |_: &str| Some(json!({"id": ADA, "display_name": "Ada L."}));
    assert_eq!(
        json_of(messages.thread(&id, &renamed))["end_user"]["display_name"],
        "Ada L."
    );
    let gone = |_: &str| None;
    assert_eq!(
        json_of(messages.thread(&id, &gone))["end_user"]["display_name"],
        "Ada"
    );
}

#[test]
fn ids_are_matched_without_regard_to_case() {
    let messages = Messages::new();
    let upper = SANDBOX_AGENT_ID.to_ascii_uppercase();
    let by_case = |id: &str| end_users(&id.to_ascii_lowercase());
    let first = json_of(messages.send(&send_body(&upper, ADA, "a"), &by_case, at(0)));
    let ada_upper = ADA.to_ascii_uppercase();
    let second = json_of(messages.send(
        &send_body(SANDBOX_AGENT_ID, &ada_upper, "b"),
        &by_case,
        at(1),
    ));
    assert_eq!(first["thread"]["id"], second["thread"]["id"]);
    assert_eq!(second["thread"]["agent"]["id"], SANDBOX_AGENT_ID);
    assert_eq!(second["thread"]["end_user"]["id"], ADA);
    let id = first["thread"]["id"].as_str().unwrap().to_ascii_uppercase();
    assert_eq!(json_of(messages.list(&id)).as_array().unwrap().len(), 4);
    assert_eq!(
        json_of(messages.thread(&id, &by_case))["id"],
        first["thread"]["id"]
    );
}

#[test]
fn unknown_threads_are_404() {
    let messages = Messages::new();
    assert_eq!(
        error_of(messages.list("nope")),
        (404, "no thread with id 'nope'".to_owned())
    );
    assert_eq!(error_of(messages.thread("nope", &end_users)).0, 404);
}

#[test]
fn unicode_and_multi_line_content_is_kept_as_sent() {
    let messages = Messages::new();
    let text = "Hola, ¿qué tal? 👋\n第二行\n\ttabs and \"quotes\"";
    let body = json_of(messages.send(&send_body(SANDBOX_AGENT_ID, ADA, text), &end_users, at(0)));
    assert_eq!(body["in_response_to"]["content"], text);
    assert_eq!(body["messages"][0]["content"], format!("You said: {text}"));
}

#[test]
fn bad_requests_are_400_with_the_reason() {
    let messages = Messages::new();
    let send = |body: &str| error_of(messages.send(body.as_bytes(), &end_users, at(0)));
    let agent = SANDBOX_AGENT_ID;
    assert!(send("nope").1.starts_with("the body is not valid JSON"));
    assert_eq!(send("[]").1, "the body must be a JSON object, not an array");
    assert_eq!(
        send(&format!(r#"{{"end_user_id":"{ADA}","content":"x"}}"#)),
        (400, "agent_id is required".to_owned())
    );
    assert_eq!(
        send(&format!(r#"{{"agent_id":"{agent}","content":"x"}}"#)).1,
        "end_user_id is required"
    );
    assert_eq!(
        send(&format!(
            r#"{{"agent_id":"{agent}","end_user_id":"{ADA}"}}"#
        ))
        .1,
        "content is required"
    );
    assert_eq!(
        send(&format!(
            r#"{{"agent_id":"{agent}","end_user_id":"{ADA}","content":" \n"}}"#
        ))
        .1,
        "content must not be blank"
    );
    assert_eq!(
        send(&format!(
            r#"{{"agent_id":"{agent}","end_user_id":"{ADA}","content":7}}"#
        ))
        .1,
        "content must be a string, not a number"
    );
    assert_eq!(
        send(&format!(
            r#"{{"agent_id":"{agent}","end_user_id":"{ADA}","content":"x","to":1}}"#
        ))
        .1,
        "unknown field 'to' (known fields: agent_id, end_user_id, content)"
    );
    let other_agent = send(&format!(
        r#"{{"agent_id":"ag_1","end_user_id":"{ADA}","content":"x"}}"#
    ));
    assert_eq!(other_agent.0, 400);
    assert!(
        other_agent.1.starts_with("no agent with id 'ag_1'"),
        "{}",
        other_agent.1
    );
    let stranger = "00000000-0000-4000-8000-000000000000";
    assert_eq!(
        send(&format!(
            r#"{{"agent_id":"{agent}","end_user_id":"{stranger}","content":"x"}}"#
        )),
        (400, format!("no EndUser with id '{stranger}'"))
    );
    // Nothing refused was stored: no thread exists for Ada yet.
    let first = json_of(messages.send(&send_body(agent, ADA, "x"), &end_users, at(0)));
    let thread_id = first["thread"]["id"].as_str().unwrap();
    assert_eq!(
        json_of(messages.list(thread_id)).as_array().unwrap().len(),
        2
    );
}

#[test]
fn the_legacy_chatbot_id_is_accepted() {
    let messages = Messages::new();
    let body =
        format!(r#"{{"chatbot_id":"{SANDBOX_AGENT_ID}","end_user_id":"{ADA}","content":"x"}}"#);
    let answer = json_of(messages.send(body.as_bytes(), &end_users, at(0)));
    assert_eq!(answer["thread"]["agent"]["id"], SANDBOX_AGENT_ID);
    let both = format!(
        r#"{{"agent_id":"{SANDBOX_AGENT_ID}","chatbot_id":"{SANDBOX_AGENT_ID}","end_user_id":"{ADA}","content":"x"}}"#
    );
    assert_eq!(
        error_of(messages.send(both.as_bytes(), &end_users, at(0))).0,
        400
    );
}

#[test]
fn rfc3339_dates() {
    assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
    assert_eq!(rfc3339(at(0)), "2026-11-27T08:00:00Z");
    // A leap day and the last second of a year.
    let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
    assert_eq!(rfc3339(leap), "2000-02-29T00:00:00Z");
    let new_year_eve = UNIX_EPOCH + Duration::from_secs(1_704_067_199);
    assert_eq!(rfc3339(new_year_eve), "2023-12-31T23:59:59Z");
}
