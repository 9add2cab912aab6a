//! `webhook listen`'s receiver: the sandbox's HTTP stack (hyper, with its limits) in front of
//! [`receive`](super::receive), printing each delivery and forwarding verified ones.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use serde_json::json;

use super::receive::{self, SIGNATURE_HEADER};
use crate::client::Client;
use crate::output;
use crate::sandbox::http::Application;
use crate::sandbox::server::{Answer, Request};
use crate::secret::Secret;

/// Deliveries larger than this are refused with 413 (contract section 18).
pub const BODY_LIMIT: usize = 1024 * 1024;

pub struct Receiver {
    pub secret: Option<Secret>,
    pub events: Vec<String>,
    /// The handler `--forward-to` names, and a client for it (no key is ever sent there).
    pub forward: Option<(String, Client)>,
    /// One delivery printed at a time, so that lines never interleave.
    printing: Mutex<()>,
}

impl Receiver {
    pub fn new(
        secret: Option<Secret>,
        events: Vec<String>,
        forward: Option<(String, Client)>,
    ) -> Arc<Receiver> {
        Arc::new(Receiver {
            secret,
            events,
            forward,
            printing: Mutex::new(()),
        })
    }

    fn forward(&self, url: &str, client: &Client, request: &Request) -> Answer {
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
                output::stderr_line(&format!("<-- {status} POST {url}"));
                json_answer(status, json!({"forwarded_to": url, "status": status}))
            }
            Err(failure) => {
                output::stderr_line(&format!("<-- failed POST {url}: {}", failure.error.message));
                json_answer(
                    502,
                    json!({"error": 502, "message": "the handler could not be reached"}),
                )
            }
        }
    }
}

fn json_answer(status: u16, body: serde_json::Value) -> Answer {
    Answer {
        status,
        body,
        retry_after: None,
        allow: None,
        bytes: None,
    }
}

impl Application for Receiver {
    fn answer(&self, request: &Request) -> Answer {
        if request.method != "POST" {
            return Answer {
                allow: Some("POST".to_owned()),
                ..json_answer(
                    405,
                    json!({"error": 405, "message": "webhooks are delivered with POST"}),
                )
            };
        }
        let received = receive::receive(
            &request.body,
            request.header(SIGNATURE_HEADER),
            self.secret.as_ref().map(Secret::expose),
            &self.events,
        );
        if received.filtered_out {
            return json_answer(200, json!({"ok": true, "ignored": true}));
        }
        {
            let _one_at_a_time = self.printing.lock().unwrap_or_else(PoisonError::into_inner);
            let received_at = humantime::format_rfc3339_millis(SystemTime::now()).to_string();
            // A closed stdout ends the listener quietly, as it does every command.
            let _ = output::stdout(&format!("{}\n", received.line(&received_at, &request.body)));
            output::stderr_line(&received.log_line());
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

    fn latency(&self) -> Duration {
        Duration::ZERO
    }

    fn answered(&self, _request: &Request, _status: u16, _elapsed: Duration) {}
}
