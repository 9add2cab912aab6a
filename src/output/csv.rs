//! `-o csv` for lists (contract section 21): RFC 4180 with a header row, written with the
//! `csv` crate into the one stdout sink as items arrive. The columns are the table's, or
//! `--fields`; values are written as the API gives them, not as the table shows them.

use serde_json::Value;

use super::table::field_at;
use super::{Output, StdoutBytes};
use crate::error::{Error, Kind, Result};

/// The columns `--fields` asked for: checked once, kept for the process (like `--jq`).
pub fn parse_fields(fields: &[String]) -> Result<Vec<String>> {
    let mut columns = Vec::new();
    for field in fields {
        let field = field.trim();
        if field.is_empty() || field.split('.').any(str::is_empty) {
            return Err(Error::input(format!(
                "--fields: '{}' is not a field name or a dotted path (like contact.f_id)",
                crate::error::for_terminal(field)
            ))
            .with_hint("give comma-separated names: --fields id,status,contact.f_id"));
        }
        columns.push(field.to_owned());
    }
    if columns.is_empty() {
        return Err(Error::input("--fields needs at least one field name"));
    }
    Ok(columns)
}

/// The text of one cell: strings as they are, numbers and booleans as JSON writes them,
/// null or missing as an empty cell, arrays as their elements joined with `;` (each one a
/// cell of its own), objects as compact JSON.
pub fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::Array(_) => item.to_string(),
                other => cell(Some(other)),
            })
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

/// The rows of one list: the header goes out before the first row (or alone, for an empty
/// list); each row leaves with the sink's next write (at once on a terminal).
pub struct CsvRows<'o> {
    out: &'o Output,
    columns: Vec<String>,
    writer: csv::Writer<StdoutBytes<'o>>,
    header_written: bool,
}

impl<'o> CsvRows<'o> {
    pub fn new(out: &'o Output, columns: Vec<String>) -> CsvRows<'o> {
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(StdoutBytes::new(out));
        CsvRows {
            out,
            columns,
            writer,
            header_written: false,
        }
    }

    /// Writes the row of `item`. Values are raw, except on a terminal, where control
    /// characters other than newline and tab are replaced, as in every table.
    pub fn row(&mut self, item: &Value) -> Result<()> {
        self.header()?;
        let terminal = self.out.with_sink(super::Sink::is_terminal);
        let cells: Vec<String> = self
            .columns
            .iter()
            .map(|column| cell(field_at(item, column)))
            .map(|text| match terminal {
                true => crate::error::for_terminal(&text).into_owned(),
                false => text,
            })
            .collect();
        self.writer.write_record(&cells).map_err(csv_error)?;
        self.end()
    }

    /// Ends the list: the header alone when there was no row.
    pub fn finish(&mut self) -> Result<()> {
        self.header()
    }

    fn header(&mut self) -> Result<()> {
        if std::mem::replace(&mut self.header_written, true) {
            return Ok(());
        }
        self.writer.write_record(&self.columns).map_err(csv_error)?;
        self.end()
    }

    fn end(&mut self) -> Result<()> {
        self.writer.flush().map_err(io_error)?;
        self.out.with_sink(super::Sink::end_result)
    }
}

fn csv_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => io_error(e),
        other => Error::internal(format!("cannot write CSV: {other:?}")),
    }
}

fn io_error(error: std::io::Error) -> Error {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Error::new(Kind::StdoutClosed, "stdout was closed")
    } else {
        Error::internal(format!("cannot write to stdout: {error}"))
    }
}
