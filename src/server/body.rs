//! Reading a request body whole, within the [`Limits`]: no larger than the application's
//! limit (413), framed correctly (400), and arriving in time (408): whole within the body
//! deadline, and at the minimum average rate once past the grace period. A client that sends
//! a byte every few seconds would otherwise hold its connection for as long as it likes.

use std::time::{Duration, Instant};

use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap};

use super::{Limits, Response};

/// A body refused as too large is still read and discarded up to this size, so that the
/// client gets its 413 on a connection it can keep using rather than a reset.
const DRAIN_LIMIT: u64 = 16 * 1024 * 1024;

/// The whole body, or the response refusing it. `started` is when its head was read.
pub(super) async fn read(
    headers: &HeaderMap,
    mut body: Incoming,
    limits: &Limits,
    started: Instant,
) -> Result<Vec<u8>, Response> {
    let limit = limits.body_bytes as u64;
    let too_large = || {
        Response::error(
            413,
            format!("the body is larger than the server's limit of {limit} bytes"),
        )
    };
    let declared = hyper::body::Body::size_hint(&body).exact();
    if let Some(length) = declared
        && length > limit
    {
        let expects_continue = headers
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        // A client waiting for 100 Continue has not sent it, and a huge one is not worth
        // reading: refuse unread, and hyper closes the connection after the answer.
        if expects_continue || length > DRAIN_LIMIT {
            return Err(too_large());
        }
    }
    // Room for what was announced, but only as much as a head's worth until it arrives: a
    // thousand connections announcing 1 MiB and sending nothing must not reserve a GiB.
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(64 * 1024) as usize);
    let mut total: u64 = 0;
    loop {
        let deadline = started + allowed_time(limits, total);
        let frame = match tokio::time::timeout_at(deadline.into(), body.frame()).await {
            Err(_elapsed) => return Err(too_slow(limits, total, started.elapsed())),
            Ok(None) => break,
            Ok(Some(Err(e))) => {
                return Err(Response::error(
                    400,
                    format!("cannot read the body: {}", cause(&e)),
                ));
            }
            Ok(Some(Ok(frame))) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        total += data.len() as u64;
        if total > DRAIN_LIMIT {
            return Err(too_large());
        }
        if total <= limit {
            bytes.extend_from_slice(&data);
        } else if !bytes.is_empty() {
            bytes = Vec::new(); // over the limit: read on to the end, keep nothing
        }
    }
    if total > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// How long after its head a body that has sent `received` bytes may take to send more: the
/// grace period, or as long as `received` keeps the average at the minimum rate, whichever is
/// longer, but never past the body deadline.
pub(super) fn allowed_time(limits: &Limits, received: u64) -> Duration {
    let at_rate = Duration::from_secs_f64(received as f64 / limits.body_rate.max(1) as f64);
    at_rate.max(limits.body_grace).min(limits.body_deadline)
}

fn too_slow(limits: &Limits, received: u64, elapsed: Duration) -> Response {
    Response::error(
        408,
        format!(
            "the body arrived too slowly ({received} bytes in {:.1} s): it must arrive whole \
             within {} s, and at {} bytes/s on average after the first {} s",
            elapsed.as_secs_f64(),
            limits.body_deadline.as_secs_f64(),
            limits.body_rate,
            limits.body_grace.as_secs_f64(),
        ),
    )
}

/// What went wrong reading a body, `invalid chunk size: overflow`: hyper's own words around
/// it ("error reading a body from connection") add nothing.
fn cause(error: &hyper::Error) -> String {
    let mut text = String::new();
    let mut next = std::error::Error::source(error);
    while let Some(cause) = next {
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause.to_string());
        next = cause.source();
    }
    if text.is_empty() {
        text = error.to_string();
    }
    text
}
