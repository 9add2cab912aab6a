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
//!
//! The engine knows records only through a [`RecordKind`] (how one is read and checked, the
//! request that creates it, where the answer keeps its id): EndUsers, one per request, and
//! campaign contacts, many per request (a kind with [`Batching`]).
//!
//! A run stops early, finishing and journaling what is in flight, on Ctrl-C/SIGTERM or a
//! closed stdout (exit 130), after `NOT_SENT_LIMIT` records in a row could not be sent
//! (exit 6), on 401/403 (exit 4), after 5 minutes of 429s (exit 8), or at the first failure
//! under `--fail-fast`.

mod journal;
mod kind;
mod read;
mod send;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
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
use crate::secret::redact;
use journal::{History, Journal, Prior};
use kind::ENDUSER;
pub use kind::{Batching, RecordKind, id_field};
use read::Input;
use send::{Pause, Work};

/// How often waiting threads look at the stop and interrupt flags.
const TICK: Duration = Duration::from_millis(50);
/// Results are written to stdout in chunks of about this size.
const OUTPUT_CHUNK: usize = 64 * 1024;
/// This many records in a row that could not be sent (no success, no answer of any kind
/// between them) mean the server is down: the run stops rather than fail every record slowly.
const NOT_SENT_LIMIT: u32 = 20;
/// A resumed run compares up to this many records the journal lists as sent with the input
/// before it sends anything...
const VERDICT_SAMPLE: u64 = 16;
/// ...holding back at most this many records meanwhile (fewer than the reordering window).
const VERDICT_HOLD: usize = 32;

/// What became of one record.
#[derive(Debug)]
pub enum Outcome {
    Created(Option<String>),
    /// Taken by a batch endpoint (a contact added, updated or found already there).
    Added {
        id: Option<String>,
        contact: Option<String>,
    },
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
            Outcome::Added { id, contact } => {
                json!({"record": record, "status": "added", "id": id, "contact": contact})
            }
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
    /// What is imported.
    kind: &'static RecordKind,
    /// Records numbered from this one on are not sent: the first failure under `--fail-fast`,
    /// or 0 after an error that ends the run. `u64::MAX` while the run goes on.
    stop_at: AtomicU64,
    /// Set by SIGINT or SIGTERM.
    interrupted: Arc<AtomicBool>,
    /// Set when a write to stdout finds it closed (`altur ... | head -1`): nobody sees the
    /// results any more, so the run stops as if interrupted.
    stdout_closed: AtomicBool,
    /// The error that ends the run, reported after the results.
    fatal: Mutex<Option<Error>>,
    pause: Pause,
    retries: u32,
    fail_fast: bool,
    journaled: bool,
    records_read: AtomicU64,
    workers_alive: AtomicUsize,
    /// Records in a row that could not be sent, since the server last answered anything.
    not_sent_streak: AtomicU32,
    /// What the batch answers counted, added up (see [`kind::Batching::counts`]).
    batch_counts: Mutex<Vec<(&'static str, u64)>>,
}

impl Shared {
    fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::Relaxed)
    }

    /// Interrupted, or stdout closed: nothing more is sent, what is in flight finishes.
    fn halted(&self) -> bool {
        self.interrupted() || self.stdout_closed.load(Ordering::Relaxed)
    }

    fn stop_at(&self) -> u64 {
        self.stop_at.load(Ordering::Relaxed)
    }

    fn stopping(&self) -> bool {
        self.stop_at() != u64::MAX || self.halted()
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

    /// Adds a batch answer's counts to the run's.
    fn add_counts(&self, counts: Vec<(&'static str, u64)>) {
        let mut total = self.batch_counts.lock().unwrap_or_else(|e| e.into_inner());
        for (name, count) in counts {
            match total.iter_mut().find(|(n, _)| *n == name) {
                Some((_, sum)) => *sum += count,
                None => total.push((name, count)),
            }
        }
    }

    /// The server answered something: it is up.
    fn server_reached(&self) {
        self.not_sent_streak.store(0, Ordering::Relaxed);
    }

    /// A record failed for good without being sent; after [`NOT_SENT_LIMIT`] in a row the
    /// run stops with a network error (exit 6).
    fn not_sent(&self, error: &Error) {
        let streak = self.not_sent_streak.fetch_add(1, Ordering::Relaxed) + 1;
        if streak < NOT_SENT_LIMIT {
            return;
        }
        let hint = if self.journaled {
            "once the server can be reached, run again with the same --journal: the records not sent are sent then, and none is created twice"
        } else {
            "the results on stdout say which records were created; with --journal PATH a re-run carries on where a run stopped"
        };
        self.fail(
            Error::new(
                Kind::Network,
                format!(
                    "{streak} records in a row could not be sent (the last: {}): the server looks unreachable, so the run stopped and sent nothing more",
                    error.message
                ),
            )
            .with_hint(hint),
        );
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
            Outcome::Created(_) | Outcome::Added { .. } => self.created += 1,
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
    run_kind(settings, args, &ENDUSER)
}

/// An import of records of `kind`: everything but what a record is.
pub fn run_kind(settings: &Settings, args: &ImportArgs, kind: &'static RecordKind) -> Result<()> {
    if settings.dry_run {
        return Err(Error::input("--dry-run does not apply to import")
            .with_hint("--validate-only checks every record and sends nothing"));
    }
    let format = read::format_for(&args.file, args.format)?;
    let input = Input::open(&args.file)?;
    if args.run.validate_only {
        return validate_only(input, format, kind, args.run.fail_fast);
    }
    let client = Client::new(settings, settings.api_key()?)?;
    let (journal, history) = match &args.run.journal {
        Some(path) => {
            let (journal, history) = Journal::open(path, &input.name)?;
            (Some(journal), history)
        }
        None => (None, History::new()),
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
        kind,
        stop_at: AtomicU64::new(u64::MAX),
        interrupted,
        stdout_closed: AtomicBool::new(false),
        fatal: Mutex::new(None),
        pause: Pause::default(),
        retries: settings.retries,
        fail_fast: args.run.fail_fast,
        journaled: journal.is_some(),
        records_read: AtomicU64::new(0),
        workers_alive: AtomicUsize::new(concurrency),
        not_sent_streak: AtomicU32::new(0),
        batch_counts: Mutex::new(Vec::new()),
    });

    // A batch is sent once it is full, so the window must hold a batch for every worker and
    // the one being filled, or the reader would wait for slots that only its batch frees.
    let batches = kind
        .batch
        .as_ref()
        .map_or(0, |b| b.size() * (concurrency + 1));
    let window = 4 * concurrency + 64 + batches;
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
        let verdict = Verdict::new(&history, args.run.journal.as_deref());
        let resend_uncertain = args.run.resend_uncertain;
        std::thread::spawn(move || {
            let reader = Reader {
                shared: &shared,
                history,
                verdict,
                resend_uncertain,
                slots,
                work_queue,
                results: results_tx,
                batch: Vec::new(),
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
                // Release: everything this worker did (its last result sent on the channel
                // included) happens-before the printer's Acquire load that sees the count
                // reach 0, so the printer's final drain of the channel cannot miss it.
                shared.workers_alive.fetch_sub(1, Ordering::Release);
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
    let fatal = shared
        .fatal
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let stdout_closed = shared.stdout_closed.load(Ordering::Relaxed);
    let stopped = match &fatal {
        Some(error) if error.kind == Kind::Network => {
            Some("stopped early: the server could not be reached".to_owned())
        }
        Some(_) => None,
        None if stdout_closed => Some("stopped early: stdout was closed".to_owned()),
        None if shared.interrupted() => Some("stopped early: interrupted".to_owned()),
        None if shared.stop_at() != u64::MAX => Some(format!(
            "stopped early at record {} (--fail-fast): nothing after it was sent",
            shared.stop_at()
        )),
        None => None,
    };
    let created = if kind.batch.is_some() {
        "added"
    } else {
        "created"
    };
    summary(
        &tally,
        created,
        not_processed,
        started.elapsed(),
        stopped.as_deref(),
    );
    if kind.batch.is_some() {
        let counts = shared
            .batch_counts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(name, count)| format!("{count} {name}"))
            .collect::<Vec<_>>();
        if !counts.is_empty() {
            output::note(&format!("the API counted: {}", counts.join(", ")));
        }
    }
    if let Some(error) = fatal {
        return Err(error);
    }
    let hint = match journal {
        Some(_) => "run again with the same --journal to carry on where this run stopped",
        None => {
            "the results say which records were created; with --journal PATH a re-run skips them"
        }
    };
    if shared.interrupted() {
        return Err(Error::new(Kind::Interrupted, "interrupted").with_hint(hint));
    }
    if stdout_closed {
        // Like Ctrl-C, and with its code: the run did not get to the end of the input, and
        // some results were never seen. (A shell's `pipefail` sees the failure.)
        return Err(Error::new(
            Kind::Interrupted,
            "stdout was closed, so the run stopped: records in flight were finished (and journaled), nothing more was sent",
        )
        .with_hint(hint));
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

fn summary(
    tally: &Tally,
    created: &str,
    not_processed: u64,
    elapsed: Duration,
    stopped: Option<&str>,
) {
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
    let stopped = stopped.map(|s| format!("; {s}")).unwrap_or_default();
    output::note(&format!(
        "import: {} {created}, {} failed, {} skipped, {} uncertain{rest} in {secs:.2} s ({rate:.0} records/s){stopped}",
        tally.created, tally.failed, tally.skipped, tally.uncertain
    ));
}

/// Whether the journal of a resumed run belongs to this input, decided from the first records
/// it lists as sent, before anything is sent. Records that failed before may have been edited
/// since (that is how they are fixed); records that were sent should be the same: when most of
/// them differ, this is another input, or the same one reordered, and the whole run is refused.
struct Verdict {
    /// The records read while the verdict is pending; `None` once it is given (or not needed).
    held: Option<Vec<(u64, read::Parsed)>>,
    /// The highest record number the journal knows: past it there is nothing to compare.
    last_known: u64,
    compared: u64,
    differ: u64,
    journal: String,
}

impl Verdict {
    fn new(history: &History, journal: Option<&std::path::Path>) -> Verdict {
        let sent = |prior: &Prior| !matches!(prior, Prior::Failed);
        let last_known = history
            .iter()
            .filter(|(_, (_, prior))| sent(prior))
            .map(|(number, _)| *number)
            .max();
        Verdict {
            held: last_known.map(|_| Vec::new()),
            last_known: last_known.unwrap_or_default(),
            compared: 0,
            differ: 0,
            journal: journal.map(|p| p.display().to_string()).unwrap_or_default(),
        }
    }

    /// Notes a record; true once enough is known to decide.
    fn note(&mut self, number: u64, parsed: &read::Parsed, history: &History) -> bool {
        if let (Ok(body), Some((recorded, prior))) = (parsed, history.get(&number))
            && !matches!(prior, Prior::Failed)
        {
            self.compared += 1;
            if *recorded != read::fnv1a(body) {
                self.differ += 1;
            }
        }
        let held = self.held.as_ref().map_or(0, Vec::len);
        self.compared >= VERDICT_SAMPLE || held >= VERDICT_HOLD || number >= self.last_known
    }

    fn refusal(&self) -> Option<Error> {
        (self.differ * 2 > self.compared).then(|| {
            Error::input(format!(
                "the journal {} does not belong to this input: {} of the first {} records it lists as sent differ from the records with the same numbers here",
                self.journal, self.differ, self.compared
            ))
            .with_hint("give the input this journal was written for (records may be edited in place, not added, removed or reordered), or a new --journal path (records the old journal lists as created would then be created again)")
        })
    }
}

struct Reader<'a> {
    shared: &'a Shared,
    history: History,
    verdict: Verdict,
    resend_uncertain: bool,
    slots: Receiver<()>,
    work_queue: SyncSender<Work>,
    results: Sender<Message>,
    /// Records waiting for their batch to fill: number, hash, body.
    batch: Vec<(u64, u64, Vec<u8>)>,
}

impl Reader<'_> {
    fn run(mut self, input: Input, format: ImportFormat) {
        let mut number = 0;
        let kind = self.shared.kind;
        let read = read::read(input, format, kind, &mut |parsed| {
            if !self.take_slot() {
                return false;
            }
            number += 1;
            self.shared.records_read.store(number, Ordering::Relaxed);
            self.admit(number, parsed) && !self.shared.stopping()
        });
        // The input ended (or failed) before the verdict was due: give it on what was read.
        // (A stopping run sends nothing more: what is held stays "read but not processed".)
        let verdict_given =
            self.verdict.held.is_none() || (!self.shared.stopping() && self.give_verdict());
        // The last batch, however short.
        if verdict_given && !self.shared.stopping() {
            self.flush_batch();
        }
        match read {
            Err(error) if verdict_given => {
                // What was read is still sent; the run then ends with the input's error.
                self.shared.set_fatal(error);
            }
            _ => {}
        }
        let _ = self.results.send(Message::ReadAll(number));
    }

    /// Queues the records waiting in the batch as one request. False to stop reading.
    fn flush_batch(&mut self) -> bool {
        let Some(batching) = &self.shared.kind.batch else {
            return true;
        };
        if self.batch.is_empty() {
            return true;
        }
        let batch = std::mem::take(&mut self.batch);
        let bodies: Vec<&[u8]> = batch.iter().map(|(_, _, body)| body.as_slice()).collect();
        let call = batching.call(&bodies);
        let records = batch
            .iter()
            .map(|(number, hash, _)| (*number, *hash))
            .collect();
        self.work_queue.send(Work { records, call }).is_ok()
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

    /// Holds the record while the journal's verdict is pending, else dispatches it. False to
    /// stop reading.
    fn admit(&mut self, number: u64, parsed: read::Parsed) -> bool {
        if self.verdict.held.is_none() {
            return self.dispatch(number, parsed);
        }
        let ready = self.verdict.note(number, &parsed, &self.history);
        self.verdict
            .held
            .as_mut()
            .expect("pending")
            .push((number, parsed));
        !ready || self.give_verdict()
    }

    /// Refuses the run, or sends what was held back. False when the run must stop.
    fn give_verdict(&mut self) -> bool {
        let held = self.verdict.held.take().unwrap_or_default();
        if let Some(refusal) = self.verdict.refusal() {
            self.shared.fail(refusal);
            return false;
        }
        held.into_iter()
            .all(|(number, parsed)| self.dispatch(number, parsed))
    }

    /// Answers for the record at once, or queues it for a worker (in a batch when the kind
    /// takes batches). False to stop reading.
    fn dispatch(&mut self, number: u64, parsed: read::Parsed) -> bool {
        let body = match parsed {
            Ok(body) => body,
            Err(reason) => {
                self.shared.deliver(
                    &self.results,
                    number,
                    Outcome::Failed((self.shared.kind.refused)(reason)),
                );
                return true;
            }
        };
        let hash = read::fnv1a(&body);
        let outcome = match self.history.get(&number) {
            Some((recorded, Prior::Created(id))) if *recorded != hash => {
                let id = id
                    .as_deref()
                    .map(|id| format!(" (id {id})"))
                    .unwrap_or_default();
                Outcome::Failed(Error::input(format!(
                    "changed after it was created{id} by an earlier run with this journal: not sent, so as not to create it twice"
                )))
            }
            Some((_, Prior::Created(id))) => Outcome::Skipped(id.clone()),
            // A batch goes again under a key made of its content, which the API de-duplicates
            // on (and a contact already added is a duplicate it skips): safe to re-send.
            Some((_, Prior::InFlight | Prior::Uncertain))
                if !self.resend_uncertain && self.shared.kind.batch.is_none() =>
            {
                Outcome::Uncertain(Error::new(
                    Kind::Unknown,
                    "an earlier run sent this record and never learned whether it was created; not sent again (--resend-uncertain sends it anyway)",
                ))
            }
            // Never sent, failed (maybe fixed since), or uncertain with --resend-uncertain.
            _ => {
                let Some(batching) = &self.shared.kind.batch else {
                    let call = self.shared.kind.request(body).to_call();
                    return self
                        .work_queue
                        .send(Work {
                            records: vec![(number, hash)],
                            call,
                        })
                        .is_ok();
                };
                self.batch.push((number, hash, body));
                return self.batch.len() < batching.size() || self.flush_batch();
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
    // A halted run sends nothing more; a stopped one still sends what was queued before
    // the record it stopped at.
    while !shared.halted() {
        let next = work
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .recv_timeout(TICK);
        match next {
            Ok(item) if item.records[0].0 >= shared.stop_at() => {}
            Ok(item) => match send::send(client, shared, journal, item) {
                Some(outcomes) => {
                    for (number, outcome) in outcomes {
                        shared.deliver(results, number, outcome);
                    }
                }
                None => return,
            },
            // The reader queues nothing more once the run is stopping.
            Err(RecvTimeoutError::Timeout) if shared.stopping() => return,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Writes results to stdout, unless it was found closed; a closed stdout halts the run.
fn print_results(text: &str, shared: &Shared, progress: &Progress) -> Result<()> {
    if text.is_empty() || shared.stdout_closed.load(Ordering::Relaxed) {
        return Ok(());
    }
    match progress.print(text) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            shared.stdout_closed.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => Err(stdout_error(e)),
    }
}

/// Writes `text`, redacted, to stdout. Unlike `output::stdout`, a closed stdout is an error
/// the caller handles: an import must finish what is in flight before it ends.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let text = redact(text);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::internal(format!("cannot write to stdout: {e}"))
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
                print_results(&text, shared, progress)?;
                text.clear();
            }
        }
        print_results(&text, shared, progress)?;
        text.clear();
        progress.update(&tally);
        // Acquire: pairs with each worker's Release decrement (see `run`).
        let stopped = shared.stopping() && shared.workers_alive.load(Ordering::Acquire) == 0;
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
    print_results(&text, shared, progress)?;
    Ok(tally)
}

/// `--validate-only`: every record checked, nothing sent, nothing journaled.
fn validate_only(
    input: Input,
    format: ImportFormat,
    kind: &RecordKind,
    fail_fast: bool,
) -> Result<()> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut text = String::new();
    let mut written = Ok(());
    let mut stopped_at = None;
    let read = read::read(input, format, kind, &mut |parsed| {
        let outcome = match parsed {
            Ok(_) => Outcome::Valid,
            Err(reason) => Outcome::Failed((kind.refused)(reason)),
        };
        tally.count(&outcome);
        text.push_str(&outcome.line(tally.total()));
        if text.len() >= OUTPUT_CHUNK {
            written = write_stdout(&text);
            text.clear();
        }
        if fail_fast && outcome.is_failure() {
            stopped_at = Some(tally.total());
        }
        written.is_ok() && stopped_at.is_none()
    });
    let written = written.and_then(|()| write_stdout(&text));
    let stdout_closed = matches!(&written, Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe);
    if !stdout_closed {
        written.map_err(stdout_error)?;
    }
    let stopped = match stopped_at {
        _ if stdout_closed => "; stopped early: stdout was closed".to_owned(),
        Some(n) => {
            format!("; stopped early at record {n} (--fail-fast): nothing after it was checked")
        }
        None => String::new(),
    };
    output::note(&format!(
        "import: {} valid, {} invalid, nothing sent ({:.2} s){stopped}",
        tally.valid,
        tally.failed,
        started.elapsed().as_secs_f64()
    ));
    if stdout_closed {
        // As in a run that sends: the check did not get to the end, and a pipeline must see it.
        return Err(Error::new(
            Kind::Interrupted,
            "stdout was closed, so the check stopped before the end of the input",
        ));
    }
    read?;
    partial(&tally)
}

/// The progress line on stderr, only when stderr is a terminal: records done, rate, failures,
/// and an ETA from the share of the input's bytes read when the input is a file.
struct Progress {
    bar: Option<ProgressBar>,
    /// Results go to the same terminal as the progress line.
    shared_terminal: bool,
    size: Option<u64>,
    consumed: Arc<AtomicU64>,
    started: Instant,
}

impl Progress {
    fn new(input: &Input) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"),
            );
            bar.set_message(progress_message(&Tally::default(), 0.0, None));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            shared_terminal: bar.is_some() && std::io::stdout().is_terminal(),
            bar,
            size: input.size.filter(|&size| size > 0),
            consumed: input.consumed.clone(),
            started: Instant::now(),
        }
    }

    /// Writes results (redacted) to stdout. When stdout is the progress line's terminal, the
    /// line is cleared first and drawn again after: the two would otherwise share a line.
    fn print(&self, text: &str) -> std::io::Result<()> {
        match &self.bar {
            Some(bar) if self.shared_terminal => bar.suspend(|| write_stdout(text)),
            _ => write_stdout(text),
        }
    }

    fn update(&self, tally: &Tally) {
        let Some(bar) = &self.bar else { return };
        let share = self
            .size
            .map(|size| self.consumed.load(Ordering::Relaxed) as f64 / size as f64);
        bar.set_message(progress_message(
            tally,
            self.started.elapsed().as_secs_f64(),
            share,
        ));
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1 record  12/s  0 failed, 0 uncertain  ETA 3 s`: the ETA when the share of the input read
/// so far is known (a file), from the time that share took.
fn progress_message(tally: &Tally, elapsed_secs: f64, share: Option<f64>) -> String {
    let done = tally.total();
    let plural = if done == 1 { "" } else { "s" };
    let rate = if elapsed_secs > 0.0 {
        done as f64 / elapsed_secs
    } else {
        0.0
    };
    let mut message = format!(
        "{done} record{plural}  {rate:.0}/s  {} failed, {} uncertain",
        tally.failed, tally.uncertain
    );
    if let Some(share) = share
        && share > 0.0
        && share < 1.0
        && done > 0
    {
        let left = elapsed_secs * (1.0 - share) / share;
        message.push_str(&format!("  ETA {}", format_secs(left)));
    }
    message
}

fn format_secs(secs: f64) -> String {
    let secs = secs.round() as u64;
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_counts_in_the_singular_and_shows_an_eta_for_a_file() {
        let mut tally = Tally::default();
        tally.count(&Outcome::Created(None));
        assert_eq!(
            progress_message(&tally, 2.0, None),
            "1 record  0/s  0 failed, 0 uncertain"
        );
        for _ in 0..9 {
            tally.count(&Outcome::Created(None));
        }
        tally.count(&Outcome::Failed(Error::input("x")));
        // A quarter of the file in 10 s: 30 s to go.
        assert_eq!(
            progress_message(&tally, 10.0, Some(0.25)),
            "11 records  1/s  1 failed, 0 uncertain  ETA 30 s"
        );
        // Unknown size (a pipe), or all of it read: no ETA.
        assert!(!progress_message(&tally, 10.0, None).contains("ETA"));
        assert!(!progress_message(&tally, 10.0, Some(1.0)).contains("ETA"));
        assert_eq!(format_secs(3725.0), "1 h 2 min");
    }
}
