//! Paging, in one place (contract section 12 "Lists"). The API pages two ways:
//! - cursor: `cursor` in the query, `pagination.next_cursor` in the answer, and `has_next`
//!   (or its older spelling `has_more`) saying whether there is a next page;
//! - page index: `pageIndex`/`pageSize` in the query, `pagination.has_next`, and `next_page`
//!   when the server gives it (else the index plus one).
//!
//! [`Pager`] follows either, one page at a time, as bytes: it reads only what paging needs
//! ([`scan`]). It refuses to loop (a cursor or page seen twice is exit 5, remembered as a
//! bounded set of hashes), never changes paging style mid-list, and stops with exit 5 when a
//! page says there is more but names no next page, or names one above the API's maximum
//! (contract section 20). [`list`] builds `--limit`, `--all` and `--after` on top of it,
//! printing items as they arrive so memory stays flat.

mod scan;

use std::collections::{HashSet, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::{Value, json};

use crate::client::{Body, Call, Client, Expect};
use crate::error::{Error, Kind, Result};
use crate::output::{ListPrinter, Output};

pub use scan::{Pagination, Scanned, scan};

/// Items fetched per page by list commands.
pub const PAGE_SIZE: u64 = 100;
/// `--limit` when neither it nor `--all` is given.
pub const DEFAULT_LIMIT: u64 = 30;
/// The highest `pageIndex` the API serves (contract section 20).
pub const MAX_PAGE_INDEX: u64 = 25_000;
/// Pages remembered by the loop guard (as 8-byte hashes), far more than any real listing.
const SEEN_PAGES: usize = 100_000;

/// How an endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Cursor,
    PageIndex,
}

/// Which page to ask for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    First,
    Cursor(String),
    Index(u64),
}

impl Page {
    /// The query parameter that asks for this page, if any.
    fn query(&self) -> Option<(&'static str, String)> {
        match self {
            Page::First => None,
            Page::Cursor(cursor) => Some(("cursor", cursor.clone())),
            Page::Index(index) => Some(("pageIndex", index.to_string())),
        }
    }

    /// How to resume `altur api --paginate` here: the `--query` to add.
    pub fn resume_hint(&self) -> Option<String> {
        self.query().map(|(name, value)| {
            format!("--query {}", shell_words::quote(&format!("{name}={value}")))
        })
    }
}

/// Where a list resumes: a page, and how many of its items were already shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub page: Page,
    pub skip: u64,
    /// Items shown before this position by earlier runs (0 when unknown), so that a
    /// continued list says "showing 31-60 of 120", not "showing 30 of 120" again.
    pub before: u64,
}

impl Position {
    /// An opaque token for `--after`.
    pub fn token(&self) -> String {
        let mut value = match &self.page {
            Page::First => json!({"s": self.skip}),
            Page::Cursor(cursor) => json!({"c": cursor, "s": self.skip}),
            Page::Index(index) => json!({"p": index, "s": self.skip}),
        };
        if self.before > 0 {
            value["n"] = self.before.into();
        }
        let text = value.to_string();
        let mut token = String::from("a1");
        for byte in text.bytes() {
            token.push_str(&format!("{byte:02x}"));
        }
        token
    }

    /// Reads an `--after` token; one that does not decode is a usage error.
    pub fn from_token(token: &str) -> Result<Position> {
        let bad = || {
            Error::input(format!(
                "--after '{}' is not a token altur printed",
                crate::output::for_terminal(token)
            ))
        };
        let hex = token.strip_prefix("a1").ok_or_else(bad)?;
        if hex.len() % 2 != 0 || !hex.is_ascii() {
            return Err(bad());
        }
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
            .collect::<std::result::Result<Vec<u8>, _>>()
            .map_err(|_| bad())?;
        let value: Value = serde_json::from_slice(&bytes).map_err(|_| bad())?;
        let skip = value.get("s").and_then(Value::as_u64).ok_or_else(bad)?;
        let page = match (value.get("c"), value.get("p")) {
            (Some(Value::String(cursor)), None) => Page::Cursor(cursor.clone()),
            (None, Some(index)) => Page::Index(index.as_u64().ok_or_else(bad)?),
            (None, None) => Page::First,
            _ => return Err(bad()),
        };
        let before = match value.get("n") {
            None => 0,
            Some(n) => n.as_u64().ok_or_else(bad)?,
        };
        Ok(Position { page, skip, before })
    }
}

/// One page of answers, parsed.
pub struct Fetched {
    /// The page that was asked for.
    pub page: Page,
    pub body: Value,
    /// The page after it, if the pagination fields say there is one.
    pub next: Option<Page>,
}

/// One page of answers as the server sent it.
pub struct RawPage {
    /// The page that was asked for.
    pub page: Page,
    pub bytes: Vec<u8>,
    /// The page after it, if the pagination fields say there is one.
    pub next: Option<Page>,
}

/// Follows an endpoint's pages, either style, from `start`.
pub struct Pager<'c> {
    client: &'c Client,
    call: Call,
    next: Option<Page>,
    /// The paging style, once known: from the start page, the listing, or the first page's
    /// pagination fields. It never changes afterwards.
    style: Option<Style>,
    /// Hashes of the pages asked for, to refuse a loop; bounded, oldest forgotten first.
    seen: HashSet<u64>,
    order: VecDeque<u64>,
    /// Where the items are in a page, to stop at an empty one (`None`: the first array).
    items_key: Option<&'static str>,
}

impl<'c> Pager<'c> {
    /// `call` is the first page's request, filters included; they are sent on every page.
    pub fn new(
        client: &'c Client,
        call: Call,
        start: Page,
        items_key: Option<&'static str>,
    ) -> Self {
        let style = match start {
            Page::First => None,
            Page::Cursor(_) => Some(Style::Cursor),
            Page::Index(_) => Some(Style::PageIndex),
        };
        Pager {
            client,
            call,
            next: Some(start),
            style,
            seen: HashSet::new(),
            order: VecDeque::new(),
            items_key,
        }
    }

    /// The paging style, when the caller knows it (list commands do).
    pub fn with_style(mut self, style: Style) -> Self {
        self.style = Some(style);
        self
    }

    /// The page that will be asked for next, if any: where to resume after a failure.
    pub fn upcoming(&self) -> Option<&Page> {
        self.next.as_ref()
    }

    /// The next page, parsed, or `None` after the last one.
    pub fn fetch(&mut self) -> Result<Option<Fetched>> {
        let Some(raw) = self.fetch_raw()? else {
            return Ok(None);
        };
        let body = serde_json::from_slice(&raw.bytes).map_err(|e| not_json(&e))?;
        Ok(Some(Fetched {
            page: raw.page,
            body,
            next: raw.next,
        }))
    }

    /// The next page as bytes, or `None` after the last one.
    pub fn fetch_raw(&mut self) -> Result<Option<RawPage>> {
        self.fetch_with(|_, _| Ok(()))
    }

    /// The next page as bytes; `look` sees its bytes and its scan (the items as raw slices
    /// when the pager has an items key) before the next page is decided, so what a page
    /// holds is shown even when its pagination fields are refused.
    pub fn fetch_with(
        &mut self,
        look: impl FnOnce(&[u8], &Scanned<'_>) -> Result<()>,
    ) -> Result<Option<RawPage>> {
        let Some(page) = self.next.take() else {
            return Ok(None);
        };
        self.remember(&page)?;
        let mut call = self.call.clone();
        if let Some((name, value)) = page.query() {
            call.query.retain(|(n, _)| n != name);
            call.query.push((name.to_owned(), value));
        }
        let bytes = match self.get(&call) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.next = Some(page);
                return Err(e);
            }
        };
        let scanned = scan(&bytes, self.items_key, self.items_key.is_some()).map_err(|e| {
            self.next = None;
            not_json(&e)
        })?;
        look(&bytes, &scanned)?;
        let next = if scanned.empty == Some(true) {
            None
        } else {
            let (next, style) = next_page(scanned.pagination.as_ref(), &page, self.style)?;
            self.style = self.style.or(style);
            next
        };
        drop(scanned);
        self.next = next.clone();
        Ok(Some(RawPage { page, bytes, next }))
    }

    /// Refuses a page asked for before (a loop), by its hash.
    fn remember(&mut self, page: &Page) -> Result<()> {
        let mut hasher = DefaultHasher::new();
        page.hash(&mut hasher);
        let hash = hasher.finish();
        if !self.seen.insert(hash) {
            let what = match page {
                Page::Cursor(cursor) => {
                    let shown: String = cursor.chars().take(40).collect();
                    format!("the cursor '{}'", crate::output::for_terminal(&shown))
                }
                Page::Index(index) => format!("page {index}"),
                Page::First => "the first page".to_owned(),
            };
            return Err(Error::new(
                Kind::Server,
                format!("the server sent {what} twice; stopping rather than looping"),
            ));
        }
        self.order.push_back(hash);
        if self.order.len() > SEEN_PAGES
            && let Some(oldest) = self.order.pop_front()
        {
            self.seen.remove(&oldest);
        }
        Ok(())
    }

    /// The page's bytes: a 2xx answer up to 10 MiB (larger is refused, exit 5).
    fn get(&self, call: &Call) -> Result<Vec<u8>> {
        let mut refuse = TooLarge(false);
        let reply = self
            .client
            .exchange(call, Expect::Bytes(&mut refuse), false);
        match reply {
            Ok(reply) => match reply.body {
                Body::Bytes(bytes) => Ok(bytes),
                Body::Json(value) => Ok(value.to_string().into_bytes()),
                _ => Ok(Vec::new()),
            },
            Err(_) if refuse.0 => Err(Error::new(
                Kind::Server,
                "a page is larger than 10 MiB; not reading it",
            )),
            Err(e) => Err(e),
        }
    }
}

/// The writer the client streams an answer larger than 10 MiB to: pages are never that large,
/// so it refuses, and remembers that it did.
struct TooLarge(bool);

impl std::io::Write for TooLarge {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        self.0 = true;
        Err(std::io::Error::other("a page is larger than 10 MiB"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn not_json(error: &serde_json::Error) -> Error {
    Error::new(
        Kind::Server,
        format!("the server answered a page that is not JSON ({error})"),
    )
}

/// The items of a page: under `key`, or else the first array among its fields.
pub fn items_of<'v>(body: &'v Value, key: Option<&str>) -> Option<&'v Vec<Value>> {
    match key {
        Some(key) => body.get(key)?.as_array(),
        None => match body {
            Value::Array(items) => Some(items),
            Value::Object(map) => map.values().find_map(Value::as_array),
            _ => None,
        },
    }
}

/// The page after `current` from the page's `pagination`, in the listing's `style` (the
/// first page's fields decide it when it is not known yet, and it is returned). A page that
/// says there is more but names no next page in that style, or a page index above
/// [`MAX_PAGE_INDEX`], is exit 5: the alternatives are looping or switching style.
pub fn next_page(
    pagination: Option<&Pagination>,
    current: &Page,
    style: Option<Style>,
) -> Result<(Option<Page>, Option<Style>)> {
    let Some(pagination) = pagination else {
        return Ok((None, style));
    };
    let has_next = pagination.has_next.or(pagination.has_more);
    let style = style.or(if pagination.next_cursor.is_some() {
        Some(Style::Cursor)
    } else if pagination.next_page.is_some() || pagination.page_index.is_some() {
        Some(Style::PageIndex)
    } else {
        None
    });
    let no_cursor = || {
        Error::new(
            Kind::Server,
            "the server said there is more but gave no cursor; stopping here",
        )
    };
    match style {
        Some(Style::Cursor) => match pagination.next_cursor.as_deref() {
            Some(cursor) if has_next != Some(false) && !cursor.is_empty() => {
                Ok((Some(Page::Cursor(cursor.to_owned())), style))
            }
            _ if has_next == Some(true) => Err(no_cursor()),
            _ => Ok((None, style)),
        },
        Some(Style::PageIndex) => {
            if has_next != Some(true) {
                return Ok((None, style));
            }
            let next = match (pagination.next_page, current, pagination.page_index) {
                (Some(next), _, _) => next,
                (None, &Page::Index(index), _) | (None, _, Some(index)) => index + 1,
                (None, _, None) => return Err(no_cursor()),
            };
            if next > MAX_PAGE_INDEX {
                return Err(Error::new(
                    Kind::Server,
                    format!(
                        "the server named page {next}, above the API's last page \
                         ({MAX_PAGE_INDEX}); stopping here"
                    ),
                ));
            }
            Ok((Some(Page::Index(next)), style))
        }
        None if has_next == Some(true) => Err(no_cursor()),
        None => Ok((None, style)),
    }
}

/// How many items a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Items(u64),
    All,
}

/// A list command's request: what to fetch and how much of it to show.
pub struct Listing {
    /// The first page's request, with the filters; they are sent on every page.
    pub call: Call,
    pub style: Style,
    /// Where the items are in each page (`contacts`, `calls` ...).
    pub items_key: &'static str,
    pub limit: Limit,
    /// `--after`: where the previous run stopped.
    pub after: Option<Position>,
    /// The command to print, before `--after TOKEN`, when the limit stops early.
    pub continue_with: String,
}

/// Lists items: pages of [`PAGE_SIZE`], from `after` (or the first page), printed as they
/// arrive (as the server's bytes) until `limit`, the last page or an empty one. When the
/// limit stops before the last item, stderr says so with the command to continue
/// (`continue_with` plus `--after TOKEN`), and the position to resume from is returned.
///
/// A failure part-way leaves valid output (a JSON array is closed) and names the `--after`
/// token in its hint. A closed stdout ends `--all` with exit 130 and a summary on stderr,
/// and a `--limit` list quietly (contract section 20).
pub fn list(
    client: &Client,
    listing: Listing,
    printer: &mut ListPrinter<'_>,
) -> Result<Option<Position>> {
    let continue_with = listing.continue_with.clone();
    let all = listing.limit == Limit::All;
    let before = listing.after.as_ref().map_or(0, |p| p.before);
    let mut resume = None;
    let listed = list_pages(client, listing, printer, &mut resume);
    let Err(mut error) = listed else {
        return listed;
    };
    let shown = printer.count();
    let token = resume.map(|page| {
        Position {
            page,
            skip: 0,
            before: before + shown,
        }
        .token()
    });
    if error.kind == Kind::StdoutClosed {
        if !all {
            return Err(error);
        }
        let mut closed = Error::new(
            Kind::Interrupted,
            format!("stdout was closed after {shown} item(s); stopped listing"),
        );
        if let Some(token) = token {
            closed = closed.with_hint(format!("continue with: {continue_with} --after {token}"));
        }
        return Err(closed);
    }
    let _ = printer.close_after_failure();
    if let Some(token) = token {
        error.hint = Some(format!(
            "{shown} item(s) were printed; continue with: {continue_with} --after {token}"
        ));
    }
    Err(error)
}

fn list_pages(
    client: &Client,
    listing: Listing,
    printer: &mut ListPrinter<'_>,
    resume: &mut Option<Page>,
) -> Result<Option<Position>> {
    let Listing {
        call,
        style,
        items_key,
        limit,
        after,
        continue_with,
    } = listing;
    let continue_with = continue_with.as_str();
    let mut call = call.with_query("pageSize", PAGE_SIZE.to_string());
    let start = match (&after, style) {
        (Some(position), _) => position.page.clone(),
        (None, Style::PageIndex) => Page::Index(0),
        (None, Style::Cursor) => Page::First,
    };
    if style == Style::Cursor {
        call.query.retain(|(n, _)| n != "pageIndex");
    }
    let before = after.as_ref().map_or(0, |p| p.before);
    let mut skip = after.map_or(0, |p| p.skip);
    let mut pager = Pager::new(client, call, start, Some(items_key)).with_style(style);
    let mut shown = 0u64;
    loop {
        *resume = pager.upcoming().cloned();
        let mut stop = None;
        let fetched = pager.fetch_with(|_, scanned| {
            let items = scanned.items.as_deref().unwrap_or_default();
            for (index, item) in items.iter().enumerate().skip(skip as usize) {
                if limit == Limit::Items(shown) {
                    stop = Some((index as u64, scanned.total_count));
                    return Ok(());
                }
                printer.raw_item(item)?;
                shown += 1;
            }
            if limit == Limit::Items(shown) {
                stop = Some((u64::MAX, scanned.total_count));
            }
            Ok(())
        })?;
        let Some(fetched) = fetched else {
            return Ok(None);
        };
        skip = 0;
        let resume_at = match stop {
            None => continue,
            Some((u64::MAX, total)) => match &fetched.next {
                Some(next) => (next.clone(), 0, total),
                None => return Ok(None),
            },
            Some((index, total)) => (fetched.page.clone(), index, total),
        };
        let (page, skip, total) = resume_at;
        let position = Position {
            page,
            skip,
            before: before + shown,
        };
        stopped_early(
            printer.out(),
            before,
            shown,
            total,
            &position,
            continue_with,
        );
        return Ok(Some(position));
    }
}

fn stopped_early(
    out: &Output,
    before: u64,
    shown: u64,
    total: Option<u64>,
    resume: &Position,
    continue_with: &str,
) {
    let total = total
        .map(|total| format!(" of {total}"))
        .unwrap_or_default();
    let range = if before > 0 {
        format!("{}-{}", before + 1, before + shown)
    } else {
        shown.to_string()
    };
    out.note(&format!(
        "showing {range}{total}; there are more. Continue with: {continue_with} --after {} (or use --all)",
        resume.token()
    ));
}

#[cfg(test)]
mod tests;
