//! Reminders reach the real notification daemon on D-Bus, with generic text, while the
//! vault is locked.
use crate::harness::{App, NotificationDaemon};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn a_daily_reminder_arrives_generic_while_locked() {
    let daemon = NotificationDaemon::start();
    let app = App::start().await;
    app.create_vault().await;
    app.write_entry("A secret that must never reach a notification.").await;
    // Set the daily reminder for the next whole minute through the app's own command.
    let at = app
        .driver()
        .execute(
            "const d = new Date(Date.now() + 60000); \
             return String(d.getHours()).padStart(2,'0') + ':' + String(d.getMinutes()).padStart(2,'0');",
            vec![],
        )
        .await
        .unwrap()
        .json()
        .as_str()
        .unwrap()
        .to_owned();
    app.driver()
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('set_reminder_settings', { settings: { dailyEnabled: true, dailyTime: arguments[0], weeklyEnabled: false, weeklyDay: 6, weeklyTime: '18:00' } });",
            vec![serde_json::json!(at)],
        )
        .await
        .unwrap();
    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    let got = daemon.wait_for(1, Duration::from_secs(130));
    assert_eq!(got.len(), 1, "exactly one notification: {got:?}");
    assert_eq!(got[0].0, "Mend");
    assert_eq!(got[0].1, "Time for your check-in.");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(daemon.history().len(), 1, "and no second one");
    app.crash().await;
}
