//! `altur auth login | status | logout`.

use crate::cli::AuthCommand;
use crate::config::Settings;
use crate::error::{Error, Result};

pub fn run(_settings: &Settings, _command: &AuthCommand) -> Result<()> {
    Err(Error::internal("auth commands are not implemented yet"))
}
