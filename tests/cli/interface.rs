//! The command-line interface itself: committed completion scripts that must not go stale (run
//! with `ALTUR_UPDATE_COMPLETIONS=1` to rewrite them) and help-text snapshots.

use crate::support::Altur;

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
