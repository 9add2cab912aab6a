//! Paging, in one place (contract section 12 "Lists"). The API pages two ways:
//! - cursor: `cursor` in the query, `pagination.next_cursor` in the answer, and `has_next`
//!   (or its older spelling `has_more`) saying whether there is a next page;
//! - page index: `pageIndex`/`pageSize` in the query, `pagination.has_next`, and `next_page`
//!   when the server gives it (else the index plus one).
//!
//! [`Pager`] follows either, one page at a time, and refuses to loop (a cursor or page seen
//! twice is exit 5). [`list`] builds `--limit`, `--all` and `--after` on top of it, printing
//! items as they arrive so memory stays flat.

use std::collections::HashSet;

use serde_json::{Value, json};

use crate::client::{Call, Client};
use crate::error::{Error, Kind, Result};
use crate::output::{self, ListPrinter};

/// Items fetched per page by list commands.
pub const PAGE_SIZE: u64 = 100;
/// `--limit` when neither it nor `--all` is given.
pub const DEFAULT_LIMIT: u64 = 30;

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
}

impl Position {
    /// An opaque token for `--after`.
    pub fn token(&self) -> String {
        let value = match &self.page {
            Page::First => json!({"s": self.skip}),
            Page::Cursor(cursor) => json!({"c": cursor, "s": self.skip}),
            Page::Index(index) => json!({"p": index, "s": self.skip}),
        };
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
                output::for_terminal(token)
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
        Ok(Position { page, skip })
    }
}

/// One page of answers.
pub struct Fetched {
    /// The page that was asked for.
    pub page: Page,
    pub body: Value,
    /// The page after it, if the pagination fields say there is one.
    pub next: Option<Page>,
}

/// Follows an endpoint's pages, either style, from `start`.
pub struct Pager<'c> {
    client: &'c Client,
    call: Call,
    next: Option<Page>,
    /// Pages asked for, to refuse a loop.
    seen: HashSet<Page>,
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
        Pager {
            client,
            call,
            next: Some(start),
            seen: HashSet::new(),
            items_key,
        }
    }

    /// The page that will be asked for next, if any: where to resume after a failure.
    pub fn upcoming(&self) -> Option<&Page> {
        self.next.as_ref()
    }

    /// The next page, or `None` after the last one.
    pub fn fetch(&mut self) -> Result<Option<Fetched>> {
        let Some(page) = self.next.take() else {
            return Ok(None);
        };
        if !self.seen.insert(page.clone()) {
            let what = match &page {
                Page::Cursor(cursor) => format!("the cursor '{cursor}'"),
                Page::Index(index) => format!("page {index}"),
                Page::First => "the first page".to_owned(),
            };
            return Err(Error::new(
                Kind::Server,
                format!("the server sent {what} twice; stopping rather than looping"),
            ));
        }
        let mut call = self.call.clone();
        if let Some((name, value)) = page.query() {
            call.query.retain(|(n, _)| n != name);
            call.query.push((name.to_owned(), value));
        }
        let answer = match self.client.call(&call) {
            Ok(answer) => answer,
            Err(e) => {
                self.next = Some(page);
                return Err(e);
            }
        };
        let empty = items_of(&answer.body, self.items_key).is_some_and(|items| items.is_empty());
        let next = if empty {
            None
        } else {
            next_page(&answer.body, &page)
        };
        self.next = next.clone();
        Ok(Some(Fetched {
            page,
            body: answer.body,
            next,
        }))
    }
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

/// The page after `current`, from the answer's `pagination` object.
pub fn next_page(body: &Value, current: &Page) -> Option<Page> {
    let pagination = body.get("pagination")?;
    let flag = |name: &str| pagination.get(name).and_then(Value::as_bool);
    let has_next = flag("has_next").or(flag("has_more"));
    if let Some(cursor) = pagination.get("next_cursor").and_then(Value::as_str) {
        return (has_next != Some(false) && !cursor.is_empty())
            .then(|| Page::Cursor(cursor.to_owned()));
    }
    if has_next != Some(true) {
        return None;
    }
    if let Some(next) = pagination.get("next_page").and_then(Value::as_u64) {
        return Some(Page::Index(next));
    }
    let index = match current {
        Page::Index(index) => *index,
        _ => pagination
            .get("page_index")
            .and_then(Value::as_u64)
            .unwrap_or(0),
    };
    Some(Page::Index(index + 1))
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
/// arrive until `limit`, the last page or an empty one. When the limit stops before the
/// last item, stderr says so with the command to continue (`continue_with` plus
/// `--after TOKEN`), and the position to resume from is returned.
pub fn list(
    client: &Client,
    listing: Listing,
    printer: &mut ListPrinter<'_>,
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
    let mut skip = after.map_or(0, |p| p.skip);
    let mut pager = Pager::new(client, call, start, Some(items_key));
    let mut shown = 0u64;
    while let Some(fetched) = pager.fetch()? {
        let items = items_of(&fetched.body, Some(items_key))
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (index, item) in items.iter().enumerate().skip(skip as usize) {
            if limit == Limit::Items(shown) {
                let resume = Position {
                    page: fetched.page.clone(),
                    skip: index as u64,
                };
                return stopped_early(shown, &fetched.body, &resume, continue_with);
            }
            printer.item(item)?;
            shown += 1;
        }
        skip = 0;
        if limit == Limit::Items(shown)
            && let Some(next) = &fetched.next
        {
            let resume = Position {
                page: next.clone(),
                skip: 0,
            };
            return stopped_early(shown, &fetched.body, &resume, continue_with);
        }
    }
    Ok(None)
}

fn stopped_early(
    shown: u64,
    body: &Value,
    resume: &Position,
    continue_with: &str,
) -> Result<Option<Position>> {
    let total = body
        .get("total_count")
        .and_then(Value::as_u64)
        .map(|total| format!(" of {total}"))
        .unwrap_or_default();
    output::note(&format!(
        "showing {shown}{total}; there are more. Continue with: {continue_with} --after {} (or use --all)",
        resume.token()
    ));
    Ok(Some(resume.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::OutputFormat;
    use crate::output::Resource;
    use std::io::{BufRead, BufReader, Write};
    use std::sync::{Arc, Mutex};

    /// A loopback HTTP server answering each request with `answer(path)`; it records the
    /// request targets.
    fn serve(answer: fn(&str) -> String) -> (String, Arc<Mutex<Vec<String>>>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let record = record.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut writer = stream;
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        let target = line.split_whitespace().nth(1).unwrap_or("").to_owned();
                        loop {
                            let mut header = String::new();
                            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                                return;
                            }
                            if header.trim().is_empty() {
                                break;
                            }
                        }
                        let body = answer(&target);
                        record.lock().unwrap().push(target);
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                            body.len()
                        );
                        if writer.write_all(head.as_bytes()).is_err()
                            || writer.write_all(body.as_bytes()).is_err()
                        {
                            return;
                        }
                    }
                });
            }
        });
        (url, seen)
    }

    fn client_for(url: &str) -> Client {
        let url = url.to_owned();
        let env = move |name: &str| match name {
            "ALTUR_BASE_URL" => Some(url.clone()),
            "ALTUR_API_KEY" => Some("paging-unit-test-key-0013".to_owned()),
            "ALTUR_CONFIG" => Some("/nonexistent/config.toml".to_owned()),
            _ => None,
        };
        let settings =
            crate::config::Settings::resolve(&crate::cli::GlobalArgs::default(), &env).unwrap();
        Client::new(&settings, settings.api_key().unwrap()).unwrap()
    }

    const ITEM: Resource = Resource {
        name: "contact",
        fields: &[],
        columns: &["id"],
        id: "id",
        wrapper: None,
    };

    /// Page-index pages of 100 items (ids page*100 + i), pages 0 to 2, then an empty page 3.
    fn contacts(target: &str) -> String {
        let index: u64 = target
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("pageIndex="))
            .map_or(0, |i| i.parse().unwrap());
        let items: Vec<Value> = if index < 3 {
            (0..100).map(|i| json!({"id": index * 100 + i})).collect()
        } else {
            Vec::new()
        };
        json!({"total_count": 300, "contacts": items, "pagination": {"has_next": true}}).to_string()
    }

    fn listing(limit: Limit, after: Option<Position>) -> Listing {
        Listing {
            call: Call::new(crate::client::Method::Get, "/campaigns/1/contacts")
                .with_query("status", "a b"),
            style: Style::PageIndex,
            items_key: "contacts",
            limit,
            after,
            continue_with: "altur contact list 1".to_owned(),
        }
    }

    // The printers are tables that are never finished, so these tests print nothing; the
    // counts say what would have been printed.
    #[test]
    fn a_limit_stops_mid_page_without_fetching_more_and_after_resumes_there() {
        let (url, seen) = serve(contacts);
        let client = client_for(&url);
        let mut printer = ListPrinter::new(&ITEM, OutputFormat::Table);
        let stop = list(&client, listing(Limit::Items(130), None), &mut printer).unwrap();
        assert_eq!(printer.count(), 130);
        let stop = stop.expect("stopped early");
        assert_eq!(
            stop,
            Position {
                page: Page::Index(1),
                skip: 30
            }
        );
        assert_eq!(
            *seen.lock().unwrap(),
            [
                "/campaigns/1/contacts?status=a%20b&pageSize=100&pageIndex=0",
                "/campaigns/1/contacts?status=a%20b&pageSize=100&pageIndex=1",
            ]
        );
        seen.lock().unwrap().clear();
        let after = Position::from_token(&stop.token()).unwrap();
        let mut printer = ListPrinter::new(&ITEM, OutputFormat::Table);
        let stop = list(&client, listing(Limit::All, Some(after)), &mut printer).unwrap();
        assert_eq!(
            (printer.count(), stop),
            (170, None),
            "the rest, then the empty page"
        );
        assert_eq!(seen.lock().unwrap().len(), 3, "pages 1, 2 and the empty 3");
    }

    #[test]
    fn a_limit_at_a_page_end_resumes_on_the_next_page() {
        let (url, seen) = serve(contacts);
        let client = client_for(&url);
        let mut printer = ListPrinter::new(&ITEM, OutputFormat::Table);
        let stop = list(&client, listing(Limit::Items(100), None), &mut printer).unwrap();
        assert_eq!(
            stop,
            Some(Position {
                page: Page::Index(1),
                skip: 0
            })
        );
        assert_eq!(seen.lock().unwrap().len(), 1);
    }

    #[test]
    fn cursor_pages_follow_next_cursor_while_has_next_or_has_more() {
        let first = Page::First;
        let page = |p: Value| json!({"items": [1], "pagination": p});
        assert_eq!(
            next_page(
                &page(json!({"has_next": true, "next_cursor": "c2"})),
                &first
            ),
            Some(Page::Cursor("c2".into()))
        );
        assert_eq!(
            next_page(
                &page(json!({"has_more": true, "next_cursor": "c2"})),
                &first
            ),
            Some(Page::Cursor("c2".into()))
        );
        assert_eq!(
            next_page(
                &page(json!({"has_more": false, "next_cursor": "c2"})),
                &first
            ),
            None
        );
        assert_eq!(
            next_page(&page(json!({"has_next": true, "next_cursor": ""})), &first),
            None
        );
        assert_eq!(next_page(&json!({"items": []}), &first), None);
    }

    #[test]
    fn page_indexes_follow_next_page_or_count_up() {
        let page = |p: Value| json!({"calls": [1], "pagination": p});
        assert_eq!(
            next_page(
                &page(json!({"has_next": true, "next_page": 7})),
                &Page::Index(2)
            ),
            Some(Page::Index(7))
        );
        assert_eq!(
            next_page(&page(json!({"has_next": true})), &Page::Index(2)),
            Some(Page::Index(3))
        );
        assert_eq!(
            next_page(
                &page(json!({"has_next": true, "page_index": 4})),
                &Page::First
            ),
            Some(Page::Index(5))
        );
        assert_eq!(
            next_page(
                &page(json!({"has_next": false, "next_page": 3})),
                &Page::Index(2)
            ),
            None
        );
    }

    #[test]
    fn after_tokens_round_trip_and_bad_ones_are_input_errors() {
        for position in [
            Position {
                page: Page::Cursor("c/=+ é".into()),
                skip: 3,
            },
            Position {
                page: Page::Index(12),
                skip: 0,
            },
            Position {
                page: Page::First,
                skip: 99,
            },
        ] {
            assert_eq!(Position::from_token(&position.token()).unwrap(), position);
        }
        for bad in ["", "a1", "a1zz", "xyz", "a17b7d", "a1 7b"] {
            let e = Position::from_token(bad).unwrap_err();
            assert_eq!(e.kind, Kind::Input, "{bad}");
        }
    }

    #[test]
    fn items_are_found_under_their_key_or_as_the_first_array() {
        let body = json!({"total_count": 2, "contacts": [1, 2], "pagination": {}});
        assert_eq!(items_of(&body, Some("contacts")).unwrap().len(), 2);
        assert_eq!(items_of(&body, None).unwrap().len(), 2);
        assert_eq!(items_of(&json!([1]), None).unwrap().len(), 1);
        assert!(items_of(&json!({"a": 1}), None).is_none());
    }
}
