//! `altur completions SHELL`: scripts generated from the clap definition, the one source of truth.

use clap_complete::Shell;

use crate::cli::Policy;
use crate::error::Result;
use crate::session::Session;

/// Print a shell completion script
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur completions bash > ~/.local/share/bash-completion/completions/altur
  altur completions zsh > ~/.zfunc/_altur
  altur completions fish > ~/.config/fish/completions/altur.fish")]
pub(crate) struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub(crate) shell: Shell,
}

/// It reads no settings and sends nothing.
pub(crate) const POLICY: Policy = Policy::LOCAL;

/// The completion script for `shell`, from the command tree `root`.
pub fn script(shell: Shell, root: &mut clap::Command) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, root, "altur", &mut buffer);
    String::from_utf8(buffer).expect("clap_complete writes UTF-8")
}

pub(crate) fn run(session: &Session, args: &Args, root: &mut clap::Command) -> Result<()> {
    session.out().stdout(&script(args.shell, root))
}
