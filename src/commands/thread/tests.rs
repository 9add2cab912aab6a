use serde_json::json;

use super::*;

#[test]
fn legacy_names_become_the_current_ones_in_place() {
    let legacy = json!({"id": "t1", "chatbot": {"id": "a"}, "enduser": {"id": "e"}, "x": 1});
    let current = with_current_names(&legacy);
    assert_eq!(
        current,
        json!({"id": "t1", "agent": {"id": "a"}, "end_user": {"id": "e"}, "x": 1})
    );
    let keys: Vec<&String> = current.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "agent", "end_user", "x"]);
}

#[test]
fn the_current_name_wins_when_both_are_there() {
    let both = json!({"agent": {"id": "new"}, "chatbot": {"id": "old"}});
    assert_eq!(
        with_current_names(&both),
        json!({"agent": {"id": "new"}, "chatbot": {"id": "old"}})
    );
    assert_eq!(with_current_names(&json!([1])), json!([1]));
}

#[test]
fn tags_and_assignees_read_as_lists() {
    let thread = json!({
        "tags": [{"id": "t1", "name": "vip", "color": "blue"}, {"id": "t2"}, "plain"],
        "assigned_to": [{"id": "u1", "email": "ana@example.com"}, {"first_name": "Bo"}],
    });
    assert_eq!(
        for_table(&thread),
        json!({
            "tags": "vip, t2, plain",
            "assigned_to": "ana@example.com, {\"first_name\":\"Bo\"}",
        })
    );
    assert_eq!(for_table(&json!({"tags": []})), json!({"tags": ""}));
}
