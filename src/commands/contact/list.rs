//! `altur contact list --campaign ID`.

use super::{CONTACT, LIST, checked_numeric_id};
use crate::cli::ContactListArgs;
use crate::error::Result;
use crate::paging::Style;
use crate::session::Session;

/// A campaign's contacts, a page at a time as they arrive (`--limit`, `--all`, `--after`).
pub fn run(session: &Session, args: &ContactListArgs) -> Result<()> {
    let campaign = checked_numeric_id("campaign", &args.campaign)?;
    let mut call = LIST.call(&[&campaign.to_string()]);
    if let Some(status) = &args.status {
        call = call.with_query("status", status);
    }
    crate::commands::list::items(
        session,
        call,
        Style::PageIndex,
        "contacts",
        &CONTACT,
        &args.page,
    )
}
