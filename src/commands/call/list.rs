//! `call list`: a campaign's calls, filtered and paged, and the request `call recordings`
//! lists them with.

use super::{CALL, CAMPAIGN_CALLS};
use crate::cli::Policy;
use crate::cli::{AnsweredByFilter, CallFilterArgs, CallStatusFilter};
use crate::client::Call;
use crate::error::{Error, Result};
use crate::output::{ListPrinter, for_terminal};
use crate::paging::{self, Limit, Listing, Position, Style};
use crate::session::Session;

/// The listing request of a campaign's calls with its filters, checked before sending.
pub(super) fn campaign_calls(filters: &CallFilterArgs) -> Result<Call> {
    calls_query(
        &filters.campaign.to_string(),
        filters.status,
        filters.answered_by,
        filters.since.as_deref(),
        filters.until.as_deref(),
    )
}

/// `GET /campaigns/{id}/calls` with the filters the API takes (`call list`, `call recordings`,
/// `call export`), the dates checked first.
pub(super) fn calls_query(
    campaign: &str,
    status: Option<CallStatusFilter>,
    answered_by: Option<AnsweredByFilter>,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<Call> {
    let mut call = CAMPAIGN_CALLS.call(&[campaign]);
    if let Some(status) = status {
        call = call.with_query("status", value_name(status));
    }
    if let Some(who) = answered_by {
        call = call.with_query("answeredBy", value_name(who));
    }
    for (flag, name, value) in [
        ("--since", "startDate", since),
        ("--until", "endDate", until),
    ] {
        if let Some(value) = value {
            checked_date(flag, value)?;
            call = call.with_query(name, value);
        }
    }
    Ok(call)
}

/// `value` of `flag` when it is an ISO 8601 date or date-time, else exit 2 saying so.
pub(super) fn checked_date(flag: &str, value: &str) -> Result<()> {
    crate::datetime::parse(value).map(|_| ()).map_err(|why| {
        Error::input(format!(
            "{flag} '{}' is not an ISO 8601 date or date-time: {why}",
            for_terminal(value)
        ))
        .with_hint("for example 2026-11-27 or 2026-11-27T08:00:00Z")
    })
}

pub(super) fn value_name(value: impl clap::ValueEnum) -> String {
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

/// List the calls of a campaign (GET /campaigns/{id}/calls)
///
/// Newest first, 30 at a time: --limit N shows N and prints the token to continue with
/// (--after TOKEN); --all follows every page.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
Examples:
  altur call list --campaign 4821 --status ended --since 2026-12-01
  altur call list --campaign 4821 --all -o ndjson > calls.ndjson")]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) filters: CallFilterArgs,

    /// Show at most N calls [default: 30]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..), conflicts_with = "all")]
    pub(crate) limit: Option<u64>,

    /// Show every call
    #[arg(long)]
    pub(crate) all: bool,

    /// Continue a list where a --limit stopped (the token it printed)
    #[arg(long, value_name = "TOKEN")]
    pub(crate) after: Option<String>,
}

pub(crate) const POLICY: Policy = Policy::LIST;

/// `altur call list`: a campaign's calls, filtered, a page at a time as they arrive.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
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
    let first = call
        .clone()
        .with_query("pageSize", paging::PAGE_SIZE.to_string())
        .with_query("pageIndex", "0");
    let Some(client) = session.prepare(&first)? else {
        return Ok(()); // --dry-run
    };
    let mut continue_with = format!("altur call list {}", filter_flags(&args.filters));
    if let Some(limit) = args.limit {
        continue_with.push_str(&format!(" --limit {limit}"));
    }
    let mut printer = ListPrinter::new(session.out(), &CALL, session.format()?);
    paging::list(
        client,
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
    printer.finish()
}

/// Every item of a paged listing, one at a time: the next page is asked for only when its
/// items are wanted, so a bulk run's listing stays a page ahead at most.
pub(super) struct Items<'c> {
    pager: paging::Pager<'c>,
    buffer: std::collections::VecDeque<serde_json::Value>,
    key: &'static str,
    done: bool,
}

impl<'c> Items<'c> {
    pub(super) fn new(
        client: &'c crate::client::Client,
        call: Call,
        start: paging::Page,
        key: &'static str,
    ) -> Items<'c> {
        Items {
            pager: paging::Pager::new(client, call, start, Some(key)),
            buffer: Default::default(),
            key,
            done: false,
        }
    }
}

impl Iterator for Items<'_> {
    type Item = Result<serde_json::Value>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Some(Ok(item));
            }
            if self.done {
                return None;
            }
            match self.pager.fetch() {
                Ok(Some(fetched)) => {
                    if let Some(items) = paging::items_of(&fetched.body, Some(self.key)) {
                        self.buffer.extend(items.iter().cloned());
                    }
                }
                Ok(None) => self.done = true,
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
    }
}
