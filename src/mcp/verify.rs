//! `webhook_verify`: a signature checked against its payload with the secret from the
//! environment, never from the tool's arguments.

use serde_json::{Value, json};

use super::args::Args;
use super::outcome::{Outcome, words};
use crate::config::{self, Settings};
use crate::webhook::signature::{self, Scheme};

pub(crate) fn run(_settings: &Settings, args: &Args) -> Outcome {
    let secret = crate::webhook::secret::webhook_secret(None, &config::process_env)
        .map_err(|e| words(&e))?;
    let schemes: &[Scheme] = match args.text("scheme").as_deref() {
        Some("hex") => &[Scheme::Hex],
        Some("base64") => &[Scheme::Base64],
        _ => &[Scheme::Hex, Scheme::Base64],
    };
    let payload = args.get("payload");
    let found = signature::verify(
        payload.as_bytes(),
        &args.get("signature"),
        secret.expose(),
        schemes,
    )
    .map_err(|_| "`signature` is neither hex nor base64".to_owned())?;
    Ok(match found {
        Some(found) => json!({
            "verified": true,
            "scheme": found.scheme.name(),
            "signed": found.signed.name(),
        }),
        None => json!({"verified": false, "scheme": Value::Null}),
    })
}
