use super::*;

#[test]
fn events_round_trip_and_the_last_one_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j");
    let (journal, history, _) = Journal::open(&path, "in.csv", &Output::memory()).unwrap();
    assert!(history.is_empty());
    journal.record(1, 0xab, Event::Sent).unwrap();
    journal
        .record(1, 0xab, Event::Created(Some("id-1")))
        .unwrap();
    journal.record(2, 0xcd, Event::Sent).unwrap();
    journal
        .record(
            3,
            0xef,
            Event::Failed {
                retriable: true,
                reason: "refused",
            },
        )
        .unwrap();
    journal
        .record(4, 0x12, Event::Uncertain { reason: "lost" })
        .unwrap();
    drop(journal);
    // A crash cut the last line short.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(b"{\"record\":5,\"ha")
        .unwrap();
    let (journal, history, _) = Journal::open(&path, "in.csv", &Output::memory()).unwrap();
    assert_eq!(history[&1], (0xab, Prior::Created(Some("id-1".into()))));
    assert_eq!(history[&2], (0xcd, Prior::InFlight));
    assert_eq!(history[&3], (0xef, Prior::Failed));
    assert_eq!(history[&4], (0x12, Prior::Uncertain));
    assert_eq!(history.len(), 4);
    journal.record(5, 0x34, Event::Sent).unwrap();
    drop(journal);
    let (_, history, _) = Journal::open(&path, "in.csv", &Output::memory()).unwrap();
    assert_eq!(history[&5], (0x34, Prior::InFlight));
}

#[test]
fn a_batch_is_read_back_with_its_key_and_records_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j");
    let (journal, _, _) = Journal::open(&path, "in.csv", &Output::memory()).unwrap();
    let batch = JournaledBatch {
        key: "k-1".into(),
        body: 0xbeef,
        records: vec![(3, 0xa), (1, 0xb)],
    };
    journal.batch(&batch).unwrap();
    journal.record(3, 0xa, Event::Sent).unwrap();
    drop(journal);
    let (_, history, batches) = Journal::open(&path, "in.csv", &Output::memory()).unwrap();
    assert_eq!(batches, [batch]);
    assert_eq!(history[&3], (0xa, Prior::InFlight));
}

#[test]
fn a_damaged_middle_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j");
    drop(Journal::open(&path, "a.csv", &Output::memory()).unwrap());
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("garbage\n{\"record\":1,\"hash\":\"01\",\"event\":\"sent\"}\n");
    std::fs::write(&path, text).unwrap();
    let e = Journal::open(&path, "a.csv", &Output::memory())
        .err()
        .unwrap();
    assert!(e.message.contains("damaged at line 2"), "{}", e.message);
}

#[test]
fn a_journal_in_use_is_refused_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j");
    let (first, _, _) = Journal::open(&path, "a.csv", &Output::memory()).unwrap();
    let e = Journal::open(&path, "a.csv", &Output::memory())
        .err()
        .unwrap();
    assert!(e.message.contains("in use by another run"), "{}", e.message);
    drop(first);
    Journal::open(&path, "a.csv", &Output::memory()).unwrap();
}
