//! Where the API key comes from, and reading it: a file, `ALTUR_API_KEY`, the profile's
//! `api_key`, or its `api_key_command`, run without a shell under a deadline.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use super::EnvLookup;
use super::file::{ConfigFile, INPUT_LIMIT, default_config_path, read_small_text};
use crate::error::{Error, Kind, Result};
use crate::secret::Secret;

/// Where the API key comes from.
#[derive(Debug, Clone)]
pub enum Credential {
    /// `--api-key-file PATH`
    File(PathBuf),
    /// `ALTUR_API_KEY`; validated when it is used.
    Env(Result<Secret>),
    /// The profile's `api_key`.
    Config(Result<Secret>),
    /// The profile's `api_key_command`.
    Command(String),
}

impl Credential {
    /// The name of the source, as `auth status` shows it.
    pub fn source_name(&self) -> &'static str {
        match self {
            Credential::File(_) => "flag",
            Credential::Env(_) => "env",
            Credential::Config(_) => "config",
            Credential::Command(_) => "command",
        }
    }

    /// Reads the key: the file, or the command's output (given `limit` to finish), or the
    /// value already held.
    pub fn load(&self, limit: Duration) -> Result<Secret> {
        let key = match self {
            Credential::File(path) => {
                let text = read_small_text(path, "API key file").map_err(|e| {
                    Error::auth(e.message).with_hint("--api-key-file names a file holding the key")
                })?;
                Secret::new(&text)
            }
            Credential::Env(key) => key
                .clone()
                .map_err(|e| Error::auth(format!("ALTUR_API_KEY: {}", e.message))),
            Credential::Config(key) => key
                .clone()
                .map_err(|e| Error::auth(format!("api_key in the config file: {}", e.message))),
            Credential::Command(command) => run_key_command(command, limit),
        }?;
        Ok(key)
    }
}

/// Registers every key that can be known without running anything, so that the redactor
/// removes it from text printed before the settings are resolved (clap's usage errors, which
/// quote the arguments): `ALTUR_API_KEY`, the file named by `--api-key-file`, the `api_key` of
/// every profile in the config file, and the webhook secret (`ALTUR_WEBHOOK_SECRET`, the file
/// of `--secret-file` or `--webhook-secret-file`). `api_key_command` is not run: a typo in the
/// command line must not start a password manager or wait up to 10 seconds for one.
pub fn register_keys_for_redaction(args: &[std::ffi::OsString], env: EnvLookup<'_>) {
    if let Some(key) = env("ALTUR_API_KEY") {
        let _ = Secret::new(&key);
    }
    if let Some(path) = crate::cli::raw_option_value(args, "--api-key-file", None)
        && let Ok(text) = read_small_text(Path::new(&path), "API key file")
    {
        let _ = Secret::new(&text);
    }
    // Webhook secrets are handled like keys (contract section 20, "Safety").
    if let Some(secret) = env("ALTUR_WEBHOOK_SECRET") {
        let _ = crate::secret::webhook_secret(&secret);
    }
    for flag in ["--secret-file", "--webhook-secret-file"] {
        if let Some(path) = crate::cli::raw_option_value(args, flag, None)
            && let Ok(text) = read_small_text(Path::new(&path), "webhook secret file")
        {
            let _ = crate::secret::webhook_secret(&text);
        }
    }
    let config_path = crate::cli::raw_option_value(args, "--config", None)
        .or_else(|| env("ALTUR_CONFIG"))
        .map_or_else(default_config_path, PathBuf::from);
    if let Ok(text) = std::fs::read_to_string(&config_path)
        && let Ok(file) = ConfigFile::parse(&text, &config_path)
    {
        for key in file.profiles.values().filter_map(|p| p.api_key.as_deref()) {
            let _ = Secret::new(key);
        }
    }
}

/// Runs `api_key_command` without a shell and takes its trimmed stdout as the key.
///
/// The command gets `limit` (the profile's `api_key_command_timeout`, else
/// [`super::KEY_COMMAND_LIMIT`]) to exit *and* close its output: a child that
/// exits while a background process of its own keeps stdout open (`sh -c 'daemon & echo key'`)
/// would otherwise keep us reading forever. At the deadline the command is killed and the run
/// fails (exit 4), whatever it printed.
pub(super) fn run_key_command(command: &str, limit: Duration) -> Result<Secret> {
    let fail = |why: String| {
        Error::auth(format!("api_key_command failed: {why}"))
            .with_hint("check the api_key_command of your profile in the config file")
    };
    let words = shell_words::split(command).map_err(|e| fail(format!("cannot parse it: {e}")))?;
    let (program, args) = words
        .split_first()
        .ok_or_else(|| fail("it is empty".into()))?;
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let grouped = own_process_group(&mut command);
    let mut child = command
        .spawn()
        .map_err(|e| fail(format!("cannot run '{program}': {e}")))?;
    // Read stdout on a thread so a chatty command cannot block on a full pipe, and so that
    // waiting for the end of its output can give up at the deadline.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let (output_tx, output_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stdout).take(INPUT_LIMIT).read_to_end(&mut out);
        let _ = output_tx.send(out);
    });
    let deadline = Instant::now() + limit;
    let too_late = |child: &mut std::process::Child, exited: bool| {
        kill(child, grouped);
        let why = if exited {
            "it exited, but its output was still open (a process it started keeps it)"
        } else {
            "it was stopped"
        };
        let seconds = limit.as_secs_f64();
        let unit = if seconds == 1.0 { "second" } else { "seconds" };
        fail(format!(
            "'{program}' did not finish within {seconds} {unit}; {why}"
        ))
    };
    let status = match child.wait_timeout(limit) {
        Ok(Some(status)) => status,
        Ok(None) => return Err(too_late(&mut child, false)),
        Err(e) => return Err(fail(format!("waiting for '{program}': {e}"))),
    };
    let remaining = deadline.saturating_duration_since(Instant::now());
    let Ok(out) = output_rx.recv_timeout(remaining) else {
        return Err(too_late(&mut child, true));
    };
    if !status.success() {
        return Err(fail(format!("'{program}' exited with {status}")));
    }
    let text = String::from_utf8(out).map_err(|_| fail("its output is not UTF-8".into()))?;
    Secret::new(&text).map_err(|e| Error {
        kind: Kind::Auth,
        message: format!("api_key_command printed an unusable key: {}", e.message),
        hint: Some(
            "check the api_key_command of your profile: it must print the key alone".to_owned(),
        ),
        status: None,
        body: None,
    })
}

/// Puts the command in a process group of its own, so that the deadline kills it and every
/// process it started. Not when `altur` has a controlling terminal: a process outside the
/// terminal's foreground group is stopped (SIGTTIN) when it reads the terminal, and password
/// managers prompt there. Then only the command itself is killed, and we stop waiting for
/// whatever holds its output. Returns whether the group was made.
#[cfg(unix)]
fn own_process_group(command: &mut Command) -> bool {
    use std::os::unix::process::CommandExt;
    if std::fs::File::open("/dev/tty").is_ok() {
        return false;
    }
    command.process_group(0);
    true
}

#[cfg(not(unix))]
fn own_process_group(_command: &mut Command) -> bool {
    false
}

/// Kills the command, and its whole process group when it leads one.
fn kill(child: &mut std::process::Child, grouped: bool) {
    #[cfg(unix)]
    if grouped {
        let group = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
    }
    let _ = grouped;
    let _ = child.kill();
    let _ = child.wait();
}

/// Registers `ALTUR_WEBHOOK_SECRET` with the redactor at start-up, whatever the command: a
/// server (or a sandbox) that echoes the secret must not make any command print it.
pub fn register_webhook_secret(env: EnvLookup<'_>) {
    if let Some(secret) = env("ALTUR_WEBHOOK_SECRET") {
        let _ = crate::secret::webhook_secret(&secret);
    }
}

/// `--api-key VALUE` does not exist, on purpose: a key in argv lands in the shell history and
/// in `ps`. clap would suggest `--api-key-file`, which then fails to read a file named after
/// the key; this says the three ways that work. `None` when the arguments hold no `--api-key`.
pub fn api_key_flag_error(args: &[std::ffi::OsString]) -> Option<Error> {
    let given = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .take_while(|word| *word != "--")
        .any(|word| word == "--api-key" || word.starts_with("--api-key="));
    given.then(|| {
        Error::input("altur takes no API key on the command line (--api-key)").with_hint(
            "set ALTUR_API_KEY, save it with `altur auth login`, or name a file holding it with \
             --api-key-file PATH; a key typed as an argument may now be in your shell history",
        )
    })
}
