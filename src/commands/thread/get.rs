//! `altur thread get`.

use super::{THREAD, for_table};
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::cli::TzArg;
use crate::commands::message::{self, THREAD as GET};
use crate::error::Result;
use crate::ids::OpaqueId;
use crate::session::Session;

/// Fetch a thread with its agent, EndUser, integration, tags and assignees
///
/// The API's older field names (chatbot, enduser) are read as well as the current ones
/// (agent, end_user); -o json is the body as received; -o transcript reads the thread's
/// messages: a header, then one `[time] Agent: text` line a message (Agent, Customer,
/// System), times in UTC unless --tz.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur thread get \"$THREAD\"
  altur thread get \"$THREAD\" -o json | jq .agent.id
  altur thread get \"$THREAD\" -o transcript --tz -06:00")]
pub(crate) struct Args {
    /// The thread's id
    #[arg(value_name = "THREAD_ID")]
    pub(crate) id: OpaqueId,

    #[command(flatten)]
    pub(crate) tz: TzArg,
}

pub(crate) const POLICY: Policy = Policy {
    formats: &[
        OutputFormat::Table,
        OutputFormat::Json,
        OutputFormat::Ndjson,
        OutputFormat::Id,
        OutputFormat::Transcript,
    ],
    ..Policy::READ
};

/// `altur thread get`: `-o json` as received; the table reads either spelling of the fields;
/// `-o transcript` the thread's messages (`GET /message/{id}`), times in `tz`.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let format = session.format()?;
    let zone = message::transcript_zone(args.tz.as_deref(), format)?;
    let id = args.id.as_str();
    if format == OutputFormat::Transcript {
        return message::list::fetch(session, id, OutputFormat::Transcript, &zone);
    }
    let Some(answer) = session.execute(&GET.call(&[id]))? else {
        return Ok(()); // --dry-run
    };
    let thread = answer.body;
    if format == OutputFormat::Table && session.out().jq().is_none() {
        return session
            .out()
            .print_resource(&for_table(&thread), &THREAD, format);
    }
    session.out().print_resource(&thread, &THREAD, format)
}
