//! What the window shows as saved survives a crash; what a wrong passphrase touches is
//! nothing; deleting asks first; the vault locks itself when left alone.
use crate::harness::{snapshot, App, PASSPHRASE};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread")]
async fn an_entry_shown_as_saved_survives_the_app_being_killed() {
    let app = App::start().await;
    app.create_vault().await;
    app.click("#new-entry").await;
    let body = app.wait_for("#editor-body").await;
    body.send_keys(crate::harness::typed("Written just before the power went.")).await.unwrap();
    app.wait_until_text("the entry to save", |t| t.contains("Saved")).await;
    // No "Done", no lock, no clean shutdown: SIGKILL straight after "Saved".
    let root = app.crash().await;

    let app = App::start_in(root, &[]).await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#timeline").await;
    app.wait_until_text("the entry after the crash", |t| {
        t.contains("Written just before the power went.")
    })
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_passphrase_in_the_window_changes_no_file() {
    let app = App::start().await;
    app.create_vault().await;
    app.write_entry("Something to protect.").await;
    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    let data = app.data_dir();
    let before = snapshot(&data);
    app.unlock("definitely not the passphrase").await;
    app.wait_for("#unlock-error").await;
    assert!(snapshot(&data) == before, "a file in the data folder changed");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_asks_first_and_cancel_keeps_the_entry() {
    let app = App::start().await;
    app.create_vault().await;
    app.write_entry("Keep this one.").await;
    app.write_entry("Remove this one.").await;

    let open = |text: &'static str| {
        let app = &app;
        async move {
            for el in app.driver().find_all(By::Css(".entry")).await.unwrap() {
                if el.text().await.unwrap().contains(text) {
                    el.click().await.unwrap();
                    return;
                }
            }
            panic!("no entry reads {text}");
        }
    };
    open("Remove this one.").await;
    app.click("#editor-delete").await;
    app.click("#confirm-cancel").await;
    app.click("#editor-done").await;
    app.wait_until_text("both entries", |t| {
        t.contains("Keep this one.") && t.contains("Remove this one.")
    })
    .await;

    open("Remove this one.").await;
    app.click("#editor-delete").await;
    app.click("#confirm-ok").await;
    app.wait_for("#timeline").await;
    app.wait_until_text("one entry left", |t| {
        t.contains("Keep this one.") && !t.contains("Remove this one.")
    })
    .await;

    // Gone from the vault too, not just from the page.
    app.click("#lock").await;
    app.unlock(PASSPHRASE).await;
    app.wait_until_text("timeline after unlock", |t| t.contains("Keep this one.")).await;
    assert!(!app.text().await.contains("Remove this one."));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_vault_locks_itself_after_the_idle_limit() {
    let app = App::start().await;
    app.create_vault().await;
    app.write_entry("Left open on the kitchen table.").await;
    app.click("#settings").await;
    app.type_into("#auto-lock-minutes", "1").await;
    app.click("#auto-lock-save").await;
    app.wait_for("#auto-lock-message").await;
    app.click("#settings-back").await;
    app.wait_until_text("the entry", |t| t.contains("Left open on the kitchen table.")).await;

    // One minute of quiet, plus the idle check's five-second period.
    let start = std::time::Instant::now();
    app.wait_for_long("#unlock-passphrase", std::time::Duration::from_secs(90)).await;
    let waited = start.elapsed();
    assert!(waited >= std::time::Duration::from_secs(50), "locked too early: {waited:?}");
    let page = app.everything_in_the_page().await;
    assert!(!page.contains("Left open on the kitchen table."), "journal text left in the page");
    app.quit().await;
}
