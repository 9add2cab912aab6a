//! `altur auth login`: save an API key to the selected profile.

use std::io::IsTerminal;

use super::shadowing;
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::client::{Call, Method};
use crate::config::{self, read_limited_utf8};
use crate::config_file::ConfigDocument;
use crate::error::{Error, Kind, Result};
use crate::secret::Secret;
use crate::session::Session;

macro_rules! auth_login_examples {
    () => {
        "\
Examples:
  altur auth login
  echo \"$ALTUR_KEY\" | altur auth login --with-key --verify
  echo \"$STAGING_KEY\" | altur --profile staging auth login --with-key"
    };
}

const AUTH_LOGIN_ABOUT: &str = "\
Save an API key to the selected profile

On a terminal the key is read from a hidden prompt; with --with-key, from stdin (for CI). It is
never taken as an argument: a command line is visible to other users and stays in the shell's
history. When stdin is not a terminal and --with-key is not given, login stops (exit 2) rather
than wait on a pipe.";

const AUTH_LOGIN_DETAILS: &str = concat!(
    "\
The trailing newline is trimmed; an empty key, or one with whitespace or control characters
inside, is refused (exit 4) and nothing is saved; so is a key shorter than 16 characters for a
profile whose base URL is not loopback. --profile NAME (or ALTUR_PROFILE) may name a profile
that does not exist yet: login creates it (every other command refuses an unknown profile).

--verify first makes one request that changes nothing (GET /enduser/<random UUID>): a 404 means
the key was accepted; a 401 or 403 that it was not, and nothing is saved (exit 4). Any other
failure (network, 5xx) also leaves the file unchanged, with that failure's exit code.

The config file is edited, not regenerated: other profiles, keys, comments and blank lines stay
as they were. The write is atomic (a 0600 temporary file in the same folder, flushed, renamed
over the old one): if anything fails, the old file is intact. A folder altur creates gets 0700;
the file ends up 0600. A symlinked config file stays a symlink (its target is rewritten). A
file that is not valid TOML is never rewritten (exit 2, naming the file and line). When
ALTUR_API_KEY or --api-key-file is set, the key is still saved, with a warning that the other
source takes precedence. --dry-run reads and checks the key, says on stderr what it would do,
and does nothing.

Exit codes: 0 saved; 1 the file could not be written (the old one is intact); 2 an invalid
config file or path, or no terminal for the prompt; 4 an unusable or too short key, or
--verify rejected by the API; 5, 6, 7 --verify reached no verdict (server error, network error,
timeout): nothing saved.

",
    auth_login_examples!()
);

/// Save an API key to the selected profile
#[derive(Debug, clap::Args)]
#[command(long_about = AUTH_LOGIN_ABOUT, after_long_help = AUTH_LOGIN_DETAILS)]
#[command(after_help = auth_login_examples!())]
pub(crate) struct Args {
    /// Read the key from stdin instead of a hidden prompt
    #[arg(long)]
    pub(crate) with_key: bool,

    /// Check the key against the API before saving it
    #[arg(long)]
    pub(crate) verify: bool,
}

pub(crate) const POLICY: Policy = Policy {
    formats: &[OutputFormat::Json],
    jq: false,
    ..Policy::READ
};

/// Saves a key (typed at a hidden prompt, or read from stdin with `--with-key`) to the
/// selected profile, which it creates; `--verify` checks it against the API first.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let (with_key, verify) = (args.with_key, args.verify);
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
