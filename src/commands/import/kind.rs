//! What the import engine needs to know about the records it creates: how one is read from a
//! JSON value or a CSV row and checked, the request that creates it, and where the answer
//! keeps its id. The engine (reading, ordering, journal, concurrency, 429 pauses, Ctrl-C)
//! knows nothing else about EndUsers, so another resource can reuse it with a kind of its own.

use serde_json::Value;

use crate::client::{Call, Method, Request};
use crate::error::Error;
use crate::model::EndUserData;

/// A record as read: its request body, or why it cannot be sent.
pub type Parsed = Result<Vec<u8>, String>;

/// A CSV column: the header name as written, and the field it fills.
pub struct CsvColumn {
    pub header: String,
    pub field: &'static str,
}

/// A description of one kind of record, as plain functions so it can be a `static`.
pub struct RecordKind {
    /// The path records are POSTed to, under the base URL.
    pub path: &'static str,
    /// A record from a JSON value (an NDJSON line, an element of an array).
    pub from_json: fn(Value) -> Parsed,
    /// The field a CSV column fills, from its header name (trimmed; matching it without case
    /// is the kind's business); `None` for a column the kind does not know, which refuses the
    /// whole input.
    pub csv_field: fn(&str) -> Option<&'static str>,
    /// The fields that need a column, each with how to name it in an error.
    pub csv_required: &'static [(&'static str, &'static str)],
    /// The known columns, as listed in an error about an unknown one.
    pub csv_known: &'static str,
    /// What to suggest for an unknown column, by its name.
    pub csv_unknown_hint: fn(&str) -> Option<String>,
    /// A record from the cells of a CSV row, paired with the fields their columns fill.
    pub from_csv: fn(&[(&'static str, String)]) -> Parsed,
    /// The id of the created record, from the 2xx answer.
    pub created_id: fn(&Value) -> Option<String>,
    /// The error of a record refused before sending, from the reason `from_json` or
    /// `from_csv` gave (an input error, maybe with the code the API would have answered).
    pub refused: fn(String) -> Error,
    /// Set when the API takes records in batches: the engine then sends up to `size()`
    /// records per request and reads each one's outcome from the answer.
    pub batch: Option<Box<dyn Batching>>,
    /// Whether a run keeps a journal when none is given (one per input file).
    pub default_journal: bool,
}

/// How records go many to a request (`POST /campaigns/{id}/contacts` takes 1000 contacts).
pub trait Batching: Send + Sync {
    /// Records per request.
    fn size(&self) -> usize;
    /// The request body for these records' bodies, in input order.
    fn body(&self, bodies: &[&[u8]]) -> Vec<u8>;
    /// The request that sends `body` under the `Idempotency-Key` `key` (random for each new
    /// batch, the journaled one when a batch is sent again), so a retry or a resumed run
    /// cannot add anything twice.
    fn call(&self, body: Vec<u8>, key: &str) -> Call;
    /// What makes two records one (a contact's phone number), hashed: a record repeated in the
    /// input is sent once. `None` when the record has no such thing.
    fn identity(&self, body: &[u8]) -> Option<u64>;
    /// What the 2xx answer says of each of `count` records, in batch order.
    fn outcomes(&self, answer: &Value, count: usize) -> Vec<super::Outcome>;
    /// Counts of the answer added up over the run for the summary, with their names.
    fn counts(&self, answer: &Value) -> Vec<(&'static str, u64)>;
}

impl RecordKind {
    /// The request that creates the record whose body is `body`.
    pub fn request(&self, body: Vec<u8>) -> Request {
        Request {
            method: Method::Post,
            path: self.path.to_owned(),
            body: Some(body),
        }
    }
}

/// EndUsers: `POST /enduser` with `display_name` and, optionally, `info`.
pub static ENDUSER: RecordKind = RecordKind {
    path: "/enduser",
    from_json: enduser_from_json,
    csv_field: enduser_csv_field,
    csv_required: &[("display_name", "display_name (or name)")],
    csv_known: "display_name or name, info",
    csv_unknown_hint: |_| None,
    from_csv: enduser_from_csv,
    created_id: id_field,
    refused: input_error,
    batch: None,
    default_journal: true,
};

/// A record refused before sending, as an input error.
pub fn input_error(reason: String) -> Error {
    Error::input(reason)
}

/// A `null` field is an absent one (`"info": null` from an export that writes every key).
fn enduser_from_json(mut value: Value) -> Parsed {
    if let Value::Object(fields) = &mut value {
        fields.retain(|_, field| !field.is_null());
    }
    enduser_body(EndUserData::from_json(value)?)
}

fn enduser_csv_field(header: &str) -> Option<&'static str> {
    match header.to_lowercase().as_str() {
        "display_name" | "name" => Some("display_name"),
        "info" => Some("info"),
        _ => None,
    }
}

/// An empty `info` cell leaves `info` out; an empty name is a failed record.
fn enduser_from_csv(cells: &[(&'static str, String)]) -> Parsed {
    let mut data = EndUserData::default();
    for (field, cell) in cells {
        match *field {
            "display_name" => data.display_name = Some(cell.clone()),
            _ => data.info = Some(cell.clone()).filter(|info| !info.is_empty()),
        }
    }
    enduser_body(data)
}

fn enduser_body(data: EndUserData) -> Parsed {
    data.check_for_create()?;
    Ok(data.to_body())
}

/// `id`, a string or (from a server that strays from the spec) a number.
pub fn id_field(answer: &Value) -> Option<String> {
    match answer.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    }
}
