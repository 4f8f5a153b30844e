//! How the window looks and checks spelling: theme, text size, motion and the spelling
//! language. Kept in `appearance.json` beside `reminders.json`, outside the vault, so the
//! unlock screen already looks the way the person chose.
//!
//! Invariants:
//! - the file holds choices from fixed lists and a dictionary's language tag, never
//!   anything from the journal: it is read while the vault is locked;
//! - a missing or unreadable file means the defaults, and a field the file lacks takes
//!   its default, so an older or newer Mend never fails to start over it;
//! - a spelling language is a plain tag (`en_US`, `de`, `pt_BR`), checked before it is
//!   saved, and only offered when a dictionary for it is installed.
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;
use ts_rs::TS;

/// The file's name in the data folder.
pub const FILE: &str = "appearance.json";

/// Where Debian's and Ubuntu's spelling dictionaries are installed (hunspell, read by
/// WebKitGTK through enchant).
pub const SYSTEM_DICTIONARY_DIRS: &[&str] = &["/usr/share/hunspell", "/usr/share/myspell/dicts"];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Theme {
    /// Whatever the desktop asks for.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TextSize {
    Small,
    #[default]
    Standard,
    Large,
    Largest,
}

impl TextSize {
    /// The root font size, as a percentage of the desktop's own.
    pub fn percent(self) -> u32 {
        match self {
            TextSize::Small => 90,
            TextSize::Standard => 100,
            TextSize::Large => 115,
            TextSize::Largest => 130,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Motion {
    /// Whatever the desktop asks for.
    #[default]
    System,
    /// No animations or transitions, whatever the desktop says.
    Reduced,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Appearance {
    pub theme: Theme,
    pub text_size: TextSize,
    pub motion: Motion,
    /// Spelling is checked in every writing field.
    pub spell_check: bool,
    /// The dictionary's language; `None` means the system's language.
    pub spelling_language: Option<String>,
}

impl Default for Appearance {
    fn default() -> Self {
        Appearance {
            theme: Theme::System,
            text_size: TextSize::Standard,
            motion: Motion::System,
            spell_check: true,
            spelling_language: None,
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum AppearanceError {
    #[error("That isn't a language Mend can check spelling in.")]
    UnknownLanguage,
    #[error("No dictionary for that language is installed.")]
    NoDictionary,
}

/// Whether `tag` has the shape of a dictionary's language: two or three lower-case
/// letters, optionally `_` and two upper-case letters or three digits (`en`, `en_GB`,
/// `es_419`).
pub fn is_language_tag(tag: &str) -> bool {
    let (lang, region) = match tag.split_once('_') {
        Some((l, r)) => (l, Some(r)),
        None => (tag, None),
    };
    let lang_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = match region {
        None => true,
        Some(r) => {
            (r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
                || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
        }
    };
    lang_ok && region_ok
}

/// The language of a POSIX locale (`en_GB.UTF-8` or `de_DE@euro` → `en_GB`, `de_DE`);
/// `None` for `C`, `POSIX` or anything without a language.
pub fn language_of_locale(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    is_language_tag(base).then(|| base.to_owned())
}

/// The languages with a hunspell dictionary (`xx_YY.dic` beside its `.aff`) in `dirs`,
/// sorted, each once. Links are followed: Debian installs many as links.
pub fn installed_dictionaries<P: AsRef<Path>>(dirs: &[P]) -> Vec<String> {
    let mut found: Vec<String> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.filter_map(Result::ok))
        .filter_map(|e| {
            let path = e.path();
            let tag = path.file_name()?.to_str()?.strip_suffix(".dic")?.to_owned();
            (is_language_tag(&tag) && path.with_extension("aff").exists()).then_some(tag)
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The dictionary to use for `wanted` (or, when `None`, for the system's `locale`): the
/// exact language if installed, else another region of the same language (`en_US` for
/// `en_GB`), else none.
pub fn choose_dictionary(
    wanted: Option<&str>,
    locale: Option<&str>,
    installed: &[String],
) -> Option<String> {
    let wanted = match wanted {
        Some(w) => w.to_owned(),
        None => language_of_locale(locale?)?,
    };
    if installed.contains(&wanted) {
        return Some(wanted);
    }
    let lang = wanted.split('_').next().unwrap_or_default();
    installed.iter().find(|d| d.split('_').next() == Some(lang)).cloned()
}

impl Appearance {
    /// Checks a choice before it is saved: a spelling language must be a language tag
    /// with a dictionary in `installed`.
    pub fn check(&self, installed: &[String]) -> Result<(), AppearanceError> {
        if let Some(tag) = &self.spelling_language {
            if !is_language_tag(tag) {
                return Err(AppearanceError::UnknownLanguage);
            }
            if !installed.iter().any(|d| d == tag) {
                return Err(AppearanceError::NoDictionary);
            }
        }
        Ok(())
    }
}

/// `appearance.json` in a data folder.
pub struct AppearanceFile {
    path: PathBuf,
}

impl AppearanceFile {
    pub fn in_dir(dir: &Path) -> Self {
        AppearanceFile { path: dir.join(FILE) }
    }

    /// The saved choices; the defaults for a missing or unreadable file. A language tag
    /// edited into the file by hand that is not a tag is dropped (the system's is used).
    pub fn load(&self) -> Appearance {
        let mut a: Appearance = std::fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        if a.spelling_language.as_deref().is_some_and(|t| !is_language_tag(t)) {
            a.spelling_language = None;
        }
        a
    }

    /// Saves the choices (owner-only; written, synced, renamed into place).
    pub fn save(&self, a: &Appearance) -> std::io::Result<()> {
        let text = serde_json::to_vec_pretty(a).map_err(std::io::Error::other)?;
        crate::files::replace_atomically(&self.path, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn language_tags_are_checked_by_shape() {
        for ok in ["en", "en_US", "pt_BR", "es_419", "ast"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "EN", "en-US", "en_us", "en_USA", "../en", "en_US.UTF-8", "english"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn a_locale_gives_its_language() {
        assert_eq!(language_of_locale("en_GB.UTF-8").as_deref(), Some("en_GB"));
        assert_eq!(language_of_locale("de_DE@euro").as_deref(), Some("de_DE"));
        assert_eq!(language_of_locale("fr").as_deref(), Some("fr"));
        assert_eq!(language_of_locale("C.UTF-8"), None);
        assert_eq!(language_of_locale("POSIX"), None);
    }

    #[test]
    fn the_dictionary_is_the_language_asked_for_or_another_region_of_it() {
        let installed = tags(&["de_DE", "en_US", "fr"]);
        assert_eq!(choose_dictionary(Some("de_DE"), None, &installed).as_deref(), Some("de_DE"));
        assert_eq!(choose_dictionary(Some("en_GB"), None, &installed).as_deref(), Some("en_US"));
        assert_eq!(choose_dictionary(None, Some("fr_CA.UTF-8"), &installed).as_deref(), Some("fr"));
        assert_eq!(choose_dictionary(None, Some("nl_NL.UTF-8"), &installed), None);
        assert_eq!(choose_dictionary(None, Some("C"), &installed), None);
        assert_eq!(choose_dictionary(None, None, &installed), None);
    }

    #[test]
    fn only_dictionaries_with_both_files_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        for name in ["en_US.dic", "en_US.aff", "de_DE.dic", "fr.aff", "notes.txt", "hyph_en.dic"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        for name in ["en_US.dic", "en_US.aff", "pt_BR.dic", "pt_BR.aff"] {
            std::fs::write(other.path().join(name), "").unwrap();
        }
        let missing = dir.path().join("absent");
        let found = installed_dictionaries(&[dir.path(), other.path(), missing.as_path()]);
        assert_eq!(found, tags(&["en_US", "pt_BR"]));
    }

    #[test]
    fn a_language_without_a_dictionary_is_refused() {
        let installed = tags(&["en_US"]);
        let mut a = Appearance::default();
        assert_eq!(a.check(&installed), Ok(()));
        a.spelling_language = Some("de_DE".into());
        assert_eq!(a.check(&installed), Err(AppearanceError::NoDictionary));
        a.spelling_language = Some("../../etc".into());
        assert_eq!(a.check(&installed), Err(AppearanceError::UnknownLanguage));
        a.spelling_language = Some("en_US".into());
        assert_eq!(a.check(&installed), Ok(()));
    }

    #[test]
    fn the_file_round_trips_and_falls_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = AppearanceFile::in_dir(dir.path());
        assert_eq!(file.load(), Appearance::default(), "no file: the defaults");
        let chosen = Appearance {
            theme: Theme::Dark,
            text_size: TextSize::Largest,
            motion: Motion::Reduced,
            spell_check: false,
            spelling_language: Some("en_GB".into()),
        };
        file.save(&chosen).unwrap();
        assert_eq!(file.load(), chosen);

        std::fs::write(dir.path().join(FILE), b"{ not json").unwrap();
        assert_eq!(file.load(), Appearance::default(), "unreadable: the defaults");

        std::fs::write(dir.path().join(FILE), br#"{"theme":"dark","future":1}"#).unwrap();
        let partial = file.load();
        assert_eq!(partial.theme, Theme::Dark, "what it says is kept");
        assert_eq!(partial.text_size, TextSize::Standard, "what it does not say is the default");

        std::fs::write(dir.path().join(FILE), br#"{"spellingLanguage":"../x"}"#).unwrap();
        assert_eq!(file.load().spelling_language, None, "a non-tag is dropped");
    }
}
