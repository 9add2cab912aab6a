//! The command line, as clap types and nothing else. `config` turns these into settings.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod api;
mod auth;
mod call;
mod campaign;
mod contact;
mod enduser;
mod globals;
mod import_help;
mod mcp;
mod message;
mod sandbox;
#[cfg(test)]
mod tests;
mod webhook;

pub use api::*;
pub use auth::*;
pub use call::*;
pub use campaign::*;
pub use contact::*;
pub use enduser::*;
pub use globals::{GlobalPolicy, global_policy, options_help};
use import_help::*;
pub use mcp::*;
pub use message::*;
pub use sandbox::*;
pub use webhook::*;

/// How settings are resolved: under the global options, at the top and in `altur help options`.
macro_rules! settings_help {
    () => {
        "\
Settings come from flags, then ALTUR_* environment variables, then the selected profile in the
config file. The API key is read from --api-key-file, ALTUR_API_KEY, or the profile (api_key or
api_key_command); it is never accepted as a command-line value."
    };
}
const SETTINGS_HELP: &str = settings_help!();

const AFTER_HELP: &str = concat!(
    settings_help!(),
    "

Each command's help (`altur COMMAND --help`, or `man altur-COMMAND`) ends with examples;
`altur help options` prints the global options alone.

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
  130  interrupted (Ctrl-C)"
);

/// Command-line client for the Altur API
///
/// Altur runs AI agents that talk to a business's customers, its EndUsers, by phone and
/// WhatsApp. altur reaches the whole API from a terminal, a script or CI: JSON on stdout when
/// it is not a terminal, diagnostics on stderr, and exit codes that say what happened. `altur
/// sandbox exec -- COMMAND` runs COMMAND against a local stand-in for the API.
#[derive(Debug, Parser)]
#[command(name = "altur", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// The subcommand's path (`["enduser", "create"]`), filled in by [`parse_from`].
    #[arg(skip)]
    pub path: Vec<String>,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand. A command that has no use for one of them
/// refuses it (exit 2) rather than ignore it silently: see `lib::check_global_options`.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = globals::HEADING)]
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

    /// The columns of -o csv, comma-separated dotted paths (id,contact.f_id); arrays are
    /// joined with `;`, objects written as JSON [default: the table's columns]
    #[arg(
        id = "csv_fields",
        long = "fields",
        global = true,
        value_name = "A,B",
        value_delimiter = ','
    )]
    pub fields: Option<Vec<String>>,
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
    /// Lists: RFC 4180 with a header row (alone for an empty list), values as the API gives them
    Csv,
    /// Threads and their messages: a readable transcript, one line per message
    Transcript,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, fetch, update and import EndUsers (your customers)
    #[command(
        subcommand,
        display_order = 1,
        after_help = "\
Examples:
  altur enduser create --name \"Ada Lovelace\" -o id
  altur enduser import users.csv --journal users.journal"
    )]
    Enduser(EnduserCommand),

    /// Save, inspect and remove the API key
    #[command(
        subcommand,
        display_order = 10,
        after_help = "\
Examples:
  altur auth login
  altur auth status"
    )]
    Auth(AuthCommand),

    /// Print a shell completion script
    #[command(
        display_order = 12,
        after_help = "\
Examples:
  altur completions bash > ~/.local/share/bash-completion/completions/altur
  altur completions zsh > ~/.zfunc/_altur
  altur completions fish > ~/.config/fish/completions/altur.fish"
    )]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Run a local stand-in for the Altur API
    #[command(
        subcommand,
        display_order = 11,
        after_help = "\
Examples:
  altur sandbox exec -- altur enduser create --name \"Ada Lovelace\"
  altur sandbox serve"
    )]
    Sandbox(SandboxCommand),

    /// Verify, send and receive Altur's signed webhooks
    #[command(
        subcommand,
        display_order = 8,
        after_help = "\
Examples:
  altur webhook verify body.json --signature \"$SIG\" --secret-file secret.txt
  altur webhook trigger --list"
    )]
    Webhook(WebhookCommand),

    /// Send any request to the API, with altur's key, retries and redaction
    #[command(display_order = 9)]
    Api(ApiArgs),

    /// Start, follow and list phone calls; download their recordings
    #[command(
        subcommand,
        display_order = 5,
        after_help = "\
Examples:
  altur call start --agent \"$AGENT\" --to +525512345678 --wait
  altur call recordings --campaign 4821 --dir recordings/"
    )]
    Call(CallCommand),

    /// Send a message to an agent and read a thread's messages
    #[command(
        subcommand,
        display_order = 2,
        after_help = "\
Examples:
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" --content \"Hours?\"
  altur message list \"$THREAD\" -o table"
    )]
    Message(MessageCommand),

    /// Fetch a thread: an agent's conversation with an EndUser
    #[command(
        subcommand,
        display_order = 3,
        after_help = "\
Examples:
  altur thread get \"$THREAD\""
    )]
    Thread(ThreadCommand),

    /// Talk to an agent from a terminal or a pipe, one line per message
    #[command(display_order = 4)]
    Chat(ChatArgs),

    /// List, create and run campaigns (calls or WhatsApp to many contacts)
    #[command(
        subcommand,
        display_order = 6,
        after_help = "\
Examples:
  altur campaign list --status active
  altur campaign activate 4821"
    )]
    Campaign(CampaignCommand),

    /// Add, import, list and delete the contacts of a campaign
    #[command(
        subcommand,
        display_order = 7,
        after_help = "\
Examples:
  altur contact add --campaign 4821 --phone +525512345678 --name Ana
  altur contact import --campaign 4821 contacts.csv"
    )]
    Contact(ContactCommand),

    /// Serve the API as tools to an AI assistant (Model Context Protocol on stdio)
    #[command(display_order = 13)]
    Mcp(McpArgs),
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

/// The clap definition of the command line, for parsing, help, completions and man pages.
pub fn command() -> clap::Command {
    globals::shape_help(<Cli as clap::CommandFactory>::command())
}

/// Parses `args` (including the program name).
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::FromArgMatches;
    let matches = command().try_get_matches_from(args)?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    let mut current = &matches;
    while let Some((name, sub)) = current.subcommand() {
        cli.path.push(name.to_owned());
        current = sub;
    }
    Ok(cli)
}
