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
mod tests;
