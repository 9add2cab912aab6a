//! `altur webhook listen`: a local receiver for webhooks, on the server module.

use crate::cli::Policy;
use crate::cli::WebhookSecretArgs;
use crate::client::Client;
use crate::config::{self, BaseUrl};
use crate::error::{Error, Result};
use crate::server::{self, StopSignals, parse_listen};
use crate::session::Session;
use crate::webhook::listen::{self, Receiver};
use crate::webhook::secret::webhook_secret;

/// Receive webhooks locally: verify and print each delivery, optionally forward it
#[derive(Debug, clap::Args)]
#[command(after_help = WEBHOOK_LISTEN_HELP)]
pub(crate) struct Args {
    /// Address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8788")]
    pub(crate) listen: String,

    #[command(flatten)]
    pub(crate) secret: WebhookSecretArgs,

    /// Post each verified delivery (original body and signature) to this URL of yours
    #[arg(long, value_name = "URL")]
    pub(crate) forward_to: Option<String>,

    /// Keep only these event types (comma-separated); others are answered 200 and dropped
    #[arg(long, value_name = "EVENTS", value_delimiter = ',')]
    pub(crate) events: Vec<String>,

    /// Lower the server's limits, NAME=VALUE,... (for tests and benchmarks)
    #[arg(long, hide = true, value_name = "NAME=VALUE", value_delimiter = ',')]
    pub(crate) tune: Vec<String>,
}

pub(crate) const POLICY: Policy = Policy::STRICT;

const WEBHOOK_LISTEN_HELP: &str = "\
Each POST (any path) is verified against the secret and printed on stdout as one NDJSON line:
  {\"received_at\":\"...\",\"verified\":true,\"scheme\":\"base64\",\"event\":{...}}
and answered 200 when verified, 400 when not (an unsigned delivery is not verified). Without a
secret, deliveries are printed with \"verified\":null and answered 200. Bodies over 1 MiB get 413.
With --forward-to, the original body and signature of each verified delivery are posted to your
handler, and the sender gets your handler's status. Ctrl-C or SIGTERM stops it (exit 0).

Examples:
  altur webhook listen --secret-file secret.txt
  altur webhook listen --listen 127.0.0.1:9000 --secret-file secret.txt \\
      --forward-to http://127.0.0.1:3000/hooks --events on_call_end";

/// Receives webhooks on a local address, verifies and prints them (and forwards them with
/// `--forward-to`) until SIGINT or SIGTERM.
pub(crate) fn run(session: &Session, args: &Args) -> Result<i32> {
    let settings = session.settings()?;
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
            let client = Client::without_key(
                &target,
                settings.timeout,
                settings.verbose,
                session.shared_out(),
            )?;
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
        session.out().warn(&format!(
            "listening on {address}, which other machines can reach; anyone who can reach it \
             can post to it (unverified deliveries are answered 400 and not printed)"
        ));
    }
    let receiver = Receiver::new(secret, args.events.clone(), forward, session.shared_out());
    let server = server::Server::start(
        "altur webhook",
        listener,
        receiver,
        limits,
        session.shared_out(),
    )
    .map_err(|e| Error::internal(format!("cannot start the receiver: {e}")))?;
    session.out().stderr_line(&format!(
        "altur webhook: listening on http://{address}/ ({verifying})"
    ));
    let name = signals.wait();
    signals.exit_on_next("altur webhook", session.shared_out());
    server.stop();
    session
        .out()
        .stderr_line(&format!("altur webhook: stopped ({name})"));
    Ok(0)
}
