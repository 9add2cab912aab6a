//! `altur webhook trigger EVENT --url URL`: a signed sample event, sent to your handler.

use std::time::SystemTime;

use serde_json::Value;

use crate::cli::{OutputFormat, SigningScheme, WebhookTriggerArgs};
use crate::client::{Call, Method};
use crate::config::{self, BaseUrl};
use crate::error::{Error, Kind, Result};
use crate::output;
use crate::session::Session;
use crate::webhook::events;
use crate::webhook::receive::SIGNATURE_HEADER;
use crate::webhook::secret::webhook_secret;
use crate::webhook::signature::{self, Scheme, SigningKey};

/// Sends a signed sample event to your handler once (no retries) and prints what was sent;
/// the handler's answer decides the exit code. `--list` names the events.
pub fn run(session: &Session, args: &WebhookTriggerArgs) -> Result<i32> {
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
