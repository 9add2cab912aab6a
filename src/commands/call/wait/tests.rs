use super::*;
use crate::error::{Error, Kind};
use serde_json::json;

/// A clock that moves only when slept on, and remembers the sleeps.
struct FakeClock {
    start: Instant,
    elapsed: Duration,
    sleeps: Vec<Duration>,
}

impl FakeClock {
    fn new() -> FakeClock {
        FakeClock {
            start: Instant::now(),
            elapsed: Duration::ZERO,
            sleeps: Vec::new(),
        }
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Instant {
        self.start + self.elapsed
    }

    fn sleep(&mut self, duration: Duration) {
        self.elapsed += duration;
        self.sleeps.push(duration);
    }
}

fn statuses(list: &'static [&'static str]) -> impl FnMut() -> Result<Value> {
    let mut list = list.iter().copied();
    let mut last = "queued";
    move || {
        last = list.next().unwrap_or(last);
        Ok(json!({"id": "cll_1", "status": last}))
    }
}

#[test]
fn says_each_change_once_and_returns_the_final_call() {
    let mut clock = FakeClock::new();
    let mut seen = Vec::new();
    let waited = wait_for(
        statuses(&[
            "queued",
            "queued",
            "ringing",
            "in-progress",
            "in-progress",
            "busy",
        ]),
        &mut clock,
        Duration::from_millis(100),
        DEFAULT_MAX_WAIT,
        |s| seen.push(s.to_owned()),
    )
    .unwrap();
    assert_eq!(
        waited,
        Waited::Final(json!({"id": "cll_1", "status": "busy"}))
    );
    assert_eq!(seen, ["queued", "ringing", "in-progress", "busy"]);
    assert_eq!(clock.sleeps, vec![Duration::from_millis(100); 5]);
}

#[test]
fn a_final_call_returns_at_once() {
    for status in FINAL_STATUSES {
        let mut clock = FakeClock::new();
        let waited = wait_for(
            || Ok(json!({"status": status})),
            &mut clock,
            DEFAULT_INTERVAL,
            Duration::ZERO,
            |_| {},
        )
        .unwrap();
        assert!(matches!(waited, Waited::Final(_)), "{status}");
        assert!(clock.sleeps.is_empty());
    }
}

#[test]
fn gives_up_at_max_wait_with_a_last_poll_then() {
    let mut clock = FakeClock::new();
    let mut polls = 0;
    let waited = wait_for(
        || {
            polls += 1;
            Ok(json!({"status": "in-progress"}))
        },
        &mut clock,
        Duration::from_secs(2),
        Duration::from_secs(5),
        |_| {},
    )
    .unwrap();
    assert_eq!(waited, Waited::GaveUp(json!({"status": "in-progress"})));
    // Polls at 0, 2, 4 and 5 s: the last sleep is cut to what is left.
    assert_eq!(polls, 4);
    assert_eq!(clock.sleeps, [2, 2, 1].map(Duration::from_secs).to_vec());
    let mut clock = FakeClock::new();
    let waited = wait_for(
        statuses(&["queued"]),
        &mut clock,
        DEFAULT_INTERVAL,
        Duration::ZERO,
        |_| {},
    )
    .unwrap();
    assert!(matches!(waited, Waited::GaveUp(_)));
}

#[test]
fn a_call_without_status_is_not_final_and_errors_stop_the_wait() {
    let mut clock = FakeClock::new();
    let mut seen = Vec::new();
    let mut answers = vec![
        Err(Error::new(Kind::Network, "refused")),
        Ok(json!({"id": "cll_1"})),
    ];
    let error = wait_for(
        || answers.pop().unwrap(),
        &mut clock,
        DEFAULT_INTERVAL,
        DEFAULT_MAX_WAIT,
        |s| seen.push(s.to_owned()),
    )
    .unwrap_err();
    assert_eq!(error.kind, Kind::Network);
    assert_eq!(seen, ["(no status)"]);
}
