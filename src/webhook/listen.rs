//! `webhook listen`'s receiver: the shared HTTP server (`crate::server`, with its limits) in
//! front of [`receive`](super::receive), printing each delivery, noticing replays and
//! forwarding verified ones.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Instant, SystemTime};

use serde_json::{Value, json};

use super::receive::{self, SIGNATURE_HEADER};
use super::replay::Seen;
use crate::client::Client;
use crate::output::Output;
use crate::secret::Secret;
use crate::server::{Application, Request, Response};

/// Deliveries larger than this are refused with 413 (contract section 18).
pub const BODY_LIMIT: usize = 1024 * 1024;

pub struct Receiver {
    pub secret: Option<Secret>,
    pub events: Vec<String>,
    /// The handler `--forward-to` names, and a client for it (no key is ever sent there).
    pub forward: Option<(String, Client)>,
    /// Where deliveries (stdout) and the log lines (stderr) are printed.
    out: Arc<Output>,
    /// One delivery handled at a time: lines never interleave, and a replay sent twice at
    /// once is still seen as one.
    handling: Mutex<Seen>,
}

impl Receiver {
    pub fn new(
        secret: Option<Secret>,
        events: Vec<String>,
        forward: Option<(String, Client)>,
        out: Arc<Output>,
    ) -> Arc<Receiver> {
        Arc::new(Receiver {
            secret,
            events,
            forward,
            out,
            handling: Mutex::new(Seen::new()),
        })
    }

    fn forward(&self, url: &str, client: &Client, request: &Request) -> Response {
        let mut headers = vec![(
            "Content-Type".to_owned(),
            request
                .header("content-type")
                .unwrap_or("application/json")
                .to_owned(),
        )];
        if let Some(signature) = request.header(SIGNATURE_HEADER) {
            headers.push((SIGNATURE_HEADER.to_owned(), signature.to_owned()));
        }
        match client.post_once(&headers, &request.body) {
            Ok((status, _)) => {
                self.out.stderr_line(&format!("<-- {status} POST {url}"));
                json_answer(status, json!({"forwarded_to": url, "status": status}))
            }
            Err(failure) => {
                self.out
                    .stderr_line(&format!("<-- failed POST {url}: {}", failure.error.message));
                Response::error(502, "the handler could not be reached")
            }
        }
    }
}

fn json_answer(status: u16, body: Value) -> Response {
    Response::json(status, &body)
}

impl Application for Receiver {
    fn answer(&self, request: &Request) -> Response {
        if request.method != "POST" {
            return Response::error(405, "webhooks are delivered with POST")
                .with_header("allow", "POST");
        }
        let signature = request.header(SIGNATURE_HEADER);
        let mut received = receive::receive(
            &request.body,
            signature,
            self.secret.as_ref().map(Secret::expose),
            &self.events,
        );
        if received.filtered_out {
            return json_answer(200, json!({"ok": true, "ignored": true}));
        }
        {
            let mut seen = self.handling.lock().unwrap_or_else(PoisonError::into_inner);
            if received.verified == Some(true)
                && let Some(signature) = signature
            {
                received.duplicate = seen.seen_before(signature, Instant::now());
            }
            let received_at = humantime::format_rfc3339_millis(SystemTime::now()).to_string();
            // A closed stdout ends the listener quietly, as it does every command.
            let _ = self
                .out
                .stdout(&format!("{}\n", received.line(&received_at, &request.body)));
            self.out.stderr_line(&received.log_line());
        }
        match &self.forward {
            Some((url, client)) if received.forwarded() => self.forward(url, client, request),
            _ => json_answer(received.status(), receive::answer_body(&received)),
        }
    }

    fn answer_may_block(&self) -> bool {
        // Printing may block on a slow pipe, and forwarding waits for the handler.
        true
    }
}
