//! The sandbox's API: [`answer`] decides every response from the method, path, headers and
//! body of a [`Request`], through the table of [`ROUTES`]. The HTTP server (`crate::server`)
//! reads the request, adds the latency and calls back for the log line.

use std::sync::LazyLock;
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use super::app::{Answer, App, BASE_PATH, Handler, Request, from_outcome, query_pairs};
use super::campaign_routes as campaigns;
use super::domain::ApiError;
use super::faults::Fault;
use super::router::{self, Found, Params, Route, route};
use crate::model::EndUserData;
use crate::registry as ops;
use crate::server::{Application, Response};

/// Every route, relative to [`BASE_PATH`]: a documented operation and its handler
/// ([`router::route`]). A new endpoint is a new line in its resource's table.
pub static ROUTES: LazyLock<Vec<Route<Handler>>> =
    LazyLock::new(|| [OWN_ROUTES, campaigns::ROUTES].concat());

/// The EndUser, call and message routes; the Campaigns API's are `campaign_routes`'.
const OWN_ROUTES: &[Route<Handler>] = &[
    route(ops::ENDUSER_CREATE, create),
    route(ops::ENDUSER_GET, get),
    route(ops::ENDUSER_UPDATE, update),
    route(ops::CALL_START, start_call),
    route(ops::CALL_GET, get_call),
    route(ops::CALL_RECORDING, call_recording),
    route(ops::CALL_LIST, campaign_calls),
    route(ops::MESSAGE_SEND, send_message),
    route(ops::MESSAGE_LIST, list_messages),
    route(ops::THREAD_GET, get_thread),
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
    match router::find(&ROUTES, &request.method, rest) {
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
mod tests;
