//! The tools `altur mcp` offers: one per registry operation (plus the transcript, the
//! recording download and the webhook check), with their arguments, JSON Schemas and MCP
//! annotations, and the choice of those a session lists from its flags.

use std::sync::{Arc, LazyLock};

use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::registry::{self, Access, Operation, PathId, Toolset};

#[cfg(test)]
mod tests;

/// The type of an argument, as the commands parse it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Type {
    /// An EndUser id: a UUID.
    EndUserId,
    /// An opaque API id (agent, call, thread, integration).
    OpaqueId,
    /// A campaign or contact id: a positive integer.
    NumericId,
    /// A phone number in E.164.
    Phone,
    /// An ISO 8601 date or date-time.
    Date,
    Enum(&'static [&'static str]),
    Text,
    Integer(i64, i64),
    Bool,
    /// A list of strings.
    Texts,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Arg {
    pub name: &'static str,
    pub kind: Type,
    pub required: bool,
    pub help: &'static str,
}

const fn arg(name: &'static str, kind: Type, help: &'static str) -> Arg {
    Arg {
        name,
        kind,
        required: false,
        help,
    }
}

const fn req(name: &'static str, kind: Type, help: &'static str) -> Arg {
    Arg {
        name,
        kind,
        required: true,
        help,
    }
}

/// A tool: its name, what it does, its arguments and how its access is classed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    pub name: &'static str,
    pub toolset: Toolset,
    pub access: Access,
    pub summary: &'static str,
    pub args: &'static [Arg],
    /// Whether it reaches the Altur API (every tool but `webhook_verify`).
    pub open_world: bool,
    pub idempotent: bool,
    pub destructive: bool,
    /// Whether its result is `{"items": [...], "after": ...}`.
    pub list: bool,
    /// The documented operation the tool is made from (`thread_transcript` is made from
    /// `message_list`, `webhook_verify` from none).
    pub operation: Option<Operation>,
    /// Made from its registry row alone (a plain GET), not written in [`WRITTEN`].
    pub plain_get: bool,
}

impl Spec {
    /// The endpoint of a plain GET tool ([`plain_get`]): its arguments are its path's ids, in
    /// order, so it runs with no code of its own.
    pub(crate) fn path_only_get(&self) -> Option<crate::client::Endpoint> {
        let operation = self.operation.filter(|_| self.plain_get)?;
        Some(operation.endpoint)
    }
}

const fn from(operation: Operation, args: &'static [Arg]) -> Spec {
    Spec {
        name: operation.name,
        toolset: operation.toolset,
        access: operation.access,
        summary: operation.summary,
        args,
        open_world: true,
        // GET, PUT, PATCH and DELETE may be repeated; a POST only when the API takes a key.
        idempotent: !matches!(operation.endpoint.method, crate::client::Method::Post)
            || operation.idempotency_key,
        destructive: operation.destructive,
        list: false,
        operation: Some(operation),
        plain_get: false,
    }
}

const fn list(spec: Spec) -> Spec {
    Spec { list: true, ..spec }
}

use Type::{Bool, Date, EndUserId, Integer, NumericId, OpaqueId, Phone, Text, Texts};

const LIMIT: Arg = arg(
    "limit",
    Integer(1, MAX_LIMIT as i64),
    "Return at most N items (default 30, at most 200)",
);
const AFTER: Arg = arg(
    "after",
    Text,
    "Continue where an earlier list stopped (its `after` token)",
);
pub(crate) const DEFAULT_LIMIT: u64 = 30;
pub(crate) const MAX_LIMIT: u64 = 200;

const CAMPAIGN_STATUS: &[&str] = &[
    "pending", "ready", "active", "inactive", "cooldown", "finished",
];
const CHANNELS: &[&str] = &crate::model::campaign::CHANNELS;
const CAMPAIGN_FIELDS: &[Arg] = &[
    arg("name", Text, "Campaign name (1-255 characters)"),
    arg("description", Text, "Description"),
    arg("timezone", Text, "IANA time zone of the schedule"),
    arg(
        "contact_retries",
        Integer(0, 5),
        "Times a contact is tried again",
    ),
    arg("message_limit", Integer(1, 10000), "Messages per run"),
    arg(
        "first_message",
        Text,
        "What the agent says first (phone_call only)",
    ),
    arg("template", Text, "WhatsApp template name (whatsapp only)"),
    arg(
        "template_alt",
        Text,
        "Alternate WhatsApp template (whatsapp only)",
    ),
    arg(
        "schedule",
        Texts,
        "Days and hours to run, like 'mon-fri 09:00-18:00'",
    ),
];
const CAMPAIGN_ID: Arg = id_arg(PathId::Campaign, true);
const CAMPAIGN: Arg = id_arg(PathId::Campaign, false);

/// The argument for an id of an operation's path: `id` for the resource itself (the last),
/// named after its kind otherwise (`contact_get`'s `campaign`).
const fn id_arg(id: PathId, last: bool) -> Arg {
    let (name, kind, help) = match id {
        PathId::EndUser => ("enduser", EndUserId, "EndUser id (a UUID)"),
        PathId::Thread => ("thread", OpaqueId, "The thread's id"),
        PathId::Call => ("call", OpaqueId, "The call's id (cll_...)"),
        PathId::Campaign => ("campaign", NumericId, "Campaign id (a positive integer)"),
        PathId::Contact => ("contact", NumericId, "Contact id (a positive integer)"),
    };
    req(if last { "id" } else { name }, kind, help)
}

/// Every tool, in the registry's order (`altur --help`'s): each operation's own tool, then
/// those made from it under another name (`thread_transcript` after `message_list`), then the
/// tools that are no operation (`webhook_verify`). A plain GET (a read whose arguments are the
/// ids of its path) is made from its registry row alone; the others are [`WRITTEN`].
pub(crate) static TOOLS: LazyLock<Vec<Spec>> = LazyLock::new(|| {
    let made_from = |operation: &Operation| {
        let written: Vec<Spec> = WRITTEN
            .iter()
            .filter(|spec| spec.operation.is_some_and(|o| o.name == operation.name))
            .copied()
            .collect();
        if written.is_empty() {
            plain_get(*operation).into_iter().collect()
        } else {
            written
        }
    };
    let mut tools: Vec<Spec> = registry::OPERATIONS.iter().flat_map(made_from).collect();
    tools.extend(WRITTEN.iter().filter(|spec| spec.operation.is_none()));
    tools
});

/// The tool of a plain GET, from its registry row: its arguments are its path's ids.
fn plain_get(operation: Operation) -> Option<Spec> {
    let readonly =
        operation.access == Access::Read && operation.endpoint.method == crate::client::Method::Get;
    let last = operation.ids.len().checked_sub(1)?;
    let args: Vec<Arg> = (operation.ids.iter().enumerate())
        .map(|(i, id)| id_arg(*id, i == last))
        .collect();
    // Built once per process (TOOLS is a static), so the list may live as long as it.
    readonly.then(|| Spec {
        plain_get: true,
        ..from(operation, Vec::leak(args))
    })
}

/// The tools that are more than a plain GET: their arguments, written for the assistant.
const WRITTEN: &[Spec] = &[
    from(
        registry::ENDUSER_CREATE,
        &[
            req("name", Text, "The EndUser's display name"),
            arg("info", Text, "Free text about the EndUser, for the agents"),
        ],
    ),
    from(
        registry::ENDUSER_UPDATE,
        &[
            id_arg(PathId::EndUser, true),
            arg("name", Text, "New display name"),
            arg("info", Text, "New info text"),
        ],
    ),
    from(
        registry::MESSAGE_SEND,
        &[
            req("agent", OpaqueId, "The agent that answers"),
            req(
                "enduser",
                EndUserId,
                "The EndUser who sends the message (a UUID)",
            ),
            req("text", Text, "The message"),
        ],
    ),
    list(from(
        registry::MESSAGE_LIST,
        &[id_arg(PathId::Thread, true), LIMIT, AFTER],
    )),
    Spec {
        name: "thread_transcript",
        summary: "A thread's messages as a readable transcript (UTC times; Agent, Customer, System)",
        ..from(registry::MESSAGE_LIST, &[id_arg(PathId::Thread, true)])
    },
    from(
        registry::CALL_START,
        &[
            req("agent", OpaqueId, "The agent that makes the call"),
            req("to", Phone, "The number to call, E.164"),
            arg("name", Text, "The person's name, for the agent"),
            arg("context", Text, "Context for the agent, as text"),
            arg(
                "first_message",
                Text,
                "What the agent says when the call is answered",
            ),
        ],
    ),
    list(from(
        registry::CALL_LIST,
        &[
            CAMPAIGN,
            arg(
                "status",
                Type::Enum(&["ended", "failed", "busy", "no-answer", "in-progress"]),
                "Only calls with this status",
            ),
            arg(
                "answered_by",
                Type::Enum(&["human", "machine", "unknown"]),
                "Only calls answered by",
            ),
            arg(
                "since",
                Date,
                "Only calls created at or after this ISO 8601 date or date-time",
            ),
            arg(
                "until",
                Date,
                "Only calls created before this ISO 8601 date or date-time",
            ),
            LIMIT,
            AFTER,
        ],
    )),
    Spec {
        name: "call_recording_save",
        access: Access::Write,
        // It refuses to replace a file, so a second call with the same path fails.
        idempotent: false,
        summary: "Download one call's recording to a file under the server's --dir",
        ..from(
            registry::CALL_RECORDING,
            &[
                req("id", OpaqueId, "The call's id (cll_...)"),
                arg(
                    "path",
                    Text,
                    "Where to write it, relative to --dir [default: CALL_ID.EXT]",
                ),
            ],
        )
    },
    list(from(
        registry::CAMPAIGN_LIST,
        &[
            arg(
                "status",
                Type::Enum(CAMPAIGN_STATUS),
                "Only campaigns in this status",
            ),
            arg(
                "integration",
                Type::Enum(CHANNELS),
                "Only campaigns of this channel",
            ),
            arg("agent", OpaqueId, "Only campaigns of this agent"),
            arg(
                "since",
                Date,
                "Created at or after this ISO 8601 date or date-time",
            ),
            arg(
                "until",
                Date,
                "Created at or before this date (needs since)",
            ),
            arg("archived", Bool, "List archived campaigns"),
            LIMIT,
            AFTER,
        ],
    )),
    from(registry::CAMPAIGN_CREATE, CAMPAIGN_CREATE_ARGS),
    from(registry::CAMPAIGN_UPDATE, CAMPAIGN_UPDATE_ARGS),
    from(registry::CAMPAIGN_ACTIVATE, &[CAMPAIGN_ID]),
    from(registry::CAMPAIGN_PAUSE, &[CAMPAIGN_ID]),
    from(registry::CAMPAIGN_RESUME, &[CAMPAIGN_ID]),
    from(registry::CAMPAIGN_ARCHIVE, &[CAMPAIGN_ID]),
    from(
        registry::CONTACT_ADD,
        &[
            CAMPAIGN,
            req(
                "phone",
                Phone,
                "Phone number in E.164 (+ and the country code)",
            ),
            arg("name", Text, "Contact name"),
            arg("context", Text, "Context for the agent"),
            arg("data", Texts, "extracted_data entries, KEY=VALUE"),
            arg(
                "external_id",
                Text,
                "Your own id for the contact (the API's f_id)",
            ),
        ],
    ),
    list(from(
        registry::CONTACT_LIST,
        &[
            CAMPAIGN,
            arg(
                "status",
                Text,
                "Only contacts in this status (queue, answered, failed, ...)",
            ),
            LIMIT,
            AFTER,
        ],
    )),
    from(
        registry::CONTACT_DELETE,
        &[CAMPAIGN, id_arg(PathId::Contact, true)],
    ),
    Spec {
        name: "webhook_verify",
        toolset: Toolset::Webhooks,
        access: Access::Read,
        summary: "Check an X-Altur-Signature against the body it came with (the secret comes \
                  from ALTUR_WEBHOOK_SECRET or the profile)",
        args: &[
            req("payload", Text, "The webhook's body, exactly as received"),
            req("signature", Text, "The X-Altur-Signature header"),
            arg(
                "scheme",
                Type::Enum(&["auto", "hex", "base64"]),
                "Which signature scheme (default auto: try both)",
            ),
        ],
        open_world: false,
        idempotent: true,
        destructive: false,
        list: false,
        operation: None,
        plain_get: false,
    },
];

const CAMPAIGN_CREATE_ARGS: &[Arg] = &[
    req("agent", OpaqueId, "The agent that calls or writes (its id)"),
    req(
        "integration_id",
        OpaqueId,
        "The integration (phone line or WhatsApp number) of the agent",
    ),
    req("channel", Type::Enum(CHANNELS), "The channel"),
    CAMPAIGN_FIELDS[0],
    CAMPAIGN_FIELDS[1],
    CAMPAIGN_FIELDS[2],
    CAMPAIGN_FIELDS[3],
    CAMPAIGN_FIELDS[4],
    CAMPAIGN_FIELDS[5],
    CAMPAIGN_FIELDS[6],
    CAMPAIGN_FIELDS[7],
    CAMPAIGN_FIELDS[8],
];
const CAMPAIGN_UPDATE_ARGS: &[Arg] = &[
    CAMPAIGN_ID,
    CAMPAIGN_FIELDS[0],
    CAMPAIGN_FIELDS[1],
    CAMPAIGN_FIELDS[2],
    CAMPAIGN_FIELDS[3],
    CAMPAIGN_FIELDS[4],
    CAMPAIGN_FIELDS[5],
    CAMPAIGN_FIELDS[6],
    CAMPAIGN_FIELDS[7],
    CAMPAIGN_FIELDS[8],
];

/// Which tools a session offers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Selection {
    /// Empty: every toolset.
    pub toolsets: Vec<Toolset>,
    /// Empty: every tool of those toolsets.
    pub tools: Vec<String>,
    pub allow_writes: bool,
    pub allow_contact: bool,
}

impl Selection {
    fn allows(&self, spec: &Spec) -> bool {
        let access = match spec.access {
            Access::Read => true,
            Access::Write => self.allow_writes,
            Access::Contact => self.allow_writes && self.allow_contact,
        };
        access
            && (self.toolsets.is_empty() || self.toolsets.contains(&spec.toolset))
            && (self.tools.is_empty() || self.tools.iter().any(|t| t == spec.name))
    }

    /// The tools this session lists, in catalogue order; a `--tools` name that is unknown, or
    /// that the other flags leave out, is a usage error (it would be silently missing).
    pub(crate) fn tools(&self) -> Result<Vec<&'static Spec>> {
        for name in &self.tools {
            let Some(spec) = TOOLS.iter().find(|s| s.name == name) else {
                let known: Vec<&str> = TOOLS.iter().map(|s| s.name).collect();
                return Err(Error::input(format!("--tools: no tool is named '{name}'"))
                    .with_hint(format!("the tools are {}", known.join(", "))));
            };
            if !self.allows(spec) {
                let why = match spec.access {
                    Access::Contact if !self.allow_writes || !self.allow_contact => {
                        "it reaches real people: add --allow-writes --allow-contact"
                    }
                    Access::Write if !self.allow_writes => "it changes data: add --allow-writes",
                    _ => "its toolset is not in --toolsets",
                };
                return Err(Error::input(format!(
                    "--tools names {name}, which this session would not offer"
                ))
                .with_hint(why));
            }
        }
        Ok(TOOLS.iter().filter(|spec| self.allows(spec)).collect())
    }
}

/// A tool as MCP lists it: name, description, input schema and annotations.
pub(crate) fn describe(spec: &Spec) -> Tool {
    let annotations = ToolAnnotations::new()
        .read_only(spec.access == Access::Read)
        .destructive(spec.destructive)
        .idempotent(spec.idempotent)
        .open_world(spec.open_world);
    let mut description = spec.summary.to_owned();
    if spec.list {
        description.push_str(
            ". Returns {\"items\": [...], \"after\": TOKEN}; pass `after` to get the next items",
        );
    }
    if spec.access == Access::Contact {
        description.push_str(". This reaches real people");
    }
    Tool::new(spec.name, description, Arc::new(schema(spec)))
        .with_title(spec.name.replace('_', " "))
        .with_annotations(annotations)
}

/// The JSON Schema of a tool's arguments.
pub(crate) fn schema(spec: &Spec) -> JsonObject {
    let mut properties = serde_json::Map::new();
    for arg in spec.args {
        let mut property = match arg.kind {
            Type::EndUserId => json!({
                "type": "string", "format": "uuid",
                "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            }),
            Type::OpaqueId => {
                json!({"type": "string", "minLength": 1, "pattern": "^[^/\\\\?#\\s]+$"})
            }
            Type::NumericId => json!({"type": "integer", "minimum": 1}),
            Type::Phone => json!({"type": "string", "pattern": "^\\+[1-9][0-9 ().-]{6,20}$"}),
            Type::Date => {
                json!({"type": "string", "description": "ISO 8601, like 2026-11-27 or 2026-11-27T08:00:00Z"})
            }
            Type::Enum(values) => json!({"type": "string", "enum": values}),
            Type::Text => json!({"type": "string"}),
            Type::Integer(min, max) => json!({"type": "integer", "minimum": min, "maximum": max}),
            Type::Bool => json!({"type": "boolean"}),
            Type::Texts => json!({"type": "array", "items": {"type": "string"}}),
        };
        property["description"] = Value::String(arg.help.to_owned());
        properties.insert(arg.name.to_owned(), property);
    }
    let required: Vec<&str> = spec
        .args
        .iter()
        .filter(|a| a.required)
        .map(|a| a.name)
        .collect();
    let schema = json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    });
    match schema {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    }
}
