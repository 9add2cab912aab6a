//! `altur call export` (contract section 21) through the binary, against a fake API on
//! 127.0.0.1 that records every request with its arrival time: the campaign selection on the
//! wire, the index (NDJSON and CSV), transcripts, names, filters, resume after `kill -9`, the
//! lock, failures, the shared 429 pause, a closed stdout, `-o json` errors, and the sandbox.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::{
    Altur, HandlerServer, KEY, Recorded, Reply, Sandbox, Spawned, send_signal, wait_until,
};

/// A call of a campaign's listing.
fn call(n: u64, tags: &[&str], f_id: &str, name: &str) -> Value {
    json!({
        "id": format!("cll_{n}"),
        "type": "outbound",
        "status": "ended",
        "answered_by": "human",
        "created_at": format!("2026-05-{:02}T23:39:40-06:00", 10 + n % 10),
        "duration": 60 + n,
        "contact": {"id": n, "f_id": f_id, "name": name, "phone_number": format!("+5255100000{n:02}"), "status": "answered"},
        "tags": tags,
        "recording_url": format!("/call/cll_{n}/recording"),
    })
}

fn messages(id: &str) -> Value {
    json!([
        {"thread_id": format!("thr_{id}"), "type": "text", "content": format!("Hola, llamo por {id}"), "sent_by": "AI", "sent_at": "2026-05-14T08:39:40-06:00", "read": true},
        {"thread_id": format!("thr_{id}"), "type": "text", "content": "Pago el viernes", "sent_by": "EU", "sent_at": "2026-05-14T08:40:02-06:00", "read": true},
    ])
}

/// What the fake API answers, beyond the defaults.
type Hook = dyn Fn(&str) -> Option<Reply> + Send + Sync;

/// A fake Altur API: campaigns with their calls, each call a thread and a WAV recording.
/// Every request is logged with the time it arrived.
struct Api {
    server: HandlerServer,
    log: Arc<Mutex<Vec<(Instant, String)>>>,
}

impl Api {
    fn new(
        campaigns: Vec<(u64, &str, Vec<Value>)>,
        hook: impl Fn(&str) -> Option<Reply> + Send + Sync + 'static,
    ) -> Api {
        let campaigns: Vec<(u64, String, Vec<Value>)> = campaigns
            .into_iter()
            .map(|(id, name, calls)| (id, name.to_owned(), calls))
            .collect();
        let log = Arc::new(Mutex::new(Vec::new()));
        let hook: Arc<Hook> = Arc::new(hook);
        let server = {
            let log = log.clone();
            HandlerServer::new(move |_, request: &Recorded| {
                log.lock()
                    .unwrap()
                    .push((Instant::now(), request.path.clone()));
                if let Some(reply) = hook(&request.path) {
                    return reply;
                }
                answer(&campaigns, &request.path)
            })
        };
        Api { server, log }
    }

    fn url(&self) -> String {
        self.server.url()
    }

    fn paths(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .map(|(_, p)| p.clone())
            .collect()
    }

    fn count(&self, path: &str) -> usize {
        self.paths().iter().filter(|p| *p == path).count()
    }
}

fn answer(campaigns: &[(u64, String, Vec<Value>)], path: &str) -> Reply {
    let (route, query) = path.split_once('?').unwrap_or((path, ""));
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        ["campaigns", id] => match campaigns.iter().find(|c| c.0.to_string() == *id) {
            Some((id, name, _)) => Reply::json(
                200,
                json!({"success": true, "campaign": {"id": id, "name": name, "status": "finished"}})
                    .to_string(),
            ),
            None => Reply::json(404, r#"{"error":"CAMPAIGN_NOT_FOUND","message":"no campaign"}"#),
        },
        ["campaigns", id, "calls"] => {
            let calls = campaigns
                .iter()
                .find(|c| c.0.to_string() == *id)
                .map(|c| c.2.clone())
                .unwrap_or_default();
            let index: usize = query
                .split('&')
                .find_map(|p| p.strip_prefix("pageIndex="))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            // Pages of 5: paging is exercised with few calls.
            let page: Vec<Value> = calls.iter().skip(index * 5).take(5).cloned().collect();
            let more = calls.len() > (index + 1) * 5;
            Reply::json(
                200,
                json!({"total_count": calls.len(), "calls": page,
                       "pagination": {"page_index": index, "page_size": 5, "has_next": more, "next_page": index + 1}})
                .to_string(),
            )
        }
        ["call", id] => Reply::json(
            200,
            json!({"id": id, "status": "ended", "thread": {"id": format!("thr_{id}")}}).to_string(),
        ),
        ["message", thread] => {
            let id = thread.trim_start_matches("thr_");
            Reply::json(200, messages(id).to_string())
        }
        ["call", id, "recording"] => Reply::Raw(
            200,
            vec![("Content-Type".into(), "audio/wav".into())],
            format!("RIFF audio of {id}").into_bytes(),
        ),
        _ => Reply::json(599, r#"{"error":599,"message":"unscripted"}"#),
    }
}

fn no_hook(_: &str) -> Option<Reply> {
    None
}

fn export(api: &Api, dir: &Path) -> Altur {
    Altur::new()
        .against_url(&api.url())
        .args(["call", "export", "--dir"])
        .arg(dir)
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn three_calls() -> Vec<Value> {
    vec![
        call(1, &["PROMESA"], "0074235796811684", "Ana Pérez"),
        call(2, &[], "0099", "Luis Gómez"),
        call(3, &["NO DEFINE", "VIP"], "0100", "Eva Ruiz"),
    ]
}

#[test]
fn the_index_holds_the_contract_fields_in_order_with_relative_paths() {
    let api = Api::new(vec![(4821, "Cobranza Mayo", three_calls())], no_hook);
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let run = export(&api, &dir)
        .args(["--campaign", "4821", "--with", "transcripts,recordings"])
        .run();
    run.success()
        .stderr_has("export: 3 exported, 0 already done, 0 failed");
    let index = std::fs::read_to_string(dir.join("calls.ndjson")).unwrap();
    let first = index.lines().next().unwrap();
    assert_eq!(
        first,
        json!({
            "campaign_id": 4821, "campaign_name": "Cobranza Mayo", "id": "cll_1",
            "created_at": "2026-05-11T23:39:40-06:00", "status": "ended", "answered_by": "human",
            "duration": 61, "tags": ["PROMESA"],
            "contact": {"id": 1, "f_id": "0074235796811684", "name": "Ana Pérez", "phone_number": "+525510000001"},
            "transcript": "transcripts/cll_1.txt", "recording": "recordings/cll_1.wav"
        })
        .to_string()
    );
    let ids: Vec<Value> = lines(&index).iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [json!("cll_1"), json!("cll_2"), json!("cll_3")]);
    assert_eq!(
        lines(&run.stdout)[0],
        json!({"call": "cll_1", "status": "exported", "transcript": "transcripts/cll_1.txt", "recording": "recordings/cll_1.wav"})
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("transcripts/cll_1.txt")).unwrap(),
        "Thread thr_cll_1 (2 messages)\n\n\
         [2026-05-14 14:39:40] Agent: Hola, llamo por cll_1\n\
         [2026-05-14 14:40:02] Customer: Pago el viernes\n"
    );
    assert_eq!(
        std::fs::read(dir.join("recordings/cll_3.wav")).unwrap(),
        b"RIFF audio of cll_3"
    );
    // The transcript's path: GET /call/{id}, then the thread's messages.
    assert_eq!(api.count("/call/cll_2"), 1);
    assert_eq!(api.count("/message/thr_cll_2"), 1);

    // CSV: the same columns, nested ones dotted, arrays joined with ';'.
    let run = export(&api, &dir)
        .args([
            "--campaign",
            "4821",
            "--with",
            "transcripts,recordings",
            "--index",
            "csv",
        ])
        .run();
    run.success().stderr_has("0 exported, 3 already done");
    let csv = std::fs::read_to_string(dir.join("calls.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "campaign_id,campaign_name,id,created_at,status,answered_by,duration,tags,contact.id,\
         contact.f_id,contact.name,contact.phone_number,transcript,recording"
    );
    assert_eq!(
        rows[3],
        "4821,Cobranza Mayo,cll_3,2026-05-13T23:39:40-06:00,ended,human,63,NO DEFINE;VIP,3,0100,\
         Eva Ruiz,+525510000003,transcripts/cll_3.txt,recordings/cll_3.wav"
    );
    assert_eq!(rows.len(), 4);
}

#[test]
fn filters_go_to_the_api_or_apply_here() {
    let mut calls = three_calls();
    calls.push(call(4, &["PROMESA"], "0074235796811684", "Ana Pérez"));
    let api = Api::new(vec![(4821, "Mayo", calls)], no_hook);
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let run = export(&api, &dir)
        .args([
            "--campaign",
            "4821",
            "--status",
            "ended",
            "--answered-by",
            "human",
        ])
        .args(["--since", "2026-05-01", "--until", "2026-06-01T00:00:00Z"])
        .args(["--tag", "VIP", "--tag", "PROMESA"])
        .args([
            "--where",
            "contact.f_id=0074235796811684",
            "--where",
            "duration=64",
        ])
        .run();
    run.success();
    let exported: Vec<Value> = lines(&run.stdout)
        .iter()
        .map(|l| l["call"].clone())
        .collect();
    assert_eq!(exported, [json!("cll_4")]);
    let listing: Vec<String> = api
        .paths()
        .into_iter()
        .filter(|p| p.starts_with("/campaigns/4821/calls"))
        .collect();
    assert_eq!(
        listing,
        [
            "/campaigns/4821/calls?status=ended&answeredBy=human&startDate=2026-05-01\
          &endDate=2026-06-01T00%3A00%3A00Z&pageSize=100&pageIndex=0"
        ]
    );
    // Nothing but the index was asked for.
    assert_eq!(api.paths().len(), 2, "{:?}", api.paths());
    assert_eq!(
        lines(&std::fs::read_to_string(dir.join("calls.ndjson")).unwrap())[0]["transcript"],
        Value::Null
    );
}

#[test]
fn campaigns_are_listed_by_agent_status_and_dates_with_cursor_paging() {
    let pages = |path: &str| -> Option<Reply> {
        if !path.starts_with("/campaigns?") {
            return None;
        }
        let body = if path.contains("cursor=c2") {
            json!({"campaigns": [{"id": 9, "name": "Junio"}], "pagination": {"has_next": false}})
        } else {
            json!({"campaigns": [{"id": 4821, "name": "Mayo"}], "pagination": {"has_next": true, "next_cursor": "c2"}})
        };
        Some(Reply::json(200, body.to_string()))
    };
    let api = Api::new(
        vec![
            (4821, "Mayo", three_calls()),
            (9, "Junio", vec![call(5, &[], "1", "Sol")]),
        ],
        pages,
    );
    let home = tempfile::tempdir().unwrap();
    let before = std::time::SystemTime::now();
    let run = export(&api, &home.path().join("out"))
        .args([
            "--agent",
            "agt_1",
            "--since",
            "2026-05-01",
            "--campaign-status",
            "finished",
        ])
        .run();
    run.success();
    let paths = api.paths();
    let campaigns: Vec<&String> = paths
        .iter()
        .filter(|p| p.starts_with("/campaigns?"))
        .collect();
    assert_eq!(campaigns.len(), 2, "{paths:?}");
    // --since alone: endDate is now, since the API wants both.
    let prefix = "/campaigns?agentId=agt_1&status=finished&startDate=2026-05-01&endDate=";
    assert!(campaigns[0].starts_with(prefix), "{}", campaigns[0]);
    let rest = &campaigns[0][prefix.len()..];
    let (end, tail) = rest.split_once('&').unwrap();
    assert_eq!(tail, "pageSize=100");
    let end = end.replace("%3A", ":");
    let end = humantime::parse_rfc3339(&end).unwrap();
    assert!(end + Duration::from_secs(2) >= before, "{end:?}");
    assert!(
        campaigns[1].ends_with("&pageSize=100&cursor=c2"),
        "{}",
        campaigns[1]
    );
    // Each campaign's calls by page index (pages of 5 here), with the dates.
    assert!(
        paths.contains(
            &"/campaigns/9/calls?startDate=2026-05-01&pageSize=100&pageIndex=0".to_owned()
        )
    );
    let exported: Vec<(Value, Value)> =
        lines(&std::fs::read_to_string(home.path().join("out/calls.ndjson")).unwrap())
            .iter()
            .map(|l| (l["campaign_name"].clone(), l["id"].clone()))
            .collect();
    assert_eq!(exported.len(), 4);
    assert_eq!(exported[3], (json!("Junio"), json!("cll_5")));
}

#[test]
fn names_come_from_the_template_made_safe_and_unique() {
    let long = "ñ".repeat(200);
    let calls = vec![
        call(1, &[], "A/1", "Ana"),
        call(2, &[], "A/1", "Ana"),
        call(3, &[], "..", "x"),
        call(4, &[], "tab\there\\", "x"),
        call(5, &[], &long, "x"),
    ];
    let api = Api::new(vec![(7, "Mayo", calls)], no_hook);
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let run = export(&api, &dir)
        .args(["--campaign", "7", "--with", "transcripts,recordings"])
        .args([
            "--name",
            "{campaign_name}/{created_at:%Y-%m-%d}/{contact.f_id}",
        ])
        .run();
    run.success();
    let got: Vec<String> = lines(&run.stdout)
        .iter()
        .map(|l| l["recording"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(got[0], "recordings/Mayo/2026-05-12/A_1.wav");
    // The later call with the same name gets _{id}.
    assert_eq!(got[1], "recordings/Mayo/2026-05-13/A_1.wav");
    assert_eq!(got[2], "recordings/Mayo/2026-05-14/_.wav");
    assert_eq!(got[3], "recordings/Mayo/2026-05-15/tab_here_.wav");
    let name = Path::new(&got[4]).file_name().unwrap().to_str().unwrap();
    assert!(
        name.len() <= 255 && name.ends_with(".wav") && name.starts_with("ññ"),
        "{name}"
    );
    for path in &got {
        assert!(dir.join(path).is_file(), "{path}");
    }
    // Collisions, on one day.
    let same_day = vec![
        call(10, &[], "X", "Ana"),
        call(20, &[], "X", "Ana"),
        call(30, &[], "Y", "Ana"),
    ];
    let api = Api::new(vec![(7, "Mayo", same_day)], no_hook);
    let run = export(&api, &home.path().join("two"))
        .args([
            "--campaign",
            "7",
            "--with",
            "transcripts",
            "--name",
            "{contact.name}",
        ])
        .run();
    run.success();
    let got: Vec<Value> = lines(&run.stdout)
        .iter()
        .map(|l| l["transcript"].clone())
        .collect();
    assert_eq!(
        got,
        [
            json!("transcripts/Ana.txt"),
            json!("transcripts/Ana_cll_20.txt"),
            json!("transcripts/Ana_cll_30.txt")
        ]
    );
}

fn spawn_export(api: &Api, dir: &Path) -> Spawned {
    Altur::new()
        .against_url(&api.url())
        .args([
            "call",
            "export",
            "--campaign",
            "7",
            "--with",
            "transcripts,recordings",
            "--concurrency",
            "4",
            "--dir",
        ])
        .arg(dir)
        .spawn()
}

fn twenty_calls() -> Vec<Value> {
    (1..=20)
        .map(|n| call(n, &[], &format!("f{n}"), "x"))
        .collect()
}

#[test]
fn a_killed_export_resumes_fetching_only_what_is_missing_and_a_second_run_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    // The recordings of calls 6 and on never come in the first run.
    let release = Arc::new(AtomicBool::new(false));
    let first = {
        let release = release.clone();
        Api::new(vec![(7, "Mayo", twenty_calls())], move |path| {
            let n: u64 = path
                .strip_prefix("/call/cll_")?
                .strip_suffix("/recording")?
                .parse()
                .ok()?;
            while n > 5 && !release.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(10));
            }
            None
        })
    };
    let mut child = spawn_export(&first, &dir);
    let stalled = || {
        first
            .paths()
            .iter()
            .filter(|p| {
                p.ends_with("/recording")
                    && !["1", "2", "3", "4", "5"]
                        .iter()
                        .any(|n| p.as_str() == format!("/call/cll_{n}/recording"))
            })
            .count()
    };
    wait_until(Duration::from_secs(30), || stalled() == 4);
    // A second run into the same folder is refused while the first holds it.
    export(&first, &dir)
        .args(["--campaign", "7"])
        .run()
        .code(2)
        .stderr_has("another altur run is exporting into");
    send_signal(child.id(), "KILL");
    child.wait().unwrap();
    release.store(true, Ordering::SeqCst);
    let parts: Vec<String> = walk(&dir)
        .into_iter()
        .filter(|p| p.ends_with(".altur.part"))
        .collect();
    // Four recordings in flight, and the index of the run.
    assert_eq!(parts.len(), 5, "{parts:?}");

    let second = Api::new(vec![(7, "Mayo", twenty_calls())], no_hook);
    let run = export(&second, &dir)
        .args([
            "--campaign",
            "7",
            "--with",
            "transcripts,recordings",
            "--concurrency",
            "4",
        ])
        .run();
    run.success().stderr_has("removed 5 partial file(s)");
    for n in 1..=20 {
        let recording = format!("/call/cll_{n}/recording");
        let fetched = first.count(&recording) + second.count(&recording);
        // Each recording is downloaded once; the four cut by the kill once more.
        let expected = if (6..=9).contains(&n) { 2 } else { 1 };
        assert_eq!(fetched, expected, "{recording}");
        let messages = format!("/message/thr_cll_{n}");
        assert_eq!(
            first.count(&messages) + second.count(&messages),
            1,
            "{messages}"
        );
        assert_eq!(
            std::fs::read(dir.join(format!("recordings/cll_{n}.wav"))).unwrap(),
            format!("RIFF audio of cll_{n}").as_bytes()
        );
    }
    assert!(walk(&dir).iter().all(|p| !p.ends_with(".altur.part")));
    assert_eq!(
        lines(&std::fs::read_to_string(dir.join("calls.ndjson")).unwrap()).len(),
        20
    );
    let statuses: Vec<String> = lines(&run.stdout)
        .iter()
        .map(|l| l["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(statuses.iter().filter(|s| *s == "skipped").count(), 5);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders: Vec<PathBuf> = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                folders.push(entry.path());
            } else {
                found.push(entry.path().display().to_string());
            }
        }
    }
    found
}

#[test]
fn one_failing_call_is_exit_9_with_the_rest_exported() {
    let api = Api::new(vec![(7, "Mayo", three_calls())], |path| {
        (path == "/call/cll_2/recording")
            .then(|| Reply::json(500, r#"{"error":500,"message":"storage is down"}"#))
    });
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let run = export(&api, &dir)
        .args([
            "--campaign",
            "7",
            "--with",
            "transcripts,recordings",
            "--retries",
            "0",
        ])
        .run();
    run.code(9).stderr_has("1 of 3 calls failed");
    let results = lines(&run.stdout);
    assert_eq!(results[1]["status"], "failed");
    assert_eq!(results[1]["error"]["kind"], "server");
    // Its transcript is there all the same; the others are whole.
    assert_eq!(results[1]["transcript"], "transcripts/cll_2.txt");
    assert_eq!(results[0]["status"], "exported");
    assert_eq!(results[2]["status"], "exported");
    assert!(dir.join("recordings/cll_3.wav").is_file());
    let index = lines(&std::fs::read_to_string(dir.join("calls.ndjson")).unwrap());
    assert_eq!(index.len(), 3);
    assert_eq!(index[1]["recording"], Value::Null);
    // A re-run asks only for what is missing.
    let again = Api::new(vec![(7, "Mayo", three_calls())], no_hook);
    export(&again, &dir)
        .args(["--campaign", "7", "--with", "transcripts,recordings"])
        .run()
        .success();
    let fetched: Vec<String> = again
        .paths()
        .into_iter()
        .filter(|p| !p.starts_with("/campaigns"))
        .collect();
    assert_eq!(fetched, ["/call/cll_2/recording"]);
}

#[test]
fn a_429_pauses_every_worker() {
    let limited = Arc::new(Mutex::new(None::<Instant>));
    let api = {
        let limited = limited.clone();
        Api::new(vec![(7, "Mayo", twenty_calls())], move |path| {
            if path == "/message/thr_cll_3" {
                let mut limited = limited.lock().unwrap();
                if limited.is_none() {
                    *limited = Some(Instant::now());
                    return Some(Reply::with_headers(
                        429,
                        &[("Content-Type", "application/json"), ("Retry-After", "1")],
                        r#"{"error":429,"message":"slow down"}"#,
                    ));
                }
            }
            None
        })
    };
    let home = tempfile::tempdir().unwrap();
    let run = export(&api, &home.path().join("out"))
        .args([
            "--campaign",
            "7",
            "--with",
            "transcripts",
            "--concurrency",
            "4",
        ])
        .run();
    run.success();
    let at = limited.lock().unwrap().expect("a 429 was sent");
    let log = api.log.lock().unwrap().clone();
    // Requests in flight as the 429 came may still land; after them, nothing for a second.
    let during: Vec<&(Instant, String)> = log
        .iter()
        .filter(|(t, path)| {
            !path.starts_with("/campaigns")
                && *t > at + Duration::from_millis(200)
                && *t < at + Duration::from_millis(900)
        })
        .collect();
    assert!(during.is_empty(), "requests during the pause: {during:?}");
    assert_eq!(api.count("/message/thr_cll_3"), 2);
    assert_eq!(lines(&run.stdout).len(), 20);
}

#[test]
fn a_closed_stdout_ends_with_130_a_summary_and_no_partial_file() {
    let api = Api::new(
        vec![(
            7,
            "Mayo",
            (1..=200).map(|n| call(n, &[], "f", "x")).collect(),
        )],
        no_hook,
    );
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let mut child = spawn_export(&api, &dir);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let run = child.finish();
    run.code(130).stderr_has("export: ");
    let files = walk(&dir);
    assert!(
        files.iter().all(|p| !p.ends_with(".altur.part")),
        "{files:?}"
    );
    assert!(files.len() < 300, "it went on: {}", files.len());
    // The index of an interrupted run is not written half.
    assert!(!dir.join("calls.ndjson").exists());
}

#[test]
fn errors_under_json_are_one_object() {
    let api = Api::new(vec![], |path| {
        path.starts_with("/campaigns/7/calls")
            .then(|| Reply::json(500, r#"{"error":500,"message":"boom"}"#))
    });
    let home = tempfile::tempdir().unwrap();
    let run = export(&api, &home.path().join("out"))
        .args(["--campaign", "7", "--retries", "0", "-o", "json"])
        .run();
    run.code(5);
    let error: Value = serde_json::from_str(run.stderr.lines().last().unwrap()).unwrap();
    assert_eq!(error["error"]["kind"], "server");
    assert_eq!(error["error"]["status"], 500);
    let run = export(&api, &home.path().join("out"))
        .args(["--campaign", "7", "--where", "nofield", "-o", "json"])
        .run();
    run.code(2);
    let error: Value = serde_json::from_str(run.stderr.lines().last().unwrap()).unwrap();
    assert_eq!(error["error"]["kind"], "input");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("FIELD=VALUE")
    );
    for bad in [
        ["--name", "{created_at:%Q}"],
        ["--since", "yesterday"],
        ["--dry-run", "--concurrency=2"],
    ] {
        let run = export(&api, &home.path().join("out"))
            .args(["--campaign", "7"])
            .args(bad)
            .run();
        assert_eq!(run.code, 2, "{bad:?}: {}", run.stderr);
    }
    // Nothing was sent for the refused ones.
    assert!(api.paths().iter().all(|p| p.starts_with("/campaigns/7")));
}

#[test]
fn the_sandbox_campaign_exports_with_transcripts_and_recordings() {
    let sandbox = Sandbox::start(&["--seed", "7"]);
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let run = Altur::new()
        .against_sandbox(&sandbox)
        .args([
            "call",
            "export",
            "--campaign",
            "4821",
            "--with",
            "transcripts,recordings",
            "--dir",
        ])
        .arg(&dir)
        .run();
    run.success();
    let index = lines(&std::fs::read_to_string(dir.join("calls.ndjson")).unwrap());
    assert_eq!(index.len(), 24);
    let ended: Vec<&Value> = index.iter().filter(|c| c["status"] == "ended").collect();
    assert!(!ended.is_empty());
    for call in ended {
        let transcript =
            std::fs::read_to_string(dir.join(call["transcript"].as_str().unwrap())).unwrap();
        assert!(transcript.starts_with("Thread thr_"), "{transcript}");
        assert!(transcript.contains("] Agent: "), "{transcript}");
    }
    assert!(
        index
            .iter()
            .any(|c| c["recording"].as_str().is_some_and(|p| p.ends_with(".wav")))
    );
}

#[test]
fn a_name_that_would_hold_the_key_writes_no_file() {
    let calls = vec![call(1, &[], "f1", KEY), call(2, &[], "f2", "Ana")];
    let api = Api::new(vec![(7, "Mayo", calls)], no_hook);
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let run = export(&api, &dir)
        .args([
            "--campaign",
            "7",
            "--with",
            "transcripts,recordings",
            "--name",
            "{contact.name}",
        ])
        .run();
    run.code(9);
    let results = lines(&run.stdout);
    assert_eq!(results[0]["status"], "failed");
    assert_eq!(results[1]["status"], "exported");
    assert!(
        walk(&dir).iter().all(|p| !p.contains("LEAKCHECK")),
        "{:?}",
        walk(&dir)
    );
    // Nothing was asked for that call.
    assert_eq!(api.count("/call/cll_1"), 0);
    assert_eq!(api.count("/call/cll_1/recording"), 0);
}

#[test]
fn ctrl_c_cuts_the_downloads_in_flight_and_exits_130_with_a_summary() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let release = Arc::new(AtomicBool::new(false));
    let api = {
        let release = release.clone();
        Api::new(vec![(7, "Mayo", twenty_calls())], move |path| {
            path.strip_prefix("/call/cll_")?
                .strip_suffix("/recording")?;
            while !release.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(10));
            }
            None
        })
    };
    // Downloads waiting for their answer are given up at once: far below the --timeout.
    let child = Altur::new()
        .against_url(&api.url())
        .args([
            "call",
            "export",
            "--campaign",
            "7",
            "--with",
            "recordings",
            "--timeout",
            "600",
        ])
        .arg("--dir")
        .arg(&dir)
        .spawn();
    let waiting = || {
        api.paths()
            .iter()
            .filter(|p| p.ends_with("/recording"))
            .count()
    };
    wait_until(Duration::from_secs(30), || waiting() == 4);
    send_signal(child.id(), "INT");
    let started = Instant::now();
    let run = child.finish();
    release.store(true, Ordering::SeqCst);
    run.code(130);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    run.stderr_has("export: 0 exported, 0 already done, 0 failed")
        .stdout_empty()
        .stderr_has("run the same command again");
    let files = walk(&dir);
    assert!(
        files.iter().all(|p| !p.ends_with(".altur.part")),
        "{files:?}"
    );
    assert!(!dir.join("recordings").exists() || walk(&dir.join("recordings")).is_empty());
}

/// A recording's extension comes from its Content-Type as `call recording` maps it, except
/// that a missing one or one naming no known audio type (`application/octet-stream` too) gives
/// `.wav` (contract section 21).
#[test]
fn a_recording_without_a_known_audio_type_is_saved_as_wav() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("out");
    let calls = (1..=3).map(|n| call(n, &[], "f", "x")).collect();
    let api = Api::new(vec![(7, "Mayo", calls)], |path| {
        let id = path.strip_prefix("/call/")?.strip_suffix("/recording")?;
        let headers = match id {
            "cll_1" => vec![("Content-Type".into(), "application/octet-stream".into())],
            "cll_2" => vec![],
            _ => vec![("Content-Type".into(), "audio/mpeg".into())],
        };
        Some(Reply::Raw(200, headers, b"audio".to_vec()))
    });
    export(&api, &dir)
        .args(["--campaign", "7", "--with", "recordings"])
        .run()
        .success();
    for name in ["cll_1.wav", "cll_2.wav", "cll_3.mp3"] {
        assert!(
            dir.join("recordings").join(name).is_file(),
            "{name}: {:?}",
            std::fs::read_dir(dir.join("recordings"))
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect::<Vec<_>>()
        );
    }
}
