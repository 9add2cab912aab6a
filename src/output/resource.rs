//! How a resource is described to the printers: its name, its fields and columns, its id and
//! the key the API wraps it under.

use serde_json::Value;

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

    /// "campaigns", "EndUsers": for "no campaigns" after an empty list.
    pub fn plural(&self) -> String {
        if self.name.ends_with('s') {
            self.name.to_owned()
        } else {
            format!("{}s", self.name)
        }
    }
}
