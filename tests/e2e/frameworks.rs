//! The frameworks followed to the end for both roles, in the real window: whose promise a
//! score is about (each owner scored apart, never mixed), and the decision review's way to
//! the misdiagnosis check before holding or stepping away.
use crate::harness::{App, PASSPHRASE};
use crate::relationships::add_relationship;
use chrono::{Duration, Local, NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog, OccurrenceStatus};
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::Repeat;
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A decider's vault where the other person kept every day of their daily commitment
/// for two weeks and the decider missed every day of their own.
fn seed_two_owners(dir: &std::path::Path) -> i64 {
    let vault =
        Vault::create(&VaultPaths::new(dir), &Passphrase::new(PASSPHRASE.to_owned())).unwrap();
    let today = today();
    let start = today - Duration::days(14);
    let at = |d: NaiveDate| {
        Local.from_local_datetime(&d.and_hms_opt(20, 0, 0).unwrap()).unwrap().with_timezone(&Utc)
    };
    let clock = FixedClock::new(at(start));
    let input = RelationshipInput {
        name: "Jo".into(),
        role: Role::Decider,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Care,
        setting: None,
        power: None,
    };
    let rel = vault.relationships().create(&input, &clock).unwrap().id;
    clock.set(at(today));
    for (owner, promise, status) in [
        (CommitmentOwner::Them, "Be home by seven", OccurrenceStatus::Kept),
        (CommitmentOwner::Me, "Say plainly what I need", OccurrenceStatus::Missed),
    ] {
        let commitment = CommitmentInput {
            owner,
            promise: promise.into(),
            repeat: Repeat::Daily,
            starts_on: start.to_string(),
            ends_on: None,
            kept_looks_like: String::new(),
            due_time: None,
            remind: false,
            show_details: false,
        };
        let c = vault.commitments().create(rel, &commitment, &clock).unwrap();
        for d in start.iter_days().take_while(|d| *d < today) {
            let log = OccurrenceLog { due_on: d.to_string(), status, note: String::new() };
            vault.commitments().log(c.id, &log, today, &clock).unwrap();
        }
    }
    vault.lock();
    rel
}

/// Scrolls an element to the top of the window, just below the sticky header, for a
/// screenshot.
async fn show(app: &App, css: &str) {
    let js = format!(
        "document.querySelector('{css}').scrollIntoView({{block: 'start'}}); window.scrollBy(0, -110);"
    );
    app.script(&js).await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_commitment_they_own_is_scored_apart_from_mine() {
    let root = crate::harness::new_root();
    std::fs::create_dir_all(root.path().join("data")).unwrap();
    let rel = seed_two_owners(&root.path().join("data"));
    let app = App::start_in(root, &[("GTK_THEME", "Adwaita")]).await;
    app.unlock(PASSPHRASE).await;
    app.click(&format!("#nav-relationship-{rel}")).await;
    app.wait_for("#ledger").await;

    // The decider's view is headed by the other person's record, then their own.
    let them = app.wait_for("#ledger-score-30").await.text().await.unwrap();
    assert!(them.contains("100%"), "Jo kept every day: {them}");
    let mine = app.wait_for("#ledger-score-30-me").await.text().await.unwrap();
    assert!(mine.contains("0%"), "I missed every day: {mine}");
    let owners: Vec<String> = app
        .script(
            "return [...document.querySelectorAll('#ledger .owner-scores')]
               .map(s => s.dataset.owner + ':' + s.querySelector('h4').textContent.trim());",
        )
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(owners, ["them:Jo's commitments", "me:Your commitments"]);
    show(&app, "#ledger .owner-scores").await;
    app.screenshot("light-32-ledger-two-owners").await;

    // The dashboard draws each owner's consistency apart, with the same figures.
    app.click("#open-progress").await;
    app.wait_for("#progress-view").await;
    app.wait_for("#chart-consistency").await;
    app.wait_for("#chart-consistency-me").await;
    let last = |table: &str| {
        format!(
            "const rows = document.querySelectorAll('#table-{table} tbody tr');
             return rows.length ? rows[rows.length - 1].children[1].textContent.trim() : null;"
        )
    };
    assert_eq!(app.script(&last("consistency")).await, "100");
    assert_eq!(app.script(&last("consistency-me")).await, "0");
    show(&app, "#chart-consistency").await;
    app.screenshot("light-43-dashboard-two-owners").await;
    app.quit().await;
}

/// The weekly look back as kept in the schedule outside the vault (times and ids, no words).
fn weekly_look_back(app: &App) -> serde_json::Value {
    let text = std::fs::read_to_string(app.data_dir().join("reminders.json")).unwrap();
    let schedule: serde_json::Value = serde_json::from_str(&text).unwrap();
    let all = schedule["reminders"].as_array().cloned().unwrap_or_default();
    all.into_iter().find(|r| r["kind"] == "weeklyReview").unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_decision_review_leads_to_the_misdiagnosis_check() {
    let app = App::start_with(&[("GTK_THEME", "Adwaita")]).await;
    app.create_vault().await;
    add_relationship(&app, "Kim", "decider", "competence", "2026-10-02", "light").await;
    let page = app.wait_for("#relationship-page").await;
    let rel: i64 = page.attr("data-relationship-id").await.unwrap().unwrap().parse().unwrap();
    assert_eq!(weekly_look_back(&app)["relationshipId"], rel, "the only one, opened by it");
    app.click("#open-progress").await;
    app.wait_for("#progress-view").await;
    let before = app.wait_for("#decision-before").await.text().await.unwrap();
    assert!(before.contains("holding or stepping away"), "{before}");
    app.click("#decision-misdiagnosis").await;
    let step = app.wait_for("#guided-step").await;
    assert_eq!(step.attr("data-framework").await.unwrap().as_deref(), Some("repair-conversation"));
    assert_eq!(step.attr("data-step").await.unwrap().as_deref(), Some("misdiagnosis-check"));
    app.wait_until_text("the check's questions", |t| t.to_lowercase().contains("misunderstanding"))
        .await;
    app.screenshot("light-47-misdiagnosis-from-decision").await;

    // Once the relationship is deleted, the weekly look back no longer points at it.
    app.click("#step-back-to-relationship").await;
    app.click("#rel-edit").await;
    app.click("#rel-delete").await;
    app.click("#confirm-ok").await;
    app.wait_for("#new-entry").await;
    let start = std::time::Instant::now();
    while !weekly_look_back(&app)["relationshipId"].is_null() {
        assert!(start.elapsed().as_secs() < 10, "the schedule still opens a deleted relationship");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.quit().await;
}

/// Marks a step of the decider's checklist as seen on `on`.
async fn mark_seen(app: &App, step: &str, on: NaiveDate) {
    app.click(&format!("#mark-{step}")).await;
    app.set_value(&format!("#mark-date-{step}"), &on.to_string()).await;
    app.click(&format!("#mark-save-{step}")).await;
    app.wait_for(&format!("#unmark-{step}")).await;
}

/// Waits until no element matches `css`.
async fn wait_gone(app: &App, css: &str, what: &str) {
    let start = std::time::Instant::now();
    while app.driver().find(thirtyfour::By::Css(css)).await.is_ok() {
        assert!(start.elapsed().as_secs() < 10, "{what} is still there");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn repeat_breach(theme: &str, env: &[(&str, &str)]) {
    let app = App::start_with(env).await;
    app.create_vault().await;
    add_relationship(&app, "Ari", "decider", "integrity", "2026-06-01", theme).await;
    app.click("#open-progress").await;
    app.wait_for("#progress-view").await;
    mark_seen(&app, "take-ownership", today() - Duration::days(10)).await;
    mark_seen(&app, "show-compassion", today() - Duration::days(8)).await;
    assert!(app.driver().find(thirtyfour::By::Css("#still-holds-take-ownership")).await.is_err());
    app.click("#progress-back").await;

    // It happens again. The relationship page offers the safety check once more, gently.
    let page = app.wait_for("#relationship-page").await;
    assert!(!page.text().await.unwrap().contains("A moment for you"), "no offer before");
    let again = today() - Duration::days(3);
    app.set_value("#event-kind", "repeatBreach").await;
    app.set_value("#event-date", &again.to_string()).await;
    app.type_into("#event-note", "The same thing, another evening").await;
    app.click("#event-add").await;
    let offer = app.wait_for("#safety-offer").await;
    assert!(
        offer.text().await.unwrap().contains("safety check"),
        "{}",
        offer.text().await.unwrap()
    );
    show(&app, "#safety-offer").await;
    app.screenshot(&format!("{theme}-26-safety-offered-again")).await;
    app.click("#safety-offer-not-now").await;
    wait_gone(&app, "#safety-offer", "the offer after 'Not now'").await;

    // Each mark made before it asks whether it still holds.
    app.click("#open-progress").await;
    app.wait_for("#progress-view").await;
    let asked = app.wait_for("#still-holds-take-ownership").await.text().await.unwrap();
    let day = again.format("%B %-d, %Y").to_string();
    assert!(asked.contains(&format!("Marked before it happened again on {day}")), "{asked}");
    assert!(asked.contains("Does this still hold?"), "{asked}");
    app.wait_for("#still-holds-show-compassion").await;
    show(&app, "#check-take-ownership").await;
    app.screenshot(&format!("{theme}-44-checklist-before-repeat-breach")).await;

    // "Still holds" marks it again today; "No longer holds" clears the mark.
    app.click("#still-holds-yes-take-ownership").await;
    wait_gone(&app, "#still-holds-take-ownership", "the question once answered").await;
    let step = app.wait_for("#check-take-ownership").await.text().await.unwrap();
    let now = today().format("%B %-d, %Y").to_string();
    assert!(step.contains(&format!("Seen on {now}")), "marked again today: {step}");
    app.click("#still-holds-no-show-compassion").await;
    app.click("#confirm-ok").await;
    wait_gone(&app, "#unmark-show-compassion", "the cleared mark").await;
    let state = app.wait_for("#check-show-compassion").await.attr("data-state").await.unwrap();
    assert_eq!(state.as_deref(), Some("open"));

    // Nothing flagged is left after a reload either.
    app.click("#progress-back").await;
    app.click("#open-progress").await;
    app.wait_for("#check-take-ownership").await;
    assert!(app.driver().find(thirtyfour::By::Css(".still-holds")).await.is_err());
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_repeat_breach_asks_about_earlier_marks_and_offers_the_safety_check_again() {
    repeat_breach("light", &[("GTK_THEME", "Adwaita")]).await;
    if std::env::var_os("MEND_SCREENSHOT_DIR").is_some() {
        repeat_breach("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
    }
}
