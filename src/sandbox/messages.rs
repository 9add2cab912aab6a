//! The sandbox's Messages and Threads (contract sections 14 and 19): `POST /message`,
//! `GET /message/{thread_id}` and `GET /thread/{id}`, apart from HTTP and routing.
//!
//! The seeded agent answers every message at once and deterministically, with one `AI` text
//! message repeating the content, so scripts and tests can predict the conversation. There is
//! one thread per (agent, EndUser) pair, created by its first message. Everything is kept in
//! memory: unlike EndUsers, threads do not survive a restart with `--state`.
//!
//! EndUsers live in the sandbox's store; this module only asks a lookup for one as JSON (the
//! spec's `EndUser` object), so it stays independent of that store.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::SystemTime;

use serde_json::{Map, Value, json};

use super::domain::{
    ApiError, Outcome, Reply, SANDBOX_AGENT_ID, SANDBOX_AGENT_NAME, WHATSAPP_INTEGRATION_ID,
    object_body,
};

/// Finds an EndUser by id, as the JSON the API answers for it.
pub type EndUserLookup<'a> = &'a dyn Fn(&str) -> Option<Value>;

/// What the agent's reply says before the repeated content.
pub const REPLY_PREFIX: &str = "You said: ";

/// The fields of `SendMessageRequest`, with the legacy name of `agent_id`.
const SEND_FIELDS: [&str; 4] = ["agent_id", "chatbot_id", "end_user_id", "content"];

/// Every thread and its messages.
#[derive(Default)]
pub struct Messages {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    threads: HashMap<String, Thread>,
    /// (agent id, EndUser id) → thread id.
    by_pair: HashMap<(String, String), String>,
}

struct Thread {
    id: String,
    agent_id: String,
    end_user_id: String,
    /// The EndUser as last seen, for the rare answer where the lookup finds nothing.
    end_user: Value,
    updated_at: SystemTime,
    /// Oldest first.
    messages: Vec<Value>,
}

impl Messages {
    pub fn new() -> Messages {
        Messages::default()
    }

    /// `POST /message`: stores the EndUser's message and the agent's reply, in the thread of
    /// the (agent, EndUser) pair, created if needed. Answers the spec's `MessageResponse`.
    pub fn send(&self, body: &[u8], end_users: EndUserLookup<'_>, now: SystemTime) -> Outcome {
        let request = SendRequest::parse(body)?;
        // Ids are compared without regard to case, as UUIDs are; the thread keeps the
        // canonical spellings (the seeded agent's, the EndUser's own).
        if !request.agent_id.eq_ignore_ascii_case(SANDBOX_AGENT_ID) {
            return Err(ApiError::bad_request(format!(
                "no agent with id '{}' (the sandbox has one agent: {SANDBOX_AGENT_ID})",
                request.agent_id
            )));
        }
        let Some(end_user) = end_users(&request.end_user_id) else {
            return Err(ApiError::bad_request(format!(
                "no EndUser with id '{}'",
                request.end_user_id
            )));
        };
        let end_user_id = match end_user.get("id") {
            Some(Value::String(id)) => id.clone(),
            _ => request.end_user_id,
        };
        let mut state = self.lock();
        let pair = (SANDBOX_AGENT_ID.to_owned(), end_user_id.clone());
        let thread_id = match state.by_pair.get(&pair) {
            Some(id) => id.clone(),
            None => {
                // Lower-case, so that lookups, which ignore case, find it.
                let id = uuid::Uuid::new_v4().to_string();
                state.by_pair.insert(pair, id.clone());
                state.threads.insert(
                    id.clone(),
                    Thread {
                        id: id.clone(),
                        agent_id: SANDBOX_AGENT_ID.to_owned(),
                        end_user_id,
                        end_user: end_user.clone(),
                        updated_at: now,
                        messages: Vec::new(),
                    },
                );
                id
            }
        };
        let thread = state
            .threads
            .get_mut(&thread_id)
            .expect("every pair names a stored thread");
        let sent_at = rfc3339(now);
        let received = text_message(&thread.id, "EU", &request.content, &sent_at, true);
        let reply = text_message(
            &thread.id,
            "AI",
            &format!("{REPLY_PREFIX}{}", request.content),
            &sent_at,
            false,
        );
        thread.messages.push(received.clone());
        thread.messages.push(reply.clone());
        thread.end_user = end_user;
        thread.updated_at = now;
        Ok(Reply::ok(json!({
            "thread": thread.to_json(&thread.end_user),
            "messages": [reply],
            "in_response_to": received,
        })))
    }

    /// `GET /message/{thread_id}`: the thread's messages, oldest first.
    pub fn list(&self, thread_id: &str) -> Outcome {
        let state = self.lock();
        let thread = state.find(thread_id)?;
        Ok(Reply::ok(Value::Array(thread.messages.clone())))
    }

    /// `GET /thread/{id}`: the thread, with its EndUser as it is now.
    pub fn thread(&self, thread_id: &str, end_users: EndUserLookup<'_>) -> Outcome {
        let (end_user_id, snapshot) = {
            let state = self.lock();
            let thread = state.find(thread_id)?;
            (thread.end_user_id.clone(), thread.end_user.clone())
        };
        // Looked up outside our lock: the lookup takes the EndUser store's.
        let end_user = end_users(&end_user_id).unwrap_or(snapshot);
        let state = self.lock();
        let thread = state.find(thread_id)?;
        Ok(Reply::ok(thread.to_json(&end_user)))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic is a bug that ends the process (see lib.rs), so poisoning cannot be seen.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl State {
    /// The thread with this id, in any case (ids are made lower-case).
    fn find(&self, thread_id: &str) -> Result<&Thread, ApiError> {
        self.threads
            .get(&thread_id.to_ascii_lowercase())
            .ok_or_else(|| unknown_thread(thread_id))
    }
}

impl Thread {
    /// The spec's `Thread` object, with the current field names.
    fn to_json(&self, end_user: &Value) -> Value {
        json!({
            "id": self.id,
            "agent": {"id": self.agent_id, "name": SANDBOX_AGENT_NAME},
            "end_user": end_user,
            "integration": {"id": WHATSAPP_INTEGRATION_ID, "type": "whatsapp"},
            "updated_at": rfc3339(self.updated_at),
            "active": true,
            "blocked": false,
            "tags": [],
            "assigned_to": [],
        })
    }
}

/// A `SendMessageRequest` whose fields are all there and all strings.
#[derive(Debug)]
struct SendRequest {
    agent_id: String,
    end_user_id: String,
    content: String,
}

impl SendRequest {
    fn parse(body: &[u8]) -> Result<SendRequest, ApiError> {
        let map = object_body(body)?;
        if let Some(unknown) = map.keys().find(|k| !SEND_FIELDS.contains(&k.as_str())) {
            return Err(ApiError::bad_request(format!(
                "unknown field '{unknown}' (known fields: agent_id, end_user_id, content)"
            )));
        }
        if map.contains_key("agent_id") && map.contains_key("chatbot_id") {
            return Err(ApiError::bad_request(
                "give agent_id or its legacy name chatbot_id, not both",
            ));
        }
        let agent_field = if map.contains_key("chatbot_id") {
            "chatbot_id"
        } else {
            "agent_id"
        };
        let agent_id = string_field(&map, agent_field)?;
        let end_user_id = string_field(&map, "end_user_id")?;
        let content = string_field(&map, "content")?;
        if content.trim().is_empty() {
            return Err(ApiError::bad_request("content must not be blank"));
        }
        Ok(SendRequest {
            agent_id,
            end_user_id,
            content,
        })
    }
}

/// A required string field: 400 naming the field when it is missing, empty or not a string.
fn string_field(map: &Map<String, Value>, name: &str) -> Result<String, ApiError> {
    match map.get(name) {
        None | Some(Value::Null) => Err(ApiError::bad_request(format!("{name} is required"))),
        Some(Value::String(text)) if text.is_empty() => {
            Err(ApiError::bad_request(format!("{name} must not be empty")))
        }
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Err(ApiError::bad_request(format!(
            "{name} must be a string, not {}",
            crate::model::json_type(other)
        ))),
    }
}

fn text_message(thread_id: &str, sent_by: &str, content: &str, sent_at: &str, read: bool) -> Value {
    json!({
        "thread_id": thread_id,
        "type": "text",
        "content": content,
        "sent_by": sent_by,
        "sent_at": sent_at,
        "read": read,
    })
}

fn unknown_thread(id: &str) -> ApiError {
    ApiError::new(404, format!("no thread with id '{id}'"))
}

/// `2026-11-27T08:00:00Z`: RFC 3339 in UTC, to the second.
pub fn rfc3339(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

#[cfg(test)]
mod tests {
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
        let body =
            json_of(messages.send(&send_body(SANDBOX_AGENT_ID, ADA, text), &end_users, at(0)));
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
}
