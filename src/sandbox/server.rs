//! The sandbox's API: [`answer`] decides every response from the method, path, key and body;
//! [`handle`] adds the latency and the log line. The transport is in `http`.

use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::faults::{Fault, Faults};
use super::http::Request;
use super::store::Store;
use crate::model::EndUserData;
use crate::output;

/// Request bodies above this size are refused with 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

pub const BASE_PATH: &str = "/api/v1.0";

/// Everything the workers share.
pub struct App {
    pub key: String,
    pub store: Store,
    pub faults: Faults,
    pub latency: Duration,
}

/// One response: status, JSON body and the extra headers some statuses need.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub retry_after: Option<u64>,
    pub allow: Option<&'static str>,
}

impl Answer {
    fn ok(body: Value) -> Answer {
        Answer {
            status: 200,
            body,
            retry_after: None,
            allow: None,
        }
    }

    /// The spec's `Error` object.
    pub fn error(status: u16, message: impl Into<String>) -> Answer {
        Answer {
            status,
            body: json!({"error": status, "message": message.into()}),
            retry_after: None,
            allow: None,
        }
    }
}

/// The request body, read only once the request is known to need it.
pub trait Body {
    /// The whole body, or the answer refusing it (413, or 400 when it cannot be read).
    fn read(self) -> Result<Vec<u8>, Answer>;
}

/// Decides the response to one request. Faults come first (they stand for an overloaded
/// gateway in front of the API), then the key, then the route.
pub fn answer(
    app: &App,
    method: &str,
    path: &str,
    authorization: Option<&str>,
    body: impl Body,
) -> Answer {
    match app.faults.check(Instant::now()) {
        Some(Fault::RateLimited { retry_after }) => {
            return Answer {
                retry_after: Some(retry_after),
                ..Answer::error(
                    429,
                    "too many requests: the sandbox's --rate-limit was exceeded",
                )
            };
        }
        Some(Fault::Unavailable) => {
            return Answer::error(503, "service unavailable: failure injected by --fail-rate");
        }
        None => {}
    }
    if let Err(message) = check_key(&app.key, authorization) {
        return Answer::error(401, message);
    }
    let path = path.split_once('?').map_or(path, |(path, _query)| path);
    let Some(rest) = path.strip_prefix(BASE_PATH) else {
        return not_found(path);
    };
    if rest == "/enduser" {
        return match method {
            "POST" => create(app, body),
            _ => method_not_allowed(method, "POST"),
        };
    }
    let Some(id) = rest
        .strip_prefix("/enduser/")
        .filter(|id| !id.contains('/'))
    else {
        return not_found(path);
    };
    if id.is_empty() {
        return not_found(path);
    }
    match method {
        "GET" => match app.store.get(id) {
            Some(record) => Answer::ok(to_json(&record)),
            None => unknown_id(id),
        },
        "PUT" => update(app, id, body),
        _ => method_not_allowed(method, "GET, PUT"),
    }
}

fn check_key(key: &str, authorization: Option<&str>) -> Result<(), &'static str> {
    let Some(value) = authorization else {
        return Err("missing Authorization header: send 'Authorization: api-key <KEY>'");
    };
    match value.trim().split_once(' ') {
        Some((scheme, given)) if scheme.eq_ignore_ascii_case("api-key") => {
            if given.trim() == key {
                Ok(())
            } else {
                Err("invalid API key")
            }
        }
        _ => Err("the Authorization header must have the form 'api-key <KEY>'"),
    }
}

fn create(app: &App, body: impl Body) -> Answer {
    let data = match read_enduser_data(body) {
        Ok(data) => data,
        Err(answer) => return answer,
    };
    match &data.display_name {
        None => return Answer::error(400, "display_name is required"),
        Some(name) if name.trim().is_empty() => {
            return Answer::error(400, "display_name must not be blank");
        }
        Some(_) => {}
    }
    match app.store.create(data) {
        Ok(record) => Answer::ok(to_json(&record)),
        Err(e) => state_write_failed(&e),
    }
}

fn update(app: &App, id: &str, body: impl Body) -> Answer {
    let data = match read_enduser_data(body) {
        Ok(data) => data,
        Err(answer) => return answer,
    };
    if data
        .display_name
        .as_ref()
        .is_some_and(|n| n.trim().is_empty())
    {
        return Answer::error(400, "display_name must not be blank");
    }
    match app.store.update(id, data) {
        Ok(Some(record)) => Answer::ok(to_json(&record)),
        Ok(None) => unknown_id(id),
        Err(e) => state_write_failed(&e),
    }
}

/// The body as `EndUserData`: a JSON object whose fields are known strings.
fn read_enduser_data(body: impl Body) -> Result<EndUserData, Answer> {
    let bytes = body.read()?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|e| Answer::error(400, format!("the body is not valid JSON: {e}")))?;
    EndUserData::from_json(value).map_err(|message| Answer::error(400, message))
}

fn to_json(record: &super::store::EndUser) -> Value {
    serde_json::to_value(record).expect("strings always serialize")
}

fn unknown_id(id: &str) -> Answer {
    Answer::error(404, format!("no EndUser with id '{id}'"))
}

fn not_found(path: &str) -> Answer {
    Answer::error(
        404,
        format!(
            "no such path: {path} (the sandbox serves {BASE_PATH}/enduser and {BASE_PATH}/enduser/{{id}})"
        ),
    )
}

fn method_not_allowed(method: &str, allow: &'static str) -> Answer {
    Answer {
        allow: Some(allow),
        ..Answer::error(
            405,
            format!("method {method} is not allowed here (allowed: {allow})"),
        )
    }
}

fn state_write_failed(error: &std::io::Error) -> Answer {
    Answer::error(
        500,
        format!("the sandbox cannot write its state file: {error}"),
    )
}

/// Answers one request: decides the answer, waits `--latency`, logs one line.
pub fn handle(app: &App, request: Request<'_>) -> Answer {
    let started = Instant::now();
    let (method, path) = (request.method.to_owned(), request.path.to_owned());
    let answer = answer(app, &method, &path, request.authorization, request.body);
    if !app.latency.is_zero() {
        thread::sleep(app.latency);
    }
    log_request(&method, &path, answer.status, started.elapsed());
    answer
}

/// One line per request. The path is cut short and neutralised: it comes from the client.
/// Headers are never logged, so neither is the key.
fn log_request(method: &str, path: &str, status: u16, elapsed: Duration) {
    const PATH_LIMIT: usize = 200;
    let path = match path.char_indices().nth(PATH_LIMIT) {
        Some((cut, _)) => format!("{}...", &path[..cut]),
        None => path.to_owned(),
    };
    output::stderr_line(&format!(
        "altur sandbox: {} {} {status} {:.1}ms",
        output::for_terminal(method),
        output::for_terminal(&path),
        elapsed.as_secs_f64() * 1000.0
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Bytes(&'static str);

    impl Body for Bytes {
        fn read(self) -> Result<Vec<u8>, Answer> {
            Ok(self.0.as_bytes().to_vec())
        }
    }

    fn app() -> App {
        App {
            key: "k".into(),
            store: Store::in_memory(),
            faults: Faults::new(0.0, None, 0),
            latency: Duration::ZERO,
        }
    }

    fn status_and_message(answer: &Answer) -> (u16, &str) {
        (answer.status, answer.body["message"].as_str().unwrap_or(""))
    }

    #[test]
    fn the_key_must_come_as_api_key() {
        let app = app();
        let get = |auth| answer(&app, "GET", "/api/v1.0/enduser/x", auth, Bytes(""));
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
        let call = |method, path| answer(&app, method, path, Some("api-key k"), Bytes("{}"));
        assert_eq!(call("GET", "/api/v1.0/enduser").status, 405);
        assert_eq!(call("GET", "/api/v1.0/enduser").allow, Some("POST"));
        assert_eq!(
            call("DELETE", "/api/v1.0/enduser/x").allow,
            Some("GET, PUT")
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
                "POST",
                "/api/v1.0/enduser",
                Some("api-key k"),
                Bytes(body),
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
}
