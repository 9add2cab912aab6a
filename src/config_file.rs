//! Writing the config file: `auth login` saves a key, `auth logout` removes it.
//!
//! The file is edited, never regenerated: `toml_edit` keeps every other profile, key, comment
//! and blank line byte for byte. The new text replaces the old one atomically (temp file in the
//! same folder, fsync, rename), so a failed write leaves the old file whole. A file that does not
//! parse is refused and left alone.

use std::io::Write;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, InlineTable, Item, Table, TableLike, Value};

use crate::config::config_syntax_error;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// A config file opened for editing.
pub struct ConfigDocument {
    /// The file that will be replaced (a symlink's target).
    target: PathBuf,
    doc: DocumentMut,
}

impl ConfigDocument {
    /// Reads and parses the file (an absent file is an empty document). A file that does not
    /// parse is refused, so it is never rewritten.
    pub fn open(path: &Path) -> Result<ConfigDocument> {
        let target = write_target(path)?;
        let doc = read_document(&target)?;
        Ok(ConfigDocument { target, doc })
    }

    /// Sets `key` as the `api_key` of `profile`, creating the profile when needed.
    pub fn set_api_key(&mut self, profile: &str, key: &Secret) -> Result<()> {
        self.set_string(profile, "api_key", key.expose())
    }

    /// Sets `url` as the `base_url` of `profile` (`auth login --base-url`), so that later
    /// commands on the profile go where the key was saved for.
    pub fn set_base_url(&mut self, profile: &str, url: &str) -> Result<()> {
        self.set_string(profile, "base_url", url)
    }

    fn set_string(&mut self, profile: &str, name: &str, text: &str) -> Result<()> {
        let table = profile_table(&mut self.doc, &self.target, profile)?;
        match table.get_mut(name).and_then(Item::as_value_mut) {
            // Replace the value in place, keeping the comment and spacing around it.
            Some(old) => {
                let decor = old.decor().clone();
                *old = Value::from(text);
                *old.decor_mut() = decor;
            }
            None => {
                table.insert(name, toml_edit::value(text));
            }
        }
        Ok(())
    }

    /// Removes the `api_key` of `profile` and nothing else; returns whether there was one.
    pub fn remove_api_key(&mut self, profile: &str) -> bool {
        self.profile(profile)
            .and_then(|table| table.remove("api_key"))
            .is_some()
    }

    /// Whether `profile` has an `api_key`.
    pub fn has_api_key(&mut self, profile: &str) -> bool {
        self.profile(profile)
            .is_some_and(|table| table.contains_key("api_key"))
    }

    /// Whether `profile` has an `api_key_command`.
    pub fn has_key_command(&mut self, profile: &str) -> bool {
        self.profile(profile)
            .is_some_and(|table| table.contains_key("api_key_command"))
    }

    fn profile(&mut self, profile: &str) -> Option<&mut dyn TableLike> {
        self.doc
            .get_mut("profiles")
            .and_then(Item::as_table_like_mut)
            .and_then(|profiles| profiles.get_mut(profile))
            .and_then(Item::as_table_like_mut)
    }

    /// Writes the document back, atomically.
    pub fn save(&self) -> Result<()> {
        write_atomically(&self.target, self.doc.to_string().as_bytes())
    }
}

/// The file to write: `path`, or what it links to, so a symlinked config (dotfile managers)
/// stays a symlink. A folder is refused.
fn write_target(path: &Path) -> Result<PathBuf> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            Error::input(format!(
                "config file {} is a link that cannot be followed: {e}",
                path.display()
            ))
        })?,
        _ => path.to_path_buf(),
    };
    if target.is_dir() {
        return Err(Error::input(format!(
            "config file {} is a folder; give the path of a file with --config or ALTUR_CONFIG",
            target.display()
        )));
    }
    Ok(target)
}

/// The parsed file, or an empty document when it does not exist yet.
fn read_document(path: &Path) -> Result<DocumentMut> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Error::input(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
    };
    text.parse::<DocumentMut>()
        .map_err(|e| config_syntax_error(path, &text, e.span(), e.message()))
        .map_err(|e| {
            e.with_hint("fix or move the file; altur does not rewrite a file it cannot parse")
        })
}

/// The table of `profile` under `profiles`, created when missing.
fn profile_table<'a>(
    doc: &'a mut DocumentMut,
    path: &Path,
    profile: &str,
) -> Result<&'a mut dyn TableLike> {
    let not_a_table = |what: &str| {
        Error::input(format!(
            "config file {}: {what} is not a table; not changing it",
            path.display()
        ))
    };
    let profiles = doc.entry("profiles").or_insert_with(|| {
        // `[profiles.NAME]` headers, without an empty `[profiles]` above them.
        let mut table = Table::new();
        table.set_implicit(true);
        Item::Table(table)
    });
    let inline = profiles.is_inline_table();
    let profiles = profiles
        .as_table_like_mut()
        .ok_or_else(|| not_a_table("profiles"))?;
    if profiles.get(profile).is_none() {
        let table = if inline {
            Item::Value(Value::InlineTable(InlineTable::new()))
        } else {
            Item::Table(Table::new())
        };
        profiles.insert(profile, table);
    }
    profiles
        .get_mut(profile)
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| not_a_table(&format!("profiles.{profile}")))
}

/// Replaces `path` with `contents` so that a reader sees either the old file or the new one,
/// never a part: temp file in the same folder, fsync, rename, fsync of the folder. A missing
/// folder is created with mode 0700.
///
/// `tempfile` creates the temp file with `O_EXCL` and mode 0600 on Unix before a byte is
/// written (so the key is never readable by others, not even for an instant), removes it when
/// anything fails, and `persist` is the rename.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let fail = |what: &str, e: std::io::Error| {
        Error::internal(format!(
            "cannot save config file {}: {what}: {e}",
            path.display()
        ))
        .with_hint("the config file was not changed")
    };
    create_private_folder(folder)
        .map_err(|e| fail(&format!("creating {}", folder.display()), e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".to_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default, said out loud: the key must never be readable by others.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder
        .tempfile_in(folder)
        .map_err(|e| fail("creating a temporary file", e))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| fail("writing", e))?;
    temp.persist(path)
        .map_err(|e| fail("renaming the temporary file", e.error))?;
    // Make the rename itself durable. Some file systems cannot sync a folder; the file is in
    // place either way, so that is not an error.
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    // Only folders created here get 0700; an existing one (say ~/.config) keeps its mode.
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

#[cfg(not(unix))]
fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)
}

#[cfg(test)]
mod tests;
