//! Relationships, guided steps, search and the apology workshop in the real window.
use crate::harness::App;
use thirtyfour::prelude::*;

pub(crate) async fn add_relationship(
    app: &App,
    name: &str,
    role: &str,
    kind: &str,
    when: &str,
    theme: &str,
) {
    app.click("#nav-add-relationship").await;
    app.type_into("#rel-name", name).await;
    app.click(&format!("#rel-role-{role}")).await;
    app.type_into("#rel-what", "Plans changed without a word, more than once.").await;
    app.set_value("#rel-when", when).await;
    app.set_value("#rel-kind", kind).await;
    app.screenshot(&format!("{theme}-20-relationship-form-{role}")).await;
    app.click("#rel-save").await;
    app.pass_safety_check().await;
    app.wait_for("#relationship-page").await;
}

async fn status_of(app: &App, framework: &str, step: &str) -> String {
    let el = app
        .wait_for(&format!("button.step[data-framework=\"{framework}\"][data-step=\"{step}\"]"))
        .await;
    el.attr("data-status").await.unwrap().unwrap_or_default()
}

async fn decider_walk(theme: &str, env: &[(&str, &str)]) {
    let app = App::start_with(env).await;
    app.create_vault().await;
    add_relationship(&app, "Sam", "decider", "integrity", "2026-09-14", theme).await;
    app.screenshot(&format!("{theme}-21-relationship-decider")).await;
    assert!(
        app.driver().find(By::Css("#before-you-decide")).await.is_ok(),
        "the misdiagnosis check is offered"
    );
    assert!(
        app.driver().find(By::Css("#open-apology")).await.is_err(),
        "the apology workshop is the repairer's"
    );
    let text = app.text().await;
    assert!(text.contains("Sam"));
    assert_eq!(status_of(&app, "four-steps", "take-ownership").await, "untouched");

    // Walk the first of the four steps: answer two prompts, skip the rest, finish.
    app.click("button.step[data-framework=\"four-steps\"][data-step=\"take-ownership\"]").await;
    app.wait_for("#guided-step").await;
    let first = app.wait_for("#prompt-text").await.text().await.unwrap();
    let answer = app.wait_for("#answer").await;
    answer
        .send_keys(crate::harness::typed(
            "On Tuesday they said zqownershipqz plainly, with no excuse.",
        ))
        .await
        .unwrap();
    app.wait_until_text("the draft to save", |t| t.contains("Saved")).await;
    app.screenshot(&format!("{theme}-22-guided-step")).await;
    app.click("#prompt-next").await;
    app.wait_until_text("the second prompt", |t| !t.contains(&first)).await;
    app.wait_for("#answer")
        .await
        .send_keys(crate::harness::typed("It landed better than I expected."))
        .await
        .unwrap();
    while app.driver().find(By::Css("#guided-review")).await.is_err() {
        app.click("#prompt-next").await;
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    app.screenshot(&format!("{theme}-23-guided-review")).await;
    app.click("#step-finish").await;
    app.wait_for("#relationship-page").await;
    assert_eq!(status_of(&app, "four-steps", "take-ownership").await, "done");
    app.wait_until_text("the entry on the relationship page", |t| t.contains("zqownershipqz"))
        .await;

    // The entry is in the journal's timeline, with its answers under their prompts.
    app.click("#nav-journal").await;
    app.wait_for("#timeline").await;
    app.wait_until_text("the entry in the timeline", |t| {
        t.contains("zqownershipqz") && t.contains(&first)
    })
    .await;

    // And search finds it.
    app.click("#nav-search").await;
    app.type_into("#search-input", "zqownershipqz").await;
    let hit = app.wait_for(".search-hit").await;
    assert!(hit.text().await.unwrap().contains("zqownershipqz"));
    app.wait_for(".search-hit mark").await;
    app.screenshot(&format!("{theme}-24-search")).await;
    app.type_into("#search-input", "nothing-like-this-anywhere").await;
    app.wait_for("#search-empty").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decider_walks_a_step_and_finds_it_again() {
    decider_walk("light", &[("GTK_THEME", "Adwaita")]).await;
    if std::env::var_os("MEND_SCREENSHOT_DIR").is_some() {
        decider_walk("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
    }
}

async fn repairer_walk(theme: &str, env: &[(&str, &str)]) {
    let app = App::start_with(env).await;
    app.create_vault().await;
    add_relationship(&app, "Jo", "repairer", "competence", "2026-10-01", theme).await;
    assert!(app.driver().find(By::Css("#before-you-decide")).await.is_err());
    assert_eq!(
        status_of(&app, "acknowledge-communicate-consistent", "acknowledge").await,
        "untouched"
    );
    app.screenshot(&format!("{theme}-25-relationship-repairer")).await;

    app.click("#open-apology").await;
    app.wait_for("#apology-workshop").await;
    let draft = app.wait_for("#apology-draft").await;
    draft
        .send_keys(crate::harness::typed(
            "I'm sorry if you were upset, but you made me late by changing the plan.",
        ))
        .await
        .unwrap();
    app.wait_for(".check[data-check=\"acceptsResponsibility\"][data-status=\"problem\"]").await;
    app.wait_for(".check[data-check=\"noBlameShifting\"][data-status=\"problem\"]").await;
    let marks =
        app.driver().find_all(By::Css("#apology-marked mark.finding.problem")).await.unwrap();
    let mut quoted = Vec::new();
    for m in &marks {
        quoted.push(m.text().await.unwrap().to_lowercase());
    }
    assert!(quoted.iter().any(|q| q.contains("if")), "the excuse is pointed at: {quoted:?}");
    assert!(
        quoted.iter().any(|q| q.contains("you made me")),
        "the blame is pointed at: {quoted:?}"
    );
    app.screenshot(&format!("{theme}-26-apology-workshop")).await;

    app.click("#nav-relationship-1").await;
    app.click("#open-planner").await;
    app.wait_for("#conversation-planner").await;
    app.click("#conv-new").await;
    app.wait_for("#conv-note-their-perspective")
        .await
        .send_keys(crate::harness::typed("Ask how the week felt for them."))
        .await
        .unwrap();
    app.screenshot(&format!("{theme}-27-conversation-planner")).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_repairer_gets_the_apology_workshop_and_an_excuse_is_flagged() {
    repairer_walk("light", &[("GTK_THEME", "Adwaita")]).await;
    if std::env::var_os("MEND_SCREENSHOT_DIR").is_some() {
        repairer_walk("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
    }
}

/// Deleting a moment asks first (the shared delete dialog): cancel keeps it, confirming
/// removes it from the page and from the vault.
#[tokio::test(flavor = "multi_thread")]
async fn a_moment_is_deleted_only_after_asking() {
    let app = App::start().await;
    app.create_vault().await;
    add_relationship(&app, "Sam", "decider", "reliability", "2026-10-02", "light").await;
    app.set_value("#event-kind", "milestone").await;
    app.set_value("#event-date", "2026-11-20").await;
    app.type_into("#event-note", "We talked it through, calmly.").await;
    app.click("#event-add").await;
    app.wait_until_text("the new moment", |t| t.contains("We talked it through, calmly.")).await;
    let buttons = app.driver().find_all(By::Css("#events .event-delete")).await.unwrap();
    let before = buttons.len();
    buttons.last().unwrap().click().await.unwrap();
    app.click("#confirm-cancel").await;
    assert_eq!(
        app.driver().find_all(By::Css("#events .event-delete")).await.unwrap().len(),
        before
    );
    let buttons = app.driver().find_all(By::Css("#events .event-delete")).await.unwrap();
    buttons.last().unwrap().click().await.unwrap();
    app.click("#confirm-ok").await;
    let start = std::time::Instant::now();
    while app.text().await.contains("We talked it through, calmly.") {
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "the moment went away");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.driver().find_all(By::Css("#events .event-delete")).await.unwrap().len(),
        before - 1
    );
    let root = app.quit().await;
    let v = mend_core::Vault::unlock(
        &mend_core::VaultPaths::new(root.path().join("data")),
        &mend_core::Passphrase::new(crate::harness::PASSPHRASE.to_owned()),
    )
    .unwrap();
    let events = v.relationships().events(1).unwrap();
    assert!(events.iter().all(|e| e.note != "We talked it through, calmly."));
}

/// Issue 17 item 2: a work relationship with a team the person leads. The form asks who
/// holds more power only at work; the page says the setting in a quiet line; the guided
/// step asks the leader's question first and shows the team's note; as a partner, neither.
async fn team_at_work(theme: &str, env: &[(&str, &str)]) {
    let app = App::start_with(env).await;
    app.create_vault().await;
    app.click("#nav-add-relationship").await;
    app.type_into("#rel-name", "Design crew").await;
    app.click("#rel-role-repairer").await;
    app.set_value("#rel-kind", "competence").await;
    assert!(app.driver().find(By::Css("#rel-power")).await.is_err(), "no power question yet");
    app.set_value("#rel-setting", "team").await;
    app.wait_for("#rel-power").await;
    app.click("#rel-power-me").await;
    app.screenshot(&format!("{theme}-24-relationship-form-team")).await;
    app.click("#rel-save").await;
    app.pass_safety_check().await;
    app.wait_for("#relationship-page").await;
    let line = app.wait_for("#relationship-setting").await.text().await.unwrap();
    assert_eq!(line, "At work: a team or group. You hold more power.");

    // A commitment to the group is the team's, not one person's.
    app.click("#commitment-new").await;
    let theirs = app.wait_for("#commitment-owner option[value=\"them\"]").await;
    assert_eq!(theirs.text().await.unwrap(), "The team's: something the team promised");
    app.screenshot(&format!("{theme}-30-commitment-form-team")).await;
    app.click("#commitment-cancel").await;

    app.click("button.step[data-framework=\"four-steps\"][data-step=\"take-ownership\"]").await;
    app.wait_for("#guided-step").await;
    let first = app.wait_for("#prompt-text").await.text().await.unwrap();
    assert!(first.contains("You hold more power here"), "the leader's question first: {first}");
    app.wait_until_text("the team's note", |t| t.contains("own it with the whole group")).await;
    app.screenshot(&format!("{theme}-25-guided-step-team")).await;

    // As a partner, the work advice goes, and so does the power question.
    app.click("#step-back-to-relationship").await;
    app.wait_for("#relationship-page").await;
    app.click("#rel-edit").await;
    app.wait_for("#rel-power").await;
    app.set_value("#rel-setting", "partner").await;
    let start = std::time::Instant::now();
    while app.driver().find(By::Css("#rel-power")).await.is_ok() {
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "the power question went");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.click("#rel-save").await;
    app.wait_for("#relationship-page").await;
    app.wait_until_text("the personal setting", |t| t.contains("Personal: a partner.")).await;
    app.click("button.step[data-framework=\"four-steps\"][data-step=\"take-ownership\"]").await;
    app.wait_for("#guided-step").await;
    let first = app.wait_for("#prompt-text").await.text().await.unwrap();
    assert!(!first.contains("You hold more power here"), "no leader's question: {first}");
    assert!(!app.text().await.contains("own it with the whole group"), "no team note");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_team_at_work_gets_the_leaders_and_the_teams_advice() {
    team_at_work("light", &[("GTK_THEME", "Adwaita")]).await;
    if std::env::var_os("MEND_SCREENSHOT_DIR").is_some() {
        team_at_work("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
    }
}
