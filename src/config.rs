//! Settings, resolved once: command-line flag, then environment variable, then the selected
//! profile of the config file, then the built-in default (contract section 2).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use serde::Deserialize;

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

/// A base URL that passed the HTTPS-only rule, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    host: String,
    loopback: bool,
}

impl BaseUrl {
    pub fn parse(text: &str) -> Result<BaseUrl> {
        let trimmed = text.trim().trim_end_matches('/');
        let bad = |why: &str| Error::input(format!("invalid base URL '{trimmed}': {why}"));
        let uri: ureq::http::Uri = trimmed.parse().map_err(|_| bad("not a URL"))?;
        let scheme = uri.scheme_str().ok_or_else(|| bad("it needs https://"))?;
        let host = uri
            .host()
            .ok_or_else(|| bad("it has no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase();
        if uri.query().is_some() {
            return Err(bad("it must not have a query string"));
        }
        let loopback = is_loopback(&host);
        match scheme {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(bad(
                    "plain http is allowed only for loopback hosts (localhost, 127.0.0.1, ::1); \
                     the API key must never travel unencrypted, so use https://",
                ));
            }
            other => return Err(bad(&format!("unsupported scheme '{other}', use https://"))),
        }
        Ok(BaseUrl {
            url: trimmed.to_owned(),
            host,
            loopback,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    /// Loopback hosts never go through a proxy and may use plain http.
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    pub fn is_https(&self) -> bool {
        self.url.starts_with("https://")
    }
}

fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

/// The config file's contents that `altur` reads.
#[derive(Debug, Default, Deserialize)]
pub struct ConfigFile {
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Profile {
    pub api_key: Option<String>,
    pub api_key_command: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<f64>,
    pub retries: Option<u32>,
}

/// The default config file: `<config dir>/altur/config.toml`.
pub fn default_config_path() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("altur")
        .join("config.toml")
}

impl Settings {
    /// Resolves every setting. The config file is read only when a flag or variable leaves
    /// something open.
    pub fn resolve(args: &GlobalArgs, env: EnvLookup<'_>) -> Result<Settings> {
        let profile = args
            .profile
            .clone()
            .or_else(|| env("ALTUR_PROFILE"))
            .unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
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
        let from_file = if everything_given {
            Profile::default()
        } else {
            load_profile(&config_path, &profile)?
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
        if !(timeout.is_finite() && timeout > 0.0 && timeout <= 86_400.0) {
            return Err(Error::input(format!(
                "invalid timeout {timeout}: give a number of seconds above 0"
            )));
        }
        let retries = retries.or(from_file.retries).unwrap_or(DEFAULT_RETRIES);
        if retries > 100 {
            return Err(Error::input(format!(
                "invalid retries {retries}: at most 100"
            )));
        }

        Ok(Settings {
            profile,
            config_path,
            base_url,
            timeout: Duration::from_secs_f64(timeout),
            retries,
            output: args.output.unwrap_or_else(|| {
                if std::io::stdout().is_terminal() {
                    OutputFormat::Table
                } else {
                    OutputFormat::Json
                }
            }),
            output_explicit: args.output.is_some(),
            verbose: args.verbose,
            dry_run: args.dry_run,
            credential,
        })
    }

    /// The API key, or exit 4 with a hint when there is none.
    pub fn api_key(&self) -> Result<Secret> {
        match &self.credential {
            Some(credential) => credential.load(),
            None => Err(Error::auth(format!(
                "no API key configured (profile '{}')",
                self.profile
            ))
            .with_hint("set ALTUR_API_KEY, or run `altur auth login` to save one")),
        }
    }
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
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| config_syntax_error(path, &e))
}

/// A config error names the file and the TOML line.
pub fn config_syntax_error(path: &Path, error: &dyn std::fmt::Display) -> Error {
    Error::input(format!(
        "config file {} is not valid: {}",
        path.display(),
        error.to_string().trim_end()
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
fn run_key_command(command: &str) -> Result<Secret> {
    let fail = |why: String| {
        Error::auth(format!("api_key_command failed: {why}"))
            .with_hint("check the api_key_command of your profile in the config file")
    };
    let words = shell_words::split(command).map_err(|e| fail(format!("cannot parse it: {e}")))?;
    let (program, args) = words
        .split_first()
        .ok_or_else(|| fail("it is empty".into()))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| fail(format!("cannot run '{program}': {e}")))?;
    // Read stdout on a thread so a chatty command cannot block on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = (&mut stdout).take(INPUT_LIMIT).read_to_end(&mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= KEY_COMMAND_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(format!(
                    "'{program}' did not finish within {} seconds",
                    KEY_COMMAND_LIMIT.as_secs()
                )));
            }
            // Polling a child process: there is no portable blocking wait with a deadline.
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(fail(format!("waiting for '{program}': {e}"))),
        }
    };
    let out = reader.join().unwrap_or_default();
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
    })
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
        std::fs::write(&key_file, "file-key-abcd\n").unwrap();
        let env = env_of(&[("ALTUR_API_KEY", "env-key-wxyz")]);
        let mut args = GlobalArgs {
            config: Some(path),
            ..GlobalArgs::default()
        };
        let s = Settings::resolve(&args, &env).unwrap();
        assert_eq!(s.api_key().unwrap().expose(), "env-key-wxyz");
        args.api_key_file = Some(key_file);
        let s = Settings::resolve(&args, &env).unwrap();
        assert_eq!(s.api_key().unwrap().expose(), "file-key-abcd");
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
    fn bad_numbers_in_env_are_input_errors() {
        let env = env_of(&[("ALTUR_TIMEOUT", "soon"), ("ALTUR_CONFIG", "/nonexistent")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env).unwrap_err();
        assert_eq!(err.kind, Kind::Input);
        assert!(err.message.contains("ALTUR_TIMEOUT"));
    }
}
