//! `mend <command>`: the journal from a terminal, over the same core and the same vault
//! as the app (same data folder, same passphrase rules, same errors).
//!
//! The passphrase is asked for at the terminal (not echoed), or read from a file
//! descriptor with `--passphrase-fd N` for scripts; it is never taken as an argument.
//! The vault is open only while a command runs, then locked (dropped).
use chrono::{Local, Utc};
use mend_core::journal::excerpt;
use mend_core::search::SearchQuery;
use mend_core::vault::VaultLock;
use mend_core::{Passphrase, SystemClock, Vault, VaultPaths};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

const USAGE: &str = "\
Usage: mend <command> [--passphrase-fd N]

Commands:
  add [TEXT...]             write an entry (the text, or standard input without TEXT)
  list [--limit N]          the newest entries (20 unless told)
  search WORDS...           entries with these words, newest first
  export --json FILE        the journal as Mend JSON (not encrypted)
  export --markdown FOLDER  one Markdown file per entry (not encrypted)
  help                      this text

Without a command, mend opens the app. The passphrase is asked for at the terminal,
or read (one line) from file descriptor N with --passphrase-fd N. The journal is the
one in $MEND_DATA_DIR, or the app's own data folder.";

const COMMANDS: &[&str] = &["add", "list", "search", "export", "help", "--help", "-h"];

/// Runs a command-line command if `args` (without the program name) start with one,
/// and returns the exit code; `None` means "open the app".
pub fn run(args: &[String]) -> Option<i32> {
    let first = args.first()?;
    if !COMMANDS.contains(&first.as_str()) {
        return None;
    }
    Some(match execute(args) {
        Ok(()) => 0,
        Err(Failure::Usage(msg)) => {
            eprintln!("mend: {msg}\n\n{USAGE}");
            64
        }
        Err(Failure::Refused(msg)) => {
            eprintln!("mend: {msg}");
            1
        }
    })
}

enum Failure {
    /// The command line was wrong.
    Usage(String),
    /// The vault or the input said no (wrong passphrase, bad input, I/O).
    Refused(String),
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::Refused(e.to_string())
    }
}

struct Options {
    passphrase_fd: Option<u32>,
    rest: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, Failure> {
    let mut passphrase_fd = None;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--passphrase-fd" {
            let n = it.next().and_then(|n| n.parse().ok());
            passphrase_fd = Some(n.ok_or_else(|| {
                Failure::Usage("--passphrase-fd needs a file descriptor number".into())
            })?);
        } else if a == "--passphrase" || a.starts_with("--passphrase=") {
            return Err(Failure::Usage(
                "a passphrase is never taken as an argument (others could read it); \
                 use the prompt or --passphrase-fd"
                    .into(),
            ));
        } else {
            rest.push(a.clone());
        }
    }
    Ok(Options { passphrase_fd, rest })
}

fn read_passphrase(fd: Option<u32>) -> Result<Passphrase, Failure> {
    let text = match fd {
        Some(n) => {
            let mut text = String::new();
            std::fs::File::open(format!("/dev/fd/{n}"))
                .and_then(|f| f.take(4096).read_to_string(&mut text))
                .map_err(|_| {
                    Failure::Refused(format!("could not read a passphrase from descriptor {n}"))
                })?;
            let line = text.lines().next().unwrap_or("").to_owned();
            zeroize::Zeroize::zeroize(&mut text);
            line
        }
        None => {
            if !std::io::stdin().is_terminal() && !std::path::Path::new("/dev/tty").exists() {
                return Err(Failure::Refused(
                    "no terminal to ask for the passphrase: use --passphrase-fd".into(),
                ));
            }
            rpassword::prompt_password("Passphrase: ")
                .map_err(|_| Failure::Refused("could not read the passphrase".into()))?
        }
    };
    Ok(Passphrase::new(text))
}

/// An unlocked vault, with the lock that keeps the app from re-keying it meanwhile.
struct Opened {
    vault: Vault,
    _held: VaultLock,
}

impl std::ops::Deref for Opened {
    type Target = Vault;
    fn deref(&self) -> &Vault {
        &self.vault
    }
}

fn open(opts: &Options) -> Result<Opened, Failure> {
    let dir = mend_core::process::data_dir()
        .ok_or_else(|| Failure::Refused("no data folder (set MEND_DATA_DIR or HOME)".into()))?;
    let paths = VaultPaths::new(dir);
    if !paths.exists() {
        return Err(Failure::Refused(
            "there is no journal here yet: open the app to make one".into(),
        ));
    }
    let passphrase = read_passphrase(opts.passphrase_fd)?;
    // Finish any interrupted re-key first (that needs the lock alone), then hold the lock
    // shared so the app cannot move the files while this command works on them.
    paths.finish_interrupted_rekey()?;
    let held = VaultLock::shared(&paths)?;
    Ok(Opened { vault: Vault::unlock(&paths, &passphrase)?, _held: held })
}

fn local(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

fn execute(args: &[String]) -> Result<(), Failure> {
    let opts = options(args)?;
    let (command, rest) =
        opts.rest.split_first().ok_or_else(|| Failure::Usage("no command".into()))?;
    let mut out = std::io::stdout().lock();
    match command.as_str() {
        "help" | "--help" | "-h" => {
            writeln!(out, "{USAGE}")?;
        }
        "add" => {
            let body = if rest.is_empty() || rest == ["-"] {
                // Typed at the terminal, not in $EDITOR: an editor keeps the text in a
                // temporary file (and swap files) outside the vault.
                if std::io::stdin().is_terminal() {
                    eprintln!(
                        "Write your entry, then press Ctrl+D on a new line to save it (Ctrl+C to leave without saving)."
                    );
                }
                let mut text = String::new();
                std::io::stdin()
                    .take(mend_core::journal::MAX_BODY_BYTES as u64 + 1)
                    .read_to_string(&mut text)
                    .map_err(|_| Failure::Refused("standard input is not UTF-8 text".into()))?;
                text
            } else {
                rest.join(" ")
            };
            let vault = open(&opts)?;
            let entry = vault.journal().create(&body, &SystemClock)?;
            writeln!(out, "Saved entry {} ({}).", entry.id, local(entry.created_at))?;
        }
        "list" => {
            let limit = match rest {
                [] => 20,
                [flag, n] if flag == "--limit" => n
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=mend_core::journal::MAX_PAGE).contains(n))
                    .ok_or_else(|| Failure::Usage("--limit takes a number from 1 to 200".into()))?,
                _ => return Err(Failure::Usage("list takes only --limit N".into())),
            };
            let vault = open(&opts)?;
            let page = vault.journal().timeline(None, limit)?;
            if page.entries.is_empty() {
                writeln!(out, "Nothing written yet.")?;
            }
            for e in page.entries {
                writeln!(out, "{}  #{}  {}", local(e.created_at), e.id, excerpt(&e.body, 70))?;
            }
        }
        "search" => {
            if rest.is_empty() {
                return Err(Failure::Usage("search needs words to look for".into()));
            }
            let vault = open(&opts)?;
            let q = SearchQuery { text: rest.join(" "), limit: Some(50), ..SearchQuery::default() };
            let found = vault.search().run(&q)?;
            if found.hits.is_empty() {
                writeln!(out, "No entries with those words.")?;
            }
            for h in found.hits {
                writeln!(
                    out,
                    "{}  #{}  {}",
                    local(h.entry.created_at),
                    h.entry.id,
                    excerpt(&h.entry.body, 70)
                )?;
            }
        }
        "export" => {
            let (kind, target) = match rest {
                [kind, target] if kind == "--json" || kind == "--markdown" => {
                    (kind.as_str(), PathBuf::from(target))
                }
                _ => {
                    return Err(Failure::Usage(
                        "export takes --json FILE or --markdown FOLDER".into(),
                    ))
                }
            };
            let vault = open(&opts)?;
            eprintln!("mend: this export is not encrypted; anyone who can open it can read it.");
            let written = if kind == "--json" {
                vault.export_json_to(&target, &SystemClock)?
            } else {
                vault.export_markdown_to(&target, "Mend", &SystemClock)?
            };
            drop(vault);
            let entries = written.entries.unwrap_or_default();
            writeln!(out, "Exported {entries} entries to {}.", written.path.display())?;
        }
        other => return Err(Failure::Usage(format!("unknown command {other}"))),
    }
    Ok(())
}
