//! Which global options each command takes, and how help shows them: described once, at the
//! top (`altur --help`, `altur help options`), listed by name in one short block under every
//! subcommand, without the ones that command refuses.

use clap::{Arg, Command};

use super::OutputFormat;
use OutputFormat::{Csv, Id, Json, Ndjson, Table};

/// What a command does with the global options. A global option it has no use for is refused
/// (exit 2) rather than silently ignored: see `check_global_options` in `lib.rs`. Each command
/// file says its own (`pub(crate) const POLICY: Policy = Policy::READ;`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
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

impl Policy {
    /// One request, one resource printed: every format but csv, `--jq`, `--dry-run`.
    pub const READ: Policy = Policy {
        dry_run: true,
        formats: &[Table, Json, Ndjson, Id],
        jq: true,
        settings: true,
    };
    /// A list: as [`Policy::READ`], and `-o csv` (`--fields` chooses its columns).
    pub const LIST: Policy = Policy {
        dry_run: true,
        formats: &[Table, Json, Ndjson, Id, Csv],
        jq: true,
        settings: true,
    };
    /// A bulk run (imports, downloads): many requests, so no dry run; NDJSON results that
    /// `--jq` does not filter.
    pub const BULK: Policy = Policy {
        dry_run: false,
        formats: &[Json, Ndjson],
        jq: false,
        settings: true,
    };
    /// The strictest, for a command without a policy of its own: `-o json` (errors as JSON)
    /// and the settings, nothing it might ignore.
    pub const STRICT: Policy = Policy {
        dry_run: false,
        formats: &[Json],
        jq: false,
        settings: true,
    };
    /// A command that reads no settings and sends nothing (completions, the sandbox).
    pub const LOCAL: Policy = Policy {
        dry_run: false,
        formats: &[Json],
        jq: false,
        settings: false,
    };
}

/// Where the help finds a command's policy by its path (`["campaign", "get"]`): the command
/// tree's, which sits above this module.
pub(crate) type PolicyOf = fn(&[&str]) -> Policy;

/// The help heading of the global options, and the command that describes them.
pub(super) const HEADING: &str = "Global options";
const DESCRIBED_BY: &str = "altur help options";

/// `cmd` (the root) with every subcommand's help shaped: the global options are still parsed
/// after any subcommand, but its help lists them by name in one block (only those it takes).
pub(crate) fn shape_help(mut root: Command, policy: PolicyOf) -> Command {
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
        root = root.mut_subcommand(name, |sub| shape(sub, &[], &globals, policy));
    }
    root
}

fn shape(mut cmd: Command, parents: &[&str], globals: &[Arg], policy: PolicyOf) -> Command {
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
    let leaves = leaf_policies(&cmd, &path, policy);
    for name in names {
        let parents: Vec<&str> = path.iter().map(String::as_str).collect();
        cmd = cmd.mut_subcommand(name, |sub| shape(sub, &parents, globals, policy));
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
fn leaf_policies(cmd: &Command, path: &[String], policy: PolicyOf) -> Vec<Policy> {
    if cmd.get_subcommands().next().is_none() {
        let words: Vec<&str> = path.iter().map(String::as_str).collect();
        return vec![policy(&words)];
    }
    cmd.get_subcommands()
        .flat_map(|sub| {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_owned());
            leaf_policies(sub, &path, policy)
        })
        .collect()
}

/// Whether any of `policies` takes the global option `arg`.
fn taken(arg: &Arg, policies: &[Policy]) -> bool {
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
pub(crate) fn inherited_block(globals: &[Arg], policies: &[Policy]) -> String {
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

/// `altur help options`: the global options of `root`, described, as under `altur --help`.
pub fn options_help(root: &Command) -> String {
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
