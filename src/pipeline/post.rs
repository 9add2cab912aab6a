//! The rules of a run for a POST that creates something (the imports): unlike a GET, a request
//! the server may have acted on is never sent again blindly.

use crate::client::{Delivery, Failure};
use crate::error::Kind;

#[cfg(test)]
mod tests;

/// What a job does after a POST failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// 429: not processed. Every worker waits out the shared pause, then the same request
    /// goes again; that costs none of its retries.
    Pause,
    /// 401/403: every other job would fail the same way, so the run stops.
    StopRun,
    /// Send the same request again after a backoff. `never_sent`: it did not leave (a later
    /// run may send it too); otherwise it carries an Idempotency-Key, journaled before it was
    /// first sent, so the API answers it again without creating anything twice.
    Resend { never_sent: bool },
    /// The server may have created it (a 5xx, a connection cut after sending): `uncertain`,
    /// never sent again by this run.
    Uncertain,
    /// Failed. `never_sent`: it did not leave, so a resumed run sends it again.
    Failed { never_sent: bool },
}

/// The rule for `failure`: `keyed` when the request carries an Idempotency-Key, `may_resend`
/// while it has retries left.
pub fn after(failure: &Failure, keyed: bool, may_resend: bool) -> Next {
    let error = &failure.error;
    if error.status == Some(429) {
        return Next::Pause;
    }
    if error.kind == Kind::Auth {
        return Next::StopRun;
    }
    let maybe_done = failure.delivery == Delivery::MaybeProcessed
        || (failure.delivery == Delivery::Answered && error.kind == Kind::Server);
    let never_sent = failure.delivery == Delivery::NotSent;
    let resend = if never_sent {
        error.kind != Kind::Input
    } else {
        keyed && maybe_done
    };
    if resend && may_resend {
        return Next::Resend { never_sent };
    }
    if !never_sent && maybe_done {
        Next::Uncertain
    } else {
        Next::Failed { never_sent }
    }
}
