//! The sandbox's calls as an export script meets them: every ended call's thread holds its
//! transcript, `--scenario FILE` sets the odds of every outcome, and `--seed N` repeats ids
//! and every drawn value (contract section 21).

use rustix::process::Signal;
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

const SCENARIO: &str = r#"{
    "answered_by": {"human": 0.7, "machine": 0.3},
    "status": {"ended": 0.8, "busy": 0.2},
    "tags": {"PROMESA": 0.5, "NO DEFINE": 0.2},
    "duration": [20, 180],
    "transcript": [["AI", "Buenos días"], ["EU", "Pago el viernes"]],
    "extracted_data": {"monto": ["1500", "2000"]}
}"#;

/// Creates a phone campaign with `contacts` contacts and returns its id.
pub(super) fn campaign_with_contacts(sandbox: &Sandbox, contacts: usize) -> String {
    let created = api(
        sandbox,
        &[
            "POST",
            "/campaigns",
            "-f",
            "name=Cobranza",
            "-f",
            &format!("agent_id={AGENT}"),
            "-f",
            "integration_id=int_phone",
            "-f",
            "integration_type=phone_call",
        ],
    );
    let id = created["campaign"]["id"].to_string();
    let rows: Vec<Value> = (1..=contacts)
        .map(|n| json!({"contact": format!("+52551{n:07}"), "f_id": format!("acct-{n}")}))
        .collect();
    let added = api(
        sandbox,
        &[
            "POST",
            &format!("/campaigns/{id}/contacts"),
            "-F",
            &format!("contacts={}", Value::Array(rows)),
        ],
    );
    assert_eq!(added["summary"]["created"], contacts, "{added}");
    id
}

/// Runs a campaign of 60 contacts to its end and lists what an export keeps of its calls:
/// everything drawn, and each answered call's transcript.
fn drawn_calls(sandbox: &Sandbox) -> Vec<Value> {
    let id = campaign_with_contacts(sandbox, 60);
    api(sandbox, &["POST", &format!("/campaigns/{id}/activate")]);
    let listing = api(
        sandbox,
        &[&format!("/campaigns/{id}/calls"), "--query", "pageSize=100"],
    );
    let calls = listing["calls"].as_array().expect("calls").clone();
    assert_eq!(calls.len(), 60, "{listing}");
    calls
        .iter()
        .map(|call| {
            let id = call["id"].as_str().unwrap();
            let thread = &api(sandbox, &[&format!("/call/{id}")])["thread"]["id"];
            let messages = api(
                sandbox,
                &[&format!("/message/{}", thread.as_str().unwrap())],
            );
            let lines: Vec<Value> = messages
                .as_array()
                .unwrap()
                .iter()
                .map(|m| json!([m["sent_by"], m["content"]]))
                .collect();
            json!({
                "id": call["id"],
                "status": call["status"],
                "answered_by": call["answered_by"],
                "tags": call["tags"],
                "duration": call["duration"],
                "extracted_data": call["extracted_data"],
                "transcript": lines,
            })
        })
        .collect()
}

fn scenario_file() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("scenario.json"), SCENARIO).unwrap();
    folder
}

#[test]
fn the_scenario_sets_the_odds_of_every_outcome() {
    let folder = scenario_file();
    let scenario = folder.path().join("scenario.json");
    let sandbox = Sandbox::start(&[
        "--call-seconds",
        "0",
        "--scenario",
        scenario.to_str().unwrap(),
    ]);
    let calls = drawn_calls(&sandbox);
    let count = |test: &dyn Fn(&Value) -> bool| calls.iter().filter(|c| test(c)).count();
    let answered = |c: &Value| c["status"] == "ended";
    assert!(
        (3..=24).contains(&count(&|c| c["status"] == "busy")),
        "{calls:?}"
    );
    assert!(count(&|c| c["answered_by"] == "machine") >= 3, "{calls:?}");
    assert!(count(&|c| c["answered_by"] == "human") >= 20, "{calls:?}");
    let tagged =
        |tag: &'static str| move |c: &Value| c["tags"].as_array().unwrap().contains(&json!(tag));
    assert!(count(&tagged("PROMESA")) >= 10, "{calls:?}");
    assert!(count(&tagged("NO DEFINE")) >= 2, "{calls:?}");
    for call in &calls {
        if answered(call) {
            let seconds = call["duration"].as_u64().unwrap();
            assert!((20..=180).contains(&seconds), "{call}");
            assert!(["1500", "2000"].contains(&call["extracted_data"]["monto"].as_str().unwrap()));
            assert_eq!(
                call["transcript"],
                json!([["AI", "Buenos días"], ["EU", "Pago el viernes"]])
            );
        } else {
            // Nobody talked: no tags, no data, no transcript.
            assert_eq!(call["tags"], json!([]), "{call}");
            assert_eq!(call["extracted_data"], json!({}), "{call}");
            assert_eq!(call["transcript"], json!([]), "{call}");
            assert_eq!(call["duration"], 0, "{call}");
        }
    }
}

#[test]
fn the_seed_repeats_ids_and_every_drawn_value_and_without_it_ids_differ() {
    let folder = scenario_file();
    let scenario = folder.path().join("scenario.json");
    let run = |seed: Option<&str>| {
        let mut options = vec![
            "--call-seconds",
            "0",
            "--scenario",
            scenario.to_str().unwrap(),
        ];
        if let Some(seed) = seed {
            options.extend(["--seed", seed]);
        }
        drawn_calls(&Sandbox::start(&options))
    };
    let first = run(Some("7"));
    assert_eq!(run(Some("7")), first, "the same seed, the same calls");
    let other = run(Some("8"));
    assert_ne!(other, first);
    assert_ne!(other[0]["id"], first[0]["id"]);
    // Without a seed, the first call's id differs from run to run.
    let first_call = || start_call(&Sandbox::start(&["--call-seconds", "0"]), "+525512345678");
    assert_ne!(first_call(), first_call());
}

#[test]
fn a_scenario_that_is_not_one_is_refused_with_exit_2() {
    let folder = tempfile::tempdir().unwrap();
    for (text, expected) in [
        (r#"{"odds": {}}"#, "unknown key 'odds'"),
        (
            r#"{"tags": {"PROMESA": 2}}"#,
            "tags.PROMESA must be odds from 0 to 1",
        ),
        ("[1]", "one JSON object"),
    ] {
        let path = folder.path().join("scenario.json");
        std::fs::write(&path, text).unwrap();
        let (code, stderr) = Sandbox::try_start(&["--scenario", path.to_str().unwrap()])
            .err()
            .expect(text);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(
            stderr.contains("altur: hint: see 'altur sandbox serve --help'"),
            "{stderr}"
        );
    }
    let missing = folder.path().join("missing.json");
    let (code, stderr) = Sandbox::try_start(&["--scenario", missing.to_str().unwrap()])
        .err()
        .unwrap();
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("cannot read the scenario"), "{stderr}");
}

#[test]
fn serve_help_shows_the_scenario_shape_with_an_example() {
    let help = Altur::new().args(["sandbox", "serve", "--help"]).run();
    help.success();
    for needle in [
        "--scenario <FILE>",
        "\"answered_by\": {\"human\": 0.8, \"machine\": 0.2}",
        "\"extracted_data\"",
        "--scenario scenario.json --seed 7",
    ] {
        assert!(help.stdout.contains(needle), "{needle} in {}", help.stdout);
    }
}

#[test]
fn quiet_silences_the_request_log_and_log_sends_it_to_a_file() {
    let quiet = Sandbox::start(&["--quiet"]);
    start_call(&quiet, "+525512345678");
    let (_, stderr) = quiet.stop(Signal::TERM);
    assert!(stderr.contains("altur sandbox: listening on"), "{stderr}");
    assert!(!stderr.contains("/call"), "{stderr}");

    let folder = tempfile::tempdir().unwrap();
    let log = folder.path().join("requests.log");
    std::fs::write(&log, "an earlier line\n").unwrap();
    let logged = Sandbox::start(&["--log", log.to_str().unwrap()]);
    start_call(&logged, "+525512345678");
    let (_, stderr) = logged.stop(Signal::TERM);
    assert!(!stderr.contains("/call"), "{stderr}");
    let lines = std::fs::read_to_string(&log).unwrap();
    assert!(lines.starts_with("an earlier line\n"), "appended: {lines}");
    assert!(
        lines.contains("altur sandbox: POST /api/v1.0/call 200 "),
        "{lines}"
    );

    let (code, stderr) = Sandbox::try_start(&["--quiet", "--log", log.to_str().unwrap()])
        .err()
        .unwrap();
    assert_eq!(code, Some(2), "{stderr}");
}

#[test]
fn the_seed_of_a_run_is_printed_so_it_can_be_repeated() {
    let first = Sandbox::start(&["--call-seconds", "0"]);
    let stderr = first.stderr();
    let seed = stderr
        .split("altur sandbox: seed ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no seed in {stderr}"))
        .to_owned();
    let id = start_call(&first, "+525512345678");
    let again = Sandbox::start(&["--call-seconds", "0", "--seed", &seed]);
    assert!(
        again
            .stderr()
            .contains(&format!("seed {seed} (--seed {seed} repeats this run)"))
    );
    assert_eq!(start_call(&again, "+525512345678"), id);
}
