//! `altur campaign list | get | create | update | activate | pause | resume | archive`
//! (contract section 16): what the verbs share: how a campaign is printed, its endpoints, the
//! Campaigns API's refusals in words, the idempotency key of a create, and the paging list
//! that `contact list` uses too. The request bodies and their checks are [`body`]'s.

mod action;
mod body;

crate::commands::verbs! {
    /// `altur campaign ...` (contract section 16).
    pub(crate) enum CampaignCommand {
        List => list,
        Get => get,
        Create => create,
        Update => update,
        Activate => activate,
        Pause => pause,
        Resume => resume,
        Archive => archive,
    }
}

pub use body::*;

use serde_json::{Map, Value};

use crate::cli::{CampaignFieldArgs, OutputFormat};
use crate::client::{Call, Endpoint};
use crate::error::{Error, Result};
use crate::output::Resource;
use crate::session::Session;

/// How a campaign is printed: the list's columns (contract section 16), the detail's first
/// fields, and the `{"success": true, "campaign": {...}}` wrapper.
pub const CAMPAIGN: Resource = Resource {
    name: "campaign",
    fields: &[
        "id",
        "name",
        "status",
        "archived",
        "integration_type",
        "agent",
        "created_at",
    ],
    columns: &[
        "id",
        "name",
        "status",
        "agent.name",
        "created_at",
        "archived",
    ],
    id: "id",
    wrapper: Some("campaign"),
};

pub const LIST: Endpoint = crate::registry::CAMPAIGN_LIST.endpoint;
pub const CREATE: Endpoint = crate::registry::CAMPAIGN_CREATE.endpoint;
pub const GET: Endpoint = crate::registry::CAMPAIGN_GET.endpoint;
pub const UPDATE: Endpoint = crate::registry::CAMPAIGN_UPDATE.endpoint;
pub const ACTION: Endpoint = crate::registry::CAMPAIGN_ACTIVATE.endpoint;

pub(super) fn flags_of(fields: &CampaignFieldArgs) -> CampaignFields {
    CampaignFields {
        name: fields.name.clone(),
        description: fields.description.clone(),
        timezone: fields.timezone.clone(),
        contact_retries: fields.contact_retries,
        message_limit: fields.message_limit,
        first_message: fields.first_message.clone(),
        template: fields.template.clone(),
        template_alt: fields.template_alt.clone(),
        schedules: fields.schedule.clone(),
        ..CampaignFields::default()
    }
}

pub(super) fn read_input(fields: &CampaignFieldArgs) -> Result<Option<Map<String, Value>>> {
    let Some(path) = &fields.input else {
        return Ok(None);
    };
    // `-` is stdin, as for every --input (contract section 20, "Input").
    let text = if path == std::path::Path::new("-") {
        crate::config::read_limited_utf8(std::io::stdin().lock(), "--input - (stdin)")?
    } else {
        crate::config::read_small_text(path, "--input")?
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) => Ok(Some(map)),
        Ok(other) => Err(Error::input(format!(
            "--input must hold a JSON object, not {}",
            crate::model::json_type(&other)
        ))),
        Err(e) => Err(Error::input(format!("--input is not valid JSON: {e}"))),
    }
}

pub(super) fn to_bytes(body: &Map<String, Value>) -> Vec<u8> {
    serde_json::to_vec(body).expect("JSON values always serialize")
}

/// Sends `call` (or prints it as curl under `--dry-run`) and prints the campaign answered;
/// a refusal with a Campaigns API code is said in words.
pub(super) fn send(session: &Session, call: Call, what: &str, verb: &str) -> Result<()> {
    let Some(client) = session.prepare(&call)? else {
        return Ok(());
    };
    let answer = client.call(&call).map_err(|e| explained(e, what, verb))?;
    let format = session.format()?;
    let body = if format == OutputFormat::Table {
        with_percent_rates(answer.body)
    } else {
        answer.body
    };
    // After a write, a failing `-o id` or `--jq` says that the write itself happened.
    match verb {
        "get" => session.out().print_resource(&body, &CAMPAIGN, format),
        verb if verb.ends_with('e') => {
            session
                .out()
                .print_written(&body, &CAMPAIGN, format, &format!("{verb}d"))
        }
        verb => session
            .out()
            .print_written(&body, &CAMPAIGN, format, &format!("{verb}ed")),
    }
}

/// An API refusal with one of the Campaigns API's codes, in words.
pub fn explained(error: Error, what: &str, verb: &str) -> Error {
    let Some(body) = error.body.as_deref() else {
        return error;
    };
    match explain_api_error(error.status.unwrap_or(0), body, what, verb) {
        Some(message) => Error { message, ..error },
        None => error,
    }
}

/// The analytics' `...Rate` fields as percentages, for the table: `0.25` is `25.0%`.
pub fn with_percent_rates(mut body: Value) -> Value {
    let analytics = body
        .get_mut("campaign")
        .and_then(|c| c.get_mut("analytics"))
        .and_then(Value::as_object_mut);
    if let Some(analytics) = analytics {
        for (key, value) in analytics.iter_mut() {
            if key.ends_with("Rate")
                && let Some(rate) = value.as_f64()
            {
                *value = Value::String(format!("{:.1}%", rate * 100.0));
            }
        }
    }
    body
}
