//! Tables for people: one row per field of a resource, or one row per item of a list.
//! comfy-table measures display width, so CJK and emoji keep them aligned; borders are ASCII
//! where the terminal says it cannot draw lines (`TERM=dumb`).

use std::io::IsTerminal;

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde_json::Value;

use super::resource::Resource;
use crate::error::for_terminal;
use crate::secret::redact;

/// The narrowest terminal the table is wrapped to fit.
const MIN_WRAP_WIDTH: u16 = 40;

/// A table in the terminal's style: wrapped to its width, with line-drawing borders unless
/// `TERM=dumb`.
fn new_table() -> Table {
    let mut table = Table::new();
    let dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
    table.load_preset(if dumb {
        presets::ASCII_FULL_CONDENSED
    } else {
        presets::UTF8_FULL_CONDENSED
    });
    // Wrap to the terminal's width, unless it reports none or an unusable one (a pseudo-terminal
    // without a size says 0), where wrapping would squeeze every cell to a letter.
    if table.width().is_some_and(|width| width >= MIN_WRAP_WIDTH) {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    table
}

/// One row per field: the description's fields first, the others in the server's order;
/// nested objects flattened (`agent.name`), arrays as JSON.
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
pub(crate) fn field_at<'v>(item: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(item, |value, key| value.get(key))
}

/// A table with a header row, ending in a newline.
pub(crate) fn list_table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut table = new_table();
    table.set_header(header.iter().map(|h| Cell::new(for_terminal(h))));
    for row in rows {
        table.add_row(
            row.iter()
                .map(|cell| Cell::new(for_terminal(&redact(cell)))),
        );
    }
    format!("{table}\n")
}

/// A two-column table of names and values, ending in a newline.
pub fn key_value_table(rows: &[(String, String)]) -> String {
    let mut table = new_table();
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

pub(crate) fn cell_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
