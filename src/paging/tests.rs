//! Unit tests of paging.

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
    Client::new(
        &settings,
        settings.api_key().unwrap(),
        std::sync::Arc::new(Output::memory()),
    )
    .unwrap()
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
    let out = Output::memory();
    let mut printer = ListPrinter::new(&out, &ITEM, OutputFormat::Table);
    let stop = list(&client, listing(Limit::Items(130), None), &mut printer).unwrap();
    assert_eq!(printer.count(), 130);
    let stop = stop.expect("stopped early");
    assert_eq!(
        stop,
        Position {
            page: Page::Index(1),
            skip: 30,
            before: 130,
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
    let out = Output::memory();
    let mut printer = ListPrinter::new(&out, &ITEM, OutputFormat::Table);
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
    let out = Output::memory();
    let mut printer = ListPrinter::new(&out, &ITEM, OutputFormat::Table);
    let stop = list(&client, listing(Limit::Items(100), None), &mut printer).unwrap();
    assert_eq!(
        stop,
        Some(Position {
            page: Page::Index(1),
            skip: 0,
            before: 100,
        })
    );
    assert_eq!(seen.lock().unwrap().len(), 1);
}

fn pagination(fields: Value) -> Pagination {
    serde_json::from_str(&fields.to_string()).unwrap()
}

fn next(fields: Value, current: &Page, style: Option<Style>) -> Result<Option<Page>> {
    next_page(Some(&pagination(fields)), current, style).map(|(next, _)| next)
}

#[test]
fn cursor_pages_follow_next_cursor_while_has_next_or_has_more() {
    let first = Page::First;
    let cursor = |c: &str| Ok(Some(Page::Cursor(c.into())));
    assert_eq!(
        next(json!({"has_next": true, "next_cursor": "c2"}), &first, None),
        cursor("c2")
    );
    assert_eq!(
        next(json!({"has_more": true, "next_cursor": "c2"}), &first, None),
        cursor("c2")
    );
    assert_eq!(
        next(json!({"next_cursor": "c2"}), &first, None),
        cursor("c2")
    );
    assert_eq!(
        next(
            json!({"has_more": false, "next_cursor": "c2"}),
            &first,
            None
        ),
        Ok(None)
    );
    assert_eq!(next(json!({"has_next": false}), &first, None), Ok(None));
    assert_eq!(next_page(None, &first, None).unwrap().0, None);
}

#[test]
fn more_without_a_next_cursor_is_a_server_error_never_a_switch_to_page_indexes() {
    for fields in [
        json!({"has_next": true}),
        json!({"has_next": true, "next_cursor": ""}),
        json!({"has_next": true, "next_cursor": null}),
        json!({"has_more": true, "next_page": 2}),
    ] {
        let e = next(fields.clone(), &Page::First, Some(Style::Cursor)).unwrap_err();
        assert_eq!(e.kind, Kind::Server, "{fields}");
        assert!(e.message.contains("gave no cursor"), "{}", e.message);
    }
    let e = next(json!({"has_next": true}), &Page::First, None).unwrap_err();
    assert!(e.message.contains("gave no cursor"), "{}", e.message);
}

#[test]
fn page_indexes_follow_next_page_or_count_up_to_the_apis_maximum() {
    let index = |i| Ok(Some(Page::Index(i)));
    let style = Some(Style::PageIndex);
    assert_eq!(
        next(
            json!({"has_next": true, "next_page": 7}),
            &Page::Index(2),
            style
        ),
        index(7)
    );
    assert_eq!(
        next(json!({"has_next": true}), &Page::Index(2), style),
        index(3)
    );
    assert_eq!(
        next(
            json!({"has_next": true, "page_index": 4}),
            &Page::First,
            None
        ),
        index(5)
    );
    assert_eq!(
        next(
            json!({"has_next": false, "next_page": 3}),
            &Page::Index(2),
            style
        ),
        Ok(None)
    );
    assert_eq!(
        next(
            json!({"has_next": true, "next_page": 25000}),
            &Page::Index(2),
            style
        ),
        index(25000)
    );
    let e = next(
        json!({"has_next": true, "next_page": 25001}),
        &Page::Index(2),
        style,
    )
    .unwrap_err();
    assert_eq!(e.kind, Kind::Server);
    assert!(e.message.contains("25000"), "{}", e.message);
}

#[test]
fn a_scan_reads_pagination_counts_and_raw_items_and_skips_the_rest() {
    let page =
        br#"{"success":true,"campaigns":[{"id":1,"agent":{"id":"a"}} , {"id":2}],"total_count":2,
        "pagination":{"has_next":true,"next_cursor":"c\u0032","extra":[1]}}"#;
    let scanned = scan(page, Some("campaigns"), true).unwrap();
    let items: Vec<&str> = scanned.items.unwrap().iter().map(|i| i.get()).collect();
    assert_eq!(items, [r#"{"id":1,"agent":{"id":"a"}}"#, r#"{"id":2}"#]);
    assert_eq!(scanned.total_count, Some(2));
    assert_eq!(scanned.empty, Some(false));
    let pagination = scanned.pagination.unwrap();
    assert_eq!(pagination.next_cursor.as_deref(), Some("c2"));
    assert_eq!(pagination.has_next, Some(true));
    let first = scan(br#"{"n":1,"a":{"b":[1]},"x":[],"y":[1]}"#, None, false).unwrap();
    assert_eq!(first.empty, Some(true), "the first array is x");
    assert_eq!(scan(b"[]", None, false).unwrap().empty, Some(true));
    assert_eq!(
        scan(br#"{"pagination":{"has_next":"yes"}}"#, None, false)
            .unwrap()
            .pagination,
        Some(Pagination::default())
    );
    assert!(scan(b"{\"a\":", None, false).is_err());
    assert!(scan(b"{} x", None, false).is_err());
}

#[test]
fn after_tokens_round_trip_and_bad_ones_are_input_errors() {
    for position in [
        Position {
            page: Page::Cursor("c/=+ é".into()),
            skip: 3,
            before: 0,
        },
        Position {
            page: Page::Index(12),
            skip: 0,
            before: 250,
        },
        Position {
            page: Page::First,
            skip: 99,
            before: 0,
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
