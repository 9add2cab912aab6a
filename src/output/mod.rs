//! Everything `altur` prints. Results go to stdout through the one buffered, redacting
//! [`Sink`] of an [`Output`], which the run builds once and hands to the session; diagnostics
//! go to stderr ([`errors`]); both pass through [`crate::secret::redact`], so no code path can
//! print the API key. A closed stdout is an error of kind [`Kind::StdoutClosed`] that each
//! command maps to its exit code.

mod csv;
mod errors;
mod format;
mod resource;
mod sink;
mod table;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

pub use crate::error::for_terminal;
pub use crate::json::compact_into;
pub use format::{ListPrinter, compact};
pub use resource::Resource;
pub use sink::Sink;
pub use table::key_value_table;

use crate::cli::OutputFormat;
use crate::error::{Error, Kind, Result};
use crate::jq::Jq;

/// The run's output: its one stdout sink (behind a mutex: pipeline workers, servers and the
/// Ctrl-C thread print through the same one), the `--jq` filter compiled for it and the
/// columns `--fields` chose for `-o csv`.
pub struct Output {
    sink: Mutex<Sink>,
    /// Shared with the thread a filter runs on (which a runaway filter leaves behind).
    jq: Option<Arc<Jq>>,
    fields: Option<Vec<String>>,
    /// For in-process tests: the lines meant for stderr, kept instead.
    #[cfg(test)]
    stderr: Option<Mutex<Vec<u8>>>,
}

impl Output {
    /// An output to stdout with no filter and no columns: what prints before the global
    /// options are checked (usage errors, `altur help options`).
    pub fn plain() -> Output {
        Output::over(Sink::stdout())
    }

    /// The run's output to stdout: `--jq` compiled and checked against `-o` (contract section
    /// 12: a filter that does not compile, or one with `-o table`, `id`, `csv` or
    /// `transcript`, is a usage error, before anything is sent) and `--fields` checked (dotted
    /// paths, at least one; the global-option policy has already refused it without `-o csv`).
    pub fn new(
        jq: Option<&str>,
        format: Option<OutputFormat>,
        fields: Option<&[String]>,
    ) -> Result<Output> {
        let mut output = Output::plain();
        output.jq = jq
            .map(|code| compile_jq(code, format).map(Arc::new))
            .transpose()?;
        output.fields = fields.map(csv::parse_fields).transpose()?;
        Ok(output)
    }

    /// An output over `sink` (in-memory for tests), with no filter and no columns.
    fn over(sink: Sink) -> Output {
        Output {
            sink: Mutex::new(sink),
            jq: None,
            fields: None,
            #[cfg(test)]
            stderr: None,
        }
    }

    /// An output that keeps what it prints, stdout and stderr, in memory, for in-process
    /// tests.
    #[cfg(test)]
    pub fn memory() -> Output {
        Output {
            stderr: Some(Mutex::new(Vec::new())),
            ..Output::over(Sink::memory())
        }
    }

    /// What a memory output printed on stdout so far (flushed or not), redacted.
    #[cfg(test)]
    pub fn taken(&self) -> Vec<u8> {
        self.sink().taken()
    }

    /// What a memory output printed on stderr so far, redacted.
    #[cfg(test)]
    pub fn stderr_taken(&self) -> String {
        let kept = self
            .stderr
            .as_ref()
            .map(|kept| std::mem::take(&mut *kept.lock().unwrap_or_else(PoisonError::into_inner)));
        String::from_utf8(kept.unwrap_or_default()).expect("lines are text")
    }

    fn sink(&self) -> MutexGuard<'_, Sink> {
        self.sink.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn with_sink<R>(&self, f: impl FnOnce(&mut Sink) -> R) -> R {
        f(&mut self.sink())
    }

    /// The columns `--fields` chose, if it was given.
    pub fn fields(&self) -> Option<&[String]> {
        self.fields.as_deref()
    }

    /// The `--jq` filter, if one was given.
    pub fn jq(&self) -> Option<&Arc<Jq>> {
        self.jq.as_ref()
    }

    /// The format to print in: `--jq` implies `-o json` when no `-o` was given (`given`).
    pub fn format_for(&self, format: OutputFormat, given: bool) -> OutputFormat {
        if self.jq.is_some() && !given {
            OutputFormat::Json
        } else {
            format
        }
    }

    /// Writes `text`, one whole result, to stdout now (a conversation such as `altur chat`
    /// over a pipe must see each answer as it comes).
    pub fn stdout(&self, text: &str) -> Result<()> {
        self.stdout_bytes(text.as_bytes())
    }

    /// Writes bytes, one whole result, to stdout now, the key redacted.
    pub fn stdout_bytes(&self, bytes: &[u8]) -> Result<()> {
        self.with_sink(|sink| sink.write(bytes).and_then(|()| sink.flush_all()))
    }

    /// Writes one part of a longer output (a list's item, a page): it leaves with the next
    /// 64 KiB, or at once on a terminal.
    pub fn stdout_part(&self, bytes: &[u8]) -> Result<()> {
        self.with_sink(|sink| sink.write(bytes).and_then(|()| sink.end_result()))
    }

    /// Writes what waits in the buffer: before the process exits.
    pub fn finish(&self) -> Result<()> {
        self.with_sink(Sink::flush_all)
    }

    /// Before a line on stderr: results still waiting are written first, so the two streams
    /// read in order and an exit on a signal keeps what was printed. Never blocks (a signal
    /// handler's message must not wait for a stuck stdout).
    fn flush_before_diagnostic(&self) {
        if let Ok(mut sink) = self.sink.try_lock() {
            let _ = sink.flush_all();
        }
    }
}

fn compile_jq(code: &str, format: Option<OutputFormat>) -> Result<Jq> {
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
    Jq::compile(code)
}

/// Writes bytes to stdout as they come (answers that are not JSON: CSV, audio, text), in the
/// one buffered sink, which holds back enough to redact a key split between two writes.
pub struct StdoutBytes<'o> {
    out: &'o Output,
}

impl<'o> StdoutBytes<'o> {
    pub fn new(out: &'o Output) -> StdoutBytes<'o> {
        StdoutBytes { out }
    }

    /// Writes what is held back.
    pub fn finish(self) -> Result<()> {
        self.out.finish()
    }
}

impl std::io::Write for StdoutBytes<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.out
            .with_sink(|sink| sink.write(bytes))
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

#[cfg(test)]
mod tests;
