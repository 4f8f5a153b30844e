//! Reading what the app left on disk: snapshots, permission bits, and searching files
//! for text that must not be there.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every file in `dir` with its bytes and modification time.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let m = e.metadata().unwrap();
            (e.path(), std::fs::read(e.path()).unwrap(), m.modified().unwrap())
        })
        .collect();
    files.sort();
    files
}

/// A file's or folder's permission bits.
pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every file under `dir` that contains `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    files_containing_since(dir, needle, std::time::UNIX_EPOCH)
}

/// Every file under `dir` modified at or after `since` that contains `needle` (the
/// time is checked first, so big unrelated trees are not read).
pub fn files_containing_since(
    dir: &Path,
    needle: &[u8],
    since: std::time::SystemTime,
) -> Vec<PathBuf> {
    let (hits, _) = files_containing_any(&[dir.to_path_buf()], &[needle], since, &BTreeSet::new());
    hits.into_iter().map(|(path, _)| path).collect()
}

/// Every file under `dirs`, not in `skip` and modified at or after `since`, that holds
/// one of `needles`, with the index of the needle found (one pass over each file); and
/// how many files were read.
pub fn files_containing_any<N: AsRef<[u8]>>(
    dirs: &[PathBuf],
    needles: &[N],
    since: std::time::SystemTime,
    skip: &BTreeSet<PathBuf>,
) -> (Vec<(PathBuf, usize)>, usize) {
    let finder = aho_corasick::AhoCorasick::new(needles).unwrap();
    let mut hits = Vec::new();
    let mut read = 0;
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        if skip.contains(&dir) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file()
                && !skip.contains(&path)
                && meta.modified().map(|t| t >= since).unwrap_or(true)
            {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                read += 1;
                if let Some(m) = finder.find(&bytes) {
                    hits.push((path, m.pattern().as_usize()));
                }
            }
        }
    }
    (hits, read)
}
