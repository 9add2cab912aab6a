//! Every README snippet marked runnable is executed, so a recipe can never rot.
//!
//! A marker is an HTML comment on the line just before a fenced block (invisible on GitHub):
//! `<!-- runnable -->`: the block runs as a bash script (`set -euo pipefail`) inside
//! `altur sandbox exec`, so it sees `ALTUR_BASE_URL`, `ALTUR_API_KEY` and
//! `ALTUR_SANDBOX_AGENT_ID` of a fresh sandbox, and must exit 0. `<!-- runnable: exit N -->`
//! expects exit code N instead.
//!
//! Each snippet runs alone in an empty folder with the built `altur` first on `PATH`, in a
//! scrubbed environment: nothing but the snippet is copied there and no variable but the
//! sandbox's is set, so a snippet that reads a file must create it, as a reader copying it
//! would have to.

use crate::support::Altur;

struct Snippet {
    /// 1-based line of the opening fence, for messages.
    line: usize,
    kind: SnippetKind,
    text: String,
}

enum SnippetKind {
    Run { expected_code: i32 },
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
            // A file the other snippets read would be copied beside them: not what a reader
            // gets. Each snippet writes what it reads.
            assert!(
                comment_body(marker, "file:").is_none(),
                "README line {}: snippets create their own files; no `file:` markers",
                index + 1
            );
            None
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
    let runnable: Vec<&Snippet> = snippets.iter().collect();
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
        let SnippetKind::Run { expected_code } = snippet.kind;
        // A snippet that hangs fails here instead of hanging the suite.
        let run =
            Altur::bash("timeout -k 5 300 altur sandbox exec -- bash -euo pipefail ./snippet.sh")
                .file("snippet.sh", &snippet.text);
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

/// The README's exit-code table has the codes `altur --help` lists, in the same order.
#[test]
fn readme_exit_codes_are_the_ones_help_lists() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table: Vec<String> = readme
        .lines()
        .skip_while(|line| *line != "## Exit codes")
        .skip(1)
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .filter_map(|line| line.split('|').nth(1).map(|code| code.trim().to_owned()))
        .collect();
    let help = Altur::new().arg("--help").run();
    let listed: Vec<String> = help
        .stdout
        .lines()
        .skip_while(|line| *line != "Exit codes:")
        .skip(1)
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(listed.len() >= 13, "{listed:?}");
    assert_eq!(table, listed);
}
