//! Walks every screen in both themes, checking each one appears with its key parts, and
//! saves pictures of them when MEND_SCREENSHOT_DIR is set (for people to look at).
use crate::harness::{App, PASSPHRASE};

async fn walk(theme: &str, env: &[(&str, &str)]) {
    let app = App::start_with(env).await;
    app.type_into("#create-passphrase", "letmein").await;
    let start = std::time::Instant::now();
    while !app.wait_for("#strength").await.text().await.unwrap().contains("Not strong enough yet") {
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "no strength feedback");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.screenshot(&format!("{theme}-01-create-weak")).await;
    app.type_into("#create-passphrase", PASSPHRASE).await;
    app.type_into("#create-confirm", PASSPHRASE).await;
    app.click("#create-submit").await;
    app.wait_for("#recovery-create").await;
    app.screenshot(&format!("{theme}-02-recovery-offer")).await;
    app.type_into("#recovery-offer-passphrase", PASSPHRASE).await;
    app.click("#recovery-create").await;
    let key = app.wait_for("#recovery-key").await;
    let shown: String = key.text().await.unwrap().split_whitespace().collect();
    assert_eq!(shown.len(), 39, "eight groups of four: {shown}");
    app.screenshot(&format!("{theme}-03-recovery-key")).await;
    app.click("#recovery-stored").await;
    app.click("#recovery-done").await;
    app.wait_for("#empty-state").await;
    app.screenshot(&format!("{theme}-04-empty-journal")).await;

    app.click("#new-entry").await;
    let body = app.wait_for("#editor-body").await;
    // WebKitWebDriver types "\n" as nothing: press Enter (U+E007) for new lines.
    body.send_keys(
        "## Tuesday\n\nI said I would be home by six and I was not. I told myself it didn't matter, \
         and I could see that it did.\n\n- Say what happened, without the excuse\n- Ask what it was like for them"
            .replace('\n', "\u{E007}"),
    )
    .await
    .unwrap();
    app.wait_until_text("saved", |t| t.contains("Saved")).await;
    app.screenshot(&format!("{theme}-05-editor")).await;
    app.click("#editor-preview-toggle").await;
    app.wait_for("#editor-preview h2").await;
    app.wait_for("#editor-preview li").await;
    app.screenshot(&format!("{theme}-06-preview")).await;
    app.click("#editor-done").await;
    app.write_entry("Kept the promise today. Small, but **kept**.").await;
    app.wait_for(".entry strong").await;
    app.screenshot(&format!("{theme}-07-timeline")).await;

    app.driver().find(thirtyfour::By::Css(".entry")).await.unwrap().click().await.unwrap();
    app.click("#editor-delete").await;
    app.wait_for("#confirm-ok").await;
    app.screenshot(&format!("{theme}-08-confirm-delete")).await;
    app.click("#confirm-cancel").await;
    app.click("#editor-done").await;

    app.click("#settings").await;
    app.wait_for("#auto-lock-minutes").await;
    app.screenshot(&format!("{theme}-09-settings")).await;
    app.wait_for("#reminder-settings").await;
    app.script("document.getElementById('reminder-daily').scrollIntoView({block: 'start'});").await;
    app.screenshot(&format!("{theme}-09b-reminder-settings")).await;
    app.click("#settings-back").await;

    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    app.unlock("this is not it").await;
    app.wait_for("#unlock-error").await;
    app.screenshot(&format!("{theme}-10-unlock-error")).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_light_and_dark() {
    walk("light", &[("GTK_THEME", "Adwaita")]).await;
    walk("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
}
