//! Tool arguments, checked as the commands check their options before anything is sent: a
//! wrong one is a tool error that names it.

use rmcp::model::JsonObject;
use serde_json::Value;

use super::tools::{Spec, Type};

/// A tool call's arguments, checked against its [`Spec`].
pub(crate) struct Args<'a> {
    map: &'a JsonObject,
}

impl<'a> Args<'a> {
    /// Checks every argument's name, type and form; the first wrong one is the error.
    pub(crate) fn check(spec: &Spec, map: &'a JsonObject) -> Result<Args<'a>, String> {
        for name in map.keys() {
            if !spec.args.iter().any(|a| a.name == name) {
                let known: Vec<&str> = spec.args.iter().map(|a| a.name).collect();
                return Err(format!(
                    "`{name}` is not an argument of {} (its arguments: {})",
                    spec.name,
                    known.join(", ")
                ));
            }
        }
        for arg in spec.args {
            match map.get(arg.name) {
                None | Some(Value::Null) if arg.required => {
                    return Err(format!("`{}` is required", arg.name));
                }
                None | Some(Value::Null) => {}
                Some(value) => {
                    check_value(arg.kind, value).map_err(|why| format!("`{}`: {why}", arg.name))?
                }
            }
        }
        Ok(Args { map })
    }

    pub(crate) fn text(&self, name: &str) -> Option<String> {
        match self.map.get(name)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    /// A required argument (checked present by [`Args::check`]).
    pub(crate) fn get(&self, name: &str) -> String {
        self.text(name).unwrap_or_default()
    }

    pub(crate) fn integer(&self, name: &str) -> Option<i64> {
        self.map.get(name)?.as_i64()
    }

    pub(crate) fn flag(&self, name: &str) -> bool {
        self.map.get(name).and_then(Value::as_bool).unwrap_or(false)
    }

    pub(crate) fn texts(&self, name: &str) -> Vec<String> {
        match self.map.get(name) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }
}

fn check_value(kind: Type, value: &Value) -> Result<(), String> {
    let text = || value.as_str().ok_or_else(|| "must be a string".to_owned());
    match kind {
        Type::EndUserId => {
            crate::ids::checked_enduser(text()?).map_err(|e| e.message)?;
        }
        Type::OpaqueId => {
            crate::ids::check_opaque(text()?)?;
        }
        Type::NumericId => match value {
            Value::Number(n) if n.as_u64().is_some_and(|n| n >= 1) => {}
            Value::String(s) if s.parse::<u64>().is_ok_and(|n| n >= 1) => {}
            _ => return Err("must be a positive integer".to_owned()),
        },
        Type::Phone => {
            crate::phone::normalize(text()?)?;
        }
        Type::Date => {
            let text = text()?;
            crate::datetime::parse(text)
                .map_err(|why| format!("'{text}' is not an ISO 8601 date or date-time: {why}"))?;
        }
        Type::Enum(values) => {
            let text = text()?;
            if !values.contains(&text) {
                return Err(format!("must be one of {}", values.join(", ")));
            }
        }
        Type::Text => {
            text()?;
        }
        Type::Integer(min, max) => match value.as_i64() {
            Some(n) if (min..=max).contains(&n) => {}
            _ => return Err(format!("must be an integer from {min} to {max}")),
        },
        Type::Bool => {
            if !value.is_boolean() {
                return Err("must be true or false".to_owned());
            }
        }
        Type::Texts => match value {
            Value::Array(items) if items.iter().all(Value::is_string) => {}
            _ => return Err("must be an array of strings".to_owned()),
        },
    }
    Ok(())
}
