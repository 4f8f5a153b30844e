//! Finding a day: the month calendar beside the timeline marks the days with entries;
//! "Go to a date" and a day in the grid show that day and what came before it, "Show
//! newer entries" walks back toward the present, and "On this day", once turned on in
//! Settings, shows what was written on today's date in an earlier year. In both themes.
use crate::harness::{new_root, App, PASSPHRASE};
use chrono::{Datelike, Duration, Local, NaiveDate, TimeZone, Utc};
use mend_core::{Passphrase, Vault, VaultPaths};

const EARLY: &str = "Sixty days back: the first honest talk.";
const LATER: &str = "Forty-five days back: a quieter week.";
const RECENT: &str = "Twenty days back: kept the Sunday call.";
const YEARS_AGO: &str = "Four years ago today: the day it all came out.";

fn noon(day: NaiveDate) -> chrono::DateTime<Utc> {
    let local = day.and_hms_opt(12, 0, 0).unwrap();
    Local.from_local_datetime(&local).unwrap().with_timezone(&Utc)
}

struct Days {
    early: NaiveDate,
    later: NaiveDate,
    recent: NaiveDate,
}

fn seeded() -> (tempfile::TempDir, Days) {
    let today = Local::now().date_naive();
    let days = Days {
        early: today - Duration::days(60),
        later: today - Duration::days(45),
        recent: today - Duration::days(20),
    };
    // Four years back, so 29 February has a 29 February to find.
    let years_ago = today.with_year(today.year() - 4).unwrap();
    let root = new_root();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let v = Vault::create(&VaultPaths::new(&data), &Passphrase::new(PASSPHRASE.into())).unwrap();
    v.journal()
        .insert_many([
            (YEARS_AGO, noon(years_ago)),
            (EARLY, noon(days.early)),
            (LATER, noon(days.later)),
            (RECENT, noon(days.recent)),
        ])
        .unwrap();
    drop(v);
    (root, days)
}

async fn first_entry(app: &App) -> String {
    let v = app
        .script(
            "const a = document.querySelector('#timeline article'); return a ? a.textContent : '';",
        )
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

async fn find_a_day(theme: &str, env: &[(&str, &str)]) {
    let (root, days) = seeded();
    let app = App::start_in(root, env).await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#calendar-grid").await;
    app.wait_until_text("the newest entry", |t| t.contains(RECENT)).await;

    // "Go to a date": that day first, and the calendar turns to its month with the day marked.
    let early = days.early.format("%Y-%m-%d").to_string();
    app.set_value("#calendar-date", &early).await;
    app.click("#calendar-go").await;
    app.wait_for("#timeline-jump").await;
    app.wait_until_text("the jump", |t| t.contains("what came before it")).await;
    assert!(first_entry(&app).await.contains(EARLY), "the chosen day's entry comes first");
    assert!(!app.text().await.contains(RECENT), "newer entries wait for 'Show newer entries'");
    app.wait_for(&format!("#calendar-grid [data-day=\"{early}\"] .mark-entry")).await;
    app.screenshot(&format!("{theme}-70-calendar-jumped")).await;

    // Newer entries come back a page at a time.
    app.click("#load-more-newer").await;
    app.wait_until_text("the newer entries", |t| t.contains(LATER) && t.contains(RECENT)).await;

    // A day in the grid does the same as a typed date.
    let later = days.later.format("%Y-%m-%d").to_string();
    app.set_value("#calendar-date", &later).await;
    app.click("#calendar-go").await;
    app.wait_until_text("the second jump", |t| !t.contains(RECENT)).await;
    app.click(&format!("#calendar-grid [data-day=\"{early}\"]")).await;
    app.wait_until_text("the day picked in the grid", |t| !t.contains(LATER)).await;
    assert!(first_entry(&app).await.contains(EARLY));

    // "On this day" is off until chosen; once on, an earlier year's entry shows.
    assert!(!app.text().await.contains("On this day"), "off unless chosen");
    app.click("#settings").await;
    app.click("#on-this-day-enabled").await;
    app.screenshot(&format!("{theme}-71-settings-on-this-day")).await;
    app.click("#settings-back").await;
    app.wait_for("#on-this-day").await;
    app.wait_until_text("the look back", |t| t.contains("4 years ago") && t.contains(YEARS_AGO))
        .await;
    app.screenshot(&format!("{theme}-72-on-this-day")).await;
    app.click("#on-this-day-dismiss").await;
    app.wait_until_text("the card put away", |t| !t.contains("4 years ago")).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_day_is_found_by_calendar_and_date_and_on_this_day_is_opt_in() {
    find_a_day("light", &[("GTK_THEME", "Adwaita")]).await;
    find_a_day("dark", &[("GTK_THEME", "Adwaita:dark")]).await;
}
