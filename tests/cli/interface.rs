//! The command-line interface itself: committed completion scripts and man pages that must not
//! go stale (run with `ALTUR_UPDATE_COMPLETIONS=1` to rewrite both), help-text snapshots, and
//! how usage errors look.

use crate::support::Altur;

mod man;
use man::man_pages;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "altur.bash"),
    ("zsh", "_altur"),
    ("fish", "altur.fish"),
    ("elvish", "altur.elv"),
    ("powershell", "_altur.ps1"),
];

#[test]
fn committed_completions_are_up_to_date() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("ALTUR_UPDATE_COMPLETIONS").is_some();
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let run = Altur::new().args(["completions", shell]).run();
        run.success();
        assert!(run.stdout.contains("enduser"), "{shell}");
        let path = folder.join(file);
        if update {
            std::fs::write(&path, &run.stdout).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(run.stdout.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: run `ALTUR_UPDATE_COMPLETIONS=1 cargo test --test cli interface` and commit"
    );
}

#[test]
fn committed_man_pages_are_up_to_date() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages = man_pages();
    let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    // What a page carries: the long description, options with their values, the exit status
    // and the examples in sections of their own, kept line by line (not refilled).
    for (name, page) in &pages {
        assert!(page.contains(".SH \"EXIT STATUS\"\n"), "{name}");
        assert!(!page.contains(".SH EXTRA"), "{name}");
        assert!(
            page.contains("\n.ad l\n.nh\n"),
            "{name}: justified or hyphenated"
        );
    }
    let page = |name: &str| &pages.iter().find(|(n, _)| n == name).unwrap().1;
    for leaf in leaf_commands() {
        let name = format!("altur-{}.1", leaf.join("-"));
        assert!(page(&name).contains(".SH EXAMPLES\n.nf\naltur "), "{name}");
    }
    let create = page("altur-enduser-create.1");
    assert!(
        create.contains("[\\fB\\-\\-name\\fR \\fINAME\\fR]"),
        "{create}"
    );
    assert!(create.contains("Everything is checked before anything is sent"));
    let import = page("altur-enduser-import.1");
    assert!(
        import.contains("Streaming: records are read"),
        "long description"
    );
    assert!(
        import.contains(".SH \"EXIT STATUS\"\n.nf\n0 every record"),
        "{import}"
    );
    let root = page("altur.1");
    assert!(
        root.contains(".SH \"EXIT STATUS\"\n.nf\n0    success\n1    internal"),
        "{root}"
    );
    for expected in [
        "altur.1",
        "altur-enduser.1",
        "altur-enduser-create.1",
        "altur-auth-login.1",
    ] {
        assert!(names.contains(&expected), "{names:?}");
    }
    if std::env::var_os("ALTUR_UPDATE_COMPLETIONS").is_some() {
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        for (name, page) in &pages {
            std::fs::write(folder.join(name), page).unwrap();
        }
    }
    let mut committed: Vec<String> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    committed.sort();
    let stale: Vec<&str> = pages
        .iter()
        .filter(|(name, page)| {
            std::fs::read_to_string(folder.join(name)).ok().as_deref() != Some(page.as_str())
        })
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        stale.is_empty() && committed == names,
        "stale man pages {stale:?} (committed: {committed:?}): run \
         `ALTUR_UPDATE_COMPLETIONS=1 cargo test --test cli interface` and commit"
    );
}

#[test]
fn unknown_shell_is_a_usage_error() {
    Altur::new().args(["completions", "tcsh"]).run().code(2);
}

/// The help text is part of the interface: review its snapshot when it changes.
#[test]
fn help_texts() {
    for args in [
        vec!["--help"],
        vec!["enduser", "--help"],
        vec!["enduser", "create", "--help"],
        vec!["enduser", "update", "--help"],
    ] {
        let run = Altur::new().args(&args).env("COLUMNS", "100").run();
        run.success();
        insta::assert_snapshot!(args.join("_").replace("--", ""), run.stdout);
    }
}

/// clap's usage errors and ours look alike: `altur: error: ...`, then `altur: hint: ...`.
#[test]
fn usage_errors_have_the_same_style_as_every_other_error() {
    let run = Altur::new().args(["enduser", "create", "--bogus"]).run();
    run.code(2).stdout_empty();
    assert_eq!(
        run.stderr,
        "altur: error: unexpected argument '--bogus' found\n\
         altur: hint: usage: altur enduser create [OPTIONS]; see `altur enduser create --help`\n"
    );
    // clap's tips become hints too.
    let run = Altur::new().args(["enduser", "get", "--bogus"]).run();
    run.code(2);
    assert_eq!(
        run.stderr,
        "altur: error: unexpected argument '--bogus' found\n\
         altur: hint: to pass '--bogus' as a value, use '-- --bogus'; usage: altur enduser get \
         [OPTIONS] <ID>; see `altur enduser get --help`\n"
    );
    let run = Altur::new().args(["enduser", "get"]).run();
    run.code(2);
    assert_eq!(
        run.stderr,
        "altur: error: the following required arguments were not provided: <ID>\n\
         altur: hint: usage: altur enduser get <ID>; see `altur enduser get --help`\n"
    );
}

/// The hint names a command that works: the usage line's leading words, not an option or the
/// `--` separator that follows them.
#[test]
fn usage_hints_name_a_command_that_works() {
    for (args, command) in [
        (vec!["chat", "--agent", "X"], "altur chat"),
        (
            vec!["enduser", "create", "--nme", "x"],
            "altur enduser create",
        ),
        (vec!["sandbox", "exec"], "altur sandbox exec"),
        (
            vec!["call", "start", "--to", "+525512345678"],
            "altur call start",
        ),
    ] {
        let run = Altur::new().args(&args).run();
        run.code(2).stdout_empty();
        let see = format!("; see `{command} --help`\n");
        assert!(run.stderr.ends_with(&see), "{args:?}: {}", run.stderr);
        // ... and that command's help works.
        let words: Vec<&str> = command.split(' ').skip(1).chain(["--help"]).collect();
        Altur::new().args(&words).run().success();
    }
}

/// With an explicit `-o json`, every error is the JSON object, usage errors included, in
/// whichever way `-o json` is written.
#[test]
fn usage_errors_are_json_under_an_explicit_json_output() {
    for output in [
        vec!["-o", "json"],
        vec!["-ojson"],
        vec!["--output", "json"],
        vec!["--output=json"],
    ] {
        let run = Altur::new()
            .args(&output)
            .args(["enduser", "create", "--bogus"])
            .run();
        run.code(2).stdout_empty();
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        let error: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
        assert_eq!(
            error,
            serde_json::json!({"error": {
                "kind": "input",
                "message": "unexpected argument '--bogus' found",
                "hint": "usage: altur enduser create [OPTIONS]; see `altur enduser create --help`",
            }})
        );
    }
    // An invalid value, and our own refusals, alike.
    for args in [
        vec![
            "-o",
            "json",
            "enduser",
            "import",
            "x.csv",
            "--concurrency",
            "0",
        ],
        vec![
            "-o",
            "json",
            "--timeout",
            "100000",
            "enduser",
            "get",
            crate::support::ID,
        ],
        vec!["-o", "json", "--dry-run", "completions", "bash"],
        vec!["-o", "json", "auth"],
    ] {
        let run = Altur::new().args(&args).run();
        run.code(2).stdout_empty();
        let error: serde_json::Value = serde_json::from_str(&run.stderr)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", run.stderr));
        assert_eq!(error["error"]["kind"], "input", "{args:?}");
    }
    let run = Altur::new().args(["-o", "json", "auth"]).run();
    let error: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert_eq!(error["error"]["message"], "a command is required");
    // Without -o json, a missing command prints the help on stderr, as clap does.
    let run = Altur::new().arg("auth").run();
    run.code(2)
        .stdout_empty()
        .stderr_has("Usage: altur auth [OPTIONS] <COMMAND>");
    // Without -o json (even when JSON is the default off a terminal), errors stay text.
    Altur::new()
        .args(["enduser", "create", "--bogus"])
        .run()
        .code(2)
        .stderr_has("altur: error: unexpected argument '--bogus' found\n");
}

#[test]
fn an_out_of_range_timeout_says_the_range() {
    for (flag, value) in [("--timeout", "100000"), ("--timeout", "0")] {
        Altur::new()
            .args([flag, value, "enduser", "get", crate::support::ID])
            .run()
            .code(2)
            .stderr_has(&format!(
                "altur: error: invalid timeout {value}: give a number of seconds above 0 and at \
                 most 86400 (one day)\n"
            ));
    }
    Altur::new()
        .env("ALTUR_RETRIES", "101")
        .args(["enduser", "get", crate::support::ID])
        .run()
        .code(2)
        .stderr_has("altur: error: invalid retries 101: give a number from 0 to 100\n");
}

/// A global option that a command would ignore is refused, so that no one believes a dry run
/// protected them or that `-o id` shaped an output it cannot shape.
#[test]
fn global_options_a_command_would_ignore_are_refused() {
    for (args, says) in [
        (
            vec!["--dry-run", "completions", "bash"],
            "--dry-run does not apply to completions",
        ),
        (
            vec!["completions", "bash", "-o", "table", "--profile", "x"],
            "-o table, --profile do not apply to completions",
        ),
        (
            vec!["--dry-run", "sandbox", "exec", "--", "true"],
            "--dry-run does not apply to sandbox exec",
        ),
        (
            vec!["sandbox", "exec", "--timeout", "5", "--", "true"],
            "--timeout does not apply to sandbox exec",
        ),
        (
            vec!["enduser", "import", "in.ndjson", "-o", "id"],
            "-o id does not apply to enduser import",
        ),
        (
            vec!["auth", "logout", "-o", "id"],
            "-o id does not apply to auth logout",
        ),
        (
            vec!["auth", "status", "-o", "id"],
            "-o id does not apply to auth status",
        ),
    ] {
        Altur::new()
            .args(&args)
            .run()
            .code(2)
            .stdout_empty()
            .stderr_has(&format!("altur: error: {says}\n"));
    }
    // -o json is accepted everywhere: it makes errors JSON.
    Altur::new()
        .args(["-o", "json", "completions", "bash"])
        .run()
        .success();
}

/// `--help` lists every exit code of the contract.
#[test]
fn help_lists_every_exit_code() {
    let run = Altur::new().arg("--help").run();
    run.success();
    let codes: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|line| *line != "Exit codes:")
        .skip(1)
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(
        codes,
        [
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "130"
        ]
    );
    assert!(run.stdout.contains("\nGlobal options:\n"), "{}", run.stdout);
}

/// Every command under `altur` in the clap tree (`altur::command()`), as the words that
/// run it: the leaves, or the groups too.
fn subcommands(groups_too: bool) -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], groups: bool, found: &mut Vec<Vec<String>>) {
        let subcommands: Vec<&clap::Command> = command
            .get_subcommands()
            .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
            .collect();
        if !path.is_empty() && (groups || subcommands.is_empty()) {
            found.push(path.to_vec());
        }
        for sub in subcommands {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_owned());
            walk(sub, &path, groups, found);
        }
    }
    let mut found = Vec::new();
    walk(&altur::command(), &[], groups_too, &mut found);
    found
}

/// Every leaf command, as the words that run it.
fn leaf_commands() -> Vec<Vec<String>> {
    subcommands(false)
}

/// The `Examples:` block that ends a help text, if it does.
fn examples_block(help: &str) -> Option<&str> {
    let (_, block) = help.rsplit_once("\nExamples:\n")?;
    Some(block)
}

/// Every command's help (the leaves and the groups under `altur`), short and long, ends with
/// 1-3 examples that a terminal of 80 columns shows whole (a wrapped example cannot be
/// copied). The tree is walked, so a command added without examples fails here.
#[test]
fn every_command_ends_with_examples() {
    let leaves = subcommands(true);
    assert!(leaves.len() >= 40, "{leaves:?}");
    let mut missing = Vec::new();
    for path in &leaves {
        for flag in ["--help", "-h"] {
            let help = |columns: &str| {
                let run = Altur::new()
                    .args(path)
                    .arg(flag)
                    .env("COLUMNS", columns)
                    .run();
                run.success();
                run.stdout
            };
            let (narrow, wide) = (help("80"), help("200"));
            let Some(block) = examples_block(&narrow) else {
                missing.push(format!(
                    "{} {flag}: no Examples: block at the end",
                    path.join(" ")
                ));
                continue;
            };
            let mut commands = 0;
            let mut continued = false;
            for line in block.lines() {
                if !continued {
                    commands += 1;
                    if !line.starts_with("  ") || !line.contains("altur ") {
                        missing.push(format!(
                            "{} {flag}: not an example: {line:?}",
                            path.join(" ")
                        ));
                    }
                }
                continued = line.ends_with('\\');
            }
            if !(1..=3).contains(&commands) || continued {
                missing.push(format!("{} {flag}: {commands} examples", path.join(" ")));
            }
            if examples_block(&wide) != Some(block) {
                missing.push(format!(
                    "{} {flag}: an example is wrapped at 80 columns",
                    path.join(" ")
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// A subcommand's help lists the global options by name, in one short block, without those
/// the command refuses; `altur --help` and `altur help options` describe them; `-V` is only at
/// the top.
#[test]
fn subcommand_help_lists_global_options_in_one_short_block() {
    for path in leaf_commands() {
        let run = Altur::new().args(&path).arg("--help").run();
        run.success();
        let (_, after) = run
            .stdout
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("{path:?}: no global options block\n{}", run.stdout));
        let block: Vec<&str> = after.lines().take_while(|l| !l.is_empty()).collect();
        assert!((2..=11).contains(&block.len()), "{path:?}: {block:?}");
        assert_eq!(block.last(), Some(&"  (altur help options describes them)"));
        assert!(!run.stdout.contains("--version"), "{path:?}");
        assert!(
            !run.stdout.contains("Trace requests"),
            "{path:?}: described"
        );
        let policy = altur::global_policy(&path.iter().map(String::as_str).collect::<Vec<_>>());
        let listed = block.join(" ");
        assert_eq!(
            listed.contains("--dry-run"),
            policy.dry_run,
            "{path:?}: {listed}"
        );
        assert_eq!(listed.contains("--jq"), policy.jq, "{path:?}: {listed}");
        assert_eq!(
            listed.contains("--profile"),
            policy.settings,
            "{path:?}: {listed}"
        );
    }
    // The two that refuse all but -o json, by name.
    for args in [["completions", "--help"], ["sandbox", "serve --help"]] {
        let run = Altur::new().args(args.join(" ").split(' ')).run();
        for refused in [
            "--profile",
            "--dry-run",
            "--timeout",
            "--base-url",
            "--jq",
            "--verbose",
        ] {
            assert!(
                !run.stdout.contains(refused),
                "{args:?} lists {refused}\n{}",
                run.stdout
            );
        }
    }
    for args in [vec!["--help"], vec!["help", "options"]] {
        let run = Altur::new().args(&args).run();
        run.success();
        for described in [
            "Global options:\n",
            "Trace requests and responses on stderr",
            "ALTUR_* environment variables",
        ] {
            assert!(run.stdout.contains(described), "{args:?}\n{}", run.stdout);
        }
    }
    assert!(
        Altur::new()
            .arg("--help")
            .run()
            .stdout
            .contains("-V, --version")
    );
    Altur::new().arg("-V").run().success();
}

#[test]
fn each_bulk_command_holds_concurrency_to_its_own_range() {
    for (command, max) in [
        (["enduser", "import"], 64),
        (["contact", "import"], 8),
        (["call", "recordings"], 16),
        (["call", "export"], 16),
    ] {
        // --help after the value: clap parses the value first, then prints the help.
        let given = |n: u16| {
            Altur::new()
                .args(command)
                .args(["--concurrency", &n.to_string(), "--help"])
                .run()
        };
        given(max).success();
        given(max + 1)
            .code(2)
            .stderr_has(&format!("not in 1..={max}"));
        given(0).code(2);
    }
}
