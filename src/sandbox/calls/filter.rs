//! The query of `GET /campaigns/{id}/calls`, checked: its filters and its page.

use std::time::SystemTime;

use super::record::{AnsweredBy, CallRecord};
use crate::datetime;
use crate::sandbox::domain::ApiError;

/// Page size bounds and default of `GET /campaigns/{id}/calls` (the spec's).
const PAGE_SIZE_DEFAULT: usize = 50;
const PAGE_SIZE_MAX: usize = 100;

/// The statuses and answered-by values the listing filters take (the spec's enums).
const STATUS_FILTERS: [&str; 5] = ["ended", "failed", "busy", "no-answer", "in-progress"];
const ANSWERED_BY_VALUES: [&str; 3] = ["human", "machine", "unknown"];

/// The listing's query, checked.
#[derive(Debug)]
pub(super) struct CallFilter {
    pub(super) status: Option<String>,
    pub(super) answered_by: Option<String>,
    pub(super) since: Option<SystemTime>,
    pub(super) until: Option<SystemTime>,
    pub(super) page_size: usize,
    pub(super) page_index: usize,
}

impl CallFilter {
    pub(super) fn from_query(query: &[(String, String)]) -> Result<CallFilter, ApiError> {
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
            // A date alone takes its whole day, as `GET /campaigns` does.
            until: date("endDate")?.map(|until| match get("endDate") {
                Some(text) if text.len() == 10 => until + std::time::Duration::from_secs(86_400),
                _ => until,
            }),
            page_size: number("pageSize", 1, PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT)?,
            page_index: number("pageIndex", 0, usize::MAX, 0)?,
        })
    }

    pub(super) fn matches(&self, call: &CallRecord, now: SystemTime) -> bool {
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
