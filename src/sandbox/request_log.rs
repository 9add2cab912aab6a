//! The sandbox's request log: one line per request, on stderr by default, appended to a file
//! with `--log FILE`, or nowhere with `--quiet`, so that it need not interleave with the
//! output (a progress bar) of the script under test.

use std::fs::File;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

use crate::cli::SandboxOptions;
use crate::error::{Error, Result};
use crate::output::{self, Output};
use std::sync::Arc;

/// Where the request lines go.
pub enum RequestLog {
    Stderr(Arc<Output>),
    Quiet,
    File(Mutex<File>),
}

impl RequestLog {
    /// `--quiet`, `--log FILE` (created if missing, appended to), or stderr. A file that
    /// cannot be opened is refused (exit 2). Stderr is `out`'s.
    pub fn from_options(options: &SandboxOptions, out: &Arc<Output>) -> Result<RequestLog> {
        if options.quiet {
            return Ok(RequestLog::Quiet);
        }
        let Some(path) = &options.log else {
            return Ok(RequestLog::Stderr(out.clone()));
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| {
                let shown = path.display().to_string();
                Error::input(format!(
                    "cannot open the log file {}: {e}",
                    output::for_terminal(&shown)
                ))
            })?;
        Ok(RequestLog::File(Mutex::new(file)))
    }

    /// Logs one request. The path is cut short and neutralised: it comes from the client.
    /// Headers are never logged, so neither is the key.
    pub fn request(&self, method: &str, path: &str, status: u16, elapsed: Duration) {
        if matches!(self, RequestLog::Quiet) {
            return;
        }
        let line = line(method, path, status, elapsed);
        match self {
            RequestLog::Stderr(out) => out.stderr_line(&line),
            RequestLog::File(file) => {
                let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
                // One write per line, so lines of concurrent requests never mix; a full disk
                // loses log lines, never answers.
                let _ = file.write_all(format!("{line}\n").as_bytes());
            }
            RequestLog::Quiet => {}
        }
    }
}

/// `altur sandbox: GET /api/v1.0/call/cll_... 200 0.3ms`.
fn line(method: &str, path: &str, status: u16, elapsed: Duration) -> String {
    const PATH_LIMIT: usize = 200;
    let path = match path.char_indices().nth(PATH_LIMIT) {
        Some((cut, _)) => format!("{}...", &path[..cut]),
        None => path.to_owned(),
    };
    format!(
        "altur sandbox: {} {} {status} {:.1}ms",
        output::for_terminal(method),
        output::for_terminal(&path),
        elapsed.as_secs_f64() * 1000.0
    )
}
