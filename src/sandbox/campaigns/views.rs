//! What a campaign looks like to the API's clients: `CampaignSummary` in the list,
//! `CampaignDetail` with its analytics, and the `campaign.status_changed` event.

use std::time::SystemTime;

use serde_json::{Value, json};

use super::{Campaign, Channel, Status};
use crate::datetime;
use crate::sandbox::domain::{SANDBOX_AGENT_ID, SANDBOX_AGENT_NAME};

pub(super) fn rate(part: u64, whole: u64) -> Value {
    if whole == 0 {
        json!(0.0)
    } else {
        json!(((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0)
    }
}

impl Campaign {
    pub(super) fn agent(&self) -> Value {
        json!({"id": SANDBOX_AGENT_ID, "name": SANDBOX_AGENT_NAME})
    }

    pub(super) fn cycle(&self, key: &str) -> Value {
        self.settings
            .cycles
            .as_ref()
            .and_then(|c| c.get(key).cloned())
            .unwrap_or(Value::Null)
    }

    /// A `CampaignSummary`, as the list gives it.
    pub(super) fn summary(&self) -> Value {
        let s = &self.settings;
        json!({
            "id": self.id,
            "name": s.name,
            "description": s.description,
            "status": self.status.as_str(),
            "created_at": self.created_at,
            "agent": self.agent(),
            "scheduling": s.scheduling,
            "timezone": s.timezone,
            "retries": s.retries,
            "archived": self.archived,
            "template": s.template,
            "first_message": s.first_message,
            "concurrency_limit": s.concurrency_limit,
            "cycle_enabled": self.cycle("enabled").as_bool().unwrap_or(false),
            "cycle_max_iterations": self.cycle("max_iterations"),
            "cycle_cooldown_minutes": self.cycle("cooldown_minutes"),
            "cycle_filter_statuses": self.cycle("filter_statuses"),
            "cycle_filter_tags": self.cycle("filter_tags"),
            "cycle_current_iteration": self.settings.cycles.as_ref().map(|_| json!(0)),
            "cycle_last_iteration_at": Value::Null,
        })
    }

    /// The `campaign.status_changed` event of a move from `previous` (the docs' envelope).
    pub(super) fn status_event(&self, previous: Status, now: SystemTime) -> Value {
        json!({
            "event_id": format!("evt_{}", uuid::Uuid::new_v4().simple()),
            "event_type": "campaign.status_changed",
            "occurred_at": datetime::format_utc(now),
            "api_version": "1.0",
            "project_id": "prj_sandbox",
            "data": {
                "campaign": {
                    "id": self.id,
                    "name": self.settings.name,
                    "status": self.status.as_str(),
                    "previous_status": previous.as_str(),
                },
                "analytics": self.analytics(),
            },
        })
    }

    /// A `CampaignDetail` with its analytics.
    pub(super) fn detail(&self) -> Value {
        let s = &self.settings;
        json!({
            "id": self.id,
            "name": s.name,
            "description": s.description,
            "status": self.status.as_str(),
            "archived": self.archived,
            "integration": {"id": self.channel.integration_id()},
            "integration_type": self.channel.as_str(),
            "agent": self.agent(),
            "created_at": self.created_at,
            "timezone": s.timezone,
            "retries": s.retries,
            "message_limit": s.message_limit,
            "first_message": s.first_message,
            "template": s.template,
            "template_alt": s.template_alt,
            "scheduling": s.scheduling,
            "cycles": s.cycles,
            "analytics": self.analytics(),
        })
    }

    pub(super) fn analytics(&self) -> Value {
        let counts = self.contacts.counts();
        let calls = counts.calls;
        let mut analytics = json!({
            "calls": calls,
            "callsAnsweredByHuman": counts.human,
            "callsAnsweredByMachine": counts.machine,
            "callsAnsweredByUnknown": counts.unknown,
            "callsAnsweredByHumanRate": rate(counts.human, calls),
            "callsAnsweredByMachineRate": rate(counts.machine, calls),
            "callsAnsweredByUnknownRate": rate(counts.unknown, calls),
            "contacts": counts.contacts,
            "contactsProcessed": counts.processed,
            "contactsProcessedRate": rate(counts.processed, counts.contacts),
            "contactsFailed": counts.failed,
            "contactsFailedRate": rate(counts.failed, counts.contacts),
            "contactsVoicemail": counts.voicemail,
            "contactsVoicemailRate": rate(counts.voicemail, counts.contacts),
            "contactsAnswered": counts.answered,
            "contactsAnsweredRate": rate(counts.answered, counts.contacts),
            "contactsConverted": counts.converted,
            "contactsConvertedRate": rate(counts.converted, counts.contacts),
        });
        // The docs leave WhatsApp's message counts out; the sandbox adds its one stage.
        if self.channel == Channel::Whatsapp {
            analytics["contactsDelivered"] = counts.delivered.into();
            analytics["contactsDeliveredRate"] = rate(counts.delivered, counts.contacts);
        }
        analytics
    }
}
