//! The guarantee sweep (issue 18): every leaf command of the clap tree, run with minimal valid
//! arguments against a server that echoes the API key and a webhook-secret sentinel in every
//! answer. Whatever a command does with such answers, neither secret reaches stdout or stderr;
//! under `-o json` a failure is one JSON error object; `--dry-run` sends nothing where the
//! command has a dry run and is refused (exit 2) where it has none; a closed stdout ends a
//! single result quietly (exit 0) and a bulk run with its summary (exit 130); Ctrl-C while the
//! server holds a request open ends the command with 130 and "interrupted" in the run's error
//! format (text, or one JSON object under `-o json`).
//!
//! Every leaf of the clap tree is swept: the table below holds the commands that need more
//! than a sample value for each required argument (input files, stdin, servers, bulk runs);
//! every other leaf gets a default row from its clap arguments and its policy, so a command
//! added to the tree is swept without a row of its own.

use std::collections::BTreeSet;

use crate::support::{Altur, HandlerServer, ID, KEY, Recorded, Reply};

/// A webhook secret that must never be printed, as `ALTUR_WEBHOOK_SECRET` gives it.
const SECRET: &str = "whsec_SWEEP_SENTINEL_4c1d9e";

/// Whether `--dry-run` applies to a command (the policy of `lib::check_global_options`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum DryRun {
    /// It prints what it would do and sends nothing.
    Sends0,
    /// It has no dry run: `--dry-run` is refused with exit 2.
    Refused,
}

/// What a command does when its stdout is a closed pipe (contract section 20).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Closed {
    /// A single result: exit 0, quietly (no error on stderr).
    Quiet0,
    /// A bulk run: it finishes what is in flight, prints its summary on stderr, exits 130.
    Bulk130,
    /// Not asserted here: the command writes nothing to stdout in this run (it fails before,
    /// or serves until stopped).
    Unchecked,
}

/// What SIGINT does while the server holds the command's first request open (contract
/// section 20, "Interruption").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CtrlC {
    /// A single request: the command ends at once with 130 and "interrupted".
    Exit130,
    /// A bulk run: it stops taking records, finishes the request in flight (answered once the
    /// signal is sent), prints its summary and ends with 130.
    Stop130,
    /// Like `Exit130`, but its error is text even under `-o json`: its Ctrl-C handler is its
    /// own, not the session's (contract section 20 asks for the JSON object there too).
    Exit130Text,
    /// A bulk run whose first request is a listing: it finishes that request (answered once
    /// the signal is sent), starts nothing more and ends with 130.
    Finish130,
    /// It sends no request in this run (it reads a file, serves, or prints).
    NoRequest,
}

/// One leaf command: its words, the arguments that make a minimal valid run (`{url}` is the
/// server's URL, `{port}` its port), the files it reads, its stdin, its dry-run policy, what
/// it does when stdout is closed, and what Ctrl-C does while its request is in flight.
struct Row {
    words: &'static str,
    args: &'static [&'static str],
    files: &'static [(&'static str, &'static str)],
    stdin: &'static str,
    dry_run: DryRun,
    closed_stdout: Closed,
    ctrl_c: CtrlC,
}

const fn row(words: &'static str, args: &'static [&'static str], dry_run: DryRun) -> Row {
    Row {
        words,
        args,
        files: &[],
        stdin: "",
        dry_run,
        closed_stdout: Closed::Quiet0,
        ctrl_c: CtrlC::Exit130,
    }
}

const AGENT: &str = "agt_sweep";

/// The commands a default row cannot run: they need options, input files, stdin or a
/// behaviour of their own (bulk runs, servers, prompts).
fn explicit_rows() -> Vec<Row> {
    use DryRun::{Refused, Sends0};
    vec![
        row("enduser create", &["--name", "Ada"], Sends0),
        row("enduser update", &[ID, "--name", "Ada"], Sends0),
        Row {
            files: &[("users.ndjson", "{\"display_name\":\"Ada\"}\n")],
            closed_stdout: Closed::Bulk130,
            ctrl_c: CtrlC::Stop130,
            ..row("enduser import", &["users.ndjson"], Refused)
        },
        row(
            "message send",
            &["--agent", AGENT, "--enduser", ID, "--content", "hi"],
            Sends0,
        ),
        Row {
            stdin: "hello\n",
            ..row("chat", &["--agent", AGENT, "--enduser", ID], Sends0)
        },
        row(
            "call start",
            &["--agent", AGENT, "--to", "+525512345678"],
            Sends0,
        ),
        row("call wait", &["cll_1", "--interval", "0.05"], Sends0),
        row("call recording", &["cll_1", "--file", "rec.mp3"], Sends0),
        Row {
            ctrl_c: CtrlC::Finish130,
            closed_stdout: Closed::Bulk130,
            ..row(
                "call recordings",
                &["--campaign", "1", "--dir", "recs"],
                Refused,
            )
        },
        Row {
            ctrl_c: CtrlC::Finish130,
            closed_stdout: Closed::Bulk130,
            ..row(
                "call export",
                &["--campaign", "1", "--dir", "out", "--with", "transcripts"],
                Refused,
            )
        },
        row(
            "campaign create",
            &[
                "--name",
                "Sweep",
                "--agent",
                AGENT,
                "--integration-id",
                "int_1",
                "--channel",
                "phone_call",
            ],
            Sends0,
        ),
        row("campaign update", &["1", "--name", "Sweep"], Sends0),
        row(
            "contact add",
            &["--campaign", "1", "--phone", "+525512345678"],
            Sends0,
        ),
        Row {
            files: &[("contacts.csv", "phone_number\n+525512345678\n")],
            closed_stdout: Closed::Bulk130,
            ctrl_c: CtrlC::Stop130,
            ..row(
                "contact import",
                &["--campaign", "1", "contacts.csv"],
                Refused,
            )
        },
        Row {
            files: &[("body.json", "{\"event\":\"on_call_end\"}")],
            closed_stdout: Closed::Unchecked,
            ctrl_c: CtrlC::NoRequest,
            ..row(
                "webhook verify",
                &["body.json", "--signature", "00"],
                Refused,
            )
        },
        row(
            "webhook trigger",
            &["on_call_end", "--url", "{url}/hook"],
            Sends0,
        ),
        // Bound to the echo server's own port, so it fails at once instead of serving forever.
        Row {
            closed_stdout: Closed::Unchecked,
            ctrl_c: CtrlC::NoRequest,
            ..row("webhook listen", &["--listen", "127.0.0.1:{port}"], Refused)
        },
        row("api", &["/campaigns"], Sends0),
        Row {
            stdin: "sk-sweep-other-key-0123456789\n",
            ctrl_c: CtrlC::NoRequest,
            ..row("auth login", &["--with-key"], Sends0)
        },
        Row {
            ctrl_c: CtrlC::NoRequest,
            ..row("auth status", &[], Sends0)
        },
        Row {
            ctrl_c: CtrlC::NoRequest,
            ..row("auth logout", &[], Sends0)
        },
        Row {
            closed_stdout: Closed::Unchecked,
            ctrl_c: CtrlC::NoRequest,
            ..row("sandbox serve", &["--listen", "127.0.0.1:{port}"], Refused)
        },
        Row {
            ctrl_c: CtrlC::NoRequest,
            ..row("sandbox exec", &["--", "true"], Refused)
        },
        Row {
            ctrl_c: CtrlC::NoRequest,
            ..row("completions", &["bash"], Refused)
        },
        // A server on stdio: stdin at its end before `initialize` ends it with exit 0, and it
        // writes nothing.
        Row {
            closed_stdout: Closed::Unchecked,
            ctrl_c: CtrlC::NoRequest,
            ..row("mcp", &[], Refused)
        },
    ]
}

/// Every leaf of the clap tree, as words (`campaign get`), help excluded.
fn leaf_commands() -> BTreeSet<String> {
    fn walk(command: &clap::Command, prefix: &str, leaves: &mut BTreeSet<String>) {
        let children: Vec<&clap::Command> = command
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .collect();
        if children.is_empty() {
            leaves.insert(prefix.trim().to_owned());
        }
        for child in children {
            walk(child, &format!("{prefix} {}", child.get_name()), leaves);
        }
    }
    let mut command = altur::command();
    command.build();
    let mut leaves = BTreeSet::new();
    for child in command.get_subcommands().filter(|c| c.get_name() != "help") {
        walk(child, child.get_name(), &mut leaves);
    }
    leaves
}

#[test]
fn every_explicit_row_is_a_leaf_command_and_every_default_row_parses() {
    let leaves = leaf_commands();
    let stale: Vec<&str> = explicit_rows()
        .iter()
        .map(|r| r.words)
        .filter(|words| !leaves.contains(*words))
        .collect();
    assert!(stale.is_empty(), "remove the rows of {stale:?}");
    // A default row is a valid command line: its dry run succeeds (exit 0), while a missing
    // or refused argument would be a usage error.
    let explicit: BTreeSet<&str> = explicit_rows().iter().map(|r| r.words).collect();
    let defaults: Vec<Row> = rows()
        .into_iter()
        .filter(|r| !explicit.contains(r.words) && r.dry_run == DryRun::Sends0)
        .collect();
    assert!(defaults.len() >= 10, "{}", defaults.len());
    for row in defaults {
        let mut args: Vec<&str> = row.words.split(' ').collect();
        args.extend(row.args.iter().copied());
        crate::support::Altur::new()
            .args(&args)
            .arg("--dry-run")
            .run()
            .success();
    }
}

/// Every leaf command of the clap tree: its explicit row, or else a default one (the command
/// with a sample value for each required argument, its dry run as its policy says), so that a
/// command added to the tree is swept without a row of its own.
fn rows() -> Vec<Row> {
    let mut rows = explicit_rows();
    let command = altur::command();
    for leaf in leaf_commands() {
        if rows.iter().any(|r| r.words == leaf) {
            continue;
        }
        let path: Vec<&str> = leaf.split(' ').collect();
        let mut sub = &command;
        for word in &path {
            sub = sub.find_subcommand(word).expect("a leaf of the tree");
        }
        let args = sample_arguments(&path, sub);
        let dry_run = if altur::global_policy(&path).dry_run {
            DryRun::Sends0
        } else {
            DryRun::Refused
        };
        let words: &'static str = Box::leak(leaf.into_boxed_str());
        let args: &'static [&'static str] = Box::leak(
            args.into_iter()
                .map(|a| &*Box::leak(a.into_boxed_str()))
                .collect::<Vec<&'static str>>()
                .into_boxed_slice(),
        );
        rows.push(row(words, args, dry_run));
    }
    rows
}

/// A sample value for each required argument of `command` (at `path`): positive integers for
/// campaign and contact ids, a UUID for EndUsers, an opaque id for the rest.
fn sample_arguments(path: &[&str], command: &clap::Command) -> Vec<String> {
    let mut args = Vec::new();
    for arg in command.get_arguments().filter(|a| a.is_required_set()) {
        let name = arg.get_id().as_str();
        let value = match (path[0], name) {
            (_, "campaign" | "contact_id") | ("campaign", "id") => "1".to_owned(),
            ("enduser", _) => ID.to_owned(),
            _ => "x_sweep1".to_owned(),
        };
        if let Some(long) = arg.get_long() {
            args.push(format!("--{long}"));
        }
        args.push(value);
    }
    args
}

/// An answer that holds both secrets wherever a command might print from: names, messages,
/// statuses, ids of every resource shape, and the error message of a refusal.
fn echo(refuse: bool) -> impl Fn(usize, &Recorded) -> Reply {
    move |_, request| {
        let echoed = format!("{KEY} {SECRET}");
        if refuse {
            return Reply::json(
                400,
                serde_json::json!({
                    "error": "INVALID_REQUEST",
                    "message": format!("bad request from {echoed}"),
                    "field": echoed,
                })
                .to_string(),
            );
        }
        let call = serde_json::json!({
            "id": "cll_1", "status": "ended", "answered_by": echoed, "duration": 3,
        });
        let campaign = serde_json::json!({"id": 1, "name": echoed, "status": "active"});
        let body = serde_json::json!({
            "id": if request.path.contains("enduser") { ID.to_owned() } else { "cll_1".to_owned() },
            "display_name": echoed,
            "info": echoed,
            "status": "ended",
            "success": true,
            "thread_id": "thr_1",
            "messages": [{"type": "text", "content": echoed, "sent_by": "agent"}],
            "replies": [{"type": "text", "content": echoed}],
            "campaign": campaign,
            "campaigns": [campaign],
            "calls": [call],
            "contact": {"id": 7, "phone_number": "+525512345678", "status": echoed},
            "contacts": [{"id": 7, "phone_number": "+525512345678", "status": echoed}],
            "pagination": {"has_next": false, "has_more": false},
            "summary": {"created": 1, "failed": 0, "skipped_duplicate": 0},
            "results": [{"status": "created", "id": 7, "message": echoed}],
            "recording_url": format!("/call/cll_1/recording?k={KEY}"),
        });
        Reply::with_headers(
            200,
            &[("Content-Type", "application/json"), ("X-Echo", &echoed)],
            &body.to_string(),
        )
    }
}

/// The words and arguments of a row, with `extra` global options inserted before a `--` that
/// ends the command's own arguments.
fn command_line(row: &Row, server: &HandlerServer, extra: &[&str]) -> Vec<String> {
    let port = server.url().rsplit(':').next().unwrap().to_owned();
    let mut args: Vec<String> = row
        .words
        .split(' ')
        .map(str::to_owned)
        .chain(
            row.args
                .iter()
                .map(|a| a.replace("{url}", &server.url()).replace("{port}", &port)),
        )
        .collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    args.splice(split..split, extra.iter().map(|e| e.to_string()));
    args
}

/// One run of a row: the binary in a scrubbed home with both secrets in its environment.
fn run(row: &Row, server: &HandlerServer, extra: &[&str]) -> crate::support::Run {
    let mut altur = Altur::new()
        .env("ALTUR_BASE_URL", server.url())
        .env("ALTUR_API_KEY", KEY)
        .env("ALTUR_WEBHOOK_SECRET", SECRET);
    for (name, contents) in row.files {
        altur = altur.file(name, contents);
    }
    altur
        .args(command_line(row, server, extra))
        .stdin(row.stdin)
        .run()
}

fn assert_no_secret(row: &Row, what: &str, run: &crate::support::Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            !text.contains(KEY) && !text.contains(SECRET),
            "{} ({what}): a secret reached {name}:\n{text}",
            row.words
        );
    }
}

/// Under `-o json`, a failing run ends with one JSON error object on stderr, and no error
/// is printed as text.
fn assert_json_error(row: &Row, what: &str, run: &crate::support::Run) {
    if run.code == 0 {
        return;
    }
    let last = run.stderr.lines().last().unwrap_or_default();
    let error: serde_json::Value = serde_json::from_str(last).unwrap_or_else(|e| {
        panic!(
            "{} ({what}, exit {}): the last stderr line is not JSON ({e}):\n{}",
            row.words, run.code, run.stderr
        )
    });
    assert!(
        error["error"]["kind"].is_string() && error["error"]["message"].is_string(),
        "{} ({what}): {last}",
        row.words
    );
    assert!(
        !run.stderr.contains("altur: error:"),
        "{} ({what}): a text error under -o json:\n{}",
        row.words,
        run.stderr
    );
}

#[test]
fn no_command_prints_an_echoed_key_or_webhook_secret() {
    for (refuse, json) in [(false, true), (true, true), (true, false)] {
        let what = match (refuse, json) {
            (false, _) => "answered",
            (true, true) => "refused, -o json",
            (true, false) => "refused, text",
        };
        for row in rows() {
            let server = HandlerServer::new(echo(refuse));
            let output: &[&str] = if json { &["-o", "json"] } else { &[] };
            let run = run(&row, &server, output);
            assert_no_secret(&row, what, &run);
            if json {
                assert_json_error(&row, what, &run);
            }
        }
    }
}

#[test]
fn dry_run_sends_nothing_or_is_refused() {
    for row in rows() {
        let server = HandlerServer::new(echo(false));
        let run = run(&row, &server, &["--dry-run"]);
        assert_no_secret(&row, "dry run", &run);
        match row.dry_run {
            DryRun::Sends0 => assert_eq!(
                run.code, 0,
                "{}: --dry-run failed:\n{}",
                row.words, run.stderr
            ),
            DryRun::Refused => {
                assert_eq!(
                    run.code, 2,
                    "{}: --dry-run was not refused:\n{}",
                    row.words, run.stderr
                );
                assert!(
                    run.stderr.contains("--dry-run"),
                    "{}: {}",
                    row.words,
                    run.stderr
                );
            }
        }
        assert!(
            server.requests().is_empty(),
            "{}: --dry-run sent {:?}",
            row.words,
            server
                .requests()
                .iter()
                .map(|r| format!("{} {}", r.method, r.path))
                .collect::<Vec<_>>()
        );
    }
}

/// A stdout whose reader has gone (`| head -1` after its line): a single result exits 0
/// quietly, a bulk run finishes, summarises on stderr and exits 130.
#[test]
fn a_closed_stdout_is_quiet_for_one_result_and_130_for_a_bulk_run() {
    use std::io::Write;
    use std::process::Stdio;
    for row in rows() {
        if row.closed_stdout == Closed::Unchecked {
            continue;
        }
        let server = HandlerServer::new(echo(false));
        let home = tempfile::tempdir().unwrap();
        for (name, contents) in row.files {
            std::fs::write(home.path().join(name), contents).unwrap();
        }
        let mut child = Altur::new()
            .against_url(&server.url())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("ALTUR_WEBHOOK_SECRET", SECRET)
            .current_dir(home.path())
            .args(command_line(&row, &server, &[]))
            .spawn_with(Stdio::piped(), Stdio::piped(), Stdio::piped());
        // The reader is gone before the command writes its first byte.
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(row.stdin.as_bytes());
        drop(stdin);
        let output = child.finish();
        let stderr = output.stderr.clone();
        assert!(
            !stderr.contains(KEY) && !stderr.contains(SECRET),
            "{}: {stderr}",
            row.words
        );
        match row.closed_stdout {
            Closed::Quiet0 => {
                assert_eq!(Some(output.code), Some(0), "{}: {stderr}", row.words);
                assert!(!stderr.contains("altur: error"), "{}: {stderr}", row.words);
            }
            Closed::Bulk130 => {
                assert_eq!(Some(output.code), Some(130), "{}: {stderr}", row.words);
                assert!(
                    ["created", "downloaded", "exported"]
                        .iter()
                        .any(|summary| stderr.contains(summary)),
                    "{}: no summary: {stderr}",
                    row.words
                );
            }
            Closed::Unchecked => unreachable!(),
        }
    }
}

/// A server that holds every request open until [`Held::release`], then answers as [`echo`]
/// does; it counts the requests that arrived, so a test knows when one is in flight.
struct Held {
    server: HandlerServer,
    arrived: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    gate: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>,
}

impl Held {
    fn new() -> Held {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::{Arc, Condvar, Mutex};
        let arrived = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let answer = echo(false);
        let server = {
            let (arrived, gate) = (arrived.clone(), gate.clone());
            HandlerServer::new(move |index, request| {
                arrived.fetch_add(1, Ordering::SeqCst);
                let (open, released) = &*gate;
                let mut open = open.lock().unwrap();
                while !*open {
                    open = released.wait(open).unwrap();
                }
                answer(index, request)
            })
        };
        Held {
            server,
            arrived,
            gate,
        }
    }

    fn arrived(&self) -> usize {
        self.arrived.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn release(&self) {
        let (open, released) = &*self.gate;
        *open.lock().unwrap() = true;
        released.notify_all();
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.release();
    }
}

/// A bulk row's input made long (200 records, sent one at a time), so that a run the signal
/// did not stop would be seen sending them all.
fn long_input(row: &Row) -> (Vec<(&'static str, String)>, &'static [&'static str]) {
    match row.words {
        "enduser import" => (
            vec![(
                "users.ndjson",
                "{\"display_name\":\"Ada\"}\n".repeat(LONG_INPUT),
            )],
            &["--concurrency", "1"],
        ),
        "contact import" => {
            let phones: String = (0..LONG_INPUT).map(|i| format!("+5255{i:08}\n")).collect();
            (
                vec![("contacts.csv", format!("phone_number\n{phones}"))],
                &["--concurrency", "1", "--batch-size", "1"],
            )
        }
        other => panic!("{other}: no long input for this bulk command"),
    }
}

const LONG_INPUT: usize = 200;

/// SIGINT (or SIGTERM) while the server holds the command's request open: 130, "interrupted" as text or
/// as one JSON object under `-o json`, and never a secret. A bulk run finishes the request in
/// flight first (the server then answers everything at once), stops sending and prints its
/// summary.
#[test]
fn ctrl_c_during_a_request_ends_with_130_in_the_runs_error_format() {
    // Each run waits out the signal window, so the rows run side by side, a thread each.
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for row in rows() {
            if row.ctrl_c == CtrlC::NoRequest {
                continue;
            }
            let failures = &failures;
            scope.spawn(move || {
                // SIGTERM is Ctrl-C too.
                for (json, signal) in [(false, "INT"), (true, "INT"), (false, "TERM")] {
                    if let Err(why) = interrupt_once(&row, json, signal) {
                        failures.lock().unwrap().push(why);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One run of `row` with `signal` sent once the server holds its request.
fn interrupt_once(row: &Row, json: bool, signal: &str) -> Result<(), String> {
    use crate::support::{send_signal, wait_until};
    use std::io::Write;
    use std::process::Stdio;
    use std::time::Duration;
    let held = Held::new();
    let home = tempfile::tempdir().unwrap();
    let (files, bulk_args) = match row.ctrl_c {
        CtrlC::Stop130 => long_input(row),
        _ => (
            row.files
                .iter()
                .map(|(name, contents)| (*name, contents.to_string()))
                .collect(),
            &[][..],
        ),
    };
    for (name, contents) in &files {
        std::fs::write(home.path().join(name), contents).unwrap();
    }
    let mut extra: Vec<&str> = bulk_args.to_vec();
    if json {
        extra.extend(["-o", "json"]);
    }
    let mut child = Altur::new()
        .against_url(&held.server.url())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("ALTUR_WEBHOOK_SECRET", SECRET)
        .current_dir(home.path())
        .args(command_line(row, &held.server, &extra))
        .spawn_with(Stdio::piped(), Stdio::piped(), Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(row.stdin.as_bytes());
    drop(stdin);
    wait_until(Duration::from_secs(30), || held.arrived() >= 1);
    send_signal(child.id(), signal);
    if matches!(row.ctrl_c, CtrlC::Stop130 | CtrlC::Finish130) {
        held.release();
    }
    let output = child.finish();
    let stderr = output.stderr.clone();
    let format = if json { "-o json" } else { "text" };
    let what = format!("{} (SIG{signal}, {format})", row.words);
    check_interrupted(row, json, Some(output.code), &stderr)
        .map_err(|why| format!("{what}: {why}:\n{stderr}"))?;
    if row.ctrl_c == CtrlC::Stop130 && held.arrived() >= LONG_INPUT {
        return Err(format!("{what}: Ctrl-C did not stop the run"));
    }
    Ok(())
}

/// What an interrupted run must have said: 130, the error in the run's format, no secret, and
/// for a bulk run its summary.
fn check_interrupted(row: &Row, json: bool, code: Option<i32>, stderr: &str) -> Result<(), String> {
    if code != Some(130) {
        return Err(format!("exit {code:?}, not 130"));
    }
    if stderr.contains(KEY) || stderr.contains(SECRET) {
        return Err("a secret reached stderr".to_owned());
    }
    let last = stderr.lines().last().unwrap_or_default();
    if json && row.ctrl_c != CtrlC::Exit130Text {
        let error: serde_json::Value =
            serde_json::from_str(last).map_err(|e| format!("the last line is not JSON ({e})"))?;
        if error["error"]["kind"] != "interrupted" || stderr.contains("altur: error:") {
            return Err("not one JSON error of kind interrupted".to_owned());
        }
    } else if !stderr.contains("altur: error: interrupted") {
        return Err("no \"altur: error: interrupted\"".to_owned());
    }
    if row.ctrl_c == CtrlC::Stop130 && !stderr.contains("created") {
        return Err("no summary".to_owned());
    }
    Ok(())
}
