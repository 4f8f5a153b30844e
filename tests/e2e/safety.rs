//! Safety and discretion in the real window: a warning sign in the safety check brings
//! support guidance and the person's own-safety prompts instead of repair steps; Ctrl+H
//! hides everything at once; text copied from Mend leaves the clipboard when it locks;
//! the neutral name reaches the notification daemon.
use crate::harness::{App, NotificationDaemon, PASSPHRASE};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

async fn theme_walk(theme: &str, env: &[(&str, &str)]) {
    let app = App::start_with(env).await;
    app.create_vault().await;
    app.click("#nav-add-relationship").await;
    app.type_into("#rel-name", "Jordan").await;
    app.click("#rel-role-decider").await;
    app.set_value("#rel-kind", "integrity").await;
    app.click("#rel-save").await;

    // The check comes first, gently; one sign is enough.
    app.wait_for("#safety-heading").await;
    app.screenshot(&format!("{theme}-50-safety-check")).await;
    app.click("#safety-sign-afraid").await;
    app.click("#safety-save").await;
    let guidance = app.wait_for("#support-guidance").await.text().await.unwrap();
    assert!(guidance.contains("emergency services"), "{guidance}");
    assert!(guidance.contains("helpline"), "{guidance}");
    app.screenshot(&format!("{theme}-51-safety-guidance")).await;
    app.click("#safety-continue").await;

    // The relationship now offers the person's own safety, not repair.
    app.wait_for("#relationship-page").await;
    app.wait_for("#safety-mode").await;
    app.wait_for("[data-framework=\"own-safety\"]").await;
    for gone in ["[data-framework=\"four-steps\"]", "#open-apology", "#open-planner"] {
        assert!(
            app.driver().find(By::Css(gone)).await.is_err(),
            "{gone} is not offered in safety mode"
        );
    }
    app.screenshot(&format!("{theme}-52-relationship-safety-mode")).await;

    // The person can choose the repair steps anyway, and go back.
    app.click("#safety-use-repair").await;
    app.wait_for("[data-framework=\"four-steps\"]").await;
    assert!(app.driver().find(By::Css("[data-framework=\"own-safety\"]")).await.is_err());
    app.click("#safety-use-safety").await;
    app.wait_for("[data-framework=\"own-safety\"]").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_warning_sign_brings_support_and_own_safety_prompts_instead_of_repair() {
    theme_walk("light", &[("GTK_THEME", "Adwaita")]).await;
    if std::env::var_os("MEND_SCREENSHOT_DIR").is_some() {
        theme_walk("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_h_hides_every_word_within_a_second_and_the_text_is_kept() {
    let app = App::start().await;
    app.create_vault().await;
    app.write_entry("Kept out of sight: zqhiddenqz.").await;
    app.click("#new-entry").await;
    let body = app.wait_for("#editor-body").await;
    body.send_keys(crate::harness::typed("Half a thought zqunsavedqz")).await.unwrap();

    // Ctrl+H from inside the text field.
    let pressed = Instant::now();
    body.send_keys("\u{E009}h\u{E000}").await.unwrap();
    loop {
        let page = app.everything_in_the_page().await;
        if !page.contains("zqhiddenqz") && !page.contains("zqunsavedqz") {
            break;
        }
        assert!(
            pressed.elapsed() < Duration::from_secs(1),
            "journal text still in the page after a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let hidden_after = pressed.elapsed();
    app.wait_for("#unlock-passphrase").await;
    eprintln!("quick hide: no journal text in the page after {hidden_after:?}");

    // Nothing was lost: both entries are there after unlocking.
    app.unlock(PASSPHRASE).await;
    app.wait_for("#timeline").await;
    app.wait_until_text("both entries", |t| t.contains("zqhiddenqz") && t.contains("zqunsavedqz"))
        .await;
    app.quit().await;
}

fn clipboard_text() -> String {
    arboard::Clipboard::new().and_then(|mut c| c.get_text()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn text_copied_from_mend_leaves_the_clipboard_when_it_locks() {
    let app = App::start().await;
    app.create_vault().await;
    app.click("#new-entry").await;
    let body = app.wait_for("#editor-body").await;
    body.send_keys(crate::harness::typed("Copy me: zqcopiedqz")).await.unwrap();
    app.wait_until_text("the entry to save", |t| t.contains("Saved")).await;
    // Select all of it and copy, as a person would.
    body.send_keys("\u{E009}a\u{E000}").await.unwrap();
    body.send_keys("\u{E009}c\u{E000}").await.unwrap();
    let start = Instant::now();
    while !clipboard_text().contains("zqcopiedqz") {
        assert!(start.elapsed() < Duration::from_secs(10), "the copy reached the clipboard");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    app.click("#editor-done").await;
    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    let start = Instant::now();
    while clipboard_text().contains("zqcopiedqz") {
        assert!(start.elapsed() < Duration::from_secs(5), "the clipboard is cleared at lock");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.quit().await;

    // Something copied elsewhere is left alone.
    // (The clipboard's owner must live on: on X11 the owner serves the text.)
    let mut owner = arboard::Clipboard::new().unwrap();
    owner.set_text("not from Mend").unwrap();
    let app = App::start().await;
    app.create_vault().await;
    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(clipboard_text(), "not from Mend");
    app.quit().await;
    drop(owner);
}

#[tokio::test(flavor = "multi_thread")]
async fn with_the_neutral_name_notifications_say_notes() {
    let daemon = NotificationDaemon::start();
    let app = App::start().await;
    app.create_vault().await;
    app.click("#settings").await;
    app.click("#neutral-name").await;
    app.wait_for("#discretion-status").await;
    // The window's own title (what a task bar or window switcher shows) follows it too.
    let titled = tokio::task::spawn_blocking(|| {
        crate::harness::wait_for_x_window("Notes", Duration::from_secs(10))
    })
    .await
    .unwrap();
    assert!(titled.is_some(), "the window is titled Notes");
    let daily = app.wait_for("#reminder-daily").await;
    if !daily.is_selected().await.unwrap() {
        app.click("#reminder-daily").await;
    }
    app.set_value("#reminder-daily-time", &app.soon().await).await;
    app.click("#reminder-save").await;
    app.wait_for("#reminder-message").await;
    app.click("#lock").await;
    let got = daemon.wait_for(1, Duration::from_secs(150));
    assert_eq!(got.len(), 1, "one notification: {got:?}");
    assert_eq!(got[0].0, "Notes", "the neutral name, not Mend: {got:?}");
    app.quit().await;
}
