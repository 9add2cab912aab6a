use std::cell::Cell;
use std::path::PathBuf;

use super::*;
use crate::error::Kind;

/// The environment with only `pairs` set, counting how often it is read.
fn env_of<'a>(
    pairs: &'a [(&'a str, &'a str)],
    reads: &'a Cell<usize>,
) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        reads.set(reads.get() + 1);
        pairs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    }
}

fn missing_config() -> GlobalArgs {
    GlobalArgs {
        config: Some(PathBuf::from("/nonexistent/altur/config.toml")),
        ..GlobalArgs::default()
    }
}

#[test]
fn nothing_is_resolved_until_asked_and_then_only_once() {
    let reads = Cell::new(0);
    let env = env_of(&[("ALTUR_BASE_URL", "http://127.0.0.1:9")], &reads);
    let global = missing_config();
    let session = Session::new(
        &global,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    assert_eq!(reads.get(), 0, "building the session reads nothing");
    let first = session.settings().unwrap() as *const Settings;
    let after_first = reads.get();
    assert!(after_first > 0);
    let second = session.settings().unwrap() as *const Settings;
    assert_eq!(first, second);
    assert_eq!(reads.get(), after_first, "the settings are resolved once");
}

#[test]
fn a_missing_profile_is_refused_unless_it_may_be_created() {
    let reads = Cell::new(0);
    let env = env_of(&[], &reads);
    let global = GlobalArgs {
        profile: Some("staging".to_owned()),
        ..missing_config()
    };
    let refused = Session::new(
        &global,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    assert!(refused.settings().is_err());
    let created = Session::new(
        &global,
        &env,
        ProfileRule::MayBeCreated,
        Arc::new(Output::memory()),
    );
    assert_eq!(created.settings().unwrap().profile, "staging");
}

#[test]
fn the_key_is_checked_when_the_client_is_built_not_before() {
    let reads = Cell::new(0);
    let env = env_of(&[("ALTUR_BASE_URL", "http://127.0.0.1:9")], &reads);
    let global = missing_config();
    let session = Session::new(
        &global,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    assert!(session.settings().is_ok(), "no key is needed to resolve");
    let error = session.client().err().expect("no key anywhere");
    assert_eq!(error.kind, Kind::Auth);
}

#[test]
fn the_client_is_built_once() {
    let reads = Cell::new(0);
    let env = env_of(
        &[
            ("ALTUR_BASE_URL", "http://127.0.0.1:9"),
            ("ALTUR_API_KEY", "sk-session-test-0123456789"),
        ],
        &reads,
    );
    let global = missing_config();
    let session = Session::new(
        &global,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    let first = session.client().unwrap() as *const Client;
    let second = session.client().unwrap() as *const Client;
    assert_eq!(first, second);
}

#[test]
fn dry_run_and_json_errors_follow_the_global_options() {
    let reads = Cell::new(0);
    let env = env_of(&[], &reads);
    let global = GlobalArgs {
        dry_run: true,
        output: Some(OutputFormat::Json),
        ..missing_config()
    };
    let session = Session::new(
        &global,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    assert!(session.dry_run());
    assert!(session.json_errors());
    let plain = missing_config();
    let session = Session::new(
        &plain,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    assert!(!session.dry_run());
    assert!(!session.json_errors());
}

#[test]
fn the_shared_settings_and_client_are_the_session_s_own() {
    let reads = Cell::new(0);
    let env = env_of(
        &[
            ("ALTUR_BASE_URL", "http://127.0.0.1:9"),
            ("ALTUR_API_KEY", "sk-session-test-0123456789"),
        ],
        &reads,
    );
    let global = missing_config();
    let session = Session::new(
        &global,
        &env,
        ProfileRule::MustExist,
        Arc::new(Output::memory()),
    );
    let shared = session.shared_settings().unwrap();
    assert!(std::ptr::eq(&*shared, session.settings().unwrap()));
    assert!(Arc::ptr_eq(&shared, &session.shared_settings().unwrap()));
    let client = session.shared_client().unwrap();
    let after = reads.get();
    assert!(std::ptr::eq(&*client, session.client().unwrap()));
    assert!(Arc::ptr_eq(&client, &session.shared_client().unwrap()));
    assert_eq!(reads.get(), after, "nothing is resolved again");
}

#[test]
fn a_dry_run_prints_through_the_output_the_session_was_handed() {
    let reads = Cell::new(0);
    let env = env_of(
        &[
            ("ALTUR_BASE_URL", "http://127.0.0.1:9/api/v1.0"),
            ("ALTUR_API_KEY", "sk-session-dry-run-0123456789"),
        ],
        &reads,
    );
    let global = GlobalArgs {
        dry_run: true,
        ..missing_config()
    };
    let out = Arc::new(Output::memory());
    let session = Session::new(&global, &env, ProfileRule::MustExist, out.clone());
    assert!(std::ptr::eq(session.out(), &*out));
    assert!(Arc::ptr_eq(&session.shared_out(), &out));
    let call = crate::client::Call::new(crate::client::Method::Get, "/enduser/eu_1");
    assert!(session.execute(&call).unwrap().is_none(), "nothing is sent");
    let printed = String::from_utf8(out.taken()).unwrap();
    assert!(
        printed.starts_with("curl --request GET http://127.0.0.1:9/api/v1.0/enduser/eu_1 \\\n"),
        "{printed}"
    );
    assert!(!printed.contains("sk-session-dry-run"), "{printed}");
}
