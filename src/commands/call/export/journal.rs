//! The journal of an export, in its folder: one line per file written (or per part the call
//! turned out not to have), appended and fsynced as each lands, and a lock held for the run so
//! that a second run into the same folder is refused. A re-run reads it to fetch only what is
//! still missing, under the same names.

use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::output::for_terminal;

pub(super) const FILE_NAME: &str = ".altur-export.journal";

/// The two files an export may write for a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Transcript,
    Recording,
}

impl Part {
    fn key(self) -> &'static str {
        match self {
            Part::Transcript => "transcript",
            Part::Recording => "recording",
        }
    }
}

/// What an earlier run settled for one call: per part, the file written (relative to the
/// folder) or `None` when the call has no such part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Settled {
    pub transcript: Option<Option<String>>,
    pub recording: Option<Option<String>>,
}

impl Settled {
    pub(super) fn get(&self, part: Part) -> Option<&Option<String>> {
        match part {
            Part::Transcript => self.transcript.as_ref(),
            Part::Recording => self.recording.as_ref(),
        }
    }
}

pub(super) struct Journal {
    file: Mutex<File>,
}

impl Journal {
    /// Opens (or starts) the journal in `dir`, locked; what earlier runs settled, by call.
    pub(super) fn open(dir: &Path) -> Result<(Journal, HashMap<String, Settled>)> {
        let path = dir.join(FILE_NAME);
        let shown = for_terminal(&dir.display().to_string()).into_owned();
        if path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Err(Error::input(format!(
                "the export journal in {shown} is a symbolic link: not following it"
            )));
        }
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(&path)
            .map_err(|e| Error::input(format!("cannot open the export journal in {shown}: {e}")))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(
                    Error::input(format!("another altur run is exporting into {shown}"))
                        .with_hint("wait for it to finish, or choose another --dir"),
                );
            }
            Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {}
            Err(TryLockError::Error(e)) => {
                return Err(Error::input(format!(
                    "cannot lock the export journal in {shown}: {e}"
                )));
            }
        }
        let settled = read(&file);
        Ok((
            Journal {
                file: Mutex::new(file),
            },
            settled,
        ))
    }

    /// Records that `call`'s `part` is settled: written at `path`, or absent (`None`).
    pub(super) fn record(&self, call: &str, part: Part, path: Option<&str>) -> Result<()> {
        let mut line = json!({"call": call, "part": part.key(), "path": path}).to_string();
        line.push('\n');
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        file.write_all(line.as_bytes())
            .and_then(|()| file.sync_data())
            .map_err(|e| Error::internal(format!("cannot write the export journal: {e}")))
    }
}

/// Every settled part in the journal; a torn or foreign line is passed over.
fn read(file: &File) -> HashMap<String, Settled> {
    let mut settled: HashMap<String, Settled> = HashMap::new();
    for line in BufReader::new(file).lines() {
        let Ok(line) = line else { break };
        let Ok(value) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let (Some(call), Some(part)) = (
            value.get("call").and_then(Value::as_str),
            value.get("part").and_then(Value::as_str),
        ) else {
            continue;
        };
        let path = value.get("path").and_then(Value::as_str).map(str::to_owned);
        let entry = settled.entry(call.to_owned()).or_default();
        match part {
            "transcript" => entry.transcript = Some(path),
            "recording" => entry.recording = Some(path),
            _ => {}
        }
    }
    settled
}
