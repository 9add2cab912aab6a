//! Every README snippet marked runnable is executed, so a recipe can never rot.
//!
//! Markers are HTML comments on the line just before a fenced block (invisible on GitHub):
//! - `<!-- runnable -->`: the block runs as a bash script (`set -euo pipefail`) inside
//!   `altur sandbox exec`, so it sees `ALTUR_BASE_URL` and `ALTUR_API_KEY` of a fresh sandbox,
//!   and must exit 0. `<!-- runnable: exit N -->` expects exit code N instead.
//! - `<!-- file: PATH -->`: the block is a file the other snippets use (a script the README
//!   tells the reader to write); it is written, executable, beside every runnable snippet.
//!
//! Each snippet runs in its own empty folder with the built `altur` first on `PATH` and the
//! input files the README's examples name (see [`FIXTURES`]); `RUNNER_TEMP` and
//! `ALTUR_SECRET` stand in for what the GitHub Actions recipe gets from its runner.

use crate::support::Altur;

/// Input files the README's examples read, as a reader would have them.
const FIXTURES: &[(&str, &str)] = &[
    (
        "ada.json",
        "{\"display_name\": \"Ada Lovelace\", \"info\": \"Prefers email\"}\n",
    ),
    ("changes.json", "{\"info\": \"Call after 5pm\"}\n"),
    ("notes/grace.txt", "Prefers short calls.\nSpeaks Spanish.\n"),
    (
        "users.csv",
        "name,info\n\"Lovelace, Ada\",\"Prefers email\nand short calls\"\nGrace Hopper,\n",
    ),
    (
        "export.json",
        "{\"customers\": [{\"display_name\": \"Ada Lovelace\"}, {\"display_name\": \"Grace Hopper\", \"info\": \"VIP\"}]}\n",
    ),
    (
        "customers.csv",
        "name,info\nAda Lovelace,VIP\nGrace Hopper,\n",
    ),
    (
        "users.ndjson",
        "{\"display_name\":\"Ada Lovelace\",\"info\":\"Prefers email\"}\n{\"display_name\":\"Grace Hopper\"}\n",
    ),
];

struct Snippet {
    /// 1-based line of the opening fence, for messages.
    line: usize,
    kind: SnippetKind,
    text: String,
}

enum SnippetKind {
    Run { expected_code: i32 },
    File { path: String },
}

fn readme_snippets() -> Vec<Snippet> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let lines: Vec<&str> = readme.lines().collect();
    let mut snippets = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let marker = lines[index].trim();
        let kind = if let Some(rest) = comment_body(marker, "runnable") {
            let expected_code = match rest.trim().strip_prefix(':') {
                None => 0,
                Some(spec) => spec
                    .trim()
                    .strip_prefix("exit ")
                    .and_then(|code| code.trim().parse().ok())
                    .unwrap_or_else(|| panic!("README line {}: bad marker", index + 1)),
            };
            Some(SnippetKind::Run { expected_code })
        } else {
            comment_body(marker, "file:").map(|path| SnippetKind::File {
                path: path.trim().to_owned(),
            })
        };
        index += 1;
        let Some(kind) = kind else { continue };
        let fence = lines.get(index).copied().unwrap_or_default();
        assert!(
            fence.starts_with("```"),
            "README line {index}: a snippet marker must stand just before a fenced block"
        );
        let line = index + 1;
        let mut text = String::new();
        index += 1;
        while index < lines.len() && !lines[index].starts_with("```") {
            text.push_str(lines[index]);
            text.push('\n');
            index += 1;
        }
        assert!(index < lines.len(), "README line {line}: unclosed block");
        index += 1;
        snippets.push(Snippet { line, kind, text });
    }
    snippets
}

/// The text after `word` in `<!-- word... -->`, if `line` is such a comment.
fn comment_body<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    line.strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim()
        .strip_prefix(word)
}

#[test]
fn every_runnable_readme_snippet_runs_against_the_sandbox() {
    let snippets = readme_snippets();
    let files: Vec<(&str, &str)> = snippets
        .iter()
        .filter_map(|snippet| match &snippet.kind {
            SnippetKind::File { path } => Some((path.as_str(), snippet.text.as_str())),
            SnippetKind::Run { .. } => None,
        })
        .collect();
    let runnable: Vec<&Snippet> = snippets
        .iter()
        .filter(|s| matches!(s.kind, SnippetKind::Run { .. }))
        .collect();
    // The markers themselves could rot: the README has a handful of recipes at least.
    assert!(
        runnable.len() >= 8,
        "only {} runnable snippets found",
        runnable.len()
    );
    for tool in ["bash", "jq", "openssl"] {
        let found = std::process::Command::new("bash")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|out| out.status.success());
        assert!(
            found,
            "the README's snippets need `{tool}`; install it (`.ci/run` does)"
        );
    }
    let mut failures = Vec::new();
    for snippet in runnable {
        let SnippetKind::Run { expected_code } = snippet.kind else {
            unreachable!()
        };
        let mut run = Altur::bash("altur sandbox exec -- bash -euo pipefail ./snippet.sh")
            .env("ALTUR_SECRET", "sandbox")
            .file("snippet.sh", &snippet.text);
        let runner_temp = run.home().join("runner-temp");
        std::fs::create_dir_all(&runner_temp).unwrap();
        run = run.env("RUNNER_TEMP", runner_temp);
        for (name, contents) in FIXTURES.iter().chain(&files) {
            run = run.file(name, contents);
        }
        for (name, _) in &files {
            make_executable(&run.home().join(name));
        }
        let result = run.run();
        if result.code != expected_code {
            failures.push(format!(
                "README line {}: exit {} (expected {expected_code})\n{}--- stdout:\n{}--- stderr:\n{}",
                snippet.line, result.code, snippet.text, result.stdout, result.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}
