use super::*;

const A: &str = r#"{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","display_name":"Ada","integration_type":"api"}"#;
const A2: &str = r#"{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","display_name":"Ada L","integration_type":"api","info":"x"}"#;

#[test]
fn later_lines_win() {
    let replay = replay(format!("{A}\n{A2}\n").as_bytes()).unwrap();
    assert!(replay.torn.is_none());
    assert_eq!(replay.records.len(), 1);
    let ada = replay.records.values().next().unwrap();
    assert_eq!(ada.display_name, "Ada L");
    assert_eq!(ada.info.as_deref(), Some("x"));
}

#[test]
fn a_torn_last_line_is_cut_where_it_starts() {
    let content = format!("{A}\n{{\"id\":\"3f2b");
    let replay = replay(content.as_bytes()).unwrap();
    let torn = replay.torn.unwrap();
    assert_eq!((torn.offset, torn.line), (A.len() + 1, 2));
    assert_eq!(replay.records.len(), 1);
    // Even when blank lines or a stray newline follow it.
    let content = format!("{A}\n{{\"id\":\"3f2b\n\n");
    assert!(replay_torn_line(&content) == Some(2));
}

fn replay_torn_line(content: &str) -> Option<usize> {
    replay(content.as_bytes()).unwrap().torn.map(|t| t.line)
}

#[test]
fn a_bad_line_before_the_last_is_refused() {
    let (line, reason) = replay(format!("{A}\nnonsense\n{A2}\n").as_bytes())
        .err()
        .unwrap();
    assert_eq!(line, 2);
    assert!(reason.contains("expected"), "{reason}");
    let (_, reason) = replay(
        br#"{"id":"x","display_name":"A","integration_type":"api"}
{}
"#,
    )
    .err()
    .unwrap();
    assert!(reason.contains("not a UUID"), "{reason}");
}

#[test]
fn a_complete_last_line_without_newline_is_kept() {
    let replay = replay(format!("{A}\n{A2}").as_bytes()).unwrap();
    assert!(replay.torn.is_none());
    assert_eq!(
        replay.records.values().next().unwrap().display_name,
        "Ada L"
    );
}

#[test]
fn update_changes_only_the_fields_given() {
    let store = Store::in_memory();
    let created = store
        .create(EndUserData {
            display_name: Some("Ada".into()),
            info: Some("email".into()),
        })
        .unwrap();
    let updated = store
        .update(
            &created.id,
            EndUserData {
                display_name: None,
                info: Some("phone".into()),
            },
        )
        .unwrap()
        .unwrap();
    assert_eq!(updated.display_name, "Ada");
    assert_eq!(updated.info.as_deref(), Some("phone"));
    let upper = created.id.to_ascii_uppercase();
    assert_eq!(store.get(&upper).unwrap(), updated, "ids ignore case");
    assert!(
        store
            .update("nope", EndUserData::default())
            .unwrap()
            .is_none()
    );
}
