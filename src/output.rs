//! Everything `altur` prints. Results go to stdout, diagnostics to stderr, and all of it passes
//! through [`secret::redact`] first, so no code path can print the API key.

use std::io::{IsTerminal, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde_json::Value;

use crate::cli::OutputFormat;
use crate::config::Settings;
use crate::error::{Error, Result};
use crate::jq::Jq;
use crate::secret::redact;

/// Writes `text` to stdout. A closed pipe (`altur ... | head -1`) ends the program quietly.
pub fn stdout(text: &str) -> Result<()> {
    let text = redact(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::internal(format!("cannot write to stdout: {e}"))),
    }
}

/// Writes one line to stderr. Errors writing diagnostics are ignored: there is nowhere to say so.
pub fn stderr_line(text: &str) {
    let mut line = redact(text).into_owned();
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

pub fn warn(message: &str) {
    stderr_line(&format!("altur: warning: {}", for_terminal(message)));
}

pub fn note(message: &str) {
    stderr_line(&format!("altur: {}", for_terminal(message)));
}

/// Prints an error: one JSON object when JSON was asked for, else `altur: error: ...`.
pub fn print_error(error: &Error, as_json: bool) {
    if as_json {
        stderr_line(&error.to_json().to_string());
        return;
    }
    stderr_line(&format!("altur: error: {}", for_terminal(&error.message)));
    if let Some(hint) = &error.hint {
        stderr_line(&format!("altur: hint: {}", for_terminal(hint)));
    }
}

/// Replaces control characters other than newline and tab, so text from the server cannot
/// send escape sequences to the terminal.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

/// What the printer needs to know about a resource: which fields come first in its table,
/// which are the columns of a list, which field is the id, and where the API puts the
/// resource in its answers. Every resource command describes its resource with one of these.
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    /// As people call it: "EndUser", "campaign".
    pub name: &'static str,
    /// Shown first, in this order, in a single resource's table; the rest follow in the
    /// server's order.
    pub fields: &'static [&'static str],
    /// The columns of a list's table (dotted for nested fields: `agent.name`).
    pub columns: &'static [&'static str],
    pub id: &'static str,
    /// The key the resource sits under in `{"success": true, "<wrapper>": {...}}`.
    pub wrapper: Option<&'static str>,
}

impl Resource {
    /// The resource inside an answer: under its wrapper key when the answer has it.
    pub fn inside<'v>(&self, body: &'v Value) -> &'v Value {
        match self.wrapper.and_then(|key| body.get(key)) {
            Some(inner) if inner.is_object() => inner,
            _ => body,
        }
    }

    /// The id of `item`, when it has one that can be printed.
    pub fn id_of(&self, item: &Value) -> Option<String> {
        match item.get(self.id) {
            Some(Value::String(id)) => Some(id.clone()),
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        }
    }
}

/// The `--jq` filter, compiled once before anything is sent.
static JQ: std::sync::OnceLock<Jq> = std::sync::OnceLock::new();

/// Compiles `--jq` and checks it against `-o` (contract section 12): a filter that does not
/// compile, or one with `-o table` or `-o id`, is a usage error, before anything is sent.
pub fn use_jq(code: Option<&str>, format: Option<OutputFormat>) -> Result<()> {
    let Some(code) = code else { return Ok(()) };
    if let Some(format @ (OutputFormat::Table | OutputFormat::Id)) = format {
        let name = if format == OutputFormat::Table {
            "table"
        } else {
            "id"
        };
        return Err(Error::input(format!(
            "--jq cannot be used with -o {name}: it filters JSON (use -o json or -o ndjson)"
        )));
    }
    let jq = Jq::compile(code)?;
    let _ = JQ.set(jq);
    Ok(())
}

/// The `--jq` filter, if one was given.
pub fn jq() -> Option<&'static Jq> {
    JQ.get()
}

/// The format to print in: `--jq` implies `-o json` when no `-o` was given.
pub fn format_for(settings: &Settings) -> OutputFormat {
    if jq().is_some() && !settings.output_explicit {
        OutputFormat::Json
    } else {
        settings.output
    }
}

/// Runs `--jq` on `value` and prints each result on its own line, in one write (a write per
/// line made `--paginate --jq '.items[]'` three times slower).
pub fn print_jq(jq: &Jq, value: &Value) -> Result<()> {
    let mut text = String::new();
    let ran = jq.run(value, |line| {
        text.push_str(line);
        text.push('\n');
        Ok(())
    });
    // Results before a failing one are still printed.
    stdout(&text)?;
    ran
}

/// Prints a single resource in the chosen format: `json` is the body as received, `ndjson`
/// the same on one line, `table` and `id` show the resource inside its wrapper.
pub fn print_resource(body: &Value, resource: &Resource, format: OutputFormat) -> Result<()> {
    if let Some(jq) = jq() {
        return print_jq(jq, body);
    }
    let inner = resource.inside(body);
    match format {
        OutputFormat::Json => print_json(body),
        OutputFormat::Ndjson => stdout(&format!("{}\n", compact(body))),
        OutputFormat::Id => match resource.id_of(inner) {
            Some(id) => stdout(&format!("{id}\n")),
            None => {
                warn("the answer has no id to print");
                Ok(())
            }
        },
        OutputFormat::Table => stdout(&resource_table(inner, resource)),
    }
}

/// Pretty-printed JSON and one trailing newline.
pub fn print_json(value: &Value) -> Result<()> {
    if let Some(jq) = jq() {
        return print_jq(jq, value);
    }
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::internal(format!("cannot format JSON: {e}")))?;
    text.push('\n');
    stdout(&text)
}

/// JSON on one line, key order kept.
pub fn compact(value: &Value) -> String {
    value.to_string()
}

/// One row per field: the description's fields first, the others in the server's order;
/// nested objects flattened (`agent.name`), arrays as JSON. comfy-table measures display
/// width, so CJK and emoji keep it aligned.
pub fn resource_table(item: &Value, resource: &Resource) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    match item {
        Value::Object(map) => {
            for key in resource.fields {
                if let Some(value) = map.get(*key) {
                    flatten(key, value, &mut rows);
                }
            }
            for (key, value) in map {
                if !resource.fields.contains(&key.as_str()) {
                    flatten(key, value, &mut rows);
                }
            }
        }
        other => rows.push(("value".to_owned(), cell_text(other))),
    }
    key_value_table(&rows)
}

/// `value` as rows named `name`, `name.field`, `name.field.inner` ...
fn flatten(name: &str, value: &Value, rows: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                flatten(&format!("{name}.{key}"), inner, rows);
            }
        }
        other => rows.push((name.to_owned(), cell_text(other))),
    }
}

/// The value at a dotted path (`agent.name`), for list columns.
fn field_at<'v>(item: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(item, |value, key| value.get(key))
}

/// Prints the items of a list as they arrive (contract section 12): `json` one array streamed
/// item by item, `ndjson` one item per line, `id` one id per line, `table` one row per item
/// with the description's columns. With `--jq` and `json`, the filter needs the whole array,
/// so the items are kept until the end; with `ndjson` it runs on each item.
pub struct ListPrinter<'r> {
    resource: &'r Resource,
    format: OutputFormat,
    count: u64,
    rows: Vec<Vec<String>>,
    kept: Vec<Value>,
}

impl<'r> ListPrinter<'r> {
    pub fn new(resource: &'r Resource, format: OutputFormat) -> ListPrinter<'r> {
        ListPrinter {
            resource,
            format,
            count: 0,
            rows: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// How many items were printed (or kept) so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn item(&mut self, item: &Value) -> Result<()> {
        self.count += 1;
        match (self.format, jq()) {
            (OutputFormat::Json, Some(_)) => {
                self.kept.push(item.clone());
                Ok(())
            }
            (OutputFormat::Ndjson, Some(jq)) => print_jq(jq, item),
            (OutputFormat::Json, None) => {
                let text = serde_json::to_string_pretty(item)
                    .map_err(|e| Error::internal(format!("cannot format JSON: {e}")))?;
                let lead = if self.count == 1 { "[\n  " } else { ",\n  " };
                stdout(&format!("{lead}{}", text.replace('\n', "\n  ")))
            }
            (OutputFormat::Ndjson, None) => stdout(&format!("{}\n", compact(item))),
            (OutputFormat::Id, _) => match self.resource.id_of(item) {
                Some(id) => stdout(&format!("{id}\n")),
                None => {
                    warn(&format!("item {} has no id to print", self.count));
                    Ok(())
                }
            },
            (OutputFormat::Table, _) => {
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

    /// Ends the list: closes the JSON array, runs `--jq` on it, or prints the table.
    pub fn finish(self) -> Result<()> {
        match (self.format, jq()) {
            (OutputFormat::Json, Some(jq)) => print_jq(jq, &Value::Array(self.kept)),
            (OutputFormat::Json, None) if self.count == 0 => stdout("[]\n"),
            (OutputFormat::Json, None) => stdout("\n]\n"),
            (OutputFormat::Table, _) => {
                let header: Vec<String> = self
                    .resource
                    .columns
                    .iter()
                    .map(|c| c.to_string())
                    .collect();
                stdout(&list_table(&header, &self.rows))
            }
            _ => Ok(()),
        }
    }
}

/// A table with a header row, ending in a newline.
fn list_table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    if table.width().is_some_and(|width| width >= MIN_WRAP_WIDTH) {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    table.set_header(header.iter().map(|h| Cell::new(for_terminal(h))));
    for row in rows {
        table.add_row(
            row.iter()
                .map(|cell| Cell::new(for_terminal(&redact(cell)))),
        );
    }
    format!("{table}\n")
}

/// Writes bytes to stdout as they are, except that the key is redacted, also when it is
/// split between two writes: the last `HELD_BACK` bytes wait for the next write (or
/// [`StdoutBytes::finish`]). For answers that are not JSON (CSV, audio, text).
pub struct StdoutBytes {
    held: Vec<u8>,
}

/// Longer than any key, so a key split between two writes is whole in one redaction.
const HELD_BACK: usize = 4096;

impl StdoutBytes {
    pub fn new() -> StdoutBytes {
        StdoutBytes { held: Vec::new() }
    }

    /// Writes what is held back.
    pub fn finish(mut self) -> Result<()> {
        let held = std::mem::take(&mut self.held);
        write_stdout_bytes(&redact_bytes(&held))
    }
}

impl Default for StdoutBytes {
    fn default() -> Self {
        Self::new()
    }
}

impl Write for StdoutBytes {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.held.extend_from_slice(bytes);
        if self.held.len() > 2 * HELD_BACK {
            let redacted = redact_bytes(&self.held);
            let cut = redacted.len() - HELD_BACK;
            raw_stdout(&redacted[..cut])?;
            self.held = redacted[cut..].to_vec();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn raw_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => other,
    }
}

fn write_stdout_bytes(bytes: &[u8]) -> Result<()> {
    raw_stdout(bytes)
        .and_then(|()| std::io::stdout().lock().flush())
        .map_err(|e| Error::internal(format!("cannot write to stdout: {e}")))
}

/// Writes bytes to stdout as they are, the key redacted.
pub fn stdout_bytes(bytes: &[u8]) -> Result<()> {
    write_stdout_bytes(&redact_bytes(bytes))
}

/// The key redacted from bytes that need not be UTF-8: only the text runs can hold it (a key
/// is printable ASCII), and every other byte is kept as it is.
fn redact_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.extend_from_slice(redact(chunk.valid()).as_bytes());
        out.extend_from_slice(chunk.invalid());
    }
    out
}

/// The narrowest terminal the table is wrapped to fit.
const MIN_WRAP_WIDTH: u16 = 40;

/// A two-column table of names and values, ending in a newline.
pub fn key_value_table(rows: &[(String, String)]) -> String {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    // Wrap to the terminal's width, unless it reports none or an unusable one (a pseudo-terminal
    // without a size says 0), where wrapping would squeeze every cell to a letter.
    if table.width().is_some_and(|width| width >= MIN_WRAP_WIDTH) {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for (name, value) in rows {
        // Redacted cell by cell, before the layout: wrapping a cell on a narrow terminal could
        // split a key across lines, where redacting the finished table would miss it.
        let (name, value) = (redact(name), redact(value));
        let mut name_cell = Cell::new(for_terminal(&name));
        if colour {
            name_cell = name_cell.add_attribute(comfy_table::Attribute::Bold);
        }
        table.add_row(vec![name_cell, Cell::new(for_terminal(&value))]);
    }
    format!("{table}\n")
}

fn cell_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAMPAIGN: Resource = Resource {
        name: "campaign",
        fields: &["id", "name"],
        columns: &["id", "name", "agent.name"],
        id: "id",
        wrapper: Some("campaign"),
    };

    #[test]
    fn tables_flatten_nested_objects_and_show_arrays_as_json() {
        let v: Value = serde_json::from_str(
            r#"{"success":true,"campaign":{"agent":{"name":"Eve","id":"a1"},"id":42,"name":"Spring","tags":["x",1],"empty":{}}}"#,
        )
        .unwrap();
        let inner = CAMPAIGN.inside(&v);
        assert_eq!(CAMPAIGN.id_of(inner).as_deref(), Some("42"));
        let t = resource_table(inner, &CAMPAIGN);
        let order: Vec<usize> = ["│ id ", "│ name ", "agent.name", "agent.id", "tags"]
            .iter()
            .map(|k| t.find(k).unwrap_or_else(|| panic!("{k} in {t}")))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{t}");
        assert!(t.contains(r#"["x",1]"#) && t.contains("{}"), "{t}");
        assert!(!t.contains("success"), "the wrapper is not shown: {t}");
    }

    #[test]
    fn list_columns_read_dotted_paths() {
        let item: Value = serde_json::from_str(r#"{"id":1,"agent":{"name":"Eve"}}"#).unwrap();
        assert_eq!(field_at(&item, "agent.name"), Some(&Value::from("Eve")));
        assert_eq!(field_at(&item, "agent.missing"), None);
    }

    #[test]
    fn byte_redaction_keeps_other_bytes_and_finds_keys_in_text_runs() {
        let key = crate::secret::Secret::new("byte-run-key-0012345").unwrap();
        let mut bytes = vec![0xff, 0xfe, b'a'];
        bytes.extend_from_slice(key.expose().as_bytes());
        bytes.extend_from_slice(&[0x80, b'z']);
        let out = redact_bytes(&bytes);
        assert_eq!(
            out,
            [&[0xff, 0xfe, b'a'][..], b"[REDACTED]", &[0x80, b'z']].concat()
        );
        assert_eq!(redact_bytes(&[0, 1, 0xc3]), [0, 1, 0xc3]);
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(for_terminal("a\x1b[31mb\nc"), "a\u{FFFD}[31mb\nc");
        assert!(matches!(
            for_terminal("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn table_cells_are_redacted_before_they_can_be_wrapped() {
        let key = crate::secret::Secret::new("table-cell-key-0007").unwrap();
        let rows = [("info".to_owned(), format!("long text {}", key.expose()))];
        let table = key_value_table(&rows);
        assert!(table.contains("long text [REDACTED]"), "{table}");
    }

    #[test]
    fn table_puts_known_fields_first_and_keeps_extras() {
        let v: Value = serde_json::from_str(
            r#"{"extra":1,"info":"i","id":"x","display_name":"n","integration_type":"api"}"#,
        )
        .unwrap();
        let t = resource_table(&v, &crate::commands::enduser::ENDUSER);
        let order: Vec<usize> = ["id", "display_name", "integration_type", "info", "extra"]
            .iter()
            .map(|k| t.find(k).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{t}");
    }
}
