use super::super::download::tests::Canned;
use super::*;

struct Quiet;
impl Progress for Quiet {}

fn never() -> bool {
    false
}

fn run_with(
    dir: &Path,
    source: Canned,
    items: Vec<Value>,
    concurrency: usize,
) -> (Tally, Result<()>, Vec<Value>) {
    let options = Options {
        dir: dir.to_owned(),
        concurrency,
        retries: 0,
        timeout: Duration::from_secs(5),
        base_url: "http://127.0.0.1:1/api/v1.0".into(),
    };
    let mut lines = String::new();
    let (tally, ended) = run(
        &options,
        &source,
        items.into_iter().map(Ok),
        &never,
        &Output::memory(),
        &mut |text| {
            lines.push_str(text);
            Ok(())
        },
        &Quiet,
    );
    let lines = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (tally, ended, lines)
}

#[test]
fn results_come_in_listing_order_with_every_status() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cll_2.wav"), b"done").unwrap();
    let items = vec![
        json!({"id": "cll_1", "status": "ended", "recording_url": "/api/v1.0/call/cll_1/recording"}),
        json!({"id": "cll_2", "status": "ended", "recording_url": "/api/v1.0/call/cll_2/recording"}),
        json!({"id": "cll_3", "status": "busy"}),
        json!({"id": "cll_4", "status": "ended"}),
        json!({"id": "cll_5", "status": "ended"}),
    ];
    // cll_1 downloads, cll_4 is a 404, cll_5 a server error.
    let source = Canned::new(vec![
        Ok((Some("audio/wav"), b"one".to_vec(), None)),
        Err(Error {
            status: Some(404),
            ..Error::new(Kind::Api, "HTTP 404: no recording")
        }),
        Err(Error {
            status: Some(500),
            ..Error::new(Kind::Server, "HTTP 500: boom")
        }),
    ]);
    let (tally, ended, lines) = run_with(dir.path(), source, items, 1);
    assert!(ended.is_ok());
    let path = |name: &str| dir.path().join(name).display().to_string();
    assert_eq!(
        lines,
        vec![
            json!({"call": "cll_1", "status": "downloaded", "path": path("cll_1.wav"), "bytes": 3}),
            json!({"call": "cll_2", "status": "skipped", "path": path("cll_2.wav"), "bytes": 4}),
            json!({"call": "cll_3", "status": "none"}),
            json!({"call": "cll_4", "status": "none"}),
            json!({"call": "cll_5", "status": "failed", "error": {"kind": "server", "status": 500, "message": "HTTP 500: boom"}}),
        ]
    );
    assert_eq!(
        tally,
        Tally {
            downloaded: 1,
            skipped: 1,
            none: 2,
            failed: 1,
            bytes: 3
        }
    );
    assert_eq!(std::fs::read(dir.path().join("cll_1.wav")).unwrap(), b"one");
}

#[test]
fn many_calls_concurrently_stay_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<Value> = (0..300)
        .map(|i| json!({"id": format!("cll_{i}"), "status": "ended"}))
        .collect();
    let answers = (0..300)
        .map(|_| Ok((Some("audio/mpeg"), vec![1u8; 1000], None)))
        .collect();
    let (tally, ended, lines) = run_with(dir.path(), Canned::new(answers), items, 8);
    assert!(ended.is_ok());
    assert_eq!(tally.downloaded, 300);
    assert_eq!(tally.bytes, 300_000);
    let calls: Vec<String> = lines
        .iter()
        .map(|l| l["call"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("cll_{i}")).collect();
    assert_eq!(calls, expected);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 300);
}

#[test]
fn a_refused_key_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<Value> = (0..50)
        .map(|i| json!({"id": format!("cll_{i}"), "status": "ended"}))
        .collect();
    let answers = (0..50)
        .map(|_| {
            Err(Error {
                status: Some(401),
                ..Error::auth("HTTP 401: invalid API key")
            })
        })
        .collect();
    let (tally, ended, _) = run_with(dir.path(), Canned::new(answers), items, 1);
    assert_eq!(ended.unwrap_err().kind, Kind::Auth);
    assert!(tally.failed >= 1 && tally.total() < 50, "{tally:?}");
}

#[test]
fn a_failed_listing_ends_the_run_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        dir: dir.path().to_owned(),
        concurrency: 2,
        retries: 0,
        timeout: Duration::from_secs(5),
        base_url: "http://127.0.0.1:1/api/v1.0".into(),
    };
    let listing = vec![
        Ok(json!({"id": "cll_1", "status": "busy"})),
        Err(Error::new(Kind::Network, "connection refused")),
    ];
    let mut out = String::new();
    let (tally, ended) = run(
        &options,
        &Canned::new(vec![]),
        listing.into_iter(),
        &never,
        &Output::memory(),
        &mut |t| {
            out.push_str(t);
            Ok(())
        },
        &Quiet,
    );
    assert_eq!(ended.unwrap_err().kind, Kind::Network);
    assert_eq!(tally.none, 1);
    assert_eq!(out, "{\"call\":\"cll_1\",\"status\":\"none\"}\n");
}
