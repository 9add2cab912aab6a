//! `--name` templates (contract section 21): `{id}`, `{campaign}`, `{campaign_name}`,
//! `{created_at:%Y-%m-%d}` and any dotted call field, `/` for subfolders, each part made safe
//! for a file name and short enough for 255 bytes with its suffix and extension; times in UTC.
//!
//! A hand-written parser: the template language is a few braces and a strftime subset, which
//! no crate in the tree covers; its tests cover every branch.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::output::for_terminal;

/// The longest file name most file systems take, in bytes.
const NAME_MAX: usize = 255;
/// Room kept for the longest extension (`.webm`).
const EXTENSION_ROOM: usize = 5;

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Template {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// A dotted field of the call (`id`, `contact.f_id`), or `campaign`/`campaign_name`, with
    /// a strftime format for times.
    Field {
        path: String,
        format: Option<String>,
    },
}

/// What a template is filled from.
pub(super) struct Fields<'a> {
    pub call: &'a Value,
    pub campaign: &'a str,
    pub campaign_name: Option<&'a str>,
}

impl Template {
    /// The default: `{id}`.
    pub(super) fn default_name() -> Template {
        Template {
            pieces: vec![Piece::Field {
                path: "id".into(),
                format: None,
            }],
        }
    }

    pub(super) fn parse(text: &str) -> Result<Template> {
        let bad = |why: &str| {
            Error::input(format!(
                "--name '{}' is not a valid template: {why}",
                for_terminal(text)
            ))
            .with_hint("for example --name '{created_at:%Y-%m-%d}/{contact.f_id}_{id}'")
        };
        let mut pieces = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            match rest.find(['{', '}']) {
                None => {
                    pieces.push(Piece::Text(rest.to_owned()));
                    rest = "";
                }
                Some(at) if rest[at..].starts_with('}') => return Err(bad("a '}' without '{'")),
                Some(at) => {
                    if at > 0 {
                        pieces.push(Piece::Text(rest[..at].to_owned()));
                    }
                    let close = rest[at..]
                        .find('}')
                        .ok_or_else(|| bad("a '{' is not closed"))?;
                    let inside = &rest[at + 1..at + close];
                    let (path, format) = match inside.split_once(':') {
                        Some((path, format)) => (path, Some(format.to_owned())),
                        None => (inside, None),
                    };
                    if path.is_empty()
                        || path.contains('{')
                        || path.split('.').any(str::is_empty)
                        || path.chars().any(|c| c.is_whitespace() || c.is_control())
                    {
                        return Err(bad(&format!("'{{{inside}}}' names no field")));
                    }
                    if let Some(format) = &format {
                        check_format(format).map_err(|why| bad(&why))?;
                    }
                    pieces.push(Piece::Field {
                        path: path.to_owned(),
                        format,
                    });
                    rest = &rest[at + close + 1..];
                }
            }
        }
        if pieces.is_empty() {
            return Err(bad("it is empty"));
        }
        Ok(Template { pieces })
    }

    /// The relative name (without extension) of a call's files, parts made safe. `suffix_room`
    /// is kept free in the last part for a `_{id}` that a collision may add.
    pub(super) fn render(&self, fields: &Fields<'_>, suffix_room: usize) -> String {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(literal) => text.push_str(literal),
                Piece::Field { path, format } => {
                    let value = lookup(fields, path);
                    let value = match format {
                        Some(format) => format_time(&value, format),
                        None => value,
                    };
                    // A value never makes a folder: only the template's own '/' does.
                    text.push_str(&value.replace(['/', '\\'], "_"));
                }
            }
        }
        let parts: Vec<&str> = text.split('/').collect();
        let last = parts.len() - 1;
        parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let room = if i == last {
                    NAME_MAX - EXTENSION_ROOM - suffix_room.min(NAME_MAX / 2)
                } else {
                    NAME_MAX
                };
                safe_part(part, room)
            })
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// A field as text: strings as they are, numbers and booleans printed, arrays joined with
/// `;`, anything missing or null empty.
fn lookup(fields: &Fields<'_>, path: &str) -> String {
    match path {
        "campaign" => return fields.campaign.to_owned(),
        "campaign_name" => return fields.campaign_name.unwrap_or_default().to_owned(),
        _ => {}
    }
    match super::dotted(fields.call, path) {
        Some(Value::Array(items)) => items
            .iter()
            .map(super::value_text)
            .collect::<Vec<_>>()
            .join(";"),
        Some(value) => super::value_text(value),
        None => String::new(),
    }
}

/// One part of a path, safe as a file name: control characters and `\` replaced, `.`, `..`
/// and empty parts replaced, at most `room` bytes (cut at a character boundary).
fn safe_part(part: &str, room: usize) -> String {
    let cleaned: String = part
        .chars()
        .map(|c| if c.is_control() || c == '\\' { '_' } else { c })
        .collect();
    let cleaned = match cleaned.as_str() {
        "" | "." | ".." => "_".to_owned(),
        _ => cleaned,
    };
    if cleaned.len() <= room {
        return cleaned;
    }
    let mut end = room;
    while !cleaned.is_char_boundary(end) {
        end -= 1;
    }
    cleaned[..end].to_owned()
}

/// The strftime subset templates take.
fn check_format(format: &str) -> std::result::Result<(), String> {
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            match chars.next() {
                Some('Y' | 'm' | 'd' | 'H' | 'M' | 'S' | 'F' | 'T' | '%') => {}
                Some(other) => {
                    return Err(format!(
                        "%{other} is not a known time format (%Y %m %d %H %M %S %F %T %%)"
                    ));
                }
                None => return Err("a time format ends with '%'".into()),
            }
        }
    }
    Ok(())
}

/// `value` (an ISO 8601 time) in `format`, in UTC; a value that is no time as it is.
fn format_time(value: &str, format: &str) -> String {
    let Ok(time) = crate::datetime::parse(value) else {
        return value.to_owned();
    };
    // YYYY-MM-DDTHH:MM:SSZ
    let utc = crate::datetime::format_utc(time);
    let part = |range: std::ops::Range<usize>| utc.get(range).unwrap_or_default().to_owned();
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&part(0..4)),
            Some('m') => out.push_str(&part(5..7)),
            Some('d') => out.push_str(&part(8..10)),
            Some('H') => out.push_str(&part(11..13)),
            Some('M') => out.push_str(&part(14..16)),
            Some('S') => out.push_str(&part(17..19)),
            Some('F') => out.push_str(&part(0..10)),
            Some('T') => out.push_str(&part(11..19)),
            Some('%') => out.push('%'),
            _ => {}
        }
    }
    out
}
