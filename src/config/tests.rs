//! Settings resolution, base URLs and config parsing, tested in-process.

use super::*;
use crate::error::Kind;
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
