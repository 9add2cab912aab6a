//! `altur webhook verify` (contract section 18): checks Altur's `X-Altur-Signature` against a
//! body, with either scheme of the docs.

use std::io::Read;
use std::path::Path;

use serde_json::json;

use crate::cli::{
    OutputFormat, SchemeChoice, WebhookCommand, WebhookSecretArgs, WebhookVerifyArgs,
};
use crate::config;
use crate::error::{Error, Kind, Result};
use crate::output;
use crate::secret::{self, Secret};
use crate::webhook::signature::{self, Scheme, SigningKey};

/// The most body `verify` reads: webhooks are small JSON documents.
const BODY_LIMIT: u64 = 10 * 1024 * 1024;

pub fn run(format: OutputFormat, command: &WebhookCommand) -> Result<i32> {
    match command {
        WebhookCommand::Verify(args) => verify(format, args),
    }
}

fn verify(format: OutputFormat, args: &WebhookVerifyArgs) -> Result<i32> {
    let secret = webhook_secret(&args.secret, &config::process_env)?;
    let body = read_body(&args.file)?;
    let schemes: &[Scheme] = match args.scheme {
        SchemeChoice::Auto => &[Scheme::Hex, Scheme::Base64],
        SchemeChoice::Hex => &[Scheme::Hex],
        SchemeChoice::Base64 => &[Scheme::Base64],
    };
    if schemes.contains(&Scheme::Base64)
        && SigningKey::new(Scheme::Base64, secret.expose()).used_as_text
    {
        output::note(
            "the webhook secret is not valid base64; the base64 scheme uses it as text \
             (legacy secrets are plain text)",
        );
    }
    let found =
        signature::verify(&body, &args.signature, secret.expose(), schemes).map_err(|_| {
            Error::input("the signature is neither hex nor base64").with_hint(
                "pass the X-Altur-Signature header's value as it arrived, without a prefix",
            )
        })?;
    let Some(found) = found else {
        let tried = schemes
            .iter()
            .map(|scheme| scheme.name())
            .collect::<Vec<_>>()
            .join(" and ");
        return Err(Error::new(
            Kind::SignatureMismatch,
            format!("the signature does not match the payload (tried {tried})"),
        )
        .with_hint(
            "check the secret, and that the body is the exact bytes received (not re-formatted)",
        ));
    };
    let result = json!({
        "verified": true,
        "scheme": found.scheme.name(),
        "signed": found.signed.name(),
    });
    match format {
        OutputFormat::Json => output::print_json(&result)?,
        OutputFormat::Ndjson => output::stdout(&format!("{result}\n"))?,
        OutputFormat::Id => output::stdout(&format!("{}\n", found.scheme.name()))?,
        OutputFormat::Table => output::stdout(&format!(
            "verified: {} scheme, over {}\n",
            found.scheme.name(),
            found.signed.describe()
        ))?,
    }
    Ok(0)
}

/// The webhook secret, like the API key never from argv: `--secret-file`, else
/// `ALTUR_WEBHOOK_SECRET`. No secret is exit 2.
pub fn webhook_secret(args: &WebhookSecretArgs, env: config::EnvLookup<'_>) -> Result<Secret> {
    let (text, source) = match (&args.secret_file, env("ALTUR_WEBHOOK_SECRET")) {
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

/// The body as raw bytes: a file, or stdin for `-`.
fn read_body(path: &Path) -> Result<Vec<u8>> {
    let what = if path == Path::new("-") {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    };
    let reader: Box<dyn Read> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| Error::input(format!("cannot read {what}: {e}")))?,
        )
    };
    let mut body = Vec::new();
    reader
        .take(BODY_LIMIT + 1)
        .read_to_end(&mut body)
        .map_err(|e| Error::input(format!("cannot read {what}: {e}")))?;
    if body.len() as u64 > BODY_LIMIT {
        return Err(Error::input(format!(
            "{what} is larger than 10 MiB; a webhook body is far smaller"
        )));
    }
    Ok(body)
}
