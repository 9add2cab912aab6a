//! Realistic sample webhook events (contract section 18, `webhook trigger`), shaped like the
//! docs' `OnCallEndEvent`, `CampaignStatusChangedEvent` and `CampaignCycleCompletedEvent`, and
//! the `--set path=JSON` overrides applied to them.

use serde_json::{Value, json};

/// The events `webhook trigger` can send, in the order `--list` prints them.
pub const EVENTS: [&str; 3] = [
    "on_call_end",
    "campaign.status_changed",
    "campaign.cycle_completed",
];

/// A sample of `event` with fresh ids and the current time, or `None` for an unknown event.
/// `now` is an ISO 8601 UTC date-time; `unique` makes ids differ between deliveries.
pub fn sample(event: &str, now: &str, unique: &str) -> Option<Value> {
    let campaign = |status: &str, previous: Value| json!({"id": 4821, "name": "Renovaciones noviembre", "status": status, "previous_status": previous});
    let envelope = |event_type: &str, data: Value| {
        json!({
            "event_id": format!("evt_{unique}"),
            "event_type": event_type,
            "occurred_at": now,
            "api_version": "1.0",
            "project_id": "prj_sandbox",
            "data": data,
        })
    };
    Some(match event {
        "on_call_end" => json!({
            "event_type": "on_call_end",
            "id": format!("cll_{unique}"),
            "type": "outbound",
            "status": "ended",
            "phone_number_from": "+525587654321",
            "phone_number_to": "+525512345678",
            "answered_by": "human",
            "created_at": now,
            "started_at": now,
            "ended_at": now,
            "duration": 94,
            "billed_duration": 120,
            "recording_url": format!("https://api.altur.io/api/v1.0/call/cll_{unique}/recording"),
            "transcript": [
                {"sent_by": "assistant", "sent_at": now, "content": "Hola, ¿hablo con Sofía Ramírez?"},
                {"sent_by": "user", "sent_at": now, "content": "Sí, soy yo."},
                {"sent_by": "assistant", "sent_at": now, "content": "Le llamo para confirmar su cita del jueves a las 10:00."},
                {"sent_by": "user", "sent_at": now, "content": "Perfecto, ahí estaré. Gracias."}
            ],
            "assistant": {"id": "11111111-1111-4111-8111-111111111111", "nickname": "sandbox", "name": "Sandbox Agent"},
            "end_user": {
                "id": "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b",
                "status": "active",
                "display_name": "Sofía Ramírez",
                "phone_number": "+525512345678",
                "context": "Cita: jueves 10:00",
                "extracted_data": {"confirmed": true, "preferred_time": "10:00"},
                "tags": ["renovación", "vip"]
            },
            "campaign_user": {"f_id": "crm-1042", "name": "Sofía Ramírez", "contact": "+525512345678", "context": "Cita: jueves 10:00"}
        }),
        "campaign.status_changed" => envelope(
            "campaign.status_changed",
            json!({
                "campaign": campaign("active", json!("ready")),
                "analytics": {
                    "calls": 0, "contacts": 250, "contactsProcessed": 0, "contactsProcessedRate": 0.0
                }
            }),
        ),
        "campaign.cycle_completed" => envelope(
            "campaign.cycle_completed",
            json!({"campaign": campaign("cooldown", json!("active")), "cycle_iteration": 1}),
        ),
        _ => return None,
    })
}

/// Sets the value at a dotted path (`end_user.display_name`, `transcript.0.content`),
/// creating objects on the way; an array index must exist.
pub fn set_path(target: &mut Value, path: &str, value: Value) -> Result<(), String> {
    if path.is_empty() || path.split('.').any(str::is_empty) {
        return Err(format!("`{path}` is not a dotted path (a.b.c)"));
    }
    let mut node = target;
    let mut segments = path.split('.').peekable();
    while let Some(segment) = segments.next() {
        let last = segments.peek().is_none();
        node = match node {
            Value::Object(map) => {
                if last {
                    map.insert(segment.to_owned(), value);
                    return Ok(());
                }
                map.entry(segment.to_owned())
                    .or_insert_with(|| Value::Object(Default::default()))
            }
            Value::Array(items) => {
                let index: usize = segment
                    .parse()
                    .map_err(|_| format!("`{segment}` in `{path}` is not an array index"))?;
                let len = items.len();
                let item = items.get_mut(index).ok_or_else(|| {
                    format!("index {index} in `{path}` is past the end ({len} items)")
                })?;
                if last {
                    *item = value;
                    return Ok(());
                }
                item
            }
            other => {
                return Err(format!(
                    "`{path}` goes through a {}, not an object",
                    crate::model::json_type(other)
                ));
            }
        };
    }
    unreachable!("a non-empty path has a last segment")
}

#[cfg(test)]
mod tests;
