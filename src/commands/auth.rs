//! `altur auth login | status | logout`.

use std::io::IsTerminal;

use serde_json::json;

use crate::cli::{AuthCommand, OutputFormat};
use crate::client::{Client, Method, Request};
use crate::config::{self, Credential, Settings, read_limited_utf8};
use crate::config_file::ConfigDocument;
use crate::error::{Error, Kind, Result};
use crate::output;
use crate::secret::Secret;

/// Runs an `auth` command and returns the exit code: `status` exits 4 when there is no usable
/// key, after printing what it found.
pub fn run(settings: &Settings, command: &AuthCommand) -> Result<i32> {
    match command {
        AuthCommand::Login { with_key, verify } => login(settings, *with_key, *verify).map(|()| 0),
        AuthCommand::Status => status(settings),
        AuthCommand::Logout => logout(settings).map(|()| 0),
    }
}

fn login(settings: &Settings, with_key: bool, verify: bool) -> Result<()> {
    // Refuse a config file we could not rewrite before asking for anything.
    let mut document = ConfigDocument::open(&settings.config_path)?;
    let text = if with_key {
        read_limited_utf8(std::io::stdin().lock(), "the key on stdin")?
    } else if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("API key for profile '{}': ", settings.profile))
            .map_err(|e| Error::input(format!("cannot read the key from the terminal: {e}")))?
    } else {
        return Err(Error::input(
            "stdin is not a terminal, so there is no prompt to type the key into",
        )
        .with_hint(
            "pipe the key in with --with-key: echo \"$SECRET\" | altur auth login --with-key",
        ));
    };
    let nothing_saved = |e: Error| Error {
        message: format!("{}; nothing was saved", e.message),
        ..e
    };
    let key = Secret::new(&text)
        .and_then(|key| settings.check_key(key))
        .map_err(nothing_saved)?;
    if settings.dry_run {
        // A dry run reads and checks the key, then says what it would do: no request, no write.
        if verify {
            output::note(&format!(
                "dry run: would check the key with GET {}/enduser/<random id> (a 404 accepts it)",
                settings.base_url.as_str()
            ));
        }
        output::note(&format!(
            "dry run: would save the API key ({}){} to profile '{}' in {}; nothing was sent or \
             saved",
            key.hint(),
            if settings.base_url_from == "flag" {
                format!(" with base_url {}", settings.base_url.as_str())
            } else {
                String::new()
            },
            settings.profile,
            settings.config_path.display()
        ));
        return Ok(());
    }
    if verify {
        verify_key(settings, &key)?;
    }
    let was_loose = config::loose_permissions(&settings.config_path).is_some();
    document.set_api_key(&settings.profile, &key)?;
    // `--base-url` names where this key works: the profile keeps it (contract section 20).
    let save_base_url = settings.base_url_from == "flag";
    if save_base_url {
        document.set_base_url(&settings.profile, settings.base_url.as_str())?;
    }
    document.save()?;
    let with_url = if save_base_url {
        format!(" with base_url {}", settings.base_url.as_str())
    } else {
        String::new()
    };
    output::note(&format!(
        "saved the API key ({}){with_url} to profile '{}' in {}",
        key.hint(),
        settings.profile,
        settings.config_path.display()
    ));
    if was_loose {
        // The rewritten file is 0600, which settles the permission warning printed on reading.
        output::note(&format!(
            "{} is now readable by you only (mode 600)",
            settings.config_path.display()
        ));
    }
    if let Some(warning) = shadowing(settings.credential.as_ref(), "the saved key") {
        output::warn(&warning);
    }
    Ok(())
}

/// One request that changes nothing: fetching an EndUser that cannot exist. 404 means the key
/// was accepted; 401 or 403 means it was not.
fn verify_key(settings: &Settings, key: &Secret) -> Result<()> {
    let client = Client::new(settings, key.clone())?;
    let request = Request {
        method: Method::Get,
        path: format!("/enduser/{}", uuid::Uuid::new_v4()),
        body: None,
    };
    match client.send(&request) {
        Ok(_) => Ok(()),
        Err(e) if e.status == Some(404) => Ok(()),
        Err(e) if e.kind == Kind::Auth => Err(Error {
            message: format!("the API refused the key ({}); nothing was saved", e.message),
            hint: Some("check that you copied the whole key, for the right account".to_owned()),
            ..e
        }),
        Err(e) => Err(Error {
            message: format!("cannot verify the key ({}); nothing was saved", e.message),
            hint: Some("try again later, or save it without --verify".to_owned()),
            ..e
        }),
    }
}

/// A warning when a key from the command line or the environment hides the profile's own.
fn shadowing(credential: Option<&Credential>, what: &str) -> Option<String> {
    match credential? {
        Credential::File(path) => Some(format!(
            "--api-key-file {} takes precedence over {what}",
            path.display()
        )),
        Credential::Env(_) => Some(format!(
            "ALTUR_API_KEY is set and takes precedence over {what}"
        )),
        Credential::Config(_) | Credential::Command(_) => None,
    }
}

fn status(settings: &Settings) -> Result<i32> {
    let mut warnings = Vec::new();
    if let Some(message) = config::loose_permissions(&settings.config_path) {
        // Printed through the once-per-run guard: reading the settings may have said it already.
        config::warn_if_loose_permissions(&settings.config_path);
        warnings.push(message);
    }
    let mut warn = |message: String| {
        output::warn(&message);
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

    if output::format_for(settings) == OutputFormat::Json {
        output::print_json(&json!({
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
        output::stdout(&output::key_value_table(&rows))?;
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

fn logout(settings: &Settings) -> Result<()> {
    let mut document = ConfigDocument::open(&settings.config_path)?;
    let profile = &settings.profile;
    let path = settings.config_path.display();
    if settings.dry_run {
        let what = if document.has_api_key(profile) {
            format!("would remove the API key of profile '{profile}' from {path}")
        } else {
            format!("profile '{profile}' has no saved API key in {path}; nothing to remove")
        };
        output::note(&format!("dry run: {what}; nothing was changed"));
        return Ok(());
    }
    if document.remove_api_key(profile) {
        document.save()?;
        output::note(&format!(
            "removed the API key of profile '{profile}' from {path}"
        ));
    } else {
        output::note(&format!(
            "profile '{profile}' has no saved API key in {path}; nothing to remove"
        ));
    }
    if document.has_key_command(profile) {
        output::warn(&format!(
            "profile '{profile}' still has an api_key_command, which altur keeps using; \
             remove it from {path} to stop"
        ));
    }
    if let Some(warning) = shadowing(settings.credential.as_ref(), "the config file") {
        output::warn(&format!("{warning}, and altur keeps using it"));
    }
    Ok(())
}
