//! `altur`, the command-line client for the Altur API.
//!
//! Data flows one way: [`cli`] parses, [`config`] resolves settings once, a module of
//! [`commands`] does the work through [`client`] (the only HTTP code), and [`output`] prints.
//! [`error`] owns the exit codes; [`run`] maps an error to its code in one place.

pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
pub mod config_file;
pub mod datetime;
pub mod error;
pub mod interrupt;
pub mod model;
pub mod output;
pub mod phone;
pub mod sandbox;
pub mod secret;
pub mod webhook;

use cli::{Cli, Command, EnduserCommand, OutputFormat};
use config::Settings;
use error::{Error, Result};

/// Runs the program with the process's arguments and environment; returns the exit code.
pub fn run() -> i32 {
    install_panic_hook();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cli::parse_from(&args) {
        Ok(cli) => cli,
        Err(e) if looks_like_a_key_argument(&args, &e) => {
            // clap would quote the argument back, and it is probably the key.
            output::print_error(
                &Error::input("`altur auth login` takes no key on the command line").with_hint(
                    "type it at the prompt, or pipe it: echo \"$SECRET\" | altur auth login \
                         --with-key; a key typed as an argument may now be in your shell history",
                ),
                false,
            );
            return error::Kind::Input.exit_code();
        }
        Err(e) => {
            // Help and version go to stdout with code 0; usage errors to stderr with code 2.
            let _ = e.print();
            return e.exit_code();
        }
    };
    let json_errors = cli.global.output == Some(OutputFormat::Json);
    match dispatch(&cli) {
        Ok(code) => code,
        Err(error) => {
            output::print_error(&error, json_errors);
            error.kind.exit_code()
        }
    }
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

fn dispatch(cli: &Cli) -> Result<i32> {
    let settings = || Settings::resolve(&cli.global, &config::process_env);
    match &cli.command {
        Command::Enduser(command) => {
            let settings = settings()?;
            match command {
                EnduserCommand::Create(fields) => commands::enduser::create(&settings, fields)?,
                EnduserCommand::Get { id } => commands::enduser::get(&settings, id)?,
                EnduserCommand::Update { id, fields } => {
                    commands::enduser::update(&settings, id, fields)?
                }
                EnduserCommand::Import(args) => commands::import::run(&settings, args)?,
            }
            Ok(0)
        }
        Command::Auth(command) => commands::auth::run(&settings()?, command),
        Command::Completions { shell } => {
            commands::completions::run(*shell)?;
            Ok(0)
        }
        Command::Sandbox(command) => sandbox::run(command),
        Command::Webhook(command) => commands::webhook::run(&settings()?, command),
    }
}

/// A panic is a bug: say so in one redacted line and exit 1, never print a backtrace that
/// could hold the key.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        output::print_error(
            &Error::internal(format!("internal error{location}: {message}"))
                .with_hint("this is a bug in altur; please report it"),
            false,
        );
        std::process::exit(error::Kind::Internal.exit_code());
    }));
}
