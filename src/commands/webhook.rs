//! `altur webhook verify | trigger | listen` (contract section 18): checks Altur's
//! `X-Altur-Signature`, sends signed sample events to your handler, and receives webhooks
//! locally.

use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

use serde_json::{Value, json};

use crate::cli::{
    OutputFormat, SchemeChoice, SigningScheme, WebhookCommand, WebhookListenArgs,
    WebhookTriggerArgs, WebhookVerifyArgs,
};
use crate::client::Client;
use crate::config::{self, BaseUrl, Settings};
use crate::error::{Error, Kind, Result};
use crate::output;
use crate::server::{self, StopSignals, parse_listen};
use crate::webhook::events;
use crate::webhook::listen::{self, Receiver};
use crate::webhook::receive::SIGNATURE_HEADER;
use crate::webhook::secret::webhook_secret;
use crate::webhook::signature::{self, Scheme, SigningKey};

/// The most body `verify` reads: webhooks are small JSON documents.
const BODY_LIMIT: u64 = 10 * 1024 * 1024;

/// `settings` resolves the API settings (for `--timeout`, `-v` and `--dry-run`) only for the
/// commands that send something.
pub fn run(
    format: OutputFormat,
    settings: impl FnOnce() -> Result<Settings>,
    command: &WebhookCommand,
) -> Result<i32> {
    match command {
        WebhookCommand::Verify(args) => verify(format, args),
        WebhookCommand::Trigger(args) => trigger(format, settings, args),
        WebhookCommand::Listen(args) => listen(&settings()?, args),
    }
}

fn trigger(
    format: OutputFormat,
    settings: impl FnOnce() -> Result<Settings>,
    args: &WebhookTriggerArgs,
) -> Result<i32> {
    if args.list {
        return output::stdout(&format!("{}\n", events::EVENTS.join("\n"))).map(|()| 0);
    }
    let (Some(event), Some(url)) = (&args.event, &args.url) else {
        unreachable!("clap requires EVENT and --url without --list");
    };
    let settings = settings()?;
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
        output::note("the webhook secret is not valid base64; signing with it as text");
    }
    // The exact bytes sent, as Altur's Python sender writes them; the signature covers them.
    let body = signature::compact_json(&sample, true);
    let signature = key.sign(scheme, body.as_bytes());
    if settings.dry_run {
        output::stdout(&format!(
            "curl --request POST {} \\\n  --header 'Content-Type: application/json' \\\n  \
             --header '{SIGNATURE_HEADER}: {signature}' \\\n  --data-raw {}\n",
            shell_words::quote(target.as_str()),
            shell_words::quote(&body)
        ))?;
        return Ok(0);
    }
    output::note(&format!(
        "{SIGNATURE_HEADER}: {signature} ({} scheme)",
        scheme.name()
    ));
    let client = Client::without_key(&target, settings.timeout, settings.verbose)?;
    let headers = [
        ("Content-Type".to_owned(), "application/json".to_owned()),
        (SIGNATURE_HEADER.to_owned(), signature),
    ];
    let (status, answer) = client
        .post_once(&headers, body.as_bytes())
        .map_err(|failure| failure.error)?;
    match format {
        OutputFormat::Ndjson => output::stdout(&format!("{body}\n"))?,
        _ => output::print_json(&sample)?,
    }
    let snippet: String = String::from_utf8_lossy(&answer).chars().take(200).collect();
    let said = format!("your handler answered HTTP {status}: {}", snippet.trim());
    match status {
        200..=299 => {
            output::note(&said);
            Ok(0)
        }
        400..=499 => Err(Error::new(Kind::Api, said).with_status(status)),
        _ => Err(Error::new(Kind::Server, said).with_status(status)),
    }
}

fn listen(settings: &Settings, args: &WebhookListenArgs) -> Result<i32> {
    // Caught before listening, so a signal right after the ready line is never lost.
    let mut signals = StopSignals::catch()?;
    let secret = match (
        &args.secret.secret_file,
        config::process_env("ALTUR_WEBHOOK_SECRET"),
    ) {
        (None, None) => None,
        _ => Some(webhook_secret(
            args.secret.secret_file.as_deref(),
            &config::process_env,
        )?),
    };
    let forward = match &args.forward_to {
        Some(url) => {
            let target = BaseUrl::parse_target(url)?;
            let client = Client::without_key(&target, settings.timeout, settings.verbose)?;
            Some((target.as_str().to_owned(), client))
        }
        None => None,
    };
    let address = parse_listen(&args.listen)?;
    let listener = std::net::TcpListener::bind(address)
        .map_err(|e| Error::input(format!("cannot listen on {address}: {e}")))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::internal(format!("cannot read the listening address: {e}")))?;
    let verifying = if secret.is_some() {
        "deliveries are verified"
    } else {
        "no secret: deliveries are printed unverified"
    };
    let mut limits = server::Limits::standard(listen::BODY_LIMIT);
    for setting in &args.tune {
        let (name, value) = setting.split_once('=').unwrap_or((setting, ""));
        limits
            .tune(name, value)
            .map_err(|why| Error::input(format!("--tune: {why}")))?;
    }
    if !address.ip().is_loopback() {
        output::warn(&format!(
            "listening on {address}, which other machines can reach; anyone who can reach it \
             can post to it (unverified deliveries are answered 400 and not printed)"
        ));
    }
    let receiver = Receiver::new(secret, args.events.clone(), forward);
    let server = server::Server::start("altur webhook", listener, receiver, limits)
        .map_err(|e| Error::internal(format!("cannot start the receiver: {e}")))?;
    output::stderr_line(&format!(
        "altur webhook: listening on http://{address}/ ({verifying})"
    ));
    let name = signals.wait();
    signals.exit_on_next("altur webhook");
    server.stop();
    output::stderr_line(&format!("altur webhook: stopped ({name})"));
    Ok(0)
}

fn verify(format: OutputFormat, args: &WebhookVerifyArgs) -> Result<i32> {
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
        output::note(
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
        OutputFormat::Json => output::print_json(&result)?,
        OutputFormat::Ndjson => output::stdout(&format!("{result}\n"))?,
        OutputFormat::Id => output::stdout(&format!("{}\n", found.scheme.name()))?,
        _ => output::stdout(&format!(
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
