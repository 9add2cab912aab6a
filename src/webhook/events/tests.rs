use super::*;

#[test]
fn every_event_has_a_sample_of_its_type() {
    for event in EVENTS {
        let sample = sample(event, "2026-11-27T08:00:00Z", "1").unwrap();
        assert_eq!(sample["event_type"], event);
    }
    assert!(sample("on_call_start", "", "").is_none());
}

#[test]
fn set_path_replaces_creates_and_refuses() {
    let mut value = json!({"a": {"b": 1}, "list": [1, 2]});
    set_path(&mut value, "a.b", json!("x")).unwrap();
    set_path(&mut value, "a.new.deep", json!(true)).unwrap();
    set_path(&mut value, "list.1", json!(9)).unwrap();
    assert_eq!(
        value,
        json!({"a": {"b": "x", "new": {"deep": true}}, "list": [1, 9]})
    );
    assert!(set_path(&mut value, "list.5", json!(0)).is_err());
    assert!(set_path(&mut value, "a.b.c", json!(0)).is_err());
    assert!(set_path(&mut value, "a..b", json!(0)).is_err());
}
