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

/// A journal that writes down what it hears, and refuses `before_send` when told to.
struct Heard {
    events: std::sync::Mutex<Vec<String>>,
    refuse: bool,
}

impl Heard {
    fn new(refuse: bool) -> Heard {
        Heard {
            events: std::sync::Mutex::new(Vec::new()),
            refuse,
        }
    }

    fn push(&self, event: String) {
        self.events.lock().unwrap().push(event);
    }

    fn events(&self) -> Vec<String> {
        self.events.lock().unwrap().clone()
    }
}

impl Journaling for Heard {
    fn before_send(&self, first: bool) -> Result<()> {
        if self.refuse {
            return Err(Error::internal("cannot write to the journal: disk full"));
        }
        self.push(format!("before_send first={first}"));
        Ok(())
    }
    fn failed(&self, retriable: bool, _reason: &str) -> Result<()> {
        self.push(format!("failed retriable={retriable}"));
        Ok(())
    }
    fn uncertain(&self, _reason: &str) -> Result<()> {
        self.push("uncertain".into());
        Ok(())
    }
}

fn never() -> bool {
    false
}

#[test]
fn the_journal_hears_of_each_attempt_before_it_leaves() {
    let out = crate::output::Output::memory();
    let ctx = Ctx::alone(&never, &out);
    let heard = Heard::new(false);
    let mut answers = vec![
        Err(failure(Kind::Server, Some(503), Delivery::Answered)),
        Ok("created"),
    ]
    .into_iter();
    let sent = send(&ctx, &heard, true, 3, || {
        heard.push("attempt".into());
        answers.next().unwrap()
    });
    assert!(matches!(sent, Sent::Answered("created")), "{sent:?}");
    assert_eq!(
        heard.events(),
        [
            "before_send first=true",
            "attempt",
            "before_send first=false",
            "attempt"
        ]
    );
}

#[test]
fn a_journal_that_cannot_take_the_line_sends_nothing_and_stops_the_run() {
    let out = crate::output::Output::memory();
    let ctx = Ctx::alone(&never, &out);
    let heard = Heard::new(true);
    let mut attempts = 0;
    let sent = send(&ctx, &heard, true, 3, || {
        attempts += 1;
        Ok(())
    });
    assert_eq!(attempts, 0);
    assert!(
        matches!(sent, Sent::Failed(ref e) if e.message.contains("disk full")),
        "{sent:?}"
    );
    assert!(ctx.stopping());
}

#[test]
fn an_unkeyed_post_the_server_may_have_acted_on_is_journaled_uncertain_once() {
    let out = crate::output::Output::memory();
    let ctx = Ctx::alone(&never, &out);
    let heard = Heard::new(false);
    let sent = send(&ctx, &heard, false, 3, || {
        Err::<(), _>(failure(Kind::Server, Some(500), Delivery::Answered))
    });
    assert!(matches!(sent, Sent::Uncertain(_)), "{sent:?}");
    assert_eq!(heard.events(), ["before_send first=true", "uncertain"]);
}
