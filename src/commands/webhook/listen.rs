//! `altur webhook listen`: a local receiver for webhooks, on the server module.

use crate::cli::WebhookListenArgs;
use crate::client::Client;
use crate::config::{self, BaseUrl};
use crate::error::{Error, Result};
use crate::server::{self, StopSignals, parse_listen};
use crate::session::Session;
use crate::webhook::listen::{self, Receiver};
use crate::webhook::secret::webhook_secret;

/// Receives webhooks on a local address, verifies and prints them (and forwards them with
/// `--forward-to`) until SIGINT or SIGTERM.
pub fn run(session: &Session, args: &WebhookListenArgs) -> Result<i32> {
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
