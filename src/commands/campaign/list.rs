//! `altur campaign list`.

use super::{CAMPAIGN, LIST};
use crate::cli::{PageArgs, Policy};
use crate::error::{Error, Result};
use crate::output;
use crate::paging::Style;
use crate::session::Session;

/// List campaigns, newest first
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
Examples:
  altur campaign list --status active
  altur campaign list --integration whatsapp --all -o ndjson")]
pub(crate) struct Args {
    /// Only campaigns in this status
    #[arg(long, value_name = "STATUS", value_parser = ["pending", "ready", "active", "inactive", "cooldown", "finished"])]
    pub(crate) status: Option<String>,

    /// Only campaigns of this channel
    #[arg(long, value_name = "CHANNEL", value_parser = ["phone_call", "whatsapp"])]
    pub(crate) integration: Option<String>,

    /// Only campaigns of this agent
    #[arg(long, value_name = "AGENT_ID")]
    pub(crate) agent: Option<String>,

    /// Created at or after this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub(crate) since: Option<String>,

    /// Created at or before this date [default with --since: now]
    #[arg(long, value_name = "DATE")]
    pub(crate) until: Option<String>,

    /// List archived campaigns
    #[arg(long)]
    pub(crate) archived: bool,

    #[command(flatten)]
    pub(crate) page: PageArgs,
}

pub(crate) const POLICY: Policy = Policy::LIST;

/// The campaigns, filtered, a page at a time as they arrive (`--limit`, `--all`, `--after`).
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let mut call = LIST.call(&[]);
    if let Some(status) = &args.status {
        call = call.with_query("status", status);
    }
    if let Some(channel) = &args.integration {
        call = call.with_query("integration", channel);
    }
    if let Some(agent) = &args.agent {
        crate::ids::checked_opaque("agent", agent)?;
        call = call.with_query("agentId", agent);
    }
    match (&args.since, &args.until) {
        (None, None) => {}
        (None, Some(_)) => {
            return Err(Error::input(
                "--until needs --since: the API takes startDate and endDate together",
            ));
        }
        (Some(since), until) => {
            check_date("--since", since)?;
            let until = match until {
                Some(until) => {
                    check_date("--until", until)?;
                    until.clone()
                }
                None => crate::datetime::format_utc(std::time::SystemTime::now()),
            };
            call = call
                .with_query("startDate", since)
                .with_query("endDate", until);
        }
    }
    if args.archived {
        call = call.with_query("archived", "true");
    }
    crate::commands::list::items(
        session,
        call,
        Style::Cursor,
        "campaigns",
        &CAMPAIGN,
        &args.page,
    )
}

fn check_date(flag: &str, text: &str) -> Result<()> {
    match crate::datetime::parse(text) {
        Ok(_) => Ok(()),
        Err(why) => Err(Error::input(format!(
            "{flag} '{}' is not an ISO 8601 date or date-time (like 2026-11-27 or \
             2026-11-27T08:00:00Z): {why}",
            output::for_terminal(text)
        ))),
    }
}
