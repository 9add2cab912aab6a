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

use super::kind::{CsvColumn, RecordKind};
use crate::cli::ImportFormat;
use crate::config::INPUT_LIMIT;
use crate::error::{Error, Result};

/// The read buffer: large reads keep a file's system calls few.
const BUFFER_LEN: usize = 64 * 1024;

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
            let file =
                File::open(path).map_err(|e| Error::input(format!("cannot read {name}: {e}")))?;
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

/// Fails a read once more than a record's worth of bytes (plus a buffer's slack) came through
/// since the last reset: in a CSV or JSON array one record could otherwise grow as large as the
/// file (an unclosed quote), and memory with it.
struct Budget<R> {
    inner: R,
    used: Rc<Cell<u64>>,
    what: &'static str,
}

impl<R> Budget<R> {
    fn new(inner: R, what: &'static str) -> Self {
        Budget {
            inner,
            used: Rc::default(),
            what,
        }
    }
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.used.get() > INPUT_LIMIT + BUFFER_LEN as u64 {
            return Err(std::io::Error::other(format!(
                "{} is larger than {} MiB",
                self.what,
                INPUT_LIMIT / (1024 * 1024)
            )));
        }
        let n = self.inner.read(buf)?;
        self.used.set(self.used.get() + n as u64);
        Ok(n)
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
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let Input { name, reader, .. } = input;
    match format {
        ImportFormat::Ndjson => read_ndjson(reader, &name, kind, emit),
        ImportFormat::Csv => read_csv(reader, &name, kind, emit),
        ImportFormat::Json => read_json_array(reader, &name, kind, emit),
    }
}

fn unreadable(name: &str, e: impl std::fmt::Display) -> Error {
    Error::input(format!("cannot read {name}: {e}"))
}

fn too_large() -> String {
    format!(
        "the record is larger than {} MiB",
        INPUT_LIMIT / (1024 * 1024)
    )
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

/// A first line of column names separated by commas (`name,info`), or a lone known column
/// name: CSV given without `--format csv`.
fn looks_like_csv_header(line: &[u8], kind: &RecordKind) -> bool {
    let Ok(line) = std::str::from_utf8(line.trim_ascii()) else {
        return false;
    };
    if line.starts_with('{') {
        return false;
    }
    let columns: Vec<&str> = line
        .split(',')
        .map(|c| c.trim().trim_matches('"').trim())
        .collect();
    let names_only = columns.iter().all(|c| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '-' | ' ' | '.'))
    });
    let known = columns
        .iter()
        .any(|c| (kind.csv_field)(&c.to_lowercase()).is_some());
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

/// A header row names the columns (matched case-insensitively), which the record kind maps
/// to its fields.
fn read_csv(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    kind: &RecordKind,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let quotes = QuoteScan::new(reader);
    let scan = quotes.state.clone();
    let budget = Budget::new(quotes, "a CSV record");
    let used = budget.used.clone();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(budget);
    let unclosed = |number: u64| {
        let line = scan.borrow().open_line;
        Error::input(format!(
            "{name}: record {number} has a quoted field that is never closed: the quote opened on line {line}"
        ))
        .with_hint("close the quote (a quote inside a quoted field is written \"\"); records before this one were processed as usual")
    };
    let header = csv
        .byte_headers()
        .map_err(|e| Error::input(format!("cannot read the CSV header of {name}: {e}")))?
        .clone();
    let mut ahead = None;
    if scan.borrow().unclosed_at_end() {
        // See below: the header is the culprit only if nothing follows it.
        let next = next_csv_item(&mut csv);
        if matches!(next, Ok(CsvItem::End)) {
            let line = scan.borrow().open_line;
            return Err(Error::input(format!(
                "{name}: the CSV header has a quoted field that is never closed: the quote opened on line {line}"
            )));
        }
        ahead = Some(next);
    }
    let columns = csv_columns(&header, name, kind)?;
    for number in 1u64.. {
        used.set(0);
        let item = match ahead.take() {
            Some(item) => item,
            None => next_csv_item(&mut csv),
        };
        let item = match item {
            Ok(CsvItem::End) => return Ok(()),
            Ok(item) => item,
            Err(_) if scan.borrow().in_quotes() => {
                // Over the record limit while a quote is open: the quote is the likely cause.
                let line = scan.borrow().open_line;
                return Err(Error::input(format!(
                    "{name}: record {number} is larger than {} MiB: the quoted field opened on line {line} is not closed within it",
                    INPUT_LIMIT / (1024 * 1024)
                ))
                .with_hint("close the quote (a quote inside a quoted field is written \"\"); records before this one were processed as usual"));
            }
            Err(e) => return Err(unreadable(name, e)),
        };
        if scan.borrow().unclosed_at_end() {
            // The input ended inside a quoted field. csv reads that as a last record holding
            // everything after the quote; only that record may be the culprit, so look one
            // record ahead (the whole input has been read by now, so this costs nothing).
            let next = next_csv_item(&mut csv);
            if matches!(next, Ok(CsvItem::End)) {
                return Err(unclosed(number));
            }
            ahead = Some(next);
        }
        let parsed = match item {
            CsvItem::Record(record) if record.as_slice().len() > INPUT_LIMIT as usize => {
                Err(too_large())
            }
            CsvItem::Record(record) => csv_record(&record, &columns, kind),
            CsvItem::Uneven { expected, found } => Err(format!(
                "expected {expected} fields like the header, found {found}"
            )),
            CsvItem::End => unreachable!("handled above"),
        };
        if !emit(parsed) {
            return Ok(());
        }
    }
    Ok(())
}

enum CsvItem {
    Record(csv::ByteRecord),
    /// A record with another number of fields than the header.
    Uneven {
        expected: u64,
        found: u64,
    },
    End,
}

fn next_csv_item<R: Read>(csv: &mut csv::Reader<R>) -> std::result::Result<CsvItem, csv::Error> {
    let mut record = csv::ByteRecord::new();
    match csv.read_byte_record(&mut record) {
        Ok(false) => Ok(CsvItem::End),
        Ok(true) => Ok(CsvItem::Record(record)),
        Err(e) => match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => Ok(CsvItem::Uneven {
                expected: *expected_len,
                found: *len,
            }),
            _ => Err(e),
        },
    }
}

/// Follows the bytes the csv reader takes with the same quoting rules (RFC 4180, as the csv
/// crate reads it by default), to know whether the input ended inside a quoted field and on
/// which line that quote opened. csv itself accepts such a field as running to the end of the
/// input, which would silently swallow every record after the quote.
struct QuoteScan<R> {
    inner: R,
    state: Rc<std::cell::RefCell<ScanState>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field (or of a record).
    FieldStart,
    /// Inside a field that did not start with a quote: quotes there are plain characters.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: the closing quote, or the first of `""`.
    QuoteInQuoted,
}

#[derive(Debug)]
struct ScanState {
    quoting: Quoting,
    /// The line being read, from 1.
    line: u64,
    /// The line of the quote that opened the current (or last) quoted field.
    open_line: u64,
    bytes: u64,
    ended: bool,
}

impl ScanState {
    fn in_quotes(&self) -> bool {
        self.quoting == Quoting::Quoted
    }

    fn unclosed_at_end(&self) -> bool {
        self.ended && self.in_quotes()
    }

    fn take(&mut self, byte: u8) {
        const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
        let at = self.bytes;
        self.bytes += 1;
        if at < 3 && byte == BOM[at as usize] && self.quoting == Quoting::FieldStart {
            return; // csv skips a leading BOM too
        }
        let ends_field = |b: u8| matches!(b, b',' | b'\n' | b'\r');
        self.quoting = match (self.quoting, byte) {
            (Quoting::FieldStart, b'"') => {
                self.open_line = self.line;
                Quoting::Quoted
            }
            (Quoting::FieldStart | Quoting::Unquoted | Quoting::QuoteInQuoted, b)
                if ends_field(b) =>
            {
                Quoting::FieldStart
            }
            (Quoting::FieldStart | Quoting::Unquoted, _) => Quoting::Unquoted,
            (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
            (Quoting::Quoted, _) => Quoting::Quoted,
            (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
            (Quoting::QuoteInQuoted, _) => Quoting::Unquoted,
        };
        if byte == b'\n' {
            self.line += 1;
        }
    }
}

impl<R> QuoteScan<R> {
    fn new(inner: R) -> Self {
        QuoteScan {
            inner,
            state: Rc::new(std::cell::RefCell::new(ScanState {
                quoting: Quoting::FieldStart,
                line: 1,
                open_line: 0,
                bytes: 0,
                ended: false,
            })),
        }
    }
}

impl<R: Read> Read for QuoteScan<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.state.borrow_mut();
        if n == 0 && !buf.is_empty() {
            state.ended = true;
        }
        for &byte in &buf[..n] {
            state.take(byte);
        }
        Ok(n)
    }
}

fn csv_columns(header: &csv::ByteRecord, name: &str, kind: &RecordKind) -> Result<Vec<CsvColumn>> {
    let mut columns: Vec<CsvColumn> = Vec::new();
    for field in header.iter() {
        let written = String::from_utf8_lossy(field).trim().to_owned();
        let Some(target) = (kind.csv_field)(&written.to_lowercase()) else {
            return Err(Error::input(format!(
                "unknown column '{written}' in the CSV header of {name} (known columns: {})",
                kind.csv_known
            )));
        };
        if let Some(earlier) = columns.iter().find(|c| c.field == target) {
            return Err(Error::input(format!(
                "the CSV header of {name} names the column '{written}' twice ('{}' and '{written}' fill the same field)",
                earlier.header
            )));
        }
        columns.push(CsvColumn {
            header: written,
            field: target,
        });
    }
    for (field, described) in kind.csv_required {
        if !columns.iter().any(|c| c.field == *field) {
            return Err(Error::input(format!(
                "the CSV header of {name} has no {described} column"
            )));
        }
    }
    Ok(columns)
}

fn csv_record(record: &csv::ByteRecord, columns: &[CsvColumn], kind: &RecordKind) -> Parsed {
    let mut cells = Vec::with_capacity(columns.len());
    for (column, bytes) in columns.iter().zip(record.iter()) {
        let text = String::from_utf8(bytes.to_vec())
            .map_err(|_| format!("the {} field is not UTF-8 text", column.header))?;
        cells.push((column.field, text));
    }
    (kind.from_csv)(&cells)
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
mod tests {
    use super::*;
    use crate::commands::import::kind::ENDUSER;
    use std::io::Cursor;

    fn records(format: ImportFormat, text: &str) -> Result<Vec<Parsed>> {
        let input = Input {
            name: "input".into(),
            reader: Box::new(Cursor::new(text.as_bytes().to_vec())),
            size: None,
            consumed: Arc::default(),
        };
        let mut out = Vec::new();
        read(input, format, &ENDUSER, &mut |parsed| {
            out.push(parsed);
            true
        })?;
        Ok(out)
    }

    fn names(parsed: &[Parsed]) -> Vec<String> {
        parsed
            .iter()
            .map(|p| match p {
                Ok(body) => {
                    let d: crate::model::EndUserData = serde_json::from_slice::<Value>(body)
                        .map(|v| crate::model::EndUserData::from_json(v).unwrap())
                        .unwrap();
                    format!("{}|{:?}", d.display_name.clone().unwrap(), d.info)
                }
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn formats_come_from_extensions_unless_given() {
        assert_eq!(
            format_for(Path::new("a.CSV"), None).unwrap(),
            ImportFormat::Csv
        );
        assert_eq!(
            format_for(Path::new("a.jsonl"), None).unwrap(),
            ImportFormat::Ndjson
        );
        assert_eq!(
            format_for(Path::new("-"), None).unwrap(),
            ImportFormat::Ndjson
        );
        assert_eq!(
            format_for(Path::new("a.txt"), Some(ImportFormat::Json)).unwrap(),
            ImportFormat::Json
        );
        assert!(format_for(Path::new("a.txt"), None).is_err());
    }

    #[test]
    fn ndjson_skips_blank_lines_and_reports_bad_ones() {
        let parsed = records(
            ImportFormat::Ndjson,
            "\u{feff}{\"display_name\":\"A\"}\r\n\n{oops\n{\"display_name\":\"\"}\n{\"display_name\":\"B\",\"info\":\"i\"}",
        )
        .unwrap();
        let names = names(&parsed);
        assert_eq!(names[0], "A|None");
        assert_eq!(
            names[1],
            "error: invalid JSON on line 3, column 2: key must be a string"
        );
        assert!(names[2].contains("must not be empty"), "{names:?}");
        assert_eq!(names[3], "B|Some(\"i\")");
        assert_eq!(names.len(), 4);
    }

    #[test]
    fn long_lines_are_refused_without_being_kept() {
        let mut reader = Cursor::new(b"abcdef\nxy\n".to_vec());
        let mut line = Vec::new();
        assert_eq!(
            read_line_limited(&mut reader, &mut line, 3).unwrap(),
            Some(false)
        );
        assert!(line.len() <= 3);
        line.clear();
        assert_eq!(
            read_line_limited(&mut reader, &mut line, 3).unwrap(),
            Some(true)
        );
        assert_eq!(line, b"xy");
        assert_eq!(read_line_limited(&mut reader, &mut line, 3).unwrap(), None);
    }

    #[test]
    fn csv_handles_quotes_newlines_bom_and_empty_cells() {
        let parsed = records(
            ImportFormat::Csv,
            "\u{feff}name,info\n\"Lovelace, Ada\",\"line 1\nline 2\"\nBob,\n,x\n\"Q \"\"q\"\"\",y,extra\n",
        )
        .unwrap();
        assert_eq!(
            names(&parsed),
            [
                "Lovelace, Ada|Some(\"line 1\\nline 2\")",
                "Bob|None",
                "error: the display name must not be empty",
                "error: expected 2 fields like the header, found 3",
            ]
        );
    }

    #[test]
    fn csv_header_must_name_known_columns() {
        let e = records(ImportFormat::Csv, "display_name,email\nA,a@x\n").unwrap_err();
        assert!(
            e.message.contains("unknown column 'email'"),
            "{}",
            e.message
        );
        let e = records(ImportFormat::Csv, "info\nx\n").unwrap_err();
        assert!(e.message.contains("no display_name"), "{}", e.message);
    }

    #[test]
    fn json_array_is_read_element_by_element() {
        let parsed = records(
            ImportFormat::Json,
            " [ {\"display_name\":\"A\"}, 3, {\"display_name\":\"B\",\"x\":\"y\"} ] ",
        )
        .unwrap();
        let names = names(&parsed);
        assert_eq!(names[0], "A|None");
        assert!(names[1].contains("found a number"), "{names:?}");
        assert!(names[2].contains("unknown field 'x'"), "{names:?}");
        let e = records(ImportFormat::Json, "{\"display_name\":\"A\"}").unwrap_err();
        assert!(e.message.contains("invalid JSON"), "{}", e.message);
        let e = records(ImportFormat::Json, "[{\"display_name\":\"A\"},").unwrap_err();
        assert!(e.message.contains("line 1"), "{}", e.message);
    }

    #[test]
    fn a_record_as_large_as_the_file_is_refused_not_kept() {
        let big = "x".repeat(2 * 1024 * 1024);
        let e = records(ImportFormat::Csv, &format!("name\nA\n\"open quote {big}\n")).unwrap_err();
        assert_eq!(
            e.message,
            "input: record 2 is larger than 1 MiB: the quoted field opened on line 3 is not closed within it"
        );
        let e = records(ImportFormat::Csv, &format!("name\n{big}{big}\n")).unwrap_err();
        assert!(
            e.message.contains("a CSV record is larger than 1 MiB"),
            "{}",
            e.message
        );
        let e = records(
            ImportFormat::Json,
            &format!("[{{\"display_name\":\"{big}\"}}]"),
        )
        .unwrap_err();
        assert!(
            e.message
                .contains("an element of the array is larger than 1 MiB"),
            "{}",
            e.message
        );
        // Many records together may be as large as they like.
        let many = "{\"display_name\":\"a\"},".repeat(200_000);
        let parsed = records(
            ImportFormat::Json,
            &format!("[{many}{{\"display_name\":\"b\"}}]"),
        )
        .unwrap();
        assert_eq!(parsed.len(), 200_001);
    }

    #[test]
    fn ndjson_that_is_an_array_is_refused_as_a_whole() {
        let e = records(ImportFormat::Ndjson, "[{\"display_name\":\"A\"}]").unwrap_err();
        assert!(e.message.contains("JSON array"), "{}", e.message);
    }

    #[test]
    fn an_unclosed_quote_at_the_end_names_its_record_and_line_and_nothing_from_it_is_read() {
        let mut seen = Vec::new();
        let input = Input {
            name: "u.csv".into(),
            reader: Box::new(Cursor::new(
                b"name,info\nBob,ok\n\"Ann\nLee\",two lines\nAda,\"x\nGrace,y\n".to_vec(),
            )),
            size: None,
            consumed: Arc::default(),
        };
        let e = read(input, ImportFormat::Csv, &ENDUSER, &mut |parsed| {
            seen.push(parsed);
            true
        })
        .unwrap_err();
        assert_eq!(
            e.message,
            "u.csv: record 3 has a quoted field that is never closed: the quote opened on line 5"
        );
        assert_eq!(
            names(&seen),
            ["Bob|Some(\"ok\")", "Ann\nLee|Some(\"two lines\")"]
        );
        // A quote that closes, doubled quotes, and quotes inside an unquoted field are fine.
        let parsed = records(
            ImportFormat::Csv,
            "name,info\na\"b,\"x \"\"y\"\"\"\nc,\"\"\n",
        )
        .unwrap();
        assert_eq!(names(&parsed), ["a\"b|Some(\"x \\\"y\\\"\")", "c|None"]);
        let e = records(ImportFormat::Csv, "\u{feff}\"name,info\nA,b\n").unwrap_err();
        assert_eq!(
            e.message,
            "input: the CSV header has a quoted field that is never closed: the quote opened on line 1"
        );
        // The record with the open quote is refused even when it has too few fields.
        let e = records(ImportFormat::Csv, "name,info\nA,b\n\"C\nD\n").unwrap_err();
        assert!(e.message.contains("record 2 "), "{}", e.message);
    }

    #[test]
    fn csv_header_names_match_whatever_their_case() {
        let parsed = records(ImportFormat::Csv, "Name,INFO\nAda,x\n").unwrap();
        assert_eq!(names(&parsed), ["Ada|Some(\"x\")"]);
        let parsed = records(ImportFormat::Csv, "Display_Name\nAda\n").unwrap();
        assert_eq!(names(&parsed), ["Ada|None"]);
    }

    #[test]
    fn csv_read_as_ndjson_is_recognised_by_its_header() {
        for text in [
            "name,info\nAda,x\n",
            "\u{feff}Display_Name\nAda\n",
            "\n\"name\",\"info\"\n",
        ] {
            let e = records(ImportFormat::Ndjson, text).unwrap_err();
            assert_eq!(
                e.message, "input looks like CSV: add --format csv",
                "{text:?}"
            );
        }
        // A line of garbage is a failed record, not a reason to refuse the input.
        for text in ["oops\n", "{\"a\":1,\"b\":2}\n", "hello world\n"] {
            assert_eq!(
                records(ImportFormat::Ndjson, text).unwrap().len(),
                1,
                "{text:?}"
            );
        }
    }
}
