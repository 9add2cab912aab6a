//! `altur call export` (contract section 21): what customers script by hand, in one
//! resumable command. The campaigns' calls ([`select`]) run through the one bulk pipeline;
//! each worker writes a call's transcript and recording one by one, journaling each as it
//! lands ([`journal`]); this thread prints one NDJSON result per call and writes the index
//! ([`index`]) in listing order.

mod index;
mod journal;
mod names;
mod select;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::download::{Download, Meter, Name};
use super::files::{self, InFlight};
use super::{ClientSource, human_bytes};
use crate::cli::ExportPart;
use crate::client::{Call, Client};
use crate::error::{Error, Kind, Result};
use crate::output::for_terminal;
use crate::pipeline::{Ctx, Ended, Flow, Pool};
use crate::session::Session;

use super::spinner::Spinner;
use crate::cli::Policy;
use crate::cli::{
    AnsweredByFilter, CallStatusFilter, Concurrency, Folder, IndexFormat, concurrency, in_place,
};
use crate::ids::{CampaignId, OpaqueId};
use journal::{Journal, Part};
use select::{Campaign, Job};

/// The field at a dotted `path` (`contact.f_id`) of `value`.
pub(super) fn dotted<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(value, |value, key| match value {
        Value::Object(map) => map.get(key),
        Value::Array(items) => items.get(key.parse::<usize>().ok()?),
        _ => None,
    })
}

/// A value as text: strings as they are, anything else as JSON.
pub(super) fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// What became of one call.
struct Exported {
    campaign: Arc<Campaign>,
    call: Value,
    id: String,
    transcript: Option<String>,
    recording: Option<String>,
    /// Something was fetched in this run (else everything was there already).
    fetched: bool,
    errors: Vec<Error>,
    /// The run stopped before this call was done: not printed, not counted.
    stopped: bool,
}

#[derive(Default)]
struct Tally {
    exported: u64,
    skipped: u64,
    failed: u64,
}

struct Run<'a> {
    dir: &'a Path,
    client: &'a Client,
    source: ClientSource,
    journal: Journal,
    transcripts: bool,
    recordings: bool,
    retries: u32,
    timeout: Duration,
    base_url: String,
    in_flight: InFlight,
    bytes: AtomicU64,
}

/// Export calls of campaigns into a folder: an index, transcripts, recordings (resumable)
///
/// The campaigns are those given with --campaign, or else those GET /campaigns lists for
/// --agent, --campaign-status (default finished) and --since/--until. Each campaign's calls
/// are listed with --status, --answered-by and the dates sent to the API; --tag (any) and
/// --where (all) filter them here. DIR/calls.ndjson (or calls.csv with --index csv) gets
/// one line per exported call, in listing order, rewritten whole on each run; --with
/// transcripts writes DIR/transcripts/NAME.txt, --with recordings
/// DIR/recordings/NAME.EXT. A journal in DIR makes a re-run fetch only the files still
/// missing, and keeps a second run out.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = CALL_EXPORT_HELP)]
#[command(mut_args(in_place("dir", |arg| {
    arg.help("The folder to export into (created if missing)")
})))]
#[command(mut_args(in_place("concurrency", |arg| concurrency(arg, "Calls handled", 16))))]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) folder: Folder,

    /// A campaign to export (repeatable); without it, the campaigns GET /campaigns lists
    #[arg(long = "campaign", value_name = "ID")]
    pub(crate) campaigns: Vec<CampaignId>,

    /// Only campaigns of this agent (when no --campaign is given)
    #[arg(long, value_name = "AGENT_ID")]
    pub(crate) agent: Option<OpaqueId>,

    /// Only campaigns in this status (when no --campaign is given)
    #[arg(long, value_name = "STATUS", default_value = "finished", value_parser = ["pending", "ready", "active", "inactive", "cooldown", "finished"])]
    pub(crate) campaign_status: String,

    /// Only calls with this status
    #[arg(long, value_enum, value_name = "STATUS")]
    pub(crate) status: Option<CallStatusFilter>,

    /// Only calls answered by
    #[arg(long, value_enum, value_name = "WHO")]
    pub(crate) answered_by: Option<AnsweredByFilter>,

    /// Only campaigns and calls from this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub(crate) since: Option<String>,

    /// Only campaigns and calls before this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub(crate) until: Option<String>,

    /// Only calls with this tag (repeatable: any of them)
    #[arg(long = "tag", value_name = "TAG")]
    pub(crate) tags: Vec<String>,

    /// Only calls whose dotted FIELD equals VALUE (repeatable: all of them)
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    pub(crate) conditions: Vec<String>,

    /// What to write beside the index
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PARTS")]
    pub(crate) with: Vec<ExportPart>,

    /// The name of each call's files, without extension [default: {id}]
    #[arg(long, value_name = "TEMPLATE")]
    pub(crate) name: Option<String>,

    /// The index's format: DIR/calls.ndjson or DIR/calls.csv
    #[arg(long, value_enum, default_value = "ndjson", value_name = "FORMAT")]
    pub(crate) index: IndexFormat,

    #[command(flatten)]
    pub(crate) concurrency: Concurrency,
}

pub(crate) const POLICY: Policy = Policy::BULK;

const CALL_EXPORT_HELP: &str = "\
--name builds each file's name from the call: {id} (the default), {campaign}, {campaign_name},
{created_at:%Y-%m-%d} (strftime %Y %m %d %H %M %S %F %T %%, UTC), {contact.f_id} or any dotted
field of the call; '/' makes subfolders. Two calls with one name: the later gets _{id} appended.
One NDJSON result per call on stdout; progress and a summary on stderr. Exit 0, or 9 when some
calls failed (run the same command again to fetch what is missing); Ctrl-C or a closed stdout
finish what is in flight and exit 130.

Examples:
  altur call export --campaign 4821 --dir export --with transcripts,recordings
  altur call export --agent \"$AGENT\" --since 2026-11-01 --tag PROMESA --dir nov
  altur call export --campaign 4821 --dir out --name '{contact.f_id}_{id}' \\
      --where contact.f_id=0074235796811684 --with recordings --index csv";

/// `altur call export`: the selected calls' transcripts and recordings into a folder, with
/// an index; Ctrl-C stops, keeps what landed, prints the summary.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let template = match &args.name {
        Some(text) => names::Template::parse(text)?,
        None => names::Template::default_name(),
    };
    let filter = select::Filter::new(args)?;
    let campaigns_call = match args.campaigns.is_empty() {
        true => Some(select::campaigns_call(args)?),
        false => {
            if args.agent.is_some() {
                return Err(Error::input(
                    "--agent selects campaigns: give it or --campaign, not both",
                ));
            }
            None
        }
    };
    let dir = &args.folder.dir;
    let shown = super::files::prepare_dir(dir)?;
    let settings = session.settings()?;
    let client = session.shared_client()?;
    let (journal, settled) = Journal::open(dir)?;
    let removed =
        remove_stale(dir).map_err(|e| Error::internal(format!("cannot clean up {shown}: {e}")))?;
    if removed > 0 {
        session.out().note(&format!(
            "removed {removed} partial file(s) left in {shown} by an interrupted run"
        ));
    }
    let interrupt = session.interrupt();
    interrupt.stop_with(Error::new(Kind::Interrupted, "interrupted"));
    let campaigns = match campaigns_call {
        Some(call) => select::listed_campaigns(&client, call),
        None => select::given_campaigns(
            &client,
            args.campaigns.iter().map(|id| id.to_string()).collect(),
        ),
    };
    let jobs = select::Jobs {
        client: &client,
        args,
        campaigns,
        current: None,
        filter,
        template,
        settled,
        used: HashSet::new(),
    };
    let run = Run {
        dir,
        client: &client,
        source: ClientSource {
            client: client.clone(),
            interrupt: interrupt.clone(),
        },
        journal,
        transcripts: args.with.contains(&ExportPart::Transcripts),
        recordings: args.with.contains(&ExportPart::Recordings),
        retries: settings.retries,
        timeout: settings.timeout,
        base_url: settings.base_url.as_str().to_owned(),
        in_flight: InFlight::default(),
        bytes: AtomicU64::new(0),
    };
    let mut index = index::Index::start(dir, args.index)?;
    let mut index_error: Option<Error> = None;
    let mut print_error: Option<Error> = None;
    let mut tally = Tally::default();
    let progress = Spinner::new();
    let started = Instant::now();
    let ended = Pool {
        workers: args.concurrency.get(),
        stop: &|| interrupt.requested(),
        out: session.out(),
    }
    .run(
        jobs,
        |job, ctx| run.settle(job, ctx),
        |exported| {
            if exported.stopped {
                return Flow::Continue;
            }
            let failed = !exported.errors.is_empty();
            match (failed, exported.fetched) {
                (true, _) => tally.failed += 1,
                (false, true) => tally.exported += 1,
                (false, false) => tally.skipped += 1,
            }
            let entry = index::entry(
                &exported.campaign,
                &exported.call,
                exported.transcript.as_deref(),
                exported.recording.as_deref(),
            );
            if index_error.is_none()
                && let Err(error) = index.push(&entry)
            {
                index_error = Some(error);
            }
            if print_error.is_none() {
                let line = result_line(&exported);
                progress.suspend(|| {
                    if let Err(error) = session.out().stdout(&line) {
                        print_error = Some(error);
                    }
                });
            }
            progress.show(tally.exported + tally.skipped + tally.failed, || {
                format!(
                    "{} exported, {} already done, {} failed, {} received",
                    tally.exported,
                    tally.skipped,
                    tally.failed,
                    human_bytes(run.bytes.load(Ordering::Relaxed))
                )
            });
            if print_error.is_some() || index_error.is_some() {
                Flow::Stop
            } else {
                Flow::Continue
            }
        },
    );
    progress.finish();
    run.in_flight.close_and_remove();
    let stopped = matches!(ended, Ended::Stopped) || print_error.is_some();
    // An interrupted run keeps the index of the last whole run; a finished one replaces it.
    let index_name = index::Index::file_name(args.index);
    let index_written = match (&index_error, stopped, &ended) {
        (None, false, Ended::Finished) => index.finish().map(|()| true),
        (None, _, _) => Ok(false),
        (Some(error), _, _) => Err(error.clone()),
    }?;
    session.out().note(&format!(
        "export: {} exported, {} already done, {} failed ({} received) in {:.1} s{}",
        tally.exported,
        tally.skipped,
        tally.failed,
        human_bytes(run.bytes.load(Ordering::Relaxed)),
        started.elapsed().as_secs_f64(),
        if index_written {
            format!(
                "; index {}",
                for_terminal(&dir.join(index_name).display().to_string())
            )
        } else {
            String::new()
        }
    ));
    let resume =
        "run the same command again to fetch what is missing (files already there are kept)";
    match (print_error, ended) {
        (Some(error), _) if error.kind == Kind::StdoutClosed => Err(Error::new(
            Kind::Interrupted,
            "stdout was closed; stopped exporting",
        )
        .with_hint(resume)),
        (Some(error), _) => Err(error),
        (None, Ended::Stopped) => {
            Err(Error::new(Kind::Interrupted, "interrupted").with_hint(resume))
        }
        (None, Ended::Failed(error)) => Err(error),
        (None, Ended::Finished) if tally.failed > 0 => Err(Error::new(
            Kind::Partial,
            format!(
                "{} of {} calls failed (see the results on stdout)",
                tally.failed,
                tally.exported + tally.skipped + tally.failed
            ),
        )
        .with_hint(resume)),
        (None, Ended::Finished) => Ok(()),
    }
}

/// One NDJSON result line for stdout.
fn result_line(exported: &Exported) -> String {
    let status = match (exported.errors.is_empty(), exported.fetched) {
        (false, _) => "failed",
        (true, true) => "exported",
        (true, false) => "skipped",
    };
    let mut value = json!({
        "call": exported.id,
        "status": status,
        "transcript": exported.transcript,
        "recording": exported.recording,
    });
    if let Some(error) = exported.errors.first() {
        value["error"] = json!({
            "kind": error.kind.name(),
            "status": error.status,
            "message": error.message,
        });
    }
    let mut line = value.to_string();
    line.push('\n');
    line
}

impl Run<'_> {
    /// Writes what the call still needs, one part after the other (one failing does not stop
    /// the other), journaling each as it lands.
    fn settle(&self, job: Job, ctx: &Ctx<'_>) -> Exported {
        let Job {
            campaign,
            call,
            id,
            name,
            settled,
        } = job;
        let mut exported = Exported {
            campaign,
            id: id.as_deref().unwrap_or("(no id)").to_owned(),
            call,
            transcript: None,
            recording: None,
            fetched: false,
            errors: Vec::new(),
            stopped: false,
        };
        let id = match id {
            Ok(id) => id,
            Err(error) => {
                exported.errors.push(error);
                return exported;
            }
        };
        let parts = [
            (self.transcripts, Part::Transcript),
            (self.recordings, Part::Recording),
        ];
        for (wanted, part) in parts {
            if !wanted {
                continue;
            }
            // Settled by an earlier run, its file still there: nothing to fetch.
            let earlier = settled.get(part).filter(|path| match path {
                Some(path) => is_whole(&self.dir.join(path)),
                None => true,
            });
            let path = match earlier {
                Some(path) => path.clone(),
                None => {
                    if ctx.stopping() {
                        exported.stopped = true;
                        return exported;
                    }
                    let fetched = match part {
                        Part::Transcript => self.transcript(&id, &exported.call, &name, ctx),
                        Part::Recording => self.recording(&id, &exported.call, &name, ctx),
                    };
                    match fetched {
                        Ok(path) => {
                            exported.fetched = true;
                            // "No such part" is settled only for a call that is over: an
                            // unfinished one may have its transcript and recording later.
                            let over = exported
                                .call
                                .get("status")
                                .and_then(Value::as_str)
                                .is_some_and(|s| {
                                    ["ended", "busy", "no-answer", "failed"].contains(&s)
                                });
                            let journaled = match &path {
                                Some(_) => self.journal.record(&id, part, path.as_deref()),
                                None if over => self.journal.record(&id, part, None),
                                None => Ok(()),
                            };
                            if let Err(error) = journaled {
                                ctx.fail(error.clone());
                                exported.errors.push(error);
                            }
                            path
                        }
                        Err(error) if error.kind == Kind::Interrupted => {
                            exported.stopped = true;
                            return exported;
                        }
                        Err(error) => {
                            if error.kind == Kind::Auth {
                                ctx.fail(error.clone());
                            }
                            exported.errors.push(error);
                            None
                        }
                    }
                }
            };
            match part {
                Part::Transcript => exported.transcript = path,
                Part::Recording => exported.recording = path,
            }
        }
        exported
    }

    /// One JSON GET under the run's rules.
    fn get(&self, call: &Call, ctx: &Ctx<'_>) -> Result<Value> {
        ctx.request(self.retries, || self.client.attempt_json(call))
            .map(|answer| answer.body)
    }

    /// `GET /call/{id}` → `thread.id` → `GET /message/{thread_id}` → `transcripts/NAME.txt`;
    /// `None` when the call has no thread.
    fn transcript(
        &self,
        id: &str,
        listed: &Value,
        name: &str,
        ctx: &Ctx<'_>,
    ) -> Result<Option<String>> {
        let thread = match listed.get("thread").and_then(|t| t.get("id")) {
            Some(thread) => Some(thread.clone()),
            None => {
                let call = self.get(&super::GET.call(&[id]), ctx)?;
                call.get("thread").and_then(|t| t.get("id")).cloned()
            }
        };
        let Some(thread) = thread.as_ref().and_then(Value::as_str) else {
            return Ok(None);
        };
        crate::ids::checked_opaque("thread", thread).map_err(|e| Error {
            kind: Kind::Server,
            ..e
        })?;
        let messages = self.get(&crate::registry::MESSAGE_LIST.endpoint.call(&[thread]), ctx)?;
        let messages = match &messages {
            Value::Array(items) => items.as_slice(),
            other => other
                .get("messages")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default(),
        };
        let text = crate::transcript::render(thread, messages);
        let relative = format!("transcripts/{name}.txt");
        write_whole(&self.dir.join(&relative), text.as_bytes())?;
        Ok(Some(relative))
    }

    /// The recording into `recordings/NAME.EXT`; `None` when the call has none.
    fn recording(
        &self,
        id: &str,
        listed: &Value,
        name: &str,
        ctx: &Ctx<'_>,
    ) -> Result<Option<String>> {
        let recording_url = listed.get("recording_url").and_then(Value::as_str);
        let status = listed.get("status").and_then(Value::as_str);
        if recording_url.is_none() && status.is_some_and(|s| s != "ended") {
            return Ok(None);
        }
        let path = files::recording_path(&self.base_url, id, recording_url);
        let stem = self.dir.join("recordings").join(name);
        if let Some(parent) = stem.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::internal(format!("cannot create {}: {e}", parent.display())))?;
        }
        let download = Download {
            path: &path,
            name: Name::Stem {
                stem,
                unknown: "wav",
            },
            // Not journaled, so not ours to keep: a file a killed run renamed into place.
            force: true,
            retries: self.retries,
            timeout: self.timeout,
            in_flight: &self.in_flight,
            meter: &Bytes(&self.bytes),
            ctx,
        };
        match download.run(&self.source) {
            Ok(saved) => {
                let relative = saved
                    .path
                    .strip_prefix(self.dir)
                    .unwrap_or(&saved.path)
                    .to_string_lossy()
                    .into_owned();
                Ok(Some(relative))
            }
            Err(error) if error.status == Some(404) => Ok(None),
            Err(error) => Err(error),
        }
    }
}

/// Counts the bytes of every download for the progress line.
struct Bytes<'a>(&'a AtomicU64);

impl Meter for Bytes<'_> {
    fn add(&self, bytes: u64) {
        self.0.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// A file an earlier run wrote is still there, and not empty.
fn is_whole(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0)
}

/// Writes `bytes` to `path` whole: a temporary file beside it, fsynced, renamed into place.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    let cannot = |e: std::io::Error| {
        Error::internal(format!(
            "cannot write {}: {e}",
            for_terminal(&path.display().to_string())
        ))
    };
    std::fs::create_dir_all(parent).map_err(cannot)?;
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(100).collect::<String>())
        .unwrap_or_default();
    let mut temp = files::temp_file_in(parent, &stem).map_err(cannot)?;
    temp.write_all(bytes).map_err(cannot)?;
    temp.as_file().sync_all().map_err(cannot)?;
    temp.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}

/// Removes the temporary files a killed run left in the folder and its subfolders.
fn remove_stale(dir: &Path) -> std::io::Result<usize> {
    let mut removed = files::remove_stale_temp_files(dir)?;
    let mut folders: Vec<PathBuf> = vec![dir.join("transcripts"), dir.join("recordings")];
    while let Some(folder) = folders.pop() {
        if !folder.is_dir() {
            continue;
        }
        removed += files::remove_stale_temp_files(&folder)?;
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                folders.push(entry.path());
            }
        }
    }
    Ok(removed)
}
