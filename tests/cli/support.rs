//! The test harness: a scrubbed environment for the binary, and a scripted HTTP server on
//! 127.0.0.1 that records every request it receives.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddrV4, TcpListener, TcpStream};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use rustix::process::{Pid, Signal};

/// A key that is easy to spot if it ever leaks into output.
pub const KEY: &str = "sk-test-LEAKCHECK-7f3a9c2e81d4";

/// A valid EndUser id.
pub const ID: &str = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

/// How long any single run of the binary may take before the test fails.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// One run of the binary, built fluently: `Altur::new().args([...]).env(...).run()`, or
/// `.spawn()` for a run the test acts on while it goes (signals, pipes).
pub struct Altur {
    command: std::process::Command,
    home: tempfile::TempDir,
    stdin: Option<Vec<u8>>,
}

impl Altur {
    /// The binary with an environment scrubbed of anything that could change its behaviour:
    /// `HOME` and `XDG_CONFIG_HOME` point at a fresh temporary folder.
    pub fn new() -> Altur {
        Altur::scrubbed(std::process::Command::new(binary()))
    }

    /// A bash script (`set -euo pipefail`) in the same scrubbed environment, with the built
    /// `altur` first on `PATH`: how the README's snippets are run.
    pub fn bash(script: &str) -> Altur {
        Altur::program("bash", ["-euo", "pipefail", "-c", script])
    }

    /// Another program (`script`, `sh`, ...) in the same scrubbed environment, with the built
    /// `altur` first on `PATH`, for runs of the binary it starts itself.
    pub fn program<I, S>(program: &str, args: I) -> Altur
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = std::process::Command::new(program);
        command.args(args);
        Altur::scrubbed(command).env("PATH", path_with_altur())
    }

    /// The binary run by `wrapper` (`["setsid"]`, `["timeout", "5"]`...), which takes the
    /// program and its arguments last.
    pub fn under(wrapper: &[&str]) -> Altur {
        let binary = binary();
        Altur::program(wrapper[0], wrapper[1..].iter().map(std::ffi::OsStr::new)).arg(binary)
    }

    fn scrubbed(mut command: std::process::Command) -> Altur {
        let home = tempfile::tempdir().expect("temp home");
        for (name, _) in std::env::vars_os() {
            let name = name.to_string_lossy().into_owned();
            let upper = name.to_ascii_uppercase();
            if upper.starts_with("ALTUR_")
                || upper == "XDG_STATE_HOME"
                || upper.ends_with("_PROXY")
                || upper.starts_with("RUST_")
                || ["NO_COLOR", "SSL_CERT_FILE", "SSL_CERT_DIR", "CI"].contains(&upper.as_str())
            {
                command.env_remove(&name);
            }
        }
        command
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .current_dir(home.path());
        Altur {
            command,
            home,
            stdin: None,
        }
    }

    /// Anything else the process needs set before it starts (a process group, limits).
    pub fn configure(mut self, change: impl FnOnce(&mut std::process::Command)) -> Self {
        change(&mut self.command);
        self
    }

    /// Starts the run in the background with stdin empty and stdout and stderr piped.
    pub fn spawn(self) -> Spawned {
        self.spawn_with(Stdio::null(), Stdio::piped(), Stdio::piped())
    }

    /// Starts the run in the background with the stdio given.
    pub fn spawn_with(mut self, stdin: Stdio, stdout: Stdio, stderr: Stdio) -> Spawned {
        assert!(self.stdin.is_none(), "a spawned run takes stdin as a pipe");
        let child = self
            .command
            .stdin(stdin)
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .expect("the binary spawns");
        Spawned {
            running: Some((child, self.home)),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn env(mut self, name: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.command.env(name, value);
        self
    }

    /// Leaves `name` out of the environment.
    pub fn env_remove(mut self, name: &str) -> Self {
        self.command.env_remove(name);
        self
    }

    /// Points the binary at `server` with the test key.
    pub fn against(self, server: &Server) -> Self {
        self.env("ALTUR_BASE_URL", server.url())
            .env("ALTUR_API_KEY", KEY)
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// The temporary home folder, for config files and inputs.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The default config file path under the temporary home.
    pub fn config_path(&self) -> PathBuf {
        self.home.path().join(".config/altur/config.toml")
    }

    /// Writes a file under the temporary home and returns its path.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.home.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn run(self) -> Run {
        let mut command = assert_cmd::Command::from_std(self.command);
        command.timeout(RUN_LIMIT);
        // Without bytes, assert_cmd gives the child an empty, closed stdin.
        if let Some(bytes) = self.stdin {
            command.write_stdin(bytes);
        }
        let output = command.output().expect("binary runs");
        Run::new(output, self.home)
    }
}

/// `PATH` with the folder of the binary under test first.
pub fn path_with_altur() -> std::ffi::OsString {
    let binary = binary();
    let bin_dir = binary.parent().expect("binary folder").to_owned();
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(&path)))
        .expect("PATH")
}

/// The binary under test.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("altur")
}

/// A run going on in the background: the process (its pipes, its id) through `Deref`, killed
/// if the test ends before [`Spawned::finish`].
pub struct Spawned {
    /// The process and the home folder it was given; taken by [`Spawned::finish`].
    running: Option<(std::process::Child, tempfile::TempDir)>,
}

impl Spawned {
    /// Waits for the end and reads what is left on the pipes (what a test took is not there).
    pub fn finish(mut self) -> Run {
        let (child, home) = self.running.take().expect("running");
        let output = child.wait_with_output().expect("the binary ends");
        Run::new(output, home)
    }
}

impl std::ops::Deref for Spawned {
    type Target = std::process::Child;

    fn deref(&self) -> &std::process::Child {
        &self.running.as_ref().expect("running").0
    }
}

impl std::ops::DerefMut for Spawned {
    fn deref_mut(&mut self) -> &mut std::process::Child {
        &mut self.running.as_mut().expect("running").0
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Some((child, _)) = self.running.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    /// stdout as the bytes written, for binary output.
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
    _home: tempfile::TempDir,
}

impl Run {
    fn new(output: std::process::Output, home: tempfile::TempDir) -> Run {
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stdout_bytes: output.stdout,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            _home: home,
        };
        run.assert_no_leak();
        run
    }

    /// Fails the test unless the exit code is `code`; returns the run for more checks.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn success(&self) -> &Run {
        self.code(0)
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_is(&self, expected: &str) -> &Run {
        assert_eq!(
            self.stdout, expected,
            "stdout; stderr was:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_empty(&self) -> &Run {
        self.stdout_is("")
    }

    /// stdout parsed as one JSON value.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The key must never be printed, whatever happened.
    #[track_caller]
    fn assert_no_leak(&self) {
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            assert!(
                !text.contains(KEY) && !text.contains("LEAKCHECK"),
                "the API key leaked to {name}:\n{text}"
            );
        }
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Header names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn body_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }

    pub fn body_text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("request body is UTF-8")
    }
}

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A status and a JSON (or any) body with `Content-Type: application/json`.
    Json(u16, String),
    /// A status, extra headers and a body.
    Raw(u16, Vec<(String, String)>, Vec<u8>),
    /// Read the request, then never answer (until the server is dropped).
    Hang,
    /// Read the request, then close the connection without a word.
    Drop,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply::Json(status, body.into())
    }

    /// The EndUser the real API would return for a create.
    pub fn enduser(name: &str) -> Reply {
        Reply::json(
            200,
            serde_json::json!({"id": ID, "display_name": name, "integration_type": "api"})
                .to_string(),
        )
    }

    pub fn with_headers(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
        Reply::Raw(
            status,
            headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body.as_bytes().to_vec(),
        )
    }
}

/// A scripted HTTP/1.1 server on 127.0.0.1. Each request gets the next reply of the script;
/// a request beyond the script gets a 599 so the test notices.
pub struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<Recorded>>>,
    /// Dropping this releases every `Hang`ing connection.
    _release: Sender<()>,
}

impl Server {
    pub fn new(script: impl IntoIterator<Item = Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(script.into_iter().collect::<VecDeque<_>>()));
        let (release_tx, release_rx) = channel::<()>();
        let release_rx = Arc::new(Mutex::new(release_rx));
        {
            let requests = requests.clone();
            thread::spawn(move || {
                for stream in listener.incoming() {
                    let Ok(stream) = stream else { break };
                    let requests = requests.clone();
                    let script = script.clone();
                    let release_rx = release_rx.clone();
                    thread::spawn(move || serve_connection(stream, requests, script, release_rx));
                }
            });
        }
        Server {
            port,
            requests,
            _release: release_tx,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// The only request received; fails if there were more or none.
    #[track_caller]
    pub fn only_request(&self) -> Recorded {
        let requests = self.requests();
        assert_eq!(requests.len(), 1, "requests: {requests:#?}");
        requests.into_iter().next().unwrap()
    }
}

fn serve_connection(
    stream: TcpStream,
    requests: Arc<Mutex<Vec<Recorded>>>,
    script: Arc<Mutex<VecDeque<Reply>>>,
    release: Arc<Mutex<Receiver<()>>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let Some(request) = read_request(&mut reader) else {
            return;
        };
        requests.lock().unwrap().push(request);
        let reply =
            script.lock().unwrap().pop_front().unwrap_or_else(|| {
                Reply::json(599, r#"{"error":599,"message":"unscripted request"}"#)
            });
        let (status, headers, body) = match reply {
            Reply::Hang => {
                // Blocks until the Server is dropped (the sender goes away).
                let _ = release.lock().unwrap().recv();
                return;
            }
            Reply::Drop => {
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
            Reply::Json(status, body) => (
                status,
                vec![("Content-Type".to_owned(), "application/json".to_owned())],
                body.into_bytes(),
            ),
            Reply::Raw(status, headers, body) => (status, headers, body),
        };
        if writer
            .write_all(&response_bytes(status, &headers, &body))
            .is_err()
        {
            return;
        }
    }
}

/// A whole response, to be sent in one write: a head and a body in two segments would wait on
/// Nagle's algorithm and delayed ACKs (40 ms each time).
fn response_bytes(status: u16, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Reads one HTTP/1.1 request; `None` at the end of the connection.
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Recorded> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Recorded {
        method,
        path,
        headers,
        body,
    })
}

/// A TCP socket bound to a free loopback port and not listening yet, and that port.
pub fn bound_socket() -> (OwnedFd, u16) {
    use rustix::net::{AddressFamily, SocketType, bind, getsockname, socket};
    let fd = socket(AddressFamily::INET, SocketType::STREAM, None).expect("socket");
    bind(&fd, &SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0)).expect("bind");
    let address = SocketAddrV4::try_from(getsockname(&fd).expect("getsockname")).expect("IPv4");
    (fd, address.port())
}

/// A loopback port that refuses connections for the rest of the test run: a TCP socket bound
/// to it but never listening (Linux answers a connect with a reset, "connection refused"), and
/// kept open, so no other test can take the port (binding and dropping a listener raced them).
pub fn closed_port() -> u16 {
    let (fd, port) = bound_socket();
    // Never closed: the port stays reserved until the test process ends.
    std::mem::forget(fd);
    port
}

/// Waits until `condition` holds, checking every few milliseconds; fails the test after `limit`.
#[track_caller]
pub fn wait_until(limit: Duration, mut condition: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + limit;
    while !condition() {
        assert!(
            std::time::Instant::now() < deadline,
            "condition not met within {limit:?}"
        );
        thread::sleep(Duration::from_millis(5));
    }
}

/// Sends `signal` (e.g. "INT", "TERM", "KILL") to a process.
pub fn send_signal(pid: u32, signal: &str) {
    let signal = match signal {
        "INT" => Signal::INT,
        "TERM" => Signal::TERM,
        "KILL" => Signal::KILL,
        other => panic!("no such signal here: {other}"),
    };
    let target = Pid::from_raw(pid as i32).expect("a process id");
    rustix::process::kill_process(target, signal)
        .unwrap_or_else(|e| panic!("kill -{signal:?} {pid}: {e}"));
}

/// A real `altur sandbox serve` on a free loopback port, accepting only [`KEY`]. Started once
/// it prints its ready line; killed on drop unless [`Sandbox::stop`] ended it first.
pub struct Sandbox {
    child: Spawned,
    url: String,
    stderr: Arc<Mutex<String>>,
    lines: Receiver<String>,
    reader: Option<thread::JoinHandle<()>>,
}

/// How long the sandbox may take to start or stop.
const SANDBOX_LIMIT: Duration = Duration::from_secs(20);

impl Sandbox {
    pub fn start(extra: &[&str]) -> Sandbox {
        Sandbox::try_start(extra).unwrap_or_else(|(code, stderr)| {
            panic!("the sandbox did not start (exit {code:?}):\n{stderr}")
        })
    }

    /// Starts a sandbox (on a free loopback port with `--api-key KEY` unless `extra`
    /// says otherwise); `Err((exit code, stderr))` when it exits instead of listening.
    pub fn try_start(extra: &[&str]) -> Result<Sandbox, (Option<i32>, String)> {
        Sandbox::try_start_with_env(extra, &[])
    }

    /// [`Sandbox::start`] with extra environment variables (the sandbox's test-only limits).
    pub fn start_with_env(extra: &[&str], env: &[(&str, &str)]) -> Sandbox {
        Sandbox::try_start_with_env(extra, env).unwrap_or_else(|(code, stderr)| {
            panic!("the sandbox did not start (exit {code:?}):\n{stderr}")
        })
    }

    fn try_start_with_env(
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Result<Sandbox, (Option<i32>, String)> {
        let mut command = Altur::new().args(["sandbox", "serve"]);
        for (name, value) in env {
            command = command.env(name, value);
        }
        if !extra.contains(&"--listen") {
            command = command.args(["--listen", "127.0.0.1:0"]);
        }
        if !extra.contains(&"--api-key") {
            command = command.args(["--api-key", KEY]);
        }
        let mut child =
            command
                .args(extra)
                .spawn_with(Stdio::null(), Stdio::null(), Stdio::piped());
        let stderr = Arc::new(Mutex::new(String::new()));
        let (lines_tx, lines) = channel();
        let reader = {
            let pipe = BufReader::new(child.stderr.take().unwrap());
            let stderr = stderr.clone();
            thread::spawn(move || {
                for line in pipe.lines() {
                    let Ok(line) = line else { break };
                    stderr.lock().unwrap().push_str(&format!("{line}\n"));
                    let _ = lines_tx.send(line);
                }
            })
        };
        let mut sandbox = Sandbox {
            child,
            url: String::new(),
            stderr,
            lines,
            reader: Some(reader),
        };
        let deadline = std::time::Instant::now() + SANDBOX_LIMIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match sandbox.lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("altur sandbox: listening on ") {
                        sandbox.url = rest.split(' ').next().unwrap().to_owned();
                        return Ok(sandbox);
                    }
                }
                Err(_) => {
                    // Ended (or hung) before listening: report how.
                    let _ = sandbox.child.kill();
                    let status = sandbox.child.wait().unwrap();
                    if let Some(reader) = sandbox.reader.take() {
                        reader.join().unwrap();
                    }
                    return Err((status.code(), sandbox.stderr()));
                }
            }
        }
    }

    /// The base URL, `http://127.0.0.1:PORT/api/v1.0`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `127.0.0.1:PORT`, for raw connections.
    pub fn address(&self) -> String {
        self.url
            .trim_start_matches("http://")
            .trim_end_matches("/api/v1.0")
            .to_owned()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything the sandbox printed on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits (bounded) until stderr holds `needle`; its log line comes after the answer.
    #[track_caller]
    pub fn wait_for_stderr(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + SANDBOX_LIMIT;
        loop {
            let stderr = self.stderr();
            if stderr.contains(needle) {
                return stderr;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the sandbox never printed {needle:?}:\n{stderr}"
            );
            if let Err(std::sync::mpsc::RecvTimeoutError::Disconnected) =
                self.lines.recv_timeout(Duration::from_millis(100))
            {
                let stderr = self.stderr();
                assert!(
                    stderr.contains(needle),
                    "the sandbox ended without printing {needle:?}:\n{stderr}"
                );
                return stderr;
            }
        }
    }

    /// Sends `signal` and waits (bounded) for the exit; returns the exit code and stderr.
    /// Fails the test if the key was ever printed.
    #[track_caller]
    pub fn stop(mut self, signal: Signal) -> (Option<i32>, String) {
        rustix::process::kill_process(Pid::from_child(&self.child), signal).expect("kill");
        let deadline = std::time::Instant::now() + SANDBOX_LIMIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the sandbox did not stop on signal {signal:?}:\n{}",
                self.stderr()
            );
            if let Err(std::sync::mpsc::RecvTimeoutError::Disconnected) =
                self.lines.recv_timeout(Duration::from_millis(50))
            {
                // stderr is closed, so the exit is imminent: poll for it.
                thread::sleep(Duration::from_millis(10));
            }
        };
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let stderr = self.stderr();
        assert!(
            !stderr.contains(KEY),
            "the sandbox logged the key:\n{stderr}"
        );
        (status.code(), stderr)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server whose replies come from a function of the arrival index (from 0) and the request,
/// for tests with many requests in flight at once. The function may sleep to inject a delay.
/// With `stop_after(n)`, the server goes away once it has answered `n` requests: new
/// connections are refused, and requests on open ones get the connection closed unanswered.
pub struct HandlerServer {
    port: u16,
    /// The requests that got an answer, in the order they arrived.
    requests: Arc<Mutex<Vec<Recorded>>>,
    stop_after: Arc<Mutex<Option<usize>>>,
}

type Handler = dyn Fn(usize, &Recorded) -> Reply + Send + Sync;

impl HandlerServer {
    pub fn new(handler: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop_after = Arc::new(Mutex::new(None));
        let handler: Arc<Handler> = Arc::new(handler);
        let arrivals = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let gone = Arc::new(std::sync::atomic::AtomicBool::new(false));
        {
            let (requests, stop_after) = (requests.clone(), stop_after.clone());
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if gone.load(std::sync::atomic::Ordering::SeqCst) {
                        break; // drops the listener: connections are refused from now on
                    }
                    let Ok(stream) = stream else { break };
                    let state = (
                        requests.clone(),
                        stop_after.clone(),
                        handler.clone(),
                        arrivals.clone(),
                        gone.clone(),
                    );
                    thread::spawn(move || serve_with_handler(stream, port, state));
                }
            });
        }
        HandlerServer {
            port,
            requests,
            stop_after,
        }
    }

    pub fn stop_after(self, answered: usize) -> Self {
        *self.stop_after.lock().unwrap() = Some(answered);
        self
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

type HandlerState = (
    Arc<Mutex<Vec<Recorded>>>,
    Arc<Mutex<Option<usize>>>,
    Arc<Handler>,
    Arc<std::sync::atomic::AtomicUsize>,
    Arc<std::sync::atomic::AtomicBool>,
);

fn serve_with_handler(stream: TcpStream, port: u16, state: HandlerState) {
    use std::sync::atomic::Ordering::SeqCst;
    let (requests, stop_after, handler, arrivals, gone) = state;
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader) {
        if gone.load(SeqCst) {
            let _ = writer.shutdown(Shutdown::Both);
            return;
        }
        let index = arrivals.fetch_add(1, SeqCst);
        let reply = handler(index, &request);
        let (status, headers, body) = match reply {
            Reply::Json(status, body) => (
                status,
                vec![("Content-Type".to_owned(), "application/json".to_owned())],
                body.into_bytes(),
            ),
            Reply::Raw(status, headers, body) => (status, headers, body),
            Reply::Drop | Reply::Hang => {
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
        };
        let answered = {
            let mut requests = requests.lock().unwrap();
            requests.push(request);
            requests.len()
        };
        let written = writer.write_all(&response_bytes(status, &headers, &body));
        if *stop_after.lock().unwrap() == Some(answered) {
            gone.store(true, SeqCst);
            // Wakes the accept loop so it sees `gone` and drops the listener.
            let _ = TcpStream::connect(("127.0.0.1", port));
        }
        if written.is_err() {
            return;
        }
    }
}

impl Altur {
    /// Points the binary at a sandbox with the key it accepts.
    pub fn against_sandbox(self, sandbox: &Sandbox) -> Self {
        self.env("ALTUR_BASE_URL", sandbox.url())
            .env("ALTUR_API_KEY", KEY)
    }
}

impl Altur {
    /// Points the binary at the server at `url` with the test key.
    pub fn against_url(self, url: &str) -> Self {
        self.env("ALTUR_BASE_URL", url).env("ALTUR_API_KEY", KEY)
    }
}

impl Altur {
    /// Runs the binary in `dir` (for commands that write files into the current folder).
    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self
    }
}

/// `altur ARGS | head -c 1 >/dev/null` in bash against `server`: the reader goes away after one
/// byte. The run's stdout is altur's exit status (bash's `PIPESTATUS`), its stderr altur's.
pub fn with_stdout_closed_after_one_byte(server: &Server, args: &str) -> Run {
    let script = format!("altur {args} | head -c 1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"");
    Altur::program("bash", ["-c", &script])
        .against(server)
        .run()
}

/// `campaign list --all -o FORMAT` over `pages` (more than a pipe holds), its stdout closed
/// after one byte: exit 130 and a summary on stderr.
#[track_caller]
pub fn assert_a_closed_stdout_stops_the_list(pages: Vec<Reply>, format: &str) {
    let server = Server::new(pages);
    let run =
        with_stdout_closed_after_one_byte(&server, &format!("campaign list --all -o {format}"));
    run.stdout_is("130\n").stderr_has("stdout was closed after");
}

/// `campaign list --all ARGS` whose first page is `first` and whose second is a 404: exit 3 and
/// the count of what was printed, with the token to continue from; the run for more checks.
#[track_caller]
pub fn a_list_cut_by_a_404(first: Reply, args: &[&str], printed: usize) -> Run {
    let server = Server::new([first, Reply::json(404, r#"{"error":404,"message":"gone"}"#)]);
    let run = Altur::new()
        .against(&server)
        .args(["campaign", "list", "--all"])
        .args(args)
        .run();
    run.code(3)
        .stderr_has(&format!("{printed} item(s) were printed; continue with: "));
    run
}
