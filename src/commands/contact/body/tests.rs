use serde_json::{Value, json};

use super::*;

fn text(body: &[u8]) -> &str {
    std::str::from_utf8(body).unwrap()
}

#[test]
fn a_contact_from_flags_is_a_contact_input() {
    let flags = ContactFlags {
        phone: "+52 1 55 1234 5678".into(),
        name: Some("Ana".into()),
        context: Some("renewal".into()),
        data: vec!["plan=gold".into(), "note=a=b".into()],
        external_id: Some("crm-7".into()),
    };
    assert_eq!(
        Value::Object(contact_from_flags(&flags).unwrap()),
        json!({
            "contact": "+5215512345678",
            "name": "Ana",
            "context": "renewal",
            "extracted_data": {"plan": "gold", "note": "a=b"},
            "f_id": "crm-7",
        })
    );
    let minimal = ContactFlags {
        phone: "+14155550100".into(),
        ..ContactFlags::default()
    };
    assert_eq!(
        Value::Object(contact_from_flags(&minimal).unwrap()),
        json!({"contact": "+14155550100"})
    );
}

#[test]
fn bad_flags_are_refused_before_sending() {
    let error = |change: fn(&mut ContactFlags)| {
        let mut flags = ContactFlags {
            phone: "+14155550100".into(),
            ..ContactFlags::default()
        };
        change(&mut flags);
        let e = contact_from_flags(&flags).unwrap_err();
        assert_eq!(e.kind, crate::error::Kind::Input);
        e.message
    };
    assert!(error(|f| f.phone = "5512345678".into()).starts_with("--phone: "));
    assert!(error(|f| f.phone = String::new()).contains("empty"));
    assert!(error(|f| f.data = vec!["plan".into()]).contains("not KEY=VALUE"));
    assert!(error(|f| f.data = vec!["=x".into()]).contains("no key"));
    assert!(error(|f| f.data = vec!["a=1".into(), "a=2".into()]).contains("'a' twice"));
}

#[test]
fn json_records_are_contact_inputs_with_a_valid_phone() {
    let body = contact_from_json(json!({
        "contact": "+1 (415) 555-0100",
        "name": "Bo",
        "extracted_data": {"n": 1},
        "context": null,
    }))
    .unwrap();
    assert_eq!(
        text(&body),
        r#"{"contact":"+14155550100","name":"Bo","extracted_data":{"n":1}}"#
    );
    let refuse = |value: Value| contact_from_json(value).unwrap_err();
    assert!(refuse(json!({"name": "no phone"})).contains("no phone number"));
    assert!(refuse(json!({"contact": " "})).contains("no phone number"));
    assert!(refuse(json!({"contact": "12345"})).contains("must start with +"));
    assert!(refuse(json!({"contact": "+1", "phone": "x"})).contains("unknown field 'phone'"));
    assert!(refuse(json!({"contact": 14155550100u64})).contains("must be a string"));
    assert!(
        refuse(json!({"contact": "+14155550100", "extracted_data": "x"}))
            .contains("must be an object")
    );
    assert!(refuse(json!(["+14155550100"])).contains("found an array"));
}

#[test]
fn csv_columns_and_rows() {
    assert_eq!(csv_field("Phone"), Some("contact"));
    assert_eq!(csv_field("phone_number"), Some("contact"));
    assert_eq!(csv_field("contact"), Some("contact"));
    assert_eq!(csv_field("external_id"), Some("f_id"));
    assert_eq!(csv_field("f_id"), Some("f_id"));
    assert_eq!(csv_field("data.Plan"), Some("data.Plan"));
    assert_eq!(csv_field("DATA.x"), Some("data.x"));
    assert_eq!(csv_field("data."), None);
    assert_eq!(csv_field("email"), None);
    assert_eq!(csv_field("dataplan"), None);

    let row = [
        ("contact", "+52 55 1234 5678".to_owned()),
        ("name", String::new()),
        ("data.plan", "gold".to_owned()),
    ];
    assert_eq!(
        text(&contact_from_csv(&row).unwrap()),
        r#"{"contact":"+525512345678","extracted_data":{"plan":"gold"}}"#
    );
    let no_phone = [("contact", String::new()), ("name", "Ana".to_owned())];
    assert!(
        contact_from_csv(&no_phone)
            .unwrap_err()
            .contains("no phone number")
    );
}

#[test]
fn a_batch_body_holds_the_contacts_in_order() {
    let a = br#"{"contact":"+14155550100"}"#.as_slice();
    let b = br#"{"contact":"+14155550101"}"#.as_slice();
    let body = batch_body(&[a, b], "skip");
    assert_eq!(
        text(&body),
        r#"{"contacts":[{"contact":"+14155550100"},{"contact":"+14155550101"}],"if_duplicate":"skip"}"#
    );
    serde_json::from_slice::<Value>(&body).unwrap();
}

#[test]
fn row_results_follow_the_batch_order() {
    let answer = json!({
        "success": true,
        "summary": {"created": 1, "updated": 0, "skipped_duplicate": 1, "failed": 1},
        "results": [
            {"index": 2, "contact": "x", "error": "INVALID_PHONE_NUMBER"},
            {"index": 0, "id": "11", "contact": "+14155550100"},
            {"index": 1, "id": 12, "contact": "+14155550101"},
        ],
    });
    assert_eq!(
        batch_results(&answer, 4),
        vec![
            RowResult::Added {
                id: Some("11".into()),
                contact: Some("+14155550100".into())
            },
            RowResult::Added {
                id: Some("12".into()),
                contact: Some("+14155550101".into())
            },
            RowResult::Failed {
                code: "INVALID_PHONE_NUMBER".into()
            },
            RowResult::Missing,
        ]
    );
    assert_eq!(batch_summary(&answer), [1, 0, 1, 1]);
    assert_eq!(batch_summary(&json!({})), [0, 0, 0, 0]);
    let no_index = json!({"results": [{"id": "5"}]});
    assert_eq!(
        batch_results(&no_index, 1),
        vec![RowResult::Added {
            id: Some("5".into()),
            contact: None
        }]
    );
    assert_eq!(batch_results(&json!({}), 2), vec![RowResult::Missing; 2]);
    // The answer's own word for rows it leaves out: `success: false`, or `summary.failed`.
    let refused = json!({"success": false, "summary": {"failed": 1}, "results": []});
    assert_eq!(batch_results(&refused, 1), vec![RowResult::NotAdded]);
    let counted = json!({"success": true, "summary": {"failed": 2}, "results": [
        {"index": 0, "error": "INVALID_PHONE_NUMBER"}, {"index": 1, "id": "4"}]});
    assert_eq!(batch_results(&counted, 3)[2], RowResult::NotAdded);
    assert!(row_error_message("INVALID_PHONE_NUMBER").contains("phone number"));
}

#[test]
fn records_refused_for_their_phone_carry_the_apis_code() {
    let missing = contact_from_json(json!({"name": "Ana"})).unwrap_err();
    let error = refused(missing);
    assert_eq!(error.kind, crate::error::Kind::Input);
    assert_eq!(error.code(), Some("MISSING_CONTACT"));
    let invalid = contact_from_json(json!({"contact": "5512"})).unwrap_err();
    assert_eq!(refused(invalid).code(), Some("INVALID_PHONE_NUMBER"));
    let other = contact_from_json(json!({"contact": "+5215512345678", "x": 1})).unwrap_err();
    assert_eq!(refused(other).code(), None);
    assert_eq!(
        refused("no phone number (the 'contact' field)".into()).to_json()["error"]["code"],
        "MISSING_CONTACT"
    );
}
