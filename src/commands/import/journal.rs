//! The import journal: an append-only file, one JSON line per event, synced before the event's
//! result is reported, so that a run that dies at any point leaves enough behind for the next
//! one to skip what was created and hold back what may have been.
//!
//! ```text
//! {"v":1,"input":"users.csv","started":1764210000}
//! {"record":1,"hash":"5a1e...","event":"sent"}
//! {"record":1,"hash":"5a1e...","event":"created","id":"3f2b..."}
//! {"record":2,"hash":"77c0...","event":"failed","retriable":false,"reason":"HTTP 409: ..."}
//! {"record":3,"hash":"01d9...","event":"uncertain","reason":"no answer within 30 s"}
//! ```
//!
//! Records sent many to a request (contacts) are journaled as a batch too, before the batch is
//! first sent: its random `Idempotency-Key`, a hash of its body and its records in order
//! (`{"batch":"9b1c...","body":"c3d4...","records":[[1,"5a1e..."],[2,"77c0..."]]}`). A resumed
//! run sends a batch whose outcome is unknown again exactly as it was, under the same key, so
//! the API answers it without adding anything twice.
//!
//! The hash of each record is what ties the journal to its input: a resumed run compares the
//! records it reads with them (see the reader in `mod.rs`), so an input edited to fix failed
//! records can be resumed. (Journals from before kept an `input_hash` of the input's first
//! 64 KiB in their header; it is ignored.)
//!
//! The file is created 0600 (it holds the server's error messages, which may quote the
//! records), every line passes through the redactor, and a run holds an exclusive lock on it
//! so that two runs cannot both send the same records.

use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::Mutex;

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::output::Output;
use crate::secret::redact;

/// Journals are written as version 2 (batches); version 1 journals (no batches) are read too.
const VERSION: u64 = 2;

/// What an earlier run last wrote about a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prior {
    /// Created, with the id the server gave.
    Created(Option<String>),
    /// Refused, or never sent: nothing was created, so it may be sent again.
    Failed,
    /// Sent, and the run ended before the answer was recorded.
    InFlight,
    /// Sent, and the answer left the outcome unknown.
    Uncertain,
}

/// The last event of each record, with the hash of the record it was about.
pub type History = HashMap<u64, (u64, Prior)>;

/// A batch as journaled before it was first sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournaledBatch {
    /// Its `Idempotency-Key`.
    pub key: String,
    /// The FNV-1a hash of its request body.
    pub body: u64,
    /// Its records in order: number and hash.
    pub records: Vec<(u64, u64)>,
}

/// One event about a record.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    Sent,
    Created(Option<&'a str>),
    Failed { retriable: bool, reason: &'a str },
    Uncertain { reason: &'a str },
}

/// Events are appended under one lock and synced under another, so that one `fsync` covers
/// every event written before it started (group commit): workers finishing together share it.
pub struct Journal {
    file: Mutex<Appender>,
    syncer: File,
    synced: Mutex<u64>,
}

struct Appender {
    file: File,
    written: u64,
}

impl Journal {
    /// Opens (or creates) the journal at `path` and locks it for this run: a new journal gets
    /// a header; an existing one gives the history of its records.
    pub fn open(
        path: &Path,
        input_name: &str,
        out: &Output,
    ) -> Result<(Journal, History, Vec<JournaledBatch>)> {
        let shown = path.display();
        let cannot =
            |e: std::io::Error| Error::input(format!("cannot use the journal {shown}: {e}"));
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Private from its first byte: a chmod after creating it would leave a window.
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(cannot)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::input(format!(
                    "the journal {shown} is in use by another run of altur"
                ))
                .with_hint(
                    "two runs on one journal would both send the same records: wait for the other run to finish",
                ));
            }
            // A file system without locks (some network mounts) should not make journals
            // unusable: say what is not guarded, and carry on.
            Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                out.warn(&format!(
                    "cannot lock the journal {shown} ({e}): nothing stops another run from using it at the same time"
                ));
            }
            Err(TryLockError::Error(e)) => return Err(cannot(e)),
        }
        let (history, batches) = if file.metadata().map_err(cannot)?.len() == 0 {
            let header = json!({
                "v": VERSION,
                "input": input_name,
                "started": std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or_default(),
            });
            write_synced(&mut file, &format!("{header}\n")).map_err(cannot)?;
            (History::new(), Vec::new())
        } else {
            let (history, batches, complete) =
                read_history(BufReader::new(&mut file), &shown.to_string())?;
            // A line cut short by a crash is dropped, so the next event starts a line of its own.
            file.set_len(complete).map_err(cannot)?;
            (history, batches)
        };
        let syncer = file.try_clone().map_err(cannot)?;
        Ok((
            Journal {
                file: Mutex::new(Appender { file, written: 0 }),
                syncer,
                synced: Mutex::new(0),
            },
            history,
            batches,
        ))
    }

    /// Appends a batch about to be sent for the first time, synced before it returns.
    pub fn batch(&self, batch: &JournaledBatch) -> Result<()> {
        let records: Vec<Value> = batch
            .records
            .iter()
            .map(|(number, hash)| json!([number, hex(*hash)]))
            .collect();
        let line = json!({"batch": batch.key, "body": hex(batch.body), "records": records});
        self.append(&line)
    }

    /// Appends one event and syncs it to disk before returning.
    pub fn record(&self, record: u64, hash: u64, event: Event) -> Result<()> {
        let mut line = json!({"record": record, "hash": hex(hash)});
        let fields = line.as_object_mut().expect("an object");
        let (name, id, reason, retriable) = match event {
            Event::Sent => ("sent", None, None, None),
            Event::Created(id) => ("created", Some(id), None, None),
            Event::Failed { retriable, reason } => ("failed", None, Some(reason), Some(retriable)),
            Event::Uncertain { reason } => ("uncertain", None, Some(reason), None),
        };
        fields.insert("event".into(), name.into());
        if let Some(id) = id {
            fields.insert("id".into(), id.into());
        }
        if let Some(retriable) = retriable {
            fields.insert("retriable".into(), retriable.into());
        }
        if let Some(reason) = reason {
            fields.insert("reason".into(), reason.into());
        }
        self.append(&line)
    }

    /// Appends one line and syncs it (with any other line written meanwhile) to disk.
    fn append(&self, line: &Value) -> Result<()> {
        let cannot =
            |e: std::io::Error| Error::internal(format!("cannot write to the journal: {e}"));
        let number = {
            let mut appender = self.file.lock().unwrap_or_else(|e| e.into_inner());
            // The reason is the server's text, which may quote the key back.
            let text = format!("{}\n", redact(&line.to_string()));
            appender.file.write_all(text.as_bytes()).map_err(cannot)?;
            appender.written += 1;
            appender.written
        };
        let mut synced = self.synced.lock().unwrap_or_else(|e| e.into_inner());
        if *synced < number {
            let covered = self.file.lock().unwrap_or_else(|e| e.into_inner()).written;
            self.syncer.sync_data().map_err(cannot)?;
            *synced = covered;
        }
        Ok(())
    }
}

fn write_synced(file: &mut File, text: &str) -> std::io::Result<()> {
    file.write_all(redact(text).as_bytes())?;
    file.sync_data()
}

pub fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// Reads an existing journal; returns what it says and the length of its complete lines. Only
/// a last line without its newline (cut short by a crash) may be unreadable.
fn read_history(
    mut reader: impl BufRead,
    shown: &str,
) -> Result<(History, Vec<JournaledBatch>, u64)> {
    let damaged = |number: usize| {
        Error::input(format!("the journal {shown} is damaged at line {number}")).with_hint(
            "give a new --journal path (records it lists as created would be created again)",
        )
    };
    let mut history = History::new();
    let mut batches = Vec::new();
    let mut complete = 0u64;
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::input(format!("cannot read the journal {shown}: {e}")))?;
        if read == 0 || line.last() != Some(&b'\n') {
            break;
        }
        let value = serde_json::from_slice::<Value>(&line).map_err(|_| damaged(number))?;
        if number == 1 {
            check_header(&value, shown)?;
        } else if value.get("batch").is_some() {
            batches.push(parse_batch(&value).ok_or_else(|| damaged(number))?);
        } else {
            let (record, hash, prior) = parse_event(&value).ok_or_else(|| damaged(number))?;
            history.insert(record, (hash, prior));
        }
        complete += read as u64;
    }
    if complete == 0 {
        return Err(damaged(1));
    }
    Ok((history, batches, complete))
}

fn check_header(header: &Value, shown: &str) -> Result<()> {
    if !matches!(header.get("v").and_then(Value::as_u64), Some(1..=VERSION)) {
        return Err(Error::input(format!(
            "{shown} is not an import journal this version of altur can read"
        )));
    }
    Ok(())
}

fn parse_batch(value: &Value) -> Option<JournaledBatch> {
    let hash = |text: &Value| u64::from_str_radix(text.as_str()?, 16).ok();
    let records = value
        .get("records")?
        .as_array()?
        .iter()
        .map(|pair| Some((pair.get(0)?.as_u64()?, hash(pair.get(1)?)?)))
        .collect::<Option<Vec<_>>>()?;
    Some(JournaledBatch {
        key: value.get("batch")?.as_str()?.to_owned(),
        body: hash(value.get("body")?)?,
        records,
    })
}

fn parse_event(value: &Value) -> Option<(u64, u64, Prior)> {
    let record = value.get("record")?.as_u64()?;
    let hash = u64::from_str_radix(value.get("hash")?.as_str()?, 16).ok()?;
    let prior = match value.get("event")?.as_str()? {
        "sent" => Prior::InFlight,
        "created" => Prior::Created(value.get("id").and_then(Value::as_str).map(str::to_owned)),
        "failed" => Prior::Failed,
        "uncertain" => Prior::Uncertain,
        _ => return None,
    };
    Some((record, hash, prior))
}

#[cfg(test)]
mod tests;
