//! One recording, streamed to a temporary file in its folder and renamed into place: flat
//! memory for any size, no partial file under the final name, the extension from the
//! Content-Type. A body cut short is fetched again from the start (a GET is safe to repeat)
//! up to `--retries` times, then reported as exit 7. `--timeout` bounds the wait for each
//! chunk, not the whole body; the file is fsynced before it is renamed into place.

use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant};

use crate::client::Failure;
use crate::error::{Error, Kind, Result};
use crate::output::{self, for_terminal};
use crate::pipeline::Ctx;

use super::files::{self, InFlight};

/// How much of a body is read at a time: memory stays at this, whatever the size.
const CHUNK: usize = 64 * 1024;

/// An answer whose head has arrived (2xx), its body still to read.
pub struct Opened {
    pub content_type: Option<String>,
    pub content_length: Option<u64>,
    pub body: Box<dyn Read + Send>,
}

/// Where recordings come from: one attempt of `GET path` under the base URL, its errors
/// classified by the HTTP client (the caller retries). A 404 is an error of kind `Api` with
/// status 404.
pub trait Source: Send + Sync {
    fn attempt(&self, path: &str) -> std::result::Result<Opened, Failure>;
}

/// How often a read that waits looks at the stop.
const TICK: Duration = Duration::from_millis(50);

/// A body read on its own thread, each chunk awaited at most `timeout` (no progress for that
/// long is a timeout), and given up at once when `stop` says so. The reading thread ends at
/// its next read once this is dropped.
pub struct ChunkTimeout<'s> {
    chunks: Receiver<io::Result<Vec<u8>>>,
    current: io::Cursor<Vec<u8>>,
    timeout: Duration,
    stop: Box<dyn Fn() -> bool + 's>,
    ended: bool,
}

impl<'s> ChunkTimeout<'s> {
    pub fn new(
        mut body: Box<dyn Read + Send>,
        timeout: Duration,
        stop: Box<dyn Fn() -> bool + 's>,
    ) -> ChunkTimeout<'s> {
        let (tx, chunks) = sync_channel(2);
        std::thread::spawn(move || {
            loop {
                let mut buffer = vec![0u8; CHUNK];
                let read = match body.read(&mut buffer) {
                    Ok(n) => {
                        buffer.truncate(n);
                        Ok(buffer)
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => Err(e),
                };
                let last = !matches!(&read, Ok(b) if !b.is_empty());
                if tx.send(read).is_err() || last {
                    return;
                }
            }
        });
        ChunkTimeout {
            chunks,
            current: io::Cursor::new(Vec::new()),
            timeout,
            stop,
            ended: false,
        }
    }
}

impl Read for ChunkTimeout<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || self.ended || buf.is_empty() {
                return Ok(n);
            }
            let deadline = Instant::now() + self.timeout;
            let chunk = loop {
                if (self.stop)() {
                    return Err(io::Error::new(io::ErrorKind::Interrupted, "stopped"));
                }
                let now = Instant::now();
                if now >= deadline {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!("no data for {} s (--timeout)", self.timeout.as_secs_f64()),
                    ));
                }
                match self.chunks.recv_timeout((deadline - now).min(TICK)) {
                    Ok(chunk) => break chunk,
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => {
                        return Err(io::Error::other("the body ended without a word"));
                    }
                }
            };
            let chunk = chunk?;
            if chunk.is_empty() {
                self.ended = true;
            }
            self.current = io::Cursor::new(chunk);
        }
    }
}

/// Told of the bytes as they arrive (a progress bar, a byte count).
pub trait Meter {
    /// A new attempt starts; its body has this length when the server said.
    fn start(&self, _length: Option<u64>) {}
    fn add(&self, _bytes: u64) {}
}

#[cfg(test)]
/// A meter that shows nothing.
pub struct NoMeter;

#[cfg(test)]
impl Meter for NoMeter {}

/// The final name of a recording.
#[derive(Debug, Clone)]
pub enum Name {
    /// This path exactly (`--file PATH`).
    Given(PathBuf),
    /// `CALL_ID.EXT` in this folder (empty: the current one), the extension from the
    /// Content-Type.
    ById { dir: PathBuf, call_id: String },
    /// `STEM.EXT`, the extension from the Content-Type, `unknown` when it names no known
    /// audio type (`call export`).
    Stem {
        stem: PathBuf,
        unknown: &'static str,
    },
}

impl Name {
    fn dir(&self) -> &Path {
        match self {
            Name::Given(path) => match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            },
            Name::ById { dir, .. } if dir.as_os_str().is_empty() => Path::new("."),
            Name::ById { dir, .. } => dir,
            Name::Stem { stem, .. } => match stem.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            },
        }
    }

    fn temp_stem(&self) -> String {
        match self {
            Name::Given(path) => path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_else(|| "recording".to_owned()),
            Name::ById { call_id, .. } => call_id.clone(),
            Name::Stem { stem, .. } => stem
                .file_name()
                .map(|name| name.to_string_lossy().chars().take(100).collect())
                .unwrap_or_else(|| "recording".to_owned()),
        }
    }

    fn final_path(&self, content_type: Option<&str>) -> PathBuf {
        match self {
            Name::Given(path) => path.clone(),
            Name::ById { dir, call_id } => {
                dir.join(format!("{call_id}.{}", files::extension_for(content_type)))
            }
            Name::Stem { stem, unknown } => {
                let ext = match files::extension_for(content_type) {
                    "bin" => unknown,
                    known => known,
                };
                let mut name = stem.clone().into_os_string();
                name.push(".");
                name.push(ext);
                PathBuf::from(name)
            }
        }
    }
}

/// A recording under its final name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    pub bytes: u64,
}

/// Everything about one download but where it comes from.
pub struct Download<'a> {
    pub path: &'a str,
    pub name: Name,
    /// Replace a file already under the final name.
    pub force: bool,
    pub retries: u32,
    /// The longest wait for one chunk of the body.
    pub timeout: Duration,
    pub in_flight: &'a InFlight,
    pub meter: &'a dyn Meter,
    /// The shared 429 pause and the stop: a download in flight is cut when the run stops.
    pub ctx: &'a Ctx<'a>,
}

/// Why a download stopped short of the file.
fn interrupted() -> Error {
    Error::new(Kind::Interrupted, "interrupted")
}

impl Download<'_> {
    /// Downloads into a temporary file next to the final name and renames it into place.
    pub fn run(&self, source: &dyn Source) -> Result<Saved> {
        let dir = self.name.dir();
        let temp = files::temp_file_in(dir, &self.name.temp_stem()).map_err(|e| {
            Error::new(
                Kind::Internal,
                format!(
                    "cannot create a file in {}: {e}",
                    for_terminal(&dir.display().to_string())
                ),
            )
        })?;
        let temp_path = temp.path().to_owned();
        if !self.in_flight.register(&temp_path) {
            return Err(interrupted());
        }
        let fetched = self.fetch_into(source, temp.as_file());
        let (content_type, bytes) = match fetched {
            Ok(fetched) => fetched,
            Err(error) => {
                self.in_flight.forget(&temp_path);
                drop(temp); // removes it
                return Err(error);
            }
        };
        let final_path = self.name.final_path(content_type.as_deref());
        let force = self.force;
        let persisted = self.in_flight.complete(&temp_path, move || {
            // A 0-byte file under the final name is not a recording: it is replaced.
            let empty = std::fs::metadata(&final_path).is_ok_and(|m| m.is_file() && m.len() == 0);
            if force || empty {
                temp.persist(&final_path).map(|_| final_path)
            } else {
                temp.persist_noclobber(&final_path).map(|_| final_path)
            }
        });
        match persisted {
            None => Err(interrupted()),
            Some(Ok(path)) => Ok(Saved { path, bytes }),
            Some(Err(e)) => {
                let shown = e.file.path().to_owned();
                let _ = std::fs::remove_file(&shown);
                let target = self.name.final_path(content_type.as_deref());
                let target = for_terminal(&target.display().to_string()).into_owned();
                Err(if e.error.kind() == io::ErrorKind::AlreadyExists {
                    Error::input(format!(
                        "{target} appeared while downloading; not replacing it"
                    ))
                    .with_hint("use --force to overwrite it")
                } else {
                    Error::internal(format!(
                        "cannot rename the download to {target}: {}",
                        e.error
                    ))
                })
            }
        }
    }

    /// The body written to `file` from its start, attempt after attempt while it is cut
    /// short: its Content-Type and length.
    fn fetch_into(
        &self,
        source: &dyn Source,
        mut file: &std::fs::File,
    ) -> Result<(Option<String>, u64)> {
        let mut attempt = 0;
        loop {
            let opened = self
                .ctx
                .request(self.retries, || source.attempt(self.path))?;
            self.meter.start(opened.content_length);
            file.set_len(0)
                .and_then(|()| file.rewind())
                .map_err(|e| write_error(&e))?;
            let ctx = self.ctx;
            let body = ChunkTimeout::new(opened.body, self.timeout, Box::new(|| ctx.stopping()));
            let copied = copy(body, &mut file, opened.content_length, self.meter, &|| {
                ctx.stopping()
            });
            match copied {
                Ok(bytes) => {
                    // Whole on disk before it gets its final name.
                    file.flush()
                        .and_then(|()| file.sync_all())
                        .map_err(|e| write_error(&e))?;
                    return Ok((opened.content_type, bytes));
                }
                Err(Copy::Stopped) => return Err(interrupted()),
                Err(Copy::Write(e)) => return Err(write_error(&e)),
                Err(Copy::Cut { got, expected, why }) => {
                    let of = expected.map(|n| format!(" of {n}")).unwrap_or_default();
                    let message = format!("the download was cut after {got}{of} bytes: {why}");
                    if attempt >= self.retries {
                        return Err(Error::new(Kind::Unknown, message).with_hint(
                            "nothing was saved; run the command again to download it again",
                        ));
                    }
                    let wait = Duration::from_millis(250 << attempt.min(5));
                    self.ctx.out.note(&format!(
                        "{message}; downloading again in {:.1} s ({} of {})",
                        wait.as_secs_f64(),
                        attempt + 1,
                        self.retries
                    ));
                    std::thread::sleep(wait);
                    attempt += 1;
                }
            }
        }
    }
}

fn write_error(error: &io::Error) -> Error {
    Error::internal(format!("cannot write the recording: {error}"))
}

enum Copy {
    Stopped,
    Write(io::Error),
    Cut {
        got: u64,
        expected: Option<u64>,
        why: String,
    },
}

/// Copies `body` to `out` a chunk at a time; a body that ends early or fails is `Cut`.
fn copy(
    mut body: impl Read,
    out: &mut impl Write,
    expected: Option<u64>,
    meter: &dyn Meter,
    stop: &dyn Fn() -> bool,
) -> std::result::Result<u64, Copy> {
    let mut buffer = vec![0u8; CHUNK];
    let mut got = 0u64;
    loop {
        if stop() {
            return Err(Copy::Stopped);
        }
        let n = match body.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted && stop() => {
                return Err(Copy::Stopped);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(Copy::Cut {
                    got,
                    expected,
                    why: e.to_string(),
                });
            }
        };
        out.write_all(&buffer[..n]).map_err(Copy::Write)?;
        got += n as u64;
        meter.add(n as u64);
    }
    match expected {
        Some(expected) if expected != got => Err(Copy::Cut {
            got,
            expected: Some(expected),
            why: "the connection closed early".to_owned(),
        }),
        _ => Ok(got),
    }
}

/// Streams the body to stdout (`--file -`) through the one redacting output: no temporary
/// file, so a cut body leaves what arrived in the pipe, and the exit code says it is incomplete
/// (7). A closed pipe is the usual quiet end (kind `StdoutClosed`).
pub fn to_stdout(
    source: &dyn Source,
    path: &str,
    meter: &dyn Meter,
    ctx: &Ctx<'_>,
    retries: u32,
    timeout: Duration,
) -> Result<u64> {
    let opened = ctx.request(retries, || source.attempt(path))?;
    meter.start(opened.content_length);
    let mut out = output::StdoutBytes::new(ctx.out);
    let body = ChunkTimeout::new(opened.body, timeout, Box::new(|| ctx.stopping()));
    match copy(body, &mut out, opened.content_length, meter, &|| {
        ctx.stopping()
    }) {
        Ok(bytes) => out.finish().map(|()| bytes),
        Err(Copy::Stopped) => Err(interrupted()),
        Err(Copy::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            Err(Error::new(Kind::StdoutClosed, "stdout was closed"))
        }
        Err(Copy::Write(e)) => Err(Error::internal(format!("cannot write to stdout: {e}"))),
        Err(Copy::Cut { got, expected, why }) => {
            let _ = out.finish();
            let of = expected.map(|n| format!(" of {n}")).unwrap_or_default();
            Err(Error::new(
                Kind::Unknown,
                format!("the download was cut after {got}{of} bytes: {why}"),
            )
            .with_hint("what reached stdout is incomplete"))
        }
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// A canned answer: its Content-Type, its body, and where the body is cut, if it is.
    pub type Answer = Result<(Option<&'static str>, Vec<u8>, Option<usize>)>;

    /// A source with canned answers: each open takes the next; a body may fail after some
    /// bytes.
    pub struct Canned {
        pub answers: Mutex<Vec<Answer>>,
        pub opened: AtomicU64,
    }

    impl Canned {
        pub fn new(answers: Vec<Answer>) -> Canned {
            Canned {
                answers: Mutex::new(answers.into_iter().rev().collect()),
                opened: AtomicU64::new(0),
            }
        }
    }

    struct CutAfter {
        data: io::Cursor<Vec<u8>>,
        cut: Option<usize>,
    }

    impl Read for CutAfter {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let position = self.data.position() as usize;
            if let Some(cut) = self.cut {
                if position >= cut {
                    return Err(io::Error::new(io::ErrorKind::ConnectionReset, "reset"));
                }
                let room = (cut - position).min(buf.len());
                return self.data.read(&mut buf[..room]);
            }
            self.data.read(buf)
        }
    }

    impl Source for Canned {
        fn attempt(&self, _path: &str) -> std::result::Result<Opened, Failure> {
            self.opened.fetch_add(1, Ordering::Relaxed);
            let (content_type, data, cut) =
                self.answers
                    .lock()
                    .unwrap()
                    .pop()
                    .unwrap()
                    .map_err(|error| Failure {
                        error,
                        delivery: crate::client::Delivery::Answered,
                        retry_after: None,
                    })?;
            let length = data.len() as u64;
            Ok(Opened {
                content_type: content_type.map(str::to_owned),
                content_length: Some(length),
                body: Box::new(CutAfter {
                    data: io::Cursor::new(data),
                    cut,
                }),
            })
        }
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    fn never() -> bool {
        false
    }

    static OUT: std::sync::LazyLock<crate::output::Output> =
        std::sync::LazyLock::new(crate::output::Output::memory);

    pub static ALONE: std::sync::LazyLock<Ctx<'static>> =
        std::sync::LazyLock::new(|| Ctx::alone(&never, &OUT));

    fn download<'a>(name: Name, in_flight: &'a InFlight) -> Download<'a> {
        Download {
            path: "/call/cll_1/recording",
            name,
            force: false,
            retries: 0,
            timeout: Duration::from_secs(5),
            in_flight,
            meter: &NoMeter,
            ctx: &ALONE,
        }
    }

    #[test]
    fn a_recording_lands_whole_under_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let body: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let source = Canned::new(vec![Ok((Some("audio/mpeg"), body.clone(), None))]);
        let in_flight = InFlight::default();
        let name = Name::ById {
            dir: dir.path().to_owned(),
            call_id: "cll_1".into(),
        };
        let saved = download(name, &in_flight).run(&source).unwrap();
        assert_eq!(saved.path, dir.path().join("cll_1.mp3"));
        assert_eq!(saved.bytes, body.len() as u64);
        assert_eq!(std::fs::read(&saved.path).unwrap(), body);
        assert_eq!(names_in(dir.path()), ["cll_1.mp3"]);
    }

    #[test]
    fn a_cut_body_is_fetched_again_then_given_up_leaving_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let body = vec![7u8; 200_000];
        let in_flight = InFlight::default();
        let name = Name::Given(dir.path().join("out.wav"));
        let source = Canned::new(vec![
            Ok((Some("audio/wav"), body.clone(), Some(100_000))),
            Ok((Some("audio/wav"), body.clone(), None)),
        ]);
        let saved = Download {
            retries: 1,
            ..download(name.clone(), &in_flight)
        }
        .run(&source)
        .unwrap();
        assert_eq!(std::fs::read(&saved.path).unwrap(), body);
        assert_eq!(names_in(dir.path()), ["out.wav"]);
        std::fs::remove_file(&saved.path).unwrap();

        let source = Canned::new(vec![Ok((Some("audio/wav"), body, Some(65_536)))]);
        let error = download(name, &in_flight).run(&source).unwrap_err();
        assert_eq!(error.kind, Kind::Unknown);
        assert!(
            error
                .message
                .starts_with("the download was cut after 65536 of 200000 bytes"),
            "{}",
            error.message
        );
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn an_error_answer_leaves_nothing_and_keeps_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        let source = Canned::new(vec![Err(Error::new(Kind::Api, "HTTP 404: no recording"))]);
        let in_flight = InFlight::default();
        let name = Name::ById {
            dir: dir.path().to_owned(),
            call_id: "cll_1".into(),
        };
        let error = download(name, &in_flight).run(&source).unwrap_err();
        assert_eq!(error.kind, Kind::Api);
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("cll_1.wav");
        std::fs::write(&target, b"old").unwrap();
        let in_flight = InFlight::default();
        let name = Name::Given(target.clone());
        let source = Canned::new(vec![
            Ok((Some("audio/wav"), b"new".to_vec(), None)),
            Ok((Some("audio/wav"), b"new".to_vec(), None)),
        ]);
        let error = download(name.clone(), &in_flight).run(&source).unwrap_err();
        assert_eq!(error.kind, Kind::Input);
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["cll_1.wav"]);
        Download {
            force: true,
            ..download(name, &in_flight)
        }
        .run(&source)
        .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    #[test]
    fn a_stopped_run_starts_and_finishes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let in_flight = InFlight::default();
        in_flight.close_and_remove();
        let source = Canned::new(vec![Ok((None, b"x".to_vec(), None))]);
        let name = Name::ById {
            dir: dir.path().to_owned(),
            call_id: "cll_1".into(),
        };
        let error = download(name, &in_flight).run(&source).unwrap_err();
        assert_eq!(error.kind, Kind::Interrupted);
        assert_eq!(source.opened.load(Ordering::Relaxed), 0);
        assert!(names_in(dir.path()).is_empty());
    }
}
