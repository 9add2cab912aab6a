//! The `contact` commands on the resource layer.

use serde_json::{Value, json};

use super::{ADD, ContactFlags, NOT_ADDED, RowResult, contact_from_flags, row_error_message};
use crate::cli::{ContactAddArgs, ContactCommand, ContactListArgs};
use crate::client::{Client, Endpoint};
use crate::commands::campaign::checked_numeric_id;
use crate::commands::campaign::commands::{explained, idempotency_key, list_items, retry_hint};
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::output::{self, Resource};
use crate::paging::Style;

/// How a campaign contact is printed (contract section 17's list columns).
pub const CONTACT: Resource = Resource {
    name: "contact",
    fields: &[
        "id",
        "name",
        "contact",
        "status",
        "call_count",
        "last_call_at",
    ],
    columns: &[
        "id",
        "name",
        "contact",
        "status",
        "call_count",
        "last_call_at",
    ],
    id: "id",
    wrapper: Some("contact"),
};

/// What `contact add` prints in a table: the row the API answered for the contact.
const ADDED: Resource = Resource {
    name: "contact",
    fields: &["id", "contact", "outcome"],
    columns: &["id", "contact", "outcome"],
    id: "id",
    wrapper: None,
};

pub const LIST: Endpoint = crate::registry::CONTACT_LIST.endpoint;
pub const GET: Endpoint = crate::registry::CONTACT_GET.endpoint;
pub const DELETE: Endpoint = crate::registry::CONTACT_DELETE.endpoint;
/// Every endpoint these commands use, for the test against the spec.
pub const ENDPOINTS: [Endpoint; 4] = [LIST, ADD, GET, DELETE];

pub fn run(settings: &Settings, command: &ContactCommand) -> Result<()> {
    match command {
        ContactCommand::Add(args) => add(settings, args),
        ContactCommand::Import(args) => super::import::run(settings, args),
        ContactCommand::List(args) => list(settings, args),
        ContactCommand::Get {
            campaign,
            contact_id,
        } => {
            let (campaign, contact) = ids(campaign, contact_id)?;
            let call = GET.call(&[&campaign.to_string(), &contact.to_string()]);
            if settings.dry_run {
                return output::stdout(&call.to_curl(&settings.base_url));
            }
            let client = Client::new(settings, settings.api_key()?)?;
            let what = format!("contact {contact} of campaign {campaign}");
            let answer = client.call(&call).map_err(|e| explained(e, &what, "get"))?;
            output::print_resource(&answer.body, &CONTACT, output::format_for(settings))
        }
        ContactCommand::Delete {
            campaign,
            contact_id,
        } => {
            let (campaign, contact) = ids(campaign, contact_id)?;
            let call = DELETE.call(&[&campaign.to_string(), &contact.to_string()]);
            if settings.dry_run {
                return output::stdout(&call.to_curl(&settings.base_url));
            }
            let client = Client::new(settings, settings.api_key()?)?;
            let what = format!("contact {contact} of campaign {campaign}");
            client
                .exchange(&call, crate::client::Expect::Empty, false)
                .map_err(|e| explained(e, &what, "delete"))?;
            output::note(&format!("deleted {what}"));
            Ok(())
        }
    }
}

fn ids(campaign: &str, contact: &str) -> Result<(u64, u64)> {
    Ok((
        checked_numeric_id("campaign", campaign)?,
        checked_numeric_id("contact", contact)?,
    ))
}

fn list(settings: &Settings, args: &ContactListArgs) -> Result<()> {
    let campaign = checked_numeric_id("campaign", &args.campaign)?;
    let mut call = LIST.call(&[&campaign.to_string()]);
    if let Some(status) = &args.status {
        call = call.with_query("status", status);
    }
    list_items(
        settings,
        call,
        Style::PageIndex,
        "contacts",
        &CONTACT,
        &args.page,
    )
}

fn add(settings: &Settings, args: &ContactAddArgs) -> Result<()> {
    let campaign = checked_numeric_id("campaign", &args.campaign)?;
    let contact = contact_from_flags(&ContactFlags {
        phone: args.phone.clone(),
        name: args.name.clone(),
        context: args.context.clone(),
        data: args.data.clone(),
        external_id: args.external_id.clone(),
    })?;
    let mut body = json!({"contacts": [contact]});
    if let Some(rule) = args.if_duplicate {
        body["if_duplicate"] = rule.as_str().into();
    }
    let key = idempotency_key(args.idempotency_key.as_deref())?;
    let call = ADD
        .call(&[&campaign.to_string()])
        .with_body(serde_json::to_vec(&body).expect("JSON values always serialize"))
        .with_idempotency_key(&key)
        .if_unknown(retry_hint("the contact", &key));
    let Some(client) = crate::commands::client_for(settings, &call)? else {
        return Ok(());
    };
    let what = format!("campaign {campaign}");
    let answer = client
        .call(&call)
        .map_err(|e| explained(e, &what, "add a contact to"))?;
    let row = answer
        .body
        .get("results")
        .and_then(|r| r.get(0))
        .cloned()
        .unwrap_or(Value::Null);
    if let Some(code) = row.get("error").and_then(Value::as_str) {
        return Err(
            Error::new(Kind::Api, format!("{} ({code})", row_error_message(code)))
                .with_status(answer.status)
                .with_body(json!({"error": code})),
        );
    }
    if super::batch_results(&answer.body, 1)[0] == RowResult::NotAdded {
        // `{"success": false, "summary": {"failed": 1}, "results": []}` is a refusal.
        return Err(Error::new(Kind::Api, NOT_ADDED).with_status(answer.status));
    }
    let format = output::format_for(settings);
    if format == crate::cli::OutputFormat::Json {
        return output::print_json(&answer.body);
    }
    let outcome = outcome_of(&answer.body);
    let mut shown = serde_json::Map::new();
    shown.insert("id".into(), row.get("id").cloned().unwrap_or(Value::Null));
    shown.insert(
        "contact".into(),
        row.get("contact").cloned().unwrap_or(Value::Null),
    );
    shown.insert("outcome".into(), outcome.into());
    output::print_resource(&Value::Object(shown), &ADDED, format)
}

/// What the summary of a one-contact batch says became of it.
fn outcome_of(answer: &Value) -> &'static str {
    let counts = super::batch_summary(answer);
    match counts {
        [1, ..] => "created",
        [_, 1, ..] => "updated",
        [_, _, 1, _] => "skipped_duplicate",
        _ => "added",
    }
}
