//! The fields of a campaign that create and PATCH set: each checked like the API checks it
//! (types, ranges, channels, the cycles and their scheduled mode, week schedules).

use serde_json::{Map, Value, json};

use super::{Channel, DAYS, NAME_LIMIT, Settings, invalid_field};
use crate::model::campaign;
use crate::sandbox::domain::ApiError;

/// Whether `apply` checks a create or a PATCH (where `cycles.enabled`/`mode` are immutable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Create,
    Update,
}

/// `CampaignCreate`'s fields and, last, the list's `concurrency_limit`: not documented for
/// create, where the sandbox takes it so that a campaign's pace can be chosen (contract
/// section 21).
pub(super) const CREATE_FIELDS: [&str; 14] = {
    let mut fields = ["concurrency_limit"; 14];
    let (documented, _) = fields.split_at_mut(campaign::CREATE_FIELDS.len());
    documented.copy_from_slice(&campaign::CREATE_FIELDS);
    fields
};

pub(super) const UPDATE_FIELDS: [&str; 10] = [
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

pub(super) use campaign::IMMUTABLE_FIELDS;

pub(super) const CYCLE_FIELDS: [&str; 9] = [
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

pub(super) fn immutable(field: &str) -> ApiError {
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
    pub(super) fn apply(
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
                    self.concurrency_limit = integer_field(&field, &value, 1..=1000)?;
                }
                _ => return Err(invalid_field(&field, format!("unknown field '{field}'"))),
            }
        }
        Ok(())
    }

    pub(super) fn apply_cycles(
        &mut self,
        channel: Channel,
        value: Value,
        mode: Mode,
    ) -> Result<(), ApiError> {
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

pub(super) fn only_for(channel: Channel, wanted: Channel, field: &str) -> Result<(), ApiError> {
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

pub(super) fn string_field(field: &str, value: Value) -> Result<String, ApiError> {
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

pub(super) fn optional_string(field: &str, value: Value) -> Result<Option<String>, ApiError> {
    match value {
        Value::Null => Ok(None),
        other => string_field(field, other).map(Some),
    }
}

pub(super) fn integer_field(
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
pub(super) fn default_scheduling() -> Map<String, Value> {
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
pub(super) fn merge_schedule(
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
pub(super) fn is_clock_time(text: &str) -> bool {
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
