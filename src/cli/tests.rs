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

#[test]
fn the_most_specific_policy_row_wins_and_a_command_without_one_gets_the_strictest() {
    assert_eq!(global_policy(&["enduser", "import"]).name, "import");
    assert!(!global_policy(&["enduser", "import"]).dry_run);
    assert!(global_policy(&["enduser", "create"]).dry_run);
    let completions = global_policy(&["completions"]);
    assert_eq!(completions.formats, &[OutputFormat::Json]);
    assert!(!completions.settings && !completions.jq && !completions.dry_run);
    let unknown = global_policy(&["brand", "new"]);
    assert_eq!(unknown.name, "brand new");
    assert_eq!(unknown.formats, &[OutputFormat::Json]);
    assert!(unknown.settings && !unknown.jq && !unknown.dry_run);
}

#[test]
fn the_global_options_block_is_short_and_names_only_what_the_command_takes() {
    let root = command();
    let globals: Vec<clap::Arg> = root
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .cloned()
        .collect();
    let all = globals::inherited_block(&globals, &[global_policy(&["enduser", "create"])]);
    assert!(all.lines().count() <= 12, "{all}");
    assert!(all.contains("-o, --output table|json|ndjson|id") && all.contains("--dry-run"));
    let sandbox = globals::inherited_block(&globals, &[global_policy(&["sandbox", "serve"])]);
    assert_eq!(
        sandbox,
        "Global options:\n  -o json (errors as JSON)\n  (altur help options describes them)"
    );
}
