//! A paging list command (`campaign list`, `contact list`): the items printed as pages
//! arrive, `--limit`, `--all` and `--after` as contract section 12 says.

use crate::client::Call;
use crate::error::Result;
use crate::output::{self, Resource};
use crate::paging::{self, Limit, Listing, Position, Style};
use crate::session::Session;

/// A list command: `--dry-run` prints the first page's request; otherwise the items are
/// printed as pages arrive, `--limit`/`--all`/`--after` as contract section 12 says.
pub fn items(
    session: &Session,
    call: Call,
    style: Style,
    items_key: &'static str,
    resource: &'static Resource,
    page: &crate::cli::PageArgs,
) -> Result<()> {
    let after = page
        .after
        .as_deref()
        .map(Position::from_token)
        .transpose()?;
    let limit = if page.all {
        Limit::All
    } else {
        Limit::Items(page.limit.unwrap_or(paging::DEFAULT_LIMIT))
    };
    let first = call
        .clone()
        .with_query("pageSize", paging::PAGE_SIZE.to_string());
    let Some(client) = session.prepare(&first)? else {
        return Ok(());
    };
    let mut printer = output::ListPrinter::new(session.out(), resource, session.format()?);
    let listing = Listing {
        call,
        style,
        items_key,
        limit,
        after,
        continue_with: continue_command(),
    };
    paging::list(client, listing, &mut printer)?;
    printer.finish()
}

/// This command line without its `--after`, to continue from.
pub fn continue_command() -> String {
    let mut words = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(word) = args.next() {
        if word == "--after" {
            args.next();
            continue;
        }
        if word.starts_with("--after=") {
            continue;
        }
        words.push(word);
    }
    format!("altur {}", shell_words::join(&words))
}
