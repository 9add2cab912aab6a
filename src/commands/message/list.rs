//! `altur message list`: a thread's messages, oldest first, as the server sends them.

use super::{LIST, print_messages, transcript_zone};
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::ids::checked_opaque;
use crate::session::Session;
use crate::transcript::Zone;

/// `altur message list`: the thread's messages in the run's format (`--tz` for
/// `-o transcript`, checked before anything is sent).
pub fn run(session: &Session, thread_id: &str, tz: Option<&str>) -> Result<()> {
    let thread_id = checked_opaque("thread", thread_id)?;
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
