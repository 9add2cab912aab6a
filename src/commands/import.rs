//! `altur enduser import`.

use crate::cli::ImportArgs;
use crate::config::Settings;
use crate::error::{Error, Result};

pub fn run(_settings: &Settings, _args: &ImportArgs) -> Result<()> {
    Err(Error::internal("import is not implemented yet"))
}
