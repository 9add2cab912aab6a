//! The command line, as clap types and nothing else. `config` turns these into settings.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

mod bulk;
mod call;
mod campaign;
mod contact;
mod enduser;
mod globals;
mod message;
mod sandbox;
#[cfg(test)]
mod tests;
mod webhook;

pub use bulk::*;
pub use call::*;
pub use campaign::*;
pub use contact::*;
pub use enduser::*;
#[cfg(test)]
pub(crate) use globals::inherited_block;
pub(crate) use globals::shape_help;
pub use globals::{Policy, options_help};
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
pub(crate) use settings_help;
const SETTINGS_HELP: &str = settings_help!();

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
