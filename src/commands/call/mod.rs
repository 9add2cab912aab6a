//! `altur call start | get | wait | list | recording | recordings` (contract section 15).
//!
//! The parts that need no HTTP are in the submodules: the start body ([`start`]), the wait
//! loop ([`wait`]), file names and temporary files ([`files`]), one download ([`download`])
//! and the bulk run ([`bulk`]). This module sends the requests and prints.

pub mod bulk;
pub mod download;
mod export;
pub mod files;
mod follow;
mod list;
pub mod start;
pub mod wait;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use crate::cli::{CallCommand, CallRecordingArgs, CallRecordingsArgs, OutputFormat};
use crate::client::{Body, Call, Client, Delivery, Endpoint, Failure, Method};
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::interrupt::Interrupt;
use crate::output::{self, Resource, for_terminal};
use crate::paging;
use crate::pipeline::Ctx;

use download::{Download, Meter, Name, Opened, Source};

/// How a call prints: the Call of `GET /call/{id}` and the CampaignCall of a listing.
pub const CALL: Resource = Resource {
    name: "call",
    fields: &[
        "id",
        "status",
        "answered_by",
        "type",
        "phone_number_to",
        "created_at",
        "started_at",
        "ended_at",
        "duration",
        "billable_duration",
        "recording_url",
    ],
    columns: &[
        "id",
        "status",
        "answered_by",
        "duration",
        "contact.phone_number",
        "created_at",
    ],
    id: "id",
    wrapper: None,
};

pub const START: Endpoint = crate::registry::CALL_START.endpoint;
pub const GET: Endpoint = crate::registry::CALL_GET.endpoint;
pub const RECORDING: Endpoint = crate::registry::CALL_RECORDING.endpoint;
pub const CAMPAIGN_CALLS: Endpoint = crate::registry::CALL_LIST.endpoint;
/// Every endpoint these commands use, for the test against the spec.
pub const ENDPOINTS: [Endpoint; 4] = [START, GET, RECORDING, CAMPAIGN_CALLS];

pub fn run(settings: &Settings, command: &CallCommand) -> Result<i32> {
    match command {
        CallCommand::Start(args) => follow::start_call(settings, args),
        CallCommand::Get { call_id } => {
            let id = call_id.as_str();
            let call = GET.call(&[id]);
            if settings.dry_run {
                return dry_run(settings, &call);
            }
            let client = client(settings)?;
            Interrupt::install(follow::json_errors(settings))
                .exit_with(Error::new(Kind::Interrupted, "interrupted"));
            let answer = client.call(&call)?;
            output::print_resource(&answer.body, &CALL, output::format_for(settings))?;
            Ok(0)
        }
        CallCommand::Wait { call_id, wait } => {
            let id = call_id.as_str();
            if settings.dry_run {
                return dry_run(settings, &GET.call(&[id]));
            }
            let client = client(settings)?;
            Interrupt::install(follow::json_errors(settings))
                .exit_with(follow::waiting_interrupted(id));
            follow::follow(settings, &client, id, wait)
        }
        CallCommand::List(args) => list::list(settings, args),
        CallCommand::Recording(args) => recording(settings, args),
        CallCommand::Recordings(args) => recordings(settings, args),
        CallCommand::Export(args) => export::export(settings, args),
    }
}

fn client(settings: &Settings) -> Result<Client> {
    Client::new(settings, settings.api_key()?)
}

fn dry_run(settings: &Settings, call: &Call) -> Result<i32> {
    output::stdout(&call.to_curl(&settings.base_url))?;
    Ok(0)
}

/// Downloads through the HTTP client: one attempt of the head, the body left to stream.
#[derive(Clone)]
struct ClientSource {
    client: Arc<Client>,
    /// The run's Ctrl-C: a stop gives up waiting for an answer's head.
    interrupt: Interrupt,
}

/// How often a download waiting for its answer's head looks at the stop.
const HEAD_TICK: Duration = Duration::from_millis(50);

impl Source for ClientSource {
    /// The head is awaited on a thread of its own, so that Ctrl-C need not wait out
    /// `--timeout` for a server that does not answer: the request is a GET and nothing has
    /// been written yet, so giving it up loses nothing (the thread ends with the process or
    /// when the answer comes).
    fn attempt(&self, path: &str) -> std::result::Result<Opened, Failure> {
        let (sent, received) = std::sync::mpsc::channel();
        let source = self.clone();
        let owned = path.to_owned();
        std::thread::spawn(move || {
            let _ = sent.send(source.open(&owned));
        });
        loop {
            match received.recv_timeout(HEAD_TICK) {
                Ok(opened) => return opened,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) if self.interrupt.requested() => {
                    return Err(Failure {
                        error: Error::new(Kind::Interrupted, "interrupted"),
                        delivery: Delivery::MaybeProcessed,
                        retry_after: None,
                    });
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(Failure {
                        error: Error::internal("the download's request ended without an answer"),
                        delivery: Delivery::MaybeProcessed,
                        retry_after: None,
                    });
                }
            }
        }
    }
}

impl ClientSource {
    /// One attempt of `GET path`, waited for here.
    fn open(&self, path: &str) -> std::result::Result<Opened, Failure> {
        let call = download_call(path);
        let reply = self.client.attempt_open(&call)?;
        let header = |name: &str| {
            reply
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let content_type = header("content-type");
        let content_length = header("content-length").and_then(|v| v.trim().parse().ok());
        let body = match reply.body {
            Body::Open(body) => body,
            _ => {
                return Err(Failure {
                    error: Error::internal("the client read a body it was to leave open"),
                    delivery: Delivery::Answered,
                    retry_after: None,
                });
            }
        };
        Ok(Opened {
            content_type,
            content_length,
            body: Box::new(body.into_with_config().limit(u64::MAX).reader()),
        })
    }
}

/// A download: any type is welcome (the API does not document the audio's), unlike the
/// `application/json` every other request accepts.
fn download_call(path: &str) -> Call {
    Call::new(Method::Get, path).with_header("Accept", "*/*")
}

/// Where `call recording` writes, checked before anything is sent.
enum Destination {
    Stdout,
    File(Name),
}

fn destination(args: &CallRecordingArgs, id: &str) -> Result<Destination> {
    let shown = |p: &Path| for_terminal(&p.display().to_string()).into_owned();
    let exists_hint = "use --force to overwrite it, or --file to choose another name";
    match &args.file {
        Some(path) if path == Path::new("-") => {
            if std::io::stdout().is_terminal() {
                return Err(Error::input(
                    "not writing a recording to a terminal: redirect stdout (> call.wav) or \
                     use --file PATH",
                ));
            }
            Ok(Destination::Stdout)
        }
        Some(path) => {
            let parent = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            if !parent.is_dir() {
                return Err(Error::input(format!(
                    "the folder {} does not exist",
                    shown(parent)
                )));
            }
            if path.is_dir() {
                return Err(Error::input(format!(
                    "{} is a folder; give a file name",
                    shown(path)
                )));
            }
            if path.exists() && !args.force {
                return Err(Error::input(format!("{} exists", shown(path))).with_hint(exists_hint));
            }
            Ok(Destination::File(Name::Given(path.clone())))
        }
        None => {
            // Empty: the current folder, and paths printed without a leading "./".
            let dir = PathBuf::new();
            if let Some(existing) = files::existing_recording(Path::new("."), id)
                && !args.force
            {
                let name = existing.file_name().map(PathBuf::from).unwrap_or(existing);
                return Err(Error::input(format!("{} exists", shown(&name))).with_hint(exists_hint));
            }
            Ok(Destination::File(Name::ById {
                dir,
                call_id: id.to_owned(),
            }))
        }
    }
}

fn recording(settings: &Settings, args: &CallRecordingArgs) -> Result<i32> {
    let id = args.call_id.as_str();
    let destination = destination(args, id)?;
    let call = download_call(&RECORDING.call(&[id]).path);
    if settings.dry_run {
        return dry_run(settings, &call);
    }
    let client = Arc::new(client(settings)?);
    let interrupt = Interrupt::install(follow::json_errors(settings));
    // The first Ctrl-C cuts the download and removes its partial file; a second one ends at
    // once.
    interrupt.stop_with(Error::new(Kind::Interrupted, "interrupted"));
    let source = ClientSource {
        client,
        interrupt: interrupt.clone(),
    };
    let stop = || interrupt.requested();
    let ctx = Ctx::alone(&stop);
    let bar = ByteBar::new();
    let name = match destination {
        Destination::Stdout => {
            download::to_stdout(
                &source,
                &call.path,
                &bar,
                &ctx,
                settings.retries,
                settings.timeout,
            )?;
            bar.finish();
            return Ok(0);
        }
        Destination::File(name) => name,
    };
    let in_flight = files::InFlight::default();
    let saved = Download {
        path: &call.path,
        name,
        force: args.force,
        retries: settings.retries,
        timeout: settings.timeout,
        in_flight: &in_flight,
        meter: &bar,
        ctx: &ctx,
    }
    .run(&source)
    .map_err(|error| {
        bar.finish();
        match error.kind {
            Kind::Interrupted => {
                error.with_hint("nothing was saved; run the command again to download it")
            }
            _ => error,
        }
    })?;
    bar.finish();
    let path = saved.path.display().to_string();
    match output::format_for(settings) {
        OutputFormat::Json | OutputFormat::Ndjson => output::stdout(&format!(
            "{}\n",
            json!({"call": id, "status": "downloaded", "path": path, "bytes": saved.bytes})
        ))?,
        _ => output::stdout(&format!("{path}\n"))?,
    }
    output::note(&format!(
        "saved {} to {}",
        human_bytes(saved.bytes),
        for_terminal(&path)
    ));
    Ok(0)
}

fn recordings(settings: &Settings, args: &CallRecordingsArgs) -> Result<i32> {
    let call = list::campaign_calls(&args.filters)?;
    let dir = &args.dir;
    let shown = for_terminal(&dir.display().to_string()).into_owned();
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(format!("--dir {shown} is not a folder")));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::input(format!("cannot create the folder {shown}: {e}")))?;
    let client = Arc::new(client(settings)?);
    let _lock = files::lock_dir(dir)?;
    let removed = files::remove_stale_temp_files(dir)
        .map_err(|e| Error::internal(format!("cannot clean up {shown}: {e}")))?;
    if removed > 0 {
        output::note(&format!(
            "removed {removed} partial download(s) left in {shown} by an interrupted run"
        ));
    }
    let interrupt = Interrupt::install(follow::json_errors(settings));
    interrupt.stop_with(Error::new(Kind::Interrupted, "interrupted"));
    let call = call.with_query("pageSize", paging::PAGE_SIZE.to_string());
    let listing = list::Items::new(&client, call, paging::Page::Index(0), "calls");
    let options = bulk::Options {
        dir: dir.clone(),
        concurrency: usize::from(args.concurrency),
        retries: settings.retries,
        timeout: settings.timeout,
        base_url: settings.base_url.as_str().to_owned(),
    };
    let started = Instant::now();
    let progress = BulkProgress::new();
    let source = ClientSource {
        client: client.clone(),
        interrupt: interrupt.clone(),
    };
    let (tally, ended) = bulk::run(
        &options,
        &source,
        listing,
        &|| interrupt.requested(),
        &mut |text| output::stdout(text),
        &progress,
    );
    output::note(&format!(
        "recordings: {} downloaded ({}), {} skipped, {} without a recording, {} failed in {:.1} s",
        tally.downloaded,
        human_bytes(tally.bytes),
        tally.skipped,
        tally.none,
        tally.failed,
        started.elapsed().as_secs_f64()
    ));
    match ended {
        Err(error) if error.kind == Kind::Interrupted => Err(error.with_hint(
            "the files in flight were removed; run the same command again to resume (complete \
             files are skipped)",
        )),
        Err(error) => Err(error),
        Ok(()) if tally.failed > 0 => Err(Error::new(
            Kind::Partial,
            format!(
                "{} of {} recordings failed (see the results on stdout)",
                tally.failed,
                tally.total()
            ),
        )
        .with_hint("run the same command again to retry them: complete files are skipped")),
        Ok(()) => Ok(0),
    }
}

/// `1.2 MB`, `340 KB`, `12 B`.
fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

/// A byte progress bar on stderr, only when stderr is a terminal.
struct ByteBar {
    bar: Option<ProgressBar>,
}

impl ByteBar {
    fn new() -> ByteBar {
        ByteBar {
            bar: std::io::stderr().is_terminal().then(|| {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
                    )
                    .expect("a valid template"),
                );
                bar
            }),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Meter for ByteBar {
    fn start(&self, length: Option<u64>) {
        if let Some(bar) = &self.bar {
            match length {
                Some(length) => bar.set_length(length),
                None => bar.unset_length(),
            }
            bar.set_position(0);
        }
    }

    fn add(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }
}

/// The bulk run's progress line on stderr, only on a terminal.
struct BulkProgress {
    bar: Option<ProgressBar>,
}

impl BulkProgress {
    fn new() -> BulkProgress {
        BulkProgress {
            bar: std::io::stderr().is_terminal().then(|| {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {pos} calls  {msg}")
                        .expect("a valid template"),
                );
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            }),
        }
    }
}

impl bulk::Progress for BulkProgress {
    fn update(&self, tally: &bulk::Tally, bytes_received: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(tally.total());
            bar.set_message(format!(
                "{} downloaded, {} skipped, {} failed, {} received",
                tally.downloaded,
                tally.skipped,
                tally.failed,
                human_bytes(bytes_received)
            ));
        }
    }

    fn suspend(&self, print: &mut dyn FnMut()) {
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_bytes(12), "12 B");
        assert_eq!(human_bytes(8_044), "8.0 KB");
        assert_eq!(human_bytes(52_428_800), "52.4 MB");
        assert_eq!(human_bytes(3_000_000_000), "3.00 GB");
    }
}
