use serde_json::json;

use super::render;

#[test]
fn roles_are_named_and_times_are_utc_to_the_second() {
    let messages = [
        json!({"sent_by": "AI", "sent_at": "2026-05-14T08:39:40.250-06:00", "type": "text", "content": "Hola"}),
        json!({"sent_by": "EU", "sent_at": "2026-05-14T14:40:02Z", "content": "Hi"}),
        json!({"sent_by": "SYS", "sent_at": "2026-05-14T14:41:00Z", "content": "ended"}),
        json!({"sent_by": "BOT", "sent_at": "yesterday", "content": "?"}),
    ];
    assert_eq!(
        render("th_1", &messages),
        "Thread th_1 (4 messages)\n\n\
         [2026-05-14 14:39:40] Agent: Hola\n\
         [2026-05-14 14:40:02] Customer: Hi\n\
         [2026-05-14 14:41:00] System: ended\n\
         [yesterday] BOT: ?\n"
    );
    assert_eq!(render("t", &[]), "Thread t (0 messages)\n\n");
}
