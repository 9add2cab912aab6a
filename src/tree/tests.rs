use super::*;
use crate::cli::OutputFormat;

#[test]
fn each_command_has_its_own_policy_and_a_path_without_one_gets_the_strictest() {
    assert!(!policy(&["enduser", "import"]).dry_run);
    assert!(policy(&["enduser", "create"]).dry_run);
    assert_eq!(policy(&["campaign", "list"]), Policy::LIST);
    let completions = policy(&["completions"]);
    assert_eq!(completions.formats, &[OutputFormat::Json]);
    assert!(!completions.settings && !completions.jq && !completions.dry_run);
    let unknown = policy(&["brand", "new"]);
    assert_eq!(unknown, Policy::STRICT);
    assert!(unknown.settings && !unknown.jq && !unknown.dry_run);
}

/// Every leaf of the tree finds its verb's policy: none falls back to the strictest by a
/// missing row (a verb the family forgot to list would not parse at all).
#[test]
fn every_leaf_command_is_found_in_its_family() {
    fn walk(command: &clap::Command, path: &mut Vec<String>) {
        let subs: Vec<&clap::Command> = command
            .get_subcommands()
            .filter(|sub| sub.get_name() != "help")
            .collect();
        if subs.is_empty() && !path.is_empty() {
            let words: Vec<&str> = path.iter().map(String::as_str).collect();
            let found = match words.as_slice() {
                ["mcp"] | ["sandbox", ..] => true,
                [family, verb] => family_policy(family, verb).is_some(),
                _ => true,
            };
            assert!(found, "{path:?} has no policy of its own");
        }
        for sub in subs {
            path.push(sub.get_name().to_owned());
            walk(sub, path);
            path.pop();
        }
    }
    walk(&command(), &mut Vec::new());
}

#[test]
fn the_global_options_block_is_short_and_names_only_what_the_command_takes() {
    let root = command();
    let globals: Vec<clap::Arg> = root
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .cloned()
        .collect();
    let all = crate::cli::inherited_block(&globals, &[policy(&["enduser", "create"])]);
    assert!(all.lines().count() <= 12, "{all}");
    assert!(all.contains("-o, --output table|json|ndjson|id") && all.contains("--dry-run"));
    let sandbox = crate::cli::inherited_block(&globals, &[policy(&["sandbox", "serve"])]);
    assert_eq!(
        sandbox,
        "Global options:\n  -o json (errors as JSON)\n  (altur help options describes them)"
    );
}

/// Each operation is the command `altur RESOURCE VERB` of its name, and its summary is that
/// command's `--help` summary, so the tools an assistant sees describe what the CLI does.
#[test]
fn every_operation_is_a_command_with_the_same_summary() {
    let cli = command();
    for operation in crate::registry::OPERATIONS {
        let (resource, verb) = operation.name.split_once('_').unwrap();
        let command = cli
            .find_subcommand(resource)
            .and_then(|c| c.find_subcommand(verb))
            .unwrap_or_else(|| panic!("no `altur {resource} {verb}`"));
        let about = command
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default();
        assert_eq!(about, operation.summary, "{}", operation.name);
    }
}
