//! The sandbox's Campaigns API (contract section 19), apart from HTTP: campaigns with their
//! documented lifecycle, the PATCH rules, cursor paging and `Idempotency-Key` replay; their
//! contacts are in `campaigns/contacts.rs`. Everything is in memory (not in `--state`).
//!
//! Calls are placed through a [`Dialer`] (the calls module in the server) and their outcomes
//! are read back from it when a campaign is next looked at, so nothing here runs on its own
//! and every method takes the current time: tests never sleep.

mod contacts;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use serde_json::{Map, Value, json};

use super::domain::{
    ApiError, Outcome, PHONE_INTEGRATION_ID, Reply, SANDBOX_AGENT_ID, SANDBOX_AGENT_NAME,
    WHATSAPP_INTEGRATION_ID, object_body,
};
use crate::datetime;

pub use contacts::CONTACT_BATCH_LIMIT;

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
}

/// A dialer with no telephone: every call fails to be placed, so contacts end `failed`.
pub struct NoDialer;

impl Dialer for NoDialer {
    fn place_call(&self, _call: &CallRequest<'_>, _now: SystemTime) -> Option<String> {
        None
    }
    fn outcome(&self, _call_id: &str, _now: SystemTime) -> Option<CallOutcome> {
        None
    }
}

/// Idempotency keys remembered at most (the oldest is forgotten first), so that a client
/// sending fresh keys forever cannot grow the sandbox without bound.
const REMEMBERED_KEYS: usize = 10_000;
/// The longest `Idempotency-Key` accepted.
const KEY_LIMIT: usize = 255;
/// Campaigns per page when `pageSize` is not given, and the most a page holds.
const DEFAULT_PAGE_SIZE: usize = 20;
const MAX_PAGE_SIZE: usize = 100;
const NAME_LIMIT: usize = 255;
const DEFAULT_TIMEZONE: &str = "America/Mexico_City";
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

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

/// Answers remembered by `Idempotency-Key`, per endpoint.
#[derive(Default)]
struct Replays {
    answers: HashMap<ReplayKey, Reply>,
    order: VecDeque<ReplayKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ReplayKey {
    Create(String),
    Contacts(u64, String),
}

impl Replays {
    fn get(&self, key: &ReplayKey) -> Option<Reply> {
        self.answers.get(key).cloned()
    }

    fn remember(&mut self, key: ReplayKey, reply: Reply) {
        if self.answers.insert(key.clone(), reply).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > REMEMBERED_KEYS {
            if let Some(oldest) = self.order.pop_front() {
                self.answers.remove(&oldest);
            }
        }
    }
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

/// A valid `Idempotency-Key`, or `None` when none was sent.
fn check_key(key: Option<&str>) -> Result<Option<&str>, ApiError> {
    match key {
        None => Ok(None),
        Some(key) if key.is_empty() || key.len() > KEY_LIMIT => Err(invalid(format!(
            "the Idempotency-Key header must be 1 to {KEY_LIMIT} characters"
        ))),
        Some(key) => Ok(Some(key)),
    }
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

fn rate(part: u64, whole: u64) -> Value {
    if whole == 0 {
        json!(0.0)
    } else {
        json!(((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0)
    }
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

    /// `POST /campaigns`.
    pub fn create(&self, body: &[u8], idempotency_key: Option<&str>, now: SystemTime) -> Outcome {
        let key = check_key(idempotency_key)?.map(|k| ReplayKey::Create(k.to_owned()));
        let mut inner = self.lock();
        if let Some(key) = &key
            && let Some(reply) = inner.replays.get(key)
        {
            return Ok(reply);
        }
        let mut fields = body_object(body)?;
        for field in fields.keys() {
            if !CREATE_FIELDS.contains(&field.as_str()) {
                return Err(invalid_field(
                    field,
                    format!(
                        "unknown field '{field}' (known: {})",
                        CREATE_FIELDS.join(", ")
                    ),
                ));
            }
        }
        let mut required = |name: &str| -> Result<String, ApiError> {
            match fields.remove(name) {
                Some(Value::String(text)) => Ok(text),
                Some(other) => Err(invalid_field(
                    name,
                    format!(
                        "{name} must be a string, not {}",
                        crate::model::json_type(&other)
                    ),
                )),
                None => Err(invalid_field(name, format!("{name} is required"))),
            }
        };
        let agent_id = required("agent_id")?;
        let integration_id = required("integration_id")?;
        let integration_type = required("integration_type")?;
        if !fields.contains_key("name") {
            return Err(invalid_field("name", "name is required"));
        }
        if agent_id != SANDBOX_AGENT_ID {
            return Err(invalid_field(
                "agent_id",
                format!("no agent '{agent_id}' (the sandbox has {SANDBOX_AGENT_ID})"),
            ));
        }
        let channel = Channel::parse(&integration_type).ok_or_else(|| {
            invalid_field(
                "integration_type",
                format!(
                    "integration_type must be phone_call or whatsapp, not '{integration_type}'"
                ),
            )
        })?;
        if integration_id != channel.integration_id() {
            let known = [PHONE_INTEGRATION_ID, WHATSAPP_INTEGRATION_ID];
            let message = if known.contains(&integration_id.as_str()) {
                format!(
                    "integration '{integration_id}' is not a {} integration (use {})",
                    channel.as_str(),
                    channel.integration_id()
                )
            } else {
                format!(
                    "no integration '{integration_id}' for agent {agent_id} (the sandbox has \
                     {PHONE_INTEGRATION_ID} and {WHATSAPP_INTEGRATION_ID})"
                )
            };
            return Err(invalid_field("integration_id", message));
        }
        let mut settings = Settings {
            name: String::new(),
            description: None,
            timezone: DEFAULT_TIMEZONE.to_owned(),
            retries: 0,
            message_limit: None,
            first_message: None,
            template: None,
            template_alt: None,
            scheduling: default_scheduling(),
            cycles: (channel == Channel::PhoneCall).then(|| {
                let mut cycles = Map::new();
                cycles.insert("enabled".into(), false.into());
                cycles
            }),
        };
        settings.apply(channel, fields, Mode::Create)?;
        let id = inner.next_campaign_id;
        inner.next_campaign_id += 1;
        let campaign = Campaign {
            id,
            channel,
            settings,
            status: Status::Pending,
            archived: false,
            created_at: datetime::format_utc(now),
            created_seconds: seconds(now),
            contacts: contacts::Book::default(),
        };
        let reply = Reply::ok(json!({"success": true, "campaign": campaign.detail()}));
        inner.campaigns.insert(id, campaign);
        if let Some(key) = key {
            inner.replays.remember(key, reply.clone());
        }
        Ok(reply)
    }

    /// Whether a campaign with this id exists (for the routes of other modules under it).
    pub fn exists(&self, id: u64) -> bool {
        self.lock().campaigns.contains_key(&id)
    }

    /// `GET /campaigns/{id}`.
    pub fn get(&self, id: &str, now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, id, now)?;
        Ok(Reply::ok(
            json!({"success": true, "campaign": campaign.detail()}),
        ))
    }

    /// `GET /campaigns`: newest first, `cursor` paging, the documented filters.
    pub fn list(&self, query: &[(String, String)], now: SystemTime) -> Outcome {
        let query = query_map(
            query,
            &[
                "agentId",
                "status",
                "integration",
                "startDate",
                "endDate",
                "pageSize",
                "cursor",
                "archived",
            ],
        )?;
        let page_size =
            integer_parameter(&query, "pageSize", 1..=MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE)?;
        let status = match query.get("status") {
            None => None,
            Some(text) => Some(Status::parse(text).ok_or_else(|| {
                invalid(format!(
                    "status must be one of {}, not '{text}'",
                    STATUSES.join(", ")
                ))
            })?),
        };
        let channel = match query.get("integration") {
            None => None,
            Some(text) => Some(Channel::parse(text).ok_or_else(|| {
                invalid(format!(
                    "integration must be phone_call or whatsapp, not '{text}'"
                ))
            })?),
        };
        let window = match (query.get("startDate"), query.get("endDate")) {
            (None, None) => None,
            (Some(start), Some(end)) => {
                let parse = |name: &str, text: &str| {
                    datetime::parse(text).map(seconds).map_err(|why| {
                        invalid(format!(
                            "{name} must be an ISO 8601 date or date-time, not '{text}': {why}"
                        ))
                    })
                };
                // A date alone ends with its last second.
                let whole_day = if end.len() == 10 { 86_399 } else { 0 };
                Some((
                    parse("startDate", start)?,
                    parse("endDate", end)? + whole_day,
                ))
            }
            _ => {
                return Err(invalid("startDate and endDate must be sent together"));
            }
        };
        let archived = match query.get("archived").copied() {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(invalid(format!(
                    "archived must be true or false, not '{other}'"
                )));
            }
        };
        let after = match query.get("cursor") {
            None => None,
            Some(cursor) => Some(decode_cursor(cursor).ok_or_else(|| {
                invalid(format!("the cursor '{cursor}' is not one this API gave"))
            })?),
        };
        let agent = query.get("agentId").copied();

        let mut inner = self.lock();
        self.refresh_all(&mut inner, now);
        let matching = |c: &&Campaign| {
            c.archived == archived
                && status.is_none_or(|s| c.status == s)
                && channel.is_none_or(|ch| c.channel == ch)
                && agent.is_none_or(|a| a == SANDBOX_AGENT_ID)
                && window.is_none_or(|(start, end)| (start..=end).contains(&c.created_seconds))
        };
        let total_count = inner.campaigns.values().filter(matching).count();
        let mut page = Vec::with_capacity(page_size);
        let mut has_next = false;
        let newest_first = inner.campaigns.values().rev();
        for campaign in newest_first
            .filter(|c| after.is_none_or(|after| c.id < after))
            .filter(matching)
        {
            if page.len() == page_size {
                has_next = true;
                break;
            }
            page.push(campaign);
        }
        let next_cursor = match (has_next, page.last()) {
            (true, Some(last)) => Value::String(encode_cursor(last.id)),
            _ => Value::Null,
        };
        let campaigns: Vec<Value> = page.iter().map(|c| c.summary()).collect();
        Ok(Reply::ok(json!({
            "total_count": total_count,
            "campaigns": campaigns,
            "pagination": {
                "has_next": has_next,
                "has_previous": after.is_some(),
                "next_cursor": next_cursor,
                "previous_cursor": Value::Null,
            },
        })))
    }

    /// `PATCH /campaigns/{id}`: only the fields given; the immutable ones are refused, and a
    /// finished campaign is read-only. Nothing changes unless every field is accepted.
    pub fn update(&self, id: &str, body: &[u8], now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, id, now)?;
        let fields = body_object(body)?;
        if campaign.status == Status::Finished {
            return Err(ApiError::coded(
                409,
                "CAMPAIGN_FINISHED",
                format!(
                    "campaign {} is finished: finished campaigns are read-only",
                    campaign.id
                ),
                json!({"current_status": "finished"}),
            ));
        }
        for field in IMMUTABLE_FIELDS {
            if fields.contains_key(field) {
                return Err(immutable(field));
            }
        }
        for field in fields.keys() {
            if !UPDATE_FIELDS.contains(&field.as_str()) {
                return Err(invalid_field(
                    field,
                    format!(
                        "unknown field '{field}' (known: {})",
                        UPDATE_FIELDS.join(", ")
                    ),
                ));
            }
        }
        let mut settings = campaign.settings.clone();
        settings.apply(campaign.channel, fields, Mode::Update)?;
        campaign.settings = settings;
        Ok(Reply::ok(
            json!({"success": true, "campaign": campaign.detail()}),
        ))
    }

    /// `POST /campaigns/{id}/{action}`: activate, pause, resume or archive.
    pub fn action(&self, id: &str, action: &str, now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, id, now)?;
        let from = campaign.status;
        let to = match action {
            "activate" => matches!(from, Status::Pending | Status::Ready | Status::Cooldown)
                .then_some(Status::Active),
            "pause" => match from {
                Status::Active | Status::Cooldown | Status::Inactive => Some(Status::Inactive),
                _ => None,
            },
            "resume" => match from {
                Status::Inactive | Status::Active => Some(Status::Active),
                _ => None,
            },
            "archive" => Some(from),
            _ => {
                return Err(ApiError::coded(
                    400,
                    "UNKNOWN_ACTION",
                    format!(
                        "unknown action '{action}' (actions: activate, pause, resume, archive)"
                    ),
                    json!({}),
                ));
            }
        };
        let Some(to) = to else {
            return Err(ApiError::coded(
                409,
                "INVALID_STATUS_TRANSITION",
                format!("cannot {action} a campaign in status {}", from.as_str()),
                json!({"current_status": from.as_str(), "valid_targets": from.valid_targets()}),
            ));
        };
        if action == "archive" {
            campaign.archived = true;
        }
        campaign.status = to;
        if to == Status::Active {
            campaign.dial_queue(self.dialer.as_ref(), now);
            campaign.settle();
        }
        self.changed(campaign, from, now);
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

    fn refresh_all(&self, inner: &mut Inner, now: SystemTime) {
        for campaign in inner.campaigns.values_mut() {
            let before = campaign.status;
            campaign.refresh(self.dialer.as_ref(), now);
            self.changed(campaign, before, now);
        }
    }
}

/// Whether `apply` checks a create or a PATCH (where `cycles.enabled`/`mode` are immutable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Create,
    Update,
}

const CREATE_FIELDS: [&str; 14] = [
    "name",
    "agent_id",
    "integration_id",
    "integration_type",
    "description",
    "timezone",
    "retries",
    "message_limit",
    "first_message",
    "template",
    "template_alt",
    "scheduling",
    "cycles",
    // Accepted for compatibility with the list's field; not documented for create.
    "concurrency_limit",
];

const UPDATE_FIELDS: [&str; 10] = [
    "name",
    "description",
    "timezone",
    "retries",
    "message_limit",
    "scheduling",
    "first_message",
    "template",
    "template_alt",
    "cycles",
];

const IMMUTABLE_FIELDS: [&str; 3] = ["agent_id", "integration_id", "integration_type"];

const CYCLE_FIELDS: [&str; 9] = [
    "enabled",
    "mode",
    "max_iterations",
    "cooldown_minutes",
    "filter_statuses",
    "filter_tags",
    "schedule",
    "schedule_start_date",
    "schedule_end_date",
];

fn immutable(field: &str) -> ApiError {
    ApiError::coded(
        400,
        "IMMUTABLE_FIELD",
        format!("{field} cannot be changed after the campaign is created"),
        json!({"field": field}),
    )
}

impl Settings {
    /// Applies the given fields after checking each; the caller keeps the old settings when
    /// this fails.
    fn apply(
        &mut self,
        channel: Channel,
        fields: Map<String, Value>,
        mode: Mode,
    ) -> Result<(), ApiError> {
        for (field, value) in fields {
            match field.as_str() {
                "name" => {
                    let name = string_field(&field, value)?;
                    let length = name.chars().count();
                    if name.trim().is_empty() || length > NAME_LIMIT {
                        return Err(invalid_field(
                            &field,
                            format!("name must be 1 to {NAME_LIMIT} characters, not {length}"),
                        ));
                    }
                    self.name = name;
                }
                "description" => self.description = optional_string(&field, value)?,
                "timezone" => {
                    let zone = string_field(&field, value)?;
                    if zone.is_empty() || zone.contains(char::is_whitespace) {
                        return Err(invalid_field(
                            &field,
                            format!("'{zone}' is not an IANA time zone"),
                        ));
                    }
                    self.timezone = zone;
                }
                "retries" => self.retries = integer_field(&field, &value, 0..=5)?,
                "message_limit" => {
                    self.message_limit = Some(integer_field(&field, &value, 1..=10_000)?)
                }
                "first_message" => {
                    only_for(channel, Channel::PhoneCall, &field)?;
                    self.first_message = optional_string(&field, value)?;
                }
                "template" => {
                    only_for(channel, Channel::Whatsapp, &field)?;
                    self.template = optional_string(&field, value)?;
                }
                "template_alt" => {
                    only_for(channel, Channel::Whatsapp, &field)?;
                    self.template_alt = optional_string(&field, value)?;
                }
                "scheduling" => merge_schedule(&mut self.scheduling, &field, value)?,
                "cycles" => self.apply_cycles(channel, value, mode)?,
                "concurrency_limit" => {
                    integer_field(&field, &value, 1..=1000)?;
                }
                _ => return Err(invalid_field(&field, format!("unknown field '{field}'"))),
            }
        }
        Ok(())
    }

    fn apply_cycles(&mut self, channel: Channel, value: Value, mode: Mode) -> Result<(), ApiError> {
        let Value::Object(given) = value else {
            return Err(invalid_field("cycles", "cycles must be an object"));
        };
        if mode == Mode::Update {
            for field in ["enabled", "mode"] {
                if given.contains_key(field) {
                    return Err(immutable(&format!("cycles.{field}")));
                }
            }
        }
        let Some(cycles) = self
            .cycles
            .as_mut()
            .filter(|_| channel == Channel::PhoneCall)
        else {
            return Err(if mode == Mode::Update {
                ApiError::coded(
                    400,
                    "CYCLES_NOT_ENABLED",
                    "cycles are for phone_call campaigns only",
                    json!({}),
                )
            } else {
                invalid_field("cycles", "cycles are for phone_call campaigns only")
            });
        };
        if mode == Mode::Update && cycles.get("enabled") != Some(&Value::Bool(true)) {
            return Err(ApiError::coded(
                400,
                "CYCLES_NOT_ENABLED",
                "this campaign was created without cycles; they cannot be set now",
                json!({}),
            ));
        }
        let mode_after = given
            .get("mode")
            .or_else(|| cycles.get("mode"))
            .and_then(Value::as_str)
            .unwrap_or("cooldown")
            .to_owned();
        for (field, value) in given {
            let name = format!("cycles.{field}");
            let checked = match field.as_str() {
                "enabled" => match value {
                    Value::Bool(_) => value,
                    _ => return Err(invalid_field(&name, format!("{name} must be a boolean"))),
                },
                "mode" => match value.as_str() {
                    Some("cooldown" | "scheduled") => value,
                    _ => {
                        return Err(invalid_field(
                            &name,
                            format!("{name} must be cooldown or scheduled"),
                        ));
                    }
                },
                "max_iterations" => json!(integer_field(&name, &value, 1..=1000)?),
                "cooldown_minutes" => json!(integer_field(&name, &value, 0..=525_600)?),
                "filter_statuses" | "filter_tags" => match &value {
                    Value::Array(items) if items.iter().all(Value::is_string) => value,
                    _ => {
                        return Err(invalid_field(
                            &name,
                            format!("{name} must be an array of strings"),
                        ));
                    }
                },
                "schedule" | "schedule_start_date" | "schedule_end_date" => {
                    if mode_after != "scheduled" {
                        return Err(ApiError::coded(
                            400,
                            "SCHEDULED_MODE_ONLY",
                            format!("{name} is for cycles in scheduled mode only"),
                            json!({"field": name}),
                        ));
                    }
                    if field == "schedule" {
                        let mut schedule = match cycles.get("schedule") {
                            Some(Value::Object(existing)) => existing.clone(),
                            _ => default_scheduling(),
                        };
                        merge_schedule(&mut schedule, &name, value)?;
                        Value::Object(schedule)
                    } else {
                        Value::String(string_field(&name, value)?)
                    }
                }
                _ => {
                    return Err(invalid_field(
                        &name,
                        format!(
                            "unknown field '{name}' (known: {})",
                            CYCLE_FIELDS.join(", ")
                        ),
                    ));
                }
            };
            cycles.insert(field, checked);
        }
        Ok(())
    }
}

fn only_for(channel: Channel, wanted: Channel, field: &str) -> Result<(), ApiError> {
    if channel == wanted {
        Ok(())
    } else {
        Err(invalid_field(
            field,
            format!(
                "{field} is for {} campaigns only, and this one is {}",
                wanted.as_str(),
                channel.as_str()
            ),
        ))
    }
}

fn string_field(field: &str, value: Value) -> Result<String, ApiError> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(invalid_field(
            field,
            format!(
                "{field} must be a string, not {}",
                crate::model::json_type(&other)
            ),
        )),
    }
}

fn optional_string(field: &str, value: Value) -> Result<Option<String>, ApiError> {
    match value {
        Value::Null => Ok(None),
        other => string_field(field, other).map(Some),
    }
}

fn integer_field(
    field: &str,
    value: &Value,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, ApiError> {
    value.as_u64().filter(|n| range.contains(n)).ok_or_else(|| {
        invalid_field(
            field,
            format!(
                "{field} must be an integer from {} to {}, not {value}",
                range.start(),
                range.end()
            ),
        )
    })
}

/// Mon-fri 09:00-18:00, the weekend off: a campaign's schedule until it is given one.
fn default_scheduling() -> Map<String, Value> {
    DAYS.iter()
        .map(|day| {
            let weekday = !matches!(*day, "sat" | "sun");
            (
                (*day).to_owned(),
                json!({"startTime": "09:00", "stopTime": "18:00", "active": weekday}),
            )
        })
        .collect()
}

/// Merges a `WeekSchedule` into `schedule`, day by day; each day's keys replace the old ones.
fn merge_schedule(
    schedule: &mut Map<String, Value>,
    field: &str,
    value: Value,
) -> Result<(), ApiError> {
    let Value::Object(days) = value else {
        return Err(invalid_field(
            field,
            format!("{field} must be an object of days (mon..sun)"),
        ));
    };
    for (day, value) in days {
        if !DAYS.contains(&day.as_str()) {
            return Err(invalid_field(
                field,
                format!(
                    "{field} has an unknown day '{day}' (days: {})",
                    DAYS.join(", ")
                ),
            ));
        }
        let Value::Object(entry) = value else {
            return Err(invalid_field(
                field,
                format!("{field}.{day} must be an object"),
            ));
        };
        let mut merged = match schedule.get(&day) {
            Some(Value::Object(old)) => old.clone(),
            _ => Map::new(),
        };
        for (key, value) in entry {
            match (key.as_str(), &value) {
                ("startTime" | "stopTime", Value::String(time)) if is_clock_time(time) => {}
                ("active", Value::Bool(_)) => {}
                ("startTime" | "stopTime" | "active", _) => {
                    return Err(invalid_field(
                        field,
                        format!(
                            "{field}.{day}.{key} must be {}, not {value}",
                            if key == "active" {
                                "a boolean"
                            } else {
                                "a time HH:MM"
                            }
                        ),
                    ));
                }
                _ => {
                    return Err(invalid_field(
                        field,
                        format!(
                            "{field}.{day} has an unknown key '{key}' (startTime, stopTime, active)"
                        ),
                    ));
                }
            }
            merged.insert(key, value);
        }
        let start = merged
            .get("startTime")
            .and_then(Value::as_str)
            .unwrap_or("");
        let stop = merged.get("stopTime").and_then(Value::as_str).unwrap_or("");
        if merged.get("active") == Some(&Value::Bool(true)) && start >= stop {
            return Err(invalid_field(
                field,
                format!("{field}.{day}: startTime {start} must be before stopTime {stop}"),
            ));
        }
        schedule.insert(day, Value::Object(merged));
    }
    Ok(())
}

/// `HH:MM`, 00:00 to 23:59 (24:00 as a stop time too).
fn is_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 5
        || bytes[2] != b':'
        || !text[..2]
            .bytes()
            .chain(text[3..].bytes())
            .all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let (h, m): (u32, u32) = (
        text[..2].parse().unwrap_or(99),
        text[3..].parse().unwrap_or(99),
    );
    (h < 24 && m < 60) || text == "24:00"
}

fn encode_cursor(id: u64) -> String {
    format!("cmp_{id:x}")
}

fn decode_cursor(cursor: &str) -> Option<u64> {
    u64::from_str_radix(cursor.strip_prefix("cmp_")?, 16).ok()
}

impl Campaign {
    fn agent(&self) -> Value {
        json!({"id": SANDBOX_AGENT_ID, "name": SANDBOX_AGENT_NAME})
    }

    fn cycle(&self, key: &str) -> Value {
        self.settings
            .cycles
            .as_ref()
            .and_then(|c| c.get(key).cloned())
            .unwrap_or(Value::Null)
    }

    /// A `CampaignSummary`, as the list gives it.
    fn summary(&self) -> Value {
        let s = &self.settings;
        json!({
            "id": self.id,
            "name": s.name,
            "description": s.description,
            "status": self.status.as_str(),
            "created_at": self.created_at,
            "agent": self.agent(),
            "scheduling": s.scheduling,
            "timezone": s.timezone,
            "retries": s.retries,
            "archived": self.archived,
            "template": s.template,
            "first_message": s.first_message,
            "cycle_enabled": self.cycle("enabled").as_bool().unwrap_or(false),
            "cycle_max_iterations": self.cycle("max_iterations"),
            "cycle_cooldown_minutes": self.cycle("cooldown_minutes"),
            "cycle_filter_statuses": self.cycle("filter_statuses"),
            "cycle_filter_tags": self.cycle("filter_tags"),
            "cycle_current_iteration": self.settings.cycles.as_ref().map(|_| json!(0)),
            "cycle_last_iteration_at": Value::Null,
        })
    }

    /// The `campaign.status_changed` event of a move from `previous` (the docs' envelope).
    fn status_event(&self, previous: Status, now: SystemTime) -> Value {
        json!({
            "event_id": format!("evt_{}", uuid::Uuid::new_v4().simple()),
            "event_type": "campaign.status_changed",
            "occurred_at": datetime::format_utc(now),
            "api_version": "1.0",
            "project_id": "prj_sandbox",
            "data": {
                "campaign": {
                    "id": self.id,
                    "name": self.settings.name,
                    "status": self.status.as_str(),
                    "previous_status": previous.as_str(),
                },
                "analytics": self.analytics(),
            },
        })
    }

    /// A `CampaignDetail` with its analytics.
    fn detail(&self) -> Value {
        let s = &self.settings;
        json!({
            "id": self.id,
            "name": s.name,
            "description": s.description,
            "status": self.status.as_str(),
            "archived": self.archived,
            "integration": {"id": self.channel.integration_id()},
            "integration_type": self.channel.as_str(),
            "agent": self.agent(),
            "created_at": self.created_at,
            "timezone": s.timezone,
            "retries": s.retries,
            "message_limit": s.message_limit,
            "first_message": s.first_message,
            "template": s.template,
            "template_alt": s.template_alt,
            "scheduling": s.scheduling,
            "cycles": s.cycles,
            "analytics": self.analytics(),
        })
    }

    fn analytics(&self) -> Value {
        let counts = self.contacts.counts();
        let calls = counts.calls;
        let mut analytics = json!({
            "calls": calls,
            "callsAnsweredByHuman": counts.human,
            "callsAnsweredByMachine": counts.machine,
            "callsAnsweredByUnknown": counts.unknown,
            "callsAnsweredByHumanRate": rate(counts.human, calls),
            "callsAnsweredByMachineRate": rate(counts.machine, calls),
            "callsAnsweredByUnknownRate": rate(counts.unknown, calls),
            "contacts": counts.contacts,
            "contactsProcessed": counts.processed,
            "contactsProcessedRate": rate(counts.processed, counts.contacts),
            "contactsFailed": counts.failed,
            "contactsFailedRate": rate(counts.failed, counts.contacts),
            "contactsVoicemail": counts.voicemail,
            "contactsVoicemailRate": rate(counts.voicemail, counts.contacts),
            "contactsAnswered": counts.answered,
            "contactsAnsweredRate": rate(counts.answered, counts.contacts),
            "contactsConverted": counts.converted,
            "contactsConvertedRate": rate(counts.converted, counts.contacts),
        });
        // The docs leave WhatsApp's message counts out; the sandbox adds its one stage.
        if self.channel == Channel::Whatsapp {
            analytics["contactsDelivered"] = counts.delivered.into();
            analytics["contactsDeliveredRate"] = rate(counts.delivered, counts.contacts);
        }
        analytics
    }

    /// Calls every contact still in the queue; a WhatsApp campaign's template message is
    /// delivered to them at once instead (the sandbox has no WhatsApp to wait for).
    fn dial_queue(&mut self, dialer: &dyn Dialer, now: SystemTime) {
        if self.channel == Channel::Whatsapp {
            self.contacts.deliver_queued();
            return;
        }
        let agent_id = SANDBOX_AGENT_ID;
        let first_message = self.settings.first_message.clone();
        self.contacts
            .dial_queued(self.id, agent_id, first_message.as_deref(), dialer, now);
    }

    /// Reads the outcomes of the calls in progress, then lets the campaign finish.
    fn refresh(&mut self, dialer: &dyn Dialer, now: SystemTime) {
        if self.contacts.collect_outcomes(dialer, now) {
            self.settle();
        }
    }

    /// An active campaign whose every contact has been called is over: `finished`, or in
    /// `cooldown` until its next cycle when cycles are on in cooldown mode.
    fn settle(&mut self) {
        if self.status == Status::Active && self.contacts.all_called() {
            let cooldown = self.cycle("enabled") == Value::Bool(true)
                && self.cycle("mode").as_str().unwrap_or("cooldown") == "cooldown";
            self.status = if cooldown {
                Status::Cooldown
            } else {
                Status::Finished
            };
        }
    }
}

#[cfg(test)]
mod tests;
