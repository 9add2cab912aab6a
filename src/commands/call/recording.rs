//! `altur call recording`: one call's recording, to a file or stdout, with a byte progress bar
//! on a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use super::download::{self, Download, Meter, Name};
use super::{ClientSource, RECORDING, download_call, files, human_bytes};
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::error::{Error, Kind, Result};
use crate::ids::OpaqueId;
use crate::output::for_terminal;
use crate::pipeline::Ctx;
use crate::session::Session;

/// Where `call recording` writes, checked before anything is sent.
enum Destination {
    Stdout,
    File(Name),
}

fn destination(args: &Args, id: &str) -> Result<Destination> {
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

/// Download one call's recording to a file
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = CALL_RECORDING_HELP)]
pub(crate) struct Args {
    /// The call's id (cll_...)
    #[arg(value_name = "CALL_ID")]
    pub(crate) call_id: OpaqueId,

    /// Where to write it (- for stdout) [default: CALL_ID.EXT in the current folder]
    #[arg(long, value_name = "PATH")]
    pub(crate) file: Option<PathBuf>,

    /// Replace a file that exists
    #[arg(long)]
    pub(crate) force: bool,
}

pub(crate) const POLICY: Policy = Policy {
    jq: false,
    ..Policy::READ
};

const CALL_RECORDING_HELP: &str = "\
The file is CALL_ID.EXT in the current folder unless --file is given, EXT from the answer's
Content-Type (mp3, wav, ogg, webm, m4a, else bin). The download goes to a temporary file in the
same folder, renamed into place once complete: a file under the final name is always whole.
--file - writes to stdout, which must not be a terminal.

Examples:
  altur call recording \"$CALL\"
  altur call recording \"$CALL\" --file - > call.mp3";

/// `altur call recording`: one call's recording to a file (or stdout); Ctrl-C cuts the
/// download and leaves no partial file.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let id = args.call_id.as_str();
    let destination = destination(args, id)?;
    let call = download_call(&RECORDING.call(&[id]).path);
    if session.prepare(&call)?.is_none() {
        return Ok(()); // --dry-run
    }
    let settings = session.settings()?;
    let client = session.shared_client()?;
    let interrupt = session.interrupt();
    // The first Ctrl-C cuts the download and removes its partial file; a second one ends at
    // once.
    interrupt.stop_with(Error::new(Kind::Interrupted, "interrupted"));
    let source = ClientSource {
        client,
        interrupt: interrupt.clone(),
    };
    let stop = || interrupt.requested();
    let ctx = Ctx::alone(&stop, session.out());
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
            return Ok(());
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
    match session.format()? {
        OutputFormat::Json | OutputFormat::Ndjson => session.out().stdout(&format!(
            "{}\n",
            json!({"call": id, "status": "downloaded", "path": path, "bytes": saved.bytes})
        ))?,
        _ => session.out().stdout(&format!("{path}\n"))?,
    }
    session.out().note(&format!(
        "saved {} to {}",
        human_bytes(saved.bytes),
        for_terminal(&path)
    ));
    Ok(())
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
