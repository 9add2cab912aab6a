//! `POST /campaigns` and `PATCH /campaigns/{id}`: the body checked field by field (in
//! `fields`), a new campaign made, or the settings of one replaced whole.

use std::time::SystemTime;

use serde_json::{Map, Value, json};

use super::fields::{
    CREATE_FIELDS, IMMUTABLE_FIELDS, Mode, UPDATE_FIELDS, default_scheduling, immutable,
};
use super::{
    Campaign, Campaigns, Channel, DEFAULT_TIMEZONE, ReplayKey, Settings, Status, body_object,
    check_key, contacts, invalid_field, seconds,
};
use crate::datetime;
use crate::sandbox::domain::{
    ApiError, Outcome, PHONE_INTEGRATION_ID, Reply, SANDBOX_AGENT_ID, WHATSAPP_INTEGRATION_ID,
};

impl Campaigns {
    /// `POST /campaigns`.
    pub fn create(&self, body: &[u8], idempotency_key: Option<&str>, now: SystemTime) -> Outcome {
        let key = check_key(idempotency_key)?.map(|k| ReplayKey::Create(k.to_owned()));
        let mut inner = self.lock();
        if let Some(key) = &key
            && let Some(reply) = inner.replays.get(key)
        {
            return Ok(reply);
        }
        let mut fields = body_object(body)?;
        for field in fields.keys() {
            if !CREATE_FIELDS.contains(&field.as_str()) {
                return Err(invalid_field(
                    field,
                    format!(
                        "unknown field '{field}' (known: {})",
                        CREATE_FIELDS.join(", ")
                    ),
                ));
            }
        }
        let mut required = |name: &str| -> Result<String, ApiError> {
            match fields.remove(name) {
                Some(Value::String(text)) => Ok(text),
                Some(other) => Err(invalid_field(
                    name,
                    format!(
                        "{name} must be a string, not {}",
                        crate::model::json_type(&other)
                    ),
                )),
                None => Err(invalid_field(name, format!("{name} is required"))),
            }
        };
        let agent_id = required("agent_id")?;
        let integration_id = required("integration_id")?;
        let integration_type = required("integration_type")?;
        if !fields.contains_key("name") {
            return Err(invalid_field("name", "name is required"));
        }
        if agent_id != SANDBOX_AGENT_ID {
            return Err(invalid_field(
                "agent_id",
                format!("no agent '{agent_id}' (the sandbox has {SANDBOX_AGENT_ID})"),
            ));
        }
        let channel = Channel::parse(&integration_type).ok_or_else(|| {
            invalid_field(
                "integration_type",
                format!(
                    "integration_type must be phone_call or whatsapp, not '{integration_type}'"
                ),
            )
        })?;
        if integration_id != channel.integration_id() {
            let known = [PHONE_INTEGRATION_ID, WHATSAPP_INTEGRATION_ID];
            let message = if known.contains(&integration_id.as_str()) {
                format!(
                    "integration '{integration_id}' is not a {} integration (use {})",
                    channel.as_str(),
                    channel.integration_id()
                )
            } else {
                format!(
                    "no integration '{integration_id}' for agent {agent_id} (the sandbox has \
                     {PHONE_INTEGRATION_ID} and {WHATSAPP_INTEGRATION_ID})"
                )
            };
            return Err(invalid_field("integration_id", message));
        }
        let mut settings = Settings {
            name: String::new(),
            description: None,
            timezone: DEFAULT_TIMEZONE.to_owned(),
            retries: 0,
            message_limit: None,
            first_message: None,
            template: None,
            template_alt: None,
            scheduling: default_scheduling(),
            cycles: (channel == Channel::PhoneCall).then(|| {
                let mut cycles = Map::new();
                cycles.insert("enabled".into(), false.into());
                cycles
            }),
            concurrency_limit: super::dialing::DEFAULT_CONCURRENCY,
        };
        settings.apply(channel, fields, Mode::Create)?;
        let id = inner.next_campaign_id;
        inner.next_campaign_id += 1;
        let campaign = Campaign {
            id,
            channel,
            settings,
            status: Status::Pending,
            archived: false,
            created_at: datetime::format_utc(now),
            created_seconds: seconds(now),
            contacts: contacts::Book::default(),
        };
        let reply = Reply::ok(json!({"success": true, "campaign": campaign.detail()}));
        inner.campaigns.insert(id, campaign);
        if let Some(key) = key {
            inner.replays.remember(key, reply.clone());
        }
        Ok(reply)
    }

    /// `PATCH /campaigns/{id}`: only the fields given; the immutable ones are refused, and a
    /// finished campaign is read-only. Nothing changes unless every field is accepted.
    pub fn update(&self, id: &str, body: &[u8], now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, id, now)?;
        let fields = body_object(body)?;
        if campaign.status == Status::Finished {
            return Err(ApiError::coded(
                409,
                "CAMPAIGN_FINISHED",
                format!(
                    "campaign {} is finished: finished campaigns are read-only",
                    campaign.id
                ),
                json!({"current_status": "finished"}),
            ));
        }
        for field in IMMUTABLE_FIELDS {
            if fields.contains_key(field) {
                return Err(immutable(field));
            }
        }
        for field in fields.keys() {
            if !UPDATE_FIELDS.contains(&field.as_str()) {
                return Err(invalid_field(
                    field,
                    format!(
                        "unknown field '{field}' (known: {})",
                        UPDATE_FIELDS.join(", ")
                    ),
                ));
            }
        }
        let mut settings = campaign.settings.clone();
        settings.apply(campaign.channel, fields, Mode::Update)?;
        campaign.settings = settings;
        Ok(Reply::ok(
            json!({"success": true, "campaign": campaign.detail()}),
        ))
    }
}
