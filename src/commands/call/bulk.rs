//! `call recordings`: every recording of a campaign's calls into one folder, concurrently,
//! with one NDJSON result per call in listing order (contract section 15).
//!
//! A lister thread pages through the calls and decides what needs no request (a complete file
//! already there is `skipped`; a call that cannot have a recording is `none`); workers download
//! the rest; this thread prints results in listing order as they complete. A window of slots
//! bounds how far the lister may run ahead of the printer, so memory stays flat for any
//! number of calls. Ctrl-C removes the files in flight, prints what completed and ends with
//! 130; a re-run skips the complete files and removes the leftovers of a killed one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::error::{Error, Kind, Result};

use super::download::{Download, Meter, Name, Source};
use super::files::{self, InFlight};

/// How often the printer looks at the interrupt flag.
const TICK: Duration = Duration::from_millis(50);

/// What became of one call.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Downloaded {
        path: PathBuf,
        bytes: u64,
    },
    Skipped {
        path: PathBuf,
        bytes: u64,
    },
    /// The call has no recording (it was never answered, or the server says 404).
    None,
    Failed(Error),
}

impl Outcome {
    fn line(&self, call: &str) -> String {
        let path = |p: &Path| p.display().to_string();
        let value = match self {
            Outcome::Downloaded { path: p, bytes } => {
                json!({"call": call, "status": "downloaded", "path": path(p), "bytes": bytes})
            }
            Outcome::Skipped { path: p, bytes } => {
                json!({"call": call, "status": "skipped", "path": path(p), "bytes": bytes})
            }
            Outcome::None => json!({"call": call, "status": "none"}),
            Outcome::Failed(error) => json!({
                "call": call,
                "status": "failed",
                "error": {"kind": error.kind.name(), "status": error.status, "message": error.message},
            }),
        };
        let mut line = value.to_string();
        line.push('\n');
        line
    }
}

/// The counts of a run, for the summary and the exit code.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub downloaded: u64,
    pub skipped: u64,
    pub none: u64,
    pub failed: u64,
    pub bytes: u64,
}

impl Tally {
    fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Downloaded { bytes, .. } => {
                self.downloaded += 1;
                self.bytes += bytes;
            }
            Outcome::Skipped { .. } => self.skipped += 1,
            Outcome::None => self.none += 1,
            Outcome::Failed(_) => self.failed += 1,
        }
    }

    pub fn total(&self) -> u64 {
        self.downloaded + self.skipped + self.none + self.failed
    }
}

/// The calls of the campaign, page after page: each item goes to the sink, which returns false
/// when no more are wanted.
pub type Listing = Box<dyn FnOnce(&mut dyn FnMut(Value) -> bool) -> Result<()> + Send>;

pub struct Options {
    pub dir: PathBuf,
    pub concurrency: usize,
    pub retries: u32,
    pub base_url: String,
}

/// What the printer is told.
enum Message {
    Done(u64, String, Outcome),
    /// The lister is done: this many calls were listed, and how the listing ended.
    Listed(u64, Result<()>),
}

struct Job {
    number: u64,
    call: String,
    path: String,
}

/// What the run shares between its threads.
struct Shared {
    interrupted: Arc<AtomicBool>,
    /// Set on an error that stops every download (the key is refused).
    fatal: Mutex<Option<Error>>,
    in_flight: InFlight,
    bytes: AtomicU64,
}

impl Shared {
    fn stopping(&self) -> bool {
        self.interrupted.load(Ordering::Relaxed)
            || self
                .fatal
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_some()
    }
}

/// Counts the bytes of every download for the progress line.
struct Bytes<'a>(&'a AtomicU64);

impl Meter for Bytes<'_> {
    fn add(&self, bytes: u64) {
        self.0.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// Shows progress (on a terminal) as results come.
pub trait Progress {
    fn update(&self, _tally: &Tally, _bytes_received: u64) {}
    fn finish(&self) {}
}

/// Runs the whole download; `print` gets the NDJSON lines in listing order. Returns the tally
/// and how the run ended: `Ok` when every call has its result, else the error that stopped it
/// (interrupted, the listing failed, the key was refused).
pub fn run(
    options: &Options,
    source: Arc<dyn Source>,
    listing: Listing,
    interrupted: Arc<AtomicBool>,
    print: &mut dyn FnMut(&str) -> Result<()>,
    progress: &dyn Progress,
) -> (Tally, Result<()>) {
    let shared = Arc::new(Shared {
        interrupted,
        fatal: Mutex::new(None),
        in_flight: InFlight::default(),
        bytes: AtomicU64::new(0),
    });
    let window = 4 * options.concurrency + 64;
    let (slot_return, slots) = sync_channel::<()>(window);
    for _ in 0..window {
        slot_return.send(()).expect("the window has room");
    }
    // As deep as the window: while the lister waits for the next page of the listing, the
    // workers still have the rest of this one to download.
    let (jobs_tx, jobs) = sync_channel::<Job>(window);
    let jobs = Arc::new(Mutex::new(jobs));
    let (results_tx, results) = channel::<Message>();
    // Detached threads: on Ctrl-C this thread returns at once, even while a download waits on
    // a silent server; the process ends with them.
    {
        let shared = shared.clone();
        let results = results_tx.clone();
        let dir = options.dir.clone();
        let base_url = options.base_url.clone();
        std::thread::spawn(move || {
            let mut number = 0u64;
            let listed = listing(&mut |item| {
                if shared.stopping() || slots.recv().is_err() {
                    return false;
                }
                number += 1;
                match plan(&dir, &base_url, &item) {
                    Plan::Done(call, outcome) => {
                        let _ = results.send(Message::Done(number, call, outcome));
                    }
                    Plan::Download { call, path } => {
                        let job = Job { number, call, path };
                        if jobs_tx.send(job).is_err() {
                            return false;
                        }
                    }
                }
                !shared.stopping()
            });
            let _ = results.send(Message::Listed(number, listed));
        });
    }
    for _ in 0..options.concurrency {
        let (shared, jobs, results, source) = (
            shared.clone(),
            jobs.clone(),
            results_tx.clone(),
            source.clone(),
        );
        let (dir, retries) = (options.dir.clone(), options.retries);
        std::thread::spawn(move || worker(&shared, &jobs, &results, &*source, &dir, retries));
    }
    drop(results_tx);
    let ended = print_in_order(&results, &slot_return, &shared, print, progress);
    progress.finish();
    ended
}

enum Plan {
    Done(String, Outcome),
    Download { call: String, path: String },
}

/// What one listed call needs.
fn plan(dir: &Path, base_url: &str, item: &Value) -> Plan {
    let Some(call) = item.get("id").and_then(|id| match id {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }) else {
        let error = Error::new(Kind::Server, "a listed call has no id");
        return Plan::Done("(no id)".into(), Outcome::Failed(error));
    };
    if let Err(error) = super::start::checked_opaque_id("call", &call) {
        return Plan::Done(call, Outcome::Failed(error));
    }
    if let Some(path) = files::existing_recording(dir, &call) {
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        return Plan::Done(call, Outcome::Skipped { path, bytes });
    }
    let recording_url = item.get("recording_url").and_then(Value::as_str);
    let status = item.get("status").and_then(Value::as_str);
    // Without a recording_url, only an ended call may have one: ask for it.
    if recording_url.is_none() && status.is_some_and(|s| s != "ended") {
        return Plan::Done(call, Outcome::None);
    }
    let path = files::recording_path(base_url, &call, recording_url);
    Plan::Download { call, path }
}

fn worker(
    shared: &Shared,
    jobs: &Mutex<Receiver<Job>>,
    results: &Sender<Message>,
    source: &dyn Source,
    dir: &Path,
    retries: u32,
) {
    loop {
        let job = match jobs.lock().unwrap_or_else(|e| e.into_inner()).recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        if shared.stopping() {
            return;
        }
        let download = Download {
            path: &job.path,
            name: Name::ById {
                dir: dir.to_owned(),
                call_id: job.call.clone(),
            },
            force: false,
            retries,
            in_flight: &shared.in_flight,
            meter: &Bytes(&shared.bytes),
        };
        let outcome = match download.run(source) {
            Ok(saved) => Outcome::Downloaded {
                path: saved.path,
                bytes: saved.bytes,
            },
            Err(error) if error.status == Some(404) => Outcome::None,
            Err(error) if error.kind == Kind::Interrupted => return,
            Err(error) if error.kind == Kind::Auth => {
                let mut fatal = shared.fatal.lock().unwrap_or_else(|e| e.into_inner());
                fatal.get_or_insert(error.clone());
                Outcome::Failed(error)
            }
            Err(error) => Outcome::Failed(error),
        };
        if results
            .send(Message::Done(job.number, job.call, outcome))
            .is_err()
        {
            return;
        }
    }
}

fn print_in_order(
    results: &Receiver<Message>,
    slot_return: &SyncSender<()>,
    shared: &Shared,
    print: &mut dyn FnMut(&str) -> Result<()>,
    progress: &dyn Progress,
) -> (Tally, Result<()>) {
    let mut pending: BTreeMap<u64, (String, Outcome)> = BTreeMap::new();
    let mut next = 1u64;
    let mut tally = Tally::default();
    let mut listed: Option<(u64, Result<()>)> = None;
    let mut last_progress = Instant::now();
    loop {
        let message = results.recv_timeout(TICK);
        let disconnected = matches!(message, Err(RecvTimeoutError::Disconnected));
        let mut message = message.ok();
        while let Some(received) = message {
            match received {
                Message::Done(number, call, outcome) => {
                    pending.insert(number, (call, outcome));
                }
                Message::Listed(count, result) => listed = Some((count, result)),
            }
            message = results.try_recv().ok();
        }
        if shared.interrupted.load(Ordering::Relaxed) {
            shared.in_flight.close_and_remove();
            // What completed is printed, gaps and all: those calls are done on disk.
            let mut text = String::new();
            for (_, (call, outcome)) in std::mem::take(&mut pending) {
                text.push_str(&outcome.line(&call));
                tally.count(&outcome);
            }
            if let Err(error) = print(&text) {
                return (tally, Err(error));
            }
            return (tally, Err(Error::new(Kind::Interrupted, "interrupted")));
        }
        let mut text = String::new();
        while let Some((call, outcome)) = pending.remove(&next) {
            text.push_str(&outcome.line(&call));
            tally.count(&outcome);
            let _ = slot_return.try_send(());
            next += 1;
        }
        if !text.is_empty()
            && let Err(error) = print(&text)
        {
            shared.interrupted.store(true, Ordering::Relaxed);
            shared.in_flight.close_and_remove();
            return (tally, Err(error));
        }
        if last_progress.elapsed() >= Duration::from_millis(200) {
            progress.update(&tally, shared.bytes.load(Ordering::Relaxed));
            last_progress = Instant::now();
        }
        let fatal = shared
            .fatal
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match &listed {
            Some((count, _)) if next > *count => break,
            _ if disconnected => break,
            _ => {}
        }
        if let Some(error) = fatal {
            // The key was refused: nothing more can succeed.
            shared.interrupted.store(true, Ordering::Relaxed);
            shared.in_flight.close_and_remove();
            let mut text = String::new();
            for (_, (call, outcome)) in std::mem::take(&mut pending) {
                text.push_str(&outcome.line(&call));
                tally.count(&outcome);
            }
            let _ = print(&text);
            return (tally, Err(error));
        }
    }
    progress.update(&tally, shared.bytes.load(Ordering::Relaxed));
    // The key may have been refused just as the last listed call got its result: the listing
    // then stopped early (and says Ok), so the refusal is how the run ended.
    if let Some(error) = shared
        .fatal
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
    {
        return (tally, Err(error));
    }
    let ended = match listed {
        Some((_, result)) => result,
        None => Err(Error::internal("the listing stopped without a word")),
    };
    (tally, ended)
}

#[cfg(test)]
mod tests {
    use super::super::download::tests::Canned;
    use super::*;

    struct Quiet;
    impl Progress for Quiet {}

    fn listing(items: Vec<Value>) -> Listing {
        Box::new(move |sink| {
            for item in items {
                if !sink(item) {
                    break;
                }
            }
            Ok(())
        })
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
            base_url: "http://127.0.0.1:1/api/v1.0".into(),
        };
        let mut lines = String::new();
        let (tally, ended) = run(
            &options,
            Arc::new(source),
            listing(items),
            Arc::new(AtomicBool::new(false)),
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
            base_url: "http://127.0.0.1:1/api/v1.0".into(),
        };
        let listing: Listing = Box::new(|sink| {
            sink(json!({"id": "cll_1", "status": "busy"}));
            Err(Error::new(Kind::Network, "connection refused"))
        });
        let mut out = String::new();
        let (tally, ended) = run(
            &options,
            Arc::new(Canned::new(vec![])),
            listing,
            Arc::new(AtomicBool::new(false)),
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
}
