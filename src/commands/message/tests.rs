use serde_json::json;

use super::*;

#[test]
fn content_must_be_small_and_not_blank() {
    assert_eq!(checked_content("hi".into()).unwrap(), "hi");
    assert_eq!(checked_content(" hi \n".into()).unwrap(), " hi \n");
    assert_eq!(
        checked_content(" \n\t".into()).unwrap_err().message,
        "the message is empty"
    );
    let limit = INPUT_LIMIT as usize;
    assert!(checked_content("a".repeat(limit)).is_ok());
    assert_eq!(
        checked_content("a".repeat(limit + 1)).unwrap_err().message,
        "the message is larger than 1 MiB"
    );
}

#[test]
fn the_body_has_the_spec_field_names_in_order() {
    let body = send_body("ag", "eu", "héllo\n\"x\"");
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"agent_id":"ag","end_user_id":"eu","content":"héllo\n\"x\""}"#
    );
}

#[test]
fn times_lose_their_fraction_only() {
    assert_eq!(short_time("2026-11-27T08:00:00Z"), "2026-11-27 08:00:00Z");
    assert_eq!(
        short_time("2026-11-27T08:00:00.123456Z"),
        "2026-11-27 08:00:00Z"
    );
    assert_eq!(
        short_time("2026-11-27T08:00:00.5+01:00"),
        "2026-11-27 08:00:00+01:00"
    );
    assert_eq!(short_time("2026-11-27T08:00:00"), "2026-11-27 08:00:00");
    assert_eq!(short_time("yesterday"), "yesterday");
    assert_eq!(short_time("2026-11-27 08:00:00"), "2026-11-27 08:00:00");
    assert_eq!(short_time("2026-11-27T08:00:0é"), "2026-11-27T08:00:0é");
}

#[test]
fn the_conversation_view_aligns_senders_and_keeps_lines_together() {
    let messages = [
        json!({"sent_at": "2026-11-27T08:00:00Z", "sent_by": "EU", "type": "text", "content": "こんにちは"}),
        json!({"sent_at": "2026-11-27T08:00:01.5Z", "sent_by": "AI", "type": "text", "content": "two\nlines"}),
        json!({"sent_at": "2026-11-27T08:00:02Z", "sent_by": "SYS", "type": "image", "media": "https://x/y.png"}),
    ];
    assert_eq!(
        conversation(&messages),
        "2026-11-27 08:00:00Z  EU   こんにちは\n\
         2026-11-27 08:00:01Z  AI   two\n\
         \x20                          lines\n\
         2026-11-27 08:00:02Z  SYS  [image] https://x/y.png\n"
    );
    assert_eq!(conversation(&[]), "");
}

#[test]
fn the_conversation_view_neutralises_control_characters() {
    let messages = [json!({"sent_by": "AI", "content": "\u{1b}[31mred"})];
    assert!(!conversation(&messages).contains('\u{1b}'));
}
