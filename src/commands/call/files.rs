//! Where recordings land (contract section 15): names from the call id and the Content-Type,
//! temporary files in the destination folder renamed into place (so a file under its final
//! name is always complete), the leftovers of a killed run, the lock that keeps two bulk runs
//! out of one folder, the removal of what is in flight on Ctrl-C, and which `recording_url`
//! values may be followed.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::NamedTempFile;

use crate::error::{Error, Result};
use crate::output::for_terminal;

/// The extensions recordings get, `bin` for any type we do not know.
pub const EXTENSIONS: [&str; 6] = ["mp3", "wav", "ogg", "webm", "m4a", "bin"];

/// Temporary files are `.CALL_ID.RANDOM.altur.part`: hidden, and recognisable as ours.
const TEMP_SUFFIX: &str = ".altur.part";

/// The extension for a Content-Type (`audio/wav; charset=...` included), `bin` when unknown.
pub fn extension_for(content_type: Option<&str>) -> &'static str {
    let media = content_type
        .and_then(|value| value.split(';').next())
        .map(|media| media.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match media.as_str() {
        "audio/mpeg" | "audio/mp3" | "audio/mpeg3" | "audio/x-mpeg-3" => "mp3",
        "audio/wav" | "audio/wave" | "audio/x-wav" | "audio/vnd.wave" | "audio/x-pn-wav" => "wav",
        "audio/ogg" | "application/ogg" | "audio/opus" | "audio/vorbis" => "ogg",
        "audio/webm" | "video/webm" => "webm",
        "audio/mp4" | "audio/m4a" | "audio/x-m4a" | "audio/aac-mp4" => "m4a",
        _ => "bin",
    }
}

/// A recording of `call_id` already in `dir` under a name this program gives
/// (`CALL_ID.EXT`). Such a file is complete: files are renamed into place only when whole.
/// A 0-byte file is not one (something else left it): it is downloaded again.
pub fn existing_recording(dir: &Path, call_id: &str) -> Option<PathBuf> {
    EXTENSIONS
        .iter()
        .map(|ext| dir.join(format!("{call_id}.{ext}")))
        .find(|path| std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0))
}

/// A new temporary file for `call_id` in `dir`, removed when dropped unless persisted.
/// Its mode is the usual one for new files (0666 less the umask), not tempfile's 0600: the
/// rename makes it the recording.
pub fn temp_file_in(dir: &Path, call_id: &str) -> io::Result<NamedTempFile> {
    let prefix = format!(".{call_id}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Removes the temporary files a killed run left in `dir`; the number removed.
pub fn remove_stale_temp_files(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') && name.ends_with(TEMP_SUFFIX) && entry.file_type()?.is_file() {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(removed)
}

/// Makes `--dir` (a folder, created with its parents if missing); its name as shown in
/// messages.
pub fn prepare_dir(dir: &Path) -> Result<String> {
    let shown = for_terminal(&dir.display().to_string()).into_owned();
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(format!("--dir {shown} is not a folder")));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::input(format!("cannot create the folder {shown}: {e}")))?;
    Ok(shown)
}

/// An exclusive lock on a folder for the life of the returned handle, so a second run cannot
/// take the first one's temporary files for leftovers. Refused (exit 2) when held.
pub fn lock_dir(dir: &Path) -> Result<File> {
    let shown = || for_terminal(&dir.display().to_string()).into_owned();
    let handle = File::open(dir)
        .map_err(|e| Error::input(format!("cannot open the folder {}: {e}", shown())))?;
    match handle.try_lock() {
        Ok(()) => Ok(handle),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::input(format!(
            "another altur run is downloading into {}",
            shown()
        ))
        .with_hint("wait for it to finish, or choose another --dir")),
        // A file system without locks (some network mounts): not guarded, but usable.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
            Ok(handle)
        }
        Err(std::fs::TryLockError::Error(e)) => Err(Error::input(format!(
            "cannot lock the folder {}: {e}",
            shown()
        ))),
    }
}

/// The temporary files being written, removed all at once on Ctrl-C. Once closed, no file is
/// started or renamed into place any more, so nothing partial and nothing new appears after
/// the removal.
#[derive(Default)]
pub struct InFlight {
    state: Mutex<Registry>,
}

#[derive(Default)]
struct Registry {
    closed: bool,
    paths: Vec<PathBuf>,
}

impl InFlight {
    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a temporary file; false when the run is stopping (the caller drops it).
    pub fn register(&self, path: &Path) -> bool {
        let mut registry = self.lock();
        if registry.closed {
            return false;
        }
        registry.paths.push(path.to_owned());
        true
    }

    /// Runs `finish` (the rename into place, or the removal) for a registered file, unless
    /// the run is stopping; then forgets the file. Returns `None` when stopping.
    pub fn complete<T>(&self, path: &Path, finish: impl FnOnce() -> T) -> Option<T> {
        let mut registry = self.lock();
        registry.paths.retain(|p| p != path);
        if registry.closed {
            return None;
        }
        Some(finish())
    }

    /// Forgets a file the caller has removed (a failed download).
    pub fn forget(&self, path: &Path) {
        self.lock().paths.retain(|p| p != path);
    }

    /// Stops every download from starting or finishing, and removes the files in flight.
    pub fn close_and_remove(&self) -> usize {
        let mut registry = self.lock();
        registry.closed = true;
        let mut removed = 0;
        for path in registry.paths.drain(..) {
            if std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// The path under the base URL to download a call's recording from: the listing's
/// `recording_url` when it points under the base URL (relative, like the API's
/// `/api/v1.0/call/{id}/recording`, or absolute on the same origin), else the documented
/// `/call/{id}/recording`. The key is sent only to the base URL, never to another host.
pub fn recording_path(base_url: &str, call_id: &str, recording_url: Option<&str>) -> String {
    let fallback = || format!("/call/{}/recording", crate::client::segment(call_id));
    recording_url
        .and_then(|url| under_base(base_url, url))
        .unwrap_or_else(fallback)
}

fn under_base(base_url: &str, url: &str) -> Option<String> {
    use ureq::http::Uri;
    let base: Uri = base_url.parse().ok()?;
    let base_path = base.path().trim_end_matches('/');
    let (path, query) = if url.starts_with('/') && !url.starts_with("//") {
        let (path, query) = match url.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (url, None),
        };
        (path.to_owned(), query.map(str::to_owned))
    } else {
        let target: Uri = url.parse().ok()?;
        let origin = |uri: &Uri| -> Option<(String, String, u16)> {
            let scheme = uri.scheme_str()?.to_ascii_lowercase();
            let default_port = match scheme.as_str() {
                "https" => 443,
                "http" => 80,
                _ => return None,
            };
            let host = uri.host()?.to_ascii_lowercase();
            Some((scheme, host, uri.port_u16().unwrap_or(default_port)))
        };
        if origin(&target)? != origin(&base)? || target.authority()?.as_str().contains('@') {
            return None;
        }
        (target.path().to_owned(), target.query().map(str::to_owned))
    };
    let rest = path.strip_prefix(base_path)?;
    let safe = rest.starts_with('/')
        && rest.len() > 1
        && !url.contains('#')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && rest.split('/').all(|segment| {
            let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
            decoded != "." && decoded != ".."
        });
    if !safe {
        return None;
    }
    Some(match query {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_owned(),
    })
}

#[cfg(test)]
mod tests;
