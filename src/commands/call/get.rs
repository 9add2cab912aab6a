//! `altur call get`.

use super::{CALL, GET};
use crate::error::Result;
use crate::session::Session;

/// One call, as `GET /call/{id}` answers it.
pub fn run(session: &Session, call_id: &str) -> Result<()> {
    let Some(answer) = session.execute(&GET.call(&[call_id]))? else {
        return Ok(()); // --dry-run
    };
    session
        .out()
        .print_resource(&answer.body, &CALL, session.format()?)
}
