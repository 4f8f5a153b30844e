//! The keyboard alone: keys go to whatever has focus (WebDriver actions, never a click
//! or a focus set by script), so a journey driven through these proves that every step
//! can be reached and done without a mouse.
use super::{remember_typed, App};
use std::time::Duration;
use thirtyfour::prelude::*;

/// The most Tab presses one step may take before its target counts as unreachable.
const MAX_TABS: usize = 60;

impl App {
    /// Presses keys (text, or `Key`s) on whatever has focus.
    pub async fn press(&self, keys: impl Into<TypingData>) {
        self.driver().action_chain().send_keys(keys).perform().await.unwrap();
    }

    /// Types text into whatever has focus, remembered for the leak scan.
    pub async fn type_here(&self, text: &str) {
        remember_typed(text);
        self.press(text).await;
    }

    /// Ctrl plus one key, as a shortcut.
    pub async fn ctrl(&self, key: impl Into<TypingData>) {
        self.driver()
            .action_chain()
            .key_down(Key::Control)
            .send_keys(key)
            .key_up(Key::Control)
            .perform()
            .await
            .unwrap();
    }

    /// Whether the focused element matches `css`.
    pub async fn focused(&self, css: &str) -> bool {
        let js = "return document.activeElement !== null && document.activeElement.matches(arguments[0]);";
        let found = self.driver().execute(js, vec![serde_json::json!(css)]).await.unwrap();
        found.json() == &serde_json::Value::Bool(true)
    }

    /// Waits (up to ten seconds) until focus is on `css`: where an app moves focus itself,
    /// after a screen opens or a dialog closes.
    pub async fn wait_for_focus(&self, css: &str) {
        for _ in 0..100 {
            if self.focused(css).await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("focus never reached {css}; it is on {}", self.describe_focus().await);
    }

    /// Presses Tab until `css` has focus, failing with the path focus took if it never
    /// gets there.
    pub async fn tab_to(&self, css: &str) {
        let mut path = Vec::new();
        self.wait_for(css).await;
        for _ in 0..MAX_TABS {
            if self.focused(css).await {
                return;
            }
            self.press(Key::Tab).await;
            path.push(self.describe_focus().await);
        }
        panic!("Tab never reached {css}; focus went: {}", path.join(" → "));
    }

    /// The focused element, as tag#id.class (no text), for failure messages.
    async fn describe_focus(&self) -> String {
        let js = "const e = document.activeElement; if (!e) return 'nothing'; \
                  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
                  (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');";
        let v = self.driver().execute(js, vec![]).await.unwrap();
        v.json().as_str().unwrap_or("?").to_owned()
    }
}
