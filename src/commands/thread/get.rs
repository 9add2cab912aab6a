//! `altur thread get`.

use super::{THREAD, for_table};
use crate::cli::OutputFormat;
use crate::commands::message::{self, THREAD as GET};
use crate::error::Result;
use crate::ids::checked_opaque;
use crate::session::Session;

/// `altur thread get`: `-o json` as received; the table reads either spelling of the fields;
/// `-o transcript` the thread's messages (`GET /message/{id}`), times in `tz`.
pub fn run(session: &Session, id: &str, tz: Option<&str>) -> Result<()> {
    let format = session.format()?;
    let zone = message::transcript_zone(tz, format)?;
    let id = checked_opaque("thread", id)?;
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
