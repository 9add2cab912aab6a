//! The sandbox's API: [`answer`] decides every response from the method, path, headers and
//! body of a [`Request`], through the table of [`ROUTES`]. The HTTP server (`crate::server`)
//! reads the request, adds the latency and calls back for the log line.

use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use super::app::{Answer, App, BASE_PATH, Request, from_outcome, query_pairs};
use super::campaign_routes as campaigns;
use super::domain::ApiError;
use super::faults::Fault;
use super::router::{self, Found, Params, Route};
use crate::model::EndUserData;
use crate::server::{Application, Response};

type Handler = fn(&App, &Request, &Params) -> Answer;

/// Every route, relative to [`BASE_PATH`]. A new endpoint is a new line here.
pub const ROUTES: &[Route<Handler>] = &[
    Route {
        method: "POST",
        pattern: "/enduser",
        handler: create,
    },
    Route {
        method: "GET",
        pattern: "/enduser/{id}",
        handler: get,
    },
    Route {
        method: "PUT",
        pattern: "/enduser/{id}",
        handler: update,
    },
    Route {
        method: "POST",
        pattern: "/call",
        handler: start_call,
    },
    Route {
        method: "GET",
        pattern: "/call/{id}",
        handler: get_call,
    },
    Route {
        method: "GET",
        pattern: "/call/{id}/recording",
        handler: call_recording,
    },
    Route {
        method: "GET",
        pattern: "/campaigns/{id}/calls",
        handler: campaign_calls,
    },
    Route {
        method: "POST",
        pattern: "/message",
        handler: send_message,
    },
    Route {
        method: "GET",
        pattern: "/message/{thread_id}",
        handler: list_messages,
    },
    Route {
        method: "GET",
        pattern: "/thread/{id}",
        handler: get_thread,
    },
    Route {
        method: "GET",
        pattern: "/campaigns",
        handler: campaigns::list,
    },
    Route {
        method: "POST",
        pattern: "/campaigns",
        handler: campaigns::create,
    },
    Route {
        method: "GET",
        pattern: "/campaigns/{id}",
        handler: campaigns::get,
    },
    Route {
        method: "PATCH",
        pattern: "/campaigns/{id}",
        handler: campaigns::update,
    },
    // Before `/campaigns/{id}/{action}`, which would match its POSTs too.
    Route {
        method: "GET",
        pattern: "/campaigns/{id}/contacts",
        handler: campaigns::list_contacts,
    },
    Route {
        method: "POST",
        pattern: "/campaigns/{id}/contacts",
        handler: campaigns::add_contacts,
    },
    Route {
        method: "GET",
        pattern: "/campaigns/{id}/contacts/{contact_id}",
        handler: campaigns::get_contact,
    },
    Route {
        method: "DELETE",
        pattern: "/campaigns/{id}/contacts/{contact_id}",
        handler: campaigns::delete_contact,
    },
    Route {
        method: "POST",
        pattern: "/campaigns/{id}/{action}",
        handler: campaigns::action,
    },
];

/// Decides the response to one request. Faults come first (they stand for an overloaded
/// gateway in front of the API), then the key, then the route.
pub fn answer(app: &App, request: &Request) -> Answer {
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
    if let Err(message) = check_key(&app.key, request.header("authorization")) {
        return Answer::error(401, message);
    }
    let path = request.path();
    let Some(rest) = path.strip_prefix(BASE_PATH) else {
        return not_found(path);
    };
    match router::find(ROUTES, &request.method, rest) {
        Found::Handler(handler, params) => handler(app, request, &params),
        Found::WrongMethod { allow } => method_not_allowed(&request.method, allow),
        Found::NoRoute => not_found(path),
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

fn create(app: &App, request: &Request, _params: &Params) -> Answer {
    let data = match read_enduser_data(&request.body) {
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

fn get(app: &App, _request: &Request, params: &Params) -> Answer {
    let id = params.get("id");
    match app.store.get(id) {
        Some(record) => Answer::ok(to_json(&record)),
        None => unknown_id(id),
    }
}

fn update(app: &App, request: &Request, params: &Params) -> Answer {
    let id = params.get("id");
    let data = match read_enduser_data(&request.body) {
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

fn send_message(app: &App, request: &Request, _params: &Params) -> Answer {
    let end_users = |id: &str| app.store.get(id).map(|record| to_json(&record));
    from_outcome(
        app.messages
            .send(&request.body, &end_users, std::time::SystemTime::now()),
    )
}

fn list_messages(app: &App, _request: &Request, params: &Params) -> Answer {
    let id = params.get("thread_id");
    from_outcome(
        (app.calls.messages(id, SystemTime::now())).unwrap_or_else(|| app.messages.list(id)),
    )
}

fn get_thread(app: &App, _request: &Request, params: &Params) -> Answer {
    let end_users = |id: &str| app.store.get(id).map(|record| to_json(&record));
    let id = params.get("id");
    from_outcome(
        (app.calls.thread(id, SystemTime::now()))
            .unwrap_or_else(|| app.messages.thread(id, &end_users)),
    )
}

/// The body as `EndUserData`: a JSON object whose fields are known strings.
// An Answer is one pointer wider since it may carry a recording; errors are rare here.
#[allow(clippy::result_large_err)]
fn read_enduser_data(body: &[u8]) -> Result<EndUserData, Answer> {
    let value: Value = serde_json::from_slice(body)
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
    let mut served: Vec<&str> = ROUTES.iter().map(|route| route.pattern).collect();
    served.dedup();
    let served: Vec<String> = served.iter().map(|p| format!("{BASE_PATH}{p}")).collect();
    Answer::error(
        404,
        format!(
            "no such path: {path} (the sandbox serves {})",
            served.join(", ")
        ),
    )
}

fn method_not_allowed(method: &str, allow: String) -> Answer {
    let message = format!("method {method} is not allowed here (allowed: {allow})");
    Answer {
        allow: Some(allow),
        ..Answer::error(405, message)
    }
}

fn state_write_failed(error: &std::io::Error) -> Answer {
    Answer::error(
        500,
        format!("the sandbox cannot write its state file: {error}"),
    )
}

// Calls (contract section 19): the behaviour is in `calls`, on the wall clock here.

fn start_call(app: &App, request: &Request, _params: &Params) -> Answer {
    from_outcome(app.calls.start(&request.body, SystemTime::now()))
}

fn get_call(app: &App, _request: &Request, params: &Params) -> Answer {
    from_outcome(app.calls.get(params.get("id"), SystemTime::now()))
}

fn call_recording(app: &App, _request: &Request, params: &Params) -> Answer {
    from_outcome(app.calls.recording(params.get("id"), SystemTime::now()))
}

fn campaign_calls(app: &App, request: &Request, params: &Params) -> Answer {
    let id = params.get("id");
    // The campaigns module's campaigns, and the seeded one of the calls module.
    match id.parse::<u64>() {
        Ok(campaign)
            if app.campaigns.exists(campaign, SystemTime::now())
                || app.calls.knows_campaign(campaign) =>
        {
            from_outcome(app.calls.list_for_campaign(
                campaign,
                &query_pairs(request),
                SystemTime::now(),
            ))
        }
        _ => from_outcome(Err(ApiError::coded(
            404,
            "CAMPAIGN_NOT_FOUND",
            format!("campaign {id} not found"),
            Value::Null,
        ))),
    }
}

impl Application for App {
    fn answer(&self, request: &Request) -> Response {
        answer(self, request).into_response()
    }

    fn answer_may_block(&self) -> bool {
        self.store.writes_to_disk()
    }

    fn latency(&self) -> Duration {
        self.latency
    }

    fn answered(&self, request: &Request, status: u16, elapsed: Duration) {
        self.log
            .request(&request.method, &request.target, status, elapsed);
    }
}

#[cfg(test)]
mod tests {
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
}
