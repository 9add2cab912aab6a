//! `altur contact add | import | list | get | delete` (contract section 17): what the verbs
//! share: how a contact is printed, its endpoints, its ids. The bodies are [`body`]'s.

pub mod add;
mod body;
pub mod delete;
pub mod get;
pub mod import;
pub mod list;

pub use body::*;

use crate::client::Endpoint;
use crate::error::Result;
use crate::ids::checked_positive as checked_numeric_id;
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

pub(super) fn ids(campaign: &str, contact: &str) -> Result<(u64, u64)> {
    Ok((
        checked_numeric_id("campaign", campaign)?,
        checked_numeric_id("contact", contact)?,
    ))
}
