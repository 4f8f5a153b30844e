//! Crash safety on a real vault, with real processes killed by SIGKILL at random moments.
//!
//! The test binary runs itself as the child (the `crash::child` test, which does nothing
//! unless `MEND_CRASH_CHILD` is set): it writes entries in a loop and reports each one
//! after its commit returns, or changes the passphrase. The parent kills it with SIGKILL,
//! reopens the vault and checks every reported entry is there, byte for byte, and that
//! SQLite's integrity check passes. (libtest prints "test crash::child ... " before the
//! test runs, so the child's first line arrives after that prefix: markers are matched at
//! the end of a line.)
//!
//! Cycles: 200 for writes and 40 for passphrase changes by default; set
//! `MEND_CRASH_CYCLES` / `MEND_REKEY_CYCLES` for a longer run (README: 2,000 and 400).
use crate::common::{seed, Rng};
use mend_core::{Passphrase, SystemClock, Vault, VaultError, VaultPaths};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const A: &str = "quiet lantern over the harbour wall";
const B: &str = "seven herons crossing a grey estuary";

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s.to_owned())
}

fn body(cycle: u64, i: u64) -> String {
    // Long enough to span pages now and then, distinct per entry, checkable exactly.
    format!(
        "cycle {cycle} entry {i}: {}",
        "steady and honest, one day at a time. ".repeat((i % 40) as usize + 1)
    )
}

fn cycles(var: &str, default: u64) -> u64 {
    std::env::var(var).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// The name of [`child`] in the test binary, which the parent runs alone (`--exact`). A
/// wrong name runs no test, and the parent fails at once: the child never reports.
const CHILD: &str = "crash::child";

/// The child's side. Does nothing in a normal test run.
#[test]
fn child() {
    let Ok(role) = std::env::var("MEND_CRASH_CHILD") else { return };
    let dir = std::env::var("MEND_CRASH_DIR").unwrap();
    let paths = VaultPaths::new(&dir);
    let out = std::io::stdout();
    match role.as_str() {
        "write" => {
            let cycle: u64 = std::env::var("MEND_CRASH_CYCLE").unwrap().parse().unwrap();
            let v = Vault::unlock(&paths, &pass(A)).unwrap();
            writeln!(out.lock(), "READY").unwrap();
            for i in 0.. {
                v.journal().create(&body(cycle, i), &SystemClock).unwrap();
                // Reported only once the commit has returned.
                writeln!(out.lock(), "COMMITTED {i}").unwrap();
            }
        }
        "rekey" => {
            let (from, to) =
                if std::env::var("MEND_CRASH_FROM").unwrap() == "A" { (A, B) } else { (B, A) };
            let mut v = Vault::unlock(&paths, &pass(from)).unwrap();
            writeln!(out.lock(), "READY").unwrap();
            v.change_passphrase(&pass(from), &pass(to)).unwrap();
            writeln!(out.lock(), "CHANGED").unwrap();
        }
        other => panic!("unknown child role {other}"),
    }
}

/// Starts the child on `dir` and waits until it reports it has unlocked the vault; gives
/// back the child and the rest of its report lines.
fn start_child(
    dir: &std::path::Path,
    env: &[(&str, String)],
) -> (std::process::Child, std::io::Lines<BufReader<std::process::ChildStdout>>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([CHILD, "--exact", "--nocapture", "--test-threads=1"])
        .env("MEND_CRASH_DIR", dir)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // libtest prefixes the first line it prints ("test crash::child ... READY").
    while !lines.next().expect("the child reports").unwrap().ends_with("READY") {}
    (child, lines)
}

fn kill(child: &mut std::process::Child) {
    unsafe_free_kill(child.id());
    let _ = child.wait();
}

/// SIGKILL through kill(1): no unsafe code, and exactly what a crash looks like.
fn unsafe_free_kill(pid: u32) {
    let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
}

fn integrity_ok(v: &Vault) {
    let ok: String = v.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn entries_reported_as_committed_survive_sigkill() {
    let seed = seed();
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    drop(Vault::create(&paths, &pass(A)).unwrap());
    let n = cycles("MEND_CRASH_CYCLES", 200);
    let mut expected: Vec<String> = Vec::new();
    let started = Instant::now();
    for cycle in 0..n {
        // Once it has unlocked, let it write for a random 0–60 ms.
        let (mut child, lines) = start_child(
            dir.path(),
            &[("MEND_CRASH_CHILD", "write".into()), ("MEND_CRASH_CYCLE", cycle.to_string())],
        );
        let delay = Duration::from_micros(rng.below(60_000));
        let reader = std::thread::spawn(move || {
            let mut committed = Vec::new();
            for line in lines.map_while(Result::ok) {
                if let Some((_, i)) = line.split_once("COMMITTED ") {
                    committed.push(i.parse::<u64>().unwrap());
                }
            }
            committed
        });
        std::thread::sleep(delay);
        kill(&mut child);
        let committed = reader.join().unwrap();
        expected.extend(committed.iter().map(|&i| body(cycle, i)));

        let v = Vault::unlock(&paths, &pass(A))
            .unwrap_or_else(|e| panic!("seed {seed}, cycle {cycle}: {e}"));
        integrity_ok(&v);
        let mut stmt = v.connection().prepare("SELECT body FROM entry").unwrap();
        let stored: std::collections::HashSet<String> =
            stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        for e in &expected {
            assert!(
                stored.contains(e),
                "seed {seed}, cycle {cycle}: a reported entry is missing or changed"
            );
        }
    }
    eprintln!(
        "{n} SIGKILL cycles, {} entries reported and all present, in {:.1} s (seed {seed})",
        expected.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(expected.len() as u64 > n, "the children wrote entries before being killed");
}

#[test]
fn a_passphrase_change_killed_midway_leaves_exactly_one_passphrase_working() {
    let seed = seed();
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    {
        let v = Vault::create(&paths, &pass(A)).unwrap();
        for i in 0..20 {
            v.journal().create(&body(0, i), &SystemClock).unwrap();
        }
    }
    let n = cycles("MEND_REKEY_CYCLES", 40);
    let mut current = "A";
    let (mut changed, mut kept) = (0, 0);
    let mut span = Duration::ZERO;
    for cycle in 0..n {
        let old_key_file = std::fs::read(paths.key_file()).unwrap();
        // Its report stays open (held in `_lines`) so its later writes do not fail.
        let (mut child, _lines) = start_child(
            dir.path(),
            &[("MEND_CRASH_CHILD", "rekey".into()), ("MEND_CRASH_FROM", current.into())],
        );
        // The first change runs to the end, to learn how long one takes (three Argon2 runs,
        // the database copied under a new key, the files swapped); later ones are killed anywhere in one and a half
        // times that span, so some land before the change and some after it.
        let began = Instant::now();
        if cycle == 0 {
            let _ = child.wait();
            span = began.elapsed();
        } else {
            let at = span.as_micros() as u64 * 3 / 2;
            std::thread::sleep(Duration::from_micros(rng.below(at.max(1))));
            kill(&mut child);
        }

        let (old, new) = if current == "A" { (A, B) } else { (B, A) };
        let with_old = Vault::unlock(&paths, &pass(old));
        let with_new = Vault::unlock(&paths, &pass(new));
        let opened = match (with_old, with_new) {
            (Ok(v), Err(VaultError::WrongPassphrase)) => {
                kept += 1;
                v
            }
            (Err(VaultError::WrongPassphrase), Ok(v)) => {
                changed += 1;
                current = if current == "A" { "B" } else { "A" };
                // Yesterday's key file with yesterday's passphrase opens nothing of today's.
                let probe = tempfile::tempdir().unwrap();
                let probe_paths = VaultPaths::new(probe.path());
                std::fs::copy(paths.database(), probe_paths.database()).unwrap();
                std::fs::write(probe_paths.key_file(), &old_key_file).unwrap();
                assert!(
                    matches!(Vault::unlock(&probe_paths, &pass(old)), Err(VaultError::Corrupt)),
                    "seed {seed}, cycle {cycle}: the old key file opened the new vault"
                );
                v
            }
            (a, b) => panic!("seed {seed}, cycle {cycle}: old {:?}, new {:?}", a.err(), b.err()),
        };
        integrity_ok(&opened);
        assert_eq!(opened.journal().count().unwrap(), 20, "seed {seed}, cycle {cycle}");
        assert!(
            !paths.staged_database().exists() && !paths.staged_key_file().exists(),
            "seed {seed}, cycle {cycle}: the unlock finished or discarded the re-key"
        );
    }
    eprintln!(
        "{n} passphrase changes, killed within {} ms: {changed} completed, {kept} kept the old one (seed {seed})",
        span.as_millis() * 3 / 2
    );
    assert!(changed > 1 && kept > 0, "kills landed both before and after the change");
}
