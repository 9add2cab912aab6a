//! `altur auth status`: where the API key comes from, masked, and what is wrong with it.

use serde_json::json;

use super::shadowing;
use crate::cli::{OutputFormat, Policy};
use crate::config::{self, Credential};
use crate::error::{Kind, Result};
use crate::output;
use crate::secret::Secret;
use crate::session::Session;

/// Show where the API key comes from (masked)
///
/// Says which source gives the key (source: flag for --api-key-file, env for ALTUR_API_KEY,
/// config for the profile's api_key, command for its api_key_command, or none), the base
/// URL, the profile and the config file, with only the key's last 4 characters (none for a
/// key under 12 characters). Each problem found is a warning on stderr and in `warnings`:
/// a config file others can read, a key hiding another, an api_key_command that fails, an
/// unusable key, no key at all. Exit 0 when a usable key was found, 4 when not (the facts
/// are printed either way); api_key_command is run to check it.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  altur auth status
  altur --profile staging auth status -o json")]
pub(crate) struct Args {}

pub(crate) const POLICY: Policy = Policy {
    formats: &[OutputFormat::Table, OutputFormat::Json],
    ..Policy::READ
};

/// Says where the key comes from (masked) and what is wrong with it; the exit code is 4 when
/// no usable key was found, after printing what was.
pub(crate) fn run(session: &Session, _args: &Args) -> Result<i32> {
    let settings = session.settings()?;
    let mut warnings = Vec::new();
    if let Some(message) = config::loose_permissions(&settings.config_path) {
        // Printed through the once-per-run guard: reading the settings may have said it already.
        config::warn_if_loose_permissions(&settings.config_path, &|message| {
            session.out().warn(message)
        });
        warnings.push(message);
    }
    let mut warn = |message: String| {
        session.out().warn(&message);
        warnings.push(message);
    };
    // The file is read even when the key comes from elsewhere, to tell what it hides.
    match config::load_profile(&settings.config_path, &settings.profile) {
        Ok(profile) if profile.api_key.is_some() || profile.api_key_command.is_some() => {
            let what = format!(
                "the key of profile '{}' in the config file",
                settings.profile
            );
            if let Some(warning) = shadowing(settings.credential.as_ref(), &what) {
                warn(warning);
            }
        }
        Ok(_) => {}
        Err(e) => warn(e.message),
    }
    let key = match &settings.credential {
        None => {
            warn(format!(
                "no API key configured for profile '{}': run `altur auth login`, or set ALTUR_API_KEY",
                settings.profile
            ));
            None
        }
        Some(credential) => match credential
            .load(settings.key_command_limit)
            .and_then(|key| settings.check_key(key))
        {
            Ok(key) => Some(key),
            Err(e) => {
                warn(e.message);
                None
            }
        },
    };
    let source = settings
        .credential
        .as_ref()
        .map_or("none", Credential::source_name);
    let key_hint = key.as_ref().map(Secret::hint);

    if session.format()? == OutputFormat::Json {
        session.out().print_json(&json!({
            "profile": settings.profile,
            "base_url": settings.base_url.as_str(),
            "config_path": settings.config_path.display().to_string(),
            "source": source,
            "key_hint": key_hint,
            "warnings": warnings,
        }))?;
    } else {
        let rows = [
            ("profile", settings.profile.clone()),
            ("base URL", settings.base_url.as_str().to_owned()),
            ("config file", settings.config_path.display().to_string()),
            ("key source", source_detail(settings.credential.as_ref())),
            (
                "key",
                match (&key_hint, &settings.credential) {
                    (Some(hint), _) => hint.clone(),
                    (None, None) => "none".to_owned(),
                    (None, Some(_)) => "unusable (see the warning)".to_owned(),
                },
            ),
        ];
        let rows: Vec<(String, String)> = rows
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect();
        session.out().stdout(&output::key_value_table(&rows))?;
    }
    Ok(if key.is_some() {
        0
    } else {
        Kind::Auth.exit_code()
    })
}

/// The source as the table shows it: the name `-o json` gives, and where exactly.
fn source_detail(credential: Option<&Credential>) -> String {
    match credential {
        None => "none".to_owned(),
        Some(Credential::File(path)) => format!("flag (--api-key-file {})", path.display()),
        Some(Credential::Env(_)) => "env (ALTUR_API_KEY)".to_owned(),
        Some(Credential::Config(_)) => "config (api_key)".to_owned(),
        Some(Credential::Command(command)) => format!("command (api_key_command: {command})"),
    }
}
