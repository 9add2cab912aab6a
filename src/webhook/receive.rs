//! What `webhook listen` does with one delivery, apart from the HTTP server that received it:
//! verify it, decide the answer, and describe it as an NDJSON line and a log line. A delivery
//! that fails verification is described by its size and the reason, never by its content: the
//! sender is unknown, and its body could be anything, of any size.

use serde_json::{Map, Value, json};

use super::signature::{self, Scheme};

/// The header Altur signs its webhooks with.
pub const SIGNATURE_HEADER: &str = "X-Altur-Signature";

/// What the receiver concluded about one delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    /// `Some(true/false)` with a secret configured, `None` without one.
    pub verified: Option<bool>,
    pub scheme: Option<Scheme>,
    /// Why it was not verified.
    pub reason: Option<&'static str>,
    /// The body's size in bytes.
    pub bytes: usize,
    /// The event's type (`event_type`, or the legacy `type`), when the body says.
    pub event_type: Option<String>,
    /// The body parsed as JSON, or `None` when it is not JSON.
    pub event: Option<Value>,
    /// Kept out by `--events`: answered 200, neither printed nor forwarded.
    pub filtered_out: bool,
    /// Verified, but its signature was seen lately: a replay, answered 200 and not forwarded.
    pub duplicate: bool,
}

impl Received {
    /// 200 when verified (or when there is no secret to verify with), 400 when not.
    pub fn status(&self) -> u16 {
        if self.verified == Some(false) {
            400
        } else {
            200
        }
    }

    /// Whether `--forward-to` passes it on: verified and new, or every delivery without a
    /// secret.
    pub fn forwarded(&self) -> bool {
        !self.filtered_out && !self.duplicate && self.verified != Some(false)
    }

    /// The NDJSON line printed on stdout; for a delivery that failed verification, only its
    /// size and the reason.
    pub fn line(&self, received_at: &str, body: &[u8]) -> Value {
        let mut line = Map::new();
        line.insert("received_at".into(), received_at.into());
        line.insert("verified".into(), self.verified.into());
        if self.verified == Some(false) {
            line.insert("reason".into(), self.reason.into());
            line.insert("bytes".into(), self.bytes.into());
            return Value::Object(line);
        }
        line.insert("scheme".into(), self.scheme.map(Scheme::name).into());
        if self.duplicate {
            line.insert("duplicate".into(), true.into());
        }
        match &self.event {
            Some(event) => {
                line.insert("event".into(), event.clone());
            }
            None => {
                line.insert("event".into(), Value::Null);
                line.insert("body".into(), String::from_utf8_lossy(body).into());
            }
        }
        Value::Object(line)
    }

    /// The log line on stderr: `--> on_call_end cll_... verified`.
    pub fn log_line(&self) -> String {
        if self.verified == Some(false) {
            return format!(
                "--> {} bytes NOT verified: answered 400 ({})",
                self.bytes,
                self.reason.unwrap_or("not verified")
            );
        }
        let kind = self.event_type.as_deref().unwrap_or("(no event type)");
        let id = self
            .event
            .as_ref()
            .and_then(|event| {
                ["id", "event_id"]
                    .iter()
                    .find_map(|key| event.get(key).and_then(Value::as_str))
            })
            .map(|id| format!(" {id}"))
            .unwrap_or_default();
        let verdict = match (self.verified, self.scheme) {
            (Some(true), Some(scheme)) => format!("verified ({})", scheme.name()),
            (Some(true), None) => "verified".to_owned(),
            (Some(false), _) => unreachable!("handled above"),
            (None, _) => "not checked (no secret)".to_owned(),
        };
        let duplicate = if self.duplicate {
            ", a duplicate: not forwarded"
        } else {
            ""
        };
        format!("--> {kind}{id} {verdict}{duplicate}")
    }
}

/// Verifies one delivery. `signature` is the header's value if any; `secret` the webhook
/// secret if configured; `events` the `--events` filter (empty keeps everything).
pub fn receive(
    body: &[u8],
    signature: Option<&str>,
    secret: Option<&str>,
    events: &[String],
) -> Received {
    let verdict = match (secret, signature) {
        (None, _) => Ok(None),
        (Some(_), None) => Err("no X-Altur-Signature header"),
        (Some(secret), Some(signature)) => verify(body, signature, secret).map(Some),
    };
    let (verified, scheme, reason) = match verdict {
        Ok(None) => (None, None, None),
        Ok(Some(scheme)) => (Some(true), Some(scheme), None),
        Err(reason) => (Some(false), None, Some(reason)),
    };
    // What an unverified body says is not looked at, not even its event type.
    let event: Option<Value> = if verified == Some(false) {
        None
    } else {
        serde_json::from_slice(body).ok()
    };
    let event_type = event.as_ref().and_then(|event| {
        ["event_type", "type"]
            .iter()
            .filter_map(|key| event.get(key).and_then(Value::as_str))
            // The legacy payload's `type` is the event; the newer one's is inbound/outbound.
            .find(|kind| !matches!(*kind, "inbound" | "outbound"))
            .map(str::to_owned)
    });
    let filtered_out = verified != Some(false)
        && !events.is_empty()
        && !event_type
            .as_ref()
            .is_some_and(|kind| events.iter().any(|wanted| wanted == kind));
    Received {
        verified,
        scheme,
        reason,
        bytes: body.len(),
        event_type,
        event,
        filtered_out,
        duplicate: false,
    }
}

/// The scheme that verifies `body`, or why none does. A payload holding a key twice is
/// refused whatever its signature: the base64 scheme signs a re-serialisation in which one of
/// the two values is lost, so a key placed in front would verify while the receiver's JSON
/// parser may read it instead of the signed one.
fn verify(body: &[u8], signature: &str, secret: &str) -> Result<Scheme, &'static str> {
    if super::duplicates::has_duplicate_keys(body) {
        return Err("the payload holds a JSON key twice, which cannot be verified");
    }
    match signature::verify(body, signature, secret, &[Scheme::Hex, Scheme::Base64]) {
        Ok(Some(found)) => Ok(found.scheme),
        Ok(None) => Err("the signature does not match the payload"),
        Err(_) => Err("the signature is neither hex nor base64"),
    }
}

/// The answer body for the sender: short, JSON.
pub fn answer_body(received: &Received) -> Value {
    match received.verified {
        Some(false) => json!({"error": 400, "message": "signature not verified"}),
        _ if received.duplicate => json!({"ok": true, "duplicate": true}),
        _ => json!({"ok": true}),
    }
}

#[cfg(test)]
mod tests;
