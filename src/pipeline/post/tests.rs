use super::*;
use crate::error::Error;

fn failure(kind: Kind, status: Option<u16>, delivery: Delivery) -> Failure {
    let mut error = Error::new(kind, "x");
    if let Some(status) = status {
        error = error.with_status(status);
    }
    Failure {
        error,
        delivery,
        retry_after: None,
    }
}

#[test]
fn a_5xx_or_a_cut_connection_on_a_post_is_uncertain_never_sent_again() {
    for f in [
        failure(Kind::Server, Some(500), Delivery::Answered),
        failure(Kind::Network, None, Delivery::MaybeProcessed),
    ] {
        assert_eq!(after(&f, false, true), Next::Uncertain, "{f:?}");
        assert_eq!(after(&f, false, false), Next::Uncertain, "{f:?}");
    }
}

#[test]
fn a_keyed_post_is_sent_again_after_a_5xx_or_a_cut_connection_while_retries_last() {
    for f in [
        failure(Kind::Server, Some(502), Delivery::Answered),
        failure(Kind::Network, None, Delivery::MaybeProcessed),
    ] {
        assert_eq!(
            after(&f, true, true),
            Next::Resend { never_sent: false },
            "{f:?}"
        );
        assert_eq!(after(&f, true, false), Next::Uncertain, "{f:?}");
    }
}

#[test]
fn a_request_that_never_left_is_sent_again_then_fails_retriable() {
    let f = failure(Kind::Network, None, Delivery::NotSent);
    assert_eq!(after(&f, false, true), Next::Resend { never_sent: true });
    assert_eq!(after(&f, false, false), Next::Failed { never_sent: true });
    // One that could not even be built goes nowhere, however often it is tried.
    let bad = failure(Kind::Input, None, Delivery::NotSent);
    assert_eq!(after(&bad, false, true), Next::Failed { never_sent: true });
}

#[test]
fn a_429_pauses_and_401_or_403_stop_the_run() {
    let limited = failure(Kind::RateLimited, Some(429), Delivery::Answered);
    assert_eq!(after(&limited, false, false), Next::Pause);
    assert_eq!(after(&limited, true, true), Next::Pause);
    for status in [401, 403] {
        let refused = failure(Kind::Auth, Some(status), Delivery::Answered);
        assert_eq!(after(&refused, true, true), Next::StopRun);
    }
}

#[test]
fn a_refused_record_fails_for_good_keyed_or_not() {
    let f = failure(Kind::Input, Some(422), Delivery::Answered);
    assert_eq!(after(&f, false, true), Next::Failed { never_sent: false });
    assert_eq!(after(&f, true, true), Next::Failed { never_sent: false });
}
