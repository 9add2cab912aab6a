//! `altur call get`.

use super::{CALL, GET};
use crate::cli::Policy;
use crate::error::Result;
use crate::ids::OpaqueId;
use crate::session::Session;

/// Fetch one call
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur call get cll_a208c12cf0c7b709
  altur call get \"$CALL\" -o json | jq -r .status")]
pub(crate) struct Args {
    /// The call's id (cll_...)
    #[arg(value_name = "CALL_ID")]
    pub(crate) call_id: OpaqueId,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// One call, as `GET /call/{id}` answers it.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let call_id = args.call_id.as_str();
    let Some(answer) = session.execute(&GET.call(&[call_id]))? else {
        return Ok(()); // --dry-run
    };
    session
        .out()
        .print_resource(&answer.body, &CALL, session.format()?)
}
