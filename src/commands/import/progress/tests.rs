use super::*;
use crate::commands::import::outcome::Outcome;
use crate::error::Error;

#[test]
fn the_progress_line_counts_in_the_singular_and_shows_an_eta_for_a_file() {
    let mut tally = Tally::default();
    tally.count(&Outcome::Created(None));
    assert_eq!(
        progress_message(&tally, 2.0, None),
        "1 record  0/s  0 failed, 0 uncertain"
    );
    for _ in 0..9 {
        tally.count(&Outcome::Created(None));
    }
    tally.count(&Outcome::Failed(Error::input("x")));
    // A quarter of the file in 10 s: 30 s to go.
    assert_eq!(
        progress_message(&tally, 10.0, Some(0.25)),
        "11 records  1/s  1 failed, 0 uncertain  ETA 30 s"
    );
    // Unknown size (a pipe), or all of it read: no ETA.
    assert!(!progress_message(&tally, 10.0, None).contains("ETA"));
    assert!(!progress_message(&tally, 10.0, Some(1.0)).contains("ETA"));
    assert_eq!(format_secs(3725.0), "1 h 2 min");
}
