use super::*;

fn args(words: &[&str]) -> Vec<OsString> {
    std::iter::once("altur")
        .chain(words.iter().copied())
        .map(OsString::from)
        .collect()
}

#[test]
fn raw_option_values_are_found_in_every_spelling_before_the_separator() {
    let value = |words: &[&str]| raw_option_value(&args(words), "--output", Some('o'));
    assert_eq!(value(&["-o", "json"]).as_deref(), Some("json"));
    assert_eq!(value(&["x", "-ojson"]).as_deref(), Some("json"));
    assert_eq!(value(&["-o=id"]).as_deref(), Some("id"));
    assert_eq!(value(&["--output", "table", "y"]).as_deref(), Some("table"));
    assert_eq!(value(&["--output=json"]).as_deref(), Some("json"));
    assert_eq!(value(&["--outputs", "json"]), None);
    assert_eq!(value(&["--", "-o", "json"]), None);
    assert_eq!(value(&["-o"]), None);
    assert!(json_errors_requested(&args(&["enduser", "-o", "json"])));
    assert!(!json_errors_requested(&args(&["enduser"])));
}
