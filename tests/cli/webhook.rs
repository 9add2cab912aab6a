//! `altur webhook` (contract section 18), against known-answer vectors computed independently
//! with Python's `hmac` (`tests/fixtures/webhook/vectors.sh` wrote `vectors.txt`).

use crate::support::Altur;

const BODY: &str = include_str!("../fixtures/webhook/on_call_end.json");
const TEXT_SECRET: &str = include_str!("../fixtures/webhook/secret.txt");
const BASE64_SECRET: &str = include_str!("../fixtures/webhook/secret.b64");
const VECTORS: &str = include_str!("../fixtures/webhook/vectors.txt");

fn vector(name: &str) -> &'static str {
    VECTORS
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("no vector {name}"))
}

/// `altur webhook verify body.json --signature SIG` with the secret in a file.
fn verify(secret: &str, body: &str, signature: &str) -> Altur {
    Altur::new()
        .file("body.json", body)
        .file("secret", secret)
        .args(["webhook", "verify", "body.json", "--secret-file", "secret"])
        .args(["--signature", signature])
}

#[test]
fn each_scheme_and_form_of_the_docs_verifies() {
    let cases = [
        (TEXT_SECRET, "hex_raw", "hex", "raw"),
        (
            BASE64_SECRET,
            "base64_compact_escaped",
            "base64",
            "compact_escaped",
        ),
        (
            BASE64_SECRET,
            "base64_compact_unescaped",
            "base64",
            "compact_unescaped",
        ),
        (BASE64_SECRET, "base64_raw", "base64", "raw"),
        (
            TEXT_SECRET,
            "base64_text_secret",
            "base64",
            "compact_escaped",
        ),
    ];
    for (secret, name, scheme, signed) in cases {
        let run = verify(secret, BODY, vector(name)).run();
        run.success().stdout_is(&format!(
            "{{\n  \"verified\": true,\n  \"scheme\": \"{scheme}\",\n  \"signed\": \"{signed}\"\n}}\n"
        ));
    }
}

#[test]
fn a_changed_body_a_wrong_secret_or_a_truncated_signature_is_exit_10() {
    let signature = vector("base64_compact_escaped");
    let changed = BODY.replacen("\"duration\": 94", "\"duration\": 95", 1);
    assert_ne!(changed, BODY);
    verify(BASE64_SECRET, &changed, signature)
        .run()
        .code(10)
        .stdout_empty()
        .stderr_has("the signature does not match the payload (tried hex and base64)");
    verify("c2VjcmV0LW90aGVy", BODY, signature).run().code(10);
    let truncated = &signature[..signature.len() - 2];
    verify(BASE64_SECRET, BODY, truncated).run().code(10);
    let hex = vector("hex_raw");
    verify(TEXT_SECRET, BODY, &hex[..hex.len() - 1])
        .run()
        .code(10);
    // One changed byte in the raw body breaks the hex scheme, even when the JSON is the same.
    verify(TEXT_SECRET, &format!("{BODY} "), hex).run().code(10);
}

#[test]
fn a_scheme_can_be_required() {
    verify(TEXT_SECRET, BODY, vector("hex_raw"))
        .args(["--scheme", "base64"])
        .run()
        .code(10)
        .stderr_has("(tried base64)");
    verify(BASE64_SECRET, BODY, vector("base64_raw"))
        .args(["--scheme", "base64", "-o", "id"])
        .run()
        .success()
        .stdout_is("base64\n");
}

#[test]
fn the_secret_can_come_from_the_environment_and_the_body_from_stdin() {
    Altur::new()
        .env("ALTUR_WEBHOOK_SECRET", format!("{TEXT_SECRET}\n"))
        .args(["webhook", "verify", "-", "--signature", vector("hex_raw")])
        .args(["-o", "id"])
        .stdin(BODY)
        .run()
        .success()
        .stdout_is("hex\n");
}

#[test]
fn a_plain_text_secret_under_the_base64_scheme_is_noted() {
    verify(TEXT_SECRET, BODY, vector("base64_text_secret"))
        .run()
        .success()
        .stderr_has("the webhook secret is not valid base64");
}

#[test]
fn bad_input_is_exit_2() {
    verify(TEXT_SECRET, BODY, "not a signature!")
        .run()
        .code(2)
        .stderr_has("the signature is neither hex nor base64");
    Altur::new()
        .file("body.json", BODY)
        .args(["webhook", "verify", "body.json", "--signature", "00ff"])
        .run()
        .code(2)
        .stderr_has("no webhook secret");
    verify("  \n", BODY, "00ff")
        .run()
        .code(2)
        .stderr_has("is empty");
    verify(TEXT_SECRET, BODY, "00ff")
        .args(["--scheme", "sha1"])
        .run()
        .code(2);
    Altur::new()
        .file("secret", TEXT_SECRET)
        .args(["webhook", "verify", "missing.json", "--signature", "00ff"])
        .args(["--secret-file", "secret"])
        .run()
        .code(2)
        .stderr_has("cannot read missing.json");
}
