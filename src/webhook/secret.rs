//! Where the webhook secret comes from (contract section 18): like the API key never from
//! argv, but from `--secret-file`, else `ALTUR_WEBHOOK_SECRET`. Shared by the `webhook`
//! commands and the sandbox's outbound webhooks.

use std::path::Path;

use crate::config;
use crate::error::{Error, Result};
use crate::secret::{self, Secret};

/// The webhook secret from `secret_file`, else `ALTUR_WEBHOOK_SECRET`. No secret is exit 2.
pub fn webhook_secret(secret_file: Option<&Path>, env: config::EnvLookup<'_>) -> Result<Secret> {
    let (text, source) = match (secret_file, env("ALTUR_WEBHOOK_SECRET")) {
        (Some(path), _) => (
            config::read_small_text(path, "webhook secret file")?,
            format!("the file {}", path.display()),
        ),
        (None, Some(value)) => (value, "ALTUR_WEBHOOK_SECRET".to_owned()),
        (None, None) => {
            return Err(Error::input("no webhook secret").with_hint(
                "give --secret-file PATH, or set ALTUR_WEBHOOK_SECRET (the secret is never \
                 taken as a command-line value)",
            ));
        }
    };
    secret::webhook_secret(&text)
        .ok_or_else(|| Error::input(format!("the webhook secret in {source} is empty")))
}
