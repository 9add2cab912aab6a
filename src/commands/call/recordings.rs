//! `altur call recordings`: the recordings of a campaign's calls into a folder, several at a
//! time, resumable, with a progress line on a terminal.

use std::time::Instant;

use super::spinner::Spinner;
use super::{ClientSource, bulk, files, human_bytes};
use crate::cli::Policy;
use crate::cli::{CallFilterArgs, Concurrency, Folder, concurrency, in_place};
use crate::error::{Error, Kind, Result};
use crate::paging;
use crate::session::Session;

/// Download the recordings of a campaign's calls into a folder (resumable)
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = CALL_RECORDINGS_HELP)]
#[command(mut_args(in_place("dir", |arg| {
    arg.help("The folder for the recordings (created if missing)")
})))]
#[command(mut_args(in_place("concurrency", |arg| concurrency(arg, "Downloads", 16))))]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) filters: CallFilterArgs,

    #[command(flatten)]
    pub(crate) folder: Folder,

    #[command(flatten)]
    pub(crate) concurrency: Concurrency,
}

pub(crate) const POLICY: Policy = Policy::BULK;

const CALL_RECORDINGS_HELP: &str = "\
One NDJSON result per call on stdout, in listing order:
  {\"call\":\"cll_...\",\"status\":\"downloaded|skipped|failed|none\",\"path\":\"...\",\"bytes\":N}
Files already in DIR are skipped, so running the same command again resumes. Exit 0 when no
download failed, 9 otherwise; Ctrl-C removes the files in flight and exits 130.

Examples:
  altur call recordings --campaign 4821 --status ended --dir recordings/
  altur call recordings --campaign 4821 --dir recordings/ --concurrency 8";

/// `altur call recordings`: every recording of a campaign's calls into a folder, resumable;
/// Ctrl-C stops, removes the files in flight and prints the summary.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let call = super::list::campaign_calls(&args.filters)?;
    let dir = &args.folder.dir;
    let shown = files::prepare_dir(dir)?;
    let settings = session.settings()?;
    let client = session.shared_client()?;
    let _lock = files::lock_dir(dir)?;
    let removed = files::remove_stale_temp_files(dir)
        .map_err(|e| Error::internal(format!("cannot clean up {shown}: {e}")))?;
    if removed > 0 {
        session.out().note(&format!(
            "removed {removed} partial download(s) left in {shown} by an interrupted run"
        ));
    }
    let interrupt = session.interrupt();
    interrupt.stop_with(Error::new(Kind::Interrupted, "interrupted"));
    let call = call.with_query("pageSize", paging::PAGE_SIZE.to_string());
    let listing = super::list::Items::new(&client, call, paging::Page::Index(0), "calls");
    let options = bulk::Options {
        dir: dir.clone(),
        concurrency: args.concurrency.get(),
        retries: settings.retries,
        timeout: settings.timeout,
        base_url: settings.base_url.as_str().to_owned(),
    };
    let started = Instant::now();
    let progress = Spinner::new();
    let source = ClientSource {
        client: client.clone(),
        interrupt: interrupt.clone(),
    };
    let (tally, ended) = bulk::run(
        &options,
        &source,
        listing,
        &|| interrupt.requested(),
        session.out(),
        &mut |text| session.out().stdout(text),
        &progress,
    );
    session.out().note(&format!(
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
        Ok(()) => Ok(()),
    }
}

impl bulk::Progress for Spinner {
    fn update(&self, tally: &bulk::Tally, bytes_received: u64) {
        self.show(tally.total(), || {
            format!(
                "{} downloaded, {} skipped, {} failed, {} received",
                tally.downloaded,
                tally.skipped,
                tally.failed,
                human_bytes(bytes_received)
            )
        });
    }

    fn suspend(&self, print: &mut dyn FnMut()) {
        Spinner::suspend(self, print);
    }

    fn finish(&self) {
        Spinner::finish(self);
    }
}
