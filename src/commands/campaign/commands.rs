//! The `campaign` commands on the resource layer: endpoints, output description, and the
//! request each command sends.

use serde_json::{Map, Value};

use super::{CampaignFields, checked_numeric_id, create_body, explain_api_error, update_body};
use crate::cli::{
    CampaignCommand, CampaignCreateArgs, CampaignFieldArgs, CampaignListArgs, OutputFormat,
};
use crate::client::{Call, Client, Endpoint};
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::output::{self, Resource};
use crate::paging::{self, Limit, Listing, Position, Style};

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
/// Every endpoint these commands use, for the test against the spec.
pub const ENDPOINTS: [Endpoint; 5] = [LIST, CREATE, GET, UPDATE, ACTION];

pub fn run(settings: &Settings, command: &CampaignCommand) -> Result<()> {
    match command {
        CampaignCommand::List(args) => list(settings, args),
        CampaignCommand::Get { id } => {
            let id = checked_numeric_id("campaign", id)?;
            let call = GET.call(&[&id.to_string()]);
            execute(settings, call, &format!("campaign {id}"), "get")
        }
        CampaignCommand::Create(args) => create(settings, args),
        CampaignCommand::Update { id, fields } => {
            let id = checked_numeric_id("campaign", id)?;
            let input = read_input(fields)?;
            let body = update_body(input, &flags_of(fields))?;
            let call = UPDATE.call(&[&id.to_string()]).with_body(to_bytes(&body));
            execute(settings, call, &format!("campaign {id}"), "update")
        }
        CampaignCommand::Activate { id } => action(settings, id, "activate"),
        CampaignCommand::Pause { id } => action(settings, id, "pause"),
        CampaignCommand::Resume { id } => action(settings, id, "resume"),
        CampaignCommand::Archive { id } => action(settings, id, "archive"),
    }
}

fn action(settings: &Settings, id: &str, action: &str) -> Result<()> {
    let id = checked_numeric_id("campaign", id)?;
    let call = ACTION.call(&[&id.to_string(), action]);
    execute(settings, call, &format!("campaign {id}"), action)
}

fn flags_of(fields: &CampaignFieldArgs) -> CampaignFields {
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

fn read_input(fields: &CampaignFieldArgs) -> Result<Option<Map<String, Value>>> {
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

fn to_bytes(body: &Map<String, Value>) -> Vec<u8> {
    serde_json::to_vec(body).expect("JSON values always serialize")
}

fn create(settings: &Settings, args: &CampaignCreateArgs) -> Result<()> {
    let input = read_input(&args.fields)?;
    let flags = CampaignFields {
        agent: args.agent.clone(),
        integration_id: args.integration_id.clone(),
        channel: args.channel.clone(),
        ..flags_of(&args.fields)
    };
    let body = create_body(input, &flags)?;
    let key = idempotency_key(args.idempotency_key.as_deref())?;
    let call = CREATE
        .call(&[])
        .with_body(to_bytes(&body))
        .with_idempotency_key(&key)
        .if_unknown(retry_hint("the campaign", &key));
    execute(settings, call, "the campaign", "create")
}

/// `--idempotency-key`, or a fresh UUIDv4.
pub fn idempotency_key(given: Option<&str>) -> Result<String> {
    match given {
        // It goes in a header: visible ASCII only, so it reaches the API exactly as given.
        Some(key)
            if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Err(Error::input(
                "--idempotency-key must be 1 to 255 printable ASCII characters, without spaces",
            ))
        }
        Some(key) => Ok(key.to_owned()),
        None => Ok(uuid::Uuid::new_v4().to_string()),
    }
}

/// What to do when a create's outcome stays unknown: the exact command again, with the key.
pub fn retry_hint(what: &str, key: &str) -> String {
    let mut words: Vec<String> = std::env::args().collect();
    if !words
        .iter()
        .any(|w| w == "--idempotency-key" || w.starts_with("--idempotency-key="))
    {
        words.push("--idempotency-key".into());
        words.push(key.into());
    }
    if let Some(first) = words.first_mut() {
        *first = "altur".into();
    }
    format!(
        "{what} may have been created; the API de-duplicates on the Idempotency-Key, so \
         retrying with the same key is safe: {}",
        shell_words::join(&words)
    )
}

/// Sends `call` (or prints it as curl under `--dry-run`) and prints the campaign answered;
/// a refusal with a Campaigns API code is said in words.
fn execute(settings: &Settings, call: Call, what: &str, verb: &str) -> Result<()> {
    let Some(client) = crate::commands::client_for(settings, &call)? else {
        return Ok(());
    };
    let answer = client.call(&call).map_err(|e| explained(e, what, verb))?;
    let format = output::format_for(settings);
    let body = if format == OutputFormat::Table {
        with_percent_rates(answer.body)
    } else {
        answer.body
    };
    // After a write, a failing `-o id` or `--jq` says that the write itself happened.
    match verb {
        "get" => output::print_resource(&body, &CAMPAIGN, format),
        verb if verb.ends_with('e') => {
            output::print_written(&body, &CAMPAIGN, format, &format!("{verb}d"))
        }
        verb => output::print_written(&body, &CAMPAIGN, format, &format!("{verb}ed")),
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

fn list(settings: &Settings, args: &CampaignListArgs) -> Result<()> {
    let mut call = LIST.call(&[]);
    if let Some(status) = &args.status {
        call = call.with_query("status", status);
    }
    if let Some(channel) = &args.integration {
        call = call.with_query("integration", channel);
    }
    if let Some(agent) = &args.agent {
        crate::ids::checked_opaque("agent", agent)?;
        call = call.with_query("agentId", agent);
    }
    match (&args.since, &args.until) {
        (None, None) => {}
        (None, Some(_)) => {
            return Err(Error::input(
                "--until needs --since: the API takes startDate and endDate together",
            ));
        }
        (Some(since), until) => {
            check_date("--since", since)?;
            let until = match until {
                Some(until) => {
                    check_date("--until", until)?;
                    until.clone()
                }
                None => crate::datetime::format_utc(std::time::SystemTime::now()),
            };
            call = call
                .with_query("startDate", since)
                .with_query("endDate", until);
        }
    }
    if args.archived {
        call = call.with_query("archived", "true");
    }
    list_items(
        settings,
        call,
        Style::Cursor,
        "campaigns",
        &CAMPAIGN,
        &args.page,
    )
}

fn check_date(flag: &str, text: &str) -> Result<()> {
    match crate::datetime::parse(text) {
        Ok(_) => Ok(()),
        Err(why) => Err(Error::input(format!(
            "{flag} '{}' is not an ISO 8601 date or date-time (like 2026-11-27 or \
             2026-11-27T08:00:00Z): {why}",
            output::for_terminal(text)
        ))),
    }
}

/// A list command: `--dry-run` prints the first page's request; otherwise the items are
/// printed as pages arrive, `--limit`/`--all`/`--after` as contract section 12 says.
pub fn list_items(
    settings: &Settings,
    call: Call,
    style: Style,
    items_key: &'static str,
    resource: &'static Resource,
    page: &crate::cli::PageArgs,
) -> Result<()> {
    let after = page
        .after
        .as_deref()
        .map(Position::from_token)
        .transpose()?;
    let limit = if page.all {
        Limit::All
    } else {
        Limit::Items(page.limit.unwrap_or(paging::DEFAULT_LIMIT))
    };
    if settings.dry_run {
        let call = call.with_query("pageSize", paging::PAGE_SIZE.to_string());
        return output::stdout(&call.to_curl(&settings.base_url));
    }
    let client = Client::new(settings, settings.api_key()?)?;
    let mut printer = output::ListPrinter::new(resource, output::format_for(settings));
    let listing = Listing {
        call,
        style,
        items_key,
        limit,
        after,
        continue_with: continue_command(),
    };
    paging::list(&client, listing, &mut printer)?;
    printer.finish()
}

/// This command line without its `--after`, to continue from.
pub fn continue_command() -> String {
    let mut words = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(word) = args.next() {
        if word == "--after" {
            args.next();
            continue;
        }
        if word.starts_with("--after=") {
            continue;
        }
        words.push(word);
    }
    format!("altur {}", shell_words::join(&words))
}
