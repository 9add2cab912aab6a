//! `altur enduser import` (and the engine under `contact import`): many records from one
//! file, streamed (contract sections 8, 17 and 20).
//!
//! Three parts, joined by bounded channels so memory stays flat whatever the input's size:
//! - the reader parses and validates records one at a time, answers for those that need no
//!   request (invalid, or settled by the journal) and queues the others;
//! - the bulk pipeline ([`crate::pipeline`], the engine of every bulk command) sends the
//!   queued requests with `--concurrency` workers over one shared agent (kept-alive
//!   connections), one 429 pause for all of them and the POST rules of
//!   [`crate::pipeline::post`]; each job journals what it sends and what came of it;
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
//!
//! Where things are: `read`, `csv_input` and `budget` turn the input into records; `reader`
//! (with `verdict` on a resumed journal, and `batches` for kinds sent many to a request)
//! decides what each record needs; `send` is the pipeline's job for one request;
//! `journal` and `journal_path` keep what happened; `printer`, `progress` and `outcome` report
//! it; `shared` is what every thread sees.

mod batches;
mod budget;
mod csv_input;
mod journal;
mod journal_path;
mod kind;
mod outcome;
mod printer;
mod progress;
mod read;
mod reader;
mod send;
mod shared;
mod verdict;

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cli::{BulkRunArgs, ImportArgs, ImportFormat};
use crate::client::Client;
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::pipeline::rules::FailFast;
use crate::pipeline::{Ended, Flow, Pool};
use crate::session::Session;
use batches::Batches;
use journal::{History, Journal};
pub use kind::{Batching, ENDUSER, RecordKind, id_field};
pub use outcome::Outcome;
use outcome::{Tally, partial, summary};
use printer::{OUTPUT_CHUNK, print_in_order, stdout_error};
use progress::{Progress, write_stdout};
use read::Input;
use reader::Reader;
use send::Work;
use shared::{Message, Shared};
use verdict::Verdict;

/// How often waiting threads look at the stop and interrupt flags.
const TICK: Duration = Duration::from_millis(50);

/// An import of records of `kind`: everything but what a record is.
pub fn run_kind(session: &Session, args: &ImportArgs, kind: &'static RecordKind) -> Result<()> {
    // Opened first: a missing `users.cvs` is "no such file", not a format it cannot tell.
    let input = Input::open(&args.file)?;
    let format = read::format_for(&args.file, args.format)?;
    if args.run.validate_only {
        return validate_only(session.out(), input, format, kind, &args.run);
    }
    let settings = session.settings()?;
    let client = session.client()?;
    let chosen = journal_path::choose(session.out(), &args.run, &args.file, kind.default_journal)?;
    // When the journal was last written: the run a re-run's skipped records come from.
    let last_run = chosen.as_ref().and_then(|chosen| {
        let meta = std::fs::metadata(&chosen.path).ok()?;
        (meta.len() > 0).then(|| meta.modified().ok()).flatten()
    });
    let (journal, history, journaled_batches) = match &chosen {
        Some(chosen) => {
            let (journal, history, batches) =
                Journal::open(&chosen.path, &input.name, session.out())?;
            (Some(journal), history, batches)
        }
        None => (None, History::new(), Vec::new()),
    };
    let hint = resume_hint(chosen.as_ref());
    // The first Ctrl-C (or SIGTERM, or `timeout`) stops the run cleanly; a second one, later,
    // ends it at once.
    let interrupt = session.interrupt().clone();
    interrupt.stop_with(
        Error::new(
            Kind::Interrupted,
            "interrupted again: stopped at once; records in flight may be uncertain",
        )
        .with_hint(hint),
    );
    let concurrency = args.concurrency.get();
    let shared = Arc::new(Shared {
        kind,
        fail_fast: FailFast::new(args.run.fail_fast),
        interrupt,
        stdout_closed: AtomicBool::new(false),
        fatal: Mutex::new(None),
        retries: settings.retries,
        resume_hint: hint,
        records_read: AtomicU64::new(0),
        next_to_print: AtomicU64::new(1),
        workers_alive: AtomicUsize::new(1),
        not_sent_streak: AtomicU32::new(0),
        batch_counts: Mutex::new(Vec::new()),
    });

    // A batch is sent once it is full, so the window must hold a batch for every worker and
    // the one being filled, or the reader would wait for slots that only its batch frees.
    let batches = kind
        .batch
        .as_ref()
        .map_or(0, |b| b.size() * (concurrency + 1));
    // A batch an earlier run journaled is sent again whole: the window must hold its span.
    let resend_span = journaled_batches
        .iter()
        .filter_map(|batch| {
            let numbers = batch.records.iter().map(|(number, _)| *number);
            Some(numbers.clone().max()? - numbers.min()? + 1)
        })
        .max()
        .unwrap_or(0);
    let window = 4 * concurrency + 64 + batches.max(usize::try_from(resend_span).unwrap_or(0));
    let (slot_return, slots) = sync_channel::<()>(window);
    for _ in 0..window {
        slot_return.send(()).expect("the window has room");
    }
    let (work_queue, work) = sync_channel::<Work>(concurrency);
    let (results_tx, results) = channel::<Message>();
    let progress = Progress::new(&input, session.shared_out());
    let started = Instant::now();
    {
        // Detached: a reader blocked on a silent stdin must not keep an interrupted run alive.
        let shared = shared.clone();
        let results_tx = results_tx.clone();
        let verdict = Verdict::new(&history, chosen.as_ref());
        let resend_uncertain = args.run.resend_uncertain;
        let delimiter = args.run.delimiter;
        let batches = kind
            .batch
            .as_deref()
            .map(|batching| Batches::new(batching, journaled_batches, &history));
        std::thread::spawn(move || {
            let reader = Reader {
                shared: &shared,
                history,
                verdict,
                resend_uncertain,
                slots,
                work_queue,
                results: results_tx,
                batches,
                delimiter,
            };
            reader.run(input, format);
        });
    }
    let out = session.out();
    let tally = std::thread::scope(|scope| {
        {
            let (shared, journal) = (&*shared, journal.as_ref());
            scope.spawn(move || {
                send_all(out, client, shared, journal, work, concurrency, results_tx);
                // Release: every result (the last one included) was sent on the channel
                // before this, so the printer's Acquire load that sees 0 cannot miss one.
                shared.workers_alive.fetch_sub(1, Ordering::Release);
            });
        }
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
    if let Some(error) = &fatal
        && error.kind == Kind::Input
        && shared.records_read.load(Ordering::Relaxed) == 0
    {
        // The input could not be read at all (its header, say): no "0 created" line first.
        return Err(error.clone());
    }
    let stdout_closed = shared.stdout_closed.load(Ordering::Relaxed);
    let stopped = match &fatal {
        Some(error) if error.kind == Kind::Network => {
            Some("stopped early: the server could not be reached".to_owned())
        }
        Some(_) => None,
        None if stdout_closed => Some("stopped early: stdout was closed".to_owned()),
        None if shared.interrupted() => Some("stopped early: interrupted".to_owned()),
        None => shared.fail_fast.line().map(|line| {
            format!("stopped early at record {line} (--fail-fast): nothing after it was sent")
        }),
    };
    let created = if kind.batch.is_some() {
        "added"
    } else {
        "created"
    };
    summary(
        session.out(),
        &tally,
        created,
        not_processed,
        started.elapsed(),
        stopped.as_deref(),
    );
    if tally.journaled > 0 {
        let when = last_run.map_or_else(
            || "an earlier run".to_owned(),
            |t| format!("the run of {}", journal_path::minute(t)),
        );
        session.out().note(&format!(
            "{} already created by {when}; --no-journal sends them again",
            tally.journaled
        ));
    }
    if kind.batch.is_some() {
        let counts = shared
            .batch_counts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(name, count)| format!("{count} {name}"))
            .collect::<Vec<_>>();
        if !counts.is_empty() {
            session
                .out()
                .note(&format!("the API counted: {}", counts.join(", ")));
        }
    }
    if let Some(error) = fatal {
        return Err(error);
    }
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

/// Sends the queued requests on the bulk pipeline: `concurrency` at once, one shared 429 pause,
/// results handed to the printer (which puts records back in input order, those answered
/// without a request included). A halted run starts nothing new; a stopped one (`--fail-fast`,
/// a fatal error) still sends what was queued before the record it stopped at.
fn send_all(
    out: &Output,
    client: &Client,
    shared: &Shared,
    journal: Option<&Journal>,
    work: Receiver<Work>,
    concurrency: usize,
    results: Sender<Message>,
) {
    // Polled, not blocking: the reader is detached (a silent stdin must not keep a stopped
    // run alive), so its queue may never close.
    let jobs = std::iter::from_fn(move || {
        loop {
            match work.recv_timeout(TICK) {
                Ok(item) => return Some(Ok(item)),
                // The reader queues nothing more once the run is stopping.
                Err(RecvTimeoutError::Timeout) if shared.stopping() => return None,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    });
    let halted = || shared.halted();
    let pool = Pool {
        workers: concurrency,
        stop: &halted,
        out,
    };
    let ended = pool.run_fail_fast(
        &shared.fail_fast,
        |item: &Work| item.records[0].0,
        |outcomes: &Vec<(u64, Outcome)>| {
            let failed = outcomes.iter().find(|(_, outcome)| outcome.is_failure());
            failed.map(|(number, _)| *number)
        },
        jobs,
        |item: Work, ctx| send::send(client, shared, ctx, journal, item).unwrap_or_default(),
        |outcomes| {
            for (number, outcome) in outcomes {
                shared.deliver(&results, number, outcome);
            }
            Flow::Continue
        },
    );
    if let Ended::Failed(error) = ended {
        shared.fail(error);
    }
}

/// What to do after a run that stopped early.
fn resume_hint(journal: Option<&journal_path::Chosen>) -> &'static str {
    match journal {
        Some(chosen) if chosen.default => {
            "run the same command again: the journal kept for this file carries on where this run stopped, and creates nothing twice"
        }
        Some(_) => {
            "run again with the same --journal to carry on where this run stopped, creating nothing twice"
        }
        None => {
            "the results say which records were created; a new run without a journal would send every record again"
        }
    }
}

/// `--validate-only`: every record checked, nothing sent, nothing journaled.
fn validate_only(
    out: &Output,
    input: Input,
    format: ImportFormat,
    kind: &RecordKind,
    run: &BulkRunArgs,
) -> Result<()> {
    let fail_fast = FailFast::new(run.fail_fast);
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut text = String::new();
    let mut written = Ok(());
    let read = read::read(input, format, kind, run.delimiter, &mut |parsed| {
        let outcome = match parsed {
            Ok(_) => Outcome::Valid,
            Err(reason) => Outcome::Failed((kind.refused)(reason)),
        };
        tally.count(&outcome);
        text.push_str(&outcome.line(tally.total()));
        if text.len() >= OUTPUT_CHUNK {
            written = write_stdout(out, &text);
            text.clear();
        }
        if outcome.is_failure() {
            fail_fast.failed(tally.total());
        }
        written.is_ok() && fail_fast.line().is_none()
    });
    let written = written.and_then(|()| write_stdout(out, &text));
    let stdout_closed = matches!(&written, Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe);
    if !stdout_closed {
        written.map_err(stdout_error)?;
    }
    let stopped = match fail_fast.line() {
        _ if stdout_closed => "; stopped early: stdout was closed".to_owned(),
        Some(n) => {
            format!("; stopped early at record {n} (--fail-fast): nothing after it was checked")
        }
        None => String::new(),
    };
    if let Err(error) = &read
        && tally.total() == 0
    {
        // The input could not be read at all (its header, say): no "0 valid" line first.
        return Err(error.clone());
    }
    out.note(&format!(
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
    if tally.failed > 0 {
        return Err(Error::new(
            Kind::Partial,
            format!(
                "{} of {} records are invalid (see the results on stdout); nothing was sent",
                tally.failed,
                tally.total()
            ),
        ));
    }
    Ok(())
}
