//! `altur completions SHELL`: scripts generated from the clap definition, the one source of truth.

use clap_complete::Shell;

use crate::error::Result;
use crate::session::Session;

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "altur", &mut buffer);
    String::from_utf8(buffer).expect("clap_complete writes UTF-8")
}

pub fn run(session: &Session, shell: Shell) -> Result<()> {
    session.out().stdout(&script(shell))
}
