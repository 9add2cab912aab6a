use super::*;

#[test]
fn a_429_pauses_everyone_for_retry_after_capped_at_60_s() {
    let pause = Pause::default();
    let now = Instant::now();
    pause
        .rate_limited_at(Some(Duration::from_secs(2)), now)
        .unwrap();
    assert_eq!(pause.until(), Some(now + Duration::from_secs(2)));
    pause
        .rate_limited_at(Some(Duration::from_secs(1)), now)
        .unwrap();
    assert_eq!(
        pause.until(),
        Some(now + Duration::from_secs(2)),
        "a shorter wait does not cut the pause"
    );
    pause
        .rate_limited_at(Some(Duration::from_secs(3600)), now)
        .unwrap();
    assert_eq!(pause.until(), Some(now + client::MAX_RETRY_AFTER));
}

#[test]
fn retry_after_below_a_second_counts_as_one_then_doubles_while_429s_continue() {
    let pause = Pause::default();
    let mut now = Instant::now();
    let mut waits = Vec::new();
    for asked in ["0", "1e-300", "0", "0", "0", "0", "0", "0"] {
        let asked = Some(Duration::from_secs_f64(asked.parse().unwrap()));
        pause.rate_limited_at(asked, now).unwrap();
        // Another worker's 429 from the same round does not double the pause again.
        pause.rate_limited_at(asked, now).unwrap();
        let until = pause.until().unwrap();
        waits.push((until - now).as_secs());
        now = until;
    }
    assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60]);
    // A success ends the storm: the next 429 waits a second again.
    pause.succeeded();
    pause.rate_limited_at(Some(Duration::ZERO), now).unwrap();
    assert_eq!(pause.until().unwrap() - now, Duration::from_secs(1));
}

#[test]
fn five_minutes_of_429s_without_a_success_give_up() {
    let pause = Pause::default();
    let start = Instant::now();
    pause.rate_limited_at(Some(Duration::ZERO), start).unwrap();
    pause
        .rate_limited_at(Some(Duration::ZERO), start + Duration::from_secs(299))
        .unwrap();
    let e = pause
        .rate_limited_at(Some(Duration::ZERO), start + Duration::from_secs(301))
        .unwrap_err();
    assert_eq!(e.kind, Kind::RateLimited);
    assert!(
        e.message
            .contains("after 5 minutes without a single success"),
        "{}",
        e.message
    );
    // A success starts the count again.
    pause.succeeded();
    pause
        .rate_limited_at(Some(Duration::ZERO), start + Duration::from_secs(302))
        .unwrap();
}
