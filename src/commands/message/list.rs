//! `altur message list`: a thread's messages, oldest first, as the server sends them.

use super::{LIST, print_messages, transcript_zone};
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::cli::TzArg;
use crate::error::Result;
use crate::ids::OpaqueId;
use crate::session::Session;
use crate::transcript::Zone;

/// List a thread's messages, oldest first
///
/// Each message shows its time, who sent it (AI, EU for the EndUser, SYS) and the text, or
/// `[image] URL` for media; -o json is the array as received, -o ndjson one message a line,
/// -o csv a header and one row a message (an empty thread: the header alone), -o
/// transcript one `[time] Agent: text` line a message.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur message list \"$THREAD\" -o table
  altur message list \"$THREAD\" -o transcript --tz America/Mexico_City
  altur message list \"$THREAD\" -o csv --fields sent_at,sent_by,content")]
pub(crate) struct Args {
    /// The thread's id (from `message send -o json` or `thread get`)
    #[arg(value_name = "THREAD_ID")]
    pub(crate) thread_id: OpaqueId,

    #[command(flatten)]
    pub(crate) tz: TzArg,
}

pub(crate) const POLICY: Policy = Policy {
    formats: &[
        OutputFormat::Table,
        OutputFormat::Json,
        OutputFormat::Ndjson,
        OutputFormat::Csv,
        OutputFormat::Transcript,
    ],
    ..Policy::READ
};

/// `altur message list`: the thread's messages in the run's format (`--tz` for
/// `-o transcript`, checked before anything is sent).
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let (thread_id, tz) = (args.thread_id.as_str(), args.tz.as_deref());
    // `-o id` is refused before this (messages have no id of their own).
    let format = session.format()?;
    let zone = transcript_zone(tz, format)?;
    fetch(session, thread_id, format, &zone)
}

/// Fetches the messages of thread `thread_id` (checked) and prints them in `format`; under
/// `--dry-run` prints the request instead. `thread get -o transcript` uses it too.
pub fn fetch(session: &Session, thread_id: &str, format: OutputFormat, zone: &Zone) -> Result<()> {
    let call = LIST.call(&[thread_id]);
    let Some(answer) = session.execute(&call)? else {
        return Ok(()); // --dry-run
    };
    print_messages(session.out(), thread_id, &answer.body, format, zone)
}
