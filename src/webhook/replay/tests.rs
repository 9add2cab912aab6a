use super::*;

#[test]
fn a_signature_is_a_replay_within_the_window_only() {
    let start = Instant::now();
    let mut seen = Seen::new();
    assert!(!seen.seen_before("abc", start));
    assert!(seen.seen_before("abc", start + Duration::from_secs(60)));
    assert!(seen.seen_before(" abc\n", start + Duration::from_secs(61)));
    assert!(!seen.seen_before("abd", start + Duration::from_secs(62)));
    // Remembered from its first sight: ten minutes later it is new again.
    assert!(!seen.seen_before("abc", start + WINDOW + Duration::from_secs(1)));
}

#[test]
fn memory_is_bounded_by_dropping_the_oldest() {
    let start = Instant::now();
    let mut seen = Seen::with_capacity(3);
    for signature in ["a", "b", "c", "d"] {
        assert!(!seen.seen_before(signature, start));
    }
    assert!(seen.order.len() <= 3 && seen.digests.len() <= 3);
    assert!(seen.seen_before("d", start));
    assert!(!seen.seen_before("a", start), "the oldest was dropped");
}
