//! `altur webhook trigger EVENT --url URL`: a signed sample event, sent to your handler.

use std::time::SystemTime;

use serde_json::Value;

use crate::cli::Policy;
use crate::cli::WebhookSecretArgs;
use crate::cli::{OutputFormat, SigningScheme};
use crate::client::{Call, Method};
use crate::config::{self, BaseUrl};
use crate::error::{Error, Kind, Result};
use crate::output;
use crate::session::Session;
use crate::webhook::events;
use crate::webhook::receive::SIGNATURE_HEADER;
use crate::webhook::secret::webhook_secret;
use crate::webhook::signature::{self, Scheme, SigningKey};

/// Send a signed sample event to your webhook handler
#[derive(Debug, clap::Args)]
#[command(after_help = WEBHOOK_TRIGGER_HELP)]
pub(crate) struct Args {
    /// The event to send (see --list)
    #[arg(value_name = "EVENT", required_unless_present = "list")]
    pub(crate) event: Option<String>,

    /// Your webhook handler's URL (any http or https URL; the API key is never sent to it)
    #[arg(long, value_name = "URL", required_unless_present = "list")]
    pub(crate) url: Option<String>,

    #[command(flatten)]
    pub(crate) secret: WebhookSecretArgs,

    /// How to sign
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SigningScheme::Base64)]
    pub(crate) scheme: SigningScheme,

    /// Override a field of the sample by dotted path: --set end_user.display_name='"Ada"'
    #[arg(long = "set", value_name = "PATH=JSON")]
    pub(crate) sets: Vec<String>,

    /// Print the events this can send, and nothing else
    #[arg(long, conflicts_with_all = ["url", "sets"])]
    pub(crate) list: bool,
}

pub(crate) const POLICY: Policy = Policy {
    formats: &[OutputFormat::Json, OutputFormat::Ndjson],
    ..Policy::READ
};

const WEBHOOK_TRIGGER_HELP: &str = "\
The event is a realistic sample (fields as documented, fresh ids, the current time), sent as
compact JSON with non-ASCII escaped, as Python's json.dumps writes it, and signed over exactly
those bytes. The event sent goes to stdout; the signature header and your handler's status (and
the first 200 characters of its answer) to stderr. No API key is ever sent to the URL.

Exit codes: 0 your handler answered 2xx, 3 any 4xx, 5 a 5xx, 6 or 7 network failures, 2 no
secret, an unknown event or a bad --set.

Examples:
  altur webhook trigger --list
  altur webhook trigger on_call_end --url http://127.0.0.1:3000/hooks \\
      --secret-file secret.txt
  altur webhook trigger campaign.status_changed --url https://example.com/hook \\
      --set data.campaign.status='\"paused\"' --scheme hex";

/// Sends a signed sample event to your handler once (no retries) and prints what was sent;
/// the handler's answer decides the exit code. `--list` names the events.
pub(crate) fn run(session: &Session, args: &Args) -> Result<i32> {
    let format = session.output_format();
    if args.list {
        return session
            .out()
            .stdout(&format!("{}\n", events::EVENTS.join("\n")))
            .map(|()| 0);
    }
    let (Some(event), Some(url)) = (&args.event, &args.url) else {
        unreachable!("clap requires EVENT and --url without --list");
    };
    // A missing profile is refused before the event is looked at.
    session.settings()?;
    let now = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    let unique = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
    let mut sample = events::sample(event, &now, &unique).ok_or_else(|| {
        Error::input(format!(
            "unknown event '{}'; the events are: {}",
            output::for_terminal(event),
            events::EVENTS.join(", ")
        ))
    })?;
    for set in &args.sets {
        let (path, value) = set.split_once('=').ok_or_else(|| {
            Error::input(format!(
                "--set {set}: expected PATH=JSON, like a.b='\"text\"'"
            ))
        })?;
        let value: Value = serde_json::from_str(value).map_err(|e| {
            Error::input(format!(
                "--set {path}: the value is not JSON ({e}); quote strings: {path}='\"text\"'"
            ))
        })?;
        events::set_path(&mut sample, path, value)
            .map_err(|why| Error::input(format!("--set {path}: {why}")))?;
    }
    let target = BaseUrl::parse_target(url)?;
    let secret = webhook_secret(args.secret.secret_file.as_deref(), &config::process_env)?;
    let scheme = match args.scheme {
        SigningScheme::Hex => Scheme::Hex,
        SigningScheme::Base64 => Scheme::Base64,
    };
    let key = SigningKey::new(scheme, secret.expose());
    if key.used_as_text {
        session
            .out()
            .note("the webhook secret is not valid base64; signing with it as text");
    }
    // The exact bytes sent, as Altur's Python sender writes them; the signature covers them.
    let body = signature::compact_json(&sample, true);
    let signature = key.sign(scheme, body.as_bytes());
    let call = Call::new(Method::Post, "")
        .with_header("Content-Type", "application/json")
        .with_header(SIGNATURE_HEADER, signature.clone())
        .with_body(body.clone().into_bytes())
        .if_unknown("your handler may have received the event");
    let Some(client) = session.prepare_keyless(&call, &target)? else {
        return Ok(0);
    };
    session.out().note(&format!(
        "{SIGNATURE_HEADER}: {signature} ({} scheme)",
        scheme.name()
    ));
    let body = call.body.as_deref().unwrap_or_default();
    let (status, answer) = client
        .post_once(&call.headers, body)
        .map_err(|failure| failure.error)?;
    match format {
        OutputFormat::Ndjson => session
            .out()
            .stdout(&format!("{}\n", String::from_utf8_lossy(body)))?,
        _ => session.out().print_json(&sample)?,
    }
    let snippet: String = String::from_utf8_lossy(&answer).chars().take(200).collect();
    let said = format!("your handler answered HTTP {status}: {}", snippet.trim());
    match status {
        200..=299 => {
            session.out().note(&said);
            Ok(0)
        }
        400..=499 => Err(Error::new(Kind::Api, said).with_status(status)),
        _ => Err(Error::new(Kind::Server, said).with_status(status)),
    }
}
