//! The timeline holds a bounded number of entries in the page however far one scrolls:
//! scrolling back through 600 entries draws at most 200 at a time, keeps the entry on
//! screen where it was, and "Show newer entries" brings the newest back.
use crate::harness::{new_root, App, PASSPHRASE};
use chrono::{Duration, TimeZone, Utc};
use mend_core::{Passphrase, Vault, VaultPaths};

const ENTRIES: usize = 600;
const MOST_DRAWN: u64 = 200;

fn seeded() -> tempfile::TempDir {
    let root = new_root();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let paths = VaultPaths::new(&data);
    let v = Vault::create(&paths, &Passphrase::new(PASSPHRASE.into())).unwrap();
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 8, 0, 0).unwrap();
    let texts: Vec<String> = (0..ENTRIES).map(|i| format!("Evening note number {i}.")).collect();
    v.journal()
        .insert_many(
            texts.iter().enumerate().map(|(i, t)| (t.as_str(), start + Duration::hours(i as i64))),
        )
        .unwrap();
    drop(v);
    root
}

async fn drawn(app: &App) -> u64 {
    app.script("return document.querySelectorAll('#timeline article').length")
        .await
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn scrolling_far_back_keeps_at_most_two_hundred_entries_in_the_page() {
    let app = App::start_in(seeded(), &[]).await;
    app.unlock(PASSPHRASE).await;
    app.wait_until_text("the newest entry", |t| t.contains("number 599.")).await;
    let mut most = 0;
    for _ in 0..60 {
        app.script("window.scrollTo(0, document.body.scrollHeight)").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        // Let a page on its way arrive before counting.
        for _ in 0..50 {
            let busy = app
                .script("return document.querySelector('#timeline[aria-busy=\"true\"]') !== null")
                .await;
            if busy == false {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        most = most.max(drawn(&app).await);
        if app.text().await.contains("That is everything") {
            break;
        }
    }
    assert!(app.text().await.contains("number 0."), "the oldest entry is reached");
    assert!(most <= MOST_DRAWN, "at most {MOST_DRAWN} drawn at once, saw {most}");
    assert!(!app.text().await.contains("number 599."), "the newest were dropped from the page");

    // Back up: "Show newer entries" keeps the entry that was first drawn in place
    // (clicked from the page, so nothing scrolls the window but the app itself). A person
    // scrolls up to the button first; left at the bottom, the end of the list would be in
    // view and rightly bring the older entries back.
    app.script("window.scrollTo(0, 0)").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = app
        .script(
            "const a = document.querySelector('#timeline article'); \
             return [a.dataset.entryId, a.getBoundingClientRect().top];",
        )
        .await;
    let id = before[0].as_str().unwrap().to_owned();
    app.script("document.getElementById('load-more-newer').click()").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let after = app
        .script(&format!(
            "return document.querySelector('[data-entry-id=\"{id}\"]').getBoundingClientRect().top"
        ))
        .await;
    let moved = (after.as_f64().unwrap() - before[1].as_f64().unwrap()).abs();
    assert!(moved < 2.0, "the entry on screen stayed where it was (moved {moved}px)");
    // A page of newer entries at a time, until there are none newer: 400 entries back up
    // to the newest, each click once the page before it has arrived.
    for _ in 0..200 {
        let gone = app
            .script(
                "if (document.querySelector('#timeline[aria-busy=\"true\"]') !== null) return false; \
                 const b = document.getElementById('load-more-newer'); \
                 if (b === null) return true; window.scrollTo(0, 0); b.click(); return false;",
            )
            .await;
        if gone == true {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.wait_until_text("the newest entry back", |t| t.contains("number 599.")).await;
    assert!(drawn(&app).await <= MOST_DRAWN);
    let _ = app.quit().await;
}
