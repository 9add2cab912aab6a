use super::*;

#[test]
fn a_key_twice_in_any_object_is_found() {
    assert!(has_duplicate_keys(br#"{"a":1,"a":2}"#));
    assert!(has_duplicate_keys(br#"{"x":[{"b":1,"c":{"d":1,"d":1}}]}"#));
    // Escapes do not hide a repeat: "\u0061" is "a".
    assert!(has_duplicate_keys(br#"{"a":1,"\u0061":2}"#));
}

#[test]
fn distinct_keys_and_non_objects_pass() {
    for body in [
        &br#"{"a":1,"b":{"a":1},"c":[{"a":1},{"a":2}]}"#[..],
        b"[1,2,3]",
        b"\"text\"",
        b"not json",
        b"",
    ] {
        assert!(!has_duplicate_keys(body), "{body:?}");
    }
}
