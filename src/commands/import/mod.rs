//! `altur enduser import`: many EndUsers from one file, streamed (contract section 8).
//!
//! Three kinds of thread, joined by bounded channels so memory stays flat whatever the input's
//! size:
//! - the reader parses and validates records one at a time, answers for those that need no
//!   request (invalid, or settled by the journal) and queues the others;
//! - `--concurrency` workers send the queued records over one shared agent (kept-alive
//!   connections), each journaling what it sends and what came of it;
//! - this thread puts the results back in input order and prints them.
//!
//! The reader takes a slot of the reordering window for each record and this thread gives it
//! back once the record's result is printed: a slow record stops the reading, not the memory.

mod journal;
mod read;
mod send;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use crate::cli::{ImportArgs, ImportFormat};
use crate::client::Client;
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::output;
use journal::{History, Journal, Prior};
use read::Input;
use send::{Pause, Work};

/// How often waiting threads look at the stop and interrupt flags.
const TICK: Duration = Duration::from_millis(50);
/// Results are written to stdout in chunks of about this size.
const OUTPUT_CHUNK: usize = 64 * 1024;

/// What became of one record.
#[derive(Debug)]
pub enum Outcome {
    Created(Option<String>),
    Failed(Error),
    Skipped(Option<String>),
    Uncertain(Error),
    Valid,
}

impl Outcome {
    fn line(&self, record: u64) -> String {
        let error = |e: &Error| e.to_json()["error"].clone();
        let line = match self {
            Outcome::Created(id) => json!({"record": record, "status": "created", "id": id}),
            Outcome::Failed(e) => json!({"record": record, "status": "failed", "error": error(e)}),
            Outcome::Skipped(id) => json!({
                "record": record,
                "status": "skipped",
                "reason": "already created (journal)",
                "id": id,
            }),
            Outcome::Uncertain(e) => {
                json!({"record": record, "status": "uncertain", "error": error(e)})
            }
            Outcome::Valid => json!({"record": record, "status": "valid"}),
        };
        format!("{line}\n")
    }

    fn is_failure(&self) -> bool {
        matches!(self, Outcome::Failed(_) | Outcome::Uncertain(_))
    }
}

enum Message {
    Done(u64, Outcome),
    /// The reader is finished; this many records were read.
    ReadAll(u64),
}

/// What every thread of a run can see.
pub struct Shared {
    /// Records numbered from this one on are not sent: the first failure under `--fail-fast`,
    /// or 0 after an error that ends the run. `u64::MAX` while the run goes on.
    stop_at: AtomicU64,
    /// Set by SIGINT or SIGTERM.
    interrupted: Arc<AtomicBool>,
    /// The error that ends the run, reported after the results.
    fatal: Mutex<Option<Error>>,
    pause: Pause,
    retries: u32,
    fail_fast: bool,
    records_read: AtomicU64,
    workers_alive: AtomicUsize,
}

impl Shared {
    fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::Relaxed)
    }

    fn stop_at(&self) -> u64 {
        self.stop_at.load(Ordering::Relaxed)
    }

    fn stopping(&self) -> bool {
        self.stop_at() != u64::MAX || self.interrupted()
    }

    /// Ends the run with `error`; the first such error is the one reported.
    fn fail(&self, error: Error) {
        self.set_fatal(error);
        self.stop_at.store(0, Ordering::Relaxed);
    }

    fn set_fatal(&self, error: Error) {
        self.fatal
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_or_insert(error);
    }

    fn deliver(&self, results: &Sender<Message>, record: u64, outcome: Outcome) {
        if self.fail_fast && outcome.is_failure() {
            // Records before this one still get their answer; none after it is sent.
            self.stop_at.fetch_min(record, Ordering::Relaxed);
        }
        let _ = results.send(Message::Done(record, outcome));
    }
}

#[derive(Default)]
struct Tally {
    created: u64,
    failed: u64,
    skipped: u64,
    uncertain: u64,
    valid: u64,
}

impl Tally {
    fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Created(_) => self.created += 1,
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Skipped(_) => self.skipped += 1,
            Outcome::Uncertain(_) => self.uncertain += 1,
            Outcome::Valid => self.valid += 1,
        }
    }

    fn total(&self) -> u64 {
        self.created + self.failed + self.skipped + self.uncertain + self.valid
    }
}

pub fn run(settings: &Settings, args: &ImportArgs) -> Result<()> {
    if settings.dry_run {
        return Err(Error::input("--dry-run does not apply to import")
            .with_hint("--validate-only checks every record and sends nothing"));
    }
    let format = read::format_for(&args.file, args.format)?;
    let input = Input::open(&args.file, args.journal.is_some() && !args.validate_only)?;
    if args.validate_only {
        return validate_only(input, format, args.fail_fast);
    }
    let client = Client::new(settings, settings.api_key()?)?;
    let (journal, history) = match (&args.journal, input.prefix_hash) {
        (Some(path), Some(input_hash)) => {
            let (journal, history) = Journal::open(path, input_hash, &input.name)?;
            (Some(journal), history)
        }
        _ => (None, History::new()),
    };
    let interrupted = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // The first signal asks for a clean stop; a second one ends the program at once.
        signal_hook::flag::register_conditional_shutdown(signal, 130, interrupted.clone())
            .and_then(|_| signal_hook::flag::register(signal, interrupted.clone()))
            .map_err(|e| Error::internal(format!("cannot handle signals: {e}")))?;
    }
    let concurrency = usize::from(args.concurrency);
    let shared = Arc::new(Shared {
        stop_at: AtomicU64::new(u64::MAX),
        interrupted,
        fatal: Mutex::new(None),
        pause: Pause::default(),
        retries: settings.retries,
        fail_fast: args.fail_fast,
        records_read: AtomicU64::new(0),
        workers_alive: AtomicUsize::new(concurrency),
    });

    let window = 4 * concurrency + 64;
    let (slot_return, slots) = sync_channel::<()>(window);
    for _ in 0..window {
        slot_return.send(()).expect("the window has room");
    }
    let (work_queue, work) = sync_channel::<Work>(concurrency);
    let (results_tx, results) = channel::<Message>();
    let progress = Progress::new(&input);
    let started = Instant::now();
    {
        // Detached: a reader blocked on a silent stdin must not keep an interrupted run alive.
        let shared = shared.clone();
        let results_tx = results_tx.clone();
        let resend_uncertain = args.resend_uncertain;
        std::thread::spawn(move || {
            let reader = Reader {
                shared: &shared,
                history,
                resend_uncertain,
                slots,
                work_queue,
                results: results_tx,
            };
            reader.run(input, format);
        });
    }
    let work = Mutex::new(work);
    let tally = std::thread::scope(|scope| {
        for _ in 0..concurrency {
            let results = results_tx.clone();
            let (client, shared, journal, work) = (&client, &*shared, journal.as_ref(), &work);
            scope.spawn(move || {
                worker(client, shared, journal, work, &results);
                shared.workers_alive.fetch_sub(1, Ordering::Relaxed);
            });
        }
        drop(results_tx);
        let printed = print_in_order(&results, &slot_return, &shared, &progress);
        if let Err(error) = &printed {
            shared.fail(error.clone()); // the workers must not carry on unheard
        }
        printed
    })?;
    progress.finish();

    let not_processed = shared
        .records_read
        .load(Ordering::Relaxed)
        .saturating_sub(tally.total());
    summary(&tally, not_processed, started.elapsed());
    let fatal = shared
        .fatal
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    if let Some(error) = fatal {
        return Err(error);
    }
    if shared.interrupted() {
        let hint = match journal {
            Some(_) => "run again with the same --journal to carry on where this run stopped",
            None => {
                "the results say which records were created; with --journal PATH a re-run skips them"
            }
        };
        return Err(Error::new(Kind::Interrupted, "interrupted").with_hint(hint));
    }
    partial(&tally)
}

fn partial(tally: &Tally) -> Result<()> {
    if tally.failed + tally.uncertain == 0 {
        return Ok(());
    }
    Err(Error::new(
        Kind::Partial,
        format!(
            "{} of {} records failed or are uncertain (see the results on stdout)",
            tally.failed + tally.uncertain,
            tally.total()
        ),
    ))
}

fn summary(tally: &Tally, not_processed: u64, elapsed: Duration) {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        tally.total() as f64 / secs
    } else {
        0.0
    };
    let rest = if not_processed > 0 {
        format!(", {not_processed} read but not processed")
    } else {
        String::new()
    };
    output::note(&format!(
        "import: {} created, {} failed, {} skipped, {} uncertain{rest} in {secs:.2} s ({rate:.0} records/s)",
        tally.created, tally.failed, tally.skipped, tally.uncertain
    ));
}

struct Reader<'a> {
    shared: &'a Shared,
    history: History,
    resend_uncertain: bool,
    slots: Receiver<()>,
    work_queue: SyncSender<Work>,
    results: Sender<Message>,
}

impl Reader<'_> {
    fn run(self, input: Input, format: ImportFormat) {
        let mut number = 0;
        let read = read::read(input, format, &mut |parsed| {
            if !self.take_slot() {
                return false;
            }
            number += 1;
            self.shared.records_read.store(number, Ordering::Relaxed);
            self.dispatch(number, parsed) && !self.shared.stopping()
        });
        if let Err(error) = read {
            // What was read is still sent; the run then ends with the input's error.
            self.shared.set_fatal(error);
        }
        let _ = self.results.send(Message::ReadAll(number));
    }

    /// Waits for room in the reordering window; false when the run is stopping.
    fn take_slot(&self) -> bool {
        loop {
            if self.shared.stopping() {
                return false;
            }
            match self.slots.recv_timeout(TICK) {
                Ok(()) => return true,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
    }

    /// Answers for the record at once, or queues it for a worker. False to stop reading.
    fn dispatch(&self, number: u64, parsed: read::Parsed) -> bool {
        let data = match parsed {
            Ok(data) => data,
            Err(reason) => {
                self.shared
                    .deliver(&self.results, number, Outcome::Failed(Error::input(reason)));
                return true;
            }
        };
        let body = data.to_body();
        let hash = read::fnv1a(&body);
        let outcome = match self.history.get(&number) {
            Some((recorded, _)) if *recorded != hash => {
                self.shared.fail(
                    Error::input(format!(
                        "record {number} differs from the record the journal has under that number: the input changed since the journal was written"
                    ))
                    .with_hint("give the input the journal was written for, or a new --journal path"),
                );
                return false;
            }
            Some((_, Prior::Created(id))) => Outcome::Skipped(id.clone()),
            Some((_, Prior::InFlight | Prior::Uncertain)) if !self.resend_uncertain => {
                Outcome::Uncertain(Error::new(
                    Kind::Unknown,
                    "an earlier run sent this record and never learned whether it was created; not sent again (--resend-uncertain sends it anyway)",
                ))
            }
            _ => {
                return self.work_queue.send(Work { number, hash, body }).is_ok();
            }
        };
        self.shared.deliver(&self.results, number, outcome);
        true
    }
}

fn worker(
    client: &Client,
    shared: &Shared,
    journal: Option<&Journal>,
    work: &Mutex<Receiver<Work>>,
    results: &Sender<Message>,
) {
    // An interrupted run sends nothing more; a stopped one still sends what was queued before
    // the record it stopped at.
    while !shared.interrupted() {
        let next = work
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .recv_timeout(TICK);
        match next {
            Ok(item) if item.number >= shared.stop_at() => {}
            Ok(item) => {
                let number = item.number;
                match send::send(client, shared, journal, item) {
                    Some(outcome) => shared.deliver(results, number, outcome),
                    None => return,
                }
            }
            // The reader queues nothing more once the run is stopping.
            Err(RecvTimeoutError::Timeout) if shared.stopping() => return,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Prints results in input order as they complete, until every record read has its result or
/// the run stops.
fn print_in_order(
    results: &Receiver<Message>,
    slot_return: &SyncSender<()>,
    shared: &Shared,
    progress: &Progress,
) -> Result<Tally> {
    let mut pending = BTreeMap::new();
    let mut next = 1u64;
    let mut total = None;
    let mut tally = Tally::default();
    let mut text = String::new();
    loop {
        let mut message = results.recv_timeout(TICK);
        let disconnected = matches!(message, Err(RecvTimeoutError::Disconnected));
        while let Ok(received) = message {
            match received {
                Message::Done(record, outcome) => {
                    pending.insert(record, outcome);
                }
                Message::ReadAll(count) => total = Some(count),
            }
            message = results.try_recv().map_err(|_| RecvTimeoutError::Timeout);
        }
        while let Some(outcome) = pending.remove(&next) {
            text.push_str(&outcome.line(next));
            tally.count(&outcome);
            let _ = slot_return.try_send(());
            next += 1;
            if text.len() >= OUTPUT_CHUNK {
                output::stdout(&text)?;
                text.clear();
            }
        }
        if !text.is_empty() {
            output::stdout(&text)?;
            text.clear();
        }
        progress.update(&tally);
        let stopped = shared.stopping() && shared.workers_alive.load(Ordering::Relaxed) == 0;
        if disconnected || total == Some(next - 1) || stopped {
            break;
        }
    }
    // A stopped run leaves gaps (records read but never sent); print what did complete.
    while let Ok(message) = results.try_recv() {
        if let Message::Done(record, outcome) = message {
            pending.insert(record, outcome);
        }
    }
    for (record, outcome) in std::mem::take(&mut pending) {
        text.push_str(&outcome.line(record));
        tally.count(&outcome);
    }
    output::stdout(&text)?;
    Ok(tally)
}

/// `--validate-only`: every record checked, nothing sent, nothing journaled.
fn validate_only(input: Input, format: ImportFormat, fail_fast: bool) -> Result<()> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut text = String::new();
    let mut written = Ok(());
    let read = read::read(input, format, &mut |parsed| {
        let outcome = match parsed {
            Ok(_) => Outcome::Valid,
            Err(reason) => Outcome::Failed(Error::input(reason)),
        };
        tally.count(&outcome);
        text.push_str(&outcome.line(tally.total()));
        if text.len() >= OUTPUT_CHUNK {
            written = output::stdout(&text);
            text.clear();
        }
        written.is_ok() && !(fail_fast && outcome.is_failure())
    });
    written?;
    output::stdout(&text)?;
    output::note(&format!(
        "import: {} valid, {} invalid, nothing sent ({:.2} s)",
        tally.valid,
        tally.failed,
        started.elapsed().as_secs_f64()
    ));
    read?;
    partial(&tally)
}

/// The progress bar on stderr, only when stderr is a terminal: records done, rate, failures,
/// and an ETA from the share of the input's bytes read.
struct Progress {
    bar: Option<ProgressBar>,
    size: Option<u64>,
    consumed: Arc<AtomicU64>,
    started: Instant,
}

impl Progress {
    fn new(input: &Input) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} records  {msg}")
                    .expect("a valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            size: input.size.filter(|&size| size > 0),
            consumed: input.consumed.clone(),
            started: Instant::now(),
        }
    }

    fn update(&self, tally: &Tally) {
        let Some(bar) = &self.bar else { return };
        bar.set_position(tally.total());
        let elapsed = self.started.elapsed().as_secs_f64().max(0.001);
        let mut message = format!(
            "{:.0}/s  {} failed, {} uncertain",
            tally.total() as f64 / elapsed,
            tally.failed,
            tally.uncertain
        );
        if let Some(size) = self.size {
            let share = self.consumed.load(Ordering::Relaxed) as f64 / size as f64;
            if share > 0.01 && share < 1.0 {
                let left = elapsed * (1.0 - share) / share;
                message.push_str(&format!("  ETA {}", format_secs(left)));
            }
        }
        bar.set_message(message);
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn format_secs(secs: f64) -> String {
    let secs = secs.round() as u64;
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}
