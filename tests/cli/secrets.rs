//! The redaction sweep: every command and failure path, run with the recognisable test key and
//! servers that echo it back anywhere they can. Every `run()` of the harness fails the test if
//! the key (or any part of it marked `LEAKCHECK`) reaches stdout or stderr; these tests add the
//! paths, and check that an echo was there to redact.

use crate::support::{Altur, ID, KEY, Reply, Run, Server};

const REDACTED: &str = "[REDACTED]";

fn echo(status: u16) -> Reply {
    Reply::json(
        status,
        format!(r#"{{"error":{status},"message":"key {KEY} is not allowed here"}}"#),
    )
}

/// An EndUser whose every field holds the key.
fn enduser_echo() -> Reply {
    Reply::json(
        200,
        serde_json::json!({
            "id": ID,
            "display_name": format!("Ada {KEY}"),
            "integration_type": "api",
            "info": format!("multi\nline {KEY} info"),
            KEY: KEY,
        })
        .to_string(),
    )
}

/// Every command that talks to the API, with the arguments that make it valid.
fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["enduser", "create", "--name", "Ada"],
        vec!["enduser", "get", ID],
        vec!["enduser", "update", ID, "--info", "x"],
    ]
}

fn sweep(reply: impl Fn() -> Reply, extra: &[&str], code: i32, check: impl Fn(&Run)) {
    for command in commands() {
        for verbose in [false, true] {
            for output in ["json", "table", "id"] {
                let server = Server::new([reply(), reply(), reply()]);
                let mut altur = Altur::new()
                    .against(&server)
                    .args(&command)
                    .args(["-o", output, "--retries", "0"])
                    .args(extra);
                if verbose {
                    altur = altur.arg("-v");
                }
                let run = altur.run();
                run.code(code);
                check(&run);
                assert!(!server.requests().is_empty());
            }
        }
    }
}

#[test]
fn a_2xx_answer_echoing_the_key_is_printed_redacted_in_every_format() {
    sweep(enduser_echo, &[], 0, |run| {
        if !run.stdout.starts_with(ID) {
            assert!(run.stdout.contains(REDACTED), "{}", run.stdout);
        }
    });
}

#[test]
fn error_answers_echoing_the_key_are_redacted() {
    for (status, code) in [(400, 3), (401, 4), (403, 4), (404, 3), (409, 3), (422, 3)] {
        sweep(
            || echo(status),
            &[],
            code,
            |run| {
                run.stderr_has(&format!("key {REDACTED} is not allowed here"));
            },
        );
    }
}

#[test]
fn server_errors_and_odd_bodies_echoing_the_key_are_redacted() {
    let html = || {
        Reply::with_headers(
            500,
            &[("Content-Type", "text/html")],
            &format!("<html><body><pre>Authorization: api-key {KEY}</pre></body></html>"),
        )
    };
    sweep(html, &[], 5, |run| {
        run.stderr_has(&format!("api-key {REDACTED}"));
    });
    let not_json = || Reply::with_headers(200, &[], &format!("ok {KEY}"));
    sweep(not_json, &[], 5, |run| {
        run.stderr_has(&format!("ok {REDACTED}"));
    });
    // Headers echoing the key, shown by -v.
    let header = || Reply::with_headers(503, &[("X-Echo", KEY), ("Retry-After", "0")], "{}");
    sweep(header, &[], 5, |_| {});
}

#[test]
fn retry_notes_and_rate_limits_echoing_the_key_are_redacted() {
    let limited = || {
        Reply::with_headers(
            429,
            &[("Retry-After", "0"), ("X-Key", KEY)],
            &format!(r#"{{"error":429,"message":"slow down, {KEY}"}}"#),
        )
    };
    for command in commands() {
        let server = Server::new([limited(), limited()]);
        Altur::new()
            .against(&server)
            .args(&command)
            .args(["--retries", "1", "-v", "-o", "json"])
            .run()
            .code(8)
            .stderr_has(&format!("slow down, {REDACTED}; retrying"))
            .stderr_has(&format!("< x-key: {REDACTED}"));
        assert_eq!(server.requests().len(), 2);
    }
}

#[test]
fn timeouts_and_dropped_connections_do_not_print_the_key() {
    for reply in [Reply::Hang, Reply::Drop] {
        for command in commands() {
            let server = Server::new([reply.clone(), reply.clone(), reply.clone()]);
            Altur::new()
                .against(&server)
                .args(&command)
                .args(["--retries", "0", "--timeout", "0.5", "-v"])
                .run()
                .code(7)
                .stderr_has("> authorization: api-key [REDACTED]");
        }
    }
}

#[test]
fn dry_runs_leave_the_key_to_the_shell() {
    for command in commands() {
        let server = Server::new([]);
        let run = Altur::new()
            .against(&server)
            .args(&command)
            .args(["--dry-run", "-v"])
            .run();
        run.success();
        assert!(
            run.stdout
                .contains(r#"--header 'Authorization: api-key '"$ALTUR_API_KEY""#),
            "{}",
            run.stdout
        );
        assert!(server.requests().is_empty());
    }
    // The key typed where a value goes is redacted too.
    let run = Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["enduser", "create", "--dry-run", "--name", KEY])
        .run();
    run.success();
    assert!(
        run.stdout
            .contains(&format!(r#"{{"display_name":"{REDACTED}"}}"#))
    );
}

#[test]
fn input_errors_that_quote_the_key_are_redacted() {
    Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["enduser", "get", KEY])
        .run()
        .code(2)
        .stderr_has(&format!("invalid value '{REDACTED}' for '<ID>'"));
    Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["enduser", "create", "--input", "in.json"])
        .file("in.json", format!(r#"{{"{KEY}": 1}}"#))
        .run()
        .code(2)
        .stderr_has(REDACTED);
}

#[test]
fn keys_from_every_source_are_redacted_when_echoed() {
    let key_file = |altur: Altur| {
        let path = altur.home().join("key.txt");
        altur
            .file("key.txt", format!("{KEY}\n"))
            .arg("--api-key-file")
            .arg(path)
    };
    let config_key = |altur: Altur| {
        let path = altur.config_path();
        altur
            .file(
                ".config/altur/config.toml",
                format!("[profiles.default]\napi_key = \"{KEY}\"\n"),
            )
            .env("ALTUR_CONFIG", path)
    };
    let command_key = |altur: Altur| {
        let path = altur.config_path();
        altur
            .file(
                ".config/altur/config.toml",
                format!("[profiles.default]\napi_key_command = \"echo {KEY}\"\n"),
            )
            .env("ALTUR_CONFIG", path)
    };
    let sources: [&dyn Fn(Altur) -> Altur; 3] = [&key_file, &config_key, &command_key];
    for source in sources {
        let server = Server::new([echo(401)]);
        let run = source(Altur::new().env("ALTUR_BASE_URL", server.url()))
            .args(["enduser", "get", ID, "-v"])
            .run();
        run.code(4)
            .stderr_has(&format!("key {REDACTED} is not allowed"));
        assert_eq!(
            server.only_request().header("authorization"),
            Some(format!("api-key {KEY}").as_str())
        );
    }
}

#[test]
fn unusable_keys_are_refused_without_being_quoted() {
    // Parts of the key either side of the bad character must not show either.
    for bad in [
        format!("{KEY} {KEY}"),
        format!("{KEY}\r\nX-Injected: 1"),
        format!("{KEY}\u{7}"),
        format!("{KEY}é"),
    ] {
        let server = Server::new([]);
        Altur::new()
            .env("ALTUR_BASE_URL", server.url())
            .env("ALTUR_API_KEY", &bad)
            .args(["enduser", "get", ID, "-v"])
            .run()
            .code(4)
            .stderr_has("ALTUR_API_KEY: the API key");
        assert!(server.requests().is_empty());
    }
}

#[test]
fn auth_commands_never_print_the_key() {
    let altur = Altur::new();
    let config = altur.config_path();
    altur
        .args(["auth", "login", "--with-key", "-v"])
        .stdin(format!("{KEY}\n"))
        .env("ALTUR_CONFIG", &config)
        .run()
        .success()
        .stderr_has("(…81d4)");

    for output in ["json", "table"] {
        let run = Altur::new()
            .env("ALTUR_API_KEY", KEY)
            .args(["auth", "status", "-v", "-o", output])
            .run();
        run.success();
        assert!(run.stdout.contains("…81d4"), "{}", run.stdout);
    }
    Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["auth", "logout", "-v"])
        .run()
        .success();
}

#[test]
fn import_results_and_errors_echoing_the_key_are_redacted() {
    let records = "{\"display_name\":\"A\"}\n{\"display_name\":\"B\"}\n{\"display_name\":\"C\"}\n{\"display_name\":7}\n";
    let server = Server::new([
        enduser_echo(),
        echo(409),
        Reply::with_headers(
            500,
            &[("Content-Type", "text/html")],
            &format!("<p>{KEY}</p>"),
        ),
    ]);
    let run = Altur::new()
        .against(&server)
        .file("in.ndjson", records)
        .args(["enduser", "import", "in.ndjson", "--concurrency", "1", "-v"])
        .run();
    run.code(9);
    assert_eq!(server.requests().len(), 3);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[1].contains(&format!("key {REDACTED} is not allowed here")),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(REDACTED), "{}", lines[2]);
}

#[test]
fn a_key_given_to_auth_login_as_an_argument_is_not_quoted_back() {
    let altur = Altur::new();
    let config = altur.config_path();
    let run = altur.args(["auth", "login", KEY]).run();
    run.code(2)
        .stdout_empty()
        .stderr_has("`altur auth login` takes no key on the command line")
        .stderr_has("may now be in your shell history");
    assert!(!config.exists(), "nothing saved");
    // Other usage errors keep clap's message.
    Altur::new()
        .args(["auth", "login", "--bogus"])
        .run()
        .code(2)
        .stderr_has("unexpected argument '--bogus'");
}

/// A config file with a TOML error on the key's own line: the parser's message would quote
/// that line, key included, before the key is known to the redactor. It is reported by line,
/// column and kind of error instead, for every command that reads it.
#[test]
fn a_config_that_does_not_parse_is_reported_without_quoting_it() {
    for (text, place_and_kind) in [
        (
            format!("[profiles.default]\napi_key = {KEY}\n"),
            "at line 2, column 11: string values must be quoted, expected literal string",
        ),
        (
            format!("[profiles.default]\napi_key = \"{KEY}\n"),
            "at line 2, column 42: invalid basic string, expected `\"`",
        ),
        (
            format!("[profiles.default]\napi_key = \"{KEY}\"\napi_key = \"{KEY}\"\n"),
            "at line 3, column 1: duplicate key",
        ),
    ] {
        for command in [
            vec!["enduser", "get", ID],
            vec!["auth", "status"],
            vec!["auth", "login", "--with-key"],
            vec!["auth", "logout"],
        ] {
            let server = Server::new([]);
            let altur = Altur::new();
            let config = altur.config_path();
            let run = altur
                .file(".config/altur/config.toml", &text)
                .env("ALTUR_BASE_URL", server.url())
                .args(&command)
                .stdin("other-key-0000000001\n")
                .run();
            run.code(2).stdout_empty().stderr_has(&format!(
                "altur: error: config file {} is not valid TOML {place_and_kind}\n",
                config.display()
            ));
            assert!(server.requests().is_empty());
        }
    }
}

/// clap's own usage errors quote the arguments: a key pasted where an argument goes is
/// redacted, whichever source (other than `api_key_command`) holds it.
#[test]
fn usage_errors_quoting_the_key_are_redacted() {
    let expected = format!("altur: error: unexpected argument '{REDACTED}' found\n");
    Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["enduser", "get", ID, KEY])
        .run()
        .code(2)
        .stdout_empty()
        .stderr_has(&expected);
    let altur = Altur::new();
    let key_file = altur.home().join("key.txt");
    altur
        .file("key.txt", format!("{KEY}\n"))
        .arg("--api-key-file")
        .arg(&key_file)
        .args(["enduser", "get", ID, KEY])
        .run()
        .code(2)
        .stderr_has(&expected);
    for profile in [None, Some("staging")] {
        let mut altur = Altur::new().file(
            ".config/altur/config.toml",
            format!("[profiles.default]\n\n[profiles.staging]\napi_key = \"{KEY}\"\n"),
        );
        if let Some(profile) = profile {
            altur = altur.env("ALTUR_PROFILE", profile);
        }
        // A mistyped option value quotes the value too.
        altur
            .args(["enduser", "create", "-o", KEY])
            .run()
            .code(2)
            .stderr_has(&format!("altur: error: invalid value '{REDACTED}' for"));
    }
    // Under an explicit -o json, the usage error is the JSON object, redacted as well.
    let run = Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["-o", "json", "enduser", "get", ID, KEY])
        .run();
    run.code(2).stdout_empty();
    let error: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert_eq!(
        error["error"]["message"],
        format!("unexpected argument '{REDACTED}' found")
    );
}

/// A key shorter than 16 characters is refused for any host that is not loopback (where the
/// redactor's whole-word rule for short test keys could otherwise let it through), and works
/// on loopback as before.
#[test]
fn short_keys_are_refused_off_loopback() {
    for base_url in ["https://api.altur.invalid/api/v1.0", "https://10.255.255.1"] {
        Altur::new()
            .env("ALTUR_API_KEY", "short-key-0001")
            .env("ALTUR_BASE_URL", base_url)
            .args(["enduser", "get", ID, "--timeout", "2", "--retries", "0"])
            .run()
            .code(4)
            .stdout_empty()
            .stderr_has(
                "altur: error: the API key is 14 characters long; an Altur API key has at least \
                 16, so it is not sent\n",
            );
    }
    // `auth login` does not save one for such a profile either.
    let altur = Altur::new();
    let config = altur.config_path();
    altur
        .args(["auth", "login", "--with-key"])
        .stdin("short-key-0001\n")
        .run()
        .code(4)
        .stderr_has("the API key is 14 characters long");
    assert!(!config.exists());
    // Loopback: a test key of any length is sent.
    let server = Server::new([Reply::enduser("Ada")]);
    Altur::new()
        .env("ALTUR_BASE_URL", server.url())
        .env("ALTUR_API_KEY", "k1")
        .args(["enduser", "get", ID])
        .run()
        .success();
    assert_eq!(
        server.only_request().header("authorization"),
        Some("api-key k1")
    );
}

/// Base URLs that would send the request somewhere else than written, or the key in clear,
/// or print a password: refused before anything is sent (exit 2).
#[test]
fn base_urls_that_cannot_be_trusted_are_refused() {
    let server = Server::new([]);
    let port = server.port();
    for (base_url, says) in [
        (
            format!("http://127.0.0.1:{port}/api#/v1.0"),
            "it must not have a #fragment",
        ),
        (
            format!("http://127.0.0.1:{port}/api?v=1"),
            "it must not have a query string",
        ),
        (
            format!("http://user:hunter2@127.0.0.1:{port}/api"),
            "it must not hold a user name or password",
        ),
        (
            "https://api.altur.io:99999/api".to_owned(),
            "its port must be a number from 1 to 65535",
        ),
        (
            "https://api.altur.io:0/api".to_owned(),
            "its port must be a number from 1 to 65535",
        ),
        (
            format!("http://evil.localhost:{port}/api"),
            "plain http is allowed only for loopback hosts",
        ),
        (
            format!("http://localhost.evil.example:{port}"),
            "plain http is allowed only for loopback hosts",
        ),
    ] {
        let run = Altur::new()
            .env("ALTUR_API_KEY", KEY)
            .env("ALTUR_BASE_URL", &base_url)
            .args(["enduser", "get", ID, "--retries", "0", "--timeout", "2"])
            .run();
        run.code(2).stdout_empty().stderr_has(says);
        assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    }
    assert!(server.requests().is_empty());
}

/// `HTTPS://` is HTTPS and `HTTP://` to loopback is plain http: the scheme is matched in any
/// case and written in lower case from then on.
#[test]
fn the_scheme_and_host_are_matched_in_any_case() {
    let run = Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args([
            "--base-url",
            "HTTPS://API.Altur.IO/api/v1.0/",
            "auth",
            "status",
            "-o",
            "json",
        ])
        .run();
    run.success();
    assert_eq!(run.json()["base_url"], "https://api.altur.io/api/v1.0");
    let server = Server::new([Reply::enduser("Ada")]);
    Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .env(
            "ALTUR_BASE_URL",
            format!("HTTP://LOCALHOST:{}/api", server.port()),
        )
        .args(["enduser", "get", ID])
        .run()
        .success();
    assert_eq!(server.only_request().path, format!("/api/enduser/{ID}"));
    Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .env("ALTUR_BASE_URL", "HTTP://api.altur.io")
        .args(["enduser", "get", ID])
        .run()
        .code(2)
        .stderr_has("plain http is allowed only for loopback hosts");
}

/// Webhook secrets are registered with the redactor before a usage error is printed, like
/// keys: from `ALTUR_WEBHOOK_SECRET` and from the file of `--secret-file`.
#[test]
fn usage_errors_quoting_the_webhook_secret_are_redacted() {
    let secret = "whsec_SENTINEL_5b1e0c9a7d";
    let expected = format!("altur: error: unexpected argument '{REDACTED}' found\n");
    let run = Altur::new()
        .env("ALTUR_WEBHOOK_SECRET", secret)
        .args(["webhook", "listen", secret])
        .run();
    run.code(2).stdout_empty().stderr_has(&expected);
    assert!(!run.stderr.contains(secret), "{}", run.stderr);
    let altur = Altur::new().file("secret.txt", format!("{secret}\n"));
    let file = altur.home().join("secret.txt");
    let run = altur
        .args(["webhook", "listen", "--secret-file"])
        .arg(&file)
        .arg(secret)
        .run();
    run.code(2).stderr_has(&expected);
    assert!(!run.stderr.contains(secret), "{}", run.stderr);
}
