//! The window's appearance and spelling, chosen in Settings (`mend_core::appearance`),
//! kept in `appearance.json` and applied: spelling through the web view's engine
//! (`webview::apply_spelling`), theme, text size and motion by the page, which asks for
//! them before it draws the unlock screen.
//!
//! Invariants:
//! - the file is read and written while the vault may be locked: it holds choices and a
//!   dictionary's language, nothing from the journal;
//! - "system" theme means the desktop portal's colour scheme where a portal answers, and
//!   otherwise what the web view's own `prefers-color-scheme` says.
use mend_core::appearance::{self, Appearance, AppearanceFile, Theme};
use serde::Serialize;
use std::path::Path;
use std::sync::Mutex;
use ts_rs::TS;

/// What the page needs to apply the choices, decided here.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppearanceView {
    pub appearance: Appearance,
    /// The root font size, as a percentage of the desktop's own.
    pub text_percent: u32,
    /// The languages with a dictionary installed, to choose from.
    pub dictionaries: Vec<String>,
    /// The dictionary in use: `None` when spelling is off or no dictionary fits.
    pub spelling: Option<String>,
    /// The system's language (from the locale), which `spellingLanguage: null` follows.
    pub system_language: Option<String>,
    /// The desktop's colour scheme from the portal, when one answers (light or dark).
    pub system_theme: Option<Theme>,
}

pub struct AppearanceState {
    file: AppearanceFile,
    current: Mutex<Appearance>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The locale the person's desktop runs in (`LC_ALL`, then `LC_MESSAGES`, then `LANG`).
fn locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
}

fn installed() -> Vec<String> {
    appearance::installed_dictionaries(appearance::SYSTEM_DICTIONARY_DIRS)
}

impl AppearanceState {
    pub fn load(dir: &Path) -> Self {
        let file = AppearanceFile::in_dir(dir);
        let current = Mutex::new(file.load());
        AppearanceState { file, current }
    }

    pub fn current(&self) -> Appearance {
        lock(&self.current).clone()
    }

    /// The dictionary the current choice asks for, if spelling is on and one is installed.
    pub fn spelling(&self) -> Option<String> {
        spelling_for(&self.current(), &installed())
    }

    /// Checks and saves a new choice. `Err` holds a message for the person.
    pub fn set(&self, next: Appearance) -> Result<(), String> {
        next.check(&installed()).map_err(|e| e.to_string())?;
        self.file.save(&next).map_err(|_| "That setting could not be saved.".to_owned())?;
        *lock(&self.current) = next;
        Ok(())
    }

    pub fn view(&self) -> AppearanceView {
        let appearance = self.current();
        let dictionaries = installed();
        AppearanceView {
            text_percent: appearance.text_size.percent(),
            spelling: spelling_for(&appearance, &dictionaries),
            system_language: locale().as_deref().and_then(appearance::language_of_locale),
            system_theme: portal_theme(),
            dictionaries,
            appearance,
        }
    }
}

fn spelling_for(a: &Appearance, installed: &[String]) -> Option<String> {
    if !a.spell_check {
        return None;
    }
    appearance::choose_dictionary(a.spelling_language.as_deref(), locale().as_deref(), installed)
}

/// The desktop's colour scheme as the XDG desktop portal reports it
/// (`org.freedesktop.appearance` `color-scheme`: 1 dark, 2 light, 0 no preference).
/// `None` without a portal, or when it has no preference.
#[cfg(target_os = "linux")]
fn portal_theme() -> Option<Theme> {
    use gtk::gio;
    use gtk::glib::{Variant, VariantTy};
    let bus = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE).ok()?;
    let reply = bus
        .call_sync(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            "org.freedesktop.portal.Settings",
            "Read",
            Some(&("org.freedesktop.appearance", "color-scheme").into()),
            Some(VariantTy::new("(v)").ok()?),
            gio::DBusCallFlags::NO_AUTO_START,
            500,
            gio::Cancellable::NONE,
        )
        .ok()?;
    // `Read` wraps the value in one variant too many: (<<uint32 1>>).
    let mut value: Variant = reply.child_value(0);
    while let Some(inner) = value.as_variant() {
        value = inner;
    }
    match value.get::<u32>()? {
        1 => Some(Theme::Dark),
        2 => Some(Theme::Light),
        _ => None,
    }
}

#[cfg(not(target_os = "linux"))]
fn portal_theme() -> Option<Theme> {
    None
}
