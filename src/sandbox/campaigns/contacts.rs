//! The contacts of a sandbox campaign: batch add (`if_duplicate`, per-row errors, the 1000
//! limit, `Idempotency-Key` replay), page-index listing, get and delete, and the calls placed
//! to them.

use std::collections::{BTreeMap, HashMap};
use std::time::SystemTime;

use serde_json::{Map, Value, json};

use super::{
    ApiError, Campaigns, Outcome, ReplayKey, Reply, Status, body_object, check_key,
    integer_parameter, invalid, parse_id, query_map,
};

/// The most contacts one `POST /campaigns/{id}/contacts` takes.
pub const CONTACT_BATCH_LIMIT: usize = 1000;
const DEFAULT_PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 100;
const MAX_PAGE_INDEX: usize = 25_000;

/// `CampaignContactStatus`: every value the docs have shown.
const CONTACT_STATUSES: [&str; 16] = [
    "queue",
    "sending",
    "sent",
    "delivered",
    "voicemail",
    "read",
    "failed",
    "no-answer",
    "busy",
    "retrying",
    "converted",
    "answered",
    "accepted",
    "acepted",
    "rejected",
    "unreachable",
];

const ROW_FIELDS: [&str; 5] = ["contact", "name", "context", "extracted_data", "f_id"];

#[derive(Debug, Clone)]
pub(super) struct Contact {
    pub(super) id: u64,
    pub(super) f_id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) contact: String,
    pub(super) status: &'static str,
    pub(super) context: Option<String>,
    pub(super) call_count: u64,
    pub(super) billed_duration: u64,
    pub(super) last_call_at: Option<String>,
    pub(super) extracted_data: Map<String, Value>,
}

impl Contact {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "f_id": self.f_id,
            "name": self.name,
            "contact": self.contact,
            "status": self.status,
            "context": self.context,
            "retries": 0,
            "has_follow_up": false,
            "call_count": self.call_count,
            "billed_duration": self.billed_duration,
            "last_call_at": self.last_call_at,
            "extracted_data": self.extracted_data,
            "tags": [],
        })
    }
}

/// The contacts of one campaign, in the order they were added.
#[derive(Default)]
pub(super) struct Book {
    pub(super) contacts: BTreeMap<u64, Contact>,
    by_phone: HashMap<String, u64>,
    /// Contacts with a call in progress: contact id → call id.
    pub(super) dialing: BTreeMap<u64, String>,
    pub(super) calls: u64,
    pub(super) human: u64,
    pub(super) machine: u64,
    pub(super) unknown: u64,
    /// Every contact below this id has left the queue: contacts are called in id order and
    /// new ones get higher ids, so finding the next ones to call never rescans the called.
    pub(super) queue_from: u64,
}

/// What the analytics count.
pub(super) struct Counts {
    pub calls: u64,
    pub human: u64,
    pub machine: u64,
    pub unknown: u64,
    pub contacts: u64,
    pub processed: u64,
    pub failed: u64,
    pub voicemail: u64,
    pub answered: u64,
    pub converted: u64,
    pub delivered: u64,
}

impl Book {
    pub(super) fn is_empty(&self) -> bool {
        self.contacts.is_empty()
    }

    pub(super) fn counts(&self) -> Counts {
        let mut counts = Counts {
            calls: self.calls,
            human: self.human,
            machine: self.machine,
            unknown: self.unknown,
            contacts: self.contacts.len() as u64,
            processed: 0,
            failed: 0,
            voicemail: 0,
            answered: 0,
            converted: 0,
            delivered: 0,
        };
        for contact in self.contacts.values() {
            if !matches!(contact.status, "queue" | "sending") {
                counts.processed += 1;
            }
            if contact.status == "delivered" {
                counts.delivered += 1;
            }
            match contact.status {
                "failed" | "busy" | "no-answer" | "rejected" | "unreachable" => counts.failed += 1,
                "voicemail" => counts.voicemail += 1,
                "answered" => counts.answered += 1,
                "converted" => counts.converted += 1,
                _ => {}
            }
        }
        counts
    }

    /// Every contact has been called and no call is still going on.
    pub(super) fn all_called(&self) -> bool {
        !self.contacts.is_empty()
            && self.dialing.is_empty()
            && self.contacts.values().all(|c| c.status != "queue")
    }
}

/// One row of a batch, its types checked.
struct Row {
    contact: Option<String>,
    name: Option<String>,
    context: Option<String>,
    extracted_data: Option<Map<String, Value>>,
    f_id: Option<String>,
}

fn read_row(index: usize, value: Value) -> Result<Row, ApiError> {
    let Value::Object(fields) = value else {
        return Err(invalid(format!(
            "contacts[{index}] must be an object (a ContactInput), not {}",
            crate::model::json_type(&value)
        )));
    };
    let mut row = Row {
        contact: None,
        name: None,
        context: None,
        extracted_data: None,
        f_id: None,
    };
    for (key, value) in fields {
        let text = |value: Value| match value {
            Value::Null => Ok(None),
            Value::String(text) => Ok(Some(text)),
            other => Err(invalid(format!(
                "contacts[{index}].{key} must be a string, not {}",
                crate::model::json_type(&other)
            ))),
        };
        match key.as_str() {
            "contact" => row.contact = text(value)?,
            "name" => row.name = text(value)?,
            "context" => row.context = text(value)?,
            "f_id" => row.f_id = text(value)?,
            "extracted_data" => match value {
                Value::Null => {}
                Value::Object(map) => row.extracted_data = Some(map),
                other => {
                    return Err(invalid(format!(
                        "contacts[{index}].extracted_data must be an object, not {}",
                        crate::model::json_type(&other)
                    )));
                }
            },
            _ => {
                return Err(invalid(format!(
                    "contacts[{index}] has an unknown field '{key}' (known: {})",
                    ROW_FIELDS.join(", ")
                )));
            }
        }
    }
    Ok(row)
}

fn contact_not_found(campaign: u64, id: &str) -> ApiError {
    ApiError::coded(
        404,
        "CONTACT_NOT_FOUND",
        format!("campaign {campaign} has no contact with id '{id}'"),
        json!({}),
    )
}

impl Campaigns {
    /// `POST /campaigns/{id}/contacts`.
    pub fn add_contacts(
        &self,
        campaign_id: &str,
        body: &[u8],
        idempotency_key: Option<&str>,
        now: SystemTime,
    ) -> Outcome {
        let key = check_key(idempotency_key)?;
        let mut inner = self.lock();
        let replay_key = key
            .zip(parse_id(campaign_id))
            .map(|(key, id)| ReplayKey::Contacts(id, key.to_owned()));
        if let Some(key) = &replay_key
            && let Some(reply) = inner.replays.get(key)
        {
            return Ok(reply);
        }
        let next_contact_id = inner.next_contact_id;
        let campaign = self.campaign(&mut inner, campaign_id, now)?;
        let mut fields = body_object(body)?;
        if let Some(unknown) = fields
            .keys()
            .find(|k| !matches!(k.as_str(), "contacts" | "if_duplicate"))
        {
            return Err(invalid(format!(
                "unknown field '{unknown}' (known: contacts, if_duplicate)"
            )));
        }
        let update = match fields.remove("if_duplicate") {
            None | Some(Value::Null) => false,
            Some(Value::String(text)) if text == "skip" => false,
            Some(Value::String(text)) if text == "update" => true,
            Some(other) => {
                return Err(invalid(format!(
                    "if_duplicate must be skip or update, not {other}"
                )));
            }
        };
        let rows = match fields.remove("contacts") {
            Some(Value::Array(rows)) => rows,
            Some(other) => {
                return Err(invalid(format!(
                    "contacts must be an array, not {}",
                    crate::model::json_type(&other)
                )));
            }
            None => return Err(invalid("contacts is required")),
        };
        if rows.is_empty() {
            return Err(invalid("contacts must hold at least one contact"));
        }
        if rows.len() > CONTACT_BATCH_LIMIT {
            return Err(invalid(format!(
                "at most {CONTACT_BATCH_LIMIT} contacts per request, not {}",
                rows.len()
            )));
        }
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
        // Every row's types first, so a malformed batch changes nothing.
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(index, value)| read_row(index, value))
            .collect::<Result<Vec<Row>, ApiError>>()?;

        let (mut created, mut updated, mut skipped, mut failed) = (0u64, 0u64, 0u64, 0u64);
        let mut next_id = next_contact_id;
        let mut results = Vec::with_capacity(rows.len());
        let book = &mut campaign.contacts;
        for (index, row) in rows.into_iter().enumerate() {
            let given = row.contact.clone();
            let phone = match row.contact.as_deref().map(str::trim) {
                None | Some("") => Err("MISSING_CONTACT"),
                Some(text) => crate::phone::normalize(text).map_err(|_| "INVALID_PHONE_NUMBER"),
            };
            let phone = match phone {
                Ok(phone) => phone,
                Err(code) => {
                    failed += 1;
                    results.push(json!({"index": index, "contact": given, "error": code}));
                    continue;
                }
            };
            let id = match book.by_phone.get(&phone) {
                Some(&existing) if update => {
                    let contact = book
                        .contacts
                        .get_mut(&existing)
                        .expect("indexed contacts exist");
                    if row.name.is_some() {
                        contact.name = row.name;
                    }
                    if row.context.is_some() {
                        contact.context = row.context;
                    }
                    if row.f_id.is_some() {
                        contact.f_id = row.f_id;
                    }
                    if let Some(data) = row.extracted_data {
                        contact.extracted_data.extend(data);
                    }
                    updated += 1;
                    existing
                }
                Some(&existing) => {
                    skipped += 1;
                    existing
                }
                None => {
                    let id = next_id;
                    next_id += 1;
                    book.contacts.insert(
                        id,
                        Contact {
                            id,
                            f_id: row.f_id,
                            name: row.name,
                            contact: phone.clone(),
                            status: "queue",
                            context: row.context,
                            call_count: 0,
                            billed_duration: 0,
                            last_call_at: None,
                            extracted_data: row.extracted_data.unwrap_or_default(),
                        },
                    );
                    book.by_phone.insert(phone.clone(), id);
                    created += 1;
                    id
                }
            };
            results.push(json!({"index": index, "id": id.to_string(), "contact": phone}));
        }
        let before = campaign.status;
        if campaign.status == Status::Pending && !campaign.contacts.is_empty() {
            campaign.status = Status::Ready;
        }
        if campaign.status == Status::Active {
            campaign.dial_queue(self.dialer.as_ref(), now);
        }
        self.changed(campaign, before, now);
        let reply = Reply::ok(json!({
            "success": true,
            "summary": {
                "created": created,
                "updated": updated,
                "skipped_duplicate": skipped,
                "failed": failed,
            },
            "results": results,
        }));
        inner.next_contact_id = next_id;
        if let Some(key) = replay_key {
            inner.replays.remember(key, reply.clone());
        }
        Ok(reply)
    }

    /// `GET /campaigns/{id}/contacts`: in the order added, `pageIndex`/`pageSize` paging, the
    /// `status` filter; `total_count` on the first page only, as the docs say of the API.
    pub fn list_contacts(
        &self,
        campaign_id: &str,
        query: &[(String, String)],
        now: SystemTime,
    ) -> Outcome {
        let query = query_map(query, &["status", "pageSize", "pageIndex"])?;
        let page_size =
            integer_parameter(&query, "pageSize", 1..=MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE)?;
        let page_index = integer_parameter(&query, "pageIndex", 0..=MAX_PAGE_INDEX, 0)?;
        let status = query.get("status").copied();
        if let Some(status) = status
            && !CONTACT_STATUSES.contains(&status)
        {
            return Err(invalid(format!(
                "status must be one of {}, not '{status}'",
                CONTACT_STATUSES.join(", ")
            )));
        }
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, campaign_id, now)?;
        let matching = |c: &&Contact| status.is_none_or(|s| c.status == s);
        let skip = page_index * page_size;
        let mut page: Vec<Value> = Vec::with_capacity(page_size);
        let mut has_next = false;
        for contact in campaign
            .contacts
            .contacts
            .values()
            .filter(matching)
            .skip(skip)
        {
            if page.len() == page_size {
                has_next = true;
                break;
            }
            page.push(contact.to_json());
        }
        let mut body = Map::new();
        if page_index == 0 {
            let total = campaign.contacts.contacts.values().filter(matching).count();
            body.insert("total_count".into(), total.into());
        }
        body.insert("contacts".into(), Value::Array(page));
        // Pages that do not exist are left out, not null: the spec types them integers.
        let mut pagination = json!({
            "page_index": page_index,
            "page_size": page_size,
            "has_next": has_next,
            "has_previous": page_index > 0,
        });
        if has_next {
            pagination["next_page"] = (page_index + 1).into();
        }
        if page_index > 0 {
            pagination["previous_page"] = (page_index - 1).into();
        }
        body.insert("pagination".into(), pagination);
        Ok(Reply::ok(Value::Object(body)))
    }

    /// `GET /campaigns/{id}/contacts/{contact_id}`.
    pub fn get_contact(&self, campaign_id: &str, contact_id: &str, now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, campaign_id, now)?;
        let contact = parse_id(contact_id)
            .and_then(|id| campaign.contacts.contacts.get(&id))
            .ok_or_else(|| contact_not_found(campaign.id, contact_id))?;
        Ok(Reply::ok(
            json!({"success": true, "contact": contact.to_json()}),
        ))
    }

    /// `DELETE /campaigns/{id}/contacts/{contact_id}`: only in `queue` or `failed`.
    pub fn delete_contact(&self, campaign_id: &str, contact_id: &str, now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, campaign_id, now)?;
        let campaign_id = campaign.id;
        let book = &mut campaign.contacts;
        let contact = parse_id(contact_id)
            .and_then(|id| book.contacts.get(&id))
            .ok_or_else(|| contact_not_found(campaign_id, contact_id))?;
        if !matches!(contact.status, "queue" | "failed") {
            return Err(ApiError::coded(
                409,
                "CONTACT_NOT_DELETABLE",
                format!(
                    "contact {} is {}: only contacts in queue or failed status can be deleted",
                    contact.id, contact.status
                ),
                json!({"current_status": contact.status}),
            ));
        }
        let (id, phone) = (contact.id, contact.contact.clone());
        book.contacts.remove(&id);
        book.by_phone.remove(&phone);
        Ok(Reply::ok(json!({"success": true})))
    }
}
