//! Streaming readers for the three input formats. Each hands one record at a time to a
//! callback and keeps no more than that record in memory, so a 1 GB file costs what a 1 MB one
//! does.

use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::{Deserializer as _, SeqAccess, Visitor};
use serde_json::Value;

use super::budget::{BUFFER_LEN, Budget, unreadable};
use super::csv_input::read_csv;
use super::kind::RecordKind;
use crate::cli::ImportFormat;
use crate::config::INPUT_LIMIT;
use crate::error::{Error, Result};

pub use super::kind::Parsed;

/// The format given, else the one the file name says; stdin is NDJSON.
pub fn format_for(path: &Path, given: Option<ImportFormat>) -> Result<ImportFormat> {
    if let Some(format) = given {
        return Ok(format);
    }
    if path == Path::new("-") {
        return Ok(ImportFormat::Ndjson);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("ndjson" | "jsonl") => Ok(ImportFormat::Ndjson),
        Some("csv") => Ok(ImportFormat::Csv),
        Some("json") => Ok(ImportFormat::Json),
        _ => Err(Error::input(format!(
            "cannot tell the format of {} from its name",
            path.display()
        ))
        .with_hint("give --format ndjson, csv or json")),
    }
}

/// An opened input: its bytes, its size when it is a regular file, and a counter of the bytes
/// the parsers have taken so far (for the progress estimate).
pub struct Input {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
    pub size: Option<u64>,
    pub consumed: Arc<AtomicU64>,
}

impl Input {
    /// Opens `path` (`-` is stdin).
    pub fn open(path: &Path) -> Result<Input> {
        let (name, source, size): (String, Box<dyn Read + Send>, _) = if path == Path::new("-") {
            ("stdin".to_owned(), Box::new(std::io::stdin()), None)
        } else {
            let name = path.display().to_string();
            let file = File::open(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::input(format!("no such file: {name}")),
                _ => Error::input(format!("cannot read {name}: {e}")),
            })?;
            // Only a regular file has a size worth an estimate (not a FIFO or /dev/stdin).
            let size = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            (name, Box::new(file), size)
        };
        let consumed = Arc::new(AtomicU64::new(0));
        Ok(Input {
            reader: Box::new(Counted {
                inner: BufReader::with_capacity(BUFFER_LEN, source),
                consumed: consumed.clone(),
            }),
            name,
            size,
            consumed,
        })
    }
}

/// Counts the bytes the parsers take out of the buffer, not the bytes read into it: the
/// buffer's read-ahead would otherwise put a small file at 100% before its first record.
struct Counted<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.consumed.fetch_add(amount as u64, Ordering::Relaxed);
    }
}

/// FNV-1a, 64 bits: a hash that stays the same across Rust versions and machines, as a
/// journal written by one build and read by the next needs.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Reads every record of `input` in order and hands each to `emit`, which returns false to stop.
/// An error means the input as a whole cannot be read (records before it were handed over).
pub fn read(
    input: Input,
    format: ImportFormat,
    kind: &RecordKind,
    delimiter: Option<u8>,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let Input { name, reader, .. } = input;
    match format {
        ImportFormat::Ndjson => read_ndjson(reader, &name, kind, emit),
        ImportFormat::Csv => read_csv(reader, &name, kind, delimiter, emit),
        ImportFormat::Json => read_json_array(reader, &name, kind, emit),
    }
}

/// One object per line; blank lines are not records.
fn read_ndjson(
    mut reader: Box<dyn BufRead + Send>,
    name: &str,
    kind: &RecordKind,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let mut line = Vec::new();
    let mut first = true;
    for line_number in 1u64.. {
        line.clear();
        let Some(complete) = read_line_limited(&mut reader, &mut line, INPUT_LIMIT as usize)
            .map_err(|e| unreadable(name, e))?
        else {
            return Ok(());
        };
        let mut text = line.as_slice();
        if first {
            text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        }
        if text.trim_ascii().is_empty() {
            continue;
        }
        if first && text.trim_ascii_start().starts_with(b"[") {
            return Err(Error::input(format!(
                "{name} looks like a JSON array, not one object per line"
            ))
            .with_hint("give --format json"));
        }
        if first && looks_like_csv_header(text, kind) {
            // Every line would fail as invalid JSON: say what the input is instead.
            return Err(
                Error::input(format!("{name} looks like CSV: add --format csv")).with_hint(
                    format!(
                        "its first line, {:?}, reads as a CSV header, not a JSON object",
                        String::from_utf8_lossy(text.trim_ascii())
                    ),
                ),
            );
        }
        first = false;
        let parsed = if complete {
            parse_json_record(text, line_number, kind)
        } else {
            Err(format!(
                "line {line_number} is longer than {} MiB",
                INPUT_LIMIT / (1024 * 1024)
            ))
        };
        if !emit(parsed) {
            return Ok(());
        }
    }
    Ok(())
}

/// A first line of column names separated by commas, semicolons or tabs (`name,info`), or a
/// lone known column name: CSV given without `--format csv`.
fn looks_like_csv_header(line: &[u8], kind: &RecordKind) -> bool {
    let Ok(line) = std::str::from_utf8(line.trim_ascii()) else {
        return false;
    };
    if line.starts_with('{') {
        return false;
    }
    let columns: Vec<&str> = line
        .split([',', ';', '\t'])
        .map(|c| c.trim().trim_matches('"').trim())
        .collect();
    let names_only = columns.iter().all(|c| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '-' | ' ' | '.'))
    });
    let known = columns.iter().any(|c| (kind.csv_field)(c).is_some());
    names_only && (columns.len() > 1 || known)
}

/// Reads up to and including the next newline, keeping at most `limit` bytes of it. `None` at
/// the end of the input; `Some(false)` when the line was longer than `limit`.
fn read_line_limited(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<bool>> {
    let mut seen = 0usize;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok((seen > 0).then_some(seen <= limit));
        }
        let (chunk, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], true),
            None => (buffer, false),
        };
        if seen + chunk.len() <= limit {
            line.extend_from_slice(chunk);
        }
        seen += chunk.len();
        let used = chunk.len() + usize::from(done);
        reader.consume(used);
        if done {
            return Ok(Some(seen <= limit));
        }
    }
}

/// One NDJSON line, `line_number` counted in the file (blank lines included), so an error
/// points at the line to fix rather than at "line 1" of a one-line record.
fn parse_json_record(text: &[u8], line_number: u64, kind: &RecordKind) -> Parsed {
    let text =
        std::str::from_utf8(text).map_err(|_| format!("line {line_number} is not UTF-8 text"))?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let what = full
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&full);
        format!(
            "invalid JSON on line {line_number}, column {}: {what}",
            e.column()
        )
    })?;
    (kind.from_json)(value)
}

/// A JSON array, parsed one element at a time: serde hands the elements to the visitor as it
/// reads them, so the array is never held whole.
fn read_json_array(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    kind: &RecordKind,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    struct Elements<'a> {
        kind: &'a RecordKind,
        emit: &'a mut dyn FnMut(Parsed) -> bool,
        stopped: &'a mut bool,
        used: Rc<Cell<u64>>,
    }
    impl<'de> Visitor<'de> for Elements<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON array of objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(value) = seq.next_element::<Value>()? {
                self.used.set(0);
                let parsed = (self.kind.from_json)(value);
                if !(self.emit)(parsed) {
                    *self.stopped = true;
                    return Ok(());
                }
            }
            Ok(())
        }
    }
    let budget = Budget::new(reader, "an element of the array");
    let used = budget.used.clone();
    let mut stopped = false;
    let mut deserializer = serde_json::Deserializer::from_reader(budget);
    let result = (&mut deserializer).deserialize_seq(Elements {
        kind,
        emit,
        stopped: &mut stopped,
        used,
    });
    if stopped {
        return Ok(());
    }
    result
        .and_then(|()| deserializer.end())
        .map_err(|e| match e.is_io() {
            true => unreadable(name, e),
            false => Error::input(format!("invalid JSON in {name}: {e}")),
        })
}

#[cfg(test)]
mod tests;
