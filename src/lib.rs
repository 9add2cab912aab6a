//! `altur`, the command-line client for the Altur API.
//!
//! Data flows one way: [`cli`] parses, a [`session::Session`] resolves the settings once and
//! holds the client, Ctrl-C and the dry run, a module of [`commands`] does the work through it
//! ([`client`] is the only HTTP code), and [`output`] prints.
//! [`error`] owns the exit codes; [`run`] maps an error to its code in one place.

#![forbid(unsafe_code)]

pub mod cli;
pub(crate) mod client;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod config_file;
pub(crate) mod datetime;
pub(crate) mod error;
pub(crate) mod ids;
pub(crate) mod interrupt;
pub(crate) mod jq;
pub(crate) mod json;
pub(crate) mod mcp;
pub(crate) mod model;
pub(crate) mod output;
pub(crate) mod paging;
pub(crate) mod phone;
pub(crate) mod pipeline;
pub(crate) mod registry;
pub(crate) mod sandbox;
pub(crate) mod secret;
pub(crate) mod server;
pub(crate) mod session;
pub(crate) mod transcript;
pub(crate) mod tree;
pub(crate) mod webhook;

use clap::ValueEnum;
use cli::OutputFormat;
use error::{Error, Result};
use output::Output;
use session::Session;
use std::sync::Arc;
use tree::Cli;

/// Runs the program with the process's arguments and environment; returns the exit code.
pub fn run() -> i32 {
    // Until the global options are checked, a plain output (no --jq, no --fields) prints.
    let plain = Arc::new(Output::plain());
    install_panic_hook(plain.clone());
    config::register_webhook_secret(&config::process_env);
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.len() == 3 && args[1] == "help" && args[2] == "options" {
        // The global options, described (`altur help` knows only subcommands).
        return match plain.stdout(&cli::options_help(&tree::command())) {
            Ok(()) => 0,
            Err(error) => {
                plain.print_error(&error, false);
                error.kind.exit_code()
            }
        };
    }
    let cli = match tree::parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if looks_like_a_key_argument(&args, &e) => {
            // clap would quote the argument back, and it is probably the key.
            plain.print_error(
                &Error::input("`altur auth login` takes no key on the command line").with_hint(
                    "type it at the prompt, or pipe it: echo \"$SECRET\" | altur auth login \
                         --with-key; a key typed as an argument may now be in your shell history",
                ),
                cli::json_errors_requested(&args),
            );
            return error::Kind::Input.exit_code();
        }
        Err(_) if config::api_key_flag_error(&args).is_some() => {
            config::register_keys_for_redaction(&args, &config::process_env);
            let error = config::api_key_flag_error(&args).expect("checked in the guard");
            plain.print_error(&error, cli::json_errors_requested(&args));
            return error::Kind::Input.exit_code();
        }
        Err(e) if !e.use_stderr() => {
            // Help and version go to stdout with code 0.
            let _ = e.print();
            return e.exit_code();
        }
        Err(e)
            if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                && !cli::json_errors_requested(&args) =>
        {
            // `altur` or `altur auth` alone: the help, on stderr, with code 2. It quotes nothing.
            let _ = e.print();
            return error::Kind::Input.exit_code();
        }
        Err(e) => {
            // A usage error quotes the arguments, and one of them may be the key: learn the key
            // from where it can be read without running anything, then print clap's message
            // through the redactor, in our own style (or as JSON under an explicit `-o json`).
            config::register_keys_for_redaction(&args, &config::process_env);
            plain.print_error(&usage_error(&e), cli::json_errors_requested(&args));
            return error::Kind::Input.exit_code();
        }
    };
    let json_errors = cli.global.output == Some(OutputFormat::Json);
    // --jq is compiled before anything is sent (contract section 12), into the run's one
    // output, which the session and everything it hands work to print through.
    let checked = check_global_options(&cli).and_then(|()| {
        Output::new(
            cli.global.jq.as_deref(),
            cli.global.output,
            cli.global.fields.as_deref(),
        )
    });
    let out = match checked {
        Ok(out) => Arc::new(out),
        Err(error) => {
            plain.print_error(&error, json_errors);
            return error.kind.exit_code();
        }
    };
    install_panic_hook(out.clone());
    // What waits in the output buffer is written before the exit code is decided: a closed
    // stdout is a quiet end (contract section 4) unless the command said otherwise.
    let done = dispatch(&cli, &out).and_then(|code| out.finish().map(|()| code));
    match done {
        Ok(code) => code,
        Err(error) if error.kind == error::Kind::StdoutClosed => error.kind.exit_code(),
        Err(error) => {
            let _ = out.finish();
            out.print_error(&error, json_errors);
            error.kind.exit_code()
        }
    }
}

/// clap's usage error as one of ours: its first paragraph is the message (continuation lines
/// joined), its `tip:` lines and the usage line become the hint.
fn usage_error(error: &clap::Error) -> Error {
    let rendered = error.render().to_string();
    let mut message = Vec::new();
    let mut hints = Vec::new();
    let mut usage = None;
    let mut in_message = true;
    for line in rendered.lines() {
        let line = line.trim();
        if line.is_empty() {
            in_message = false;
        } else if let Some(tip) = line.strip_prefix("tip:") {
            hints.push(tip.trim().to_owned());
        } else if let Some(text) = line.strip_prefix("Usage:") {
            usage = Some(text.trim().to_owned());
        } else if in_message {
            message.push(
                line.strip_prefix("error:")
                    .unwrap_or(line)
                    .trim()
                    .to_owned(),
            );
        }
    }
    if let Some(usage) = usage {
        hints.push(format!(
            "usage: {usage}; see `{} --help`",
            command_of_usage(&usage)
        ));
    }
    if error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // The "message" is the help text: say what is missing instead.
        message = vec!["a command is required".to_owned()];
    }
    let mut error = Error::input(message.join(" "));
    if !hints.is_empty() {
        error = error.with_hint(hints.join("; "));
    }
    error
}

/// The command a usage line is for: its leading words up to the first option, argument or
/// `--` (`altur chat --agent <AGENT_ID> ...` is for `altur chat`), so that the hint names a
/// command that works.
fn command_of_usage(usage: &str) -> String {
    usage
        .split_whitespace()
        .take_while(|word| !word.starts_with(['-', '[', '<']))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Refuses a global option that the command would silently ignore (exit 2), so that no one
/// believes `--dry-run` protected them, or that `-o id` shaped an output it cannot shape.
/// `-o json` is accepted everywhere: it also makes errors JSON. The policy is the command's
/// own (its file's `POLICY`, found by [`tree::policy`]), which the help follows too.
fn check_global_options(cli: &Cli) -> Result<()> {
    let global = &cli.global;
    let path: Vec<&str> = cli.path.iter().map(String::as_str).collect();
    let name = path.join(" ");
    let cli::Policy {
        dry_run,
        formats,
        jq,
        settings,
    } = tree::policy(&path);
    let mut ignored = Vec::new();
    if global.dry_run && !dry_run {
        ignored.push("--dry-run".to_owned());
    }
    if global.jq.is_some() && !jq {
        ignored.push("--jq".to_owned());
    }
    if global.fields.is_some() && !formats.contains(&OutputFormat::Csv) {
        ignored.push("--fields".to_owned());
    } else if global.fields.is_some() && global.output != Some(OutputFormat::Csv) {
        return Err(Error::input("--fields chooses the columns of -o csv")
            .with_hint("add -o csv, or remove --fields"));
    }
    if let Some(format) = global.output
        && !formats.contains(&format)
    {
        let value = format
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_owned());
        ignored.push(format!("-o {value}"));
    }
    if !settings {
        let given = [
            (global.profile.is_some(), "--profile"),
            (global.config.is_some(), "--config"),
            (global.api_key_file.is_some(), "--api-key-file"),
            (global.base_url.is_some(), "--base-url"),
            (global.timeout.is_some(), "--timeout"),
            (global.retries.is_some(), "--retries"),
            (global.verbose, "--verbose"),
        ];
        ignored.extend(given.iter().filter(|g| g.0).map(|g| g.1.to_owned()));
    }
    if ignored.is_empty() {
        return Ok(());
    }
    let verb = if ignored.len() == 1 { "does" } else { "do" };
    let error = Error::input(format!("{} {verb} not apply to {name}", ignored.join(", ")));
    Err(if global.dry_run && !dry_run && name.ends_with("import") {
        error.with_hint("--validate-only checks every record and sends nothing")
    } else {
        error.with_hint("remove it: the command would ignore it")
    })
}

/// An unexpected argument after `auth login` is most likely the API key itself.
fn looks_like_a_key_argument(args: &[std::ffi::OsString], error: &clap::Error) -> bool {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let login = words.windows(2).any(|w| w == ["auth", "login"]);
    let positional = match error.get(clap::error::ContextKind::InvalidArg) {
        Some(clap::error::ContextValue::String(arg)) => !arg.starts_with('-'),
        _ => false,
    };
    login && error.kind() == clap::error::ErrorKind::UnknownArgument && positional
}

/// Builds the one [`Session`] and runs the command parsed through it.
fn dispatch(cli: &Cli, out: &Arc<Output>) -> Result<i32> {
    use commands::auth::AuthCommand;
    use config::ProfileRule;
    use tree::Command;
    // `auth login` creates the profile it names; every other command needs it to exist.
    let rule = match cli.command {
        Command::Auth(AuthCommand::Login(_)) => ProfileRule::MayBeCreated,
        _ => ProfileRule::MustExist,
    };
    let session = Session::new(&cli.global, &config::process_env, rule, out.clone());
    if cli.command.resolves_settings_first() {
        session.settings()?;
    }
    cli.command.run(&session)
}

/// The command line's definition, for completions and man pages (and tests).
pub fn command() -> clap::Command {
    tree::command()
}

/// The global options the command at `path` takes (for tests of the help).
pub fn global_policy(path: &[&str]) -> cli::Policy {
    tree::policy(path)
}

/// A panic is a bug: say so in one redacted line on `out` and exit 1, never print a
/// backtrace that could hold the key. Installed again once the run's output exists.
fn install_panic_hook(out: Arc<Output>) {
    std::panic::set_hook(Box::new(move |info| {
        out.print_error(&error::panic_report(info.payload(), info.location()), false);
        std::process::exit(error::Kind::Internal.exit_code());
    }));
}
