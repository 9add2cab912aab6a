use super::*;
use crate::error::Kind;

fn body(input: StartInput<'_>) -> String {
    String::from_utf8(start_body(&input).unwrap()).unwrap()
}

fn minimal() -> StartInput<'static> {
    StartInput {
        agent: "11111111-1111-4111-8111-111111111111",
        to: "+52 (55) 1234-5678",
        ..StartInput::default()
    }
}

#[test]
fn only_the_fields_given_in_the_documented_order() {
    assert_eq!(
        body(minimal()),
        r#"{"agent_id":"11111111-1111-4111-8111-111111111111","phone_number_to":"+525512345678"}"#
    );
    let full = StartInput {
        name: Some("Sofía"),
        context: Some("VIP"),
        first_message: Some("Hola"),
        ..minimal()
    };
    assert_eq!(
        body(full),
        r#"{"agent_id":"11111111-1111-4111-8111-111111111111","phone_number_to":"+525512345678","end_user_display_name":"Sofía","end_user_context":"VIP","initial_message":"Hola"}"#
    );
}

#[test]
fn context_json_is_an_object_sent_as_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("context.json");
    std::fs::write(&path, r#"{"plan": "gold", "n": [1, 2]}"#).unwrap();
    let with_file = StartInput {
        context_json: Some(&path),
        ..minimal()
    };
    assert!(body(with_file).ends_with(r#""end_user_context":{"plan":"gold","n":[1,2]}}"#));
    std::fs::write(&path, "[1]").unwrap();
    let error = start_body(&StartInput {
        context_json: Some(&path),
        ..minimal()
    })
    .unwrap_err();
    assert_eq!(error.kind, Kind::Input);
    assert!(
        error
            .message
            .ends_with("the context must be a JSON object, not an array"),
        "{}",
        error.message
    );
    std::fs::write(&path, "{\n  \"a\": 1,\n}").unwrap();
    let error = start_body(&StartInput {
        context_json: Some(&path),
        ..minimal()
    })
    .unwrap_err();
    assert!(
        error.message.contains("invalid JSON at line 3, column 1"),
        "{}",
        error.message
    );
    let missing = dir.path().join("missing.json");
    let error = start_body(&StartInput {
        context_json: Some(&missing),
        ..minimal()
    })
    .unwrap_err();
    assert_eq!(error.kind, Kind::Input);
}

#[test]
fn bad_input_is_refused_before_sending() {
    let refused = |input: StartInput<'_>| start_body(&input).unwrap_err();
    let both = refused(StartInput {
        context: Some("x"),
        context_json: Some(Path::new("-")),
        ..minimal()
    });
    assert_eq!(both.message, "give --context or --context-json, not both");
    let phone = refused(StartInput {
        to: "55 1234 5678",
        ..minimal()
    });
    assert_eq!(phone.kind, Kind::Input);
    assert!(
        phone
            .message
            .starts_with("--to '55 1234 5678' is not a phone number: it must start with +"),
        "{}",
        phone.message
    );
    for agent in ["", "a/b", "a b", "x?y", "x#y", "a\u{7}"] {
        let error = refused(StartInput { agent, ..minimal() });
        assert_eq!(error.kind, Kind::Input, "{agent:?}");
    }
    // The docs' own sample agent id is not a UUID: opaque ids pass.
    assert!(
        start_body(&StartInput {
            agent: "agt_12ab",
            ..minimal()
        })
        .is_ok()
    );
}
