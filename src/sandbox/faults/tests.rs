use super::*;

const SECOND: Duration = Duration::from_secs(1);

/// Which of `count` requests fail.
fn failing(faults: &Faults, count: usize) -> Vec<usize> {
    let now = Instant::now();
    (0..count).filter(|_| faults.check(now).is_some()).collect()
}

#[test]
fn the_same_seed_fails_the_same_request_numbers() {
    let first = failing(&Faults::new(0.5, None, 7), 64);
    assert_eq!(failing(&Faults::new(0.5, None, 7), 64), first);
    assert_ne!(failing(&Faults::new(0.5, None, 8), 64), first);
    assert!((16..=48).contains(&first.len()), "{} of 64", first.len());
}

#[test]
fn fail_rate_zero_and_one_are_exact() {
    let never = Faults::new(0.0, None, 1);
    let always = Faults::new(1.0, None, 1);
    assert_eq!(failing(&never, 1000), Vec::<usize>::new());
    assert_eq!(failing(&always, 1000).len(), 1000);
}

#[test]
fn draws_are_spread_over_the_unit_interval() {
    let mut buckets = [0u32; 10];
    for n in 0..10_000 {
        let x = unit(splitmix64(0, n));
        assert!((0.0..1.0).contains(&x));
        buckets[(x * 10.0) as usize] += 1;
    }
    assert!(
        buckets.iter().all(|&b| (800..1200).contains(&b)),
        "{buckets:?}"
    );
}

#[test]
fn the_rate_limit_resets_each_second() {
    let limit = RateLimit::new(2, SECOND);
    let t0 = Instant::now();
    assert_eq!(limit.check(t0), None);
    assert_eq!(limit.check(t0), None);
    assert_eq!(limit.check(t0 + Duration::from_millis(10)), Some(1));
    assert_eq!(limit.check(t0 + Duration::from_millis(999)), Some(1));
    assert_eq!(limit.check(t0 + Duration::from_millis(1000)), None);
    let none = RateLimit::new(0, SECOND);
    assert_eq!(none.check(t0), Some(1));
}
