//! `call list`: a campaign's calls, filtered and paged, and the request `call recordings`
//! lists them with.

use super::{CALL, CAMPAIGN_CALLS, client, dry_run};
use crate::cli::{CallFilterArgs, CallListArgs};
use crate::client::Call;
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::output::{self, ListPrinter, for_terminal};
use crate::paging::{self, Limit, Listing, Position, Style};

/// The listing request of a campaign's calls with its filters, checked before sending.
pub(super) fn campaign_calls(filters: &CallFilterArgs) -> Result<Call> {
    let campaign = filters.campaign.to_string();
    let mut call = CAMPAIGN_CALLS.call(&[&campaign]);
    if let Some(status) = filters.status {
        call = call.with_query("status", value_name(status));
    }
    if let Some(who) = filters.answered_by {
        call = call.with_query("answeredBy", value_name(who));
    }
    for (flag, name, value) in [
        ("--since", "startDate", &filters.since),
        ("--until", "endDate", &filters.until),
    ] {
        if let Some(value) = value {
            crate::datetime::parse(value).map_err(|why| {
                Error::input(format!(
                    "{flag} '{}' is not an ISO 8601 date or date-time: {why}",
                    for_terminal(value)
                ))
                .with_hint("for example 2026-11-27 or 2026-11-27T08:00:00Z")
            })?;
            call = call.with_query(name, value.clone());
        }
    }
    Ok(call)
}

fn value_name(value: impl clap::ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// The filters as flags, to repeat them in the command that continues a list.
fn filter_flags(filters: &CallFilterArgs) -> String {
    let mut words = vec![format!("--campaign {}", filters.campaign)];
    if let Some(status) = filters.status {
        words.push(format!("--status {}", value_name(status)));
    }
    if let Some(who) = filters.answered_by {
        words.push(format!("--answered-by {}", value_name(who)));
    }
    if let Some(since) = &filters.since {
        words.push(format!("--since {}", shell_words::quote(since)));
    }
    if let Some(until) = &filters.until {
        words.push(format!("--until {}", shell_words::quote(until)));
    }
    words.join(" ")
}

pub(super) fn list(settings: &Settings, args: &CallListArgs) -> Result<i32> {
    let call = campaign_calls(&args.filters)?;
    let after = args
        .after
        .as_deref()
        .map(Position::from_token)
        .transpose()?;
    let limit = match (args.all, args.limit) {
        (true, _) => Limit::All,
        (false, limit) => Limit::Items(limit.unwrap_or(paging::DEFAULT_LIMIT)),
    };
    if settings.dry_run {
        let first = call
            .with_query("pageSize", paging::PAGE_SIZE.to_string())
            .with_query("pageIndex", "0");
        return dry_run(settings, &first);
    }
    let client = client(settings)?;
    crate::interrupt::exit_on_signal(Error::new(Kind::Interrupted, "interrupted"));
    let mut continue_with = format!("altur call list {}", filter_flags(&args.filters));
    if let Some(limit) = args.limit {
        continue_with.push_str(&format!(" --limit {limit}"));
    }
    let mut printer = ListPrinter::new(&CALL, output::format_for(settings));
    paging::list(
        &client,
        Listing {
            call,
            style: Style::PageIndex,
            items_key: "calls",
            limit,
            after,
            continue_with,
        },
        &mut printer,
    )?;
    printer.finish()?;
    Ok(0)
}
