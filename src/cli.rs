//! The command line, as clap types and nothing else. `config` turns these into settings.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Settings come from flags, then ALTUR_* environment variables, then the selected profile in the
config file. The API key is read from --api-key-file, ALTUR_API_KEY, or the profile (api_key or
api_key_command); it is never accepted as a command-line value.

Exit codes:
  0    success
  1    internal error (a bug in altur)
  2    usage error or invalid input: nothing was sent
  3    the API refused the request (HTTP 4xx other than 401, 403 and 429)
  4    authentication: no API key, an unusable key, HTTP 401 or 403
  5    server error: HTTP 5xx after retries, or a 2xx answer that is not JSON
  6    network error before the request was sent (DNS, connection refused, TLS)
  7    outcome unknown: sent, but the answer never came; the record may exist
  8    still rate-limited (HTTP 429) after retries
  9    a bulk command finished, but some records failed or are uncertain
  10   webhook verify: the signature does not match the payload
  11   call wait: the call was still not finished when --max-wait ran out
  130  interrupted (Ctrl-C)";

/// Command-line client for the Altur API.
#[derive(Debug, Parser)]
#[command(name = "altur", version, propagate_version = true, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand. A command that has no use for one of them
/// refuses it (exit 2) rather than ignore it silently: see `lib::check_global_options`.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(short = 'o', long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Profile in the config file [env: ALTUR_PROFILE] [default: default]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [env: ALTUR_CONFIG] [default: <config dir>/altur/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Read the API key from this file [env: ALTUR_API_KEY holds the key itself]
    #[arg(long, global = true, value_name = "PATH")]
    pub api_key_file: Option<PathBuf>,

    /// API base URL [env: ALTUR_BASE_URL] [default: https://api.altur.io/api/v1.0]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Seconds allowed for each attempt, above 0 and at most 86400 [env: ALTUR_TIMEOUT]
    /// [default: 30]
    #[arg(long, global = true, value_name = "SECS")]
    pub timeout: Option<f64>,

    /// Retries after a retriable failure, 0-100 [env: ALTUR_RETRIES] [default: 2]
    #[arg(long, global = true, value_name = "N")]
    pub retries: Option<u32>,

    /// Trace requests and responses on stderr (the key is never shown)
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    /// Send nothing, change nothing: print the request as a curl command (auth login and
    /// logout: say what they would do). Not for import: use its --validate-only
    #[arg(long, global = true)]
    pub dry_run: bool,

    /// Filter the JSON output with a jq expression; strings print raw (implies -o json)
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A table for people
    Table,
    /// The server's JSON, pretty-printed
    Json,
    /// One compact JSON value per line (one per item for lists)
    Ndjson,
    /// The id alone
    Id,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, fetch, update and import EndUsers (your customers)
    #[command(subcommand, display_order = 1)]
    Enduser(EnduserCommand),

    /// Save, inspect and remove the API key
    #[command(subcommand, display_order = 10)]
    Auth(AuthCommand),

    /// Print a shell completion script
    #[command(display_order = 12)]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Run a local stand-in for the Altur API
    #[command(subcommand, display_order = 11)]
    Sandbox(SandboxCommand),

    /// Verify, send and receive Altur's signed webhooks
    #[command(subcommand, display_order = 8)]
    Webhook(WebhookCommand),

    /// Send any request to the API, with altur's key, retries and redaction
    #[command(display_order = 9)]
    Api(ApiArgs),

    /// Start, follow and list phone calls; download their recordings
    #[command(subcommand, display_order = 5)]
    Call(CallCommand),

    /// Send a message to an agent and read a thread's messages
    #[command(subcommand, display_order = 2)]
    Message(MessageCommand),

    /// Fetch a thread: an agent's conversation with an EndUser
    #[command(subcommand, display_order = 3)]
    Thread(ThreadCommand),

    /// Talk to an agent from a terminal or a pipe, one line per message
    #[command(display_order = 4)]
    Chat(ChatArgs),

    /// List, create and run campaigns (calls or WhatsApp to many contacts)
    #[command(subcommand, display_order = 6)]
    Campaign(CampaignCommand),

    /// Add, import, list and delete the contacts of a campaign
    #[command(subcommand, display_order = 7)]
    Contact(ContactCommand),
}

/// `altur api [METHOD] PATH ...` (contract section 11).
#[derive(Debug, Clone, Args)]
#[command(override_usage = "altur api [OPTIONS] [METHOD] PATH")]
#[command(after_help = "\
PATH is relative to the base URL (/campaigns/42), or a full URL under it. METHOD defaults to GET,
or POST when fields or --input give a body; with an explicit GET or DELETE, fields become query
parameters. A JSON answer up to 10 MiB is pretty-printed (or filtered by --jq); any other answer
is written as received, byte for byte.

Examples:
  altur api /campaigns --query status=ACTIVE --paginate --jq '.campaigns[].name'
  altur api POST /campaigns --input campaign.json --idempotency-key \"$(uuidgen)\"
  altur api PATCH /campaigns/42 -f name='Spring' -F retries=3
  altur api /call/ID/recording > call.mp3")]
pub struct ApiArgs {
    /// [METHOD] PATH: GET, POST, PUT, PATCH or DELETE, then the path or a URL under the base URL
    #[arg(value_name = "METHOD_PATH", num_args = 1..=2, required = true)]
    pub target: Vec<String>,

    /// Add a string field to the JSON body (or the query, for GET and DELETE)
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub raw_fields: Vec<String>,

    /// Add a JSON field to the body: -F retries=3, -F 'cycles={"enabled":true}'
    #[arg(short = 'F', long = "field", value_name = "KEY=JSON")]
    pub fields: Vec<String>,

    /// Add a query parameter (percent-encoded; sent on every page of --paginate)
    #[arg(long = "query", value_name = "KEY=VALUE")]
    pub query: Vec<String>,

    /// Send this file (- for stdin) as the body instead of fields
    #[arg(long, value_name = "FILE", conflicts_with_all = ["raw_fields", "fields"])]
    pub input: Option<PathBuf>,

    /// Add a request header ('Name: value'); Authorization cannot be set
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,

    /// Print the status line and headers before the body
    #[arg(short = 'i', long)]
    pub include: bool,

    /// Send this Idempotency-Key, which makes a POST or PATCH safe to re-send
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,

    /// Follow the API's paging (GET only): each page as one JSON line
    #[arg(long)]
    pub paginate: bool,

    /// With --paginate: print one JSON array of the pages (--jq then runs once over it)
    #[arg(long, requires = "paginate")]
    pub slurp: bool,
}

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Check an X-Altur-Signature against the body it came with
    #[command(after_help = WEBHOOK_VERIFY_HELP)]
    Verify(WebhookVerifyArgs),

    /// Send a signed sample event to your webhook handler
    #[command(after_help = WEBHOOK_TRIGGER_HELP)]
    Trigger(WebhookTriggerArgs),

    /// Receive webhooks locally: verify and print each delivery, optionally forward it
    #[command(after_help = WEBHOOK_LISTEN_HELP)]
    Listen(WebhookListenArgs),
}

const WEBHOOK_TRIGGER_HELP: &str = "\
The event is a realistic sample (fields as documented, fresh ids, the current time), sent as
compact JSON with non-ASCII escaped, as Python's json.dumps writes it, and signed over exactly
those bytes. The event sent goes to stdout; the signature header and your handler's status (and
the first 200 characters of its answer) to stderr. No API key is ever sent to the URL.

Exit codes: 0 your handler answered 2xx, 3 any 4xx, 5 a 5xx, 6 or 7 network failures, 2 no
secret, an unknown event or a bad --set.

Examples:
  altur webhook trigger --list
  altur webhook trigger on_call_end --url http://127.0.0.1:3000/hooks --secret-file secret.txt
  altur webhook trigger campaign.status_changed --url https://example.com/hook \\
      --set data.campaign.status='\"paused\"' --scheme hex";

const WEBHOOK_LISTEN_HELP: &str = "\
Each POST (any path) is verified against the secret and printed on stdout as one NDJSON line:
  {\"received_at\":\"...\",\"verified\":true,\"scheme\":\"base64\",\"event\":{...}}
and answered 200 when verified, 400 when not (an unsigned delivery is not verified). Without a
secret, deliveries are printed with \"verified\":null and answered 200. Bodies over 1 MiB get 413.
With --forward-to, the original body and signature of each verified delivery are posted to your
handler, and the sender gets your handler's status. Ctrl-C or SIGTERM stops it (exit 0).

Example (the whole loop, offline):
  altur webhook listen --secret-file secret.txt &
  altur webhook trigger on_call_end --url http://127.0.0.1:8788/ --secret-file secret.txt";

#[derive(Debug, Args)]
pub struct WebhookTriggerArgs {
    /// The event to send (see --list)
    #[arg(value_name = "EVENT", required_unless_present = "list")]
    pub event: Option<String>,

    /// Your webhook handler's URL (any http or https URL; the API key is never sent to it)
    #[arg(long, value_name = "URL", required_unless_present = "list")]
    pub url: Option<String>,

    #[command(flatten)]
    pub secret: WebhookSecretArgs,

    /// How to sign
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SigningScheme::Base64)]
    pub scheme: SigningScheme,

    /// Override a field of the sample by dotted path: --set end_user.display_name='"Ada"'
    #[arg(long = "set", value_name = "PATH=JSON")]
    pub sets: Vec<String>,

    /// Print the events this can send, and nothing else
    #[arg(long, conflicts_with_all = ["url", "sets"])]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct WebhookListenArgs {
    /// Address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8788")]
    pub listen: String,

    #[command(flatten)]
    pub secret: WebhookSecretArgs,

    /// Post each verified delivery (original body and signature) to this URL of yours
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// Keep only these event types (comma-separated); others are answered 200 and dropped
    #[arg(long, value_name = "EVENTS", value_delimiter = ',')]
    pub events: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SigningScheme {
    /// hex(HMAC-SHA256) over the body, the secret as text
    Hex,
    /// base64(HMAC-SHA256) over the body (compact JSON), the secret base64-decoded
    Base64,
}

const WEBHOOK_VERIFY_HELP: &str = "\
Schemes (the public docs describe both):
  hex     hex(HMAC-SHA256(key = the secret's UTF-8 bytes, message = the raw body))
  base64  base64(HMAC-SHA256(key = base64-decode(secret), message = the body as compact JSON,
          key order kept; non-ASCII escaped or not, or the raw body: all three are tried))

Exit codes: 0 the signature matches (the scheme is printed), 10 it does not, 2 a signature that
is neither hex nor base64, no secret, or an unreadable body.

Example:
  altur webhook verify body.json --signature \"$SIG\" --secret-file ~/.altur-webhook-secret";

#[derive(Debug, Args)]
pub struct WebhookVerifyArgs {
    /// The body exactly as received (- for stdin)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The X-Altur-Signature header's value
    #[arg(long, value_name = "SIG")]
    pub signature: String,

    #[command(flatten)]
    pub secret: WebhookSecretArgs,

    /// The scheme to check
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SchemeChoice::Auto)]
    pub scheme: SchemeChoice,
}

/// Where the webhook secret comes from: never argv.
#[derive(Debug, Args)]
pub struct WebhookSecretArgs {
    /// Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemeChoice {
    /// Try both schemes
    Auto,
    /// hex(HMAC-SHA256) over the raw body, the secret as text
    Hex,
    /// base64(HMAC-SHA256) over compact JSON, the secret base64-decoded
    Base64,
}

#[derive(Debug, Subcommand)]
pub enum EnduserCommand {
    /// Create an EndUser
    #[command(
        after_help = "Example:\n  altur enduser create --name \"Ada Lovelace\" --info \"Prefers email\""
    )]
    Create(EnduserFields),

    /// Fetch an EndUser by id
    Get {
        /// The EndUser's id (a UUID)
        id: String,
    },

    /// Change an EndUser's name or info (only the fields given are sent)
    Update {
        /// The EndUser's id (a UUID)
        id: String,
        #[command(flatten)]
        fields: EnduserFields,
    },

    /// Create many EndUsers from an NDJSON, CSV or JSON file
    Import(ImportArgs),
}

/// The fields of an EndUser, from flags or a JSON file.
#[derive(Debug, Default, Clone, Args)]
pub struct EnduserFields {
    /// Display name
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub name: Option<String>,

    /// Information for the agents
    #[arg(long, value_name = "TEXT", conflicts_with = "info_file")]
    pub info: Option<String>,

    /// Read the info text from a file (- for stdin)
    #[arg(long, value_name = "PATH")]
    pub info_file: Option<PathBuf>,

    /// Read fields from a JSON object in FILE (- for stdin); flags override its fields
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Input file, or - for stdin
    pub file: PathBuf,

    /// Input format [default: from the file's extension; ndjson for stdin]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImportFormat>,

    /// Requests in flight at once (1-64)
    #[arg(
        long,
        default_value_t = 4,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=64)
    )]
    pub concurrency: u16,

    #[command(flatten)]
    pub run: BulkRunArgs,
}

/// How a bulk import runs, for every kind of record (`enduser import`, `contact import`).
#[derive(Debug, Clone, Args)]
pub struct BulkRunArgs {
    /// Append-only log that makes a re-run skip what was already created
    #[arg(long, value_name = "PATH")]
    pub journal: Option<PathBuf>,

    /// Stop at the first failed record
    #[arg(long)]
    pub fail_fast: bool,

    /// Check every record and send nothing
    #[arg(long)]
    pub validate_only: bool,

    /// Re-send records whose outcome the journal says is unknown (for EndUsers, may create
    /// duplicates; contact batches carry keys that make it harmless)
    #[arg(long)]
    pub resend_uncertain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Ndjson,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Save an API key to the selected profile
    Login {
        /// Read the key from stdin instead of a hidden prompt
        #[arg(long)]
        with_key: bool,

        /// Check the key against the API before saving it
        #[arg(long)]
        verify: bool,
    },
    /// Show where the API key comes from (masked)
    Status,
    /// Remove the selected profile's API key
    Logout,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the local API until Ctrl-C
    Serve(SandboxOptions),

    /// Run a command against a fresh sandbox, then stop it
    Exec {
        #[command(flatten)]
        options: SandboxOptions,

        /// The command and its arguments (after --)
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<OsString>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SandboxOptions {
    /// Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,

    /// The only API key the sandbox accepts
    #[arg(long = "api-key", default_value = crate::secret::PUBLIC_SANDBOX_KEY, value_name = "KEY")]
    pub sandbox_key: String,

    /// Keep records in this file so they survive a restart
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// Milliseconds added to every answer
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub latency: u64,

    /// Fraction of requests answered with 503 (0 to 1)
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub fail_rate: f64,

    /// Requests allowed per second before answering 429
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,

    /// Seed for the random faults, to make them repeatable
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Seconds a call takes from queued to ended (decimals allowed, 0-3600)
    #[arg(long, default_value_t = 3.0, value_name = "N", value_parser = seconds_parser(0.0, 3600.0))]
    pub call_seconds: f64,

    /// Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,

    /// Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]
    #[arg(long, value_name = "PATH", requires = "webhook_url")]
    pub webhook_secret_file: Option<PathBuf>,

    /// How to sign them
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SigningScheme::Base64)]
    pub webhook_scheme: SigningScheme,
}

/// `altur call ...` (contract section 15).
#[derive(Debug, Subcommand)]
pub enum CallCommand {
    /// Start an outbound phone call handled by an agent (POST /call)
    #[command(after_help = CALL_START_HELP)]
    Start(CallStartArgs),

    /// Fetch one call
    Get {
        /// The call's id (cll_...)
        #[arg(value_name = "CALL_ID")]
        call_id: String,
    },

    /// Wait until a call ends: each status change on stderr, the final call on stdout
    #[command(after_help = CALL_WAIT_HELP)]
    Wait {
        /// The call's id (cll_...)
        #[arg(value_name = "CALL_ID")]
        call_id: String,

        #[command(flatten)]
        wait: CallWaitArgs,
    },

    /// List the calls of a campaign (GET /campaigns/{id}/calls)
    List(CallListArgs),

    /// Download one call's recording to a file
    #[command(after_help = CALL_RECORDING_HELP)]
    Recording(CallRecordingArgs),

    /// Download the recordings of a campaign's calls into a folder (resumable)
    #[command(after_help = CALL_RECORDINGS_HELP)]
    Recordings(CallRecordingsArgs),
}

const CALL_START_HELP: &str = "\
Only the fields given are sent. The number is checked and normalised to E.164 first
(+52 (55) 1234-5678 becomes +525512345678). A start is never sent twice: if its answer is lost,
altur exits 7 and the call may have been placed (a second one would ring the person again).

Example:
  altur call start --agent \"$AGENT_ID\" --to '+52 55 1234 5678' --name 'Sofía' --wait";

const CALL_WAIT_HELP: &str = "\
Final statuses: ended, busy, no-answer, failed (exit 0 for any: it is data, not an error).
When --max-wait runs out first, the call as last seen is printed and the exit code is 11.";

const CALL_RECORDING_HELP: &str = "\
The file is CALL_ID.EXT in the current folder unless --file is given, EXT from the answer's
Content-Type (mp3, wav, ogg, webm, m4a, else bin). The download goes to a temporary file in the
same folder, renamed into place once complete: a file under the final name is always whole.
--file - writes to stdout, which must not be a terminal.";

const CALL_RECORDINGS_HELP: &str = "\
One NDJSON result per call on stdout, in listing order:
  {\"call\":\"cll_...\",\"status\":\"downloaded|skipped|failed|none\",\"path\":\"...\",\"bytes\":N}
Files already in DIR are skipped, so running the same command again resumes. Exit 0 when no
download failed, 9 otherwise; Ctrl-C removes the files in flight and exits 130.

Example:
  altur call recordings --campaign 4821 --status ended --dir recordings/ --concurrency 8";

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
fn seconds_parser(min: f64, max: f64) -> impl Fn(&str) -> Result<f64, String> + Clone {
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
    #[arg(long, value_name = "ID", value_parser = clap::value_parser!(u64).range(1..))]
    pub campaign: u64,

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
    pub call_id: String,

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

/// The value of a global option as written in raw arguments (`--name VALUE`, `--name=VALUE`,
/// `-s VALUE`, `-sVALUE`), the last one before `--`. For when clap refused the command line
/// and its values are needed anyway: to redact a key, or to answer in JSON.
pub fn raw_option_value(args: &[OsString], long: &str, short: Option<char>) -> Option<String> {
    let short = short.map(|c| format!("-{c}"));
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        let Some(word) = word else { continue };
        if word == "--" {
            break;
        }
        let inline = word
            .strip_prefix(long)
            .and_then(|rest| rest.strip_prefix('='))
            .or_else(|| {
                let short = short.as_deref()?;
                let rest = word.strip_prefix(short)?;
                (!rest.is_empty()).then(|| rest.strip_prefix('=').unwrap_or(rest))
            });
        if let Some(value) = inline {
            found = Some(value.to_owned());
        } else if word == long || short.as_deref() == Some(word) {
            found = words.next().flatten().map(str::to_owned);
        }
    }
    found
}

/// Whether `-o json` was given explicitly: then every error is printed as JSON, usage errors
/// included.
pub fn json_errors_requested(args: &[OsString]) -> bool {
    raw_option_value(args, "--output", Some('o')).as_deref() == Some("json")
}

/// The clap definition of the command line, for completions and man pages.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Parses `args` (including the program name).
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    Cli::try_parse_from(args)
}

#[derive(Debug, Subcommand)]
pub enum MessageCommand {
    /// Send an EndUser's message to an agent and print the agent's replies
    #[command(after_help = "\
The message is never sent twice: if the answer is lost, altur says the outcome is unknown (exit 7)
and the message may have been delivered.

Examples:
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" --content \"What are your hours?\"
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" --content-file question.txt -o json")]
    Send(MessageSendArgs),

    /// List a thread's messages, oldest first
    List {
        /// The thread's id (from `message send -o json` or `thread get`)
        #[arg(value_name = "THREAD_ID")]
        thread_id: String,
    },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("message").required(true).args(["content", "content_file"])))]
pub struct MessageSendArgs {
    /// The agent that answers
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: String,

    /// The EndUser who sends the message (a UUID)
    #[arg(long, value_name = "UUID")]
    pub enduser: String,

    /// The message
    #[arg(long, value_name = "TEXT")]
    pub content: Option<String>,

    /// Read the message from a file (- for stdin)
    #[arg(long, value_name = "PATH")]
    pub content_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ThreadCommand {
    /// Fetch a thread with its agent, EndUser, integration, tags and assignees
    Get {
        /// The thread's id
        #[arg(value_name = "THREAD_ID")]
        id: String,
    },
}

/// `altur chat` (contract section 14).
#[derive(Debug, Args)]
#[command(
    group(clap::ArgGroup::new("who").required(true).args(["enduser", "name"])),
    after_help = "\
Each line read is sent as a message; an empty line is skipped; /quit or end of input ends the
chat. On a terminal there is a prompt with line editing and replies show as `agent> ...`; on a
pipe only the replies are printed, one per line (-o ndjson: one MessageResponse per line). A
failed send is reported and the chat goes on (--fail-fast stops); the exit code is the first
failure's.

Examples:
  altur chat --agent \"$AGENT\" --name \"Ada Lovelace\"
  printf 'hi\\nprice?\\n' | altur chat --agent \"$AGENT\" --enduser \"$ENDUSER\" -o ndjson"
)]
pub struct ChatArgs {
    /// The agent to talk to
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: String,

    /// Talk as this EndUser (a UUID)
    #[arg(long, value_name = "UUID")]
    pub enduser: Option<String>,

    /// Create an EndUser with this name first and talk as them (the id goes to stderr)
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub name: Option<String>,

    /// Stop at the first failed message
    #[arg(long)]
    pub fail_fast: bool,
}

// ---- campaign and contact (contract sections 16 and 17) ----

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// List campaigns, newest first
    List(CampaignListArgs),
    /// Show a campaign with its analytics
    Get {
        /// Campaign id (a positive integer)
        id: String,
    },
    /// Create a phone-call or WhatsApp campaign
    #[command(after_help = CAMPAIGN_CREATE_HELP)]
    Create(CampaignCreateArgs),
    /// Change some fields of a campaign (only those given are sent)
    Update {
        /// Campaign id
        id: String,
        #[command(flatten)]
        fields: CampaignFieldArgs,
    },
    /// Start a campaign (from pending, ready or cooldown)
    Activate {
        /// Campaign id
        id: String,
    },
    /// Pause a campaign (from active or cooldown)
    Pause {
        /// Campaign id
        id: String,
    },
    /// Resume a paused campaign
    Resume {
        /// Campaign id
        id: String,
    },
    /// Archive a campaign (from any status)
    Archive {
        /// Campaign id
        id: String,
    },
}

const CAMPAIGN_CREATE_HELP: &str = "\
Example:
  altur campaign create --name Renewals --agent \"$AGENT\" --integration-id int_phone \\
      --channel phone_call --schedule 'mon-fri 09:00-18:00' --schedule 'sat 10:00-14:00'

--schedule takes a day (mon), a day range (mon-fri) or a list (mon,wed,fri), then hours
HH:MM-HH:MM within the day; days no schedule names are inactive.";

/// `--limit`, `--all` and `--after` of list commands.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    /// Show at most N items [default: 30]
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "all",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub limit: Option<u64>,

    /// Show every item
    #[arg(long)]
    pub all: bool,

    /// Continue a list where an earlier one stopped (the token it printed)
    #[arg(long, value_name = "TOKEN")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CampaignListArgs {
    /// Only campaigns in this status
    #[arg(long, value_name = "STATUS", value_parser = ["pending", "ready", "active", "inactive", "cooldown", "finished"])]
    pub status: Option<String>,

    /// Only campaigns of this channel
    #[arg(long, value_name = "CHANNEL", value_parser = ["phone_call", "whatsapp"])]
    pub integration: Option<String>,

    /// Only campaigns of this agent
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: Option<String>,

    /// Created at or after this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Created at or before this date [default with --since: now]
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// List archived campaigns
    #[arg(long)]
    pub archived: bool,

    #[command(flatten)]
    pub page: PageArgs,
}

/// The fields `create` and `update` both take.
#[derive(Debug, Default, Clone, Args)]
pub struct CampaignFieldArgs {
    /// Campaign name (1-255 characters)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Description
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// IANA time zone of the schedule [API default: America/Mexico_City]
    #[arg(long, value_name = "TZ")]
    pub timezone: Option<String>,

    /// Times a contact is tried again (0-5; the body's `retries`)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub contact_retries: Option<i64>,

    /// Messages per run (1-10000)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub message_limit: Option<i64>,

    /// What the agent says first (phone_call only)
    #[arg(long, value_name = "TEXT")]
    pub first_message: Option<String>,

    /// WhatsApp template name (whatsapp only)
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,

    /// Alternate WhatsApp template (whatsapp only)
    #[arg(long, value_name = "NAME")]
    pub template_alt: Option<String>,

    /// Days and hours to run, like 'mon-fri 09:00-18:00' (repeatable)
    #[arg(long, value_name = "DAYS HH:MM-HH:MM")]
    pub schedule: Vec<String>,

    /// The body as a JSON object from FILE (- for stdin); flags override its fields
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct CampaignCreateArgs {
    /// The agent that calls or writes (its id)
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: Option<String>,

    /// The integration (phone line or WhatsApp number) of the agent
    #[arg(long, value_name = "ID")]
    pub integration_id: Option<String>,

    /// The channel: phone_call or whatsapp
    #[arg(long, value_name = "CHANNEL", value_parser = ["phone_call", "whatsapp"])]
    pub channel: Option<String>,

    #[command(flatten)]
    pub fields: CampaignFieldArgs,

    /// Idempotency-Key to send [default: a new UUID]; reuse it to retry a create safely
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Add one contact to a campaign
    Add(ContactAddArgs),
    /// Add many contacts from a CSV, NDJSON or JSON file, in batches of up to 1000
    #[command(after_help = CONTACT_IMPORT_HELP)]
    Import(ContactImportArgs),
    /// List the contacts of a campaign
    List(ContactListArgs),
    /// Show one contact
    Get {
        /// Campaign id
        #[arg(long, value_name = "ID")]
        campaign: String,
        /// Contact id (a positive integer)
        contact_id: String,
    },
    /// Delete a contact (only in queue or failed status)
    Delete {
        /// Campaign id
        #[arg(long, value_name = "ID")]
        campaign: String,
        /// Contact id
        contact_id: String,
    },
}

const CONTACT_IMPORT_HELP: &str = "\
CSV columns: contact (or phone, phone_number), name, context, f_id (or external_id), and
data.KEY for extracted_data.KEY. NDJSON lines and JSON array elements are ContactInput objects.
Each batch carries an Idempotency-Key made of its content: re-sending it (a retry, or a run
resumed with --journal) adds nothing twice.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IfDuplicate {
    Skip,
    Update,
}

impl IfDuplicate {
    pub fn as_str(self) -> &'static str {
        match self {
            IfDuplicate::Skip => "skip",
            IfDuplicate::Update => "update",
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ContactAddArgs {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub campaign: String,

    /// Phone number in E.164 (+ and the country code)
    #[arg(long, value_name = "PHONE")]
    pub phone: String,

    /// Contact name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Context for the agent
    #[arg(long, value_name = "TEXT")]
    pub context: Option<String>,

    /// extracted_data entry (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub data: Vec<String>,

    /// Your own id for the contact (the API's f_id)
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,

    /// When the number is already in the campaign [API default: skip]
    #[arg(long, value_enum, value_name = "WHAT")]
    pub if_duplicate: Option<IfDuplicate>,

    /// Idempotency-Key to send [default: a new UUID]
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ContactImportArgs {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub campaign: String,

    /// Input file, or - for stdin
    pub file: PathBuf,

    /// Input format [default: from the file's extension; ndjson for stdin]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImportFormat>,

    /// When a number is already in the campaign
    #[arg(long, value_enum, value_name = "WHAT", default_value = "skip")]
    pub if_duplicate: IfDuplicate,

    /// Contacts per request (1-1000)
    #[arg(
        long,
        default_value_t = 1000,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=1000)
    )]
    pub batch_size: u16,

    /// Batches in flight at once (1-8)
    #[arg(
        long,
        default_value_t = 2,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=8)
    )]
    pub concurrency: u16,

    #[command(flatten)]
    pub run: BulkRunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ContactListArgs {
    /// Campaign id
    #[arg(long, value_name = "ID")]
    pub campaign: String,

    /// Only contacts in this status (queue, answered, failed, ...)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,

    #[command(flatten)]
    pub page: PageArgs,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("altur")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn raw_option_values_are_found_in_every_spelling_before_the_separator() {
        let value = |words: &[&str]| raw_option_value(&args(words), "--output", Some('o'));
        assert_eq!(value(&["-o", "json"]).as_deref(), Some("json"));
        assert_eq!(value(&["x", "-ojson"]).as_deref(), Some("json"));
        assert_eq!(value(&["-o=id"]).as_deref(), Some("id"));
        assert_eq!(value(&["--output", "table", "y"]).as_deref(), Some("table"));
        assert_eq!(value(&["--output=json"]).as_deref(), Some("json"));
        assert_eq!(value(&["--outputs", "json"]), None);
        assert_eq!(value(&["--", "-o", "json"]), None);
        assert_eq!(value(&["-o"]), None);
        assert!(json_errors_requested(&args(&["enduser", "-o", "json"])));
        assert!(!json_errors_requested(&args(&["enduser"])));
    }
}
