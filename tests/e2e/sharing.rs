//! Two vaults, one bridge, in the real windows of two Mend data folders, one after the
//! other: the repairer shares three commitments with their record and an entry, sealed to
//! the decider's code through the real "Save a share" dialog; the decider opens the file
//! in their own Mend, keeps it, links one of the commitments as evidence of "Actions, not
//! words", and sees the shared record on the dashboard. The share file sits in a folder of
//! the suite, so the leak scan after the suite reads it too: it must hold no shared word.
use crate::harness::{
    answer_file_dialog, files_containing, new_root, remember_typed, send_x_key, wait_for_x_window,
    written_on_purpose, App, PASSPHRASE,
};
use chrono::{Duration, Local, NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog, OccurrenceStatus};
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::Repeat;
use mend_core::{EntryMeta, FixedClock, Passphrase, Vault, VaultPaths};
use std::path::Path;

const PROMISES: [&str; 3] = [
    "Ring before I am late, every time",
    "Show you the bank statement each Sunday",
    "Be home for dinner on weeknights",
];
const ENTRY: &str = "Told Sam the whole story today, dates and all, without softening it.";
/// Written in the repairer's vault and never chosen: it must not leave.
const NOT_SHARED: &str = "A private worry about the weekend that stays mine.";
const DAYS: i64 = 10;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn evening(d: NaiveDate) -> chrono::DateTime<Utc> {
    Local.from_local_datetime(&d.and_hms_opt(20, 0, 0).unwrap()).unwrap().with_timezone(&Utc)
}

fn relationship(vault: &Vault, name: &str, role: Role, clock: &FixedClock) -> i64 {
    let input = RelationshipInput {
        name: name.into(),
        role,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Integrity,
        setting: None,
        power: None,
    };
    vault.relationships().create(&input, clock).unwrap().id
}

/// Alex, who broke Sam's trust: three daily commitments, each logged for the last ten
/// days (the third missed once), and two entries about Sam. Returns the relationship.
fn seed_repairer(dir: &Path) -> i64 {
    let vault =
        Vault::create(&VaultPaths::new(dir), &Passphrase::new(PASSPHRASE.to_owned())).unwrap();
    let start = today() - Duration::days(DAYS);
    let clock = FixedClock::new(evening(start));
    let rel = relationship(&vault, "Sam", Role::Repairer, &clock);
    clock.set(evening(today()));
    for (n, promise) in PROMISES.iter().enumerate() {
        remember_typed(promise);
        let input = CommitmentInput {
            owner: CommitmentOwner::Me,
            promise: (*promise).into(),
            repeat: Repeat::Daily,
            starts_on: start.to_string(),
            ends_on: None,
            kept_looks_like: String::new(),
            due_time: None,
            remind: false,
            show_details: false,
        };
        let c = vault.commitments().create(rel, &input, &clock).unwrap();
        for (i, d) in start.iter_days().take_while(|d| *d < today()).enumerate() {
            let status =
                if n == 2 && i == 3 { OccurrenceStatus::Missed } else { OccurrenceStatus::Kept };
            let log = OccurrenceLog { due_on: d.to_string(), status, note: String::new() };
            vault.commitments().log(c.id, &log, today(), &clock).unwrap();
        }
    }
    for text in [ENTRY, NOT_SHARED] {
        remember_typed(text);
        let entry = vault.journal().create(text, &clock).unwrap();
        let meta = EntryMeta { relationship_id: Some(rel), ..EntryMeta::default() };
        vault.journal().set_meta(entry.id, &meta).unwrap();
    }
    vault.lock();
    rel
}

/// Sam, deciding whether to trust Alex again: one relationship, nothing else.
fn seed_decider(dir: &Path) -> i64 {
    let vault =
        Vault::create(&VaultPaths::new(dir), &Passphrase::new(PASSPHRASE.to_owned())).unwrap();
    let clock = FixedClock::new(evening(today() - Duration::days(DAYS)));
    let rel = relationship(&vault, "Alex", Role::Decider, &clock);
    vault.lock();
    rel
}

fn seeded(seed: fn(&Path) -> i64) -> (tempfile::TempDir, i64) {
    let root = new_root();
    std::fs::create_dir_all(root.path().join("data")).unwrap();
    let rel = seed(&root.path().join("data"));
    (root, rel)
}

async fn open_relationship(root: tempfile::TempDir, rel: i64) -> App {
    let app = App::start_in(root, &[("GTK_THEME", "Adwaita")]).await;
    app.unlock(PASSPHRASE).await;
    app.click(&format!("#nav-relationship-{rel}")).await;
    app.wait_for("#sharing").await;
    app
}

/// Scrolls `css` to the top of the window, below the sticky header.
async fn show(app: &App, css: &str) {
    let js = format!(
        "document.querySelector('{css}').scrollIntoView({{block: 'start'}}); window.scrollBy(0, -110);"
    );
    app.script(&js).await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

/// The screen as it is, then in the dark theme (the page's colours switched as the
/// appearance setting switches them; charts keep the colours they were drawn in), then back.
async fn both_themes(app: &App, name: &str) {
    app.screenshot(&format!("light-{name}")).await;
    app.script(
        "const r = document.documentElement; r.dataset.was = r.dataset.theme ?? '';
         r.dataset.theme = 'dark'; r.style.setProperty('color-scheme', 'dark');",
    )
    .await;
    app.screenshot(&format!("dark-{name}")).await;
    app.script(
        "const r = document.documentElement;
         if (r.dataset.was) r.dataset.theme = r.dataset.was; else delete r.dataset.theme;
         delete r.dataset.was; r.style.setProperty('color-scheme', 'light');",
    )
    .await;
}

async fn text_of(app: &App, css: &str) -> String {
    app.wait_for(css).await.text().await.unwrap()
}

/// Clicks `button`, then answers the file dialog titled `title` with `path`.
async fn choose_file(app: &App, button: &str, title: &'static str, path: &Path, save: bool) {
    app.click(button).await;
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || answer_file_dialog(title, &path, save)).await.unwrap();
}

/// "Print or save as PDF…" under the preview, printed to a file through the system's
/// print dialog (for someone without Mend): returns the PDF's number of pages.
async fn print_preview_to_pdf(app: &App) -> usize {
    app.click("#share-print").await;
    let dialog = wait_for_x_window("Print", std::time::Duration::from_secs(15))
        .expect("the print dialog opens");
    // "Print to File", the only printer here, writes output.pdf in the working folder.
    send_x_key(&dialog, "Down");
    send_x_key(&dialog, "alt+p");
    let pdf = app.working_dir().join("output.pdf");
    written_on_purpose(&pdf);
    let start = std::time::Instant::now();
    while std::fs::read(&pdf).map(|b| !b.ends_with(b"%%EOF\n")).unwrap_or(true) {
        assert!(start.elapsed().as_secs() < 30, "the preview is saved as a PDF");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let start = std::time::Instant::now();
    while wait_for_x_window("Print", std::time::Duration::from_millis(200)).is_some() {
        assert!(start.elapsed().as_secs() < 15, "the print dialog closes once printed");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    if let Some(dir) = std::env::var_os("MEND_SCREENSHOT_DIR") {
        std::fs::copy(&pdf, Path::new(&dir).join("light-60-share-preview.pdf")).unwrap();
    }
    bytes.windows(11).filter(|w| w == b"/Type /Page").count()
        - bytes.windows(12).filter(|w| w == b"/Type /Pages").count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_repairer_shares_commitments_and_an_entry_and_the_decider_links_one_as_evidence() {
    let (sam_root, sam_rel) = seeded(seed_decider);
    let (alex_root, alex_rel) = seeded(seed_repairer);
    // Where the file goes between them: a folder of the suite, read by the leak scan.
    let exchange = new_root();
    let file = exchange.path().join("for Sam.mendshare");

    // Sam's code, read off Sam's own screen.
    let sam = open_relationship(sam_root, sam_rel).await;
    let sam_code = text_of(&sam, "#my-code-text").await;
    assert!(sam_code.starts_with("mend1"), "a contact code: {sam_code}");
    let sam_root = sam.quit().await;

    // Alex adds Sam's code, picks three commitments and one of two entries, reads the
    // preview, and saves the share for Sam.
    let alex = open_relationship(alex_root, alex_rel).await;
    let alex_fingerprint = text_of(&alex, "#my-code-fingerprint").await;
    alex.type_into("#contact-name", "Sam").await;
    alex.type_into("#contact-code", &sam_code).await;
    alex.click("#contact-add").await;
    let contact = text_of(&alex, "#contact-list .contact").await;
    assert!(contact.contains("Sam"), "Sam is a contact: {contact}");
    alex.click("#share-open").await;
    alex.wait_for("#share-picker .share-commitment").await;
    for promise in PROMISES {
        let box_for = format!(
            "return [...document.querySelectorAll('#share-picker .share-commitment')]
               .find(b => b.closest('label').textContent.includes({promise:?}))?.dataset.commitmentId ?? null;"
        );
        let id = alex.script(&box_for).await;
        let id = id.as_str().unwrap_or_else(|| panic!("no box for {promise}"));
        alex.click(&format!("#share-picker .share-commitment[data-commitment-id='{id}']")).await;
    }
    let entry_box = alex
        .script(
            "return [...document.querySelectorAll('#share-picker .share-entry')]
               .find(b => b.closest('label').textContent.includes('Told Sam the whole story'))
               ?.dataset.entryId ?? null;",
        )
        .await;
    let entry_box = entry_box.as_str().expect("the entry is offered");
    alex.click(&format!("#share-picker .share-entry[data-entry-id='{entry_box}']")).await;
    alex.click("#share-preview").await;
    let preview = text_of(&alex, "#share-preview-text").await;
    for words in PROMISES.iter().chain([&ENTRY]) {
        assert!(preview.contains(words), "the preview shows “{words}”:\n{preview}");
    }
    assert!(!preview.contains(NOT_SHARED), "an entry not chosen is not in the preview");
    assert!(text_of(&alex, "#share-warning").await.contains("cannot be taken back"));
    show(&alex, "#share-preview-text").await;
    both_themes(&alex, "60-share-preview").await;
    let pages = print_preview_to_pdf(&alex).await;
    assert!(
        (1..=2).contains(&pages),
        "the preview alone is printed, not the whole page: {pages} pages"
    );
    choose_file(&alex, "#share-save", "Save a share", &file, true).await;
    alex.wait_until_text("the share to be saved", |t| t.contains("Saved as")).await;
    let alex_root = alex.quit().await;

    // The file holds none of the words in the clear.
    let bytes = std::fs::read(&file).expect("the share was saved where chosen");
    assert!(bytes.len() > 200);
    for words in PROMISES.iter().chain([&ENTRY, &NOT_SHARED]) {
        assert!(
            files_containing(exchange.path(), words.as_bytes()).is_empty(),
            "“{words}” in the clear"
        );
    }

    // Sam opens the file in Sam's own Mend: who it is from, what it holds; keeps it.
    let sam = open_relationship(sam_root, sam_rel).await;
    assert!(text_of(&sam, "#shared-with-me").await.contains("Nothing has been shared"));
    choose_file(&sam, "#receive-open", "Open a share", &file, false).await;
    let received = text_of(&sam, "#receive-preview").await;
    assert!(received.contains(&alex_fingerprint), "the sender's fingerprint:\n{received}");
    for words in PROMISES.iter().chain([&ENTRY]) {
        assert!(received.contains(words), "“{words}” received:\n{received}");
    }
    assert!(!received.contains(NOT_SHARED));
    show(&sam, "#receive-preview").await;
    both_themes(&sam, "61-share-received-preview").await;
    sam.click("#receive-accept").await;
    sam.wait_for("#shared-with-me .received-item").await;
    let kept = sam
        .script("return document.querySelectorAll('#shared-with-me .received-item').length;")
        .await;
    assert_eq!(kept, 4, "three commitments and an entry kept");
    let shelf = text_of(&sam, "#shared-with-me").await;
    for words in PROMISES.iter().chain([&ENTRY]) {
        assert!(shelf.contains(words), "“{words}” under Shared with me:\n{shelf}");
    }
    show(&sam, "#shared-with-me").await;
    both_themes(&sam, "62-shared-with-me").await;

    // One of the commitments, linked as evidence of actions, not words.
    sam.click("#open-progress").await;
    sam.wait_for("#progress-view").await;
    const STEP: &str = r#"[id^="check-"][data-step="actions-not-words"]"#;
    sam.click(&format!("{STEP} .link-shared-evidence")).await;
    sam.wait_for("#their-evidence-picker .their-candidate").await;
    let link = sam
        .script(&format!(
            "return [...document.querySelectorAll('#their-evidence-picker .their-candidate')]
               .find(c => c.textContent.includes({:?}))?.querySelector('button')?.id ?? null;",
            PROMISES[1]
        ))
        .await;
    let link = link.as_str().expect("the commitment is offered as evidence");
    sam.click(&format!("#{link}")).await;
    let linked = text_of(&sam, &format!("{STEP} .their-evidence")).await;
    assert!(linked.contains(PROMISES[1]) && linked.contains("Shared by"), "{linked}");
    show(&sam, STEP).await;
    sam.screenshot("light-63-their-evidence").await;

    // The dashboard draws their record, marked as theirs, with the days they logged.
    sam.wait_for("#dashboard-their-record").await;
    let record = text_of(&sam, "#dashboard-their-record").await;
    assert!(record.contains("Shared by"), "{record}");
    // Ten days of three commitments, one day missed, in their columns of the figures;
    // what Sam observed stays empty: the two are never added together.
    let sums = sam
        .script(
            "const rows = [...document.querySelectorAll('#table-their-record tbody tr')]
               .map(r => [...r.querySelectorAll('th, td')].map(c => Number(c.textContent.trim())));
             const sum = i => rows.reduce((s, r) => s + r[i], 0);
             return [sum(1), sum(3), sum(5), sum(7)];",
        )
        .await;
    assert_eq!(
        sums,
        serde_json::json!([0, 0, 29, 1]),
        "observed kept, missed; theirs kept, missed"
    );
    show(&sam, "#dashboard-their-record").await;
    // Light only: the chart draws its colours when it renders, so the theme switch
    // below would leave its legend in light-theme ink (the screens test draws both).
    sam.screenshot("light-64-dashboard-their-record").await;
    let sam_root = sam.quit().await;

    // Nothing of what was shared sits in the clear in either data folder.
    for root in [&sam_root, &alex_root] {
        for words in PROMISES.iter().chain([&ENTRY]) {
            let found = files_containing(root.path(), words.as_bytes());
            assert!(found.is_empty(), "“{words}” in the clear: {found:?}");
        }
    }
}
