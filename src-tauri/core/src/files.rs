//! Files Mend writes are private to the person's account, replaced whole, and overwritten
//! before they are removed when they held something an old credential could open.
//!
//! Invariants:
//! - Every file created here is owner-only (0600) and every folder 0700, whatever the
//!   process's umask; [`tighten`] brings older, looser files and folders down to that.
//! - [`replace_atomically`] leaves either the old file or the new one after a crash: temp
//!   file beside the target, fsync, rename, fsync the folder.
//! - [`overwrite_and_remove`] writes zeros over a file's whole length and syncs before
//!   unlinking it. On copy-on-write or flash-remapping storage the old blocks may survive
//!   elsewhere; that is the most a program can do, and the README says so.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Owner read and write only.
pub const FILE_MODE: u32 = 0o600;
/// Owner only.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` (and its parents) owner-only, and tightens it if it already existed.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)?;
    tighten(dir)
}

/// Creates a new owner-only file for writing, replacing any file already at `path`.
pub fn create_private(path: &Path) -> io::Result<File> {
    let file =
        OpenOptions::new().write(true).create(true).truncate(true).mode(FILE_MODE).open(path)?;
    // An existing file keeps its mode through `open`: set it.
    file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    Ok(file)
}

/// Brings a file down to 0600 or a folder to 0700 if it is looser. Links are not followed
/// and missing paths are fine.
pub fn tighten(path: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let wanted = if meta.is_dir() {
        DIR_MODE
    } else if meta.is_file() {
        FILE_MODE
    } else {
        return Ok(());
    };
    if meta.permissions().mode() & 0o777 != wanted {
        fs::set_permissions(path, fs::Permissions::from_mode(wanted))?;
    }
    Ok(())
}

/// Tightens `dir` and everything directly inside it, and the folders named in `nested`
/// with their contents.
pub fn tighten_tree(dir: &Path, nested: &[&str]) -> io::Result<()> {
    tighten(dir)?;
    let listing = match fs::read_dir(dir) {
        Ok(l) => l,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for item in listing {
        let item = item?;
        tighten(&item.path())?;
        let name = item.file_name();
        if nested.iter().any(|n| name.as_os_str() == *n) && item.file_type()?.is_dir() {
            for inner in fs::read_dir(item.path())? {
                tighten(&inner?.path())?;
            }
        }
    }
    Ok(())
}

/// Replaces `path` with `bytes` so a crash leaves the old file or the new one, never a mix.
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = Path::new(&tmp);
    {
        let mut f = create_private(tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(tmp, path)?;
    sync_dir(dir)
}

/// Renames `from` over `to` and makes the rename durable.
pub fn rename_durably(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)?;
    sync_dir(folder_of(to))
}

/// Flushes a folder's entries (renames, creations, removals) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Flushes a file's contents to disk.
pub fn sync_file(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Overwrites the file at `path` with zeros in place, syncs, then removes it. A missing
/// file is fine.
pub fn overwrite_and_remove(path: &Path) -> io::Result<()> {
    match overwrite(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes zeros over the whole length of the file at `path` and syncs it.
pub fn overwrite(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Ok(());
    }
    let mut file = OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 1 << 20];
    let mut left = meta.len();
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// Removes `path` if it exists (a missing file is fine).
pub fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_files_and_folders_are_owner_only_whatever_was_there() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        create_private_dir(&inner).unwrap();
        assert_eq!(mode(&inner), 0o700);
        let file = inner.join("f");
        fs::write(&file, b"x").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        create_private(&file).unwrap();
        assert_eq!(mode(&file), 0o600);
        replace_atomically(&inner.join("g"), b"y").unwrap();
        assert_eq!(mode(&inner.join("g")), 0o600);
    }

    #[test]
    fn tighten_tree_reaches_nested_folders_only_where_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("data");
        fs::create_dir_all(root.join("backups")).unwrap();
        fs::create_dir_all(root.join("other/deeper")).unwrap();
        for f in ["k", "backups/b", "other/deeper/x"] {
            fs::write(root.join(f), b"x").unwrap();
            fs::set_permissions(root.join(f), fs::Permissions::from_mode(0o644)).unwrap();
        }
        for d in ["", "backups", "other"] {
            fs::set_permissions(root.join(d), fs::Permissions::from_mode(0o755)).unwrap();
        }
        tighten_tree(&root, &["backups"]).unwrap();
        assert_eq!(mode(&root), 0o700);
        assert_eq!(mode(&root.join("k")), 0o600);
        assert_eq!(mode(&root.join("backups")), 0o700);
        assert_eq!(mode(&root.join("backups/b")), 0o600);
        assert_eq!(mode(&root.join("other")), 0o700);
        assert_eq!(mode(&root.join("other/deeper/x")), 0o644, "not named: left alone");
    }

    #[test]
    fn overwrite_and_remove_zeroes_before_unlinking() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("old");
        fs::write(&f, vec![7u8; 3 << 20 | 5]).unwrap();
        overwrite(&f).unwrap();
        let bytes = fs::read(&f).unwrap();
        assert_eq!(bytes.len(), 3 << 20 | 5);
        assert!(bytes.iter().all(|b| *b == 0));
        overwrite_and_remove(&f).unwrap();
        assert!(!f.exists());
        overwrite_and_remove(&f).unwrap();
    }
}
