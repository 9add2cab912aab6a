//! The one buffered writer behind stdout: bytes collect in memory and leave in large writes
//! (one `write(2)` per 64 KiB, or per result on a terminal), redacted once per flush. A key
//! that straddles two flushes is still caught: the last [`HELD_BACK`] bytes of a flush wait
//! for the next one.

use std::io::{IsTerminal, Write};

use crate::error::{Error, Kind, Result};
use crate::secret::redact;

/// Bytes collected before they are written (when stdout is not a terminal).
pub(crate) const FLUSH_AT: usize = 64 * 1024;
/// Longer than any key, so a key split between two flushes is whole in the next redaction.
pub(crate) const HELD_BACK: usize = 4096;

/// Where the bytes go.
enum Target {
    Stdout,
    /// For in-process tests: everything written, redacted.
    #[cfg(test)]
    Memory(Vec<u8>),
}

/// A buffered, redacting writer. Write errors are typed: a reader that went away is
/// [`Kind::StdoutClosed`], returned to the caller (never a `process::exit`).
pub struct Sink {
    buf: Vec<u8>,
    target: Target,
    /// Whether stdout is a terminal (asked once, on the first write).
    terminal: Option<bool>,
    closed: bool,
}

impl Sink {
    pub const fn stdout() -> Sink {
        Sink {
            buf: Vec::new(),
            target: Target::Stdout,
            terminal: None,
            closed: false,
        }
    }

    #[cfg(test)]
    pub fn memory() -> Sink {
        Sink {
            buf: Vec::new(),
            target: Target::Memory(Vec::new()),
            terminal: Some(false),
            closed: false,
        }
    }

    /// What a memory sink received so far (flushed or not), redacted.
    #[cfg(test)]
    pub fn taken(&mut self) -> Vec<u8> {
        let _ = self.flush_all();
        match &mut self.target {
            Target::Memory(bytes) => std::mem::take(bytes),
            Target::Stdout => Vec::new(),
        }
    }

    /// What a memory sink has written so far, without flushing what waits.
    #[cfg(test)]
    pub fn emitted(&self) -> &[u8] {
        match &self.target {
            Target::Memory(bytes) => bytes,
            Target::Stdout => &[],
        }
    }

    pub fn is_terminal(&mut self) -> bool {
        *self
            .terminal
            .get_or_insert_with(|| std::io::stdout().is_terminal())
    }

    /// Appends `bytes`; writes out when [`FLUSH_AT`] bytes are waiting.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        if self.closed {
            return Err(closed());
        }
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= FLUSH_AT + HELD_BACK {
            self.flush_part()?;
        }
        Ok(())
    }

    /// The buffer, for writers that format straight into it (then [`Sink::wrote`]).
    pub(crate) fn buffer(&mut self) -> Result<&mut Vec<u8>> {
        if self.closed {
            return Err(closed());
        }
        Ok(&mut self.buf)
    }

    /// After bytes were added through [`Sink::buffer`].
    pub(crate) fn wrote(&mut self) -> Result<()> {
        if self.buf.len() >= FLUSH_AT + HELD_BACK {
            self.flush_part()?;
        }
        Ok(())
    }

    /// The end of one result: on a terminal, the reader sees it now.
    pub fn end_result(&mut self) -> Result<()> {
        if self.is_terminal() {
            self.flush_all()
        } else {
            Ok(())
        }
    }

    /// Writes everything that waits (before exit, and before a diagnostic on a terminal).
    pub fn flush_all(&mut self) -> Result<()> {
        if self.buf.is_empty() || self.closed {
            return if self.closed { Err(closed()) } else { Ok(()) };
        }
        let text = redacted(&self.buf);
        let result = emit(&mut self.target, &mut self.closed, &text);
        self.buf.clear();
        result
    }

    /// Writes all but the last [`HELD_BACK`] bytes, redacted; the rest waits, so a key cut
    /// at the boundary is whole in the next redaction.
    fn flush_part(&mut self) -> Result<()> {
        let text = redacted(&self.buf);
        let cut = text.len().saturating_sub(HELD_BACK);
        let result = emit(&mut self.target, &mut self.closed, &text[..cut]);
        let rest = text[cut..].to_vec();
        self.buf.clear();
        self.buf.extend_from_slice(&rest);
        result
    }
}

/// Writes `bytes` to the target in one call; a reader that went away marks the sink closed.
fn emit(target: &mut Target, is_closed: &mut bool, bytes: &[u8]) -> Result<()> {
    {
        let written = match target {
            #[cfg(test)]
            Target::Memory(out) => {
                out.extend_from_slice(bytes);
                Ok(())
            }
            Target::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes).and_then(|()| out.flush())
            }
        };
        match written {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                *is_closed = true;
                Err(closed())
            }
            Err(e) => Err(Error::internal(format!("cannot write to stdout: {e}"))),
        }
    }
}

fn closed() -> Error {
    Error::new(Kind::StdoutClosed, "stdout was closed")
}

/// The known secrets redacted from bytes that need not be UTF-8: only the text runs can hold
/// a key (keys are printable ASCII), every other byte is kept. Borrowed when nothing changes.
pub(crate) fn redacted(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return match redact(text) {
            std::borrow::Cow::Borrowed(_) => std::borrow::Cow::Borrowed(bytes),
            std::borrow::Cow::Owned(text) => std::borrow::Cow::Owned(text.into_bytes()),
        };
    }
    let mut out = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.extend_from_slice(redact(chunk.valid()).as_bytes());
        out.extend_from_slice(chunk.invalid());
    }
    std::borrow::Cow::Owned(out)
}
