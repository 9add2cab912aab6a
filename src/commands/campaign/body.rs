//! `altur campaign ...` (contract section 16): the request bodies and the checks made before
//! anything is sent: `--schedule` parsing into the `scheduling` object, the channel rules,
//! the ranges, and the immutable fields `update` refuses.

use serde_json::{Map, Value, json};

use crate::error::{Error, Result};
pub use crate::model::campaign::{CHANNELS, DAYS, NAME_LIMIT};
use crate::model::campaign::{CREATE_FIELDS, IMMUTABLE_FIELDS};
use crate::model::json_type;

const FULL_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// One `--schedule`: the days it names (indexes into [`DAYS`]) and their hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRule {
    pub days: Vec<usize>,
    pub start: String,
    pub stop: String,
}

/// Parses `mon-fri 09:00-18:00`: a day, a day range (`mon-fri`) or a list (`mon,wed,fri`),
/// then a time range within one day. The error says which part is wrong and why.
pub fn parse_schedule(text: &str) -> std::result::Result<ScheduleRule, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [days, hours] = words[..] else {
        return Err(format!(
            "'{text}' is not a schedule: expected days and hours, like 'mon-fri 09:00-18:00'"
        ));
    };
    let mut indexes = Vec::new();
    for part in days.split(',') {
        let range = match part.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (day_index(first)?, day_index(last)?);
                if first > last {
                    return Err(format!(
                        "the day range '{part}' runs backwards: write it from the earlier day \
                         (mon..sun), or give two schedules"
                    ));
                }
                first..=last
            }
            None => {
                let day = day_index(part)?;
                day..=day
            }
        };
        for day in range {
            if indexes.contains(&day) {
                return Err(format!("'{days}' names {} twice", DAYS[day]));
            }
            indexes.push(day);
        }
    }
    let (start, stop) = hours.split_once('-').ok_or_else(|| {
        format!("'{hours}' is not a time range: expected HH:MM-HH:MM, like 09:00-18:00")
    })?;
    let (start, stop) = (clock_time(start, false)?, clock_time(stop, true)?);
    if start >= stop {
        return Err(format!(
            "the time range {start}-{stop} ends before it starts: the stop time must be later \
             the same day (a range cannot cross midnight)"
        ));
    }
    indexes.sort_unstable();
    Ok(ScheduleRule {
        days: indexes,
        start,
        stop,
    })
}

fn day_index(name: &str) -> std::result::Result<usize, String> {
    let lower = name.to_ascii_lowercase();
    DAYS.iter()
        .position(|d| *d == lower)
        .or_else(|| FULL_DAYS.iter().position(|d| *d == lower))
        .ok_or_else(|| format!("unknown day '{name}': days are {}", DAYS.join(", ")))
}

/// `9:00` or `09:00` as `09:00`; `24:00` only as a stop time.
fn clock_time(text: &str, stop: bool) -> std::result::Result<String, String> {
    let bad = || format!("'{text}' is not a time: expected HH:MM from 00:00 to 23:59");
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    let valid =
        |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !valid(h, 2) || m.len() != 2 || !valid(m, 2) {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if (h < 24 && m < 60) || (stop && h == 24 && m == 0) {
        Ok(format!("{h:02}:{m:02}"))
    } else {
        Err(bad())
    }
}

/// The `scheduling` object of every `--schedule`: the seven days, those not named
/// `active: false` (with the first schedule's hours, as the API wants times on every day).
pub fn scheduling(texts: &[String]) -> Result<Map<String, Value>> {
    let mut rules = Vec::with_capacity(texts.len());
    for text in texts {
        let rule = parse_schedule(text).map_err(|e| Error::input(format!("--schedule: {e}")))?;
        rules.push(rule);
    }
    let mut days: [Option<&ScheduleRule>; 7] = [None; 7];
    for rule in &rules {
        for &day in &rule.days {
            if days[day].is_some() {
                return Err(Error::input(format!(
                    "--schedule: {} is in two schedules; the API takes one time range per day",
                    DAYS[day]
                )));
            }
            days[day] = Some(rule);
        }
    }
    let (default_start, default_stop) = rules
        .first()
        .map_or(("09:00", "18:00"), |r| (r.start.as_str(), r.stop.as_str()));
    Ok(DAYS
        .iter()
        .zip(days)
        .map(|(name, rule)| {
            let day = match rule {
                Some(rule) => {
                    json!({"startTime": rule.start, "stopTime": rule.stop, "active": true})
                }
                None => {
                    json!({"startTime": default_start, "stopTime": default_stop, "active": false})
                }
            };
            ((*name).to_owned(), day)
        })
        .collect())
}

/// The campaign fields that have flags, as given (all optional: `--input` may hold them).
#[derive(Debug, Default, Clone)]
pub struct CampaignFields {
    pub name: Option<String>,
    pub agent: Option<String>,
    pub integration_id: Option<String>,
    pub channel: Option<String>,
    pub description: Option<String>,
    pub timezone: Option<String>,
    pub contact_retries: Option<i64>,
    pub message_limit: Option<i64>,
    pub first_message: Option<String>,
    pub template: Option<String>,
    pub template_alt: Option<String>,
    pub schedules: Vec<String>,
}

pub const IMMUTABLE_CYCLE_FIELDS: [&str; 2] = ["enabled", "mode"];

/// The `POST /campaigns` body: `--input` (if any), then the flags over it, checked.
pub fn create_body(
    input: Option<Map<String, Value>>,
    flags: &CampaignFields,
) -> Result<Map<String, Value>> {
    let mut body = input.unwrap_or_default();
    if let Some(field) = body.keys().find(|k| !CREATE_FIELDS.contains(&k.as_str())) {
        return Err(Error::input(format!(
            "--input has an unknown field '{field}' (known: {})",
            CREATE_FIELDS.join(", ")
        )));
    }
    set_string(&mut body, "agent_id", &flags.agent);
    set_string(&mut body, "integration_id", &flags.integration_id);
    set_string(&mut body, "integration_type", &flags.channel);
    apply_mutable_flags(&mut body, flags)?;
    for (field, flag) in [
        ("name", "--name"),
        ("agent_id", "--agent"),
        ("integration_id", "--integration-id"),
        ("integration_type", "--channel"),
    ] {
        if !body.contains_key(field) {
            return Err(Error::input(format!(
                "a campaign needs {field}: give {flag} (or put it in --input)"
            )));
        }
    }
    for field in ["agent_id", "integration_id"] {
        let id = expect_string(&body, field)?;
        crate::ids::checked_opaque(field, id)?;
    }
    let channel = expect_string(&body, "integration_type")?;
    if !CHANNELS.contains(&channel) {
        return Err(Error::input(format!(
            "the channel must be phone_call or whatsapp, not '{channel}'"
        )));
    }
    check_fields(&body)?;
    let wrong_channel: &[(&str, &str)] = if channel == "phone_call" {
        &[
            ("template", "--template"),
            ("template_alt", "--template-alt"),
        ]
    } else {
        &[("first_message", "--first-message"), ("cycles", "cycles")]
    };
    for (field, flag) in wrong_channel {
        if body.contains_key(*field) {
            let other = if channel == "phone_call" {
                "whatsapp"
            } else {
                "phone_call"
            };
            return Err(Error::input(format!(
                "{flag} is for {other} campaigns only, and this one is {channel}"
            )));
        }
    }
    Ok(body)
}

/// The `PATCH /campaigns/{id}` body: only the fields given; the immutable ones refused.
pub fn update_body(
    input: Option<Map<String, Value>>,
    flags: &CampaignFields,
) -> Result<Map<String, Value>> {
    let mut body = input.unwrap_or_default();
    for field in IMMUTABLE_FIELDS {
        if body.contains_key(field) {
            return Err(Error::input(format!(
                "--input sets {field}, which cannot change after the campaign is created"
            ))
            .with_hint("create a new campaign for another agent or channel"));
        }
    }
    if let Some(Value::Object(cycles)) = body.get("cycles") {
        for field in IMMUTABLE_CYCLE_FIELDS {
            if cycles.contains_key(field) {
                return Err(Error::input(format!(
                    "--input sets cycles.{field}, which cannot change after the campaign is created"
                )));
            }
        }
    }
    if let Some(field) = body.keys().find(|k| !CREATE_FIELDS.contains(&k.as_str())) {
        return Err(Error::input(format!(
            "--input has an unknown field '{field}' (known: {})",
            update_fields().join(", ")
        )));
    }
    apply_mutable_flags(&mut body, flags)?;
    if body.is_empty() {
        return Err(Error::input(
            "nothing to update: give a field to change (--name, --description, --schedule, ...) \
             or --input",
        ));
    }
    check_fields(&body)?;
    if body.contains_key("first_message")
        && (body.contains_key("template") || body.contains_key("template_alt"))
    {
        return Err(Error::input(
            "--first-message is for phone_call campaigns and --template for whatsapp ones: a \
             campaign has one channel",
        ));
    }
    Ok(body)
}

fn update_fields() -> Vec<&'static str> {
    CREATE_FIELDS
        .iter()
        .copied()
        .filter(|f| !IMMUTABLE_FIELDS.contains(f))
        .collect()
}

fn set_string(body: &mut Map<String, Value>, field: &str, value: &Option<String>) {
    if let Some(value) = value {
        body.insert(field.to_owned(), Value::String(value.clone()));
    }
}

/// The flags both `create` and `update` have, over the body.
fn apply_mutable_flags(body: &mut Map<String, Value>, flags: &CampaignFields) -> Result<()> {
    set_string(body, "name", &flags.name);
    set_string(body, "description", &flags.description);
    set_string(body, "timezone", &flags.timezone);
    set_string(body, "first_message", &flags.first_message);
    set_string(body, "template", &flags.template);
    set_string(body, "template_alt", &flags.template_alt);
    if let Some(retries) = flags.contact_retries {
        body.insert("retries".into(), retries.into());
    }
    if let Some(limit) = flags.message_limit {
        body.insert("message_limit".into(), limit.into());
    }
    if !flags.schedules.is_empty() {
        body.insert(
            "scheduling".into(),
            Value::Object(scheduling(&flags.schedules)?),
        );
    }
    Ok(())
}

fn expect_string<'b>(body: &'b Map<String, Value>, field: &str) -> Result<&'b str> {
    match body.get(field) {
        Some(Value::String(text)) => Ok(text),
        Some(other) => Err(Error::input(format!(
            "{field} must be a string, not {}",
            json_type(other)
        ))),
        None => Err(Error::input(format!("{field} is missing"))),
    }
}

/// The ranges and types of the fields present (section 16: name 1-255 characters, retries
/// 0-5, message limit 1-10000).
fn check_fields(body: &Map<String, Value>) -> Result<()> {
    for (field, value) in body {
        match field.as_str() {
            "name" => {
                let name = expect_string(body, field)?;
                let length = name.chars().count();
                if name.trim().is_empty() || length > NAME_LIMIT {
                    return Err(Error::input(format!(
                        "the campaign name must be 1 to {NAME_LIMIT} characters, not {length}"
                    )));
                }
            }
            "description" | "timezone" | "first_message" | "template" | "template_alt" => {
                expect_string(body, field)?;
            }
            "retries" => check_range(value, 0..=5, "--contact-retries (retries)")?,
            "message_limit" => check_range(value, 1..=10_000, "--message-limit (message_limit)")?,
            "scheduling" | "cycles" if !value.is_object() => {
                return Err(Error::input(format!(
                    "{field} must be an object, not {}",
                    json_type(value)
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_range(value: &Value, range: std::ops::RangeInclusive<i64>, what: &str) -> Result<()> {
    match value.as_i64() {
        Some(n) if range.contains(&n) => Ok(()),
        _ => Err(Error::input(format!(
            "{what} must be an integer from {} to {}, not {value}",
            range.start(),
            range.end()
        ))),
    }
}

/// The actions that lead from `current` to the statuses in `targets` (the API's
/// `valid_targets`, which may name statuses or actions), archive always among them.
pub fn valid_actions(current: &str, targets: &[String]) -> Vec<&'static str> {
    let mut actions = Vec::new();
    for target in targets {
        let action = match target.as_str() {
            "active" if current == "inactive" => "resume",
            "active" | "activate" => "activate",
            "inactive" | "pause" => "pause",
            "resume" => "resume",
            "archive" | "archived" => "archive",
            _ => continue,
        };
        if !actions.contains(&action) {
            actions.push(action);
        }
    }
    if !actions.contains(&"archive") {
        actions.push("archive");
    }
    actions
}

/// The Campaigns API's string error codes in words, for the message of a refused request;
/// `None` for a body without a code this knows. `what` names the target (`campaign 42`,
/// `contact 7 of campaign 42`) and `action` the command's verb (`activate`, `update`, ...).
pub fn explain_api_error(status: u16, body: &Value, what: &str, action: &str) -> Option<String> {
    let code = body.get("error")?.as_str()?;
    let message = body.get("message").and_then(Value::as_str);
    let text = |key: &str| body.get(key).and_then(Value::as_str);
    Some(match code {
        "INVALID_STATUS_TRANSITION" => {
            let current = text("current_status").unwrap_or("in another status");
            let targets: Vec<String> = body
                .get("valid_targets")
                .and_then(Value::as_array)
                .map(|t| {
                    t.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            let actions = valid_actions(current, &targets);
            format!(
                "cannot {action} {what}: its status is {current}, from which the valid actions \
                 are: {} (HTTP {status} {code})",
                actions.join(", ")
            )
        }
        // The API's own words first (contract section 6): they may say which limit.
        "BILLING_LIMIT_REACHED" => match message {
            Some(message) => format!(
                "cannot {action} {what}: {message} (HTTP {status} {code}); the organization's \
                 billing limit was reached: raise it in the Altur app, then run this again"
            ),
            None => format!(
                "cannot {action} {what}: the organization's billing limit was reached (HTTP \
                 {status} {code}); raise it in the Altur app, then run this again"
            ),
        },
        "CAMPAIGN_FINISHED" => format!(
            "cannot {action} {what}: it is finished, and finished campaigns are read-only \
             (HTTP {status} {code})"
        ),
        "IMMUTABLE_FIELD" => {
            let field = text("field").unwrap_or("a field");
            format!(
                "cannot {action} {what}: {field} is fixed when the campaign is created (HTTP \
                 {status} {code})"
            )
        }
        "CONTACT_NOT_DELETABLE" => {
            let current = text("current_status")
                .map(|s| format!(" (this one is {s})"))
                .unwrap_or_default();
            format!(
                "cannot delete {what}: only contacts in queue or failed status can be \
                 deleted{current} (HTTP {status} {code})"
            )
        }
        "CYCLES_NOT_ENABLED" => format!(
            "cannot {action} {what}: its cycles are not enabled (they are set only when a \
             phone_call campaign is created) (HTTP {status} {code})"
        ),
        "SCHEDULED_MODE_ONLY" => format!(
            "cannot {action} {what}: the cycle schedule fields are for cycles in scheduled \
             mode only (HTTP {status} {code})"
        ),
        _ => match message {
            Some(message) => format!("cannot {action} {what}: {message} (HTTP {status} {code})"),
            None => format!("cannot {action} {what} (HTTP {status} {code})"),
        },
    })
}

#[cfg(test)]
mod tests;
