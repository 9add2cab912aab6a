use super::*;
use serde_json::json;

#[test]
fn reads_known_string_fields() {
    let d = EndUserData::from_json(json!({"display_name":"Ada","info":"x"})).unwrap();
    assert_eq!(d.display_name.as_deref(), Some("Ada"));
    assert_eq!(d.to_body(), br#"{"display_name":"Ada","info":"x"}"#);
}

#[test]
fn refuses_unknown_fields_non_strings_and_non_objects() {
    let e = EndUserData::from_json(json!({"name":"Ada"})).unwrap_err();
    assert!(
        e.contains("'name'") && e.contains("display_name, info"),
        "{e}"
    );
    let e = EndUserData::from_json(json!({"info":3})).unwrap_err();
    assert!(e.contains("'info' must be a string, found a number"), "{e}");
    let e = EndUserData::from_json(json!([1])).unwrap_err();
    assert!(e.contains("found an array"), "{e}");
}

#[test]
fn create_and_update_rules() {
    let blank = EndUserData {
        display_name: Some("  ".into()),
        info: None,
    };
    assert!(blank.check_for_create().is_err());
    assert!(EndUserData::default().check_for_create().is_err());
    assert!(EndUserData::default().check_for_update().is_err());
    let info_only = EndUserData {
        display_name: None,
        info: Some(String::new()),
    };
    assert!(info_only.check_for_update().is_ok());
    assert_eq!(info_only.to_body(), br#"{"info":""}"#);
}

#[test]
fn flags_override_file_fields() {
    let file = EndUserData {
        display_name: Some("File".into()),
        info: Some("file info".into()),
    };
    let flags = EndUserData {
        display_name: Some("Flag".into()),
        info: None,
    };
    let merged = file.overridden_by(flags);
    assert_eq!(merged.display_name.as_deref(), Some("Flag"));
    assert_eq!(merged.info.as_deref(), Some("file info"));
}
