//! `altur call start | get | wait | list | recording | recordings | export` (contract sections
//! 15 and 21), one file per verb, each with a `run(&Session, ...)`.
//!
//! The parts that need no HTTP are in their own modules: the start body ([`start`]), the wait
//! loop ([`wait`]), file names and temporary files ([`files`]), one download ([`download`])
//! and the bulk run ([`bulk`]). This module holds what the verbs share: how a call prints,
//! the endpoints, and downloads through the client.

pub mod bulk;
pub mod download;
pub mod files;
mod spinner;

crate::commands::verbs! {
    /// `altur call ...` (contract section 15).
    pub(crate) enum CallCommand {
        Start => start,
        Get => get,
        Wait => wait,
        List => list,
        Recording => recording,
        Recordings => recordings,
        Export => export,
    }
}

use std::sync::Arc;
use std::time::Duration;

use crate::client::{Body, Call, Client, Delivery, Endpoint, Failure, Method};
use crate::error::{Error, Kind};
use crate::interrupt::Interrupt;
use crate::output::Resource;

use download::{Opened, Source};

/// How a call prints: the Call of `GET /call/{id}` and the CampaignCall of a listing.
pub const CALL: Resource = Resource {
    name: "call",
    fields: &[
        "id",
        "status",
        "answered_by",
        "type",
        "phone_number_to",
        "created_at",
        "started_at",
        "ended_at",
        "duration",
        "billable_duration",
        "recording_url",
    ],
    columns: &[
        "id",
        "status",
        "answered_by",
        "duration",
        "contact.phone_number",
        "created_at",
    ],
    id: "id",
    wrapper: None,
};

pub const START: Endpoint = crate::registry::CALL_START.endpoint;
pub const GET: Endpoint = crate::registry::CALL_GET.endpoint;
pub const RECORDING: Endpoint = crate::registry::CALL_RECORDING.endpoint;
pub const CAMPAIGN_CALLS: Endpoint = crate::registry::CALL_LIST.endpoint;

/// Downloads through the HTTP client: one attempt of the head, the body left to stream.
#[derive(Clone)]
struct ClientSource {
    client: Arc<Client>,
    /// The run's Ctrl-C: a stop gives up waiting for an answer's head.
    interrupt: Interrupt,
}

/// How often a download waiting for its answer's head looks at the stop.
const HEAD_TICK: Duration = Duration::from_millis(50);

impl Source for ClientSource {
    /// The head is awaited on a thread of its own, so that Ctrl-C need not wait out
    /// `--timeout` for a server that does not answer: the request is a GET and nothing has
    /// been written yet, so giving it up loses nothing (the thread ends with the process or
    /// when the answer comes).
    fn attempt(&self, path: &str) -> std::result::Result<Opened, Failure> {
        let (sent, received) = std::sync::mpsc::channel();
        let source = self.clone();
        let owned = path.to_owned();
        std::thread::spawn(move || {
            let _ = sent.send(source.open(&owned));
        });
        loop {
            match received.recv_timeout(HEAD_TICK) {
                Ok(opened) => return opened,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) if self.interrupt.requested() => {
                    return Err(Failure {
                        error: Error::new(Kind::Interrupted, "interrupted"),
                        delivery: Delivery::MaybeProcessed,
                        retry_after: None,
                    });
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(Failure {
                        error: Error::internal("the download's request ended without an answer"),
                        delivery: Delivery::MaybeProcessed,
                        retry_after: None,
                    });
                }
            }
        }
    }
}

impl ClientSource {
    /// One attempt of `GET path`, waited for here.
    fn open(&self, path: &str) -> std::result::Result<Opened, Failure> {
        let call = download_call(path);
        let reply = self.client.attempt_open(&call)?;
        let header = |name: &str| {
            reply
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let content_type = header("content-type");
        let content_length = header("content-length").and_then(|v| v.trim().parse().ok());
        let body = match reply.body {
            Body::Open(body) => body,
            _ => {
                return Err(Failure {
                    error: Error::internal("the client read a body it was to leave open"),
                    delivery: Delivery::Answered,
                    retry_after: None,
                });
            }
        };
        Ok(Opened {
            content_type,
            content_length,
            body: Box::new(body.into_with_config().limit(u64::MAX).reader()),
        })
    }
}

/// A download: any type is welcome (the API does not document the audio's), unlike the
/// `application/json` every other request accepts.
fn download_call(path: &str) -> Call {
    Call::new(Method::Get, path).with_header("Accept", "*/*")
}

/// `1.2 MB`, `340 KB`, `12 B`.
fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

#[cfg(test)]
mod tests;
