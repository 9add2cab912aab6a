//! `altur thread get` (contract section 14), and how a thread prints.

crate::commands::verbs! {
    /// `altur thread ...` (contract section 14).
    pub(crate) enum ThreadCommand {
        Get => get,
    }
}

use serde_json::{Map, Value};

use crate::output::Resource;

/// How a thread is printed: its parts first, the rest in the server's order.
pub const THREAD: Resource = Resource {
    name: "thread",
    fields: &[
        "id",
        "agent",
        "end_user",
        "integration",
        "tags",
        "assigned_to",
        "active",
        "blocked",
        "updated_at",
    ],
    columns: &["id", "agent.name", "end_user.display_name", "updated_at"],
    id: "id",
    wrapper: None,
};

/// Renames a Thread's legacy fields (`chatbot`, `enduser`, from the API's older generations)
/// to the current ones, so the table reads the same whichever the server sent. When both
/// spellings are present, the current one wins and the legacy one is kept as it is.
pub fn with_current_names(thread: &Value) -> Value {
    let Value::Object(fields) = thread else {
        return thread.clone();
    };
    let mut renamed = Map::new();
    for (key, value) in fields {
        let current = match key.as_str() {
            "chatbot" if !fields.contains_key("agent") => "agent",
            "enduser" if !fields.contains_key("end_user") => "end_user",
            other => other,
        };
        renamed.insert(current.to_owned(), value.clone());
    }
    Value::Object(renamed)
}

/// The thread for its table: current field names, and tags and assignees as readable lists
/// (`vip, late payer`; `ana@example.com`) instead of JSON arrays.
pub fn for_table(thread: &Value) -> Value {
    let mut thread = with_current_names(thread);
    if let Value::Object(fields) = &mut thread {
        for (key, shown) in [("tags", &["name", "id"]), ("assigned_to", &["email", "id"])] {
            if let Some(Value::Array(items)) = fields.get(key) {
                let names: Vec<String> = items.iter().map(|item| name_of(item, shown)).collect();
                fields.insert(key.to_owned(), Value::String(names.join(", ")));
            }
        }
    }
    thread
}

/// The first of `keys` that `item` has as a non-empty string, else the item as JSON.
fn name_of(item: &Value, keys: &[&str]) -> String {
    if let Value::String(text) = item {
        return text.clone();
    }
    keys.iter()
        .find_map(|key| {
            item.get(*key)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        })
        .map_or_else(|| item.to_string(), str::to_owned)
}

#[cfg(test)]
mod tests;
