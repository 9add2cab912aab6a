use super::*;

#[test]
fn fail_fast_draws_the_line_at_the_first_failure_by_position() {
    let fail_fast = FailFast::new(true);
    assert!(fail_fast.admits(1_000_000) && fail_fast.line().is_none());
    fail_fast.failed(9);
    // A failure before it, noted later (its job was slower), moves the line back.
    fail_fast.failed(4);
    fail_fast.failed(7);
    assert_eq!(fail_fast.line(), Some(4));
    assert!(fail_fast.admits(3));
    assert!(!fail_fast.admits(4) && !fail_fast.admits(5));
}

#[test]
fn without_fail_fast_a_failure_stops_nothing_but_an_error_stops_everything() {
    let fail_fast = FailFast::new(false);
    fail_fast.failed(2);
    assert!(fail_fast.admits(3) && fail_fast.line().is_none());
    fail_fast.stop_all();
    assert!(!fail_fast.admits(0) && !fail_fast.admits(1));
    assert_eq!(fail_fast.line(), Some(0));
}

#[test]
fn batches_keep_input_order_and_the_last_one_goes_short() {
    let mut batcher = Batcher::new(3);
    let mut batches = Vec::new();
    for position in [1, 2, 4, 5, 6, 9, 10] {
        batches.extend(batcher.push(position, position * 10));
    }
    assert_eq!(batcher.oldest(), Some(10));
    batches.extend(batcher.take());
    assert_eq!(batcher.take(), None);
    assert_eq!(batcher.oldest(), None);
    assert_eq!(
        batches,
        vec![
            vec![(1, 10), (2, 20), (4, 40)],
            vec![(5, 50), (6, 60), (9, 90)],
            vec![(10, 100)],
        ]
    );
}

#[test]
fn a_batch_answer_goes_back_to_each_record_in_order() {
    let positions = [3, 4, 7];
    assert_eq!(
        per_record(&positions, Answer::Each(vec!["added", "failed", "added"])),
        vec![(3, "added"), (4, "failed"), (7, "added")]
    );
}

#[test]
fn a_failed_or_uncertain_batch_marks_every_one_of_its_records() {
    let positions = [3, 4, 7];
    for whole in ["uncertain", "failed"] {
        assert_eq!(
            per_record(&positions, Answer::All(whole)),
            vec![(3, whole), (4, whole), (7, whole)]
        );
    }
}
