//! The Campaigns API's routes: each handler decodes what its operation takes from the request
//! (path parameters, decoded query, body, `Idempotency-Key`) and turns its outcome into an
//! answer. The operations are in `campaigns`.

use std::time::SystemTime;

use percent_encoding::percent_decode_str;

use super::domain::{Outcome, Reply};
use super::router::Params;
use super::server::{Answer, App, Request};

/// The decoded query parameters of a request, in order (`+` is a space, as in forms).
pub fn query_pairs(target: &str) -> Vec<(String, String)> {
    let Some((_, query)) = target.split_once('?') else {
        return Vec::new();
    };
    let decode = |text: &str| {
        percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) => (decode(name), decode(value)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

fn answer(outcome: Outcome) -> Answer {
    match outcome {
        Ok(Reply::Json(status, body)) => Answer {
            status,
            body,
            retry_after: None,
            allow: None,
        },
        Ok(Reply::Bytes { .. }) => Answer::error(500, "a campaign operation answered bytes"),
        Err(error) => Answer {
            status: error.status,
            body: error.body,
            retry_after: None,
            allow: None,
        },
    }
}

pub fn list(app: &App, request: &Request, _params: &Params) -> Answer {
    answer(
        app.campaigns
            .list(&query_pairs(&request.target), SystemTime::now()),
    )
}

pub fn create(app: &App, request: &Request, _params: &Params) -> Answer {
    let key = request.header("idempotency-key");
    answer(app.campaigns.create(&request.body, key, SystemTime::now()))
}

pub fn get(app: &App, _request: &Request, params: &Params) -> Answer {
    answer(app.campaigns.get(params.get("id"), SystemTime::now()))
}

pub fn update(app: &App, request: &Request, params: &Params) -> Answer {
    answer(
        app.campaigns
            .update(params.get("id"), &request.body, SystemTime::now()),
    )
}

pub fn action(app: &App, _request: &Request, params: &Params) -> Answer {
    answer(
        app.campaigns
            .action(params.get("id"), params.get("action"), SystemTime::now()),
    )
}

pub fn list_contacts(app: &App, request: &Request, params: &Params) -> Answer {
    answer(app.campaigns.list_contacts(
        params.get("id"),
        &query_pairs(&request.target),
        SystemTime::now(),
    ))
}

pub fn add_contacts(app: &App, request: &Request, params: &Params) -> Answer {
    let key = request.header("idempotency-key");
    answer(
        app.campaigns
            .add_contacts(params.get("id"), &request.body, key, SystemTime::now()),
    )
}

pub fn get_contact(app: &App, _request: &Request, params: &Params) -> Answer {
    answer(app.campaigns.get_contact(
        params.get("id"),
        params.get("contact_id"),
        SystemTime::now(),
    ))
}

pub fn delete_contact(app: &App, _request: &Request, params: &Params) -> Answer {
    answer(app.campaigns.delete_contact(
        params.get("id"),
        params.get("contact_id"),
        SystemTime::now(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_pairs("/x?status=active&startDate=2026-11-27T08%3A00%3A00Z&q=a+b%26c&flag"),
            vec![
                ("status".to_owned(), "active".to_owned()),
                ("startDate".to_owned(), "2026-11-27T08:00:00Z".to_owned()),
                ("q".to_owned(), "a b&c".to_owned()),
                ("flag".to_owned(), String::new()),
            ]
        );
        assert!(query_pairs("/x").is_empty());
        assert!(query_pairs("/x?").is_empty());
    }
}
