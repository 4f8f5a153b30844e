//! Create a vault, write, lock, unlock: in the real window, on the real SQLCipher file.
use crate::harness::{files_containing, files_containing_since, App, PASSPHRASE};
use std::time::{SystemTime, UNIX_EPOCH};

fn marker(tag: &str) -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
    format!("zq{tag}{nanos:x}qz")
}

#[tokio::test(flavor = "multi_thread")]
async fn create_write_lock_and_unlock_again() {
    let app = App::start().await;
    app.wait_for("#create-passphrase").await;
    app.create_vault().await;
    app.wait_for("#empty-state").await;

    let first = marker("first");
    let second = marker("second");
    app.write_entry(&format!("I promised {first} and let it slide.")).await;
    app.write_entry(&format!("Today I kept it: {second}.")).await;
    app.wait_until_text("both entries in the timeline", |t| {
        t.contains(&first) && t.contains(&second)
    })
    .await;

    // Newest first.
    let text = app.text().await;
    assert!(text.find(&second).unwrap() < text.find(&first).unwrap(), "newest first:\n{text}");

    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    let page = app.everything_in_the_page().await;
    assert!(
        !page.contains(&first) && !page.contains(&second),
        "locked page still holds entry text"
    );
    assert_eq!(app.driver().title().await.unwrap(), "Mend");

    app.unlock("not the right one at all").await;
    let error = app.wait_for("#unlock-error").await;
    assert!(!error.text().await.unwrap().is_empty());
    assert!(app.driver().find(thirtyfour::By::Css("#timeline")).await.is_err());

    app.unlock(PASSPHRASE).await;
    app.wait_for("#timeline").await;
    app.wait_until_text("entries back after unlock", |t| t.contains(&first) && t.contains(&second))
        .await;

    let root = app.quit().await;
    // Nothing readable in the vault's files.
    assert!(files_containing(&root.path().join("data"), first.as_bytes()).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn journal_text_never_leaves_the_vault() {
    let started = SystemTime::now();
    let app = App::start().await;
    app.create_vault().await;
    let secret = marker("leak");
    app.write_entry(&format!("The thing I never told anyone: {secret}")).await;
    app.wait_until_text("the entry in the timeline", |t| t.contains(&secret)).await;
    // Edit it too, so the editor, autosave and timeline all handle the text.
    app.driver().find(thirtyfour::By::Css(".entry")).await.unwrap().click().await.unwrap();
    let body = app.wait_for("#editor-body").await;
    body.send_keys(" and more").await.unwrap();
    app.wait_until_text("the edit to save", |t| t.contains("Saved")).await;
    // A tag carrying the marker.
    app.type_into("#editor-tags", &format!("tag{secret}")).await;
    app.wait_until_text("the tag to save", |t| t.contains("Saved")).await;
    app.click("#editor-done").await;

    // A relationship whose name and story carry it, and a commitment that promises it.
    app.click("#nav-add-relationship").await;
    app.type_into("#rel-name", &format!("N{secret}")).await;
    app.click("#rel-role-decider").await;
    app.type_into("#rel-what", &format!("What happened: {secret}")).await;
    app.set_value("#rel-kind", "care").await;
    app.click("#rel-save").await;
    app.pass_safety_check().await;
    app.click("#commitment-new").await;
    app.type_into("#commitment-promise", &format!("Promise {secret}")).await;
    app.set_value("#commitment-repeat", "once").await;
    app.click("#commitment-save").await;
    app.wait_for(".commitment[data-commitment-id]").await;
    // And a search for it: typed, sent, answered, never stored.
    app.click("#nav-search").await;
    app.type_into("#search-input", &secret).await;
    app.wait_for(".search-hit").await;

    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    let root = app.quit().await;

    // The data folder (vault, key file, reminders.json), the web view's data, cache, config
    // and state folders, the temp folder and the driver's log (the app's stdout and stderr)
    // hold no trace of the entry, tag, relationship, commitment or search.
    let hits = files_containing(root.path(), secret.as_bytes());
    assert!(hits.is_empty(), "entry text found in {hits:?}");
    // Files the app may have put in the shared temp folders during the test.
    for shared in [std::env::temp_dir(), "/dev/shm".into(), "/var/tmp".into()] {
        let hits = files_containing_since(&shared, secret.as_bytes(), started);
        assert!(hits.is_empty(), "entry text found in {hits:?}");
    }
    // The scan itself works: the vault is there, and a planted copy is found.
    assert!(root.path().join("data/mend.vault").metadata().unwrap().len() > 0);
    let planted = root.path().join("xdg-cache/planted");
    std::fs::write(&planted, format!("x{secret}x")).unwrap();
    assert_eq!(files_containing(root.path(), secret.as_bytes()), [planted]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_passphrase_is_replaced_with_the_recovery_key() {
    let app = App::start().await;
    app.type_into("#create-passphrase", PASSPHRASE).await;
    app.type_into("#create-confirm", PASSPHRASE).await;
    app.click("#create-submit").await;
    app.click("#recovery-create").await;
    let key: String =
        app.wait_for("#recovery-key").await.text().await.unwrap().split_whitespace().collect();
    app.click("#recovery-stored").await;
    app.click("#recovery-done").await;
    app.write_entry("Reachable with the recovery key.").await;
    app.click("#lock").await;

    app.click("#use-recovery").await;
    app.type_into("#unlock-recovery-key", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH").await;
    app.click("#unlock-submit").await;
    app.wait_for("#unlock-error").await;
    // Typed sloppily: lower case, spaces for dashes.
    app.type_into("#unlock-recovery-key", &key.to_lowercase().replace('-', " ")).await;
    app.click("#unlock-submit").await;

    let new_passphrase = "a different lamp above the ferry steps";
    app.type_into("#reset-new", new_passphrase).await;
    app.type_into("#reset-confirm", new_passphrase).await;
    app.click("#reset-submit").await;
    app.wait_for("#reset-done").await;
    app.wait_until_text("the entry", |t| t.contains("Reachable with the recovery key.")).await;

    app.click("#lock").await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#unlock-error").await;
    app.unlock(new_passphrase).await;
    app.wait_until_text("the entry", |t| t.contains("Reachable with the recovery key.")).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn changing_the_passphrase_in_settings() {
    let app = App::start().await;
    app.create_vault().await;
    app.click("#settings").await;
    let next = "seven herons crossing a grey estuary";
    app.type_into("#change-current", "wrong current passphrase").await;
    app.type_into("#change-new", next).await;
    app.type_into("#change-confirm", next).await;
    app.click("#change-submit").await;
    app.wait_until_text("the refusal", |t| t.contains("current passphrase isn't right")).await;

    app.type_into("#change-current", PASSPHRASE).await;
    app.type_into("#change-new", next).await;
    app.type_into("#change-confirm", next).await;
    app.click("#change-submit").await;
    app.wait_until_text("the confirmation", |t| t.to_lowercase().contains("changed")).await;

    app.click("#settings-back").await;
    app.click("#lock").await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#unlock-error").await;
    app.unlock(next).await;
    app.wait_for("#timeline").await;
    app.quit().await;
}
