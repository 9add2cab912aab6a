//! CSV input: a header row names the columns (matched case-insensitively), which the record
//! kind maps to its fields. The delimiter is found from the header line (`,`, `;` or tab,
//! as spreadsheets write them in different locales) unless `--delimiter` gives it. Structural
//! errors of one line (a field count unlike the header's, bytes that are not UTF-8, the header
//! repeated) fail that record, naming the line, and the run goes on.

use std::io::{BufRead, Read};
use std::rc::Rc;

use super::budget::{Budget, too_large, unreadable};
use super::kind::Parsed;
use super::kind::{CsvColumn, RecordKind};
use crate::config::INPUT_LIMIT;
use crate::error::{Error, Result};

/// The delimiter of a CSV input whose first line is at the start of `reader`'s buffer: the one
/// of `,`, `;` and tab that appears most often in it outside quotes (`,` when none does).
pub(super) fn detect_delimiter(reader: &mut dyn BufRead) -> u8 {
    let Ok(buffer) = reader.fill_buf() else {
        return b',';
    };
    let line = buffer.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in line {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(count) = counts.iter_mut().find(|(d, _)| *d == byte) {
            count.1 += 1;
        }
    }
    // `max_by_key` keeps the last of equals: reversed, a tie goes to the comma.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Reads every record of a CSV input, handing each to `emit` (false stops the reading).
pub(super) fn read_csv(
    mut reader: Box<dyn BufRead + Send>,
    name: &str,
    kind: &RecordKind,
    delimiter: Option<u8>,
    emit: &mut dyn FnMut(Parsed) -> bool,
) -> Result<()> {
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&mut reader));
    let quotes = QuoteScan::new(reader, delimiter);
    let scan = quotes.state.clone();
    let budget = Budget::new(quotes, "a CSV record");
    let used = budget.used.clone();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(delimiter)
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
    let columns = csv_columns(&header, name, kind, delimiter)?;
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
            CsvItem::Record(record) if record == header => {
                Err(format!("line {}: repeated header line", line_of(&record)))
            }
            CsvItem::Record(record) => csv_record(&record, &columns, kind),
            CsvItem::Uneven {
                expected,
                found,
                line,
            } => Err(format!(
                "line {line}: expected {expected} fields like the header, found {found}"
            )),
            CsvItem::End => unreachable!("handled above"),
        };
        if !emit(parsed) {
            return Ok(());
        }
    }
    Ok(())
}

pub(super) enum CsvItem {
    Record(csv::ByteRecord),
    /// A record with another number of fields than the header.
    Uneven {
        expected: u64,
        found: u64,
        line: u64,
    },
    End,
}

/// The line a record starts on, from 1 (the header is line 1).
fn line_of(record: &csv::ByteRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

fn next_csv_item<R: Read>(csv: &mut csv::Reader<R>) -> std::result::Result<CsvItem, csv::Error> {
    let mut record = csv::ByteRecord::new();
    match csv.read_byte_record(&mut record) {
        Ok(false) => Ok(CsvItem::End),
        Ok(true) => Ok(CsvItem::Record(record)),
        Err(e) => match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len,
                len,
                pos,
            } => Ok(CsvItem::Uneven {
                expected: *expected_len,
                found: *len,
                line: pos.as_ref().map_or(0, csv::Position::line),
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
    delimiter: u8,
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
        let delimiter = self.delimiter;
        let ends_field = |b: u8| b == delimiter || matches!(b, b'\n' | b'\r');
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
    fn new(inner: R, delimiter: u8) -> Self {
        QuoteScan {
            inner,
            state: Rc::new(std::cell::RefCell::new(ScanState {
                quoting: Quoting::FieldStart,
                line: 1,
                open_line: 0,
                bytes: 0,
                ended: false,
                delimiter,
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

fn csv_columns(
    header: &csv::ByteRecord,
    name: &str,
    kind: &RecordKind,
    delimiter: u8,
) -> Result<Vec<CsvColumn>> {
    let mut columns: Vec<CsvColumn> = Vec::new();
    for field in header.iter() {
        let written = String::from_utf8_lossy(field).trim().to_owned();
        let Some(target) = (kind.csv_field)(&written) else {
            let mut error = Error::input(format!(
                "unknown column '{written}' in the CSV header of {name} (accepted columns: {})",
                kind.csv_known
            ));
            if let Some(hint) = (kind.csv_unknown_hint)(&written) {
                error = error.with_hint(hint);
            } else if delimiter == b',' && header.len() == 1 {
                error = error.with_hint(
                    "if the file's columns are separated by another character, give it with --delimiter",
                );
            }
            return Err(error);
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
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
            format!(
                "line {}: the {} field is not UTF-8 text",
                line_of(record),
                column.header
            )
        })?;
        cells.push((column.field, text));
    }
    (kind.from_csv)(&cells)
}
