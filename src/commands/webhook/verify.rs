//! `altur webhook verify FILE --signature SIG`: is this payload from Altur?

use std::io::Read;
use std::path::Path;

use serde_json::json;

use crate::cli::Policy;
use crate::cli::WebhookSecretArgs;
use crate::cli::{OutputFormat, SchemeChoice};
use crate::config;
use crate::error::{Error, Kind, Result};
use crate::session::Session;
use crate::webhook::secret::webhook_secret;
use crate::webhook::signature::{self, Scheme, SigningKey};
use std::path::PathBuf;

/// The most `verify` reads: webhooks are small JSON documents.
const BODY_LIMIT: u64 = 10 * 1024 * 1024;

/// Check an X-Altur-Signature against the body it came with
#[derive(Debug, clap::Args)]
#[command(after_help = WEBHOOK_VERIFY_HELP)]
pub(crate) struct Args {
    /// The body exactly as received (- for stdin)
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,

    /// The X-Altur-Signature header's value
    #[arg(long, value_name = "SIG")]
    pub(crate) signature: String,

    #[command(flatten)]
    pub(crate) secret: WebhookSecretArgs,

    /// The scheme to check
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SchemeChoice::Auto)]
    pub(crate) scheme: SchemeChoice,
}

pub(crate) const POLICY: Policy = Policy {
    dry_run: false,
    settings: false,
    ..Policy::READ
};

const WEBHOOK_VERIFY_HELP: &str = "\
Schemes (the public docs describe both):
  hex     hex(HMAC-SHA256(key = the secret's UTF-8 bytes, message = the raw body))
  base64  base64(HMAC-SHA256(key = base64-decode(secret), message = the body as compact JSON,
          key order kept; non-ASCII escaped or not, or the raw body: all three are tried))

In your own handler, sign the exact bytes received: for hex the raw body; for base64, in Python,
json.dumps(json.loads(body), separators=(\",\", \":\")), then compare with hmac.compare_digest.

Exit codes: 0 the signature matches (the scheme is printed), 10 it does not, 2 a signature that
is neither hex nor base64, no secret, or an unreadable body.

Examples:
  altur webhook verify body.json --signature \"$SIG\" --secret-file secret.txt
  ALTUR_WEBHOOK_SECRET=... altur webhook verify - --signature \"$SIG\" < body.json";

/// Checks a payload's `X-Altur-Signature` against the webhook secret; exit 10 on a mismatch.
/// Reads no API setting.
pub(crate) fn run(session: &Session, args: &Args) -> Result<i32> {
    let format = session.output_format();
    let secret = webhook_secret(args.secret.secret_file.as_deref(), &config::process_env)?;
    let body = read_body(&args.file)?;
    let schemes: &[Scheme] = match args.scheme {
        SchemeChoice::Auto => &[Scheme::Hex, Scheme::Base64],
        SchemeChoice::Hex => &[Scheme::Hex],
        SchemeChoice::Base64 => &[Scheme::Base64],
    };
    let found =
        signature::verify(&body, &args.signature, secret.expose(), schemes).map_err(|_| {
            Error::input("the signature is neither hex nor base64").with_hint(
                "pass the X-Altur-Signature header's value as it arrived (a sha256= prefix \
                 is fine)",
            )
        })?;
    // Said only when the base64 scheme's reading of the secret mattered: when it matched,
    // or when nothing did.
    let base64_decided = found.is_none_or(|found| found.scheme == Scheme::Base64);
    if base64_decided
        && schemes.contains(&Scheme::Base64)
        && SigningKey::new(Scheme::Base64, secret.expose()).used_as_text
    {
        session.out().note(
            "the webhook secret is not valid base64; the base64 scheme uses it as text \
             (legacy secrets are plain text)",
        );
    }
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
        OutputFormat::Json => session.out().print_json(&result)?,
        OutputFormat::Ndjson => session.out().stdout(&format!("{result}\n"))?,
        OutputFormat::Id => session
            .out()
            .stdout(&format!("{}\n", found.scheme.name()))?,
        _ => session.out().stdout(&format!(
            "verified: {} scheme, over {}\n",
            found.scheme.name(),
            found.signed.describe()
        ))?,
    }
    Ok(0)
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
