//! The sandbox's records: a map in memory and, with `--state FILE`, an append-only JSON-lines
//! log replayed at start so records survive a restart. Each line is a whole record after a
//! change; the last line for an id wins.
//!
//! The file's first line, [`HEADER`], names it a sandbox state: a file without it is someone
//! else's and is refused, never changed (`--state` pointed at the wrong file must not cost its
//! contents). The file is locked while a sandbox uses it: two sandboxes appending to one log
//! would each replay only their own records on restart.
//!
//! Ids compare case-insensitively, as UUIDs do: records are keyed by the id in lower case.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::EndUserData;

/// The first line of every state file.
pub const HEADER: &str = r#"{"altur":"sandbox state","version":1}"#;

/// An EndUser as the sandbox answers it (the spec's `EndUser` schema).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndUser {
    pub id: String,
    pub display_name: String,
    pub integration_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
}

pub struct Store {
    inner: Mutex<Inner>,
    /// Known without the lock, which a write to the file may hold for a while.
    on_disk: bool,
}

struct Inner {
    records: HashMap<String, EndUser>,
    log: Option<BufWriter<File>>,
}

/// What opening a state file found that the user should hear about.
pub struct Opened {
    pub store: Store,
    pub records: usize,
    /// Set when a torn last line (from a crash mid-write) was dropped.
    pub warning: Option<String>,
}

impl Store {
    pub fn in_memory() -> Store {
        Store {
            inner: Mutex::new(Inner {
                records: HashMap::new(),
                log: None,
            }),
            on_disk: false,
        }
    }

    /// Opens (or creates) the state file, locks it and replays it. A file that does not
    /// start with [`HEADER`] is refused unchanged; an empty or missing one is started. A last
    /// line that does not parse is what a crash mid-write leaves behind: it is cut off with a
    /// warning. A bad line before the last one means the file was edited: refuse rather than
    /// lose records.
    pub fn open(path: &Path) -> Result<Opened> {
        let shown = path.display();
        let file_error =
            |e: io::Error| Error::input(format!("cannot open the state file {shown}: {e}"));
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(file_error)?;
        file.try_lock().map_err(|e| match e {
            std::fs::TryLockError::WouldBlock => Error::input(format!(
                "the state file {shown} is in use by another sandbox"
            ))
            .with_hint("stop that sandbox first, or give this one another --state FILE"),
            std::fs::TryLockError::Error(e) => file_error(e),
        })?;
        let mut content = Vec::new();
        file.read_to_end(&mut content).map_err(file_error)?;
        if content.is_empty() {
            file.write_all(format!("{HEADER}\n").as_bytes())
                .map_err(file_error)?;
            content = format!("{HEADER}\n").into_bytes();
        }
        // The header alone, without its newline, is a crash right after creating the file.
        let body = content
            .strip_prefix(HEADER.as_bytes())
            .and_then(|rest| rest.strip_prefix(b"\n").or(rest.is_empty().then_some(rest)))
            .ok_or_else(|| {
                Error::input(format!(
                    "{shown} is not a sandbox state file: its first line is not {HEADER}"
                ))
                .with_hint(
                    "give --state a new or empty file (the sandbox creates it); this one was \
                     left unchanged",
                )
            })?;
        let header_length = content.len() - body.len();
        let replay = replay(body).map_err(|(line, e)| {
            Error::input(format!(
                "the state file {shown} has a bad record on line {}: {e}",
                line + 1
            ))
            .with_hint("refusing to start so that no record is lost; fix or move the file")
        })?;
        let mut warning = None;
        if let Some(torn) = replay.torn {
            file.set_len((header_length + torn.offset) as u64)
                .map_err(file_error)?;
            warning = Some(format!(
                "the state file {shown} ended with an incomplete record (line {}, {} bytes), \
                 probably from a crash; it was dropped",
                torn.line + 1,
                body.len() - torn.offset
            ));
        } else if content.last().is_some_and(|&b| b != b'\n') {
            // A complete last record that lost only its newline: end it before appending.
            file.write_all(b"\n").map_err(file_error)?;
        }
        let records = replay.records.len();
        Ok(Opened {
            store: Store {
                inner: Mutex::new(Inner {
                    records: replay.records,
                    log: Some(BufWriter::new(file)),
                }),
                on_disk: true,
            },
            records,
            warning,
        })
    }

    pub fn create(&self, data: EndUserData) -> io::Result<EndUser> {
        let record = EndUser {
            id: uuid::Uuid::new_v4().to_string(),
            display_name: data.display_name.unwrap_or_default(),
            integration_type: "api".to_owned(),
            info: data.info,
        };
        let mut inner = self.lock();
        inner.save(record)
    }

    pub fn get(&self, id: &str) -> Option<EndUser> {
        self.lock().records.get(&key(id)).cloned()
    }

    /// Whether changes are written to a file (so that they may block).
    pub fn writes_to_disk(&self) -> bool {
        self.on_disk
    }

    /// Changes only the fields given; `None` when there is no such record.
    pub fn update(&self, id: &str, data: EndUserData) -> io::Result<Option<EndUser>> {
        let mut inner = self.lock();
        let Some(current) = inner.records.get(&key(id)) else {
            return Ok(None);
        };
        let record = EndUser {
            display_name: data
                .display_name
                .unwrap_or_else(|| current.display_name.clone()),
            info: data.info.or_else(|| current.info.clone()),
            ..current.clone()
        };
        inner.save(record).map(Some)
    }

    /// Flushes the state file to disk; called once at shutdown.
    pub fn close(&self) -> io::Result<()> {
        let mut inner = self.lock();
        if let Some(log) = inner.log.as_mut() {
            log.flush()?;
            log.get_ref().sync_all()?;
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic is a bug that ends the process (see lib.rs), so poisoning cannot be seen.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Inner {
    /// Writes the record to the log before changing memory, so an answer never reports a
    /// change that a restart would forget.
    fn save(&mut self, record: EndUser) -> io::Result<EndUser> {
        if let Some(log) = self.log.as_mut() {
            let mut line = serde_json::to_vec(&record).expect("strings always serialize");
            line.push(b'\n');
            log.write_all(&line)?;
            log.flush()?;
        }
        self.records.insert(key(&record.id), record.clone());
        Ok(record)
    }
}

/// The map key for an id: UUIDs are the same in upper and lower case.
fn key(id: &str) -> String {
    id.to_ascii_lowercase()
}

struct Replay {
    records: HashMap<String, EndUser>,
    torn: Option<Torn>,
}

/// A last line that does not parse: where it starts, and its line number.
struct Torn {
    offset: usize,
    line: usize,
}

/// Replays the log; `Err((line number, reason))` for a bad line that is not the last.
fn replay(content: &[u8]) -> std::result::Result<Replay, (usize, String)> {
    // (line number, offset, text) of every line that is not blank.
    let mut lines = Vec::new();
    let mut offset = 0;
    for (index, line) in content.split(|&b| b == b'\n').enumerate() {
        if !line.iter().all(u8::is_ascii_whitespace) {
            lines.push((index + 1, offset, line));
        }
        offset += line.len() + 1;
    }
    let mut records = HashMap::new();
    let count = lines.len();
    for (position, (number, offset, line)) in lines.into_iter().enumerate() {
        match parse_record(line) {
            Ok(record) => {
                records.insert(key(&record.id), record);
            }
            Err(_) if position + 1 == count => {
                let torn = Torn {
                    offset,
                    line: number,
                };
                return Ok(Replay {
                    records,
                    torn: Some(torn),
                });
            }
            Err(e) => return Err((number, e)),
        }
    }
    Ok(Replay {
        records,
        torn: None,
    })
}

fn parse_record(line: &[u8]) -> std::result::Result<EndUser, String> {
    let record: EndUser = serde_json::from_slice(line).map_err(|e| e.to_string())?;
    if uuid::Uuid::try_parse(&record.id).is_err() {
        return Err(format!("'{}' is not a UUID", record.id));
    }
    Ok(record)
}

#[cfg(test)]
mod tests;
