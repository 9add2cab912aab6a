//! `altur contact add --campaign ID --phone E164`.

use serde_json::{Value, json};

use super::{
    ADD, ADDED, ContactFlags, NOT_ADDED, RowResult, contact_from_flags, row_error_message,
};
use crate::cli::IfDuplicate;
use crate::cli::Policy;
use crate::commands::campaign::explained;
use crate::commands::idempotency::{idempotency_key, retry_hint};
use crate::error::{Error, Kind, Result};
use crate::ids::CampaignId;
use crate::session::Session;

/// Add one contact to a campaign
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = "\
Examples:
  altur contact add --campaign 4821 --phone +525512345678 --name 'Sofía'
  altur contact add --campaign 4821 --phone +525512345678 --data plan=gold -o id")]
pub(crate) struct Args {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub(crate) campaign: CampaignId,

    /// Phone number in E.164 (+ and the country code)
    #[arg(long, value_name = "PHONE")]
    pub(crate) phone: String,

    /// Contact name
    #[arg(long, value_name = "NAME")]
    pub(crate) name: Option<String>,

    /// Context for the agent
    #[arg(long, value_name = "TEXT")]
    pub(crate) context: Option<String>,

    /// extracted_data entry (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub(crate) data: Vec<String>,

    /// Your own id for the contact (the API's f_id)
    #[arg(long, value_name = "ID")]
    pub(crate) external_id: Option<String>,

    /// When the number is already in the campaign [API default: skip]
    #[arg(long, value_enum, value_name = "WHAT")]
    pub(crate) if_duplicate: Option<IfDuplicate>,

    /// Idempotency-Key to send [default: a new UUID]
    #[arg(long, value_name = "KEY")]
    pub(crate) idempotency_key: Option<String>,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// Adds one contact to a campaign under an idempotency key, and says whether it was
/// created, updated or skipped as a duplicate.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let campaign = args.campaign.get();
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
    let Some(client) = session.prepare(&call)? else {
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
    let format = session.format()?;
    if format == crate::cli::OutputFormat::Json {
        return session.out().print_json(&answer.body);
    }
    let outcome = outcome_of(&answer.body);
    let mut shown = serde_json::Map::new();
    shown.insert("id".into(), row.get("id").cloned().unwrap_or(Value::Null));
    shown.insert(
        "contact".into(),
        row.get("contact").cloned().unwrap_or(Value::Null),
    );
    shown.insert("outcome".into(), outcome.into());
    session
        .out()
        .print_resource(&Value::Object(shown), &ADDED, format)
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
