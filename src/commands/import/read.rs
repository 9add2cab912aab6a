//! Streaming readers for the three input formats. Each hands one record at a time to a
//! callback and keeps no more than that record in memory, so a 1 GB file costs what a 1 MB one
//! does.

use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::{Deserializer as _, SeqAccess, Visitor};
use serde_json::Value;

use crate::cli::ImportFormat;
use crate::config::INPUT_LIMIT;
use crate::error::{Error, Result};
use crate::model::EndUserData;

/// How much of the input's start identifies it in the journal.
const PREFIX_LEN: usize = 64 * 1024;

/// A record as read: the fields ready to send, or why it cannot be sent.
pub type Parsed = std::result::Result<EndUserData, String>;

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

/// An opened input: its bytes, a hash of its first 64 KiB (when asked for), its size when known,
/// and a counter of the bytes read so far (for the progress estimate).
pub struct Input {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
    pub prefix_hash: Option<u64>,
    pub size: Option<u64>,
    pub consumed: Arc<AtomicU64>,
}

impl Input {
    /// Opens `path` (`-` is stdin). Hashing the first 64 KiB means waiting for them (or the end),
    /// so it is done only when a journal needs it: a slow pipe otherwise streams from its
    /// first line.
    pub fn open(path: &Path, hash_prefix: bool) -> Result<Input> {
        let (name, mut source, size): (String, Box<dyn Read + Send>, _) = if path == Path::new("-")
        {
            ("stdin".to_owned(), Box::new(std::io::stdin()), None)
        } else {
            let name = path.display().to_string();
            let file =
                File::open(path).map_err(|e| Error::input(format!("cannot read {name}: {e}")))?;
            let size = file.metadata().ok().map(|m| m.len());
            (name, Box::new(file), size)
        };
        let mut prefix = Vec::new();
        if hash_prefix {
            (&mut source)
                .take(PREFIX_LEN as u64)
                .read_to_end(&mut prefix)
                .map_err(|e| Error::input(format!("cannot read {name}: {e}")))?;
        }
        let prefix_hash = hash_prefix.then(|| fnv1a(&prefix));
        let consumed = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: Cursor::new(prefix).chain(source),
            consumed: consumed.clone(),
        };
        Ok(Input {
            prefix_hash,
            reader: Box::new(BufReader::with_capacity(PREFIX_LEN, counted)),
            name,
            size,
            consumed,
        })
    }
}

struct Counted<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
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
        if self.used.get() > INPUT_LIMIT + PREFIX_LEN as u64 {
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
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let Input { name, reader, .. } = input;
    match format {
        ImportFormat::Ndjson => read_ndjson(reader, &name, emit),
        ImportFormat::Csv => read_csv(reader, &name, emit),
        ImportFormat::Json => read_json_array(reader, &name, emit),
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
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let mut line = Vec::new();
    let mut first = true;
    loop {
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
        first = false;
        let parsed = if complete {
            parse_json_record(text)
        } else {
            Err(too_large())
        };
        if !emit(parsed) {
            return Ok(());
        }
    }
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

fn parse_json_record(text: &[u8]) -> Parsed {
    let text = std::str::from_utf8(text).map_err(|_| "the record is not UTF-8 text".to_owned())?;
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    checked(EndUserData::from_json(value)?)
}

fn checked(data: EndUserData) -> Parsed {
    data.check_for_create()?;
    Ok(data)
}

/// A header row names the columns: `display_name` (or `name`) and, optionally, `info`.
fn read_csv(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let budget = Budget::new(reader, "a CSV record (is a quote left open?)");
    let used = budget.used.clone();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(budget);
    let header = csv
        .byte_headers()
        .map_err(|e| Error::input(format!("cannot read the CSV header of {name}: {e}")))?
        .clone();
    let (name_column, info_column) = csv_columns(&header, name)?;
    let mut record = csv::ByteRecord::new();
    loop {
        used.set(0);
        let parsed = match csv.read_byte_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) if record.as_slice().len() > INPUT_LIMIT as usize => Err(too_large()),
            Ok(true) => csv_record(&record, name_column, info_column),
            Err(e) => match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => Err(format!(
                    "expected {expected_len} fields like the header, found {len}"
                )),
                _ => return Err(unreadable(name, e)),
            },
        };
        if !emit(parsed) {
            return Ok(());
        }
    }
}

fn csv_columns(header: &csv::ByteRecord, name: &str) -> Result<(usize, Option<usize>)> {
    let mut name_column = None;
    let mut info_column = None;
    for (index, field) in header.iter().enumerate() {
        let field = String::from_utf8_lossy(field);
        let slot = match field.trim() {
            "display_name" | "name" => &mut name_column,
            "info" => &mut info_column,
            other => {
                return Err(Error::input(format!(
                    "unknown column '{other}' in the CSV header of {name} (known columns: display_name or name, info)"
                )));
            }
        };
        if slot.replace(index).is_some() {
            return Err(Error::input(format!(
                "the CSV header of {name} names the column '{}' twice (display_name and name are the same column)",
                field.trim()
            )));
        }
    }
    let name_column = name_column.ok_or_else(|| {
        Error::input(format!(
            "the CSV header of {name} has no display_name (or name) column"
        ))
    })?;
    Ok((name_column, info_column))
}

fn csv_record(record: &csv::ByteRecord, name_column: usize, info_column: Option<usize>) -> Parsed {
    let field = |index: usize, column: &str| -> Result<String, String> {
        let bytes = record.get(index).unwrap_or_default();
        String::from_utf8(bytes.to_vec())
            .map_err(|_| format!("the {column} field is not UTF-8 text"))
    };
    let display_name = field(name_column, "name")?;
    let info = match info_column {
        Some(index) => Some(field(index, "info")?).filter(|info| !info.is_empty()),
        None => None,
    };
    checked(EndUserData {
        display_name: Some(display_name),
        info,
    })
}

/// A JSON array, parsed one element at a time: serde hands the elements to the visitor as it
/// reads them, so the array is never held whole.
fn read_json_array(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    struct Elements<'a> {
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
                let parsed = EndUserData::from_json(value).and_then(checked);
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

    fn records(format: ImportFormat, text: &str) -> Result<Vec<Parsed>> {
        let input = Input {
            name: "input".into(),
            reader: Box::new(Cursor::new(text.as_bytes().to_vec())),
            prefix_hash: None,
            size: None,
            consumed: Arc::default(),
        };
        let mut out = Vec::new();
        read(input, format, &mut |parsed| {
            out.push(parsed);
            true
        })?;
        Ok(out)
    }

    fn names(parsed: &[Parsed]) -> Vec<String> {
        parsed
            .iter()
            .map(|p| match p {
                Ok(d) => format!("{}|{:?}", d.display_name.clone().unwrap(), d.info),
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
        assert!(names[1].starts_with("error: invalid JSON"), "{names:?}");
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
        let e = records(ImportFormat::Csv, &format!("name\n\"open quote {big}\n")).unwrap_err();
        assert!(
            e.message
                .contains("a CSV record (is a quote left open?) is larger than 1 MiB"),
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
}
