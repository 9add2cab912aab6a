//! `altur contact add | import | list | get | delete` (contract section 17): what the verbs
//! share: how a contact is printed, its endpoints, its ids. The bodies are [`body`]'s.

mod body;

crate::commands::verbs! {
    /// `altur contact ...` (contract section 17).
    pub(crate) enum ContactCommand {
        Add => add,
        Import => import,
        List => list,
        Get => get,
        Delete => delete,
    }
}

pub use body::*;

use crate::client::Endpoint;
use crate::output::Resource;

/// How a campaign contact is printed (contract section 17's list columns).
pub const CONTACT: Resource = Resource {
    name: "contact",
    fields: &[
        "id",
        "name",
        "contact",
        "status",
        "call_count",
        "last_call_at",
    ],
    columns: &[
        "id",
        "name",
        "contact",
        "status",
        "call_count",
        "last_call_at",
    ],
    id: "id",
    wrapper: Some("contact"),
};

/// What `contact add` prints in a table: the row the API answered for the contact.
pub(super) const ADDED: Resource = Resource {
    name: "contact",
    fields: &["id", "contact", "outcome"],
    columns: &["id", "contact", "outcome"],
    id: "id",
    wrapper: None,
};

pub const LIST: Endpoint = crate::registry::CONTACT_LIST.endpoint;
pub const GET: Endpoint = crate::registry::CONTACT_GET.endpoint;
pub const DELETE: Endpoint = crate::registry::CONTACT_DELETE.endpoint;
