//! `altur enduser create | get | update | import`: what the verbs share (how an EndUser is
//! printed, its endpoints, the fields from flags and `--input`).

crate::commands::verbs! {
    /// `altur enduser ...` (contract sections 1 and 8).
    pub(crate) enum EnduserCommand {
        Create => create,
        Get => get,
        Update => update,
        Import => import,
    }
}

use std::path::Path;

use serde_json::Value;

use crate::cli::EnduserFields;
use crate::client::{Call, Endpoint};
use crate::config::{INPUT_LIMIT, read_limited_utf8, read_small_text};
use crate::error::{Error, Result};
use crate::model::EndUserData;
use crate::output::Resource;
use crate::session::Session;

/// How an EndUser is printed.
pub const ENDUSER: Resource = Resource {
    name: "EndUser",
    fields: &["id", "display_name", "integration_type", "info"],
    columns: &["id", "display_name", "integration_type"],
    id: "id",
    wrapper: None,
};

pub const CREATE: Endpoint = crate::registry::ENDUSER_CREATE.endpoint;
pub const GET: Endpoint = crate::registry::ENDUSER_GET.endpoint;
pub const UPDATE: Endpoint = crate::registry::ENDUSER_UPDATE.endpoint;

/// Sends `call` (or prints it, `--dry-run`) and prints the EndUser it returns; `written` is
/// the verb of a write ("created"), which a failing `-o id` or `--jq` then mentions.
fn send(session: &Session, call: Call, written: Option<&str>) -> Result<()> {
    let Some(answer) = session.execute(&call)? else {
        return Ok(());
    };
    if answer.body.get("id").is_none() {
        session.out().warn("the server's answer has no id");
    }
    let format = session.format()?;
    match written {
        Some(verb) => session
            .out()
            .print_written(&answer.body, &ENDUSER, format, verb),
        None => session.out().print_resource(&answer.body, &ENDUSER, format),
    }
}

fn body_of(data: &EndUserData) -> Result<Vec<u8>> {
    let body = data.to_body();
    if body.len() as u64 > INPUT_LIMIT {
        return Err(Error::input("the EndUser is larger than 1 MiB"));
    }
    Ok(body)
}

/// The fields from `--input`, overridden by `--name`, `--info` and `--info-file`.
pub fn gather(fields: &EnduserFields) -> Result<EndUserData> {
    let is_stdin = |p: &Option<std::path::PathBuf>| p.as_deref() == Some(Path::new("-"));
    if is_stdin(&fields.input) && is_stdin(&fields.info_file) {
        return Err(Error::input(
            "--input - and --info-file - cannot both read stdin",
        ));
    }
    let from_input = match &fields.input {
        Some(path) => read_input(path)?,
        None => EndUserData::default(),
    };
    let info = match (&fields.info, &fields.info_file) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(path)) => Some(read_text(path, "info file")?),
        (None, None) => None,
    };
    Ok(from_input.overridden_by(EndUserData {
        display_name: fields.name.clone(),
        info,
    }))
}

/// Reads a text file, or stdin for `-`.
fn read_text(path: &Path, what: &str) -> Result<String> {
    if path == Path::new("-") {
        read_limited_utf8(std::io::stdin().lock(), &format!("{what} (stdin)"))
    } else {
        read_small_text(path, what)
    }
}

/// Reads `--input`: one JSON object with string fields `display_name` and `info`.
fn read_input(path: &Path) -> Result<EndUserData> {
    let what = if path == Path::new("-") {
        "--input (stdin)".to_owned()
    } else {
        format!("--input {}", path.display())
    };
    let text = read_text(path, "--input")?;
    parse_input(&text, &what)
}

fn parse_input(text: &str, what: &str) -> Result<EndUserData> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::input(format!(
            "{what}: invalid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            json_error_reason(&e)
        ))
    })?;
    EndUserData::from_json(value).map_err(|why| Error::input(format!("{what}: {why}")))
}

/// serde_json's message without its trailing " at line L column C".
fn json_error_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests;
