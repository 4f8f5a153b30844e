//! Create a vault, write, lock, unlock: in the real window, on the real SQLCipher file.
use crate::harness::{files_containing, marker, App, PASSPHRASE};

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
async fn a_forgotten_passphrase_is_replaced_with_the_recovery_key() {
    let app = App::start().await;
    app.type_into("#create-passphrase", PASSPHRASE).await;
    app.type_into("#create-confirm", PASSPHRASE).await;
    app.click("#create-submit").await;
    // The passphrase once more: a wrong one makes no key and says so.
    app.type_into("#recovery-offer-passphrase", "not what I chose a moment ago").await;
    app.click("#recovery-create").await;
    app.wait_until_text("the refusal", |t| t.contains("isn't the passphrase you just chose")).await;
    app.type_into("#recovery-offer-passphrase", PASSPHRASE).await;
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
