//! The operation registry: one row per documented API operation, so that the commands, the
//! spec test and the MCP server read the same method, path, access class and summary.
//!
//! It sits below the commands (they import it; it imports only the client's request model).

use crate::client::{Endpoint, Method};

#[cfg(test)]
mod tests;

/// The group an operation belongs to (`altur mcp --toolsets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Toolset {
    Endusers,
    Messages,
    Calls,
    Campaigns,
    Contacts,
    Webhooks,
}

impl Toolset {
    pub(crate) const ALL: [Toolset; 6] = [
        Toolset::Endusers,
        Toolset::Messages,
        Toolset::Calls,
        Toolset::Campaigns,
        Toolset::Contacts,
        Toolset::Webhooks,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Toolset::Endusers => "endusers",
            Toolset::Messages => "messages",
            Toolset::Calls => "calls",
            Toolset::Campaigns => "campaigns",
            Toolset::Contacts => "contacts",
            Toolset::Webhooks => "webhooks",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<Toolset> {
        Toolset::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// What an operation may do to the world, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Access {
    /// Changes nothing.
    Read,
    /// Changes data in the account.
    Write,
    /// Reaches real people: places a call or sends a message, now or as a campaign runs.
    Contact,
}

/// What an id in an operation's path names, in the order of the template's `{...}` places
/// (`{action}` is not an id): an `altur mcp` tool for a plain GET is made from these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathId {
    EndUser,
    Thread,
    Call,
    Campaign,
    Contact,
}

/// One documented operation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation {
    /// Stable name, `resource_verb` (also the MCP tool's name).
    pub name: &'static str,
    pub toolset: Toolset,
    pub endpoint: Endpoint,
    pub access: Access,
    /// Whether the API takes an Idempotency-Key on it (so a retry cannot do it twice).
    pub idempotency_key: bool,
    /// Whether it removes or irreversibly retires something.
    pub destructive: bool,
    /// One line, the same as the command's `--help` summary.
    pub summary: &'static str,
    /// The ids in its path.
    pub ids: &'static [PathId],
}

const fn op(
    name: &'static str,
    toolset: Toolset,
    method: Method,
    template: &'static str,
    access: Access,
    summary: &'static str,
) -> Operation {
    Operation {
        name,
        toolset,
        endpoint: Endpoint { method, template },
        access,
        idempotency_key: false,
        destructive: false,
        summary,
        ids: &[],
    }
}

impl Operation {
    const fn with_idempotency_key(mut self) -> Operation {
        self.idempotency_key = true;
        self
    }

    const fn destructive(mut self) -> Operation {
        self.destructive = true;
        self
    }

    const fn ids(mut self, ids: &'static [PathId]) -> Operation {
        self.ids = ids;
        self
    }
}

use Access::{Contact, Read, Write};
use Method::{Delete, Get, Patch, Post, Put};
use Toolset::{Calls, Campaigns, Contacts, Endusers, Messages};

pub(crate) const ENDUSER_CREATE: Operation = op(
    "enduser_create",
    Endusers,
    Post,
    "/enduser",
    Write,
    "Create an EndUser",
);
pub(crate) const ENDUSER_GET: Operation = op(
    "enduser_get",
    Endusers,
    Get,
    "/enduser/{id}",
    Read,
    "Fetch an EndUser by id",
)
.ids(&[PathId::EndUser]);
pub(crate) const ENDUSER_UPDATE: Operation = op(
    "enduser_update",
    Endusers,
    Put,
    "/enduser/{id}",
    Write,
    "Change an EndUser's name or info (only the fields given are sent)",
)
.ids(&[PathId::EndUser]);
pub(crate) const MESSAGE_SEND: Operation = op(
    "message_send",
    Messages,
    Post,
    "/message",
    Contact,
    "Send an EndUser's message to an agent and print the agent's replies",
);
pub(crate) const MESSAGE_LIST: Operation = op(
    "message_list",
    Messages,
    Get,
    "/message/{thread_id}",
    Read,
    "List a thread's messages, oldest first",
)
.ids(&[PathId::Thread]);
pub(crate) const THREAD_GET: Operation = op(
    "thread_get",
    Messages,
    Get,
    "/thread/{id}",
    Read,
    "Fetch a thread with its agent, EndUser, integration, tags and assignees",
)
.ids(&[PathId::Thread]);
pub(crate) const CALL_START: Operation = op(
    "call_start",
    Calls,
    Post,
    "/call",
    Contact,
    "Start an outbound phone call handled by an agent (POST /call)",
);
pub(crate) const CALL_GET: Operation =
    op("call_get", Calls, Get, "/call/{id}", Read, "Fetch one call").ids(&[PathId::Call]);
pub(crate) const CALL_RECORDING: Operation = op(
    "call_recording",
    Calls,
    Get,
    "/call/{id}/recording",
    Read,
    "Download one call's recording to a file",
)
.ids(&[PathId::Call]);
pub(crate) const CALL_LIST: Operation = op(
    "call_list",
    Calls,
    Get,
    "/campaigns/{id}/calls",
    Read,
    "List the calls of a campaign (GET /campaigns/{id}/calls)",
)
.ids(&[PathId::Campaign]);
pub(crate) const CAMPAIGN_LIST: Operation = op(
    "campaign_list",
    Campaigns,
    Get,
    "/campaigns",
    Read,
    "List campaigns, newest first",
);
pub(crate) const CAMPAIGN_CREATE: Operation = op(
    "campaign_create",
    Campaigns,
    Post,
    "/campaigns",
    Write,
    "Create a phone-call or WhatsApp campaign",
)
.with_idempotency_key();
pub(crate) const CAMPAIGN_GET: Operation = op(
    "campaign_get",
    Campaigns,
    Get,
    "/campaigns/{id}",
    Read,
    "Show a campaign with its analytics",
)
.ids(&[PathId::Campaign]);
pub(crate) const CAMPAIGN_UPDATE: Operation = op(
    "campaign_update",
    Campaigns,
    Patch,
    "/campaigns/{id}",
    Write,
    "Change some fields of a campaign (only those given are sent)",
)
.ids(&[PathId::Campaign]);
/// The four lifecycle actions share one endpoint; `{action}` is the verb of the name.
const ACTION: &str = "/campaigns/{id}/{action}";
pub(crate) const CAMPAIGN_ACTIVATE: Operation = op(
    "campaign_activate",
    Campaigns,
    Post,
    ACTION,
    Contact,
    "Start a campaign (from pending, ready or cooldown)",
)
.ids(&[PathId::Campaign]);
pub(crate) const CAMPAIGN_PAUSE: Operation = op(
    "campaign_pause",
    Campaigns,
    Post,
    ACTION,
    Write,
    "Pause a campaign (from active or cooldown)",
)
.ids(&[PathId::Campaign]);
pub(crate) const CAMPAIGN_RESUME: Operation = op(
    "campaign_resume",
    Campaigns,
    Post,
    ACTION,
    Contact,
    "Resume a paused campaign",
)
.ids(&[PathId::Campaign]);
pub(crate) const CAMPAIGN_ARCHIVE: Operation = op(
    "campaign_archive",
    Campaigns,
    Post,
    ACTION,
    Write,
    "Archive a campaign (from any status)",
)
.destructive()
.ids(&[PathId::Campaign]);
pub(crate) const CONTACT_LIST: Operation = op(
    "contact_list",
    Contacts,
    Get,
    "/campaigns/{id}/contacts",
    Read,
    "List the contacts of a campaign",
)
.ids(&[PathId::Campaign]);
pub(crate) const CONTACT_ADD: Operation = op(
    "contact_add",
    Contacts,
    Post,
    "/campaigns/{id}/contacts",
    Write,
    "Add one contact to a campaign",
)
.with_idempotency_key()
.ids(&[PathId::Campaign]);
pub(crate) const CONTACT_GET: Operation = op(
    "contact_get",
    Contacts,
    Get,
    "/campaigns/{id}/contacts/{contact_id}",
    Read,
    "Show one contact",
)
.ids(&[PathId::Campaign, PathId::Contact]);
pub(crate) const CONTACT_DELETE: Operation = op(
    "contact_delete",
    Contacts,
    Delete,
    "/campaigns/{id}/contacts/{contact_id}",
    Write,
    "Delete a contact (only in queue or failed status)",
)
.destructive()
.ids(&[PathId::Campaign, PathId::Contact]);

/// Every operation, in the order of `altur --help` (the spec test and the MCP catalogue test
/// read it).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const OPERATIONS: [Operation; 22] = [
    ENDUSER_CREATE,
    ENDUSER_GET,
    ENDUSER_UPDATE,
    MESSAGE_SEND,
    MESSAGE_LIST,
    THREAD_GET,
    CALL_START,
    CALL_GET,
    CALL_LIST,
    CALL_RECORDING,
    CAMPAIGN_LIST,
    CAMPAIGN_GET,
    CAMPAIGN_CREATE,
    CAMPAIGN_UPDATE,
    CAMPAIGN_ACTIVATE,
    CAMPAIGN_PAUSE,
    CAMPAIGN_RESUME,
    CAMPAIGN_ARCHIVE,
    CONTACT_ADD,
    CONTACT_LIST,
    CONTACT_GET,
    CONTACT_DELETE,
];
