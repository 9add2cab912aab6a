//! The export's index, `DIR/calls.ndjson` or `DIR/calls.csv` (contract section 21): one line
//! per exported call in listing order, written to a temporary file as results come and renamed
//! into place at the end of the run, so the index is always whole.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use tempfile::NamedTempFile;

use super::select::Campaign;
use crate::cli::IndexFormat;
use crate::error::{Error, Result};

/// The CSV columns, in the index's order; nested keys dotted.
pub(super) const COLUMNS: [&str; 14] = [
    "campaign_id",
    "campaign_name",
    "id",
    "created_at",
    "status",
    "answered_by",
    "duration",
    "tags",
    "contact.id",
    "contact.f_id",
    "contact.name",
    "contact.phone_number",
    "transcript",
    "recording",
];

/// One call's index entry, its keys in the contract's order.
pub(super) fn entry(
    campaign: &Campaign,
    call: &Value,
    transcript: Option<&str>,
    recording: Option<&str>,
) -> Value {
    let field = |key: &str| call.get(key).cloned().unwrap_or(Value::Null);
    let contact = call.get("contact");
    let contact_field = |key: &str| {
        contact
            .and_then(|c| c.get(key))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let campaign_id = campaign
        .id
        .parse::<u64>()
        .map(Value::from)
        .unwrap_or_else(|_| Value::from(campaign.id.clone()));
    let mut entry = Map::new();
    entry.insert("campaign_id".into(), campaign_id);
    entry.insert("campaign_name".into(), json!(campaign.name));
    for key in ["id", "created_at", "status", "answered_by", "duration"] {
        entry.insert(key.into(), field(key));
    }
    let tags = match call.get("tags") {
        Some(Value::Array(tags)) => Value::Array(tags.clone()),
        _ => Value::Array(Vec::new()),
    };
    entry.insert("tags".into(), tags);
    let mut person = Map::new();
    for key in ["id", "f_id", "name", "phone_number"] {
        person.insert(key.into(), contact_field(key));
    }
    entry.insert("contact".into(), Value::Object(person));
    entry.insert("transcript".into(), json!(transcript));
    entry.insert("recording".into(), json!(recording));
    Value::Object(entry)
}

/// A CSV cell: strings as they are, arrays joined with `;`, null empty.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| cell(Some(item)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => super::value_text(other),
    }
}

enum Writer {
    Ndjson(BufWriter<File>),
    Csv(Box<csv::Writer<File>>),
}

/// The index being written.
pub(super) struct Index {
    temp: NamedTempFile,
    writer: Writer,
    target: PathBuf,
}

fn write_error(e: impl std::fmt::Display) -> Error {
    Error::internal(format!("cannot write the index: {e}"))
}

impl Index {
    pub(super) fn file_name(format: IndexFormat) -> &'static str {
        match format {
            IndexFormat::Ndjson => "calls.ndjson",
            IndexFormat::Csv => "calls.csv",
        }
    }

    pub(super) fn start(dir: &Path, format: IndexFormat) -> Result<Index> {
        let temp = super::super::files::temp_file_in(dir, "calls").map_err(write_error)?;
        let file = temp.as_file().try_clone().map_err(write_error)?;
        let writer = match format {
            IndexFormat::Ndjson => Writer::Ndjson(BufWriter::new(file)),
            IndexFormat::Csv => {
                let mut writer = csv::Writer::from_writer(file);
                writer.write_record(COLUMNS).map_err(write_error)?;
                Writer::Csv(Box::new(writer))
            }
        };
        Ok(Index {
            temp,
            writer,
            target: dir.join(Index::file_name(format)),
        })
    }

    pub(super) fn push(&mut self, entry: &Value) -> Result<()> {
        match &mut self.writer {
            Writer::Ndjson(out) => {
                serde_json::to_writer(&mut *out, entry).map_err(write_error)?;
                out.write_all(b"\n").map_err(write_error)
            }
            Writer::Csv(out) => {
                let record: Vec<String> = COLUMNS
                    .iter()
                    .map(|column| cell(super::dotted(entry, column)))
                    .collect();
                out.write_record(&record).map_err(write_error)
            }
        }
    }

    /// Flushes, fsyncs and renames the index into place.
    pub(super) fn finish(self) -> Result<()> {
        match self.writer {
            Writer::Ndjson(mut out) => out.flush().map_err(write_error)?,
            Writer::Csv(mut out) => out.flush().map_err(write_error)?,
        }
        self.temp.as_file().sync_all().map_err(write_error)?;
        self.temp
            .persist(&self.target)
            .map(|_| ())
            .map_err(|e| write_error(e.error))
    }
}
