//! `altur call` (contract section 15).

use super::*;
use crate::ids::{CampaignId, OpaqueId};

/// `altur call ...` (contract section 15).
#[derive(Debug, Subcommand)]
pub enum CallCommand {
    /// Start an outbound phone call handled by an agent (POST /call)
    #[command(after_help = CALL_START_HELP)]
    Start(CallStartArgs),

    /// Fetch one call
    #[command(after_help = "\
Examples:
  altur call get cll_a208c12cf0c7b709
  altur call get \"$CALL\" -o json | jq -r .status")]
    Get {
        /// The call's id (cll_...)
        #[arg(value_name = "CALL_ID")]
        call_id: OpaqueId,
    },

    /// Wait until a call ends: each status change on stderr, the final call on stdout
    #[command(after_help = CALL_WAIT_HELP)]
    Wait {
        /// The call's id (cll_...)
        #[arg(value_name = "CALL_ID")]
        call_id: OpaqueId,

        #[command(flatten)]
        wait: CallWaitArgs,
    },

    /// List the calls of a campaign (GET /campaigns/{id}/calls)
    ///
    /// Newest first, 30 at a time: --limit N shows N and prints the token to continue with
    /// (--after TOKEN); --all follows every page.
    #[command(after_help = "\
Examples:
  altur call list --campaign 4821 --status ended --since 2026-12-01
  altur call list --campaign 4821 --all -o ndjson > calls.ndjson")]
    List(CallListArgs),

    /// Download one call's recording to a file
    #[command(after_help = CALL_RECORDING_HELP)]
    Recording(CallRecordingArgs),

    /// Download the recordings of a campaign's calls into a folder (resumable)
    #[command(after_help = CALL_RECORDINGS_HELP)]
    Recordings(CallRecordingsArgs),

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
    #[command(after_help = CALL_EXPORT_HELP)]
    Export(CallExportArgs),
}

const CALL_START_HELP: &str = "\
Only the fields given are sent. The number is checked and normalised to E.164 first
(+52 (55) 1234-5678 becomes +525512345678). A start is never sent twice: if its answer is lost,
altur exits 7 and the call may have been placed (a second one would ring the person again).

Examples:
  altur call start --agent \"$AGENT\" --to '+52 55 1234 5678' --name Sofía --wait
  altur call start --agent \"$AGENT\" --to +525512345678 \\
      --context-json context.json -o id";

const CALL_WAIT_HELP: &str = "\
Final statuses: ended, busy, no-answer, failed (exit 0 for any: it is data, not an error).
When --max-wait runs out first, the call as last seen is printed and the exit code is 11.

Examples:
  altur call wait \"$CALL\"
  altur call wait \"$CALL\" --interval 5 --max-wait 600 -o json | jq -r .status";

const CALL_RECORDING_HELP: &str = "\
The file is CALL_ID.EXT in the current folder unless --file is given, EXT from the answer's
Content-Type (mp3, wav, ogg, webm, m4a, else bin). The download goes to a temporary file in the
same folder, renamed into place once complete: a file under the final name is always whole.
--file - writes to stdout, which must not be a terminal.

Examples:
  altur call recording \"$CALL\"
  altur call recording \"$CALL\" --file - > call.mp3";

const CALL_RECORDINGS_HELP: &str = "\
One NDJSON result per call on stdout, in listing order:
  {\"call\":\"cll_...\",\"status\":\"downloaded|skipped|failed|none\",\"path\":\"...\",\"bytes\":N}
Files already in DIR are skipped, so running the same command again resumes. Exit 0 when no
download failed, 9 otherwise; Ctrl-C removes the files in flight and exits 130.

Examples:
  altur call recordings --campaign 4821 --status ended --dir recordings/
  altur call recordings --campaign 4821 --dir recordings/ --concurrency 8";

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportPart {
    Transcripts,
    Recordings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IndexFormat {
    Ndjson,
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct CallExportArgs {
    /// The folder to export into (created if missing)
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,

    /// A campaign to export (repeatable); without it, the campaigns GET /campaigns lists
    #[arg(long = "campaign", value_name = "ID")]
    pub campaigns: Vec<CampaignId>,

    /// Only campaigns of this agent (when no --campaign is given)
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: Option<OpaqueId>,

    /// Only campaigns in this status (when no --campaign is given)
    #[arg(long, value_name = "STATUS", default_value = "finished", value_parser = ["pending", "ready", "active", "inactive", "cooldown", "finished"])]
    pub campaign_status: String,

    /// Only calls with this status
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<CallStatusFilter>,

    /// Only calls answered by
    #[arg(long, value_enum, value_name = "WHO")]
    pub answered_by: Option<AnsweredByFilter>,

    /// Only campaigns and calls from this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only campaigns and calls before this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only calls with this tag (repeatable: any of them)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Only calls whose dotted FIELD equals VALUE (repeatable: all of them)
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    pub conditions: Vec<String>,

    /// What to write beside the index
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PARTS")]
    pub with: Vec<ExportPart>,

    /// The name of each call's files, without extension [default: {id}]
    #[arg(long, value_name = "TEMPLATE")]
    pub name: Option<String>,

    /// The index's format: DIR/calls.ndjson or DIR/calls.csv
    #[arg(long, value_enum, default_value = "ndjson", value_name = "FORMAT")]
    pub index: IndexFormat,

    /// Calls handled at once (1-16)
    #[arg(
        long,
        default_value_t = 4,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=16)
    )]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct CallStartArgs {
    /// The agent that makes the call
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: String,

    /// The number to call, E.164 (spaces, dashes, dots and parentheses are removed)
    #[arg(long, value_name = "PHONE")]
    pub to: String,

    /// The person's name, for the agent
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub name: Option<String>,

    /// Context for the agent, as text
    #[arg(long, value_name = "TEXT", conflicts_with = "context_json")]
    pub context: Option<String>,

    /// Context for the agent, a JSON object from FILE (- for stdin)
    #[arg(long, value_name = "FILE")]
    pub context_json: Option<PathBuf>,

    /// What the agent says when the call is answered
    #[arg(long, value_name = "TEXT")]
    pub first_message: Option<String>,

    /// Then wait until the call ends, like `call wait`
    #[arg(long)]
    pub wait: bool,

    #[command(flatten)]
    pub wait_options: CallWaitArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CallWaitArgs {
    /// Seconds between two polls (0.01-3600) [default: 2]
    #[arg(long, value_name = "SECS", value_parser = seconds_parser(0.01, 3600.0))]
    pub interval: Option<f64>,

    /// Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]
    #[arg(long, value_name = "SECS", value_parser = seconds_parser(0.0, 604_800.0))]
    pub max_wait: Option<f64>,
}

/// A number of seconds between `min` and `max`, decimals allowed.
pub(crate) fn seconds_parser(min: f64, max: f64) -> impl Fn(&str) -> Result<f64, String> + Clone {
    move |text: &str| {
        let value: f64 = text
            .trim()
            .parse()
            .map_err(|_| format!("'{text}' is not a number of seconds"))?;
        if value.is_finite() && (min..=max).contains(&value) {
            Ok(value)
        } else {
            Err(format!("must be between {min} and {max} seconds"))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CallStatusFilter {
    Ended,
    Failed,
    Busy,
    NoAnswer,
    InProgress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnsweredByFilter {
    Human,
    Machine,
    Unknown,
}

/// Which calls of a campaign: the filters of GET /campaigns/{id}/calls.
#[derive(Debug, Clone, Args)]
pub struct CallFilterArgs {
    /// The campaign (a positive integer)
    #[arg(long, value_name = "ID")]
    pub campaign: CampaignId,

    /// Only calls with this status
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<CallStatusFilter>,

    /// Only calls answered by
    #[arg(long, value_enum, value_name = "WHO")]
    pub answered_by: Option<AnsweredByFilter>,

    /// Only calls created at or after this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only calls created before this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CallListArgs {
    #[command(flatten)]
    pub filters: CallFilterArgs,

    /// Show at most N calls [default: 30]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..), conflicts_with = "all")]
    pub limit: Option<u64>,

    /// Show every call
    #[arg(long)]
    pub all: bool,

    /// Continue a list where a --limit stopped (the token it printed)
    #[arg(long, value_name = "TOKEN")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CallRecordingArgs {
    /// The call's id (cll_...)
    #[arg(value_name = "CALL_ID")]
    pub call_id: OpaqueId,

    /// Where to write it (- for stdout) [default: CALL_ID.EXT in the current folder]
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Replace a file that exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CallRecordingsArgs {
    #[command(flatten)]
    pub filters: CallFilterArgs,

    /// The folder for the recordings (created if missing)
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,

    /// Downloads at once (1-16)
    #[arg(
        long,
        default_value_t = 4,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=16)
    )]
    pub concurrency: u16,
}
