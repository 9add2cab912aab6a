//! One call as the sandbox stores it, and what it looks like at a given instant: its status
//! along its timeline, and the API's `Call`, `CampaignCall` and `on_call_end` shapes of it.

use std::time::{Duration, SystemTime};

use serde_json::{Map, Value, json};

use super::API_PATH;
use crate::datetime;
use crate::sandbox::domain::{PHONE_INTEGRATION_ID, SANDBOX_AGENT_ID, SANDBOX_AGENT_NAME};

/// How a call ends, decided when it is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ending {
    /// Answered (by a human, a machine, or undetermined), talked, ended, recorded.
    Answered(AnsweredBy),
    Busy,
    NoAnswer,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnsweredBy {
    Human,
    Machine,
    Unknown,
}

impl AnsweredBy {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            AnsweredBy::Human => "human",
            AnsweredBy::Machine => "machine",
            AnsweredBy::Unknown => "unknown",
        }
    }
}

impl Ending {
    /// The sandbox's rule for placed calls: the last digits of the number decide.
    pub fn for_number(phone_number: &str) -> Ending {
        if phone_number.ends_with("0000") {
            Ending::Busy
        } else if phone_number.ends_with("9999") {
            Ending::NoAnswer
        } else {
            Ending::Answered(AnsweredBy::Human)
        }
    }

    pub(super) fn final_status(self) -> &'static str {
        match self {
            Ending::Answered(_) => "ended",
            Ending::Busy => "busy",
            Ending::NoAnswer => "no-answer",
            Ending::Failed => "failed",
        }
    }
}

/// When a call moves on, counted from its creation.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timeline {
    /// Queued until then, ringing after.
    pub(super) ringing_at: Duration,
    /// Answered then (in progress), when the call is answered at all.
    pub(super) answered_at: Duration,
    /// Final from then on.
    pub(super) ends_at: Duration,
}

impl Timeline {
    pub(super) fn over(length: Duration) -> Timeline {
        Timeline {
            ringing_at: length / 6,
            answered_at: length / 3,
            ends_at: length,
        }
    }
}

/// The campaign contact a call was placed for, as `CampaignCall.contact` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignContact {
    pub campaign_id: u64,
    pub contact_id: u64,
    pub f_id: Option<String>,
    pub name: Option<String>,
    pub extracted_data: Map<String, Value>,
    pub tags: Vec<String>,
}

/// What placing a call takes: `POST /call`'s fields (already checked), and the campaign
/// contact when a campaign places it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub agent_id: String,
    /// E.164, already normalised.
    pub phone_number_to: String,
    pub end_user_display_name: Option<String>,
    /// A string or an object, as sent.
    pub end_user_context: Option<Value>,
    pub initial_message: Option<String>,
    pub campaign: Option<CampaignContact>,
}

/// One call as stored: what it was placed with and when; its status is derived.
#[derive(Debug, Clone)]
pub(super) struct CallRecord {
    pub(super) id: String,
    pub(super) thread_id: String,
    pub(super) end_user_id: String,
    pub(super) placement: Placement,
    pub(super) created: SystemTime,
    pub(super) timeline: Timeline,
    pub(super) ending: Ending,
    /// What was said and decided on the call, drawn when it was placed.
    pub(super) talk: Talk,
}

/// What an answered call leaves behind, drawn when it is placed (from the scenario, or the
/// sandbox's defaults).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Talk {
    /// How long the conversation lasts as the call reports it; `None`: as long as the
    /// sandbox takes (`--call-seconds`).
    pub duration: Option<Duration>,
    /// Added to the contact's tags in the campaign's listing.
    pub tags: Vec<String>,
    /// Added to the contact's data in the campaign's listing.
    pub extracted_data: Map<String, Value>,
    /// `(sent_by, content)`: `AI`, `EU` or `SYS`, in order.
    pub transcript: Vec<(String, String)>,
}

/// Where a call is at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct State {
    pub(super) status: &'static str,
    pub(super) answered: Option<AnsweredBy>,
    pub(super) is_final: bool,
}

impl CallRecord {
    pub(super) fn elapsed(&self, now: SystemTime) -> Duration {
        now.duration_since(self.created).unwrap_or_default()
    }

    pub(super) fn state(&self, now: SystemTime) -> State {
        let elapsed = self.elapsed(now);
        let answered = match self.ending {
            Ending::Answered(by) if elapsed >= self.timeline.answered_at => Some(by),
            _ => None,
        };
        let (status, is_final) = if elapsed >= self.timeline.ends_at {
            (self.ending.final_status(), true)
        } else if answered.is_some() {
            ("in-progress", false)
        } else if elapsed >= self.timeline.ringing_at {
            ("ringing", false)
        } else {
            ("queued", false)
        };
        State {
            status,
            answered,
            is_final,
        }
    }

    pub(super) fn has_recording(&self, now: SystemTime) -> bool {
        let state = self.state(now);
        state.is_final && state.answered.is_some()
    }

    pub(super) fn recording_url(&self) -> String {
        format!("{API_PATH}/call/{}/recording", self.id)
    }

    /// When the conversation started and ended, and how long it lasted, as the call reports
    /// them: the drawn duration when there is one (the sandbox still takes `--call-seconds`
    /// to get there), else the timeline's.
    pub(super) fn talk_times(&self) -> (SystemTime, SystemTime, Duration) {
        let started = self.created + self.timeline.answered_at;
        let talked = self
            .talk
            .duration
            .unwrap_or(self.timeline.ends_at - self.timeline.answered_at);
        (started, started + talked, talked)
    }

    /// The timing fields both shapes share, those known at `now`: `answered_by` once
    /// answered, `started_at` then, `ended_at` and the durations once final.
    pub(super) fn timing(&self, now: SystemTime, billed_key: &str) -> Map<String, Value> {
        let state = self.state(now);
        let mut fields = Map::new();
        fields.insert("status".into(), state.status.into());
        if let Some(by) = state.answered {
            fields.insert("answered_by".into(), by.as_str().into());
        }
        fields.insert(
            "created_at".into(),
            datetime::format_utc(self.created).into(),
        );
        let (started, talk_end, talked) = self.talk_times();
        if state.answered.is_some() {
            fields.insert("started_at".into(), datetime::format_utc(started).into());
        }
        if state.is_final {
            let (ended, talked) = match state.answered {
                Some(_) => (talk_end, talked),
                None => (self.created + self.timeline.ends_at, Duration::ZERO),
            };
            fields.insert("ended_at".into(), datetime::format_utc(ended).into());
            let seconds = talked.as_secs_f64().round() as u64;
            fields.insert("duration".into(), seconds.into());
            // Billed by the started minute, as telephony is.
            fields.insert(billed_key.into(), (seconds.div_ceil(60) * 60).into());
        }
        fields
    }

    /// The call's transcript as `(sent_by, content, sent_at)`, once an answered call has
    /// ended (empty before, and for a call nobody answered): its lines spread over the
    /// conversation, in order, the first as it starts.
    pub(super) fn transcript(&self, now: SystemTime) -> Vec<(&str, &str, SystemTime)> {
        let state = self.state(now);
        if !(state.is_final && state.answered.is_some()) {
            return Vec::new();
        }
        let (started, _, talked) = self.talk_times();
        let lines = &self.talk.transcript;
        let count = lines.len().max(1) as u32;
        lines
            .iter()
            .enumerate()
            .map(|(index, (sent_by, content))| {
                let at = started + talked * index as u32 / count;
                (sent_by.as_str(), content.as_str(), at)
            })
            .collect()
    }

    /// `GET /message/{thread_id}` for the call's thread: its transcript as `Message`s.
    pub(super) fn messages_json(&self, now: SystemTime) -> Value {
        self.transcript(now)
            .into_iter()
            .map(|(sent_by, content, at)| {
                json!({
                    "thread_id": self.thread_id,
                    "type": "text",
                    "content": content,
                    "sent_by": sent_by,
                    "sent_at": datetime::format_utc(at),
                    "read": true,
                })
            })
            .collect()
    }

    /// The instant the call reaches its final status.
    pub(super) fn final_at(&self) -> SystemTime {
        self.created + self.timeline.ends_at
    }

    /// The `on_call_end` webhook for this call, in the shape the docs give
    /// (`OnCallEndEvent`): the call as it ends, with its transcript when it was answered.
    pub(super) fn call_end_event(&self) -> Value {
        let ended = self.final_at();
        let call = self.call_json(ended);
        let mut event = Map::new();
        event.insert("event_type".into(), "on_call_end".into());
        for key in [
            "id",
            "type",
            "status",
            "phone_number_to",
            "answered_by",
            "created_at",
            "started_at",
            "ended_at",
            "duration",
        ] {
            if let Some(value) = call.get(key) {
                event.insert(key.into(), value.clone());
            }
        }
        if let Some(billed) = call.get("billable_duration") {
            event.insert("billed_duration".into(), billed.clone());
        }
        if let Some(url) = call.get("recording_url") {
            event.insert("recording_url".into(), url.clone());
        }
        // The webhook's `TranscriptEntry` knows two speakers; system lines are left out.
        let transcript: Vec<Value> = self
            .transcript(ended)
            .into_iter()
            .filter_map(|(sent_by, content, at)| {
                let sent_by = match sent_by {
                    "AI" => "assistant",
                    "EU" => "user",
                    _ => return None,
                };
                let at = datetime::format_utc(at);
                Some(json!({"sent_by": sent_by, "sent_at": at, "content": content}))
            })
            .collect();
        event.insert("transcript".into(), transcript.into());
        let thread = &call["thread"];
        event.insert(
            "assistant".into(),
            json!({"id": thread["agent"]["id"], "name": thread["agent"]["name"]}),
        );
        let mut end_user = thread["end_user"].clone();
        end_user["phone_number"] = self.placement.phone_number_to.clone().into();
        event.insert("end_user".into(), end_user);
        Value::Object(event)
    }

    /// The `Call` shape of `POST /call` and `GET /call/{id}`.
    pub(super) fn call_json(&self, now: SystemTime) -> Value {
        let placement = &self.placement;
        let display_name = placement
            .end_user_display_name
            .clone()
            .unwrap_or_else(|| placement.phone_number_to.clone());
        let mut end_user = json!({"id": self.end_user_id, "display_name": display_name});
        match &placement.end_user_context {
            Some(Value::String(text)) => end_user["info"] = text.clone().into(),
            Some(other) => end_user["info"] = other.to_string().into(),
            None => {}
        }
        let agent_name = if placement.agent_id == SANDBOX_AGENT_ID {
            SANDBOX_AGENT_NAME
        } else {
            ""
        };
        let mut call = Map::new();
        call.insert("id".into(), self.id.clone().into());
        call.insert(
            "thread".into(),
            json!({
                "id": self.thread_id,
                "agent": {"id": placement.agent_id, "name": agent_name},
                "end_user": end_user,
                "integration": {"id": PHONE_INTEGRATION_ID, "type": "phone_call"},
                "updated_at": datetime::format_utc(self.created),
                "active": true,
                "blocked": false,
                "tags": [],
                "assigned_to": [],
            }),
        );
        call.insert("type".into(), "outbound".into());
        call.extend(self.timing(now, "billable_duration"));
        call.insert(
            "phone_number_to".into(),
            placement.phone_number_to.clone().into(),
        );
        if self.has_recording(now) {
            call.insert("recording_url".into(), self.recording_url().into());
        }
        Value::Object(call)
    }

    /// The `CampaignCall` shape of `GET /campaigns/{id}/calls`.
    pub(super) fn campaign_call_json(&self, contact: &CampaignContact, now: SystemTime) -> Value {
        let state = self.state(now);
        let mut call = Map::new();
        call.insert("id".into(), self.id.clone().into());
        call.insert("type".into(), "outbound".into());
        call.extend(self.timing(now, "billed_duration"));
        call.insert(
            "contact".into(),
            json!({
                "id": contact.contact_id,
                "f_id": contact.f_id,
                "name": contact.name,
                "phone_number": self.placement.phone_number_to,
                "status": contact_status(state),
            }),
        );
        // What the conversation decided shows once it is over, if anyone answered.
        let mut data = contact.extracted_data.clone();
        let mut tags = contact.tags.clone();
        if state.is_final && state.answered.is_some() {
            data.extend(self.talk.extracted_data.clone());
            for tag in &self.talk.tags {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
            }
        }
        call.insert("extracted_data".into(), Value::Object(data));
        call.insert("tags".into(), json!(tags));
        if self.has_recording(now) {
            call.insert("recording_url".into(), self.recording_url().into());
        }
        Value::Object(call)
    }
}

/// The contact's status a call leaves behind (`CampaignContactStatus` values).
pub(super) fn contact_status(state: State) -> &'static str {
    match state.status {
        "ended" => "answered",
        "busy" => "busy",
        "no-answer" => "no-answer",
        "failed" => "failed",
        _ => "sending",
    }
}

impl CallRecord {
    pub(super) fn campaign_id(&self) -> Option<u64> {
        self.placement.campaign.as_ref().map(|c| c.campaign_id)
    }
}
