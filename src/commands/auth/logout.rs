//! `altur auth logout`: remove the selected profile's API key.

use super::shadowing;
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::config_file::ConfigDocument;
use crate::error::Result;
use crate::session::Session;

/// Remove the selected profile's API key
///
/// Removes the api_key line of the selected profile and nothing else: the rest of the
/// profile, other profiles and comments stay. With no key saved it says so and leaves the
/// file untouched. It warns when a key would still be found elsewhere (api_key_command,
/// ALTUR_API_KEY, --api-key-file). --dry-run says what it would remove and changes nothing.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur auth logout
  altur --profile staging auth logout")]
pub(crate) struct Args {}

pub(crate) const POLICY: Policy = Policy {
    formats: &[OutputFormat::Json],
    jq: false,
    ..Policy::READ
};

/// Removes the selected profile's `api_key` line and nothing else (`--dry-run`: says what it
/// would remove).
pub(crate) fn run(session: &Session, _args: &Args) -> Result<()> {
    let settings = session.settings()?;
    let mut document = ConfigDocument::open(&settings.config_path)?;
    let profile = &settings.profile;
    let path = settings.config_path.display();
    if session.dry_run() {
        let what = if document.has_api_key(profile) {
            format!("would remove the API key of profile '{profile}' from {path}")
        } else {
            format!("profile '{profile}' has no saved API key in {path}; nothing to remove")
        };
        session
            .out()
            .note(&format!("dry run: {what}; nothing was changed"));
        return Ok(());
    }
    if document.remove_api_key(profile) {
        document.save()?;
        session.out().note(&format!(
            "removed the API key of profile '{profile}' from {path}"
        ));
    } else {
        session.out().note(&format!(
            "profile '{profile}' has no saved API key in {path}; nothing to remove"
        ));
    }
    if document.has_key_command(profile) {
        session.out().warn(&format!(
            "profile '{profile}' still has an api_key_command, which altur keeps using; \
             remove it from {path} to stop"
        ));
    }
    if let Some(warning) = shadowing(settings.credential.as_ref(), "the config file") {
        session
            .out()
            .warn(&format!("{warning}, and altur keeps using it"));
    }
    Ok(())
}
