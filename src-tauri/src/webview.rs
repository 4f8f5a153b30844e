//! The web view's engine settings: WebKitGTK features Mend never uses are turned off,
//! so the web process neither loads nor keeps them (`bash .ci/memory` measures the
//! whole app's memory).
//!
//! Invariants:
//! - nothing the page could use to keep data outside the vault is on: no local storage,
//!   no Web SQL database, no page cache of past pages;
//! - no media, WebGL, Web Audio, WebRTC or media capture: the page draws text, forms
//!   and canvas charts only;
//! - "Learn spelling" is taken off the context menu: it would write the word to the
//!   spelling library's personal word list, a file outside the vault;
//! - no accelerated compositing: pages are painted on the CPU;
//! - the cache model is the document viewer's: Mend shows one page from its own
//!   protocol, so WebKit's memory caches for browsing (back/forward pages, decoded
//!   resources of other sites) are kept at their smallest.
use tauri::{Runtime, WebviewWindow};

/// Applies Mend's engine settings to the main window's web view. Errors are ignored:
/// a setting that cannot be applied leaves WebKit's default, which only costs memory.
pub fn configure<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|webview| linux::configure(&webview.inner()));
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// Checks spelling in every writing field with the dictionary for `language`, or turns
/// spell checking off when `None`.
pub fn apply_spelling<R: Runtime>(window: &WebviewWindow<R>, language: Option<String>) {
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(move |webview| linux::spelling(&webview.inner(), language));
    #[cfg(not(target_os = "linux"))]
    let _ = (window, language);
}

#[cfg(target_os = "linux")]
mod linux {
    use webkit2gtk::{
        CacheModel, ContextMenuAction, ContextMenuExt, ContextMenuItemExt,
        HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
    };

    pub fn spelling(webview: &webkit2gtk::WebView, language: Option<String>) {
        let Some(context) = webview.context() else { return };
        match &language {
            Some(l) => {
                context.set_spell_checking_languages(&[l.as_str()]);
                context.set_spell_checking_enabled(true);
            }
            None => context.set_spell_checking_enabled(false),
        }
        #[cfg(feature = "e2e")]
        crate::e2e::report_spelling(
            context.is_spell_checking_enabled(),
            &context.spell_checking_languages().iter().map(|l| l.to_string()).collect::<Vec<_>>(),
        );
    }

    pub fn configure(webview: &webkit2gtk::WebView) {
        if let Some(context) = webview.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        webview.connect_context_menu(|_, menu, _, _| {
            for item in menu.items() {
                if item.stock_action() == ContextMenuAction::LearnSpelling {
                    menu.remove(&item);
                }
            }
            false
        });
        let Some(settings) = webview.settings() else { return };
        // What the page could keep outside the vault.
        settings.set_enable_html5_local_storage(false);
        settings.set_enable_html5_database(false);
        settings.set_enable_page_cache(false);
        // What Mend never plays, captures or renders.
        settings.set_enable_media(false);
        settings.set_enable_mediasource(false);
        settings.set_enable_media_stream(false);
        settings.set_enable_encrypted_media(false);
        settings.set_enable_webaudio(false);
        settings.set_enable_webgl(false);
        settings.set_enable_webrtc(false);
        // Pages are painted on the CPU into one buffer, with no GPU compositor and no GL
        // context in the web process: Mend draws text, forms and small canvas charts, and
        // the compositor's layers and Skia's GPU caches cost about 100 MiB of the whole
        // app at every moment the memory benchmark measures (README, "Memory").
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
}
