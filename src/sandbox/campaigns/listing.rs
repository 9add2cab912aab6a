//! `GET /campaigns`: newest first, cursor paging, the documented filters, and the query values
//! public customer scripts send (`archived=False`, date-only `startDate`/`endDate`).

use std::time::SystemTime;

use serde_json::{Value, json};

use super::{
    Campaign, Campaigns, Channel, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, STATUSES, Status,
    integer_parameter, invalid, query_map, seconds,
};
use crate::datetime;
use crate::sandbox::domain::{Outcome, Reply, SANDBOX_AGENT_ID};

impl Campaigns {
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
        let archived = match query.get("archived") {
            None => false,
            Some(text) => query_bool(text).ok_or_else(|| {
                invalid(format!(
                    "archived must be a boolean (true, false, True, False, 1 or 0), not '{text}'"
                ))
            })?,
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
        let campaigns: Vec<Value> = page.iter().map(|c| c.summary()).collect();
        let mut pagination = json!({"has_next": has_next, "has_previous": after.is_some()});
        // A cursor that does not exist is left out, not null: the spec types it a string.
        if let (true, Some(last)) = (has_next, page.last()) {
            pagination["next_cursor"] = encode_cursor(last.id).into();
        }
        Ok(Reply::ok(json!({
            "total_count": total_count,
            "campaigns": campaigns,
            "pagination": pagination,
        })))
    }
}

pub(super) fn encode_cursor(id: u64) -> String {
    format!("cmp_{id:x}")
}

pub(super) fn decode_cursor(cursor: &str) -> Option<u64> {
    u64::from_str_radix(cursor.strip_prefix("cmp_")?, 16).ok()
}

/// A boolean query value as clients send it: `true`/`false` (JSON, curl), `True`/`False`
/// (Python's `requests` formats a `bool` so), `1`/`0`.
pub(super) fn query_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "1" => Some(true),
        "false" | "False" | "0" => Some(false),
        _ => None,
    }
}
