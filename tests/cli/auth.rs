//! `auth login | status | logout` and where the key is read from: through the binary, with the
//! config file checked byte for byte and its permission bits.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::{Altur, ID, KEY, Reply, Server};

/// A config file that shows every kind of layout `login` and `logout` must keep.
const LAYOUT: &str = "\
# altur settings (hand-written)

[profiles.default]   # the main account
api_key = \"old-key-0000\"   # rotated monthly
base_url = \"https://api.altur.io/api/v1.0\"

# staging reads its key from the password manager
[profiles.staging]
api_key_command = \"pass show altur/staging\"
timeout = 5
";

/// A folder holding the config file, kept for the whole test so several runs can share it.
struct ConfigDir {
    dir: tempfile::TempDir,
}

impl ConfigDir {
    fn new() -> ConfigDir {
        ConfigDir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// `<dir>/altur/config.toml`; the `altur` folder does not exist until written.
    fn path(&self) -> PathBuf {
        self.dir.path().join("altur").join("config.toml")
    }

    /// Writes the config file with mode 0600 (and its folder with 0700).
    fn write(&self, text: &str) -> PathBuf {
        let path = self.path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        set_mode(&path, 0o600);
        set_mode(path.parent().unwrap(), 0o700);
        path
    }

    fn read(&self) -> String {
        std::fs::read_to_string(self.path()).unwrap()
    }

    /// Every name in the config folder: a failed write must leave no temporary file behind.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path().parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn altur(&self) -> Altur {
        Altur::new().env("ALTUR_CONFIG", self.path())
    }
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn login_with(config: &ConfigDir, stdin: &str) -> crate::support::Run {
    config
        .altur()
        .args(["auth", "login", "--with-key"])
        .stdin(stdin)
        .run()
}

#[test]
fn login_with_key_creates_a_private_file_and_folder() {
    let config = ConfigDir::new();
    let run = login_with(&config, &format!("{KEY}\n"));
    run.success().stdout_empty();
    assert_eq!(
        run.stderr,
        format!(
            "altur: saved the API key (…81d4) to profile 'default' in {}\n",
            config.path().display()
        )
    );
    assert_eq!(
        config.read(),
        format!("[profiles.default]\napi_key = \"{KEY}\"\n")
    );
    assert_eq!(mode_of(&config.path()), 0o600);
    assert_eq!(mode_of(config.path().parent().unwrap()), 0o700);
    assert_eq!(config.names(), ["config.toml"]);
}

#[test]
fn login_writes_to_the_default_config_path_under_the_config_dir() {
    let altur = Altur::new();
    let path = altur.config_path();
    let run = altur.args(["auth", "login", "--with-key"]).stdin(KEY).run();
    run.success();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("[profiles.default]\napi_key = \"{KEY}\"\n")
    );
    assert_eq!(mode_of(path.parent().unwrap()), 0o700);
}

#[test]
fn login_replaces_the_key_and_keeps_comments_and_other_profiles() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    login_with(&config, &format!("{KEY}\r\n")).success();
    assert_eq!(config.read(), LAYOUT.replace("old-key-0000", KEY));
    assert_eq!(mode_of(&config.path()), 0o600);
}

#[test]
fn login_to_another_profile_appends_it_and_changes_nothing_else() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    config
        .altur()
        .args(["auth", "login", "--with-key", "--profile", "eu team"])
        .stdin(KEY)
        .run()
        .success()
        .stderr_has("to profile 'eu team'");
    assert_eq!(
        config.read(),
        format!("{LAYOUT}\n[profiles.\"eu team\"]\napi_key = \"{KEY}\"\n")
    );

    // ALTUR_PROFILE selects the profile as well; staging keeps its api_key_command.
    config
        .altur()
        .env("ALTUR_PROFILE", "staging")
        .args(["auth", "login", "--with-key"])
        .stdin("staging-key-5678")
        .run()
        .success();
    assert!(
        config.read().contains(
            "[profiles.staging]\napi_key_command = \"pass show altur/staging\"\ntimeout = 5\napi_key = \"staging-key-5678\"\n"
        ),
        "{}",
        config.read()
    );
}

#[test]
fn login_tightens_a_loose_file_to_0600() {
    let config = ConfigDir::new();
    let path = config.write(LAYOUT);
    set_mode(&path, 0o644);
    let run = login_with(&config, KEY);
    run.success();
    let shown = path.display();
    assert_eq!(
        run.stderr,
        format!(
            "altur: warning: {shown} can be read or changed by other users (mode 644); run: chmod 600 '{shown}'\n\
             altur: saved the API key (…81d4) to profile 'default' in {shown}\n\
             altur: {shown} is now readable by you only (mode 600)\n"
        )
    );
    assert_eq!(mode_of(&path), 0o600);
}

#[test]
fn login_refuses_unusable_keys_and_changes_nothing() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    for (input, why) in [
        ("", "the API key is empty"),
        ("  \n", "the API key is empty"),
        ("sk-test part2\n", "whitespace or control characters"),
        ("sk-test\tpart2", "whitespace or control characters"),
        ("sk-test\u{1b}[2Jx", "whitespace or control characters"),
        ("line1\nline2\n", "whitespace or control characters"),
    ] {
        let run = login_with(&config, input);
        run.code(4).stdout_empty().stderr_has(why);
        run.stderr_has("nothing was saved");
        assert_eq!(config.read(), LAYOUT, "{input:?}");
    }
    assert_eq!(config.names(), ["config.toml"]);
}

#[test]
fn login_without_a_terminal_or_with_key_refuses_instead_of_waiting() {
    let config = ConfigDir::new();
    let run = config
        .altur()
        .args(["auth", "login"])
        .stdin(format!("{KEY}\n"))
        .run();
    run.code(2)
        .stdout_empty()
        .stderr_has("stdin is not a terminal")
        .stderr_has("altur auth login --with-key");
    assert!(!config.path().exists());
}

#[test]
fn login_verify_saves_a_key_the_api_accepts() {
    let config = ConfigDir::new();
    let server = Server::new([Reply::json(
        404,
        r#"{"error":404,"message":"EndUser not found"}"#,
    )]);
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["auth", "login", "--with-key", "--verify"])
        .stdin(KEY)
        .run()
        .success();
    let request = server.only_request();
    assert_eq!(request.method, "GET");
    let id = request.path.strip_prefix("/enduser/").unwrap();
    assert!(uuid::Uuid::try_parse(id).is_ok(), "{}", request.path);
    assert_eq!(
        request.header("authorization"),
        Some(format!("api-key {KEY}").as_str())
    );
    assert!(config.read().contains(KEY));
}

#[test]
fn login_verify_refuses_a_key_the_api_rejects() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    for (reply, code, says) in [
        (
            Reply::json(401, format!(r#"{{"error":401,"message":"bad key {KEY}"}}"#)),
            4,
            "the API refused the key (HTTP 401: bad key [REDACTED]); nothing was saved",
        ),
        (
            Reply::json(403, r#"{"error":403,"message":"forbidden"}"#),
            4,
            "the API refused the key",
        ),
        (
            Reply::json(500, "<html>oops</html>"),
            5,
            "cannot verify the key (HTTP 500: <html>oops</html>); nothing was saved",
        ),
    ] {
        let server = Server::new([reply]);
        config
            .altur()
            .env("ALTUR_BASE_URL", server.url())
            .args(["auth", "login", "--with-key", "--verify", "--retries", "0"])
            .stdin(KEY)
            .run()
            .code(code)
            .stdout_empty()
            .stderr_has(says);
        assert_eq!(server.requests().len(), 1);
        assert_eq!(config.read(), LAYOUT);
    }
}

#[test]
fn login_and_logout_refuse_a_corrupt_config_file_and_leave_it_alone() {
    let config = ConfigDir::new();
    let broken = "[profiles.default]\napi_key = \"unterminated\n[profiles.other]\nx = 1\n";
    config.write(broken);
    for args in [vec!["auth", "login", "--with-key"], vec!["auth", "logout"]] {
        let run = config.altur().args(&args).stdin(KEY).run();
        run.code(2)
            .stdout_empty()
            .stderr_has(&format!(
                "config file {} is not valid",
                config.path().display()
            ))
            .stderr_has("line 2");
        // Even when every setting comes from the environment and the settings never read it.
        let run = config
            .altur()
            .env("ALTUR_API_KEY", "env-key-000000000")
            .env("ALTUR_BASE_URL", "https://api.altur.io/api/v1.0")
            .env("ALTUR_TIMEOUT", "5")
            .env("ALTUR_RETRIES", "0")
            .args(&args)
            .stdin(KEY)
            .run();
        run.code(2)
            .stderr_has(&format!(
                "config file {} is not valid",
                config.path().display()
            ))
            .stderr_has("altur does not rewrite a file it cannot parse");
        assert_eq!(config.read(), broken);
    }
    assert_eq!(config.names(), ["config.toml"]);
}

#[test]
fn a_config_path_that_is_a_folder_is_refused() {
    let config = ConfigDir::new();
    std::fs::create_dir_all(config.path()).unwrap();
    for args in [vec!["auth", "login", "--with-key"], vec!["auth", "logout"]] {
        config
            .altur()
            // The settings do not read the file when the environment gives everything.
            .env("ALTUR_API_KEY", "env-key-000000000")
            .env("ALTUR_BASE_URL", "https://api.altur.io/api/v1.0")
            .env("ALTUR_TIMEOUT", "5")
            .env("ALTUR_RETRIES", "0")
            .args(&args)
            .stdin(KEY)
            .run()
            .code(2)
            .stderr_has(&format!(
                "config file {} is a folder",
                config.path().display()
            ));
        // Without them, reading the settings already refuses it.
        config
            .altur()
            .args(&args)
            .stdin(KEY)
            .run()
            .code(2)
            .stderr_has(&format!(
                "cannot read config file {}",
                config.path().display()
            ));
    }
    assert!(config.path().is_dir());
}

#[test]
fn login_follows_a_symlinked_config_and_keeps_the_link() {
    let config = ConfigDir::new();
    let real = config.dir.path().join("dotfiles-config.toml");
    std::fs::write(&real, LAYOUT).unwrap();
    set_mode(&real, 0o600);
    std::fs::create_dir_all(config.path().parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, config.path()).unwrap();
    login_with(&config, KEY).success();
    assert!(
        std::fs::symlink_metadata(config.path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        LAYOUT.replace("old-key-0000", KEY)
    );
}

/// Runs `BINARY --config PATH auth login --with-key` through `wrapper` (which limits what the
/// process may do), with `home` as its home and current folder.
fn login_through(wrapper: &[&str], binary: &Path, config: &Path, home: &Path) -> (i32, String) {
    let run = Altur::program(wrapper[0], &wrapper[1..])
        .arg(binary)
        .arg("--config")
        .arg(config)
        .args(["auth", "login", "--with-key"])
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .current_dir(home)
        .stdin(KEY)
        .run();
    assert_eq!(run.stdout, "");
    assert!(!run.stderr.contains("LEAKCHECK"), "{}", run.stderr);
    (run.code, run.stderr.clone())
}

#[test]
fn a_full_disk_is_an_error_and_the_old_file_survives() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    // A file size limit of 0 makes every write to a file fail (EFBIG), as a full disk would;
    // SIGXFSZ is ignored so the write returns the error instead of killing the process.
    let wrapper = [
        "sh",
        "-c",
        "ulimit -f 0 && trap '' XFSZ && exec \"$@\"",
        "sh",
    ];
    let binary = Path::new(env!("CARGO_BIN_EXE_altur"));
    let (code, stderr) = login_through(&wrapper, binary, &config.path(), config.dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "altur: error: cannot save config file {}: writing: File too large",
            config.path().display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("altur: hint: the config file was not changed\n"),
        "{stderr}"
    );
    assert_eq!(config.read(), LAYOUT);
    assert_eq!(config.names(), ["config.toml"], "no temporary file is left");
}

#[test]
fn a_read_only_folder_is_an_error_and_the_old_file_survives() {
    let config = ConfigDir::new();
    let path = config.write(LAYOUT);
    let folder = path.parent().unwrap();
    // Root ignores permission bits, so as root the run drops to `nobody`, who then owns the
    // file and the read-only folder.
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap();
    let mut binary = PathBuf::from(env!("CARGO_BIN_EXE_altur"));
    let wrapper: Vec<&str> = if root {
        // `nobody` may not be able to reach the build folder (say, under /root): use a copy.
        set_mode(config.dir.path(), 0o755);
        let copy = config.dir.path().join("altur-bin");
        std::fs::copy(&binary, &copy).unwrap();
        set_mode(&copy, 0o755);
        binary = copy;
        std::os::unix::fs::chown(folder, Some(65534), Some(65534)).unwrap();
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        vec![
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
        ]
    } else {
        vec!["env"]
    };
    set_mode(folder, 0o500);
    let (code, stderr) = login_through(&wrapper, &binary, &path, config.dir.path());
    set_mode(folder, 0o700);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "altur: error: cannot save config file {}: creating a temporary file: Permission denied",
            path.display()
        )),
        "{stderr}"
    );
    assert_eq!(config.read(), LAYOUT);
    assert_eq!(config.names(), ["config.toml"]);
}

#[test]
fn logout_removes_only_the_key_of_the_selected_profile() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    let run = config.altur().args(["auth", "logout"]).run();
    run.success().stdout_empty();
    assert_eq!(
        run.stderr,
        format!(
            "altur: removed the API key of profile 'default' from {}\n",
            config.path().display()
        )
    );
    assert_eq!(
        config.read(),
        LAYOUT.replace("api_key = \"old-key-0000\"   # rotated monthly\n", "")
    );
    assert_eq!(mode_of(&config.path()), 0o600);

    // A second logout has nothing to do and does not rewrite the file.
    let before = std::fs::metadata(config.path())
        .unwrap()
        .modified()
        .unwrap();
    let after_first = config.read();
    config
        .altur()
        .args(["auth", "logout"])
        .run()
        .success()
        .stderr_has("profile 'default' has no saved API key");
    assert_eq!(config.read(), after_first);
    assert_eq!(
        std::fs::metadata(config.path())
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
}

#[test]
fn logout_says_what_still_provides_a_key() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    let run = config
        .altur()
        .args(["auth", "logout", "--profile", "staging"])
        .env("ALTUR_API_KEY", KEY)
        .run();
    run.success()
        .stderr_has("profile 'staging' has no saved API key")
        .stderr_has("profile 'staging' still has an api_key_command")
        .stderr_has("ALTUR_API_KEY is set and takes precedence over the config file");
    assert_eq!(config.read(), LAYOUT);

    // No file at all: nothing to remove, nothing created.
    let empty = ConfigDir::new();
    empty
        .altur()
        .args(["auth", "logout"])
        .run()
        .success()
        .stderr_has("nothing to remove");
    assert!(!empty.path().exists());
}

#[test]
fn status_shows_the_config_key_masked() {
    let config = ConfigDir::new();
    config.write(&LAYOUT.replace("old-key-0000", KEY));
    let run = config.altur().args(["auth", "status", "-o", "json"]).run();
    run.success();
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.json(),
        json!({
            "profile": "default",
            "base_url": "https://api.altur.io/api/v1.0",
            "config_path": config.path().display().to_string(),
            "source": "config",
            "key_hint": "…81d4",
            "warnings": [],
        })
    );

    let run = config.altur().args(["auth", "status", "-o", "table"]).run();
    run.success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    for (name, value) in [
        ("profile", "default"),
        ("base URL", "https://api.altur.io/api/v1.0"),
        ("key source", "config (api_key)"),
        ("key", "…81d4"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("│ {name} ")) && l.contains(&format!("┆ {value} "))),
            "{name}: {}",
            run.stdout
        );
    }
    assert!(run.stdout.contains(&config.path().display().to_string()));
}

#[test]
fn status_names_each_source() {
    let config = ConfigDir::new();
    config.write(&format!(
        "[profiles.default]\napi_key = \"{KEY}\"\n[profiles.cmd]\napi_key_command = \"echo cmd-key-abcdef123456\"\nbase_url = \"https://staging.example/api\"\n"
    ));
    let key_file = config.dir.path().join("key.txt");
    std::fs::write(&key_file, "file-key-0000009999\n").unwrap();

    let status = |altur: Altur| altur.args(["auth", "status", "-o", "json"]).run().json();

    let by_command = status(config.altur().args(["--profile", "cmd"]));
    assert_eq!(by_command["source"], "command");
    assert_eq!(by_command["key_hint"], "…3456");
    assert_eq!(by_command["base_url"], "https://staging.example/api");
    assert_eq!(by_command["profile"], "cmd");

    let by_env = status(config.altur().env("ALTUR_API_KEY", "env-key-00007777"));
    assert_eq!(by_env["source"], "env");
    assert_eq!(by_env["key_hint"], "…7777");
    assert_eq!(
        by_env["warnings"],
        json!([
            "ALTUR_API_KEY is set and takes precedence over the key of profile 'default' in the config file"
        ])
    );

    let by_flag = status(
        config
            .altur()
            .env("ALTUR_API_KEY", "env-key-00007777")
            .arg("--api-key-file")
            .arg(&key_file),
    );
    assert_eq!(by_flag["source"], "flag");
    assert_eq!(by_flag["key_hint"], "…9999");
}

#[test]
fn status_without_a_key_prints_the_facts_and_exits_4() {
    let config = ConfigDir::new();
    // The profile exists (an unknown one is refused, exit 2), but holds no key.
    config.write("[profiles.nobody]\n");
    let run = config
        .altur()
        .args(["auth", "status", "-o", "json", "--profile", "nobody"])
        .run();
    run.code(4);
    let warning =
        "no API key configured for profile 'nobody': run `altur auth login`, or set ALTUR_API_KEY";
    assert_eq!(run.stderr, format!("altur: warning: {warning}\n"));
    assert_eq!(
        run.json(),
        json!({
            "profile": "nobody",
            "base_url": "https://api.altur.io/api/v1.0",
            "config_path": config.path().display().to_string(),
            "source": "none",
            "key_hint": null,
            "warnings": [warning],
        })
    );
    let run = config.altur().args(["auth", "status", "-o", "table"]).run();
    run.code(4);
    assert!(
        run.stdout.contains("│ key source  ┆ none "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("│ key         ┆ none "),
        "{}",
        run.stdout
    );

    // A source that fails is named, and the key is said to be unusable.
    config.write("[profiles.default]\napi_key = \"bad key\"\n");
    let run = config.altur().args(["auth", "status", "-o", "table"]).run();
    run.code(4)
        .stderr_has("altur: warning: api_key in the config file: the API key contains whitespace");
    assert!(
        run.stdout
            .contains("│ key         ┆ unusable (see the warning) "),
        "{}",
        run.stdout
    );
}

#[test]
fn status_warns_once_about_a_loose_config_file() {
    let config = ConfigDir::new();
    let path = config.write(&format!("[profiles.default]\napi_key = \"{KEY}\"\n"));
    set_mode(&path, 0o644);
    let warning = format!(
        "{} can be read or changed by other users (mode 644); run: chmod 600 '{}'",
        path.display(),
        path.display()
    );
    let run = config.altur().args(["auth", "status", "-o", "json"]).run();
    run.success();
    assert_eq!(run.stderr, format!("altur: warning: {warning}\n"));
    assert_eq!(run.json()["warnings"], json!([warning]));

    // Any command that reads the file says it, once.
    let server = Server::new([Reply::enduser("Ada")]);
    let run = config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["enduser", "get", ID])
        .run();
    run.success();
    assert_eq!(run.stderr, format!("altur: warning: {warning}\n"));

    // Only regular files: `--config /dev/null` (mode 666) is no key store.
    let run = Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["--config", "/dev/null", "auth", "status"])
        .run();
    run.success();
    assert_eq!(run.stderr, "");
}

#[test]
fn status_reports_a_failing_key_command_and_passes_its_stderr_through() {
    let config = ConfigDir::new();
    config.write(
        "[profiles.default]\napi_key_command = \"sh -c 'echo vault is sealed >&2; exit 3'\"\n",
    );
    let run = config.altur().args(["auth", "status", "-o", "json"]).run();
    run.code(4);
    let warning = "api_key_command failed: 'sh' exited with exit status: 3";
    assert_eq!(
        run.stderr,
        format!("vault is sealed\naltur: warning: {warning}\n")
    );
    assert_eq!(run.json()["source"], "command");
    assert_eq!(run.json()["key_hint"], json!(null));
    assert_eq!(run.json()["warnings"], json!([warning]));
}

#[test]
fn a_key_command_runs_without_a_shell_and_its_output_is_the_key() {
    let config = ConfigDir::new();
    // Without a shell, `$KEY_IN_ENV` is not expanded: the command prints it as it stands.
    config.write("[profiles.default]\napi_key_command = \"echo '$KEY_IN_ENV'\"\n");
    let server = Server::new([Reply::enduser("Ada")]);
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .env("KEY_IN_ENV", "expanded-by-a-shell")
        .args(["enduser", "get", ID])
        .run()
        .success();
    assert_eq!(
        server.only_request().header("authorization"),
        Some("api-key $KEY_IN_ENV")
    );
}

#[test]
fn a_failing_key_command_is_exit_4_and_nothing_is_sent() {
    let config = ConfigDir::new();
    let server = Server::new([]);
    for (command, says) in [
        (
            "false",
            "api_key_command failed: 'false' exited with exit status: 1",
        ),
        (
            "/nonexistent/vault read",
            "api_key_command failed: cannot run '/nonexistent/vault'",
        ),
        ("echo two words", "api_key_command printed an unusable key"),
        (
            "true",
            "api_key_command printed an unusable key: the API key is empty",
        ),
        ("echo 'unclosed", "api_key_command failed: cannot parse it"),
    ] {
        config.write(&format!(
            "[profiles.default]\napi_key_command = {}\n",
            toml_string(command)
        ));
        config
            .altur()
            .env("ALTUR_BASE_URL", server.url())
            .args(["enduser", "get", ID])
            .run()
            .code(4)
            .stdout_empty()
            .stderr_has(says)
            .stderr_has("check the api_key_command of your profile");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn a_key_command_that_hangs_is_stopped_after_10_seconds() {
    let config = ConfigDir::new();
    config.write("[profiles.default]\napi_key_command = \"sleep 60\"\n");
    let server = Server::new([]);
    let started = Instant::now();
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["enduser", "get", ID])
        .run()
        .code(4)
        .stderr_has("api_key_command failed: 'sleep' did not finish within 10 seconds");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(10) && took < Duration::from_secs(30),
        "{took:?}"
    );
    assert!(server.requests().is_empty());
}

#[test]
fn the_key_file_flag_and_env_take_precedence_in_order() {
    let config = ConfigDir::new();
    config.write("[profiles.default]\napi_key = \"config-key-000001\"\n");
    let key_file = config.dir.path().join("key.txt");
    std::fs::write(&key_file, "file-key-000002\n").unwrap();
    let server = Server::new([
        Reply::enduser("a"),
        Reply::enduser("b"),
        Reply::enduser("c"),
    ]);
    let get = |altur: Altur| {
        altur
            .env("ALTUR_BASE_URL", server.url())
            .args(["enduser", "get", ID])
            .run()
            .success();
    };
    get(config.altur());
    get(config.altur().env("ALTUR_API_KEY", "env-key-000003"));
    get(config
        .altur()
        .env("ALTUR_API_KEY", "env-key-000003")
        .arg("--api-key-file")
        .arg(&key_file));
    let keys: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.header("authorization").unwrap().to_owned())
        .collect();
    assert_eq!(
        keys,
        [
            "api-key config-key-000001",
            "api-key env-key-000003",
            "api-key file-key-000002"
        ]
    );

    // A key file that is missing is an authentication error, and nothing is sent.
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .arg("--api-key-file")
        .arg(config.dir.path().join("missing.txt"))
        .args(["enduser", "get", ID])
        .run()
        .code(4)
        .stderr_has("cannot read API key file");
    assert_eq!(server.requests().len(), 3);
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

#[test]
fn login_prompts_on_a_terminal_without_echoing_the_key() {
    use std::io::{Read, Write};
    use std::sync::mpsc;
    let config = ConfigDir::new();
    let typed = "typed-at-the-prompt-4242";
    // `script` gives the binary a pseudo-terminal; what it prints there comes back on stdout.
    // The shell notes which terminal that is, so the test can see when echo is off.
    let tty_file = config.dir.path().join("tty");
    let command = format!(
        "tty > '{}' && exec altur --config '{}' auth login",
        tty_file.display(),
        config.path().display()
    );
    let mut child = Altur::program("script", ["-qec", &command, "/dev/null"])
        .env("HOME", config.dir.path())
        .env("SHELL", "/bin/sh")
        .env_remove("TERM")
        .spawn_with(Stdio::piped(), Stdio::piped(), Stdio::piped());
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0; 1024];
        while let Ok(n @ 1..) = stdout.read(&mut buffer) {
            let _ = tx.send(buffer[..n].to_vec());
        }
    });
    let mut seen = String::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !seen.contains("API key for profile 'default': ") {
        let left = deadline.saturating_duration_since(Instant::now());
        let chunk = rx.recv_timeout(left).expect("the prompt appears");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    // The prompt is printed just before echo is turned off; typing earlier would be echoed
    // (as with ssh or sudo), so wait for the terminal to say echo is off.
    let tty = std::fs::read_to_string(&tty_file).unwrap();
    loop {
        let settings = Command::new("stty")
            .args(["-a", "-F", tty.trim()])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&settings.stdout).contains(" -echo ") {
            break;
        }
        assert!(Instant::now() < deadline, "echo never went off");
        std::thread::yield_now();
    }
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{typed}\n").as_bytes()).unwrap();
    while let Ok(chunk) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success(), "{seen}");
    assert!(!seen.contains(typed), "the key was echoed: {seen}");
    assert!(seen.contains("saved the API key (…4242)"), "{seen}");
    assert_eq!(
        config.read(),
        format!("[profiles.default]\napi_key = \"{typed}\"\n")
    );
    assert_eq!(mode_of(&config.path()), 0o600);
}

#[test]
fn an_unknown_profile_is_refused_except_by_login_which_creates_it() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    let server = Server::new([]);
    let refused = format!(
        "profile 'stagng' (--profile) does not exist in {}; the profiles are: default, staging\n",
        config.path().display()
    );
    for command in [
        vec!["enduser", "get", ID],
        vec!["auth", "status"],
        vec!["auth", "logout"],
    ] {
        config
            .altur()
            .env("ALTUR_BASE_URL", server.url())
            .args(["--profile", "stagng"])
            .args(&command)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(&format!("altur: error: {refused}"))
            .stderr_has("`altur --profile stagng auth login` creates the profile");
    }
    // ALTUR_PROFILE alike, even when every setting comes from the environment.
    config
        .altur()
        .env("ALTUR_PROFILE", "prod")
        .env("ALTUR_API_KEY", KEY)
        .env("ALTUR_BASE_URL", server.url())
        .env("ALTUR_TIMEOUT", "5")
        .env("ALTUR_RETRIES", "0")
        .args(["enduser", "get", ID])
        .run()
        .code(2)
        .stderr_has("profile 'prod' (ALTUR_PROFILE) does not exist");
    // Without a config file, only `default` exists, and it needs no file.
    Altur::new()
        .env("ALTUR_BASE_URL", server.url())
        .args(["--profile", "staging", "enduser", "get", ID])
        .run()
        .code(2)
        .stderr_has("profile 'staging' (--profile) does not exist: there is no config file at");
    assert!(server.requests().is_empty());
    assert_eq!(config.read(), LAYOUT);

    config
        .altur()
        .args(["--profile", "stagng", "auth", "login", "--with-key"])
        .stdin(KEY)
        .run()
        .success();
    assert!(
        config
            .read()
            .ends_with(&format!("[profiles.stagng]\napi_key = \"{KEY}\"\n"))
    );
}

#[test]
fn unknown_or_misplaced_keys_in_the_config_are_refused_by_name() {
    let config = ConfigDir::new();
    let server = Server::new([]);
    let known = "the known keys are api_key, api_key_command, api_key_command_timeout, base_url, \
                 timeout, retries";
    for (text, says) in [
        (
            format!("[profiles.default]\napi-key = \"{KEY}\"\n"),
            format!(
                "unknown key `api-key` in [profiles.default] (did you mean `api_key`?); {known}"
            ),
        ),
        (
            format!("[profiles.default]\napi_key = \"{KEY}\"\ntimout = 5\n"),
            format!("unknown key `timout` in [profiles.default]; {known}"),
        ),
        (
            format!(
                "[profiles.staging]\nbase-url = \"https://x.example\"\n[profiles.default]\napi_key = \"{KEY}\"\n"
            ),
            format!(
                "unknown key `base-url` in [profiles.staging] (did you mean `base_url`?); {known}"
            ),
        ),
        (
            format!("[profiles.default]\napi_key = \"{KEY}\"\ntimeout = \"soon\"\n"),
            "`timeout` in [profiles.default] must be a number of seconds".to_owned(),
        ),
    ] {
        config.write(&text);
        config
            .altur()
            .env("ALTUR_BASE_URL", server.url())
            .args(["enduser", "get", ID])
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(&format!(
                "altur: error: config file {} is not valid: {says}\n",
                config.path().display()
            ));
    }
    // A key above every table belongs to no profile: say where it goes.
    config.write(&format!("api_key = \"{KEY}\"\n"));
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["enduser", "get", ID])
        .run()
        .code(2)
        .stderr_has("`api_key` stands outside a profile table\n")
        .stderr_has("altur: hint: put it under [profiles.default]");
    assert!(server.requests().is_empty());
}

/// A key command that exits while a process it started keeps its stdout open: stopped at the
/// deadline (shortened for the test), exit 4, whatever it printed.
#[test]
fn a_key_command_whose_output_stays_open_is_stopped_at_the_deadline() {
    let config = ConfigDir::new();
    config.write(&format!(
        "[profiles.default]\napi_key_command = \"sh -c 'sleep 30 & echo {KEY}'\"\n\
         api_key_command_timeout = 2\n"
    ));
    let server = Server::new([]);
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["enduser", "get", ID])
        .run()
        .code(4)
        .stdout_empty()
        // Not more precise ("it exited, but its output was still open"): on a loaded machine
        // `sh` may not even have exited at the deadline.
        .stderr_has("altur: error: api_key_command failed: 'sh' did not finish within 2 seconds;");
    assert!(server.requests().is_empty());
}

/// Without a controlling terminal (where no prompt can happen), the command runs in a process
/// group of its own, and the deadline kills the whole group: nothing it started lives on.
#[test]
#[cfg(target_os = "linux")] // setsid(1) and /proc
fn a_key_command_is_killed_with_the_processes_it_started() {
    let config = ConfigDir::new();
    let pid_file = config.dir.path().join("sleeper.pid");
    config.write(&format!(
        "[profiles.default]\napi_key_command = {}\napi_key_command_timeout = 2\n",
        toml_string(&format!(
            "sh -c 'sleep 30 & echo $! > {}; wait'",
            pid_file.display()
        ))
    ));
    let server = Server::new([]);
    // setsid: no controlling terminal, whatever terminal runs the tests.
    let run = Altur::under(&["setsid", "-w"])
        .args(["enduser", "get", ID])
        .env("HOME", config.dir.path())
        .env("ALTUR_CONFIG", config.path())
        .env("ALTUR_BASE_URL", server.url())
        .run();
    let stderr = &run.stderr;
    run.code(4);
    assert!(
        stderr.contains("'sh' did not finish within 2 seconds; it was stopped"),
        "{stderr}"
    );
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let stat = format!("/proc/{}/stat", pid.trim());
    // SIGKILL was sent before altur exited; the kernel may take a moment to finish the process.
    let deadline = Instant::now() + Duration::from_secs(10);
    let alive = || {
        std::fs::read_to_string(&stat).is_ok_and(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
    };
    while alive() && Instant::now() < deadline {
        std::thread::yield_now();
    }
    assert!(!alive(), "the key command's child {pid} still runs");
    assert!(server.requests().is_empty());
}

#[test]
fn dry_run_login_and_logout_change_nothing_and_send_nothing() {
    let config = ConfigDir::new();
    config.write(LAYOUT);
    let server = Server::new([]);
    let run = config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["--dry-run", "auth", "login", "--with-key", "--verify"])
        .stdin(KEY)
        .run();
    run.success().stdout_empty();
    assert_eq!(
        run.stderr,
        format!(
            "altur: dry run: would check the key with GET {}/enduser/<random id> (a 404 accepts it)\n\
             altur: dry run: would save the API key (…81d4) to profile 'default' in {}; nothing was sent or saved\n",
            server.url(),
            config.path().display()
        )
    );
    let run = config.altur().args(["auth", "logout", "--dry-run"]).run();
    run.success().stdout_empty();
    assert_eq!(
        run.stderr,
        format!(
            "altur: dry run: would remove the API key of profile 'default' from {}; nothing was changed\n",
            config.path().display()
        )
    );
    assert_eq!(config.read(), LAYOUT);
    assert_eq!(config.names(), ["config.toml"]);
    assert!(server.requests().is_empty());
    // Into a file that does not exist yet: still nothing written, not even its folder.
    let fresh = ConfigDir::new();
    fresh
        .altur()
        .args(["--dry-run", "auth", "login", "--with-key"])
        .stdin(KEY)
        .run()
        .success();
    assert!(!fresh.path().parent().unwrap().exists());
}

/// Whoever can write the config file chooses the command that prints your key: a profile with
/// `api_key_command` in a file writable by group or others is refused, and nothing runs.
#[test]
fn a_key_command_in_a_file_others_can_write_is_refused() {
    let config = ConfigDir::new();
    let marker = config.dir.path().join("ran");
    let path = config.write(&format!(
        "[profiles.default]\napi_key_command = {}\napi_key_command_timeout = 2\n",
        toml_string(&format!("sh -c 'touch {}; echo {KEY}'", marker.display()))
    ));
    let server = Server::new([Reply::enduser("Ada"), Reply::enduser("Ada")]);
    for mode in [0o620, 0o602] {
        set_mode(&path, mode);
        config
            .altur()
            .env("ALTUR_BASE_URL", server.url())
            .args(["enduser", "get", ID])
            .run()
            .code(4)
            .stdout_empty()
            .stderr_has("can be changed by other users")
            .stderr_has("altur: hint: run: chmod 600 ");
        assert!(!marker.exists(), "the command ran");
    }
    assert!(server.requests().is_empty());
    // Readable by others is still a warning only; once private, the command runs.
    set_mode(&path, 0o644);
    config
        .altur()
        .env("ALTUR_BASE_URL", server.url())
        .args(["enduser", "get", ID])
        .run()
        .success()
        .stderr_has("altur: warning:");
    assert!(marker.exists());
}

/// `auth login --base-url URL --profile P` keeps the URL in the profile: later commands on it
/// go there, and the short-key rule looks at that URL (a sandbox key is fine on loopback).
#[test]
fn login_with_a_base_url_stores_it_in_the_profile() {
    let config = ConfigDir::new();
    let server = Server::new([
        Reply::json(404, r#"{"error":404,"message":"no such EndUser"}"#),
        Reply::enduser("Ada"),
    ]);
    let base = format!("{}/api/v1.0", server.url());
    config
        .altur()
        .args(["auth", "login", "--with-key", "--verify", "--profile", "sb"])
        .args(["--base-url", &base])
        .stdin("sandbox\n")
        .run()
        .success()
        .stderr_has(&format!(
            "saved the API key (…) with base_url {base} to profile 'sb'"
        ));
    assert!(
        config.read().contains(&format!("base_url = \"{base}\"")),
        "{}",
        config.read()
    );
    config
        .altur()
        .args(["--profile", "sb", "enduser", "get", ID])
        .run()
        .success();
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert!(paths[0].starts_with("/api/v1.0/enduser/"), "{paths:?}");
    assert_eq!(paths[1], format!("/api/v1.0/enduser/{ID}"));
}

/// Only `ALTUR_API_KEY=sandbox` and no base URL: the error says where the request would go
/// and how to reach the sandbox, not only that the key is short.
#[test]
fn a_short_key_without_a_base_url_names_production_and_the_sandbox() {
    Altur::new()
        .env("ALTUR_API_KEY", "sandbox")
        .args(["enduser", "get", ID])
        .run()
        .code(4)
        .stdout_empty()
        .stderr_has("would go to the production API (https://api.altur.io/api/v1.0)")
        .stderr_has("altur: hint: for the sandbox, set ALTUR_BASE_URL (or --base-url)");
}

/// `--api-key VALUE` is refused with the three ways to give a key, and the value never shows.
#[test]
fn an_api_key_flag_is_refused_with_the_ways_that_work() {
    for args in [
        vec!["--api-key", KEY, "enduser", "get", ID],
        vec!["enduser", "get", ID, &format!("--api-key={KEY}")],
    ] {
        Altur::new()
            .args(&args)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has("altur: error: altur takes no API key on the command line (--api-key)")
            .stderr_has("set ALTUR_API_KEY, save it with `altur auth login`, or name a file holding it with --api-key-file PATH");
    }
}
