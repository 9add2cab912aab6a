//! The command tree: the root of the command line (the global options and the families of
//! commands), how it parses, which global options each command takes, and which `run` a
//! parsed command calls. A family lists its own verbs (`commands::campaign`); this file only
//! joins the families.

use std::ffi::OsString;

use clap::{Parser, Subcommand};

use crate::cli::{self, GlobalArgs, Policy, SandboxCommand};
use crate::commands::auth::AuthCommand;
use crate::commands::call::CallCommand;
use crate::commands::campaign::CampaignCommand;
use crate::commands::contact::ContactCommand;
use crate::commands::enduser::EnduserCommand;
use crate::commands::message::MessageCommand;
use crate::commands::thread::ThreadCommand;
use crate::commands::webhook::WebhookCommand;
use crate::commands::{Outcome, api, chat, completions};
use crate::error::Result;
use crate::session::Session;
use crate::{mcp, sandbox};

const AFTER_HELP: &str = concat!(
    crate::cli::settings_help!(),
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
pub(crate) struct Cli {
    /// The subcommand's path (`["enduser", "create"]`), filled in by [`parse_from`].
    #[arg(skip)]
    pub(crate) path: Vec<String>,

    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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

    #[command(display_order = 12)]
    Completions(completions::Args),

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
    Api(crate::commands::api::Args),

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
    Chat(crate::commands::chat::Args),

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
    Mcp(crate::mcp::Args),
}

/// The clap definition of the command line, for parsing, help, completions and man pages.
pub(crate) fn command() -> clap::Command {
    cli::shape_help(<Cli as clap::CommandFactory>::command(), policy)
}

/// Parses `args` (including the program name).
pub(crate) fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
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

impl Command {
    /// Runs the command parsed, through the one `session`.
    pub(crate) fn run(&self, session: &Session) -> Result<i32> {
        match self {
            Command::Enduser(verb) => verb.run(session),
            Command::Auth(verb) => verb.run(session),
            Command::Completions(args) => completions::run(session, args, &mut command()).code(),
            Command::Sandbox(command) => sandbox::run(command, &session.shared_out()),
            Command::Webhook(verb) => verb.run(session),
            Command::Api(args) => api::run(session, args).code(),
            Command::Call(verb) => verb.run(session),
            Command::Message(verb) => verb.run(session),
            Command::Thread(verb) => verb.run(session),
            Command::Chat(args) => chat::run(session, args),
            Command::Campaign(verb) => verb.run(session),
            Command::Contact(verb) => verb.run(session),
            Command::Mcp(args) => mcp::run(session, args),
        }
    }

    /// Whether its settings are resolved (and a missing profile refused) before it reads its
    /// input; the others resolve them only if they send something.
    pub(crate) fn resolves_settings_first(&self) -> bool {
        !matches!(
            self,
            Command::Completions(_) | Command::Sandbox(_) | Command::Webhook(_)
        )
    }
}

/// What the command at `path` (`["campaign", "get"]`) does with the global options: its
/// own `POLICY`. A path without one gets the strictest.
pub(crate) fn policy(path: &[&str]) -> Policy {
    match path {
        ["completions"] => completions::POLICY,
        ["sandbox", ..] => sandbox::POLICY,
        ["api"] => api::POLICY,
        ["chat"] => chat::POLICY,
        ["mcp"] => mcp::POLICY,
        [family, verb] => family_policy(family, verb).unwrap_or(Policy::STRICT),
        _ => Policy::STRICT,
    }
}

/// The policy of `verb` in the family `family`, from the family's own list of verbs.
fn family_policy(family: &str, verb: &str) -> Option<Policy> {
    match family {
        "enduser" => EnduserCommand::policy(verb),
        "auth" => AuthCommand::policy(verb),
        "webhook" => WebhookCommand::policy(verb),
        "call" => CallCommand::policy(verb),
        "message" => MessageCommand::policy(verb),
        "thread" => ThreadCommand::policy(verb),
        "campaign" => CampaignCommand::policy(verb),
        "contact" => ContactCommand::policy(verb),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
