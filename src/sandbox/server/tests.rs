use std::sync::Arc;

use super::super::calls::Calls;
use super::super::campaigns::Campaigns;
use super::super::faults::Faults;
use super::super::messages::Messages;
use super::super::store::Store;
use super::*;

fn request(method: &str, target: &str, authorization: Option<&str>, body: &str) -> Request {
    Request {
        method: method.to_owned(),
        target: target.to_owned(),
        headers: authorization
            .map(|value| ("authorization".to_owned(), value.to_owned()))
            .into_iter()
            .collect(),
        body: body.as_bytes().to_vec(),
    }
}

fn app() -> App {
    App {
        key: "k".into(),
        store: Store::in_memory(),
        messages: Messages::new(),
        faults: Faults::new(0.0, None, 0),
        latency: Duration::ZERO,
        calls: Arc::new(Calls::new(Duration::ZERO, SystemTime::now())),
        campaigns: Campaigns::new(Arc::new(super::super::campaigns::NoDialer)),
        log: super::super::request_log::RequestLog::Quiet,
    }
}

fn status_and_message(answer: &Answer) -> (u16, &str) {
    (answer.status, answer.body["message"].as_str().unwrap_or(""))
}

#[test]
fn the_key_must_come_as_api_key() {
    let app = app();
    let get = |auth| answer(&app, &request("GET", "/api/v1.0/enduser/x", auth, ""));
    assert_eq!(get(None).status, 401);
    assert_eq!(get(Some("Bearer k")).status, 401);
    assert_eq!(get(Some("api-key wrong")).status, 401);
    assert_eq!(get(Some("api-key")).status, 401);
    assert_eq!(get(Some("api-key k")).status, 404);
    assert_eq!(get(Some("API-Key k")).status, 404);
}

#[test]
fn routes_and_methods() {
    let app = app();
    let call = |method, path| answer(&app, &request(method, path, Some("api-key k"), "{}"));
    assert_eq!(call("GET", "/api/v1.0/enduser").status, 405);
    assert_eq!(call("GET", "/api/v1.0/enduser").allow.unwrap(), "POST");
    assert_eq!(
        call("DELETE", "/api/v1.0/enduser/x").allow.unwrap(),
        "GET, PUT"
    );
    assert_eq!(call("GET", "/api/v1.0/enduser/").status, 404);
    assert_eq!(call("GET", "/api/v1.0/enduser/a/b").status, 404);
    assert_eq!(call("GET", "/enduser").status, 404);
    assert_eq!(call("GET", "/api/v1.0/endusers").status, 404);
}

#[test]
fn create_validates_like_the_spec() {
    let app = app();
    let post = |body| {
        answer(
            &app,
            &request("POST", "/api/v1.0/enduser", Some("api-key k"), body),
        )
    };
    let not_json = post("nope");
    let (status, message) = status_and_message(&not_json);
    assert_eq!(status, 400);
    assert!(
        message.starts_with("the body is not valid JSON"),
        "{message}"
    );
    assert!(status_and_message(&post("[]")).1.contains("found an array"));
    assert!(
        status_and_message(&post(r#"{"display_name":1}"#))
            .1
            .contains("must be a string")
    );
    assert!(
        status_and_message(&post(r#"{"name":"A"}"#))
            .1
            .contains("unknown field 'name'")
    );
    assert_eq!(
        status_and_message(&post("{}")).1,
        "display_name is required"
    );
    assert_eq!(
        status_and_message(&post(r#"{"display_name":" "}"#)).1,
        "display_name must not be blank"
    );
    let created = post(r#"{"display_name":"Ada"}"#);
    assert_eq!(created.status, 200);
    assert_eq!(created.body["integration_type"], "api");
    assert!(created.body.get("info").is_none());
}

use crate::registry::OPERATIONS;

/// Every documented operation is answered by the sandbox, at the path the commands send it to
/// (not shadowed by a more specific pattern), and the sandbox serves nothing undocumented.
#[test]
fn the_sandbox_answers_every_registry_operation_and_nothing_else() {
    for operation in OPERATIONS {
        let method = operation.endpoint.method.as_str();
        let template = operation.endpoint.template;
        assert!(
            ROUTES
                .iter()
                .any(|r| r.method == method && r.pattern == template),
            "no route for {}",
            operation.name
        );
        let places = template.matches('{').count();
        let path = operation.endpoint.call(&["7", "8"][..places]).path;
        assert!(
            matches!(router::find(&ROUTES, method, &path), Found::Handler(..)),
            "{method} {path} ({}) is not routed",
            operation.name
        );
    }
    for route in ROUTES.iter() {
        assert!(
            OPERATIONS
                .iter()
                .any(|o| o.endpoint.template == route.pattern
                    && o.endpoint.method.as_str() == route.method),
            "{} {} is not a documented operation",
            route.method,
            route.pattern
        );
    }
}
