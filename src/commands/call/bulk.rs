//! `call recordings`: every recording of a campaign's calls into one folder, concurrently,
//! with one NDJSON result per call in listing order (contract section 15).
//!
//! The calls run through the one bulk pipeline (`crate::pipeline`): the listing pages on its
//! own thread, workers decide what needs no request (a complete file already there is
//! `skipped`; a call that cannot have a recording is `none`) and download the rest, and this
//! thread prints results in listing order. Ctrl-C or a closed stdout: nothing new starts, the
//! downloads in flight are cut and their partial files removed, what completed is printed,
//! then the summary and 130; a re-run skips the complete files and removes the leftovers of
//! a killed one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::pipeline::{Ctx, Ended, Flow, Pool};

use super::download::{Download, Meter, Name, Source};
use super::files::{self, InFlight};

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
    /// The run stopped before this call was done: nothing printed, nothing counted.
    Stopped,
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
            Outcome::Stopped => return String::new(),
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
            Outcome::Stopped => {}
        }
    }

    pub fn total(&self) -> u64 {
        self.downloaded + self.skipped + self.none + self.failed
    }
}

pub struct Options {
    pub dir: PathBuf,
    pub concurrency: usize,
    pub retries: u32,
    /// The longest wait for one chunk of a recording.
    pub timeout: Duration,
    pub base_url: String,
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
    /// Runs `print` with the progress line out of the way (a spinner cleared first).
    fn suspend(&self, print: &mut dyn FnMut()) {
        print();
    }
    fn finish(&self) {}
}

/// Runs the whole download; `print` gets the NDJSON lines in listing order, `stop` is polled
/// (Ctrl-C), notes go to `out`. Returns the tally and how the run ended: `Ok` when every call has its result,
/// else the error that stopped it (interrupted, a closed stdout, the listing failed, the key
/// was refused).
pub fn run(
    options: &Options,
    source: &dyn Source,
    listing: impl Iterator<Item = Result<Value>> + Send,
    stop: &(dyn Fn() -> bool + Sync),
    out: &Output,
    print: &mut dyn FnMut(&str) -> Result<()>,
    progress: &dyn Progress,
) -> (Tally, Result<()>) {
    let bytes = AtomicU64::new(0);
    let in_flight = InFlight::default();
    let mut tally = Tally::default();
    let mut print_error: Option<Error> = None;
    let mut last_progress = Instant::now();
    let ended = Pool {
        workers: options.concurrency,
        stop,
        out,
    }
    .run(
        listing,
        |item, ctx| {
            let (call, outcome) = settle(options, source, &item, ctx, &in_flight, &bytes);
            (call, outcome)
        },
        |(call, outcome)| {
            tally.count(&outcome);
            let line = outcome.line(&call);
            if print_error.is_none() && !line.is_empty() {
                progress.suspend(&mut || {
                    if let Err(error) = print(&line) {
                        print_error = Some(error);
                    }
                });
            }
            if last_progress.elapsed() >= Duration::from_millis(200) {
                progress.update(&tally, bytes.load(Ordering::Relaxed));
                last_progress = Instant::now();
            }
            if print_error.is_some() {
                Flow::Stop
            } else {
                Flow::Continue
            }
        },
    );
    progress.update(&tally, bytes.load(Ordering::Relaxed));
    progress.finish();
    // Cut downloads removed their files; a stop between a rename and its result leaves none.
    in_flight.close_and_remove();
    let result = match (print_error, ended) {
        (Some(error), _) if error.kind == Kind::StdoutClosed => Err(Error::new(
            Kind::Interrupted,
            "stdout was closed; stopped downloading",
        )),
        (Some(error), _) => Err(error),
        (None, Ended::Finished) => Ok(()),
        (None, Ended::Stopped) => Err(Error::new(Kind::Interrupted, "interrupted")),
        (None, Ended::Failed(error)) => Err(error),
    };
    (tally, result)
}

/// What became of one listed call: nothing to do, or its download.
fn settle(
    options: &Options,
    source: &dyn Source,
    item: &Value,
    ctx: &Ctx<'_>,
    in_flight: &InFlight,
    bytes: &AtomicU64,
) -> (String, Outcome) {
    let (call, path) = match plan(&options.dir, &options.base_url, item) {
        Plan::Done(call, outcome) => return (call, outcome),
        Plan::Download { call, path } => (call, path),
    };
    let download = Download {
        path: &path,
        name: Name::ById {
            dir: options.dir.clone(),
            call_id: call.clone(),
        },
        force: false,
        retries: options.retries,
        timeout: options.timeout,
        in_flight,
        meter: &Bytes(bytes),
        ctx,
    };
    let outcome = match download.run(source) {
        Ok(saved) => Outcome::Downloaded {
            path: saved.path,
            bytes: saved.bytes,
        },
        Err(error) if error.status == Some(404) => Outcome::None,
        Err(error) if error.kind == Kind::Interrupted => Outcome::Stopped,
        Err(error) if error.kind == Kind::Auth => {
            // The key was refused: nothing more can succeed.
            ctx.fail(error.clone());
            Outcome::Failed(error)
        }
        Err(error) => Outcome::Failed(error),
    };
    (call, outcome)
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
    if let Err(error) = checked_listed_id(&call) {
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

/// A call id read from a listing, fit for a request path and a file name: the id checks of
/// `crate::ids`, and never the API key (it would travel in the URL path and name a file).
pub fn checked_listed_id(call: &str) -> Result<()> {
    crate::ids::checked_opaque("call", call).map_err(|e| Error {
        kind: Kind::Server,
        ..e
    })?;
    if crate::secret::redact(call) != call {
        return Err(Error::new(
            Kind::Server,
            "a listed call id holds the API key: not requested, no file made from it",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
}
