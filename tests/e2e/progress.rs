//! Checklists with evidence, check-ins over several days, the dashboard's charts and the
//! shareable review, in the real window. The dashboards are also photographed with a
//! vault seeded through mend-core (the same encrypted file the app opens), in both themes.
use crate::harness::{send_x_key, wait_for_x_window, App, PASSPHRASE};
use crate::relationships::add_relationship;
use chrono::{Duration, Local, NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::OccurrenceStatus;
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog};
use mend_core::progress::checkins::{CheckInInput, DecisionChoice, DecisionInput};
use mend_core::progress::checklist::StepMarkInput;
use mend_core::relationships::{EventInput, EventKind, RelationshipInput};
use mend_core::repeat::Repeat;
use mend_core::{EntryMeta, FixedClock, Passphrase, Vault, VaultPaths};
use std::time::Instant;
use thirtyfour::prelude::*;

/// The person's today, as the app works it out (the same machine and time zone).
fn today() -> NaiveDate {
    Local::now().date_naive()
}

async fn state_of(app: &App, step: &str) -> String {
    let el = app.wait_for(&format!("#check-{step}")).await;
    el.attr("data-state").await.unwrap().unwrap_or_default()
}

async fn wait_for_state(app: &App, step: &str, want: &str) {
    let start = Instant::now();
    loop {
        let now = state_of(app, step).await;
        if now == want {
            return;
        }
        assert!(start.elapsed().as_secs() < 15, "{step} stayed {now}, not {want}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The cells of a chart's table of figures, row by row.
async fn table_rows(app: &App, chart: &str) -> Vec<Vec<String>> {
    app.driver()
        .execute(
            "const t = document.querySelector(arguments[0]);
             if (!t) return null;
             return [...t.querySelectorAll('tbody tr')].map(r =>
               [...r.querySelectorAll('th, td')].map(c => c.textContent.trim()));",
            vec![serde_json::json!(format!("#table-{chart} table"))],
        )
        .await
        .unwrap()
        .convert()
        .unwrap_or_default()
}

/// The ISO days the rows of a chart's table stand for (each row carries its day).
async fn table_days(app: &App, chart: &str) -> Vec<String> {
    app.driver()
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map(r => r.dataset.key);",
            vec![serde_json::json!(format!("#table-{chart} tbody tr"))],
        )
        .await
        .unwrap()
        .convert()
        .unwrap_or_default()
}

async fn open_progress(app: &App) {
    app.click("#open-progress").await;
    app.wait_for("#progress-view").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decider_links_evidence_to_a_step_and_sees_it_evidenced() {
    let app = App::start_with(&[("GTK_THEME", "Adwaita")]).await;
    app.create_vault().await;
    add_relationship(&app, "Sam", "decider", "integrity", "2026-09-14", "light").await;
    app.click("#rel-new-entry").await;
    app.wait_for("#editor-body")
        .await
        .send_keys(crate::harness::typed("They said zqownedqz it was wrong, no excuses."))
        .await
        .unwrap();
    app.wait_until_text("the entry to save", |t| t.contains("Saved")).await;
    app.click("#editor-done").await;
    app.wait_for("#relationship-page").await;

    open_progress(&app).await;
    assert_eq!(state_of(&app, "take-ownership").await, "open");

    // Marked without evidence: seen, with a quiet hint that nothing is linked yet.
    let marked_on = (today() - Duration::days(3)).to_string();
    app.click("#mark-take-ownership").await;
    app.set_value("#mark-date-take-ownership", &marked_on).await;
    app.click("#mark-save-take-ownership").await;
    wait_for_state(&app, "take-ownership", "claimed").await;
    let step = app.wait_for("#check-take-ownership").await.text().await.unwrap();
    assert!(step.contains("Seen on "), "{step}");
    assert!(step.contains("No evidence linked yet."), "{step}");

    // Link the entry: evidenced.
    app.click("#evidence-add-take-ownership").await;
    app.wait_for("#evidence-picker").await;
    let entry = app.wait_for("#evidence-picker button[data-kind=\"entry\"]").await;
    let entry_id = entry.attr("id").await.unwrap().unwrap();
    app.screenshot("light-40-evidence-picker").await;
    app.click(&format!("#{entry_id}")).await;
    wait_for_state(&app, "take-ownership", "evidenced").await;
    let step = app.wait_for("#check-take-ownership").await.text().await.unwrap();
    assert!(step.contains("Seen, with evidence"), "{step}");
    assert!(step.contains("zqownedqz"), "the linked entry is shown: {step}");
    app.screenshot("light-41-checklist-evidenced").await;

    // It is stored: leaving and coming back shows the same.
    app.click("#progress-back").await;
    app.wait_for("#relationship-page").await;
    open_progress(&app).await;
    wait_for_state(&app, "take-ownership", "evidenced").await;
    assert_eq!(state_of(&app, "show-compassion").await, "open");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn check_ins_on_several_days_become_the_charts_points() {
    let app = App::start_with(&[("GTK_THEME", "Adwaita")]).await;
    app.create_vault().await;
    add_relationship(&app, "Robin", "decider", "care", "2026-08-01", "light").await;
    open_progress(&app).await;
    app.wait_for("#checkin-form").await;

    // Three check-ins, dated as if entered on three different days.
    let days =
        [today() - Duration::days(50), today() - Duration::days(20), today() - Duration::days(2)];
    let ratings = [(1, 2, 3), (3, 3, 4), (5, 4, 5)];
    for (day, (able, dependable, trust)) in days.iter().zip(ratings) {
        app.set_value("#checkin-date", &day.to_string()).await;
        app.click(&format!("#rate-able-skills-{able}")).await;
        app.click(&format!("#rate-dependable-follow-{dependable}")).await;
        app.set_value("#checkin-trust", &trust.to_string()).await;
        let skip = app.wait_for("#checkin-trust-skip").await;
        if skip.is_selected().await.unwrap() {
            app.click("#checkin-trust-skip").await;
        }
        app.click("#checkin-save").await;
        app.wait_until_text("the check-in to save", |t| t.contains("Check-in saved")).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }

    app.click("#range-preset-90").await;
    let expected_days: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    let start = Instant::now();
    while table_days(&app, "trust").await != expected_days {
        assert!(
            start.elapsed().as_secs() < 15,
            "trust rows: {:?}",
            table_rows(&app, "trust").await
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let trust = table_rows(&app, "trust").await;
    let levels: Vec<&str> = trust.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(levels, ["3", "4", "5"], "{trust:?}");

    assert_eq!(table_days(&app, "abcdTrend").await, expected_days);
    let trend = table_rows(&app, "abcdTrend").await;
    let able: Vec<&str> = trend.iter().map(|r| r[1].as_str()).collect();
    let dependable: Vec<&str> = trend.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(able, ["1.0", "3.0", "5.0"], "{trend:?}");
    assert_eq!(dependable, ["2.0", "3.0", "4.0"], "{trend:?}");
    let radar = table_rows(&app, "abcdRadar").await;
    assert!(
        radar[0][1].starts_with("1.0") && radar[0][2].starts_with("5.0"),
        "first against latest: {radar:?}"
    );

    // A range that leaves out the first check-in leaves out its point.
    app.click("#range-preset-30").await;
    let start = Instant::now();
    while table_days(&app, "trust").await != expected_days[1..] {
        assert!(
            start.elapsed().as_secs() < 15,
            "30-day rows: {:?}",
            table_days(&app, "trust").await
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.screenshot("light-42-dashboard-three-check-ins").await;
    app.quit().await;
}

/// Seeds a vault with four months of one relationship: events, a daily commitment
/// logged most days, check-ins every two weeks, steps answered and marked with evidence.
pub(crate) fn seed(dir: &std::path::Path, role: Role) -> i64 {
    let vault =
        Vault::create(&VaultPaths::new(dir), &Passphrase::new(PASSPHRASE.to_owned())).unwrap();
    let today = today();
    let start = today - Duration::days(120);
    let at = |d: NaiveDate| {
        Local.from_local_datetime(&d.and_hms_opt(20, 30, 0).unwrap()).unwrap().with_timezone(&Utc)
    };
    let clock = FixedClock::new(at(start));
    let rel = vault
        .relationships()
        .create(
            &RelationshipInput {
                name: "Alex".into(),
                role,
                what_happened: "Money was taken from the shared account and hidden.".into(),
                happened_on: Some((start - Duration::days(10)).to_string()),
                breach_kind: BreachKind::Integrity,
                setting: None,
                power: None,
            },
            &clock,
        )
        .unwrap()
        .id;
    clock.set(at(today));
    for (kind, days_ago, note) in [
        (EventKind::Breach, 130, "Found the statements"),
        (EventKind::Milestone, 95, "First honest conversation"),
        (EventKind::RepeatBreach, 48, "Another withdrawal, not mentioned"),
        (EventKind::Milestone, 20, "Started the repayment plan"),
    ] {
        let input = EventInput {
            kind,
            occurred_on: (today - Duration::days(days_ago)).to_string(),
            note: note.into(),
        };
        vault.relationships().add_event(rel, &input, &clock).unwrap();
    }
    let owner = if role == Role::Decider { CommitmentOwner::Them } else { CommitmentOwner::Me };
    let daily = vault
        .commitments()
        .create(
            rel,
            &CommitmentInput {
                owner,
                promise: "Share the day's spending each evening".into(),
                repeat: Repeat::Daily,
                starts_on: start.to_string(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: None,
                remind: false,
                show_details: false,
            },
            &clock,
        )
        .unwrap();
    for (n, d) in start.iter_days().take_while(|d| *d < today).enumerate() {
        // Shakier in the weeks around the repeat breach, steadier later.
        let late = n > 80;
        let status = match (n * 7 + n / 5) % 10 {
            0 | 1 if !late => Some(OccurrenceStatus::Missed),
            2 if !late => None,
            3 => Some(OccurrenceStatus::Partly),
            9 if late => None,
            _ => Some(OccurrenceStatus::Kept),
        };
        if let Some(status) = status {
            let log = OccurrenceLog { due_on: d.to_string(), status, note: String::new() };
            vault.commitments().log(daily.id, &log, today, &clock).unwrap();
        }
    }
    let items = [
        "able-skills",
        "believable-truth",
        "believable-match",
        "connected-listen",
        "dependable-follow",
        "dependable-show",
    ];
    for (n, d) in start.iter_days().step_by(14).take_while(|d| *d < today).enumerate() {
        let lift = (n as u8).min(3);
        let answers = items
            .iter()
            .enumerate()
            .map(|(i, k)| ((*k).to_owned(), (1 + lift + (i as u8 % 2)).min(5)))
            .collect();
        let trust = (role == Role::Decider).then_some([2u8, 3, 4, 2, 3, 4, 5, 6, 6][n % 9]);
        let input =
            CheckInInput { on: d.to_string(), answers, trust_level: trust, note: String::new() };
        vault.progress().save_check_in(rel, &input, today, &clock).unwrap();
    }
    let (fw, steps): (&str, &[&str]) = if role == Role::Decider {
        ("four-steps", &["take-ownership", "show-compassion", "make-amends", "actions-not-words"])
    } else {
        ("five-as", &["acknowledge", "admit", "apologise", "assess", "amend"])
    };
    for (i, step) in steps.iter().enumerate() {
        let written = today - Duration::days(100 - 22 * i as i64);
        clock.set(at(written));
        let meta = EntryMeta {
            relationship_id: Some(rel),
            framework_id: Some(fw.into()),
            step_id: Some((*step).into()),
            ..EntryMeta::default()
        };
        let entry = vault
            .journal()
            .create_with(&format!("Notes on this step: zqprivateqz {i}"), &meta, &clock)
            .unwrap();
        clock.set(at(today));
        if i < 2 {
            let mark = StepMarkInput {
                framework_id: fw.into(),
                step_id: (*step).into(),
                marked_on: written.to_string(),
                note: "zqmarknoteqz".into(),
            };
            vault.progress().mark_step(rel, &mark, &clock).unwrap();
            if i == 0 {
                let local = |t: chrono::DateTime<Utc>| t.with_timezone(&Local).date_naive();
                let found = vault.progress().evidence_candidates(rel, fw, step, &local).unwrap();
                let mine = found.iter().find(|c| c.target.entry_id == Some(entry.id)).unwrap();
                vault.progress().link_evidence(rel, fw, step, &mine.target, &clock).unwrap();
            }
        }
    }
    if role == Role::Decider {
        for (days_ago, choice, reasons) in [
            (60, DecisionChoice::Pause, "I need room to think."),
            (10, DecisionChoice::Extend, "The evenings have been steady."),
        ] {
            let input = DecisionInput {
                decided_on: (today - Duration::days(days_ago)).to_string(),
                choice,
                reasons: reasons.into(),
            };
            vault.progress().add_decision(rel, &input, &clock).unwrap();
        }
    }
    vault.lock();
    rel
}

async fn dashboards(theme: &str, env: &[(&str, &str)]) {
    for (role, name) in [(Role::Decider, "decider"), (Role::Repairer, "repairer")] {
        let root = crate::harness::new_root();
        std::fs::create_dir_all(root.path().join("data")).unwrap();
        let rel = seed(&root.path().join("data"), role);
        let app = App::start_in(root, env).await;
        app.unlock(PASSPHRASE).await;
        app.wait_for("#new-entry").await;
        app.click(&format!("#nav-relationship-{rel}")).await;
        app.wait_for("#relationship-page").await;
        open_progress(&app).await;
        let key = if role == Role::Decider { "trust" } else { "consistency" };
        app.wait_for(&format!("#chart-{key} canvas")).await;
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        app.screenshot(&format!("{theme}-43-dashboard-{name}")).await;
        for (n, chart) in
            ["trust", "consistency", "weekly", "abcdTrend", "steps"].iter().enumerate()
        {
            if app.driver().find(By::Css(format!("#chart-{chart}"))).await.is_ok() {
                app.driver()
                    .execute(
                        "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});",
                        vec![serde_json::json!(format!("chart-{chart}"))],
                    )
                    .await
                    .unwrap();
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                app.screenshot(&format!("{theme}-43-dashboard-{name}-{n}-{chart}")).await;
            }
        }
        assert!(!table_rows(&app, "heatmap").await.is_empty(), "the calendar has days");
        // The repeat breach (48 days ago) is marked on every chart over time, for both
        // roles, and named in each chart's figures.
        let breach = (today() - Duration::days(48)).format("%B %-d, %Y").to_string();
        let captions: Vec<(String, String)> = app
            .driver()
            .execute(
                "return [...document.querySelectorAll('#progress-charts details.figures')]
                   .map(d => [d.id, d.querySelector('caption').textContent]);",
                vec![],
            )
            .await
            .unwrap()
            .convert()
            .unwrap();
        let over_time = ["trust", "consistency", "weekly", "heatmap", "abcdTrend", "steps"];
        for (id, caption) in &captions {
            if over_time.iter().any(|c| id == &format!("table-{c}")) {
                assert!(
                    caption.contains(&format!("It happened again on {breach}")),
                    "{name} {id}: {caption}"
                );
            }
        }
        let drawn = captions.iter().filter(|(id, _)| id != "table-abcdRadar").count();
        assert!(drawn >= 4, "{name}: {captions:?}");
        assert!(!table_rows(&app, "steps").await.is_empty(), "the steps timeline has points");
        app.click("#progress-checklist h3").await;
        app.screenshot(&format!("{theme}-44-checklist-{name}")).await;
        app.click("#progress-checkin h3").await;
        app.screenshot(&format!("{theme}-45-check-in-{name}")).await;

        // The review to share: only what is ticked, and no words of the journal unless asked.
        app.click("#open-report").await;
        let report = app.wait_for("#report").await;
        app.wait_for(&format!("#report #chart-{key}")).await;
        let html = report.outer_html().await.unwrap();
        assert!(
            !html.contains("zqprivateqz") && !html.contains("zqmarknoteqz"),
            "no journal text by default"
        );
        app.screenshot(&format!("{theme}-46-report-{name}")).await;
        app.click("#report-journal-text").await;
        let start = Instant::now();
        while !app.wait_for("#report").await.outer_html().await.unwrap().contains("zqmarknoteqz") {
            assert!(start.elapsed().as_secs() < 10, "the notes appear once asked for");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.click(&format!("#report-{key}")).await;
        let start = Instant::now();
        while app.driver().find(By::Css(format!("#report #chart-{key}"))).await.is_ok() {
            assert!(start.elapsed().as_secs() < 10, "an unticked chart leaves the report");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.click("#report-checklist").await;
        let start = Instant::now();
        while app.wait_for("#report").await.outer_html().await.unwrap().contains("zqmarknoteqz") {
            assert!(start.elapsed().as_secs() < 10, "an unticked checklist leaves the report");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        if role == Role::Decider {
            // "Print or save as PDF" opens the system's print dialog (which offers a PDF
            // file as a printer); dismissing it leaves the review as it was.
            app.click("#report-print").await;
            let dialog = wait_for_x_window("Print", std::time::Duration::from_secs(15))
                .expect("the print dialog opens");
            app.screenshot(&format!("{theme}-47-print-dialog")).await;
            // Choose "Print to File" (the only printer here) and print: a PDF appears.
            send_x_key(&dialog, "Down");
            app.screenshot(&format!("{theme}-48-print-to-file")).await;
            send_x_key(&dialog, "alt+p");
            let pdf = app.working_dir().join("output.pdf");
            crate::harness::written_on_purpose(&pdf);
            let start = Instant::now();
            while std::fs::read(&pdf)
                .map(|b| b.len() < 10_000 || !b.ends_with(b"%%EOF\n"))
                .unwrap_or(true)
            {
                assert!(start.elapsed().as_secs() < 30, "the review is saved as a PDF");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
            let start = Instant::now();
            while wait_for_x_window("Print", std::time::Duration::from_millis(200)).is_some() {
                assert!(start.elapsed().as_secs() < 15, "the print dialog closes once printed");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            if let Some(dir) = std::env::var_os("MEND_SCREENSHOT_DIR") {
                std::fs::copy(
                    &pdf,
                    std::path::Path::new(&dir).join(format!("{theme}-49-review-{name}.pdf")),
                )
                .unwrap();
            }
            app.wait_for("#report").await;
        }
        app.quit().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboards_and_reviews_in_light_and_dark() {
    dashboards("light", &[("GTK_THEME", "Adwaita")]).await;
    if std::env::var_os("MEND_SCREENSHOT_DIR").is_some() {
        dashboards("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
    }
}
