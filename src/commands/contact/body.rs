//! The bodies of the `contact` commands (contract section 17): the `ContactInput` of one contact from flags or
//! of many from an import's records, the batch body and its deterministic `Idempotency-Key`,
//! and the per-row results of the API's answer.

use serde_json::{Map, Value, json};

use crate::error::{Error, Result};
use crate::model::json_type;

/// `POST /campaigns/{id}/contacts`, which both `add` and `import` send.
pub const ADD: crate::client::Endpoint = crate::registry::CONTACT_ADD.endpoint;
pub const CONTACT_FIELDS: [&str; 5] = ["contact", "name", "context", "extracted_data", "f_id"];

/// The flags of `contact add`.
#[derive(Debug, Default, Clone)]
pub struct ContactFlags {
    pub phone: String,
    pub name: Option<String>,
    pub context: Option<String>,
    /// `KEY=VALUE` pairs for `extracted_data`.
    pub data: Vec<String>,
    pub external_id: Option<String>,
}

/// One `ContactInput` from the flags of `contact add`; a bad phone or `--data` is exit 2.
pub fn contact_from_flags(flags: &ContactFlags) -> Result<Map<String, Value>> {
    let phone = normalize_phone(&flags.phone).map_err(|e| Error::input(format!("--phone: {e}")))?;
    let mut contact = Map::new();
    contact.insert("contact".into(), phone.into());
    if let Some(name) = &flags.name {
        contact.insert("name".into(), name.clone().into());
    }
    if let Some(context) = &flags.context {
        contact.insert("context".into(), context.clone().into());
    }
    if !flags.data.is_empty() {
        let mut data = Map::new();
        for pair in &flags.data {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| Error::input(format!("--data '{pair}' is not KEY=VALUE")))?;
            if key.is_empty() {
                return Err(Error::input(format!(
                    "--data '{pair}' has no key before '='"
                )));
            }
            if data.insert(key.to_owned(), value.into()).is_some() {
                return Err(Error::input(format!("--data gives the key '{key}' twice")));
            }
        }
        contact.insert("extracted_data".into(), Value::Object(data));
    }
    if let Some(id) = &flags.external_id {
        contact.insert("f_id".into(), id.clone().into());
    }
    Ok(contact)
}

/// A record of `contact import` given as JSON (an NDJSON line or an array element): a
/// `ContactInput` whose phone is checked and normalised. The compact JSON to send, or why the
/// record fails without being sent.
pub fn contact_from_json(value: Value) -> std::result::Result<Vec<u8>, String> {
    let Value::Object(fields) = value else {
        return Err(format!(
            "expected a JSON object with the fields {}, found {}",
            CONTACT_FIELDS.join(", "),
            json_type(&value)
        ));
    };
    let mut contact = Map::new();
    for (key, value) in fields {
        match (key.as_str(), value) {
            (_, Value::Null) => {}
            ("contact" | "name" | "context" | "f_id", Value::String(text)) => {
                contact.insert(key, text.into());
            }
            ("extracted_data", Value::Object(data)) => {
                contact.insert(key, Value::Object(data));
            }
            ("contact" | "name" | "context" | "f_id" | "extracted_data", other) => {
                let wanted = if key == "extracted_data" {
                    "an object"
                } else {
                    "a string"
                };
                return Err(format!(
                    "field '{key}' must be {wanted}, found {}",
                    json_type(&other)
                ));
            }
            _ => {
                return Err(format!(
                    "unknown field '{key}' (known fields: {})",
                    CONTACT_FIELDS.join(", ")
                ));
            }
        }
    }
    finish(contact)
}

/// Why a record without a phone number fails.
const NO_PHONE: &str = "no phone number (the 'contact' field)";
/// How the reason for a phone number that is not E.164 begins.
const BAD_PHONE: &str = "the phone number '";

/// The number in E.164, or why not, naming it.
fn normalize_phone(text: &str) -> std::result::Result<String, String> {
    crate::phone::normalize(text).map_err(|why| format!("{BAD_PHONE}{text}' is not valid: {why}"))
}

/// A record refused before sending: an input error, with the code the API gives the same
/// row (`MISSING_CONTACT`, `INVALID_PHONE_NUMBER`) when the phone number is the reason.
pub fn refused(reason: String) -> Error {
    let code = if reason == NO_PHONE {
        Some("MISSING_CONTACT")
    } else if reason.starts_with(BAD_PHONE) {
        Some("INVALID_PHONE_NUMBER")
    } else {
        None
    };
    let error = Error::input(reason);
    match code {
        Some(code) => error.with_body(json!({"error": code})),
        None => error,
    }
}

/// Checks and normalises the phone number, then the body of one contact.
fn finish(mut contact: Map<String, Value>) -> std::result::Result<Vec<u8>, String> {
    let phone = match contact.get("contact").and_then(Value::as_str) {
        None => return Err(NO_PHONE.to_owned()),
        Some(text) if text.trim().is_empty() => return Err(NO_PHONE.to_owned()),
        Some(text) => normalize_phone(text)?,
    };
    contact.insert("contact".into(), phone.into());
    Ok(serde_json::to_vec(&Value::Object(contact)).expect("JSON values always serialize"))
}

/// The CSV columns of `contact import` (the header trimmed, matched without case): the field
/// each fills, `data.KEY` for `extracted_data.KEY` (KEY as written). `None` refuses the input.
pub fn csv_field(header: &str) -> Option<&'static str> {
    let lower = header.to_ascii_lowercase();
    Some(match lower.as_str() {
        "contact" | "phone" | "phone_number" => "contact",
        "name" => "name",
        "context" => "context",
        "f_id" | "external_id" => "f_id",
        _ => {
            let key = header.get(5..).filter(|_| lower.starts_with("data."))?;
            if key.is_empty() {
                return None;
            }
            // Once per column of the header: the engine keeps field names as `&'static str`.
            Box::leak(format!("data.{key}").into_boxed_str())
        }
    })
}

pub const CSV_KNOWN: &str =
    "contact (or phone, phone_number), name, context, f_id (or external_id), data.KEY";

/// A contact from the cells of one CSV row, paired with the fields their columns fill: empty
/// cells are left out (an empty phone is a failed record).
pub fn contact_from_csv(cells: &[(&'static str, String)]) -> std::result::Result<Vec<u8>, String> {
    let mut contact = Map::new();
    let mut data = Map::new();
    for (field, cell) in cells {
        if cell.is_empty() {
            continue;
        }
        let value = Value::String(cell.clone());
        match field.strip_prefix("data.") {
            Some(key) => data.insert(key.to_owned(), value),
            None => contact.insert((*field).to_owned(), value),
        };
    }
    if !data.is_empty() {
        contact.insert("extracted_data".into(), Value::Object(data));
    }
    finish(contact)
}

/// `{"contacts":[...],"if_duplicate":"skip"}` from the contacts' compact JSON bodies.
pub fn batch_body(contacts: &[&[u8]], if_duplicate: &str) -> Vec<u8> {
    let mut body = Vec::with_capacity(contacts.iter().map(|c| c.len() + 1).sum::<usize>() + 48);
    body.extend_from_slice(b"{\"contacts\":[");
    for (i, contact) in contacts.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(contact);
    }
    body.extend_from_slice(b"],\"if_duplicate\":");
    body.extend_from_slice(json!(if_duplicate).to_string().as_bytes());
    body.push(b'}');
    body
}

/// What the API's answer says of one contact of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowResult {
    Added {
        id: Option<String>,
        contact: Option<String>,
    },
    Failed {
        code: String,
    },
    /// The answer has no result for this contact, but says it did not add one
    /// (`"success": false`, or more `summary.failed` than rows with an error).
    NotAdded,
    /// The answer has no result for this contact.
    Missing,
}

/// The per-row results of a `ContactBatchResponse` for a batch of `count` contacts, in batch
/// order (matched by `index`, or by position when the API leaves `index` out). Rows the answer
/// leaves out are `NotAdded` when its `success` or `summary.failed` says so.
pub fn batch_results(answer: &Value, count: usize) -> Vec<RowResult> {
    let mut rows = vec![RowResult::Missing; count];
    let Some(results) = answer.get("results").and_then(Value::as_array) else {
        return rows;
    };
    for (position, result) in results.iter().enumerate() {
        let index = result
            .get("index")
            .and_then(Value::as_u64)
            .map_or(position, |i| i as usize);
        let Some(row) = rows.get_mut(index) else {
            continue;
        };
        let text = |key: &str| match result.get(key) {
            Some(Value::String(text)) => Some(text.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        *row = match text("error") {
            Some(code) => RowResult::Failed { code },
            None => RowResult::Added {
                id: text("id"),
                contact: text("contact"),
            },
        };
    }
    not_added(answer, &mut rows);
    rows
}

/// Trusts the answer's own word for the rows it has no result for.
fn not_added(answer: &Value, rows: &mut [RowResult]) {
    let missing = rows.iter().filter(|r| **r == RowResult::Missing).count() as u64;
    if missing == 0 {
        return;
    }
    let failed_rows = rows
        .iter()
        .filter(|r| matches!(r, RowResult::Failed { .. }))
        .count() as u64;
    let [.., failed] = batch_summary(answer);
    let refused = answer.get("success") == Some(&Value::Bool(false))
        || failed.saturating_sub(failed_rows) >= missing;
    if refused {
        for row in rows.iter_mut().filter(|r| **r == RowResult::Missing) {
            *row = RowResult::NotAdded;
        }
    }
}

/// Why a contact the answer counts as failed, without a row of its own, failed.
pub const NOT_ADDED: &str =
    "the API did not add this contact (its answer counts it as failed, without saying why)";

/// The words for a row's error code.
pub fn row_error_message(code: &str) -> String {
    match code {
        "INVALID_PHONE_NUMBER" => "the API refused the phone number as invalid".to_owned(),
        "MISSING_CONTACT" => "the API found no phone number in the record".to_owned(),
        "SERVER_ERROR" => "the API failed on this contact; it may be sent again".to_owned(),
        other => format!("the API refused the contact: {other}"),
    }
}

/// The API's `summary` counts of a batch: created, updated, skipped_duplicate, failed.
pub fn batch_summary(answer: &Value) -> [u64; 4] {
    let summary = answer.get("summary");
    ["created", "updated", "skipped_duplicate", "failed"].map(|key| {
        summary
            .and_then(|s| s.get(key))
            .and_then(Value::as_u64)
            .unwrap_or(0)
    })
}

#[cfg(test)]
mod tests;
