//! The sandbox's Campaigns API (contract section 19), apart from HTTP: campaigns with their
//! documented lifecycle, the PATCH rules, cursor paging and `Idempotency-Key` replay; their
//! contacts are in `campaigns/contacts.rs`. Everything is in memory (not in `--state`).
//!
//! Calls are placed through a [`Dialer`] (the calls module in the server) and their outcomes
//! are read back from it when a campaign is next looked at, so nothing here runs on its own
//! and every method takes the current time: tests never sleep.

mod contacts;
mod dialing;
mod edit;
mod fields;
mod lifecycle;
mod listing;
mod replay;
mod views;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use serde_json::{Map, Value, json};

use super::domain::{
    ApiError, Outcome, PHONE_INTEGRATION_ID, Reply, WHATSAPP_INTEGRATION_ID, object_body,
};
use replay::{ReplayKey, Replays, check_key};

/// Places the calls of a campaign and tells how they ended.
pub trait Dialer: Send + Sync {
    /// Starts a call; its id, or `None` when it could not be placed (the contact fails).
    fn place_call(&self, call: &CallRequest<'_>, now: SystemTime) -> Option<String>;
    /// How the call ended, or `None` while it is still going on.
    fn outcome(&self, call_id: &str, now: SystemTime) -> Option<CallOutcome>;
}

/// One call a campaign asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRequest<'a> {
    pub campaign_id: u64,
    pub contact_id: u64,
    pub agent_id: &'a str,
    pub phone: &'a str,
    pub name: Option<&'a str>,
    pub context: Option<&'a str>,
    pub first_message: Option<&'a str>,
    /// The contact's own id (`f_id`) and data, which the campaign's calls list again.
    pub f_id: Option<&'a str>,
    pub extracted_data: &'a Map<String, Value>,
}

/// The end of a call, as the calls module reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallOutcome {
    /// `ended`, `busy`, `no-answer` or `failed`.
    pub status: String,
    /// `human`, `machine` or `unknown`, for an `ended` call.
    pub answered_by: Option<String>,
    /// Seconds.
    pub billed_duration: u64,
    /// When the call reached its final status.
    pub ended_at: SystemTime,
}

#[cfg(test)]
/// A dialer with no telephone: every call fails to be placed, so contacts end `failed`.
pub struct NoDialer;

#[cfg(test)]
impl Dialer for NoDialer {
    fn place_call(&self, _call: &CallRequest<'_>, _now: SystemTime) -> Option<String> {
        None
    }
    fn outcome(&self, _call_id: &str, _now: SystemTime) -> Option<CallOutcome> {
        None
    }
}

/// Campaigns per page when `pageSize` is not given, and the most a page holds.
const DEFAULT_PAGE_SIZE: usize = 20;
const MAX_PAGE_SIZE: usize = 100;
const DEFAULT_TIMEZONE: &str = "America/Mexico_City";
pub use crate::model::campaign::{DAYS, NAME_LIMIT};

/// Every campaign and contact of a sandbox.
pub struct Campaigns {
    inner: Mutex<Inner>,
    dialer: Arc<dyn Dialer>,
    /// Told of every status change, with its `campaign.status_changed` event.
    notify: Option<Notify>,
}

/// Where `campaign.status_changed` events go (the sandbox's `--webhook-url`).
type Notify = Box<dyn Fn(Value) + Send + Sync>;

struct Inner {
    campaigns: BTreeMap<u64, Campaign>,
    next_campaign_id: u64,
    next_contact_id: u64,
    replays: Replays,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Channel {
    PhoneCall,
    Whatsapp,
}

impl Channel {
    fn parse(text: &str) -> Option<Channel> {
        match text {
            "phone_call" => Some(Channel::PhoneCall),
            "whatsapp" => Some(Channel::Whatsapp),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Channel::PhoneCall => "phone_call",
            Channel::Whatsapp => "whatsapp",
        }
    }

    fn integration_id(self) -> &'static str {
        match self {
            Channel::PhoneCall => PHONE_INTEGRATION_ID,
            Channel::Whatsapp => WHATSAPP_INTEGRATION_ID,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Pending,
    Ready,
    Active,
    Inactive,
    Cooldown,
    Finished,
}

const STATUSES: [&str; 6] = [
    "pending", "ready", "active", "inactive", "cooldown", "finished",
];

impl Status {
    fn parse(text: &str) -> Option<Status> {
        Some(match text {
            "pending" => Status::Pending,
            "ready" => Status::Ready,
            "active" => Status::Active,
            "inactive" => Status::Inactive,
            "cooldown" => Status::Cooldown,
            "finished" => Status::Finished,
            _ => return None,
        })
    }

    fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Ready => "ready",
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Cooldown => "cooldown",
            Status::Finished => "finished",
        }
    }

    /// The statuses an action can take a campaign to from this one (archive aside: it is a
    /// flag, allowed from any status).
    fn valid_targets(self) -> &'static [&'static str] {
        match self {
            Status::Pending | Status::Ready => &["active"],
            Status::Active => &["inactive"],
            Status::Inactive => &["active"],
            Status::Cooldown => &["active", "inactive"],
            Status::Finished => &[],
        }
    }
}

/// What PATCH may change, kept apart from the contacts so a PATCH can be checked on a copy.
#[derive(Debug, Clone)]
struct Settings {
    name: String,
    description: Option<String>,
    timezone: String,
    retries: u64,
    message_limit: Option<u64>,
    first_message: Option<String>,
    template: Option<String>,
    template_alt: Option<String>,
    /// Always the seven days.
    scheduling: Map<String, Value>,
    /// Phone-call campaigns only.
    cycles: Option<Map<String, Value>>,
    /// How many calls the campaign places at a time (1-1000; set on create only).
    concurrency_limit: u64,
}

struct Campaign {
    id: u64,
    channel: Channel,
    settings: Settings,
    status: Status,
    archived: bool,
    created_at: String,
    created_seconds: i64,
    contacts: contacts::Book,
}

/// `400 INVALID_REQUEST`, the Campaigns API's answer to a malformed request.
pub(crate) fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::coded(400, "INVALID_REQUEST", message, json!({}))
}

/// `400 INVALID_REQUEST` about one field, named in the body's `field`.
fn invalid_field(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::coded(400, "INVALID_REQUEST", message, json!({"field": field}))
}

/// The request body as a JSON object, or `400 INVALID_REQUEST` saying why not.
fn body_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    object_body(body).map_err(|e| {
        let message = e.body["message"]
            .as_str()
            .unwrap_or("the body is not a JSON object");
        invalid(message)
    })
}

fn campaign_not_found(id: &str) -> ApiError {
    ApiError::coded(
        404,
        "CAMPAIGN_NOT_FOUND",
        format!("no campaign with id '{id}'"),
        json!({}),
    )
}

/// The query parameters of a request, each at most once and all known.
fn query_map<'q>(
    query: &'q [(String, String)],
    known: &[&str],
) -> Result<HashMap<&'q str, &'q str>, ApiError> {
    let mut map = HashMap::new();
    for (name, value) in query {
        if !known.contains(&name.as_str()) {
            return Err(invalid(format!(
                "unknown query parameter '{name}' (known: {})",
                known.join(", ")
            )));
        }
        if map.insert(name.as_str(), value.as_str()).is_some() {
            return Err(invalid(format!(
                "the query parameter '{name}' is given twice"
            )));
        }
    }
    Ok(map)
}

/// A query parameter as an integer within `range`.
fn integer_parameter(
    query: &HashMap<&str, &str>,
    name: &str,
    range: std::ops::RangeInclusive<usize>,
    default: usize,
) -> Result<usize, ApiError> {
    match query.get(name) {
        None => Ok(default),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                invalid(format!(
                    "{name} must be an integer from {} to {}, not '{text}'",
                    range.start(),
                    range.end()
                ))
            }),
    }
}

/// Seconds since the Unix epoch (negative before it).
fn seconds(time: SystemTime) -> i64 {
    match time.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => after.as_secs() as i64,
        Err(before) => -(before.duration().as_secs() as i64),
    }
}

fn parse_id(id: &str) -> Option<u64> {
    id.parse::<u64>().ok().filter(|id| *id > 0)
}

impl Campaigns {
    pub fn new(dialer: Arc<dyn Dialer>) -> Campaigns {
        Campaigns {
            inner: Mutex::new(Inner {
                campaigns: BTreeMap::new(),
                next_campaign_id: 1,
                next_contact_id: 1,
                replays: Replays::default(),
            }),
            dialer,
            notify: None,
        }
    }

    /// Hands a `campaign.status_changed` event to `notify` on every status change.
    pub fn on_status_change(mut self, notify: impl Fn(Value) + Send + Sync + 'static) -> Campaigns {
        self.notify = Some(Box::new(notify));
        self
    }

    /// Tells of `campaign`'s move from `previous`, if it moved.
    fn changed(&self, campaign: &Campaign, previous: Status, now: SystemTime) {
        if let Some(notify) = &self.notify
            && campaign.status != previous
        {
            notify(campaign.status_event(previous, now));
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic in another request leaves consistent data (every change is made last).
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether a campaign with this id exists (for the routes of other modules under it),
    /// its calls brought up to `now` first, so that the listing of its calls is whole.
    pub fn exists(&self, id: u64, now: SystemTime) -> bool {
        let mut inner = self.lock();
        self.campaign(&mut inner, &id.to_string(), now).is_ok()
    }

    /// `GET /campaigns/{id}`.
    pub fn get(&self, id: &str, now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, id, now)?;
        Ok(Reply::ok(
            json!({"success": true, "campaign": campaign.detail()}),
        ))
    }

    /// The campaign with this id, its calls' outcomes read first.
    fn campaign<'i>(
        &self,
        inner: &'i mut Inner,
        id: &str,
        now: SystemTime,
    ) -> Result<&'i mut Campaign, ApiError> {
        let campaign = parse_id(id)
            .and_then(|n| inner.campaigns.get_mut(&n))
            .ok_or_else(|| campaign_not_found(id))?;
        let before = campaign.status;
        campaign.refresh(self.dialer.as_ref(), now);
        self.changed(campaign, before, now);
        Ok(campaign)
    }

    /// Brings every campaign up to `now`: the calls that ended since are taken in and the next
    /// ones placed, each status change told. For a sandbox that delivers webhooks, which must
    /// not wait for someone to look at a campaign before its next calls start and end.
    pub fn tick(&self, now: SystemTime) {
        let mut inner = self.lock();
        self.refresh_all(&mut inner, now);
    }

    fn refresh_all(&self, inner: &mut Inner, now: SystemTime) {
        for campaign in inner.campaigns.values_mut() {
            let before = campaign.status;
            campaign.refresh(self.dialer.as_ref(), now);
            self.changed(campaign, before, now);
        }
    }
}

#[cfg(test)]
mod tests;
