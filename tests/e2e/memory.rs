//! Memory figures (a benchmark, not a test: it asserts nothing about size). Prints the
//! peak and current resident memory of the app process and of the whole app (the app
//! and its WebKit processes) just after start and with 50,000 entries unlocked and the
//! timeline shown. Run on demand:
//! `xvfb-run -a dbus-run-session -- cargo test --features e2e --test e2e memory -- --ignored --nocapture`
use crate::harness::{App, PASSPHRASE};
use chrono::{Duration, TimeZone, Utc};
use mend_core::{Passphrase, Vault, VaultPaths};

/// (VmHWM, VmRSS) in KiB for one process.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn report(label: &str, app: &App) {
    let pid = app.app_pid();
    let (hwm, rss) = memory(pid);
    let (mut all_hwm, mut all_rss) = (0, 0);
    for p in crate::harness::process_tree(pid) {
        let (h, r) = memory(p);
        all_hwm += h;
        all_rss += r;
    }
    println!(
        "{label}: app process peak {} MiB (now {} MiB); whole app peak {} MiB (now {} MiB)",
        hwm / 1024,
        rss / 1024,
        all_hwm / 1024,
        all_rss / 1024
    );
}

#[tokio::test]
#[ignore = "a benchmark: prints figures, run on demand"]
async fn memory_after_start_and_with_50k_entries() {
    let app = App::start().await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    report("after start (no vault)", &app);
    let _ = app.quit().await;

    let root = crate::harness::new_root();
    {
        let v = Vault::create(
            &VaultPaths::new(root.path().join("data")),
            &Passphrase::new(PASSPHRASE.into()),
        )
        .unwrap();
        let start = Utc.with_ymd_and_hms(2021, 1, 1, 8, 0, 0).unwrap();
        let body = "Today I noticed how quickly I reached for an excuse. I wrote down what I \
                    actually did, without the story around it, and what it cost them.";
        let texts: Vec<String> = (0..50_000).map(|i| format!("{body} ({i})")).collect();
        v.journal()
            .insert_many(
                texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.as_str(), start + Duration::hours(i as i64))),
            )
            .unwrap();
    }
    let app = App::start_in(root, &[]).await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#timeline").await;
    app.wait_until_text("the timeline", |t| t.contains("(49999)")).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    report("50,000 entries, unlocked, timeline shown", &app);
    let _ = app.quit().await;
}
