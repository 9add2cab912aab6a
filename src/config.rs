//! Settings, resolved once: command-line flag, then environment variable, then the selected
//! profile of the config file, then the built-in default (contract section 2).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::error::{Error, Kind, Result};
use crate::output;
use crate::secret::Secret;

pub const DEFAULT_BASE_URL: &str = "https://api.altur.io/api/v1.0";
pub const DEFAULT_PROFILE: &str = "default";
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
pub const DEFAULT_RETRIES: u32 = 2;
/// How long `api_key_command` may take before we give up on it.
pub const KEY_COMMAND_LIMIT: Duration = Duration::from_secs(10);

/// Looks up an environment variable. Tests pass a map instead of the real environment.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment, ignoring variables set to an empty string.
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

pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Everything a command needs to know, with each value taken from the first source that has it.
#[derive(Debug)]
pub struct Settings {
    pub profile: String,
    pub config_path: PathBuf,
    pub base_url: BaseUrl,
    pub timeout: Duration,
    pub retries: u32,
    pub output: OutputFormat,
    /// `-o` was given: errors are printed as JSON only then.
    pub output_explicit: bool,
    pub verbose: bool,
    pub dry_run: bool,
    /// Where the API key will come from, if anywhere. Not read until a command needs it.
    pub credential: Option<Credential>,
}

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

    /// Reads the key: the file, or the command's output, or the value already held.
    pub fn load(&self) -> Result<Secret> {
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
            Credential::Command(command) => run_key_command(command),
        }?;
        panic_for_tests(&key);
        Ok(key)
    }
}

/// Debug builds only: `ALTUR_TEST_PANIC` makes loading the key panic with the key in the
/// message, so the tests can prove that the panic hook never prints it.
#[cfg(debug_assertions)]
fn panic_for_tests(key: &Secret) {
    if std::env::var_os("ALTUR_TEST_PANIC").is_some() {
        panic!("ALTUR_TEST_PANIC with the key {}", key.expose());
    }
}

#[cfg(not(debug_assertions))]
fn panic_for_tests(_key: &Secret) {}

/// A base URL that passed the HTTPS-only rule, normalised: lower-case scheme and host, no
/// trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    host: String,
    https: bool,
    loopback: bool,
}

impl BaseUrl {
    /// Parses a base URL by hand (the `url` crate is not in the dependency tree, and `http::Uri`
    /// accepts what a base URL must not have: a fragment it then drops, user info, a port it
    /// cannot represent). Refused, with exit 2: anything but `https://` (or `http://` to a
    /// loopback host), user info, a query, a fragment, a port outside 1-65535, an odd host.
    pub fn parse(text: &str) -> Result<BaseUrl> {
        BaseUrl::parse_for(text, Carries::ApiKey)
    }

    /// A URL of the user's own that altur posts to without the API key (`webhook trigger`,
    /// `--forward-to`, the sandbox's `--webhook-url`): plain http to any host and a query are
    /// fine there, since no secret travels in the request's headers; user info and a fragment
    /// are still refused.
    pub fn parse_target(text: &str) -> Result<BaseUrl> {
        BaseUrl::parse_for(text, Carries::NoKey)
    }

    fn parse_for(text: &str, carries: Carries) -> Result<BaseUrl> {
        let what = match carries {
            Carries::ApiKey => "base URL",
            Carries::NoKey => "URL",
        };
        let trimmed = match carries {
            Carries::ApiKey => text.trim().trim_end_matches('/'),
            Carries::NoKey => text.trim(),
        };
        // User info may hold a password: never quote it back.
        let shown = match trimmed.split_once("://") {
            Some((scheme, rest)) if authority_of(rest).contains('@') => {
                let after = &rest[authority_of(rest).rfind('@').map_or(0, |at| at + 1)..];
                format!("{scheme}://…@{after}")
            }
            _ => trimmed.to_owned(),
        };
        let bad = |why: &str| {
            Error::input(format!(
                "invalid {what} '{}': {why}",
                output::for_terminal(&shown)
            ))
        };
        let (scheme, rest) = trimmed
            .split_once("://")
            .ok_or_else(|| bad("it needs https://"))?;
        let scheme = scheme.to_ascii_lowercase();
        if rest.contains('#') {
            return Err(bad("it must not have a #fragment"));
        }
        if rest.contains('?') && carries == Carries::ApiKey {
            return Err(bad("it must not have a query string"));
        }
        let authority = authority_of(rest);
        let path = &rest[authority.len()..];
        if authority.contains('@') {
            return Err(bad(
                "it must not hold a user name or password (user:pass@); altur sends the API key",
            ));
        }
        let (host, port) = split_host_port(authority).map_err(|why| bad(&why))?;
        if path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii())
        {
            return Err(bad(
                "its path has spaces, control or non-ASCII characters (percent-encode them)",
            ));
        }
        let loopback = is_loopback(&host);
        match scheme.as_str() {
            "https" => {}
            "http" if loopback || carries == Carries::NoKey => {}
            "http" => {
                return Err(bad(
                    "plain http is allowed only for loopback hosts (localhost, 127.0.0.1, ::1); \
                     the API key must never travel unencrypted, so use https://",
                ));
            }
            other => return Err(bad(&format!("unsupported scheme '{other}', use https://"))),
        }
        let shown_host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("{scheme}://{shown_host}{port}{path}");
        // The transport parses it again; anything it cannot take is refused here, not there.
        url.parse::<ureq::http::Uri>()
            .map_err(|_| bad("not a URL"))?;
        Ok(BaseUrl {
            url,
            host,
            https: scheme == "https",
            loopback,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The host, lower-case, without the brackets of an IPv6 literal.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Loopback hosts never go through a proxy and may use plain http.
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    pub fn is_https(&self) -> bool {
        self.https
    }
}

/// Whether a URL will carry the API key: only then must it be HTTPS off loopback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Carries {
    ApiKey,
    NoKey,
}

/// The authority part of what follows `scheme://`: up to the first `/`, `?` or `#`.
fn authority_of(rest: &str) -> &str {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// The host (lower-case, IPv6 without brackets) and the port, if any, of an authority.
fn split_host_port(authority: &str) -> std::result::Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(literal) = authority.strip_prefix('[') {
        let (inside, after) = literal
            .split_once(']')
            .ok_or("its IPv6 address lacks the closing ]")?;
        inside
            .parse::<std::net::Ipv6Addr>()
            .map_err(|_| "its IPv6 address is not valid")?;
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or("unexpected text after the IPv6 address")?,
            ),
        };
        (inside.to_owned(), port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (authority.to_owned(), None),
        }
    };
    if host.is_empty() {
        return Err("it has no host".to_owned());
    }
    if !host.contains(':')
        && !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
    {
        return Err("its host name has characters a host name cannot have".to_owned());
    }
    let port = match port {
        None => None,
        Some(digits) => Some(
            digits
                .parse::<u16>()
                .ok()
                .filter(|p| *p >= 1 && digits.bytes().all(|b| b.is_ascii_digit()))
                .ok_or("its port must be a number from 1 to 65535")?,
        ),
    };
    Ok((host.to_ascii_lowercase(), port))
}

/// Exactly `localhost`, 127.0.0.0/8 and `::1`. Not `*.localhost`: such a name may resolve
/// anywhere, and the key would travel there in clear.
fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The config file's contents that `altur` reads: `[profiles.NAME]` tables and nothing else.
#[derive(Debug, Default)]
pub struct ConfigFile {
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone)]
pub struct Profile {
    pub api_key: Option<String>,
    pub api_key_command: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<f64>,
    pub retries: Option<u32>,
}

/// The keys a profile may have, as the error for an unknown one lists them.
pub const PROFILE_KEYS: [&str; 5] = [
    "api_key",
    "api_key_command",
    "base_url",
    "timeout",
    "retries",
];

impl ConfigFile {
    /// Parses and checks the text of the config file at `path`. Checked by hand rather than
    /// by serde: serde's messages quote the offending value, and that value may be the key.
    pub fn parse(text: &str, path: &Path) -> Result<ConfigFile> {
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| config_syntax_error(path, text, e.span(), e.message()))?;
        let invalid = |what: String| {
            Error::input(format!(
                "config file {} is not valid: {what}",
                path.display()
            ))
        };
        let mut file = ConfigFile::default();
        for (key, value) in &table {
            if key == "profiles" {
                let profiles = value.as_table().ok_or_else(|| {
                    invalid("`profiles` must be a table of profiles ([profiles.NAME])".to_owned())
                })?;
                for (name, profile) in profiles {
                    let profile = Profile::parse(name, profile).map_err(&invalid)?;
                    file.profiles.insert(name.clone(), profile);
                }
            } else if PROFILE_KEYS.contains(&key.as_str()) {
                return Err(
                    invalid(format!("`{key}` stands outside a profile table")).with_hint(format!(
                        "put it under [profiles.default] (or the table of another profile): \
                     a line `[profiles.default]` above `{key} = ...`"
                    )),
                );
            } else {
                return Err(invalid(format!(
                    "unknown key `{}` at the top level",
                    output::for_terminal(key)
                ))
                .with_hint("altur reads only [profiles.NAME] tables"));
            }
        }
        Ok(file)
    }

    /// The names of the profiles, for error messages.
    pub fn profile_names(&self) -> String {
        let names: Vec<&str> = self.profiles.keys().map(String::as_str).collect();
        if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        }
    }
}

impl Profile {
    /// Reads one profile table; the error says what is wrong, never what the value is.
    fn parse(name: &str, value: &toml::Value) -> std::result::Result<Profile, String> {
        let name = output::for_terminal(name);
        let table = value
            .as_table()
            .ok_or_else(|| format!("profiles.{name} must be a table ([profiles.{name}])"))?;
        let mut profile = Profile::default();
        for (key, value) in table {
            let must_be = |what: &str| format!("`{key}` in [profiles.{name}] must be {what}");
            let string = || {
                value
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| must_be("a string"))
            };
            match key.as_str() {
                "api_key" => profile.api_key = Some(string()?),
                "api_key_command" => profile.api_key_command = Some(string()?),
                "base_url" => profile.base_url = Some(string()?),
                "timeout" => {
                    let seconds = match value {
                        toml::Value::Integer(i) => *i as f64,
                        toml::Value::Float(f) => *f,
                        _ => return Err(must_be("a number of seconds")),
                    };
                    profile.timeout = Some(seconds);
                }
                "retries" => {
                    let retries = value
                        .as_integer()
                        .and_then(|i| u32::try_from(i).ok())
                        .ok_or_else(|| must_be("a whole number from 0 to 100"))?;
                    profile.retries = Some(retries);
                }
                other => {
                    let spelled = other.replace('-', "_").to_ascii_lowercase();
                    let guess = if PROFILE_KEYS.contains(&spelled.as_str()) {
                        format!(" (did you mean `{spelled}`?)")
                    } else {
                        String::new()
                    };
                    return Err(format!(
                        "unknown key `{}` in [profiles.{name}]{guess}; the known keys are {}",
                        output::for_terminal(other),
                        PROFILE_KEYS.join(", ")
                    ));
                }
            }
        }
        Ok(profile)
    }
}

/// The default config file: `<config dir>/altur/config.toml`.
pub fn default_config_path() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("altur")
        .join("config.toml")
}

/// Registers every key that can be known without running anything, so that the redactor
/// removes it from text printed before the settings are resolved (clap's usage errors, which
/// quote the arguments): `ALTUR_API_KEY`, the file named by `--api-key-file`, and the
/// `api_key` of every profile in the config file. `api_key_command` is not run: a typo in the
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
    /// Resolves every setting; the selected profile must exist (`default` always does).
    pub fn resolve(args: &GlobalArgs, env: EnvLookup<'_>) -> Result<Settings> {
        Self::resolve_with(args, env, ProfileRule::MustExist)
    }

    /// Resolves every setting. The config file is read only when a flag or variable leaves
    /// something open, or when a profile other than `default` is named (it must exist).
    pub fn resolve_with(
        args: &GlobalArgs,
        env: EnvLookup<'_>,
        rule: ProfileRule,
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
        let base_url = args.base_url.clone().or_else(|| env("ALTUR_BASE_URL"));
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
            let file = read_config(&config_path)?;
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
        let base_url = BaseUrl::parse(
            base_url
                .as_deref()
                .or(from_file.base_url.as_deref())
                .unwrap_or(DEFAULT_BASE_URL),
        )?;
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
            timeout: Duration::from_secs_f64(timeout),
            retries,
            output: output_format(args),
            output_explicit: args.output.is_some(),
            verbose: args.verbose,
            dry_run: args.dry_run,
            credential,
        })
    }

    /// The API key, or exit 4 with a hint when there is none or it cannot be right.
    pub fn api_key(&self) -> Result<Secret> {
        match &self.credential {
            Some(credential) => self.check_key(credential.load()?),
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
    let profile = output::for_terminal(profile);
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

fn parse_number<T: std::str::FromStr>(text: &str, name: &str) -> Result<T> {
    text.trim()
        .parse()
        .map_err(|_| Error::input(format!("{name}: '{text}' is not a valid number")))
}

/// Reads the config file and returns the named profile (empty when the file or profile is absent).
pub fn load_profile(path: &Path, profile: &str) -> Result<Profile> {
    Ok(read_config(path)?
        .and_then(|mut file| file.profiles.remove(profile))
        .unwrap_or_default())
}

/// Parses the config file, `None` when it does not exist. Warns (once per run) when its
/// permissions let other users read it.
pub fn read_config(path: &Path) -> Result<Option<ConfigFile>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::input(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
    };
    warn_if_loose_permissions(path);
    ConfigFile::parse(&text, path).map(Some)
}

/// A config file that does not parse, reported by file, line, column and the kind of error,
/// never by quoting its text: the line at fault may be the one holding the key, which is not
/// yet known to the redactor.
pub fn config_syntax_error(
    path: &Path,
    text: &str,
    span: Option<std::ops::Range<usize>>,
    message: &str,
) -> Error {
    let place = span
        .map(|span| {
            let start = span.start.min(text.len());
            let before = text.get(..start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |at| at + 1);
            let column = before[line_start..].chars().count() + 1;
            format!(" at line {line}, column {column}")
        })
        .unwrap_or_default();
    // The messages of the TOML parser name the kind of error ("invalid basic string, expected
    // `\"`"); only the first line is kept, in case a future version adds a snippet below it.
    let kind = message.lines().next().unwrap_or("syntax error").trim();
    Error::input(format!(
        "config file {} is not valid TOML{place}: {kind}",
        path.display()
    ))
}

/// Prints a warning (once per run) if group or others can read the file, like ssh does.
pub fn warn_if_loose_permissions(path: &Path) {
    static WARNED: Once = Once::new();
    if let Some(message) = loose_permissions(path) {
        WARNED.call_once(|| output::warn(&message));
    }
}

/// What is wrong with the file's permissions, if group or others can read or write it.
pub fn loose_permissions(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).ok()?;
        let mode = meta.permissions().mode();
        // Only regular files: `--config /dev/null` is not a key store. Write access counts too:
        // whoever can edit the file can set an `api_key_command` that runs as you.
        (meta.is_file() && mode & 0o077 != 0).then(|| {
            format!(
                "{} can be read or changed by other users (mode {:o}); run: chmod 600 '{}'",
                path.display(),
                mode & 0o777,
                path.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Reads a small UTF-8 text file (at most 1 MiB).
pub fn read_small_text(path: &Path, what: &str) -> Result<String> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::input(format!("cannot read {what} {}: {e}", path.display())))?;
    read_limited_utf8(file, &format!("{what} {}", path.display()))
}

/// The most input `altur` reads for one EndUser or one key.
pub const INPUT_LIMIT: u64 = 1024 * 1024;

/// Reads at most [`INPUT_LIMIT`] bytes of UTF-8 from `reader`; `what` names it in errors.
pub fn read_limited_utf8(reader: impl Read, what: &str) -> Result<String> {
    let mut bytes = Vec::new();
    reader
        .take(INPUT_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::input(format!("cannot read {what}: {e}")))?;
    if bytes.len() as u64 > INPUT_LIMIT {
        return Err(Error::input(format!("{what} is larger than 1 MiB")));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::input(format!(
            "{what} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Runs `api_key_command` without a shell and takes its trimmed stdout as the key.
///
/// The command gets [`KEY_COMMAND_LIMIT`] to exit *and* close its output: a child that exits
/// while a background process of its own keeps stdout open (`sh -c 'daemon & echo key'`)
/// would otherwise keep us reading forever. At the deadline the command is killed and the run
/// fails (exit 4), whatever it printed.
fn run_key_command(command: &str) -> Result<Secret> {
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
    let limit = key_command_limit();
    let started = Instant::now();
    let mut status = None;
    let mut output = None;
    let (status, out) = loop {
        if status.is_none() {
            match child.try_wait() {
                Ok(done) => status = done,
                Err(e) => return Err(fail(format!("waiting for '{program}': {e}"))),
            }
        }
        if output.is_none() {
            output = output_rx.try_recv().ok();
        }
        if let (Some(status), Some(out)) = (status, output.take()) {
            break (status, out);
        }
        if started.elapsed() >= limit {
            kill(&mut child, grouped);
            let why = if status.is_some() {
                "it exited, but its output was still open (a process it started keeps it)"
            } else {
                "it was stopped"
            };
            let seconds = limit.as_secs_f64();
            let unit = if seconds == 1.0 { "second" } else { "seconds" };
            return Err(fail(format!(
                "'{program}' did not finish within {seconds} {unit}; {why}"
            )));
        }
        // Polling: there is no portable blocking wait on a child with a deadline.
        std::thread::sleep(Duration::from_millis(10));
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

fn kill(child: &mut std::process::Child, grouped: bool) {
    #[cfg(unix)]
    if grouped && let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the process group the child leads;
        // it touches no memory of ours.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = grouped;
    let _ = child.kill();
    let _ = child.wait();
}

/// [`KEY_COMMAND_LIMIT`]; debug builds let the tests shorten it with
/// `ALTUR_TEST_KEY_COMMAND_LIMIT_MS`, so the deadline can be tested without waiting 10 s.
fn key_command_limit() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("ALTUR_TEST_KEY_COMMAND_LIMIT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    KEY_COMMAND_LIMIT
}

impl crate::output::FormatChoice for Settings {
    fn output_format(&self) -> OutputFormat {
        self.output
    }

    fn output_format_given(&self) -> bool {
        self.output_explicit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn write_config(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        (dir, path)
    }

    const CONFIG: &str = r#"
[profiles.default]
api_key = "config-key-default"
base_url = "https://config.example/api"
timeout = 12
retries = 5

[profiles.staging]
api_key_command = "echo staging-key-1234"
"#;

    #[test]
    fn flag_beats_env_beats_profile_beats_default() {
        let (_dir, path) = write_config(CONFIG);
        let args = GlobalArgs {
            config: Some(path.clone()),
            timeout: Some(3.0),
            ..GlobalArgs::default()
        };
        let env = env_of(&[("ALTUR_TIMEOUT", "7"), ("ALTUR_RETRIES", "9")]);
        let s = Settings::resolve(&args, &env).unwrap();
        assert_eq!(s.timeout, Duration::from_secs(3), "flag wins");
        assert_eq!(s.retries, 9, "env beats profile");
        assert_eq!(
            s.base_url.as_str(),
            "https://config.example/api",
            "profile beats default"
        );
        assert_eq!(s.credential.as_ref().unwrap().source_name(), "config");

        let s = Settings::resolve(
            &GlobalArgs::default(),
            &env_of(&[("ALTUR_CONFIG", "/nonexistent/x.toml")]),
        )
        .unwrap();
        assert_eq!(s.base_url.as_str(), DEFAULT_BASE_URL);
        assert_eq!(s.timeout, Duration::from_secs(30));
        assert_eq!(s.retries, DEFAULT_RETRIES);
        assert!(s.credential.is_none());
        assert!(
            s.api_key()
                .unwrap_err()
                .hint
                .unwrap()
                .contains("ALTUR_API_KEY")
        );
    }

    #[test]
    fn profile_selects_its_table_and_key_command_runs() {
        let (_dir, path) = write_config(CONFIG);
        let env = env_of(&[("ALTUR_PROFILE", "staging")]);
        let args = GlobalArgs {
            config: Some(path),
            ..GlobalArgs::default()
        };
        let s = Settings::resolve(&args, &env).unwrap();
        assert_eq!(s.profile, "staging");
        assert_eq!(s.base_url.as_str(), DEFAULT_BASE_URL);
        let key = s.api_key().unwrap();
        assert_eq!(key.expose(), "staging-key-1234");
        assert_eq!(s.credential.unwrap().source_name(), "command");
    }

    #[test]
    fn env_key_beats_config_and_file_flag_beats_env() {
        let (dir, path) = write_config(CONFIG);
        let key_file = dir.path().join("key");
        std::fs::write(&key_file, "file-key-abcd-0000001\n").unwrap();
        let env = env_of(&[("ALTUR_API_KEY", "env-key-wxyz-0000001")]);
        let mut args = GlobalArgs {
            config: Some(path),
            ..GlobalArgs::default()
        };
        let s = Settings::resolve(&args, &env).unwrap();
        assert_eq!(s.api_key().unwrap().expose(), "env-key-wxyz-0000001");
        args.api_key_file = Some(key_file);
        let s = Settings::resolve(&args, &env).unwrap();
        assert_eq!(s.api_key().unwrap().expose(), "file-key-abcd-0000001");
        assert_eq!(s.credential.unwrap().source_name(), "flag");
    }

    #[test]
    fn config_is_not_read_when_flags_and_env_say_everything() {
        let (_dir, path) = write_config("this is not toml [");
        let env = env_of(&[
            ("ALTUR_API_KEY", "k-1234567890"),
            ("ALTUR_BASE_URL", "http://127.0.0.1:9"),
            ("ALTUR_TIMEOUT", "1"),
            ("ALTUR_RETRIES", "0"),
        ]);
        let args = GlobalArgs {
            config: Some(path.clone()),
            ..GlobalArgs::default()
        };
        assert!(Settings::resolve(&args, &env).is_ok());
        let err = Settings::resolve(&args, &env_of(&[])).unwrap_err();
        assert_eq!(err.kind, Kind::Input);
        assert!(
            err.message.contains(&path.display().to_string()),
            "{}",
            err.message
        );
        assert!(err.message.contains("line 1"), "{}", err.message);
    }

    #[test]
    fn base_url_must_be_https_unless_loopback() {
        for ok in [
            "https://api.altur.io/api/v1.0/",
            "http://127.0.0.1:8787/api/v1.0",
            "http://127.9.9.9",
            "http://localhost:1",
            "http://[::1]:80/x",
        ] {
            assert!(BaseUrl::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            BaseUrl::parse("https://api.altur.io/api/v1.0/")
                .unwrap()
                .as_str(),
            "https://api.altur.io/api/v1.0"
        );
        for bad in [
            "http://api.altur.io",
            "http://10.0.0.1",
            "ftp://x",
            "api.altur.io",
            "https://",
            "http://evil.localhost",
            "http://localhost.",
            "https://a.example/x#y",
            "https://a.example#",
            "https://a.example/?q",
            "https://u@a.example",
            "https://u:p@a.example",
            "https://a.example:0",
            "https://a.example:65536",
            "https://a.example:+443",
            "https://a.example:",
            "https://[::1",
            "https://a b.example",
            "https://a.example/a b",
        ] {
            let err = BaseUrl::parse(bad).unwrap_err();
            assert_eq!(err.kind, Kind::Input, "{bad}");
        }
        assert!(
            BaseUrl::parse("http://example.com")
                .unwrap_err()
                .message
                .contains("unencrypted")
        );
    }

    #[test]
    fn base_urls_are_normalised_and_classified() {
        let url = BaseUrl::parse("HTTPS://API.Altur.IO:8443/Api/V1/").unwrap();
        assert_eq!(url.as_str(), "https://api.altur.io:8443/Api/V1");
        assert!(url.is_https() && !url.is_loopback());
        assert_eq!(url.host(), "api.altur.io");
        let url = BaseUrl::parse("Http://[::1]:65535").unwrap();
        assert_eq!(url.as_str(), "http://[::1]:65535");
        assert!(!url.is_https() && url.is_loopback());
        assert_eq!(url.host(), "::1");
        assert!(
            BaseUrl::parse("http://127.255.0.9:1")
                .unwrap()
                .is_loopback()
        );
        // A password in user info is never quoted back.
        let err = BaseUrl::parse("https://ada:hunter2@a.example/x").unwrap_err();
        assert!(!err.message.contains("hunter2"), "{}", err.message);
        assert!(
            err.message.contains("'https://…@a.example/x'"),
            "{}",
            err.message
        );
    }

    #[test]
    fn config_files_are_checked_without_quoting_values() {
        let path = Path::new("/c.toml");
        let file = ConfigFile::parse(
            "[profiles.a]\napi_key = \"k\"\ntimeout = 2.5\nretries = 3\n[profiles.b]\ntimeout = 4\n",
            path,
        )
        .unwrap();
        assert_eq!(file.profile_names(), "a, b");
        assert_eq!(file.profiles["a"].timeout, Some(2.5));
        assert_eq!(file.profiles["b"].timeout, Some(4.0));
        assert_eq!(file.profiles["a"].retries, Some(3));
        for (text, says) in [
            (
                "[profiles.a]\nretries = -1\n",
                "`retries` in [profiles.a] must be a whole number",
            ),
            (
                "[profiles.a]\napi_key = 12345678901234567\n",
                "`api_key` in [profiles.a] must be a string",
            ),
            ("profiles = 1\n", "`profiles` must be a table"),
            ("[profiles]\na = 1\n", "profiles.a must be a table"),
            ("[other]\n", "unknown key `other` at the top level"),
            (
                "base_url = \"https://x\"\n",
                "`base_url` stands outside a profile table",
            ),
            (
                "[profiles.a]\nx = \"secret-value\n",
                "is not valid TOML at line 2, column 18",
            ),
        ] {
            let err = ConfigFile::parse(text, path).unwrap_err();
            assert_eq!(err.kind, Kind::Input);
            assert!(err.message.contains(says), "{text:?}: {}", err.message);
            assert!(
                !err.message.contains("12345678901234567"),
                "{}",
                err.message
            );
            assert!(!err.message.contains("secret-value"), "{}", err.message);
        }
    }

    #[test]
    fn bad_numbers_in_env_are_input_errors() {
        let env = env_of(&[("ALTUR_TIMEOUT", "soon"), ("ALTUR_CONFIG", "/nonexistent")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env).unwrap_err();
        assert_eq!(err.kind, Kind::Input);
        assert!(err.message.contains("ALTUR_TIMEOUT"));
    }
}
