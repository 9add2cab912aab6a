//! Which global options each command takes, and how help shows them: described once, at the
//! top (`altur --help`, `altur help options`), listed by name in one short block under every
//! subcommand, without the ones that command refuses.

use clap::{Arg, Command};

use super::OutputFormat;

/// What a command does with the global options. A global option it has no use for is refused
/// (exit 2) rather than silently ignored: see `check_global_options` in `lib.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalPolicy {
    /// The command's name in messages ("--dry-run does not apply to completions").
    pub name: String,
    /// Whether `--dry-run` is honoured.
    pub dry_run: bool,
    /// The output formats that shape what it prints (`-o json` is accepted everywhere, as it
    /// also makes errors JSON).
    pub formats: &'static [OutputFormat],
    /// Whether `--jq` filters what it prints.
    pub jq: bool,
    /// Whether it reads the settings (profile, config, key, base URL, timeout, retries, -v).
    pub settings: bool,
}

/// The policy of the command at `path` (`["enduser", "create"]`), by the most specific row. A
/// command without a row of its own gets the strictest: `-o json` and the settings, nothing it
/// might ignore.
pub fn global_policy(path: &[&str]) -> GlobalPolicy {
    use OutputFormat::{Csv, Id, Json, Ndjson, Table, Transcript};
    const ALL: &[OutputFormat] = &[Table, Json, Ndjson, Id];
    // Lists: -o csv too (`--fields` chooses its columns).
    const LIST: &[OutputFormat] = &[Table, Json, Ndjson, Id, Csv];
    let row = |name: &str, dry_run, formats, jq, settings| GlobalPolicy {
        name: name.to_owned(),
        dry_run,
        formats,
        jq,
        settings,
    };
    match path {
        ["enduser", "import"] => row("import", false, &[Json], false, true),
        ["enduser", ..] => row("enduser", true, ALL, true, true),
        ["auth", "status"] => row("auth status", true, &[Table, Json], true, true),
        ["auth", "login"] => row("auth login", true, &[Json], false, true),
        ["auth", "logout"] => row("auth logout", true, &[Json], false, true),
        ["completions", ..] => row("completions", false, &[Json], false, false),
        ["sandbox", ..] => row("sandbox", false, &[Json], false, false),
        ["webhook", "verify"] => row("webhook verify", false, ALL, true, false),
        ["webhook", "trigger"] => row("webhook trigger", true, &[Json, Ndjson], true, true),
        ["webhook", "listen"] => row("webhook listen", false, &[Json], false, true),
        ["message", "send"] => row("message send", true, ALL, true, true),
        ["message", "list"] => row(
            "message list",
            true,
            &[Table, Json, Ndjson, Csv, Transcript],
            true,
            true,
        ),
        ["thread", ..] => row(
            "thread get",
            true,
            &[Table, Json, Ndjson, Id, Transcript],
            true,
            true,
        ),
        ["chat"] => row("chat", true, &[Table, Json, Ndjson], true, true),
        // `-o` does not apply to `altur api` (contract section 11), but `-o json` makes its
        // errors JSON, as everywhere.
        ["api"] => row("api", true, &[Json], true, true),
        // The NDJSON results of a bulk run are not filtered; it has no dry run.
        ["call", "recordings"] => row("call recordings", false, &[Json, Ndjson], false, true),
        // Like `call recordings`: NDJSON results, no dry run (a run is many requests).
        ["call", "export"] => row("call export", false, &[Json, Ndjson], false, true),
        ["call", "recording"] => row("call recording", true, ALL, false, true),
        ["call", "list"] => row("call list", true, LIST, true, true),
        ["call", ..] => row("call", true, ALL, true, true),
        ["contact", "import"] => row("contact import", false, &[Json], false, true),
        ["contact", "delete"] => row("contact delete", true, &[Json], false, true),
        ["campaign", "list"] => row("campaign list", true, LIST, true, true),
        ["campaign", ..] => row("campaign", true, ALL, true, true),
        ["contact", "list"] => row("contact list", true, LIST, true, true),
        ["contact", ..] => row("contact", true, ALL, true, true),
        // A server on stdio: it prints protocol messages only, and never sends on its own.
        ["mcp"] => row("mcp", false, &[Json], false, true),
        _ => row(&path.join(" "), false, &[Json], false, true),
    }
}

/// The help heading of the global options, and the command that describes them.
pub(super) const HEADING: &str = "Global options";
const DESCRIBED_BY: &str = "altur help options";

/// `cmd` (the root) with every subcommand's help shaped: the global options are still parsed
/// after any subcommand, but its help lists them by name in one block (only those it takes).
pub(super) fn shape_help(mut root: Command) -> Command {
    let globals: Vec<Arg> = root
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .cloned()
        .collect();
    let names: Vec<String> = root
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        root = root.mut_subcommand(name, |sub| shape(sub, &[], &globals));
    }
    root
}

fn shape(mut cmd: Command, parents: &[&str], globals: &[Arg]) -> Command {
    let path: Vec<&str> = parents
        .iter()
        .copied()
        .chain([cmd.get_name()])
        .collect::<Vec<_>>();
    let path: Vec<String> = path.iter().map(|s| (*s).to_owned()).collect();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    let leaves = leaf_policies(&cmd, &path);
    for name in names {
        let parents: Vec<&str> = path.iter().map(String::as_str).collect();
        cmd = cmd.mut_subcommand(name, |sub| shape(sub, &parents, globals));
    }
    // Defined here, a global option is not copied from the parent (clap propagates only what a
    // subcommand lacks); the copy is parsed alike and hidden from this command's help.
    for arg in globals {
        cmd = cmd.arg(arg.clone().hide_short_help(true).hide_long_help(true));
    }
    let block = inherited_block(globals, &leaves);
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{{all-args}}\n\n\
         {block}{{after-help}}"
    ))
}

/// The policies of the leaf commands at or under `cmd`.
fn leaf_policies(cmd: &Command, path: &[String]) -> Vec<GlobalPolicy> {
    if cmd.get_subcommands().next().is_none() {
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        return vec![global_policy(&words)];
    }
    cmd.get_subcommands()
        .flat_map(|sub| {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_owned());
            leaf_policies(sub, &path)
        })
        .collect()
}

/// Whether any of `policies` takes the global option `arg`.
fn taken(arg: &Arg, policies: &[GlobalPolicy]) -> bool {
    policies.iter().any(|p| match arg.get_id().as_str() {
        "output" => true,
        "jq" => p.jq,
        "csv_fields" => p.formats.contains(&OutputFormat::Csv),
        "dry_run" => p.dry_run,
        "verbose" | "profile" | "config" | "api_key_file" | "base_url" | "timeout" | "retries" => {
            p.settings
        }
        _ => true,
    })
}

/// The block under a subcommand's options: each global option it takes, by name and value.
pub(super) fn inherited_block(globals: &[Arg], policies: &[GlobalPolicy]) -> String {
    let mut items = Vec::new();
    for arg in globals.iter().filter(|arg| taken(arg, policies)) {
        let mut item = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => format!("-{short}, --{long}"),
            (None, Some(long)) => format!("--{long}"),
            (Some(short), None) => format!("-{short}"),
            (None, None) => continue,
        };
        if arg.get_id() == "output" {
            let mut formats: Vec<OutputFormat> = Vec::new();
            for p in policies {
                for format in p.formats {
                    if !formats.contains(format) {
                        formats.push(*format);
                    }
                }
            }
            formats.sort_by_key(|f| *f as u8);
            let names: Vec<String> = formats
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value)
                .map(|v| v.get_name().to_owned())
                .collect();
            if names == ["json"] {
                item = "-o json (errors as JSON)".to_owned();
            } else {
                item.push(' ');
                item.push_str(&names.join("|"));
            }
        } else if let Some(values) = arg.get_value_names()
            && arg.get_num_args().is_none_or(|n| n.takes_values())
            && !matches!(arg.get_action(), clap::ArgAction::SetTrue)
        {
            item.push(' ');
            item.push_str(&values.join(" "));
        }
        items.push(item);
    }
    let mut lines = vec![format!("{HEADING}:")];
    let mut line = String::from(" ");
    for item in items {
        if line.len() > 1 && line.len() + 3 + item.len() > 78 {
            lines.push(std::mem::replace(&mut line, String::from(" ")));
        }
        line.push_str(if line.len() > 1 { "   " } else { " " });
        line.push_str(&item);
    }
    lines.push(line);
    lines.push(format!("  ({DESCRIBED_BY} describes them)"));
    lines.join("\n")
}

/// `altur help options`: the global options, described, as under `altur --help`.
pub fn options_help() -> String {
    let root = super::command();
    let mut described = Command::new("altur")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .help_template("{all-args}{after-help}")
        .after_help(super::SETTINGS_HELP);
    for arg in root.get_arguments().filter(|arg| arg.is_global_set()) {
        described = described.arg(arg.clone());
    }
    described.render_long_help().to_string()
}
