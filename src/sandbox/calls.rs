//! The sandbox's calls (contract section 19): `POST /call`, `GET /call/{id}`,
//! `GET /call/{id}/recording` and `GET /campaigns/{id}/calls`, apart from any HTTP transport.
//!
//! Nothing runs in the background: a call's status is a function of the time elapsed since it
//! was placed. Every call walks `queued` → `ringing` → `in-progress` → `ended` over the call
//! length (`--call-seconds`, 3 by default): queued for the first sixth, ringing until the
//! first third, then in progress; at the full length it reaches its final status. Numbers
//! ending in `0000` ring and end `busy`, those ending in `9999` ring and end `no-answer`, so
//! scripts can test those branches. An ended, answered call has `answered_by`, durations and a
//! recording (a small WAV tone). The clock is a parameter of every method, so tests never
//! sleep.
//!
//! Calls are held in memory only (not in `--state`). A campaign (seeded here until the
//! campaigns module places its own calls through [`Calls::place_call`]) lists its calls with
//! page-index paging.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Map, Value, json};

use super::domain::{ApiError, Outcome, Reply, SANDBOX_AGENT_ID, SANDBOX_AGENT_NAME};
use super::domain::{PHONE_INTEGRATION_ID, object_body};
use super::webhooks::Webhooks;
use crate::datetime;

/// The call length when `--call-seconds` is not given.
pub const DEFAULT_CALL_SECONDS: u64 = 3;

/// The campaign seeded with finished calls, so `call list` and `call recordings` can be tried
/// before any campaign has run (the id of the sample campaign of `webhook trigger`).
pub const SEEDED_CAMPAIGN_ID: u64 = 4821;

/// How many calls the seeded campaign has: more than one page of 10, less than one of 50.
const SEEDED_CALLS: usize = 24;

/// Recording URLs are relative to the server, like the API's (`/api/v1.0/call/{id}/recording`).
const API_PATH: &str = "/api/v1.0";

/// Page size bounds and default of `GET /campaigns/{id}/calls` (the spec's).
const PAGE_SIZE_DEFAULT: usize = 50;
const PAGE_SIZE_MAX: usize = 100;

/// A bound on what hostile or runaway clients can make the sandbox hold: the number of calls
/// and the bytes of their free-text fields (each request body alone may be up to 1 MiB).
const MAX_CALLS: usize = 100_000;
const MAX_STORED_BYTES: usize = 64 * 1024 * 1024;

/// The fields `POST /call` takes (`StartCallRequest`).
const START_FIELDS: [&str; 5] = [
    "agent_id",
    "phone_number_to",
    "end_user_display_name",
    "end_user_context",
    "initial_message",
];

/// The statuses and answered-by values the listing filters take (the spec's enums).
const STATUS_FILTERS: [&str; 5] = ["ended", "failed", "busy", "no-answer", "in-progress"];
const ANSWERED_BY_VALUES: [&str; 3] = ["human", "machine", "unknown"];

/// How a call ends, decided when it is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Answered (by a human, a machine, or undetermined), talked, ended, recorded.
    Answered(AnsweredBy),
    Busy,
    NoAnswer,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnsweredBy {
    Human,
    Machine,
    Unknown,
}

impl AnsweredBy {
    fn as_str(self) -> &'static str {
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

    fn final_status(self) -> &'static str {
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
struct Timeline {
    /// Queued until then, ringing after.
    ringing_at: Duration,
    /// Answered then (in progress), when the call is answered at all.
    answered_at: Duration,
    /// Final from then on.
    ends_at: Duration,
}

impl Timeline {
    fn over(length: Duration) -> Timeline {
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
struct CallRecord {
    id: String,
    thread_id: String,
    end_user_id: String,
    placement: Placement,
    created: SystemTime,
    timeline: Timeline,
    ending: Ending,
}

/// Where a call is at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State {
    status: &'static str,
    answered: Option<AnsweredBy>,
    is_final: bool,
}

impl CallRecord {
    fn elapsed(&self, now: SystemTime) -> Duration {
        now.duration_since(self.created).unwrap_or_default()
    }

    fn state(&self, now: SystemTime) -> State {
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

    fn has_recording(&self, now: SystemTime) -> bool {
        let state = self.state(now);
        state.is_final && state.answered.is_some()
    }

    fn recording_url(&self) -> String {
        format!("{API_PATH}/call/{}/recording", self.id)
    }

    /// The timing fields both shapes share, those known at `now`: `answered_by` once
    /// answered, `started_at` then, `ended_at` and the durations once final.
    fn timing(&self, now: SystemTime, billed_key: &str) -> Map<String, Value> {
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
        if state.answered.is_some() {
            let started = self.created + self.timeline.answered_at;
            fields.insert("started_at".into(), datetime::format_utc(started).into());
        }
        if state.is_final {
            let ended = self.created + self.timeline.ends_at;
            fields.insert("ended_at".into(), datetime::format_utc(ended).into());
            let talked = match state.answered {
                Some(_) => self.timeline.ends_at - self.timeline.answered_at,
                None => Duration::ZERO,
            };
            let seconds = talked.as_secs_f64().round() as u64;
            fields.insert("duration".into(), seconds.into());
            // Billed by the started minute, as telephony is.
            fields.insert(billed_key.into(), (seconds.div_ceil(60) * 60).into());
        }
        fields
    }

    /// The `Call` shape of `POST /call` and `GET /call/{id}`.
    /// The `on_call_end` webhook for this call, in the shape the docs give
    /// (`OnCallEndEvent`): the call as it ends, with a short transcript when it was answered.
    fn call_end_event(&self) -> Value {
        let ended = self.created + self.timeline.ends_at;
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
        let answered = call.get("answered_by").is_some();
        let at = call["ended_at"].clone();
        let mut transcript = Vec::new();
        if answered {
            let greeting = self
                .placement
                .initial_message
                .clone()
                .unwrap_or_else(|| "Hello, this is the Sandbox Agent.".to_owned());
            transcript.push(json!({"sent_by": "assistant", "sent_at": at, "content": greeting}));
            transcript.push(json!({"sent_by": "user", "sent_at": at, "content": "Hi!"}));
        }
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

    fn call_json(&self, now: SystemTime) -> Value {
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
    fn campaign_call_json(&self, contact: &CampaignContact, now: SystemTime) -> Value {
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
        call.insert(
            "extracted_data".into(),
            Value::Object(contact.extracted_data.clone()),
        );
        call.insert("tags".into(), json!(contact.tags));
        if self.has_recording(now) {
            call.insert("recording_url".into(), self.recording_url().into());
        }
        Value::Object(call)
    }
}

/// The contact's status a call leaves behind (`CampaignContactStatus` values).
fn contact_status(state: State) -> &'static str {
    match state.status {
        "ended" => "answered",
        "busy" => "busy",
        "no-answer" => "no-answer",
        "failed" => "failed",
        _ => "sending",
    }
}

/// A deterministic, well-mixed number (splitmix64), so ids look random but tests can rely on
/// them.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// All calls of the sandbox, behind one lock.
pub struct Calls {
    call_length: Duration,
    inner: Mutex<Inner>,
    /// With `--webhook-url`: where `on_call_end` goes as each call ends.
    webhooks: Option<Webhooks>,
}

#[derive(Default)]
struct Inner {
    /// In creation order: a campaign's listing pages through them in that order, so a page
    /// index keeps meaning the same calls while new ones are placed.
    calls: Vec<CallRecord>,
    /// Where each id is in `calls`: `GET /call/{id}` is polled often.
    positions: HashMap<String, usize>,
    stored_bytes: usize,
}

impl Inner {
    fn find(&self, id: &str) -> Option<&CallRecord> {
        self.positions.get(id).map(|&at| &self.calls[at])
    }
}

impl Calls {
    /// An empty sandbox whose calls take `call_length`, with the seeded campaign's calls
    /// (finished hours before `now`).
    pub fn new(call_length: Duration, now: SystemTime) -> Calls {
        let calls = Calls {
            call_length,
            inner: Mutex::new(Inner::default()),
            webhooks: None,
        };
        calls.seed(now);
        calls
    }

    /// Delivers `on_call_end` for every call placed from now on, when it ends.
    pub fn notify(mut self, webhooks: Webhooks) -> Calls {
        self.webhooks = Some(webhooks);
        self
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves whole records: keep serving.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `POST /call`: checks the body like the API (`StartCallRequest`), places the call and
    /// answers the `Call`.
    pub fn start(&self, body: &[u8], now: SystemTime) -> Outcome {
        let placement = read_start_request(body)?;
        let id = self.place_call(placement, now)?;
        self.get(&id, now)
    }

    /// Places a call (for `POST /call`, and for campaigns as they run): its ending follows
    /// from the number ([`Ending::for_number`]), its length from `--call-seconds`. The fields
    /// are taken as given: the caller has checked them. Refused (503) only when the sandbox is
    /// full.
    pub fn place_call(&self, placement: Placement, now: SystemTime) -> Result<String, ApiError> {
        let ending = Ending::for_number(&placement.phone_number_to);
        self.insert(placement, now, Timeline::over(self.call_length), ending)
    }

    fn insert(
        &self,
        placement: Placement,
        created: SystemTime,
        timeline: Timeline,
        ending: Ending,
    ) -> Result<String, ApiError> {
        let size = placement_size(&placement);
        let mut inner = self.lock();
        if inner.calls.len() >= MAX_CALLS || inner.stored_bytes + size > MAX_STORED_BYTES {
            return Err(ApiError::new(
                503,
                format!(
                    "the sandbox holds at most {MAX_CALLS} calls and {} MiB of call fields; \
                     restart it to start afresh",
                    MAX_STORED_BYTES / (1024 * 1024)
                ),
            ));
        }
        let sequence = inner.calls.len() as u64 + 1;
        let id = format!("cll_{:016x}", mix(sequence));
        let thread_id = format!("thr_{:016x}", mix(sequence ^ 0x7468_7265_6164));
        let end_user_id = uuid::Builder::from_random_bytes(
            ((u128::from(mix(sequence ^ 0x7573_6572)) << 64) | u128::from(mix(!sequence)))
                .to_be_bytes(),
        )
        .into_uuid()
        .to_string();
        inner.stored_bytes += size;
        let position = inner.calls.len();
        inner.positions.insert(id.clone(), position);
        let record = CallRecord {
            id: id.clone(),
            thread_id,
            end_user_id,
            placement,
            created,
            timeline,
            ending,
        };
        if let Some(webhooks) = &self.webhooks {
            // The call's end is known now: the event is built now and sent when it comes.
            let event = record.call_end_event();
            let due = Instant::now() + timeline.ends_at;
            webhooks.at(due, Box::new(move || Some(event)));
        }
        inner.calls.push(record);
        Ok(id)
    }

    /// `GET /call/{id}`.
    pub fn get(&self, id: &str, now: SystemTime) -> Outcome {
        let inner = self.lock();
        let call = inner.find(id).ok_or_else(|| unknown_call(id))?;
        Ok(Reply::ok(call.call_json(now)))
    }

    /// The status of a call at `now` and whether it is final, for the modules that follow
    /// calls (campaign contacts, webhooks); `None` for an unknown id.
    pub fn status(&self, id: &str, now: SystemTime) -> Option<(&'static str, bool)> {
        let inner = self.lock();
        let state = inner.find(id)?.state(now);
        Some((state.status, state.is_final))
    }

    /// `GET /call/{id}/recording`: a WAV once an answered call has ended; 404 before, for a
    /// call that was never answered, and for an unknown id.
    pub fn recording(&self, id: &str, now: SystemTime) -> Outcome {
        let inner = self.lock();
        let call = inner.find(id).ok_or_else(|| unknown_call(id))?;
        if !call.has_recording(now) {
            let state = call.state(now);
            let why = if state.is_final {
                format!("it ended {} without being answered", state.status)
            } else {
                format!("it is still {}", state.status)
            };
            return Err(ApiError::new(
                404,
                format!("call {id} has no recording: {why}"),
            ));
        }
        Ok(Reply::Bytes {
            content_type: "audio/wav",
            data: recording_wav().to_vec(),
        })
    }

    /// Whether this module knows `campaign_id` (the seeded campaign, or one that placed
    /// calls), for the router until the campaigns module says which campaigns exist.
    pub fn knows_campaign(&self, campaign_id: u64) -> bool {
        campaign_id == SEEDED_CAMPAIGN_ID
            || self
                .lock()
                .calls
                .iter()
                .any(|call| call.campaign_id() == Some(campaign_id))
    }

    /// `GET /campaigns/{id}/calls` for a campaign the caller knows exists: its calls in the
    /// order they were placed, filtered by `status`, `answeredBy`, `startDate` (inclusive)
    /// and `endDate` (exclusive), one page of `pageSize` (1-100, default 50) at `pageIndex`
    /// (from 0). `query` holds the decoded query parameters; unknown ones are ignored, a bad
    /// value is 400.
    pub fn list_for_campaign(
        &self,
        campaign_id: u64,
        query: &[(String, String)],
        now: SystemTime,
    ) -> Outcome {
        let filter = CallFilter::from_query(query)?;
        let inner = self.lock();
        let matching: Vec<(&CallRecord, &CampaignContact)> = inner
            .calls
            .iter()
            .filter_map(|call| {
                let contact = call.placement.campaign.as_ref()?;
                (contact.campaign_id == campaign_id && filter.matches(call, now))
                    .then_some((call, contact))
            })
            .collect();
        let total = matching.len();
        let first = filter.page_index.saturating_mul(filter.page_size);
        let calls: Vec<Value> = matching
            .iter()
            .skip(first)
            .take(filter.page_size)
            .map(|(call, contact)| call.campaign_call_json(contact, now))
            .collect();
        let has_next = first.saturating_add(filter.page_size) < total;
        let has_previous = filter.page_index > 0;
        let mut pagination = json!({
            "page_index": filter.page_index,
            "page_size": filter.page_size,
            "has_next": has_next,
            "has_previous": has_previous,
        });
        if has_next {
            pagination["next_page"] = (filter.page_index + 1).into();
        }
        if has_previous {
            pagination["previous_page"] = (filter.page_index - 1).into();
        }
        Ok(Reply::ok(json!({
            "total_count": total,
            "calls": calls,
            "pagination": pagination,
        })))
    }

    /// The seeded campaign: finished calls of every ending, two hours to one hour before
    /// `now`, with realistic ring and talk times.
    fn seed(&self, now: SystemTime) {
        const NAMES: [&str; 8] = [
            "Sofía Ramírez",
            "Mateo Hernández",
            "Valentina López",
            "Santiago García",
            "Camila Martínez",
            "Leonardo Pérez",
            "Regina Sánchez",
            "Emiliano Torres",
        ];
        const ENDINGS: [Ending; 10] = [
            Ending::Answered(AnsweredBy::Human),
            Ending::Answered(AnsweredBy::Human),
            Ending::Answered(AnsweredBy::Machine),
            Ending::Busy,
            Ending::Answered(AnsweredBy::Human),
            Ending::NoAnswer,
            Ending::Answered(AnsweredBy::Human),
            Ending::Answered(AnsweredBy::Unknown),
            Ending::Failed,
            Ending::Answered(AnsweredBy::Human),
        ];
        let start = now - Duration::from_secs(2 * 3600);
        for index in 0..SEEDED_CALLS {
            let n = index as u64;
            let ending = ENDINGS[index % ENDINGS.len()];
            let ringing = Duration::from_secs(2 + mix(n) % 4);
            let answered = ringing + Duration::from_secs(8 + mix(n + 100) % 15);
            let talk = Duration::from_secs(35 + mix(n + 200) % 240);
            let timeline = Timeline {
                ringing_at: ringing,
                answered_at: answered,
                ends_at: if matches!(ending, Ending::Answered(_)) {
                    answered + talk
                } else {
                    answered + Duration::from_secs(20)
                },
            };
            let name = NAMES[index % NAMES.len()];
            let placement = Placement {
                agent_id: SANDBOX_AGENT_ID.into(),
                phone_number_to: format!("+5255{:08}", 10_203_040 + n * 1_111),
                end_user_display_name: Some(name.into()),
                end_user_context: Some(format!("Renovación de póliza {}", 7_100 + n).into()),
                initial_message: None,
                campaign: Some(CampaignContact {
                    campaign_id: SEEDED_CAMPAIGN_ID,
                    contact_id: n + 1,
                    f_id: Some(format!("crm-{}", 1_001 + n)),
                    name: Some(name.into()),
                    extracted_data: match ending {
                        Ending::Answered(AnsweredBy::Human) => {
                            json!({"renewal_confirmed": !n.is_multiple_of(3)})
                        }
                        _ => json!({}),
                    }
                    .as_object()
                    .cloned()
                    .unwrap_or_default(),
                    tags: if n.is_multiple_of(4) {
                        vec!["vip".into()]
                    } else {
                        vec![]
                    },
                }),
            };
            let created = start + Duration::from_secs(n * 150);
            self.insert(placement, created, timeline, ending)
                .expect("the seed fits in an empty sandbox");
        }
    }
}

impl CallRecord {
    fn campaign_id(&self) -> Option<u64> {
        self.placement.campaign.as_ref().map(|c| c.campaign_id)
    }
}

/// Roughly what a placement holds in memory.
fn placement_size(placement: &Placement) -> usize {
    let text = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let context = match &placement.end_user_context {
        Some(Value::String(s)) => s.len(),
        Some(other) => other.to_string().len(),
        None => 0,
    };
    let campaign = placement.campaign.as_ref().map_or(0, |c| {
        text(&c.f_id)
            + text(&c.name)
            + Value::Object(c.extracted_data.clone()).to_string().len()
            + c.tags.iter().map(String::len).sum::<usize>()
    });
    256 + placement.agent_id.len()
        + placement.phone_number_to.len()
        + text(&placement.end_user_display_name)
        + context
        + text(&placement.initial_message)
        + campaign
}

fn unknown_call(id: &str) -> ApiError {
    ApiError::not_found("call", id)
}

/// `StartCallRequest` checked like the API would: required fields, types, E.164, the agent.
fn read_start_request(body: &[u8]) -> Result<Placement, ApiError> {
    let fields = object_body(body)?;
    if let Some(unknown) = fields.keys().find(|k| !START_FIELDS.contains(&k.as_str())) {
        return Err(ApiError::bad_request(format!(
            "unknown field '{unknown}'; the fields are {}",
            START_FIELDS.join(", ")
        )));
    }
    let text = |name: &str| -> Result<Option<String>, ApiError> {
        match fields.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::bad_request(format!("{name} must be a string"))),
        }
    };
    let agent_id =
        text("agent_id")?.ok_or_else(|| ApiError::bad_request("agent_id is required"))?;
    let phone_number_to = text("phone_number_to")?
        .ok_or_else(|| ApiError::bad_request("phone_number_to is required"))?;
    if !crate::phone::is_e164(&phone_number_to) {
        return Err(ApiError::bad_request(
            "phone_number_to must be an E.164 number: + then 8 to 15 digits, nothing else",
        ));
    }
    if !agent_id.eq_ignore_ascii_case(SANDBOX_AGENT_ID) {
        return Err(ApiError::not_found("agent", &agent_id));
    }
    let end_user_context = match fields.get("end_user_context") {
        None => None,
        Some(value @ (Value::String(_) | Value::Object(_))) => Some(value.clone()),
        Some(_) => {
            return Err(ApiError::bad_request(
                "end_user_context must be a string or an object",
            ));
        }
    };
    Ok(Placement {
        agent_id: SANDBOX_AGENT_ID.into(),
        phone_number_to,
        end_user_display_name: text("end_user_display_name")?,
        end_user_context,
        initial_message: text("initial_message")?,
        campaign: None,
    })
}

/// The listing's query, checked.
#[derive(Debug)]
struct CallFilter {
    status: Option<String>,
    answered_by: Option<String>,
    since: Option<SystemTime>,
    until: Option<SystemTime>,
    page_size: usize,
    page_index: usize,
}

impl CallFilter {
    fn from_query(query: &[(String, String)]) -> Result<CallFilter, ApiError> {
        let get = |name: &str| {
            query
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let one_of = |name: &str, allowed: &[&str]| -> Result<Option<String>, ApiError> {
            match get(name) {
                None => Ok(None),
                Some(value) if allowed.contains(&value) => Ok(Some(value.to_owned())),
                Some(value) => Err(ApiError::bad_request(format!(
                    "{name} must be one of {}, not '{value}'",
                    allowed.join(", ")
                ))),
            }
        };
        let date = |name: &str| -> Result<Option<SystemTime>, ApiError> {
            get(name)
                .map(|value| {
                    datetime::parse(value).map_err(|why| {
                        ApiError::bad_request(format!(
                            "{name} must be an ISO 8601 date or date-time: {why}"
                        ))
                    })
                })
                .transpose()
        };
        let number = |name: &str, min: usize, max: usize, default: usize| match get(name) {
            None => Ok(default),
            Some(value) => value
                .parse::<usize>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| {
                    let range = if max == usize::MAX {
                        format!("an integer from {min}")
                    } else {
                        format!("an integer from {min} to {max}")
                    };
                    ApiError::bad_request(format!("{name} must be {range}, not '{value}'"))
                }),
        };
        Ok(CallFilter {
            status: one_of("status", &STATUS_FILTERS)?,
            answered_by: one_of("answeredBy", &ANSWERED_BY_VALUES)?,
            since: date("startDate")?,
            until: date("endDate")?,
            page_size: number("pageSize", 1, PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT)?,
            page_index: number("pageIndex", 0, usize::MAX, 0)?,
        })
    }

    fn matches(&self, call: &CallRecord, now: SystemTime) -> bool {
        let state = call.state(now);
        self.status.as_deref().is_none_or(|s| s == state.status)
            && self
                .answered_by
                .as_deref()
                .is_none_or(|by| state.answered.map(AnsweredBy::as_str) == Some(by))
            && self.since.is_none_or(|since| call.created >= since)
            && self.until.is_none_or(|until| call.created < until)
    }
}

/// Half a second of a 440 Hz tone, 8 kHz 16-bit mono PCM in a RIFF/WAVE container: a valid
/// file every player opens, 8 KB.
pub fn recording_wav() -> &'static [u8] {
    static WAV: OnceLock<Vec<u8>> = OnceLock::new();
    WAV.get_or_init(|| {
        const RATE: u32 = 8_000;
        const SAMPLES: u32 = RATE / 2;
        let data_len = SAMPLES * 2;
        let mut wav = Vec::with_capacity(44 + data_len as usize);
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&(36 + data_len).to_le_bytes());
        wav.extend_from_slice(b"WAVE");
        wav.extend_from_slice(b"fmt ");
        wav.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
        wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
        wav.extend_from_slice(&1u16.to_le_bytes()); // mono
        wav.extend_from_slice(&RATE.to_le_bytes());
        wav.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes per second
        wav.extend_from_slice(&2u16.to_le_bytes()); // block align
        wav.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&data_len.to_le_bytes());
        for i in 0..SAMPLES {
            let t = f64::from(i) / f64::from(RATE);
            // Faded in and out over 20 ms, so it does not click.
            let fade = (t / 0.02).min((0.5 - t) / 0.02).clamp(0.0, 1.0);
            let sample = (std::f64::consts::TAU * 440.0 * t).sin() * 8_000.0 * fade;
            wav.extend_from_slice(&(sample.round() as i16).to_le_bytes());
        }
        wav
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(count(&[("endDate", "2026-11-27")]), 0);
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
}
