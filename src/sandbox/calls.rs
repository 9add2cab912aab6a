//! The sandbox's calls (contract sections 19 and 21): `POST /call`, `GET /call/{id}`,
//! `GET /call/{id}/recording`, `GET /campaigns/{id}/calls`, and the thread of each call
//! (`GET /message/{thread_id}`, `GET /thread/{id}`), apart from any HTTP transport.
//!
//! Nothing runs in the background: a call's status is a function of the time elapsed since it
//! was placed. Every call walks `queued` → `ringing` → `in-progress` → its final status over
//! the call length (`--call-seconds`, 3 by default): queued for the first sixth, ringing until
//! the first third, then in progress when answered. How it ends, who answered, its tags,
//! extracted data, reported duration and transcript are drawn when it is placed, from the
//! scenario (`--scenario`; by default answered by a human, `scenario.rs`) and the seed
//! (`--seed`; ids too, `draw.rs`). Numbers ending in `0000` end `busy`, those ending in `9999`
//! `no-answer`, so scripts can test those branches. An ended, answered call has a recording (a
//! small WAV tone) and a thread holding its transcript. The clock is a parameter of every
//! method, so tests never sleep.
//!
//! Calls are held in memory only (not in `--state`). A campaign (the seeded one, or one that
//! the campaigns module runs through [`Calls::place_call`]) lists its calls with page-index
//! paging.

mod draw;
mod filter;
mod record;
mod scenario;
mod seeded;
mod wav;

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Value, json};

use super::domain::{ApiError, Outcome, Reply, SANDBOX_AGENT_ID, object_body};
use super::webhooks::Webhooks;
use draw::Stream;
use filter::CallFilter;
use record::{CallRecord, Timeline};

pub use draw::Draws;
pub use record::{CampaignContact, Ending, Placement, Talk};
pub use scenario::Scenario;
pub use seeded::SEEDED_CAMPAIGN_ID;
pub use wav::recording_wav;

#[cfg(test)]
/// The call length when `--call-seconds` is not given.
pub const DEFAULT_CALL_SECONDS: u64 = 3;

/// Recording URLs are relative to the server, like the API's (`/api/v1.0/call/{id}/recording`).
const API_PATH: &str = "/api/v1.0";

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

/// All calls of the sandbox, behind one lock.
pub struct Calls {
    call_length: Duration,
    inner: Mutex<Inner>,
    /// With `--webhook-url`: where `on_call_end` goes as each call ends.
    webhooks: Option<Webhooks>,
    /// The odds of each outcome, and the draws (`--seed`) that pick them.
    scenario: Scenario,
    draws: Draws,
}

#[derive(Default)]
struct Inner {
    /// In creation order: a campaign's listing pages through them in that order, so a page
    /// index keeps meaning the same calls while new ones are placed.
    calls: Vec<CallRecord>,
    /// Where each id is in `calls`: `GET /call/{id}` is polled often.
    positions: HashMap<String, usize>,
    /// Where the call of each thread id is.
    threads: HashMap<String, usize>,
    stored_bytes: usize,
}

impl Inner {
    fn find(&self, id: &str) -> Option<&CallRecord> {
        self.positions.get(id).map(|&at| &self.calls[at])
    }

    /// The call of a thread; its id in any case, as the chat threads' ids are looked up.
    fn find_thread(&self, thread_id: &str) -> Option<&CallRecord> {
        let at = self.threads.get(&thread_id.to_ascii_lowercase())?;
        Some(&self.calls[*at])
    }
}

impl Calls {
    #[cfg(test)]
    /// An empty sandbox whose calls take `call_length`, with the seeded campaign's calls
    /// (finished hours before `now`), drawing from seed 0 without a scenario.
    pub fn new(call_length: Duration, now: SystemTime) -> Calls {
        Calls::drawing(call_length, now, Scenario::default(), Draws::new(0))
    }

    /// [`Calls::new`] whose ids and outcomes are drawn with `draws` from `scenario`.
    pub fn drawing(
        call_length: Duration,
        now: SystemTime,
        scenario: Scenario,
        draws: Draws,
    ) -> Calls {
        let calls = Calls {
            call_length,
            inner: Mutex::new(Inner::default()),
            webhooks: None,
            scenario,
            draws,
        };
        calls.seed_campaign(now);
        calls
    }

    /// The calls of `sandbox serve`: `--call-seconds`, `--scenario FILE` (refused, exit 2,
    /// when it cannot be read or is not a scenario) and `--seed` (a random seed without it,
    /// so that ids differ between runs).
    pub fn from_options(
        options: &crate::cli::SandboxOptions,
        now: SystemTime,
    ) -> crate::error::Result<Calls> {
        let scenario = match &options.scenario {
            None => Scenario::default(),
            Some(path) => Scenario::read(path)?,
        };
        let seed = options
            .seed
            .unwrap_or_else(|| uuid::Uuid::new_v4().as_u64_pair().0);
        let length = Duration::from_secs_f64(options.call_seconds);
        Ok(Calls::drawing(length, now, scenario, Draws::new(seed)))
    }

    /// The seed every value is drawn from: `--seed`, or the random one of this run.
    pub fn seed(&self) -> u64 {
        self.draws.seed()
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

    /// Places a call (for `POST /call`, and for campaigns as they run) at `at`: how it ends
    /// and what is said are drawn from the scenario (numbers ending in `0000` and `9999` end
    /// `busy` and `no-answer`), its length is `--call-seconds`. The fields are taken as
    /// given: the caller has checked them. Refused (503) only when the sandbox is full.
    pub fn place_call(&self, placement: Placement, at: SystemTime) -> Result<String, ApiError> {
        let timeline = Timeline::over(self.call_length);
        self.insert(placement, at, timeline, |placement, sequence| {
            let ending = self
                .scenario
                .ending(self.draws, sequence, &placement.phone_number_to);
            let talk = self
                .scenario
                .talk(self.draws, sequence, default_transcript(placement));
            (ending, talk)
        })
    }

    /// Stores a call placed at `created`; `decide` tells, from its sequence number (from 1),
    /// how it ends and what is said.
    fn insert(
        &self,
        placement: Placement,
        created: SystemTime,
        timeline: Timeline,
        decide: impl FnOnce(&Placement, u64) -> (Ending, Talk),
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
        let draw = |stream| self.draws.value(sequence, stream, 0);
        let id = format!("cll_{:016x}", draw(Stream::CallId));
        let thread_id = format!("thr_{:016x}", draw(Stream::ThreadId));
        let end_user_id = uuid::Builder::from_random_bytes(
            ((u128::from(draw(Stream::EndUserHigh)) << 64) | u128::from(draw(Stream::EndUserLow)))
                .to_be_bytes(),
        )
        .into_uuid()
        .to_string();
        let (ending, talk) = decide(&placement, sequence);
        inner.stored_bytes += size + talk_size(&talk);
        let position = inner.calls.len();
        inner.positions.insert(id.clone(), position);
        inner.threads.insert(thread_id.clone(), position);
        let record = CallRecord {
            id: id.clone(),
            thread_id,
            end_user_id,
            placement,
            created,
            timeline,
            ending,
            talk,
        };
        if let Some(webhooks) = &self.webhooks {
            // The call's end is known now: the event is built now and sent when it comes (at
            // once for a call placed in the past, as a campaign's next calls may be).
            let event = record.call_end_event();
            let left = record
                .final_at()
                .duration_since(SystemTime::now())
                .unwrap_or_default();
            webhooks.at(Instant::now() + left, Box::new(move || Some(event)));
        }
        inner.calls.push(record);
        Ok(id)
    }

    /// `GET /message/{thread_id}` for the thread of a call: its transcript once the call has
    /// ended (an empty list before, and for a call nobody answered); `None` when no call has
    /// this thread, which may be a chat's.
    pub fn messages(&self, thread_id: &str, now: SystemTime) -> Option<Outcome> {
        let inner = self.lock();
        let call = inner.find_thread(thread_id)?;
        Some(Ok(Reply::ok(call.messages_json(now))))
    }

    /// `GET /thread/{id}` for the thread of a call, as `GET /call/{id}` shows it; `None`
    /// when no call has this thread.
    pub fn thread(&self, thread_id: &str, now: SystemTime) -> Option<Outcome> {
        let inner = self.lock();
        let call = inner.find_thread(thread_id)?;
        Some(Ok(Reply::ok(call.call_json(now)["thread"].take())))
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

    /// The instant a call reaches its final status; `None` for an unknown id.
    pub fn final_at(&self, id: &str) -> Option<SystemTime> {
        Some(self.lock().find(id)?.final_at())
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
    /// and `endDate` (exclusive; a date alone takes its whole day), one page of `pageSize`
    /// (1-100, default 50) at `pageIndex` (from 0). `query` holds the decoded query parameters; unknown ones are ignored, a bad
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

/// The transcript of an answered call when the scenario gives none: a short collections
/// conversation that opens with the call's first message.
fn default_transcript(placement: &Placement) -> Vec<(String, String)> {
    let greeting = placement
        .initial_message
        .clone()
        .unwrap_or_else(|| "Hello, this is the Sandbox Agent.".to_owned());
    [
        ("AI", greeting.as_str()),
        ("EU", "Hi! Who is calling?"),
        (
            "AI",
            "I am calling about your account. Can we agree on a payment date?",
        ),
        ("EU", "Yes, I can pay on Friday."),
        ("AI", "Thank you, I have noted it. Goodbye!"),
    ]
    .into_iter()
    .map(|(sent_by, content)| (sent_by.to_owned(), content.to_owned()))
    .collect()
}

/// Roughly what a call's drawn talk holds in memory.
fn talk_size(talk: &Talk) -> usize {
    let lines: usize = talk
        .transcript
        .iter()
        .map(|(a, b)| a.len() + b.len() + 48)
        .sum();
    let tags: usize = talk.tags.iter().map(String::len).sum();
    lines + tags + Value::Object(talk.extracted_data.clone()).to_string().len()
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

#[cfg(test)]
mod tests;
