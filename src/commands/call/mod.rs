//! `altur call start | get | wait | list | recording | recordings` (contract section 15).
//!
//! The parts that need no HTTP are in the submodules: the start body ([`start`]), the wait
//! loop ([`wait`]), file names and temporary files ([`files`]), one download ([`download`])
//! and the bulk run ([`bulk`]). This module sends the requests and prints.

pub mod bulk;
pub mod download;
pub mod files;
pub mod start;
pub mod wait;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use crate::cli::{CallCommand, CallFilterArgs, CallListArgs, CallRecordingArgs};
use crate::cli::{CallRecordingsArgs, CallStartArgs, CallWaitArgs, OutputFormat};
use crate::client::{Body, Call, Client, Endpoint, Expect, Method};
use crate::config::Settings;
use crate::error::{Error, Kind, Result};
use crate::output::{self, ListPrinter, Resource, for_terminal};
use crate::paging::{self, Limit, Listing, Pager, Position, Style};

use download::{Download, Meter, Name, Opened, Source};
use files::InFlight;
use wait::{RealClock, Waited};

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

/// What a start whose answer was lost may have done: a second start would ring again.
const MAY_HAVE_CALLED: &str = "the call may have been placed: look for it (altur call list, or \
     the dashboard) before starting it again, or the person may be called twice";

pub fn run(settings: &Settings, command: &CallCommand) -> Result<i32> {
    match command {
        CallCommand::Start(args) => start_call(settings, args),
        CallCommand::Get { call_id } => {
            let id = start::checked_opaque_id("call", call_id)?;
            let call = GET.call(&[id]);
            if settings.dry_run {
                return dry_run(settings, &call);
            }
            let client = client(settings)?;
            crate::interrupt::exit_on_signal(Error::new(Kind::Interrupted, "interrupted"));
            let answer = client.call(&call)?;
            output::print_resource(&answer.body, &CALL, output::format_for(settings))?;
            Ok(0)
        }
        CallCommand::Wait { call_id, wait } => {
            let id = start::checked_opaque_id("call", call_id)?;
            if settings.dry_run {
                return dry_run(settings, &GET.call(&[id]));
            }
            let client = client(settings)?;
            let interrupt = Interrupt::install(Error::new(Kind::Interrupted, "interrupted"));
            interrupt.set(waiting_interrupted(id));
            follow(settings, &client, id, wait)
        }
        CallCommand::List(args) => list(settings, args),
        CallCommand::Recording(args) => recording(settings, args),
        CallCommand::Recordings(args) => recordings(settings, args),
    }
}

fn client(settings: &Settings) -> Result<Client> {
    Client::new(settings, settings.api_key()?)
}

fn dry_run(settings: &Settings, call: &Call) -> Result<i32> {
    output::stdout(&call.to_curl(&settings.base_url))?;
    Ok(0)
}

fn start_call(settings: &Settings, args: &CallStartArgs) -> Result<i32> {
    let body = start::start_body(&start::StartInput {
        agent: &args.agent,
        to: &args.to,
        name: args.name.as_deref(),
        context: args.context.as_deref(),
        context_json: args.context_json.as_deref(),
        first_message: args.first_message.as_deref(),
    })?;
    if !args.wait && (args.wait_options.interval.is_some() || args.wait_options.max_wait.is_some())
    {
        return Err(Error::input(
            "--interval and --max-wait apply only with --wait",
        ));
    }
    let call = START.call(&[]).with_body(body).if_unknown(MAY_HAVE_CALLED);
    if settings.dry_run {
        return dry_run(settings, &call);
    }
    let client = client(settings)?;
    let interrupt =
        Interrupt::install(Error::new(Kind::Interrupted, "interrupted").with_hint(MAY_HAVE_CALLED));
    let answer = client.call(&call)?;
    if !args.wait {
        output::print_resource(&answer.body, &CALL, output::format_for(settings))?;
        return Ok(0);
    }
    let Some(id) = answer.body.get("id").and_then(Value::as_str) else {
        output::print_resource(&answer.body, &CALL, output::format_for(settings))?;
        return Err(Error::new(
            Kind::Server,
            "the call was placed, but the answer has no id to wait on",
        ));
    };
    let id = id.to_owned();
    interrupt.set(waiting_interrupted(&id));
    output::note(&format!("call {} placed", for_terminal(&id)));
    follow(settings, &client, &id, &args.wait_options)
}

fn waiting_interrupted(id: &str) -> Error {
    Error::new(Kind::Interrupted, "interrupted while waiting").with_hint(format!(
        "the call goes on; follow it again with: altur call wait {}",
        shell_words::quote(id)
    ))
}

/// `call wait`: polls until a final status, printing each change on stderr and the call on
/// stdout; exit 11 when `--max-wait` runs out.
fn follow(settings: &Settings, client: &Client, id: &str, options: &CallWaitArgs) -> Result<i32> {
    let interval = options
        .interval
        .map_or(wait::DEFAULT_INTERVAL, Duration::from_secs_f64);
    let max_wait = options
        .max_wait
        .map_or(wait::DEFAULT_MAX_WAIT, Duration::from_secs_f64);
    let get = GET.call(&[id]);
    let shown = for_terminal(id).into_owned();
    let waited = wait::wait_for(
        || client.call(&get).map(|answer| answer.body),
        &mut RealClock,
        interval,
        max_wait,
        |status| output::note(&format!("call {shown}: {}", for_terminal(status))),
    )?;
    let format = output::format_for(settings);
    match waited {
        Waited::Final(call) => {
            output::print_resource(&call, &CALL, format)?;
            Ok(0)
        }
        Waited::GaveUp(call) => {
            output::print_resource(&call, &CALL, format)?;
            let status = wait::status_of(&call).unwrap_or("(no status)");
            Err(Error::new(
                Kind::GaveUp,
                format!(
                    "call {shown} is still {} after waiting {} s",
                    for_terminal(status),
                    max_wait.as_secs_f64()
                ),
            )
            .with_hint(format!(
                "wait more with: altur call wait {} --max-wait SECS",
                shell_words::quote(id)
            )))
        }
    }
}

/// The listing request of a campaign's calls with its filters, checked before sending.
fn campaign_calls(filters: &CallFilterArgs) -> Result<Call> {
    let campaign = filters.campaign.to_string();
    let mut call = CAMPAIGN_CALLS.call(&[&campaign]);
    if let Some(status) = filters.status {
        call = call.with_query("status", value_name(status));
    }
    if let Some(who) = filters.answered_by {
        call = call.with_query("answeredBy", value_name(who));
    }
    for (flag, name, value) in [
        ("--since", "startDate", &filters.since),
        ("--until", "endDate", &filters.until),
    ] {
        if let Some(value) = value {
            crate::datetime::parse(value).map_err(|why| {
                Error::input(format!(
                    "{flag} '{}' is not an ISO 8601 date or date-time: {why}",
                    for_terminal(value)
                ))
                .with_hint("for example 2026-11-27 or 2026-11-27T08:00:00Z")
            })?;
            call = call.with_query(name, value.clone());
        }
    }
    Ok(call)
}

fn value_name(value: impl clap::ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

/// The filters as flags, to repeat them in the command that continues a list.
fn filter_flags(filters: &CallFilterArgs) -> String {
    let mut words = vec![format!("--campaign {}", filters.campaign)];
    if let Some(status) = filters.status {
        words.push(format!("--status {}", value_name(status)));
    }
    if let Some(who) = filters.answered_by {
        words.push(format!("--answered-by {}", value_name(who)));
    }
    if let Some(since) = &filters.since {
        words.push(format!("--since {}", shell_words::quote(since)));
    }
    if let Some(until) = &filters.until {
        words.push(format!("--until {}", shell_words::quote(until)));
    }
    words.join(" ")
}

fn list(settings: &Settings, args: &CallListArgs) -> Result<i32> {
    let call = campaign_calls(&args.filters)?;
    let after = args
        .after
        .as_deref()
        .map(Position::from_token)
        .transpose()?;
    let limit = match (args.all, args.limit) {
        (true, _) => Limit::All,
        (false, limit) => Limit::Items(limit.unwrap_or(paging::DEFAULT_LIMIT)),
    };
    if settings.dry_run {
        let first = call
            .with_query("pageSize", paging::PAGE_SIZE.to_string())
            .with_query("pageIndex", "0");
        return dry_run(settings, &first);
    }
    let client = client(settings)?;
    crate::interrupt::exit_on_signal(Error::new(Kind::Interrupted, "interrupted"));
    let mut continue_with = format!("altur call list {}", filter_flags(&args.filters));
    if let Some(limit) = args.limit {
        continue_with.push_str(&format!(" --limit {limit}"));
    }
    let mut printer = ListPrinter::new(&CALL, output::format_for(settings));
    paging::list(
        &client,
        Listing {
            call,
            style: Style::PageIndex,
            items_key: "calls",
            limit,
            after,
            continue_with,
        },
        &mut printer,
    )?;
    printer.finish()?;
    Ok(0)
}

/// Downloads through the HTTP client: the head with its retries, the body left to stream.
struct ClientSource {
    client: Arc<Client>,
}

impl Source for ClientSource {
    fn open(&self, path: &str) -> Result<Opened> {
        let call = download_call(path);
        let reply = self.client.exchange(&call, Expect::Open, false)?;
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
                return Err(Error::internal(
                    "the client read a body it was to leave open",
                ));
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
    let id = start::checked_opaque_id("call", &args.call_id)?;
    let destination = destination(args, id)?;
    let call = download_call(&RECORDING.call(&[id]).path);
    if settings.dry_run {
        return dry_run(settings, &call);
    }
    let source = ClientSource {
        client: Arc::new(client(settings)?),
    };
    let bar = ByteBar::new();
    let name = match destination {
        Destination::Stdout => {
            crate::interrupt::exit_on_signal(Error::new(Kind::Interrupted, "interrupted"));
            download::to_stdout(&source, &call.path, &bar)?;
            bar.finish();
            return Ok(0);
        }
        Destination::File(name) => name,
    };
    let in_flight = Arc::new(InFlight::default());
    {
        // Ctrl-C removes the partial file before exiting: nothing half-written stays.
        let in_flight = in_flight.clone();
        let Ok(mut signals) = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
        ]) else {
            return Err(Error::internal("cannot handle SIGINT/SIGTERM"));
        };
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                in_flight.close_and_remove();
                output::print_error(
                    &Error::new(Kind::Interrupted, "interrupted")
                        .with_hint("nothing was saved; run the command again to download it"),
                    false,
                );
                std::process::exit(Kind::Interrupted.exit_code());
            }
        });
    }
    let saved = Download {
        path: &call.path,
        name,
        force: args.force,
        retries: settings.retries,
        in_flight: &in_flight,
        meter: &bar,
    }
    .run(&source)?;
    bar.finish();
    let path = saved.path.display().to_string();
    match output::format_for(settings) {
        OutputFormat::Json | OutputFormat::Ndjson => output::stdout(&format!(
            "{}\n",
            json!({"call": id, "status": "downloaded", "path": path, "bytes": saved.bytes})
        ))?,
        OutputFormat::Table | OutputFormat::Id => output::stdout(&format!("{path}\n"))?,
    }
    output::note(&format!(
        "saved {} to {}",
        human_bytes(saved.bytes),
        for_terminal(&path)
    ));
    Ok(0)
}

fn recordings(settings: &Settings, args: &CallRecordingsArgs) -> Result<i32> {
    let call = campaign_calls(&args.filters)?;
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
    let interrupted = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // The first signal asks for a clean stop; a second one ends the program at once.
        signal_hook::flag::register_conditional_shutdown(signal, 130, interrupted.clone())
            .and_then(|_| signal_hook::flag::register(signal, interrupted.clone()))
            .map_err(|e| Error::internal(format!("cannot handle signals: {e}")))?;
    }
    let listing: bulk::Listing = {
        let client = client.clone();
        let call = call.with_query("pageSize", paging::PAGE_SIZE.to_string());
        Box::new(move |sink| {
            let mut pager = Pager::new(&client, call, paging::Page::Index(0), Some("calls"));
            while let Some(fetched) = pager.fetch()? {
                for item in paging::items_of(&fetched.body, Some("calls"))
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                {
                    if !sink(item.clone()) {
                        return Ok(());
                    }
                }
            }
            Ok(())
        })
    };
    let options = bulk::Options {
        dir: dir.clone(),
        concurrency: usize::from(args.concurrency),
        retries: settings.retries,
        base_url: settings.base_url.as_str().to_owned(),
    };
    let started = Instant::now();
    let progress = BulkProgress::new();
    let (tally, ended) = bulk::run(
        &options,
        Arc::new(ClientSource { client }),
        listing,
        interrupted,
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

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Ctrl-C or SIGTERM: print the error that says what the interruption means now, exit 130.
/// Unlike `interrupt::exit_on_signal`, the message can change as the command moves on (a
/// start that may have rung, then a call being followed).
struct Interrupt {
    error: Arc<Mutex<Error>>,
}

impl Interrupt {
    fn install(error: Error) -> Interrupt {
        let error = Arc::new(Mutex::new(error));
        let shared = error.clone();
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
        ]) {
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    let error = shared.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    output::print_error(&error, false);
                    std::process::exit(Kind::Interrupted.exit_code());
                }
            });
        }
        Interrupt { error }
    }

    fn set(&self, error: Error) {
        *self.error.lock().unwrap_or_else(|e| e.into_inner()) = error;
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
