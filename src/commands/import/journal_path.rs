//! Which journal a run keeps (contract section 20, "Input"): the one given with `--journal`
//! (never through a symlink), none with `--no-journal` or for stdin, and otherwise, for kinds
//! that keep one by default, one per input file under the state directory, so that running the
//! same file twice does not create every record twice.

use std::path::{Path, PathBuf};

use super::read::fnv1a;
use crate::cli::BulkRunArgs;
use crate::error::{Error, Result};
use crate::output::Output;

/// The journal a run keeps.
pub(super) struct Chosen {
    pub(super) path: PathBuf,
    /// Chosen by altur, not given: errors about it say where it is and how to do without.
    pub(super) default: bool,
}

/// The journal for an import of `file`, or `None` for a run without one.
pub(super) fn choose(
    out: &Output,
    run: &BulkRunArgs,
    file: &Path,
    by_default: bool,
) -> Result<Option<Chosen>> {
    if let Some(path) = &run.journal {
        refuse_symlink(path)?;
        return Ok(Some(Chosen {
            path: path.clone(),
            default: false,
        }));
    }
    if run.no_journal || !by_default || file == Path::new("-") {
        return Ok(None);
    }
    let Some(state) = dirs::state_dir().or_else(dirs::data_local_dir) else {
        out.warn(
            "no state directory (HOME is not set): this import keeps no journal; give --journal PATH for one",
        );
        return Ok(None);
    };
    let absolute = std::path::absolute(file)
        .map_err(|e| Error::input(format!("cannot read {}: {e}", file.display())))?;
    let folder = state.join("altur").join("imports");
    create_private_dir(&folder).map_err(|e| {
        Error::input(format!(
            "cannot create the folder of import journals {}: {e}",
            folder.display()
        ))
        .with_hint("give --journal PATH to keep the journal elsewhere, or --no-journal")
    })?;
    let name = format!(
        "{:016x}.journal",
        fnv1a(absolute.as_os_str().as_encoded_bytes())
    );
    let path = folder.join(name);
    refuse_symlink(&path)?;
    Ok(Some(Chosen {
        path,
        default: true,
    }))
}

/// A journal reached through a symlink could be any file (and keep its mode): refused.
fn refuse_symlink(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(Error::input(format!(
            "the journal {} is a symbolic link: refused, so that a journal never writes through one to another file",
            path.display()
        ))
        .with_hint("give the path of the journal itself")),
        _ => Ok(()),
    }
}

fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        // The journals quote the server's messages about the records.
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// `2026-12-04 14:02 UTC`: when a journal was last written, for the note about what it skips.
pub(super) fn minute(time: std::time::SystemTime) -> String {
    let iso = crate::datetime::format_utc(time);
    format!(
        "{} UTC",
        iso.get(..16).unwrap_or(&iso).replacen('T', " ", 1)
    )
}
