//! Everything `altur` prints. Results go to stdout through one buffered, redacting [`Sink`]
//! per process; diagnostics go to stderr ([`errors`]); both pass through
//! [`crate::secret::redact`], so no code path can print the API key. A closed stdout is an
//! error of kind [`Kind::StdoutClosed`] that each command maps to its exit code.

mod csv;
mod errors;
mod format;
mod resource;
mod sink;
mod table;

use std::sync::{Mutex, PoisonError};

pub use crate::error::for_terminal;
pub use crate::json::compact_into;
pub use errors::{note, print_error, stderr_line, warn};
pub use format::{
    ListPrinter, compact, print_jq, print_jq_bytes, print_json, print_resource, print_written,
};
pub use resource::Resource;
pub use sink::Sink;
pub use table::key_value_table;

use crate::cli::OutputFormat;
use crate::error::{Error, Kind, Result};
use crate::jq::Jq;

/// The process's output: its one stdout sink, the `--jq` filter compiled for it and the
/// columns `--fields` chose for `-o csv`.
pub struct Output {
    sink: Sink,
    jq: Option<&'static Jq>,
    fields: Option<&'static [String]>,
}

/// The process's one stdout writer. Behind a mutex, not a `OnceLock`: `run` sets the filter
/// once, every printer appends to the same buffer, and [`finish`] writes what is left.
static PROCESS: Mutex<Output> = Mutex::new(Output {
    sink: Sink::stdout(),
    jq: None,
    fields: None,
});

fn with_output<R>(f: impl FnOnce(&mut Output) -> R) -> R {
    f(&mut PROCESS.lock().unwrap_or_else(PoisonError::into_inner))
}

pub(crate) fn with_sink<R>(f: impl FnOnce(&mut Sink) -> R) -> R {
    with_output(|output| f(&mut output.sink))
}

/// Writes `text`, one whole result, to stdout now (a conversation such as `altur chat` over
/// a pipe must see each answer as it comes).
pub fn stdout(text: &str) -> Result<()> {
    stdout_bytes(text.as_bytes())
}

/// Writes bytes, one whole result, to stdout now, the key redacted.
pub fn stdout_bytes(bytes: &[u8]) -> Result<()> {
    with_sink(|sink| sink.write(bytes).and_then(|()| sink.flush_all()))
}

/// Writes one part of a longer output (a list's item, a page): it leaves with the next
/// 64 KiB, or at once on a terminal.
pub fn stdout_part(bytes: &[u8]) -> Result<()> {
    with_sink(|sink| sink.write(bytes).and_then(|()| sink.end_result()))
}

/// Writes what waits in the buffer: before the process exits.
pub fn finish() -> Result<()> {
    with_sink(Sink::flush_all)
}

/// Before a line on stderr: results still waiting are written first, so the two streams read
/// in order and an exit on a signal keeps what was printed. Never blocks (a signal handler's
/// message must not wait for a stuck stdout).
fn flush_before_diagnostic() {
    if let Ok(mut output) = PROCESS.try_lock() {
        let _ = output.sink.flush_all();
    }
}

/// Writes bytes to stdout as they come (answers that are not JSON: CSV, audio, text), in the
/// one buffered sink, which holds back enough to redact a key split between two writes.
pub struct StdoutBytes {
    _private: (),
}

impl StdoutBytes {
    pub fn new() -> StdoutBytes {
        StdoutBytes { _private: () }
    }

    /// Writes what is held back.
    pub fn finish(self) -> Result<()> {
        finish()
    }
}

impl Default for StdoutBytes {
    fn default() -> Self {
        Self::new()
    }
}

impl std::io::Write for StdoutBytes {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        with_sink(|sink| sink.write(bytes))
            .map(|()| bytes.len())
            .map_err(|e| match e.kind {
                Kind::StdoutClosed => std::io::ErrorKind::BrokenPipe.into(),
                _ => std::io::Error::other(e.message),
            })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Compiles `--jq` and checks it against `-o` (contract section 12): a filter that does not
/// compile, or one with `-o table`, `id`, `csv` or `transcript`, is a usage error, before
/// anything is sent.
pub fn use_jq(code: Option<&str>, format: Option<OutputFormat>) -> Result<()> {
    let Some(code) = code else { return Ok(()) };
    if let Some(
        format @ (OutputFormat::Table
        | OutputFormat::Id
        | OutputFormat::Csv
        | OutputFormat::Transcript),
    ) = format
    {
        let name = clap::ValueEnum::to_possible_value(&format)
            .map_or_else(String::new, |v| v.get_name().to_owned());
        return Err(Error::input(format!(
            "--jq cannot be used with -o {name}: it filters JSON (use -o json or -o ndjson)"
        )));
    }
    // Compiled once per process and kept to its end.
    let jq: &'static Jq = Box::leak(Box::new(Jq::compile(code)?));
    with_output(|output| output.jq = Some(jq));
    Ok(())
}

/// Checks `--fields` (dotted paths, at least one) and keeps them for `-o csv`'s lists. The
/// global-option policy has already refused it without `-o csv`.
pub fn use_fields(fields: Option<&[String]>) -> Result<()> {
    let Some(fields) = fields else { return Ok(()) };
    let columns: &'static [String] = Box::leak(csv::parse_fields(fields)?.into_boxed_slice());
    with_output(|output| output.fields = Some(columns));
    Ok(())
}

/// The columns `--fields` chose, if it was given.
pub fn fields() -> Option<&'static [String]> {
    with_output(|output| output.fields)
}

/// The `--jq` filter, if one was given.
pub fn jq() -> Option<&'static Jq> {
    with_output(|output| output.jq)
}

/// What the output needs from the resolved settings: the `-o` format and whether it was
/// given. A trait, so that this module does not depend on `config`.
pub trait FormatChoice {
    fn output_format(&self) -> OutputFormat;
    fn output_format_given(&self) -> bool;
}

/// The format to print in: `--jq` implies `-o json` when no `-o` was given.
pub fn format_for(settings: &impl FormatChoice) -> OutputFormat {
    if jq().is_some() && !settings.output_format_given() {
        OutputFormat::Json
    } else {
        settings.output_format()
    }
}

#[cfg(test)]
mod tests;
