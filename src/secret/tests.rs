use super::*;

#[test]
fn secret_never_formats_its_value() {
    let s = Secret::new("unit-test-key-0001").unwrap();
    assert_eq!(format!("{s} {s:?}"), "[REDACTED] [REDACTED]");
    assert_eq!(s.expose(), "unit-test-key-0001");
    assert_eq!(s.hint(), "…0001");
}

#[test]
fn redact_removes_raw_and_json_escaped_forms() {
    let _ = Secret::new("unit\"quote\\key-0002").unwrap();
    let text = r#"raw unit"quote\key-0002 and json "unit\"quote\\key-0002""#;
    let out = redact(text);
    assert!(!out.contains("key-0002"), "{out}");
}

#[test]
fn short_keys_are_redacted_as_whole_words_only() {
    assert_eq!(
        replace_whole_words("k skipped k, \"k\" kk", "k"),
        "[REDACTED] skipped [REDACTED], \"[REDACTED]\" kk"
    );
    assert_eq!(
        replace_whole_words("key=abc abcd", "abc"),
        "key=[REDACTED] abcd"
    );
}

#[test]
fn keys_with_inner_whitespace_or_controls_are_refused() {
    for bad in [
        "a b-long-enough",
        "tab\tkey-long",
        "nul\0key-long",
        "",
        "   ",
    ] {
        let err = Secret::new(bad).unwrap_err();
        assert_eq!(err.kind, crate::error::Kind::Auth, "{bad:?}");
    }
    assert!(Secret::new("  trimmed-key-0003\n").is_ok());
}

/// The panic hook's report (`error::panic_report`): one line, the key redacted when printed, in debug and release.
#[test]
fn a_panic_report_is_one_redacted_line() {
    let key = "sk-panic-report-7f3a9c2e81d4";
    Secret::new(key).unwrap();
    let payload: Box<dyn std::any::Any + Send> = Box::new(format!("loading the key {key}\nfailed"));
    let report = crate::error::panic_report(payload.as_ref(), Some(std::panic::Location::caller()));
    assert_eq!(report.kind, crate::error::Kind::Internal);
    let printed = redact(&report.message);
    assert!(
        printed.starts_with("internal error at src/secret/tests.rs:")
            && printed.ends_with(": loading the key [REDACTED] failed"),
        "{printed}"
    );
    assert_eq!(
        report.hint.as_deref(),
        Some("this is a bug in altur; please report it")
    );
    let payload: Box<dyn std::any::Any + Send> = Box::new(42);
    assert_eq!(
        crate::error::panic_report(payload.as_ref(), None).message,
        "internal error: unknown panic"
    );
}
