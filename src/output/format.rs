//! Results in the chosen format: a single resource (`-o json|ndjson|table|id`), the items of a
//! list as they arrive, and `--jq`'s results. Lists write the items they are given as raw JSON
//! slices ([`RawValue`]); a `Value` tree is built only where a table or an id needs a look
//! inside.

use std::sync::Arc;

use serde_json::Value;
use serde_json::value::RawValue;

use super::csv::CsvRows;
use super::resource::Resource;
use super::table::{cell_text, field_at, list_table, resource_table};
use super::{Output, Sink};
use crate::cli::OutputFormat;
use crate::error::{Error, Kind, Result};
use crate::jq::Jq;
use crate::json::compact_into;

impl Output {
    /// Runs `--jq` on `value`, one whole result, and writes each of the filter's results on its
    /// own line, now.
    pub fn print_jq(&self, jq: &Arc<Jq>, value: &Value) -> Result<()> {
        let text = serde_json::to_vec(value).expect("a Value always serializes");
        self.print_jq_bytes(jq, &text)?;
        self.with_sink(Sink::flush_all)
    }

    /// Runs `--jq` on a JSON document given as bytes (a page, an item): its results leave with
    /// the next 64 KiB, or at once on a terminal; results before a failing one are kept.
    pub fn print_jq_bytes(&self, jq: &Arc<Jq>, bytes: &[u8]) -> Result<()> {
        jq.run_bytes(bytes, &mut |text| self.with_sink(|sink| sink.write(text)))?;
        self.with_sink(Sink::end_result)
    }

    /// Prints a single resource in the chosen format. Where the API wraps it
    /// (`{"success": true, "campaign": {...}}`), every format shows the resource inside
    /// (contract section 20).
    pub fn print_resource(
        &self,
        body: &Value,
        resource: &Resource,
        format: OutputFormat,
    ) -> Result<()> {
        self.print_answer(body, resource, format, None)
    }

    /// [`Output::print_resource`] after a write (`verb`: "created", "updated", "paused" ...): when `-o id`
    /// or `--jq` then fails, the message says the write itself succeeded, so a script does not
    /// send it again.
    pub fn print_written(
        &self,
        body: &Value,
        resource: &Resource,
        format: OutputFormat,
        verb: &str,
    ) -> Result<()> {
        self.print_answer(body, resource, format, Some(verb))
    }

    fn print_answer(
        &self,
        body: &Value,
        resource: &Resource,
        format: OutputFormat,
        verb: Option<&str>,
    ) -> Result<()> {
        let inner = resource.inside(body);
        let done = || {
            let id = resource
                .id_of(inner)
                .map(|id| format!(" (id {id})"))
                .unwrap_or_default();
            match verb {
                Some(verb) => format!("the {} was {verb}{id}", resource.name),
                None => "the request succeeded".to_owned(),
            }
        };
        if let Some(jq) = self.jq() {
            return self.print_jq(jq, inner).map_err(|e| match e.kind {
                Kind::Jq => Error::new(
                    Kind::Jq,
                    format!("{}; the --jq filter failed: {}", done(), e.message),
                ),
                _ => e,
            });
        }
        let text = match format {
            OutputFormat::Json => pretty(inner),
            OutputFormat::Ndjson => format!("{inner}\n"),
            OutputFormat::Id => match resource.id_of(inner) {
                Some(id) => format!("{id}\n"),
                None => {
                    return Err(Error::new(
                        Kind::Server,
                        format!("{}, but the answer holds no id to print", done()),
                    )
                    .with_hint("run it with -o json to see the answer"));
                }
            },
            // Lists and threads only: refused elsewhere by the global-option policy.
            OutputFormat::Table | OutputFormat::Csv | OutputFormat::Transcript => {
                resource_table(inner, resource)
            }
        };
        self.stdout(&text)
    }

    /// Pretty-printed JSON and one trailing newline.
    pub fn print_json(&self, value: &Value) -> Result<()> {
        if let Some(jq) = self.jq() {
            return self.print_jq(jq, value);
        }
        self.stdout(&pretty(value))
    }
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a Value always serializes");
    text.push('\n');
    text
}

/// JSON on one line, key order kept.
pub fn compact(value: &Value) -> String {
    value.to_string()
}

/// Prints the items of a list as they arrive (contract section 12): `json` one array,
/// `ndjson` one item per line, `id` one id per line, `table` one row per item with the
/// description's columns, `csv` a header and one row per item (the same columns, or
/// `--fields`), written as each item comes. With `--jq` and `json`, the filter needs the whole
/// array, so the items are kept until the end; with `ndjson` it runs on each item.
pub struct ListPrinter<'r> {
    out: &'r Output,
    resource: &'r Resource,
    format: OutputFormat,
    jq: Option<&'r Arc<Jq>>,
    count: u64,
    rows: Vec<Vec<String>>,
    kept: Vec<Value>,
    csv: Option<CsvRows<'r>>,
    closed: bool,
}

impl<'r> ListPrinter<'r> {
    pub fn new(out: &'r Output, resource: &'r Resource, format: OutputFormat) -> ListPrinter<'r> {
        let csv = (format == OutputFormat::Csv).then(|| {
            let columns = match out.fields() {
                Some(fields) => fields.to_vec(),
                None => resource.columns.iter().map(|c| (*c).to_owned()).collect(),
            };
            CsvRows::new(out, columns)
        });
        ListPrinter {
            out,
            resource,
            format,
            jq: out.jq(),
            count: 0,
            rows: Vec::new(),
            kept: Vec::new(),
            csv,
            closed: false,
        }
    }

    /// The output the list prints on (for the notes that go with it).
    pub fn out(&self) -> &'r Output {
        self.out
    }

    /// How many items were printed (or kept) so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn item(&mut self, item: &Value) -> Result<()> {
        match (self.format, self.jq) {
            (OutputFormat::Json | OutputFormat::Ndjson, None) => {
                let text = serde_json::to_string(item).expect("a Value always serializes");
                self.raw_text(text.as_bytes())
            }
            _ => self.parsed(item),
        }
    }

    /// An item as the server sent it: written as its bytes (whitespace removed) with
    /// `-o json|ndjson`; parsed only for a table, an id or `--jq`.
    pub fn raw_item(&mut self, item: &RawValue) -> Result<()> {
        match (self.format, self.jq) {
            (OutputFormat::Json | OutputFormat::Ndjson, None) => {
                self.raw_text(item.get().as_bytes())
            }
            (OutputFormat::Ndjson, Some(jq)) => {
                self.count += 1;
                self.out.print_jq_bytes(jq, item.get().as_bytes())
            }
            _ => {
                let value: Value = serde_json::from_str(item.get())
                    .map_err(|e| Error::new(Kind::Server, format!("an item is not JSON: {e}")))?;
                self.parsed(&value)
            }
        }
    }

    fn raw_text(&mut self, json: &[u8]) -> Result<()> {
        self.count += 1;
        let lead: &[u8] = match (self.format, self.count) {
            (OutputFormat::Json, 1) => b"[\n  ",
            (OutputFormat::Json, _) => b",\n  ",
            _ => b"",
        };
        let ndjson = self.format == OutputFormat::Ndjson;
        self.out.with_sink(|sink| {
            let buf = sink.buffer()?;
            buf.extend_from_slice(lead);
            compact_into(json, buf);
            if ndjson {
                buf.push(b'\n');
            }
            sink.wrote()?;
            sink.end_result()
        })
    }

    fn parsed(&mut self, item: &Value) -> Result<()> {
        self.count += 1;
        match (self.format, self.jq) {
            (OutputFormat::Json, Some(_)) => {
                self.kept.push(item.clone());
                Ok(())
            }
            (OutputFormat::Ndjson, Some(jq)) => self.out.print_jq_bytes(
                jq,
                &serde_json::to_vec(item).expect("a Value always serializes"),
            ),
            (OutputFormat::Json | OutputFormat::Ndjson, None) => {
                unreachable!("written as text")
            }
            (OutputFormat::Id, _) => match self.resource.id_of(item) {
                Some(id) => self.out.stdout_part(format!("{id}\n").as_bytes()),
                None => {
                    self.out
                        .warn(&format!("item {} has no id to print", self.count));
                    Ok(())
                }
            },
            (OutputFormat::Csv, _) => match &mut self.csv {
                Some(csv) => csv.row(item),
                None => Ok(()),
            },
            (OutputFormat::Table | OutputFormat::Transcript, _) => {
                let row = self
                    .resource
                    .columns
                    .iter()
                    .map(|column| field_at(item, column).map(cell_text).unwrap_or_default())
                    .collect();
                self.rows.push(row);
                Ok(())
            }
        }
    }

    /// Ends a list cut short by a failure: what was shown stays valid (a JSON array is
    /// closed, a table's rows are printed); `--jq` over the whole array does not run.
    pub fn close_after_failure(&mut self) -> Result<()> {
        self.jq = None;
        self.close()
    }

    fn close(&mut self) -> Result<()> {
        if std::mem::replace(&mut self.closed, true) {
            return Ok(());
        }
        match (self.format, self.jq) {
            (OutputFormat::Json, Some(jq)) => self
                .out
                .print_jq(jq, &Value::Array(std::mem::take(&mut self.kept))),
            (OutputFormat::Json, None) if self.count == 0 => self.out.stdout("[]\n"),
            (OutputFormat::Json, None) => self.out.stdout("\n]\n"),
            (OutputFormat::Csv, _) => match &mut self.csv {
                Some(csv) => csv.finish(),
                None => Ok(()),
            },
            (OutputFormat::Table | OutputFormat::Transcript, _) if self.count == 0 => {
                self.out.note(&format!("no {}", self.resource.plural()));
                Ok(())
            }
            (OutputFormat::Table | OutputFormat::Transcript, _) => {
                let header: Vec<String> = self
                    .resource
                    .columns
                    .iter()
                    .map(|c| c.to_string())
                    .collect();
                self.out.stdout(&list_table(&header, &self.rows))
            }
            _ => Ok(()),
        }
    }

    /// Ends the list: closes the JSON array, runs `--jq` on it, prints the table, or writes
    /// the CSV header of an empty list.
    pub fn finish(mut self) -> Result<()> {
        self.close()
    }
}
