use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::*;

fn never() -> bool {
    false
}

fn ok_jobs(n: u64) -> impl Iterator<Item = Result<u64>> + Send {
    (0..n).map(Ok)
}

#[test]
fn results_come_back_in_input_order_from_many_workers() {
    let pool = Pool {
        workers: 8,
        stop: &never,
        out: &Output::memory(),
    };
    let mut seen = Vec::new();
    let ended = pool.run(
        ok_jobs(500),
        |n, _| {
            // Later jobs finish first now and then.
            if n % 7 == 0 {
                std::thread::sleep(Duration::from_millis(2));
            }
            n * 2
        },
        |r| {
            seen.push(r);
            Flow::Continue
        },
    );
    assert!(matches!(ended, Ended::Finished), "{ended:?}");
    assert_eq!(seen, (0..500).map(|n| n * 2).collect::<Vec<_>>());
}

#[test]
fn workers_run_at_once_up_to_the_pool_size() {
    let running = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let pool = Pool {
        workers: 4,
        stop: &never,
        out: &Output::memory(),
    };
    let ended = pool.run(
        ok_jobs(40),
        |_, _| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(5));
            running.fetch_sub(1, Ordering::SeqCst);
        },
        |()| Flow::Continue,
    );
    assert!(matches!(ended, Ended::Finished));
    let most = most.load(Ordering::SeqCst);
    assert!((2..=4).contains(&most), "{most}");
}

#[test]
fn a_stop_from_deliver_starts_nothing_new_and_delivers_what_is_in_flight() {
    let started = AtomicUsize::new(0);
    let pool = Pool {
        workers: 2,
        stop: &never,
        out: &Output::memory(),
    };
    let mut delivered = Vec::new();
    let ended = pool.run(
        ok_jobs(10_000),
        |n, _| {
            started.fetch_add(1, Ordering::SeqCst);
            n
        },
        |n| {
            delivered.push(n);
            if n == 3 { Flow::Stop } else { Flow::Continue }
        },
    );
    assert!(matches!(ended, Ended::Stopped), "{ended:?}");
    let started = started.load(Ordering::SeqCst);
    // Every started job was delivered, and the window kept the rest from starting.
    assert_eq!(delivered.len(), started);
    assert!(started < 1_000, "{started}");
    assert_eq!(&delivered[..4], &[0, 1, 2, 3]);
}

#[test]
fn an_outside_stop_ends_the_run_with_in_flight_work_delivered() {
    let stop = AtomicBool::new(false);
    let check = || stop.load(Ordering::SeqCst);
    let pool = Pool {
        workers: 3,
        stop: &check,
        out: &Output::memory(),
    };
    let mut delivered = 0;
    let ended = pool.run(
        ok_jobs(u64::MAX),
        |n, _| {
            if n == 20 {
                stop.store(true, Ordering::SeqCst);
            }
            n
        },
        |_| {
            delivered += 1;
            Flow::Continue
        },
    );
    assert!(matches!(ended, Ended::Stopped), "{ended:?}");
    assert!((21..200).contains(&delivered), "{delivered}");
}

#[test]
fn a_failing_producer_fails_the_run_after_its_jobs() {
    let pool = Pool {
        workers: 2,
        stop: &never,
        out: &Output::memory(),
    };
    let jobs = (0..3)
        .map(Ok)
        .chain(std::iter::once(Err(Error::new(Kind::Network, "refused"))));
    let mut delivered = Vec::new();
    let ended = pool.run(
        jobs,
        |n: u64, _| n,
        |n| {
            delivered.push(n);
            Flow::Continue
        },
    );
    match ended {
        Ended::Failed(error) => assert_eq!(error.kind, Kind::Network),
        other => panic!("{other:?}"),
    }
    assert_eq!(delivered, [0, 1, 2]);
}

#[test]
fn a_fatal_error_from_a_job_stops_the_run() {
    let pool = Pool {
        workers: 1,
        stop: &never,
        out: &Output::memory(),
    };
    let mut delivered = 0;
    let ended = pool.run(
        ok_jobs(10_000),
        |n, ctx| {
            if n == 5 {
                ctx.fail(Error::auth("HTTP 401"));
            }
        },
        |()| {
            delivered += 1;
            Flow::Continue
        },
    );
    assert!(matches!(ended, Ended::Failed(ref e) if e.kind == Kind::Auth));
    assert!(delivered < 100, "{delivered}");
}

#[test]
fn pauses_start_at_a_second_double_per_round_and_honour_retry_after() {
    let pause = Pause::default();
    let t0 = Instant::now();
    // Retry-After 0 still waits the floor of 1 s.
    pause.rate_limited_at(Some(Duration::ZERO), t0).unwrap();
    assert_eq!(pause.until(), Some(t0 + Duration::from_secs(1)));
    // A 429 during the pause is the same round.
    pause
        .rate_limited_at(None, t0 + Duration::from_millis(500))
        .unwrap();
    assert_eq!(
        pause.until(),
        Some(t0 + Duration::from_millis(500) + Duration::from_secs(1))
    );
    // After it, a new round: 2 s.
    let t1 = t0 + Duration::from_secs(3);
    pause.rate_limited_at(None, t1).unwrap();
    assert_eq!(pause.until(), Some(t1 + Duration::from_secs(2)));
    // Retry-After above the floor is honoured, and capped at 60 s.
    let t2 = t1 + Duration::from_secs(10);
    pause
        .rate_limited_at(Some(Duration::from_secs(7)), t2)
        .unwrap();
    assert_eq!(pause.until(), Some(t2 + Duration::from_secs(7)));
    let t3 = t2 + Duration::from_secs(10);
    pause
        .rate_limited_at(Some(Duration::from_secs(600)), t3)
        .unwrap();
    assert_eq!(pause.until(), Some(t3 + Duration::from_secs(60)));
    // A success resets the doubling.
    pause.succeeded();
    let t4 = t3 + Duration::from_secs(100);
    pause.rate_limited_at(None, t4).unwrap();
    assert_eq!(pause.until(), Some(t4 + Duration::from_secs(1)));
    // Five minutes of 429s without a success give up.
    let error = pause
        .rate_limited_at(None, t4 + Duration::from_secs(301))
        .unwrap_err();
    assert_eq!(error.kind, Kind::RateLimited);
}

#[test]
fn a_429_pauses_every_worker() {
    let pool = Pool {
        workers: 4,
        stop: &never,
        out: &Output::memory(),
    };
    let limited = Mutex::new(None::<Instant>);
    let paused = AtomicBool::new(false);
    let mut times = Vec::new();
    let ended = pool.run(
        ok_jobs(8),
        |n, ctx| {
            if n != 0 {
                // Every other job asks only once the 429 has been answered.
                let deadline = Instant::now() + Duration::from_secs(10);
                while !paused.load(Ordering::SeqCst) && Instant::now() < deadline {
                    std::thread::yield_now();
                }
            }
            ctx.request(0, || {
                let mut limited = limited.lock().unwrap();
                if n == 0 && limited.is_none() {
                    *limited = Some(Instant::now());
                    ctx.pause
                        .rate_limited(Some(Duration::ZERO), ctx.out)
                        .unwrap();
                    paused.store(true, Ordering::SeqCst);
                    return Err(Failure {
                        error: Error::new(Kind::RateLimited, "HTTP 429").with_status(429),
                        delivery: client::Delivery::Answered,
                        retry_after: Some(Duration::ZERO),
                    });
                }
                Ok(Instant::now())
            })
            .unwrap()
        },
        |t| {
            times.push(t);
            Flow::Continue
        },
    );
    assert!(matches!(ended, Ended::Finished));
    let limited = limited.lock().unwrap().unwrap();
    assert_eq!(times.len(), 8);
    for t in times {
        assert!(
            t >= limited + Duration::from_millis(990),
            "{:?}",
            t - limited
        );
    }
}
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

#[test]
fn fail_fast_starts_nothing_after_the_first_failure_and_delivers_what_came_before() {
    let fail_fast = FailFast::new(true);
    let started = Mutex::new(Vec::new());
    let pool = Pool {
        workers: 2,
        stop: &never,
        out: &Output::memory(),
    };
    let mut delivered = Vec::new();
    let ended = pool.run_fail_fast(
        &fail_fast,
        |n: &u64| *n,
        |r: &(u64, bool)| (!r.1).then_some(r.0),
        ok_jobs(1000),
        |n, _| {
            started.lock().unwrap().push(n);
            if n == 4 {
                // Job 4 is in flight when job 5 fails: it is still done and delivered.
                while fail_fast.line().is_none() {
                    std::thread::yield_now();
                }
            }
            (n, n != 5)
        },
        |r| {
            delivered.push(r);
            Flow::Continue
        },
    );
    assert!(matches!(ended, Ended::Finished), "{ended:?}");
    assert_eq!(fail_fast.line(), Some(5));
    let started = started.into_inner().unwrap();
    assert!(started.iter().all(|n| *n <= 5), "{started:?}");
    let expected: Vec<(u64, bool)> = (0..=5).map(|n| (n, n != 5)).collect();
    assert_eq!(delivered, expected);
}
