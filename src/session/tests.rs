use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use super::*;
use crate::error::Kind;

const BASE_URL: (&str, &str) = ("ALTUR_BASE_URL", "http://127.0.0.1:9");
const API_KEY: (&str, &str) = ("ALTUR_API_KEY", "sk-session-test-0123456789");

/// An environment variable's value by its name, as a session reads them.
type Env = Box<dyn Fn(&str) -> Option<String>>;

/// What a session is built from: an environment with only the given variables (its reads
/// counted) and global options naming a config file that does not exist.
struct Setup {
    global: GlobalArgs,
    env: Env,
    reads: Rc<Cell<usize>>,
}

impl Setup {
    fn new(vars: &[(&'static str, &'static str)]) -> Self {
        let reads = Rc::new(Cell::new(0));
        let counted = reads.clone();
        let vars = vars.to_vec();
        Setup {
            global: GlobalArgs {
                config: Some(PathBuf::from("/nonexistent/altur/config.toml")),
                ..GlobalArgs::default()
            },
            env: Box::new(move |name| {
                counted.set(counted.get() + 1);
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }),
            reads,
        }
    }

    /// The global options changed by `edit`.
    fn with(mut self, edit: impl FnOnce(&mut GlobalArgs)) -> Self {
        edit(&mut self.global);
        self
    }

    /// A session whose profile must exist, printing into memory.
    fn session(&self) -> Session<'_> {
        self.session_with(ProfileRule::MustExist, Arc::new(Output::memory()))
    }

    fn session_with(&self, rule: ProfileRule, out: Arc<Output>) -> Session<'_> {
        Session::new(&self.global, &*self.env, rule, out)
    }

    /// How often the environment was read.
    fn reads(&self) -> usize {
        self.reads.get()
    }
}

#[test]
fn nothing_is_resolved_until_asked_and_then_only_once() {
    let setup = Setup::new(&[BASE_URL]);
    let session = setup.session();
    assert_eq!(setup.reads(), 0, "building the session reads nothing");
    let first = session.settings().unwrap() as *const Settings;
    let after_first = setup.reads();
    assert!(after_first > 0);
    let second = session.settings().unwrap() as *const Settings;
    assert_eq!(first, second);
    assert_eq!(setup.reads(), after_first, "the settings are resolved once");
}

#[test]
fn a_missing_profile_is_refused_unless_it_may_be_created() {
    let setup = Setup::new(&[]).with(|g| g.profile = Some("staging".to_owned()));
    assert!(setup.session().settings().is_err());
    let created = setup.session_with(ProfileRule::MayBeCreated, Arc::new(Output::memory()));
    assert_eq!(created.settings().unwrap().profile, "staging");
}

#[test]
fn the_key_is_checked_when_the_client_is_built_not_before() {
    let setup = Setup::new(&[BASE_URL]);
    let session = setup.session();
    assert!(session.settings().is_ok(), "no key is needed to resolve");
    let error = session.client().err().expect("no key anywhere");
    assert_eq!(error.kind, Kind::Auth);
}

#[test]
fn the_client_is_built_once() {
    let setup = Setup::new(&[BASE_URL, API_KEY]);
    let session = setup.session();
    let first = session.client().unwrap() as *const Client;
    let second = session.client().unwrap() as *const Client;
    assert_eq!(first, second);
}

#[test]
fn dry_run_and_json_errors_follow_the_global_options() {
    let setup = Setup::new(&[]).with(|g| {
        g.dry_run = true;
        g.output = Some(OutputFormat::Json);
    });
    let session = setup.session();
    assert!(session.dry_run());
    assert!(session.json_errors());
    let plain = Setup::new(&[]);
    let session = plain.session();
    assert!(!session.dry_run());
    assert!(!session.json_errors());
}

#[test]
fn the_shared_settings_and_client_are_the_session_s_own() {
    let setup = Setup::new(&[BASE_URL, API_KEY]);
    let session = setup.session();
    let shared = session.shared_settings().unwrap();
    assert!(std::ptr::eq(&*shared, session.settings().unwrap()));
    assert!(Arc::ptr_eq(&shared, &session.shared_settings().unwrap()));
    let client = session.shared_client().unwrap();
    let after = setup.reads();
    assert!(std::ptr::eq(&*client, session.client().unwrap()));
    assert!(Arc::ptr_eq(&client, &session.shared_client().unwrap()));
    assert_eq!(setup.reads(), after, "nothing is resolved again");
}

#[test]
fn a_dry_run_prints_through_the_output_the_session_was_handed() {
    let setup = Setup::new(&[
        ("ALTUR_BASE_URL", "http://127.0.0.1:9/api/v1.0"),
        ("ALTUR_API_KEY", "sk-session-dry-run-0123456789"),
    ])
    .with(|g| g.dry_run = true);
    let out = Arc::new(Output::memory());
    let session = setup.session_with(ProfileRule::MustExist, out.clone());
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
