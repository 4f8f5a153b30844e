//! The desktop around the app: a real notification daemon on the test's D-Bus session,
//! and the X windows of native dialogs (found, sent keys, answered) under Xvfb.
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::WAIT;

/// A real notification daemon (dunst) on this test's D-Bus session, read through its
/// own history: proof that a notification reached the desktop, not that a call returned.
pub struct NotificationDaemon {
    child: Child,
}

fn bus_has_notifications() -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
        .unwrap_or(false)
}

impl NotificationDaemon {
    pub fn start() -> NotificationDaemon {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "run inside dbus-run-session"
        );
        assert!(!bus_has_notifications(), "another notification daemon owns the bus name");
        let child = Command::new("dunst")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst is installed (apt install dunst)");
        let start = Instant::now();
        while !bus_has_notifications() {
            assert!(start.elapsed() < WAIT, "dunst did not take the notification bus name");
            std::thread::sleep(Duration::from_millis(100));
        }
        NotificationDaemon { child }
    }

    /// Every notification the daemon has received: (summary, body).
    pub fn history(&self) -> Vec<(String, String)> {
        let _ = Command::new("dunstctl").arg("close-all").status();
        let out = Command::new("dunstctl").arg("history").output().expect("dunstctl history");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let field =
            |n: &serde_json::Value, k: &str| n[k]["data"].as_str().unwrap_or_default().to_owned();
        json["data"]
            .as_array()
            .and_then(|a| a.first())
            .and_then(|a| a.as_array())
            .map(|items| items.iter().map(|n| (field(n, "summary"), field(n, "body"))).collect())
            .unwrap_or_default()
    }

    /// Waits until a notification is on screen, then clicks it (dunst's default action,
    /// as a person's click would). Returns whether one was there to click.
    pub fn click_when_shown(&self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            let out = Command::new("dunstctl")
                .args(["count", "displayed"])
                .output()
                .expect("dunstctl count");
            let shown: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0);
            if shown > 0 {
                return Command::new("dunstctl")
                    .args(["action", "0"])
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false);
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        false
    }

    /// Waits until at least `n` notifications arrived, and returns them all.
    pub fn wait_for(&self, n: usize, limit: Duration) -> Vec<(String, String)> {
        let start = Instant::now();
        loop {
            let h = self.history();
            if h.len() >= n || start.elapsed() > limit {
                return h;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Drop for NotificationDaemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for a top-level X window whose title is exactly `title` (a system dialog the app
/// opened, say) and returns its X id.
pub fn wait_for_x_window(title: &str, limit: Duration) -> Option<String> {
    let start = Instant::now();
    while start.elapsed() < limit {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{}$", regex_escape(title))])
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.lines().next().map(str::to_owned));
        if found.is_some() {
            return found;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    None
}

/// The title as a literal for xdotool's regular expressions.
fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\.^$|?*+()[]{}".contains(c);
            special.then_some('\\').into_iter().chain(std::iter::once(c))
        })
        .collect()
}

/// Sends a key to an X window (Escape to dismiss a dialog, say). Focus is set directly:
/// under Xvfb there is no window manager to activate windows.
pub fn send_x_key(window: &str, key: &str) {
    let status = Command::new("xdotool")
        .args(["windowfocus", "--sync", window, "key", "--clearmodifiers", key])
        .status()
        .expect("xdotool runs");
    assert!(status.success(), "xdotool could not send {key}");
}

/// Answers a native (GTK) file dialog titled `title` with `path`, typed as a person
/// would: into the name field of a save dialog, or into the location field (Ctrl+L) of
/// an open dialog, then Enter.
pub fn answer_file_dialog(title: &str, path: &Path, save: bool) {
    let window = wait_for_x_window(title, WAIT).unwrap_or_else(|| panic!("no dialog “{title}”"));
    let pause = || std::thread::sleep(Duration::from_millis(400));
    pause();
    send_x_key(&window, if save { "ctrl+a" } else { "ctrl+l" });
    pause();
    let status = Command::new("xdotool")
        .args(["windowfocus", "--sync", &window, "type", "--delay", "15"])
        .arg(path)
        .status()
        .expect("xdotool runs");
    assert!(status.success(), "xdotool could not type the path");
    pause();
    send_x_key(&window, "Return");
}
