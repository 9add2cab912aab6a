//! The sandbox's calls as an export script meets them: every ended call's thread holds its
//! transcript, `--scenario FILE` sets the odds of every outcome, and `--seed N` repeats ids
//! and every drawn value (contract section 21).

use serde_json::{Value, json};

use crate::support::{Altur, Sandbox};

const AGENT: &str = "11111111-1111-4111-8111-111111111111";

/// `altur api ARGS...` against the sandbox: its JSON answer.
pub(super) fn api(sandbox: &Sandbox, args: &[&str]) -> Value {
    let run = Altur::new()
        .against_sandbox(sandbox)
        .arg("api")
        .args(args)
        .run();
    run.success();
    run.json()
}

/// The spec's schema `name` (from the committed copy of the whole API spec).
fn schema(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/altur-openapi.yaml");
    let text = std::fs::read_to_string(path).expect("the spec is in the repository");
    let documents = yaml_rust2::YamlLoader::load_from_str(&text).expect("the spec is YAML");
    super::spec::to_json(&documents[0])["components"]["schemas"][name].clone()
}

/// Places a call to `phone` and returns its id.
fn start_call(sandbox: &Sandbox, phone: &str) -> String {
    let call = api(
        sandbox,
        &[
            "POST",
            "/call",
            "-f",
            &format!("agent_id={AGENT}"),
            "-f",
            &format!("phone_number_to={phone}"),
            "-f",
            "initial_message=Hola, le llamo de Altur",
        ],
    );
    call["id"].as_str().expect("a call id").to_owned()
}

#[test]
fn an_ended_call_has_a_thread_whose_messages_are_its_transcript() {
    let sandbox = Sandbox::start(&["--call-seconds", "0"]);
    let id = start_call(&sandbox, "+525512345678");
    let call = api(&sandbox, &[&format!("/call/{id}")]);
    assert_eq!(call["status"], "ended", "{call}");
    let thread_id = call["thread"]["id"].as_str().unwrap();
    let messages = api(&sandbox, &[&format!("/message/{thread_id}")]);
    let messages = messages.as_array().expect("a list of messages");
    assert!(messages.len() >= 4, "{messages:?}");
    // The shape the spec documents, every field of it.
    let message_schema = schema("Message");
    for message in messages {
        let mut problems = Vec::new();
        super::spec::check(&message_schema, message, "", &mut problems);
        assert!(problems.is_empty(), "{problems:?} in {message}");
        assert_eq!(message["thread_id"], thread_id);
        assert_eq!(message["type"], "text");
    }
    let speakers: Vec<&str> = messages
        .iter()
        .map(|m| m["sent_by"].as_str().unwrap())
        .collect();
    assert_eq!(speakers[..2], ["AI", "EU"]);
    assert!(speakers.iter().all(|s| ["AI", "EU"].contains(s)));
    assert_eq!(messages[0]["content"], "Hola, le llamo de Altur");
    // In order, within the call.
    let times: Vec<&str> = messages
        .iter()
        .map(|m| m["sent_at"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    let started = call["started_at"].as_str().unwrap();
    let ended = call["ended_at"].as_str().unwrap();
    assert!(
        times.iter().all(|t| started <= *t && *t <= ended),
        "{times:?} {call}"
    );
    // The CLI reads it like any thread.
    let listed = Altur::new()
        .against_sandbox(&sandbox)
        .args(["message", "list", thread_id, "-o", "json"])
        .run();
    listed.success();
    assert_eq!(&listed.json(), &Value::Array(messages.clone()));
    let thread = api(&sandbox, &[&format!("/thread/{thread_id}")]);
    assert_eq!(thread, call["thread"]);
}

#[test]
fn a_call_nobody_answered_or_still_going_has_an_empty_thread() {
    let sandbox = Sandbox::start(&["--call-seconds", "0"]);
    let busy = start_call(&sandbox, "+525512340000");
    let call = api(&sandbox, &[&format!("/call/{busy}")]);
    assert_eq!(call["status"], "busy");
    let thread_id = call["thread"]["id"].as_str().unwrap();
    assert_eq!(
        api(&sandbox, &[&format!("/message/{thread_id}")]),
        json!([])
    );

    let slow = Sandbox::start(&["--call-seconds", "3600"]);
    let id = start_call(&slow, "+525512345678");
    let call = api(&slow, &[&format!("/call/{id}")]);
    assert_eq!(call["status"], "queued");
    let thread_id = call["thread"]["id"].as_str().unwrap();
    assert_eq!(api(&slow, &[&format!("/message/{thread_id}")]), json!([]));
    // An unknown thread is still a 404.
    Altur::new()
        .against_sandbox(&slow)
        .args(["api", "/message/thr_nope"])
        .run()
        .code(3);
}
