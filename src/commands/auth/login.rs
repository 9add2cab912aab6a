//! `altur auth login`: save an API key to the selected profile.

use std::io::IsTerminal;

use super::shadowing;
use crate::client::{Call, Method};
use crate::config::{self, read_limited_utf8};
use crate::config_file::ConfigDocument;
use crate::error::{Error, Kind, Result};
use crate::secret::Secret;
use crate::session::Session;

/// Saves a key (typed at a hidden prompt, or read from stdin with `--with-key`) to the
/// selected profile, which it creates; `--verify` checks it against the API first.
pub fn run(session: &Session, with_key: bool, verify: bool) -> Result<()> {
    let settings = session.settings()?;
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
    if session.dry_run() {
        // A dry run reads and checks the key, then says what it would do: no request, no write.
        if verify {
            session.out().note(&format!(
                "dry run: would check the key with GET {}/enduser/<random id> (a 404 accepts it)",
                settings.base_url.as_str()
            ));
        }
        session.out().note(&format!(
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
        verify_key(session, &key)?;
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
    session.out().note(&format!(
        "saved the API key ({}){with_url} to profile '{}' in {}",
        key.hint(),
        settings.profile,
        settings.config_path.display()
    ));
    if was_loose {
        // The rewritten file is 0600, which settles the permission warning printed on reading.
        session.out().note(&format!(
            "{} is now readable by you only (mode 600)",
            settings.config_path.display()
        ));
    }
    if let Some(warning) = shadowing(settings.credential.as_ref(), "the saved key") {
        session.out().warn(&warning);
    }
    Ok(())
}

/// One request that changes nothing: fetching an EndUser that cannot exist. 404 means the key
/// was accepted; 401 or 403 means it was not.
fn verify_key(session: &Session, key: &Secret) -> Result<()> {
    let client = session.client_with_key(key.clone())?;
    let call = Call::new(Method::Get, format!("/enduser/{}", uuid::Uuid::new_v4()));
    session.guard(&call);
    match client.call(&call) {
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
