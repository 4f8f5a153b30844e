//! The commitments ledger and its reminders in the real window: a reminder reaches the
//! real notification daemon on D-Bus, once, with generic text, while the vault is
//! locked; logging the occurrence as kept moves the score.
use crate::harness::{files_containing, App, NotificationDaemon, PASSPHRASE};
use std::time::Duration;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_commitment_reminder_arrives_once_generic_while_locked_and_logging_moves_the_score() {
    let daemon = NotificationDaemon::start();
    let theme = "light";
    let app = App::start_with(&[("GTK_THEME", "Adwaita")]).await;
    app.create_vault().await;
    app.click("#nav-add-relationship").await;
    app.type_into("#rel-name", "Robin").await;
    app.click("#rel-role-repairer").await;
    app.set_value("#rel-kind", "care").await;
    app.click("#rel-save").await;
    app.pass_safety_check().await;
    app.wait_for("#ledger").await;
    app.wait_until_text("an empty ledger", |t| t.contains("Nothing logged yet")).await;

    let promise = "Phone Robin zqpromiseqz before nine";
    app.click("#commitment-new").await;
    app.type_into("#commitment-promise", promise).await;
    app.type_into("#commitment-kept-looks-like", "We spoke, however briefly").await;
    app.set_value("#commitment-repeat", "daily").await;
    app.click("#commitment-remind").await;
    app.set_value("#commitment-time", &app.soon().await).await;
    app.screenshot(&format!("{theme}-30-commitment-form")).await;
    app.click("#commitment-save").await;
    app.wait_for(".commitment[data-commitment-id]").await;
    app.wait_until_text("the commitment", |t| t.contains(promise)).await;

    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    // The person clicks the notification when it arrives: Mend opens at the unlock screen…
    assert!(daemon.click_when_shown(Duration::from_secs(150)), "no notification was shown");
    let got = daemon.wait_for(1, Duration::from_secs(10));
    assert_eq!(got.len(), 1, "one notification: {got:?}");
    assert_eq!(got[0].0, "Mend");
    assert_eq!(got[0].1, "A commitment is due today. Time to note whether it was kept.");
    assert!(!got[0].1.contains("zqpromiseqz") && !got[0].0.contains("Robin"));
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(daemon.history().len(), 1, "and not a second time");
    app.wait_for("#unlock-passphrase").await;
    assert!(!app.everything_in_the_page().await.contains("zqpromiseqz"));

    // …and after unlocking, goes straight to that relationship's ledger.
    app.unlock(PASSPHRASE).await;
    app.wait_for("#ledger").await;
    app.wait_until_text("the commitment", |t| t.contains(promise)).await;
    let before = app.wait_for("#ledger-score-30").await.text().await.unwrap();
    assert!(before.contains("Nothing logged yet"), "{before}");
    app.click(".log-latest").await;
    app.click("#log-kept").await;
    app.click("#log-save").await;
    app.wait_until_text("the score", |t| t.contains("100%")).await;
    let after = app.wait_for("#ledger-score-30").await.text().await.unwrap();
    assert!(after.contains("100%"), "{after}");
    let kept = app.driver().find(By::Css(".occurrence[data-status=\"kept\"]")).await;
    assert!(kept.is_ok(), "today's occurrence shows as kept");
    app.screenshot(&format!("{theme}-31-ledger")).await;

    app.click("#settings").await;
    app.wait_for("#reminder-settings").await;
    app.script("document.getElementById('reminder-settings').scrollIntoView();").await;
    app.screenshot(&format!("{theme}-32-reminder-settings")).await;
    // Reminders are on, so closing the window would only hide it: end the process.
    let root = app.crash().await;
    // The schedule kept outside the vault (reminders.json) holds times, not words.
    let schedule = std::fs::read_to_string(root.path().join("data/reminders.json")).unwrap();
    assert!(schedule.contains("commitment-1"), "{schedule}");
    let leaks = files_containing(root.path(), b"zqpromiseqz");
    assert!(leaks.is_empty(), "the promise's words are outside the vault: {leaks:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_missed_while_closed_arrive_as_one_summary_at_start() {
    use chrono::{Duration as Days, Local, SecondsFormat, Utc};
    let daemon = NotificationDaemon::start();
    // Mend was last running three days ago; its daily check-in is set an hour before now,
    // so three came due while it was closed.
    let root = crate::harness::new_root();
    std::fs::create_dir_all(root.path().join("data")).unwrap();
    let at = (Local::now() - Days::hours(1)).format("%H:%M:00").to_string();
    let since = (Utc::now() - Days::days(3)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let schedule = serde_json::json!({
        "reminders": [{
            "id": "daily", "kind": "dailyReflection", "enabled": true, "at": at,
            "weekday": null, "rrule": null, "startsOn": null, "endsOn": null,
            "snoozedUntil": null, "showDetails": false, "relationshipId": null
        }],
        "checkedUntil": since
    });
    std::fs::write(root.path().join("data/reminders.json"), schedule.to_string()).unwrap();

    let app = App::start_in(root, &[]).await;
    let got = daemon.wait_for(1, Duration::from_secs(30));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "3 reminders came due while Mend was closed or asleep.");
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(daemon.history().len(), 1, "one summary, not a flood");
    app.crash().await;
}
