//! Settings, resolved once: command-line flag, then environment variable, then the selected
//! profile of the config file, then the built-in default (contract section 2).

mod base_url;
mod credential;
mod file;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use base_url::BaseUrl;
pub use credential::{
    Credential, api_key_flag_error, register_keys_for_redaction, register_webhook_secret,
};
pub use file::{
    ConfigFile, INPUT_LIMIT, Profile, config_syntax_error, default_config_path, load_profile,
    loose_permissions, read_config, read_limited_utf8, read_small_text, warn_if_loose_permissions,
};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::secret::Secret;

pub const DEFAULT_BASE_URL: &str = "https://api.altur.io/api/v1.0";
pub const DEFAULT_PROFILE: &str = "default";
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
pub const DEFAULT_RETRIES: u32 = 2;
/// How long `api_key_command` may take before we give up on it.
pub const KEY_COMMAND_LIMIT: Duration = Duration::from_secs(10);

/// Looks up an environment variable. Tests pass a map instead of the real environment.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The output format: the flag, else a table on a terminal and JSON anywhere else. Commands
/// that read no other setting (`webhook verify`) take only this.
pub fn output_format(args: &GlobalArgs) -> OutputFormat {
    args.output.unwrap_or_else(|| {
        // --jq filters JSON, so it implies -o json.
        if args.jq.is_none() && std::io::stdout().is_terminal() {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        }
    })
}

/// The process environment, ignoring variables set to an empty string.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Everything a command needs to know, with each value taken from the first source that has it.
#[derive(Debug)]
pub struct Settings {
    pub profile: String,
    pub config_path: PathBuf,
    pub base_url: BaseUrl,
    /// Where the base URL came from: `flag`, `env`, `config` or `default`.
    pub base_url_from: &'static str,
    pub timeout: Duration,
    pub retries: u32,
    pub output: OutputFormat,
    /// `-o` was given: errors are printed as JSON only then.
    pub output_explicit: bool,
    pub verbose: bool,
    /// Where the API key will come from, if anywhere. Not read until a command needs it.
    pub credential: Option<Credential>,
    /// How long `api_key_command` may take.
    pub key_command_limit: Duration,
}

/// Whether the selected profile must already exist in the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileRule {
    /// Every command but `auth login`: a mistyped profile must not fall back to the defaults
    /// (the production URL among them).
    MustExist,
    /// `auth login`, which creates the profile.
    MayBeCreated,
}

impl Settings {
    #[cfg(test)]
    /// Resolves every setting; the selected profile must exist (`default` always does).
    pub fn resolve(args: &GlobalArgs, env: EnvLookup<'_>) -> Result<Settings> {
        Self::resolve_with(args, env, ProfileRule::MustExist, &|_| {})
    }

    /// Resolves every setting. The config file is read only when a flag or variable leaves
    /// something open, or when a profile other than `default` is named (it must exist).
    /// `warn` says (once per run) that the file's permissions let other users read it.
    pub fn resolve_with(
        args: &GlobalArgs,
        env: EnvLookup<'_>,
        rule: ProfileRule,
        warn: &dyn Fn(&str),
    ) -> Result<Settings> {
        let (profile, profile_source) = match (&args.profile, env("ALTUR_PROFILE")) {
            (Some(name), _) => (name.clone(), "--profile"),
            (None, Some(name)) => (name, "ALTUR_PROFILE"),
            (None, None) => (DEFAULT_PROFILE.to_owned(), ""),
        };
        let config_path = args
            .config
            .clone()
            .or_else(|| env("ALTUR_CONFIG").map(PathBuf::from))
            .unwrap_or_else(default_config_path);

        let flag_or_env_key = match (&args.api_key_file, env("ALTUR_API_KEY")) {
            (Some(path), _) => Some(Credential::File(path.clone())),
            (None, Some(key)) => Some(Credential::Env(Secret::new(&key))),
            (None, None) => None,
        };
        let (base_url, base_url_from) = match (&args.base_url, env("ALTUR_BASE_URL")) {
            (Some(url), _) => (Some(url.clone()), "flag"),
            (None, Some(url)) => (Some(url), "env"),
            (None, None) => (None, "config"),
        };
        let timeout = match &args.timeout {
            Some(t) => Some(*t),
            None => env("ALTUR_TIMEOUT")
                .map(|t| parse_number::<f64>(&t, "ALTUR_TIMEOUT"))
                .transpose()?,
        };
        let retries = match &args.retries {
            Some(r) => Some(*r),
            None => env("ALTUR_RETRIES")
                .map(|r| parse_number::<u32>(&r, "ALTUR_RETRIES"))
                .transpose()?,
        };

        let everything_given = flag_or_env_key.is_some()
            && base_url.is_some()
            && timeout.is_some()
            && retries.is_some();
        let from_file = if everything_given && profile == DEFAULT_PROFILE {
            Profile::default()
        } else {
            let file = read_config(&config_path, warn)?;
            match file.as_ref().and_then(|file| file.profiles.get(&profile)) {
                Some(found) => found.clone(),
                None if profile == DEFAULT_PROFILE || rule == ProfileRule::MayBeCreated => {
                    Profile::default()
                }
                None => {
                    return Err(unknown_profile(
                        &profile,
                        profile_source,
                        &config_path,
                        file.as_ref(),
                    ));
                }
            }
        };

        let credential = flag_or_env_key.or_else(|| {
            if let Some(key) = &from_file.api_key {
                Some(Credential::Config(Secret::new(key)))
            } else {
                from_file.api_key_command.clone().map(Credential::Command)
            }
        });
        // `auth login` runs no command, and tightens the file's mode itself.
        if matches!(credential, Some(Credential::Command(_))) && rule == ProfileRule::MustExist {
            refuse_if_others_can_write(&config_path)?;
        }
        let key_command_limit = match from_file.api_key_command_timeout {
            None => KEY_COMMAND_LIMIT,
            Some(secs) if secs.is_finite() && secs > 0.0 && secs <= MAX_TIMEOUT_SECS => {
                Duration::from_secs_f64(secs)
            }
            Some(secs) => {
                return Err(Error::input(format!(
                    "invalid api_key_command_timeout {secs} in profile '{profile}': give a \
                     number of seconds above 0 and at most {MAX_TIMEOUT_SECS}"
                )));
            }
        };
        let (base_url, base_url_from) = match (base_url, &from_file.base_url) {
            (Some(url), _) => (url, base_url_from),
            (None, Some(url)) => (url.clone(), "config"),
            (None, None) => (DEFAULT_BASE_URL.to_owned(), "default"),
        };
        let base_url = BaseUrl::parse(&base_url)?;
        let timeout = timeout
            .or(from_file.timeout)
            .unwrap_or(DEFAULT_TIMEOUT_SECS);
        if !(timeout.is_finite() && timeout > 0.0 && timeout <= MAX_TIMEOUT_SECS) {
            return Err(Error::input(format!(
                "invalid timeout {timeout}: give a number of seconds above 0 and at most \
                 {MAX_TIMEOUT_SECS} (one day)"
            )));
        }
        let retries = retries.or(from_file.retries).unwrap_or(DEFAULT_RETRIES);
        if retries > MAX_RETRIES {
            return Err(Error::input(format!(
                "invalid retries {retries}: give a number from 0 to {MAX_RETRIES}"
            )));
        }

        Ok(Settings {
            profile,
            config_path,
            base_url,
            base_url_from,
            timeout: Duration::from_secs_f64(timeout),
            retries,
            output: output_format(args),
            output_explicit: args.output.is_some(),
            verbose: args.verbose,
            credential,
            key_command_limit,
        })
    }

    /// The API key, or exit 4 with a hint when there is none or it cannot be right.
    pub fn api_key(&self) -> Result<Secret> {
        match &self.credential {
            Some(credential) => self.check_key(credential.load(self.key_command_limit)?),
            None => Err(Error::auth(format!(
                "no API key configured (profile '{}')",
                self.profile
            ))
            .with_hint("set ALTUR_API_KEY, or run `altur auth login` to save one")),
        }
    }

    /// Refuses a key too short to be a real one, unless the base URL is loopback (a sandbox
    /// or a test server, whose keys may be anything). The redactor replaces a key of 8
    /// characters or more wherever it appears, but a shorter one only as a whole word; this
    /// rule guarantees that such a key never goes to a real server.
    pub fn check_key(&self, key: Secret) -> Result<Secret> {
        let length = key.expose().chars().count();
        if length < MIN_KEY_LENGTH && !self.base_url.is_loopback() {
            if self.base_url_from == "default" {
                // Most often a sandbox key (`sandbox`) with the sandbox's URL forgotten.
                return Err(Error::auth(format!(
                    "the API key is {length} characters long, and with no base URL set the \
                     request would go to the production API ({DEFAULT_BASE_URL}), where a key \
                     has at least {MIN_KEY_LENGTH}; it is not sent"
                ))
                .with_hint(
                    "for the sandbox, set ALTUR_BASE_URL (or --base-url) to the URL `altur \
                     sandbox serve` prints, such as http://127.0.0.1:8787/api/v1.0; for \
                     production, check that you copied the whole key",
                ));
            }
            return Err(Error::auth(format!(
                "the API key is {length} characters long; an Altur API key has at least \
                 {MIN_KEY_LENGTH}, so it is not sent"
            ))
            .with_hint("check that you copied the whole key"));
        }
        Ok(key)
    }
}

/// The shortest key sent to a host that is not loopback.
pub const MIN_KEY_LENGTH: usize = 16;
/// The largest `--timeout`: one day.
pub const MAX_TIMEOUT_SECS: f64 = 86_400.0;
/// The most `--retries`.
pub const MAX_RETRIES: u32 = 100;

/// A profile named by `--profile` or `ALTUR_PROFILE` that the config file does not have.
fn unknown_profile(profile: &str, source: &str, path: &Path, file: Option<&ConfigFile>) -> Error {
    let profile = crate::error::for_terminal(profile);
    let message = match file {
        Some(file) => format!(
            "profile '{profile}' ({source}) does not exist in {}; the profiles are: {}",
            path.display(),
            file.profile_names()
        ),
        None => format!(
            "profile '{profile}' ({source}) does not exist: there is no config file at {}",
            path.display()
        ),
    };
    Error::input(message).with_hint(format!(
        "check the name; `altur --profile {} auth login` creates the profile",
        shell_words::quote(&profile)
    ))
}

/// A config file that others may edit names the command that prints your key: whoever can
/// write it can run anything as you. ssh refuses such files; so does altur (exit 4).
fn refuse_if_others_can_write(path: &Path) -> Result<()> {
    match file::writable_by_others(path) {
        Some(mode) => Err(Error::auth(format!(
            "{} can be changed by other users (mode {mode:o}) and its profile has an \
             api_key_command, which altur will not run",
            path.display()
        ))
        .with_hint(format!(
            "run: chmod 600 {}",
            shell_words::quote(&path.display().to_string())
        ))),
        None => Ok(()),
    }
}

fn parse_number<T: std::str::FromStr>(text: &str, name: &str) -> Result<T> {
    text.trim()
        .parse()
        .map_err(|_| Error::input(format!("{name}: '{text}' is not a valid number")))
}

#[cfg(test)]
mod tests;
