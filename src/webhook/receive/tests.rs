use super::*;
use crate::webhook::signature::SigningKey;

const SECRET: &str = "whsec_test_secret";

fn signed(body: &str) -> String {
    SigningKey::new(Scheme::Hex, SECRET).sign(Scheme::Hex, body.as_bytes())
}

#[test]
fn a_verified_delivery_is_200_and_forwarded() {
    let body = r#"{"event_type":"on_call_end","id":"cll_1"}"#;
    let received = receive(body.as_bytes(), Some(&signed(body)), Some(SECRET), &[]);
    assert_eq!(received.verified, Some(true));
    assert_eq!(received.status(), 200);
    assert!(received.forwarded());
    assert_eq!(received.log_line(), "--> on_call_end cll_1 verified (hex)");
    assert_eq!(
        received.line("T", body.as_bytes()),
        json!({"received_at": "T", "verified": true, "scheme": "hex",
               "event": {"event_type": "on_call_end", "id": "cll_1"}})
    );
}

#[test]
fn unsigned_or_wrong_is_400_and_not_forwarded() {
    let body = br#"{"event_type":"on_call_end"}"#;
    for signature in [None, Some("00ff"), Some("not a signature")] {
        let received = receive(body, signature, Some(SECRET), &[]);
        assert_eq!((received.verified, received.status()), (Some(false), 400));
        assert!(!received.forwarded());
    }
}

#[test]
fn without_a_secret_everything_passes_unchecked() {
    let received = receive(b"not json", None, None, &[]);
    assert_eq!((received.verified, received.status()), (None, 200));
    assert!(received.forwarded());
    assert_eq!(
        received.line("T", b"not json"),
        json!({"received_at": "T", "verified": null, "scheme": null, "event": null, "body": "not json"})
    );
}

#[test]
fn the_event_filter_and_the_legacy_type_field() {
    let legacy = br#"{"type":"on_call_end","id":"x"}"#;
    let newer = br#"{"event_type":"campaign.status_changed","type":"outbound"}"#;
    let keep = vec!["on_call_end".to_owned()];
    assert!(!receive(legacy, None, None, &keep).filtered_out);
    let other = receive(newer, None, None, &keep);
    assert!(other.filtered_out && !other.forwarded());
    assert_eq!(other.event_type.as_deref(), Some("campaign.status_changed"));
}

#[test]
fn an_unverified_delivery_is_described_by_size_and_reason_only() {
    let body = br#"{"event_type":"on_call_end","secret_stuff":"x"}"#;
    let received = receive(body, Some("00ff"), Some(SECRET), &[]);
    assert_eq!(
        received.line("T", body),
        json!({"received_at": "T", "verified": false,
               "reason": "the signature does not match the payload", "bytes": body.len()})
    );
    assert!(received.event.is_none() && received.event_type.is_none());
    assert!(!received.log_line().contains("on_call_end"));
}

#[test]
fn a_key_twice_fails_verification_even_with_a_good_signature() {
    let body = r#"{"event_type":"x","event_type":"on_call_end"}"#;
    let received = receive(body.as_bytes(), Some(&signed(body)), Some(SECRET), &[]);
    assert_eq!(received.verified, Some(false));
    assert!(received.reason.unwrap().contains("JSON key twice"));
}

#[test]
fn a_duplicate_is_answered_200_printed_as_such_and_not_forwarded() {
    let body = r#"{"event_type":"on_call_end"}"#;
    let mut received = receive(body.as_bytes(), Some(&signed(body)), Some(SECRET), &[]);
    received.duplicate = true;
    assert_eq!(received.status(), 200);
    assert!(!received.forwarded());
    assert_eq!(received.line("T", body.as_bytes())["duplicate"], true);
    assert!(received.log_line().ends_with("a duplicate: not forwarded"));
}
