//! The memory benchmark (it asserts nothing about size; it prints figures). Whole-app PSS:
//! `/proc/PID/smaps_rollup` of the app and every process below it (WebKit's web and
//! network processes), so pages shared between them are shared out rather than counted
//! twice as RSS would. Measured in one run, beside a bare Tauri 2 window built from the
//! same dependencies (`src-tauri/examples/bare_window.rs`, a one-word page), at: the first screen;
//! 10,000 entries unlocked with the timeline shown; after visiting every screen; after 20
//! lock and unlock cycles; 50,000 entries unlocked.
//!
//! Run it with `bash .ci/memory`, which builds the release binaries and passes them in
//! `MEND_BENCH_APP` and `MEND_BENCH_BARE`. Without them it measures the debug builds
//! (and says so), which says little about what people run.
use crate::harness::{new_root, process_tree, wait_for_x_window, App, PASSPHRASE};
use chrono::{Duration, TimeZone, Utc};
use mend_core::frameworks::Role;
use mend_core::{Passphrase, Vault, VaultPaths};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration as Wait;

/// Time for a page to be drawn and settle before it is measured.
const SETTLE: Wait = Wait::from_secs(3);

/// PSS of one process in KiB (0 once it has gone).
fn pss_kib(pid: u32) -> u64 {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// (whole app, app process alone), in KiB.
fn measure(pid: u32) -> (u64, u64) {
    (process_tree(pid).into_iter().map(pss_kib).sum(), pss_kib(pid))
}

fn program(var: &str, debug: &str) -> (PathBuf, bool) {
    match std::env::var_os(var) {
        Some(p) => (PathBuf::from(p), true),
        None => (PathBuf::from(debug), false),
    }
}

/// Starts a program on its own (no WebDriver), with `env` added to its environment, waits
/// for its window and for the page to settle, measures, and ends it.
fn first_screen(program: &Path, title: &str, env: &[(&str, &str)]) -> (u64, u64) {
    let root = new_root();
    let dir = |sub: &str| {
        let d = root.path().join(sub);
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    let mut child = Command::new(program)
        .env("MEND_DATA_DIR", dir("data"))
        .env("XDG_DATA_HOME", dir("xdg-data"))
        .env("XDG_CACHE_HOME", dir("xdg-cache"))
        .env("XDG_CONFIG_HOME", dir("xdg-config"))
        .envs(env.iter().copied())
        .spawn()
        .unwrap();
    assert!(wait_for_x_window(title, Wait::from_secs(30)).is_some(), "{title} opens");
    std::thread::sleep(SETTLE);
    let figures = measure(child.id());
    let _ = Command::new("pkill").args(["-TERM", "-P", &child.id().to_string()]).status();
    let _ = child.kill();
    let _ = child.wait();
    figures
}

/// A vault with `entries` entries, plus a relationship with four months of commitments,
/// check-ins, marks and decisions (so every chart has something to draw).
fn seeded(entries: usize) -> (tempfile::TempDir, i64) {
    let root = new_root();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let rel = crate::progress::seed(&data, Role::Decider);
    let v = Vault::unlock(&VaultPaths::new(&data), &Passphrase::new(PASSPHRASE.into())).unwrap();
    let start = Utc.with_ymd_and_hms(2021, 1, 1, 8, 0, 0).unwrap();
    let body = "Today I noticed how quickly I reached for an excuse. I wrote down what I \
                actually did, without the story around it, and what it cost them.";
    let texts: Vec<String> = (0..entries).map(|i| format!("{body} ({i})")).collect();
    v.journal()
        .insert_many(
            texts.iter().enumerate().map(|(i, t)| (t.as_str(), start + Duration::hours(i as i64))),
        )
        .unwrap();
    drop(v);
    (root, rel)
}

/// Unlocks and waits for the timeline's newest entry; returns the milliseconds from the
/// click on Unlock to the frame after that entry is in the page (timed in the page).
async fn unlock_to_timeline(app: &App, last: usize) -> f64 {
    app.type_into("#unlock-passphrase", PASSPHRASE).await;
    let newest = format!("({})", last - 1);
    let ms = app
        .driver()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const want = arguments[0];
             const t0 = performance.now();
             const shown = () => {
               const t = document.getElementById('timeline');
               return t !== null && t.textContent.includes(want);
             };
             const watch = new MutationObserver(() => {
               if (!shown()) return;
               watch.disconnect();
               requestAnimationFrame(() => done(performance.now() - t0));
             });
             watch.observe(document.body, { subtree: true, childList: true, characterData: true });
             document.getElementById('unlock-submit').click();",
            vec![serde_json::json!(newest)],
        )
        .await
        .unwrap()
        .convert::<f64>()
        .unwrap();
    app.wait_until_text("the timeline's newest entry", |t| t.contains(&newest)).await;
    ms
}

/// Every screen a person visits in a session: the relationship, its dashboard with every
/// chart, the review, search with results, settings, and back to the journal. Returns the
/// whole app's figures after each, so a screen that holds on to memory shows which it is.
async fn visit_every_screen(app: &App, rel: i64) -> Vec<(&'static str, (u64, u64))> {
    let mut after = Vec::new();
    let mut settle_and_measure = async |screen: &'static str| {
        tokio::time::sleep(SETTLE).await;
        after.push((screen, measure(app.app_pid())));
    };
    app.click(&format!("#nav-relationship-{rel}")).await;
    app.wait_for("#relationship-page").await;
    settle_and_measure("the relationship's page").await;
    app.click("#open-progress").await;
    app.wait_for("#chart-trust canvas").await;
    app.wait_for("#chart-steps canvas").await;
    settle_and_measure("its dashboard, every chart drawn").await;
    app.click("#open-report").await;
    app.wait_for("#report #chart-trust").await;
    settle_and_measure("the printable review").await;
    app.click("#report-back").await;
    app.wait_for("#progress-view").await;
    app.click("#nav-search").await;
    app.type_into("#search-input", "excuse").await;
    app.wait_until_text("search results", |t| t.contains("the best matches first")).await;
    settle_and_measure("search, with results").await;
    app.click("#settings").await;
    app.wait_for("#reminder-settings").await;
    settle_and_measure("settings").await;
    app.click("#nav-journal").await;
    app.wait_for("#timeline").await;
    after
}

/// When the first screen was drawn: (milliseconds from the app's process starting to the
/// page's navigation start, milliseconds from there to the first contentful paint), from
/// /proc and the page's own timing. `None` if the web view reports no paint timing.
async fn first_screen_drawn(app: &App) -> Option<(f64, f64)> {
    let timing = app
        .script(
            "const p = performance.getEntriesByType('paint')                .find(e => e.name === 'first-contentful-paint');              return p ? [performance.timeOrigin, p.startTime] : null;",
        )
        .await;
    let origin = timing.get(0)?.as_f64()?;
    let paint = timing.get(1)?.as_f64()?;
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", app.app_pid())).ok()?;
    // Field 22, counted after the command name's closing parenthesis (which may hold spaces).
    let ticks: f64 = stat.rsplit_once(')')?.1.split_whitespace().nth(19)?.parse().ok()?;
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("btime "))?
        .trim()
        .parse()
        .ok()?;
    // Clock ticks are 100 per second on Linux (USER_HZ).
    let started_ms = (boot + ticks / 100.0) * 1000.0;
    Some((origin - started_ms, paint))
}

/// The two bare windows' whole-app figures: Tauri's defaults, and painted on the CPU as
/// Mend's page is (webview.rs).
struct Bare {
    default: u64,
    cpu: u64,
}

fn row(moment: &str, (whole, own): (u64, u64), bare: &Bare) {
    let ratio = |to: u64| whole as f64 / to.max(1) as f64;
    println!(
        "| {moment} | {} MiB | {:.2}x | {:.2}x | {} MiB |",
        whole / 1024,
        ratio(bare.default),
        ratio(bare.cpu),
        own / 1024
    );
}

#[tokio::test]
#[ignore = "a benchmark: prints figures, run by .ci/memory"]
async fn memory_beside_a_bare_window() {
    let (app_path, release) = program("MEND_BENCH_APP", env!("CARGO_BIN_EXE_mend-app"));
    let bare_dir = Path::new(env!("CARGO_BIN_EXE_mend-app")).parent().unwrap().join("examples");
    let (bare_path, _) =
        program("MEND_BENCH_BARE", &bare_dir.join("bare_window").to_string_lossy());
    let build = if release { "release build" } else { "DEBUG build (run .ci/memory)" };

    let bare_default = first_screen(&bare_path, "Bare Tauri window", &[]);
    // WebKitGTK's switch for the policy Mend sets in webview.rs (no accelerated compositing).
    let bare_cpu =
        first_screen(&bare_path, "Bare Tauri window", &[("WEBKIT_DISABLE_COMPOSITING_MODE", "1")]);
    let bare = Bare { default: bare_default.0, cpu: bare_cpu.0 };
    let first = first_screen(&app_path, "Mend", &[]);
    // The bare window's first paint under WebDriver: the floor for Mend's.
    let bare_app = App::start_program_until(&bare_path, new_root(), &[], "#bare").await;
    let drawn_bare = first_screen_drawn(&bare_app).await;
    let _ = bare_app.quit().await;

    let (root, rel) = seeded(10_000);
    let app = App::start_program(&app_path, root, &[]).await;
    let drawn_10k = first_screen_drawn(&app).await;
    let mut unlock_10k = vec![unlock_to_timeline(&app, 10_000).await];
    tokio::time::sleep(SETTLE).await;
    let ten_k = measure(app.app_pid());
    let screens = visit_every_screen(&app, rel).await;
    tokio::time::sleep(SETTLE).await;
    let visited = measure(app.app_pid());
    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    unlock_10k.push(unlock_to_timeline(&app, 10_000).await);
    tokio::time::sleep(SETTLE).await;
    let one_cycle = measure(app.app_pid());
    for _ in 1..20 {
        app.click("#lock").await;
        app.wait_for("#unlock-passphrase").await;
        unlock_10k.push(unlock_to_timeline(&app, 10_000).await);
    }
    tokio::time::sleep(SETTLE).await;
    let twenty = measure(app.app_pid());
    let _ = app.quit().await;

    let (root, _) = seeded(50_000);
    let app = App::start_program(&app_path, root, &[]).await;
    let drawn_50k = first_screen_drawn(&app).await;
    let mut unlock_50k = vec![unlock_to_timeline(&app, 50_000).await];
    tokio::time::sleep(SETTLE).await;
    let fifty_k = measure(app.app_pid());
    for _ in 0..4 {
        app.click("#lock").await;
        app.wait_for("#unlock-passphrase").await;
        unlock_50k.push(unlock_to_timeline(&app, 50_000).await);
    }
    let _ = app.quit().await;

    println!(
        "\nWhole-app PSS ({build}; app + WebKit processes), ratio to the bare window with \
         Tauri's defaults and to the bare window painted on the CPU as Mend is:\n"
    );
    println!("| Moment | Whole app | Ratio to bare | Ratio to bare, CPU | App process |");
    println!("|---|---|---|---|---|");
    row("Bare Tauri 2 window, one-word page", bare_default, &bare);
    row("Bare window, painted on the CPU (no compositing)", bare_cpu, &bare);
    row("Mend, first screen (no vault)", first, &bare);
    row("10k entries, unlocked, timeline shown", ten_k, &bare);
    row("10k, after visiting every screen", visited, &bare);
    row("10k, after 1 lock and unlock", one_cycle, &bare);
    row("10k, after 20 lock and unlock cycles", twenty, &bare);
    row("50k entries, unlocked, timeline shown", fifty_k, &bare);
    println!("\nOn the way round every screen (10k), the whole app after each:\n");
    println!("| After | Whole app | Ratio to bare | Ratio to bare, CPU | App process |");
    println!("|---|---|---|---|---|");
    row("the timeline (start)", ten_k, &bare);
    for (screen, figures) in screens {
        row(screen, figures, &bare);
    }
    row("back on the timeline", visited, &bare);
    let growth = (twenty.0 as f64 / one_cycle.0.max(1) as f64 - 1.0) * 100.0;
    println!("\nGrowth from 1 to 20 lock and unlock cycles: {growth:+.1}%");
    let ms = |v: Option<(f64, f64)>| {
        v.map_or("no paint timing".to_owned(), |(page, paint)| {
            format!("{:.0} ms ({page:.0} ms to the page's start, then {paint:.0} ms)", page + paint)
        })
    };
    println!(
        "\nFirst screen drawn after the process started (first contentful paint; under \
         WebDriver, which starts the app and opens its session): {} with a 10k vault, {} with \
         50k; the bare window's one-word page: {}",
        ms(drawn_10k),
        ms(drawn_50k),
        ms(drawn_bare)
    );
    println!("\nUnlock to the first timeline page (click to the frame after it is shown):");
    println!(
        "10k: first {:.0} ms, median of {} {:.0} ms",
        unlock_10k[0],
        unlock_10k.len(),
        median(&unlock_10k)
    );
    println!(
        "50k: first {:.0} ms, median of {} {:.0} ms",
        unlock_50k[0],
        unlock_50k.len(),
        median(&unlock_50k)
    );
}

fn median(figures: &[f64]) -> f64 {
    let mut sorted = figures.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}
