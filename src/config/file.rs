//! Reading the config file: its `[profiles.NAME]` tables, checked without quoting values, and
//! the permission rules that keep other users from reading the key or choosing its command.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Once;

use crate::error::{Error, Result};

/// The config file's contents that `altur` reads: `[profiles.NAME]` tables and nothing else.
#[derive(Debug, Default)]
pub struct ConfigFile {
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone)]
pub struct Profile {
    pub api_key: Option<String>,
    pub api_key_command: Option<String>,
    /// Seconds `api_key_command` may take (a slow password manager may need more than 10).
    pub api_key_command_timeout: Option<f64>,
    pub base_url: Option<String>,
    pub timeout: Option<f64>,
    pub retries: Option<u32>,
}

/// The keys a profile may have, as the error for an unknown one lists them.
pub const PROFILE_KEYS: [&str; 6] = [
    "api_key",
    "api_key_command",
    "api_key_command_timeout",
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
                    crate::error::for_terminal(key)
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
        let name = crate::error::for_terminal(name);
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
                "timeout" | "api_key_command_timeout" => {
                    let seconds = match value {
                        toml::Value::Integer(i) => *i as f64,
                        toml::Value::Float(f) => *f,
                        _ => return Err(must_be("a number of seconds")),
                    };
                    if key == "timeout" {
                        profile.timeout = Some(seconds);
                    } else {
                        profile.api_key_command_timeout = Some(seconds);
                    }
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
                        crate::error::for_terminal(other),
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

/// Reads the config file and returns the named profile (empty when the file or profile is
/// absent). Its permissions are not looked at: the caller warns about them.
pub fn load_profile(path: &Path, profile: &str) -> Result<Profile> {
    Ok(read_config(path, &|_| {})?
        .and_then(|mut file| file.profiles.remove(profile))
        .unwrap_or_default())
}

/// Parses the config file, `None` when it does not exist. Warns through `warn` (once per run)
/// when its permissions let other users read it.
pub fn read_config(path: &Path, warn: &dyn Fn(&str)) -> Result<Option<ConfigFile>> {
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
    warn_if_loose_permissions(path, warn);
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

/// Warns through `warn` (once per run) if group or others can read the file, like ssh does.
pub fn warn_if_loose_permissions(path: &Path, warn: &dyn Fn(&str)) {
    static WARNED: Once = Once::new();
    if let Some(message) = loose_permissions(path) {
        WARNED.call_once(|| warn(&message));
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

/// The file's permission bits when group or others may write it (a regular file only).
pub(super) fn writable_by_others(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).ok()?;
        let mode = meta.permissions().mode() & 0o777;
        (meta.is_file() && mode & 0o022 != 0).then_some(mode)
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
