//! Everything `altur` prints. Results go to stdout, diagnostics to stderr, and all of it passes
//! through [`secret::redact`] first, so no code path can print the API key.

use std::io::{IsTerminal, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde_json::Value;

use crate::cli::OutputFormat;
use crate::error::{Error, Result};
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

/// Prints an EndUser in the chosen format.
pub fn print_enduser(enduser: &Value, format: OutputFormat) -> Result<()> {
    match format {
        OutputFormat::Json => print_json(enduser),
        OutputFormat::Id => match enduser.get("id") {
            Some(Value::String(id)) => stdout(&format!("{id}\n")),
            Some(Value::Number(id)) => stdout(&format!("{id}\n")),
            _ => {
                warn("the answer has no id to print");
                Ok(())
            }
        },
        OutputFormat::Table => stdout(&enduser_table(enduser)),
    }
}

/// Pretty-printed JSON and one trailing newline.
pub fn print_json(value: &Value) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::internal(format!("cannot format JSON: {e}")))?;
    text.push('\n');
    stdout(&text)
}

/// The order fields are shown in; any others follow in the server's order.
const FIELD_ORDER: [&str; 4] = ["id", "display_name", "integration_type", "info"];

/// One row per field. comfy-table measures display width, so CJK and emoji keep it aligned.
pub fn enduser_table(enduser: &Value) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    match enduser {
        Value::Object(map) => {
            for key in FIELD_ORDER {
                if let Some(value) = map.get(key) {
                    rows.push((key.to_owned(), cell_text(value)));
                }
            }
            for (key, value) in map {
                if !FIELD_ORDER.contains(&key.as_str()) {
                    rows.push((key.clone(), cell_text(value)));
                }
            }
        }
        other => rows.push(("value".to_owned(), cell_text(other))),
    }
    key_value_table(&rows)
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
        let t = enduser_table(&v);
        let order: Vec<usize> = ["id", "display_name", "integration_type", "info", "extra"]
            .iter()
            .map(|k| t.find(k).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{t}");
    }
}
