//! The EndUser fields we send, and the checks they pass before anything is sent.

use serde::Serialize;
use serde_json::Value;

pub mod campaign;

/// The fields of `EndUserData` in the API spec. Only the fields that are set are sent.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct EndUserData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

pub const KNOWN_FIELDS: [&str; 2] = ["display_name", "info"];

impl EndUserData {
    /// Reads the fields from a parsed JSON value: an object with string fields, none unknown.
    pub fn from_json(value: Value) -> Result<EndUserData, String> {
        let Value::Object(map) = value else {
            return Err(format!(
                "expected a JSON object with the fields {}, found {}",
                KNOWN_FIELDS.join(" and "),
                json_type(&value)
            ));
        };
        let mut data = EndUserData::default();
        for (key, value) in map {
            let slot = match key.as_str() {
                "display_name" => &mut data.display_name,
                "info" => &mut data.info,
                _ => {
                    return Err(format!(
                        "unknown field '{key}' (known fields: {})",
                        KNOWN_FIELDS.join(", ")
                    ));
                }
            };
            match value {
                Value::String(text) => *slot = Some(text),
                other => {
                    return Err(format!(
                        "field '{key}' must be a string, found {}",
                        json_type(&other)
                    ));
                }
            }
        }
        Ok(data)
    }

    /// `create` needs a name that is not blank.
    pub fn check_for_create(&self) -> Result<(), String> {
        match &self.display_name {
            None => Err("a display name is required (--name)".to_owned()),
            Some(name) if name.trim().is_empty() => {
                Err("the display name must not be empty".to_owned())
            }
            Some(_) => Ok(()),
        }
    }

    /// `update` needs at least one field, and a name, if given, that is not blank.
    pub fn check_for_update(&self) -> Result<(), String> {
        if self.display_name.is_none() && self.info.is_none() {
            return Err(
                "nothing to update: give --name, --info, --info-file or --input".to_owned(),
            );
        }
        match &self.display_name {
            Some(name) if name.trim().is_empty() => {
                Err("the display name must not be empty".to_owned())
            }
            _ => Ok(()),
        }
    }

    /// The JSON request body.
    pub fn to_body(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("two optional strings always serialize")
    }

    /// Fields from `other` replace ours where set.
    pub fn overridden_by(self, other: EndUserData) -> EndUserData {
        EndUserData {
            display_name: other.display_name.or(self.display_name),
            info: other.info.or(self.info),
        }
    }
}

pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
