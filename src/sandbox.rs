//! `altur sandbox serve | exec`: a local stand-in for the EndUser API.

use crate::cli::SandboxCommand;
use crate::error::{Error, Result};

pub fn run(_command: &SandboxCommand) -> Result<i32> {
    Err(Error::internal("the sandbox is not implemented yet"))
}
