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
mod tests;
