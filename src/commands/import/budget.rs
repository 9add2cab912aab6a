//! What one record may cost: a reader that fails once a record grows past the input limit
//! (an unclosed quote would otherwise make one record of the whole file), and the words for
//! an input that cannot be read.

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

use crate::config::INPUT_LIMIT;
use crate::error::Error;

/// The read buffer: large reads keep a file's system calls few.
pub(super) const BUFFER_LEN: usize = 64 * 1024;

/// Fails a read once more than a record's worth of bytes (plus a buffer's slack) came through
/// since the last reset: in a CSV or JSON array one record could otherwise grow as large as the
/// file (an unclosed quote), and memory with it.
pub(super) struct Budget<R> {
    inner: R,
    pub(super) used: Rc<Cell<u64>>,
    what: &'static str,
}

impl<R> Budget<R> {
    pub(super) fn new(inner: R, what: &'static str) -> Self {
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

pub(super) fn unreadable(name: &str, e: impl std::fmt::Display) -> Error {
    Error::input(format!("cannot read {name}: {e}"))
}

pub(super) fn too_large() -> String {
    format!(
        "the record is larger than {} MiB",
        INPUT_LIMIT / (1024 * 1024)
    )
}
