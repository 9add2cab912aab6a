//! The Campaigns API's routes: each handler decodes what its operation takes from the request
//! (path parameters, decoded query, body, `Idempotency-Key`) and turns its outcome into an
//! answer. The operations are in `campaigns`; their calls are the calls module's.

use std::time::SystemTime;

use serde_json::Value;

use super::app::{Answer, App, Handler, Request, from_outcome as answer, query_pairs};
use super::calls::{Calls, CampaignContact, Placement};
use super::campaigns::{CallOutcome, CallRequest, Dialer};
use super::domain::Reply;
use super::router::{Params, Route, route};
use crate::registry as ops;

/// The Campaigns API's routes (`/campaigns...`), each a documented operation and its handler.
pub const ROUTES: &[Route<Handler>] = &[
    route(ops::CAMPAIGN_LIST, list),
    route(ops::CAMPAIGN_CREATE, create),
    route(ops::CAMPAIGN_GET, get),
    route(ops::CAMPAIGN_UPDATE, update),
    route(ops::CONTACT_LIST, list_contacts),
    route(ops::CONTACT_ADD, add_contacts),
    route(ops::CONTACT_GET, get_contact),
    route(ops::CONTACT_DELETE, delete_contact),
    // activate, pause, resume and archive share `/campaigns/{id}/{action}`.
    route(ops::CAMPAIGN_ACTIVATE, action),
];

/// A campaign's calls are the sandbox's calls: they walk `queued` to `ended` over
/// `--call-seconds`, end by the number's last digits, and are listed by
/// `GET /campaigns/{id}/calls` with their contact.
impl Dialer for Calls {
    fn place_call(&self, call: &CallRequest<'_>, now: SystemTime) -> Option<String> {
        let placement = Placement {
            agent_id: call.agent_id.to_owned(),
            phone_number_to: call.phone.to_owned(),
            end_user_display_name: call.name.map(str::to_owned),
            end_user_context: call.context.map(|c| Value::String(c.to_owned())),
            initial_message: call.first_message.map(str::to_owned),
            campaign: Some(CampaignContact {
                campaign_id: call.campaign_id,
                contact_id: call.contact_id,
                f_id: call.f_id.map(str::to_owned),
                name: call.name.map(str::to_owned),
                extracted_data: call.extracted_data.clone(),
                tags: Vec::new(),
            }),
        };
        // Refused only when the sandbox holds as many calls as it may: the contact fails.
        Calls::place_call(self, placement, now).ok()
    }

    fn outcome(&self, call_id: &str, now: SystemTime) -> Option<CallOutcome> {
        let (status, is_final) = self.status(call_id, now)?;
        if !is_final {
            return None;
        }
        let ended_at = self.final_at(call_id)?;
        let call = match self.get(call_id, now) {
            Ok(Reply::Json(_, call)) => call,
            _ => Value::Null,
        };
        let text = |key: &str| call.get(key).and_then(Value::as_str).map(str::to_owned);
        Some(CallOutcome {
            status: status.to_owned(),
            answered_by: text("answered_by"),
            billed_duration: ["billable_duration", "billed_duration", "duration"]
                .iter()
                .find_map(|key| call.get(*key).and_then(Value::as_u64))
                .unwrap_or(0),
            ended_at,
        })
    }
}

pub fn list(app: &App, request: &Request, _params: &Params) -> Answer {
    answer(app.campaigns.list(&query_pairs(request), SystemTime::now()))
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
    answer(
        app.campaigns
            .list_contacts(params.get("id"), &query_pairs(request), SystemTime::now()),
    )
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
