//! The installable package. `.ci/test` builds the .deb with `tauri build`, installs it
//! with dpkg, runs this test against what was installed, then removes it again.
use crate::harness::{new_root, App, PASSPHRASE};
use mend_core::{Passphrase, SystemClock, Vault, VaultPaths};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The command (`mend list`, …; without a command it opens the app) and the app itself.
const INSTALLED: &str = "/usr/bin/mend";
const INSTALLED_APP: &str = "/usr/bin/mend-app";
/// Where the welcome heading and text are, on the 1280x800 test display, in the window
/// (1100x760, centred).
const WELCOME_AREA: &str = "500x250+340+60";

/// How much the screen's pixels vary in `area` (ImageMagick's standard deviation, 0 to
/// 1): 0 for a blank window.
fn screen_variation(area: &str) -> f64 {
    let shot = Command::new("import").args(["-window", "root", "png:-"]).output().unwrap();
    assert!(shot.status.success(), "a picture of the X display");
    let mut convert = Command::new("convert")
        .args(["png:-", "-crop", area, "+repage", "-format", "%[fx:standard_deviation]", "info:"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut convert.stdin.take().unwrap(), &shot.stdout).unwrap();
    let out = convert.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

fn dpkg_query(format: &str) -> String {
    let out = Command::new("dpkg-query").args(["-W", "-f", format, "mend"]).output().unwrap();
    assert!(out.status.success(), "the mend package is installed (dpkg-query)");
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the .deb installed: .ci/test builds and installs it first"]
async fn the_installed_package_opens_at_the_welcome_then_the_unlock_screen() {
    // dpkg knows the package, what it needs, and where its files went.
    assert_eq!(dpkg_query("${Status}"), "install ok installed");
    assert_eq!(dpkg_query("${Version}"), env!("CARGO_PKG_VERSION"));
    let depends = dpkg_query("${Depends}");
    assert!(depends.contains("libwebkit2gtk-4.1-0"), "depends on WebKitGTK: {depends}");
    let files = dpkg_query("${db-fsys:Files}");
    for file in [INSTALLED, INSTALLED_APP, "/usr/share/applications/Mend.desktop"] {
        assert!(files.contains(file), "the package installs {file}: {files}");
    }
    assert!(files.contains("/usr/share/icons/hicolor/"), "the package installs icons");
    let desktop = std::fs::read_to_string("/usr/share/applications/Mend.desktop").unwrap();
    assert!(desktop.lines().any(|l| l == "Exec=mend-app"), "the menu starts the app: {desktop}");

    // It is the packaged build, installed, not the test build.
    let installed = std::fs::canonicalize(INSTALLED_APP).unwrap();
    assert_ne!(installed, std::fs::canonicalize(env!("CARGO_BIN_EXE_mend-app")).unwrap());

    // The command line answers, and loads no GUI library to do it (the app does).
    let help = Command::new(INSTALLED).arg("help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: mend"));
    let linked = |exe: &str| {
        let out = Command::new("ldd").arg(exe).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let gui = |libs: &str| libs.contains("libgtk-3") || libs.contains("libwebkit2gtk");
    assert!(!gui(&linked(INSTALLED)), "mend links GUI libraries: {}", linked(INSTALLED));
    assert!(gui(&linked(INSTALLED_APP)), "mend-app without GTK? {}", linked(INSTALLED_APP));

    // `mend` without a command opens the window, at the welcome screen.
    let app = App::start_program(Path::new(INSTALLED), new_root(), &[]).await;
    let title = app.driver().title().await.unwrap();
    assert_eq!(title, "Mend");
    let field = app.wait_for("#create-passphrase").await;
    assert!(field.is_displayed().await.unwrap());
    app.wait_until_text("the welcome screen's words", |t| t.contains("passphrase")).await;
    // And on the screen itself, not only in the page: the X display shows more than a
    // blank window where the welcome text is (the first paint can lag the page by seconds).
    let started = Instant::now();
    while screen_variation(WELCOME_AREA) < 0.05 {
        assert!(started.elapsed() < Duration::from_secs(30), "the window stays blank");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    eprintln!("welcome screen painted {:?} after its page was ready", started.elapsed());
    app.screenshot("installed-welcome").await;
    let _ = app.quit().await;

    // With a journal in its data folder, it opens at the unlock screen, and unlocks it.
    let root = new_root();
    let data = root.path().join("data");
    let vault =
        Vault::create(&VaultPaths::new(&data), &Passphrase::new(PASSPHRASE.into())).unwrap();
    vault.journal().create("Written before the package was installed", &SystemClock).unwrap();
    drop(vault);
    let app = App::start_program(Path::new(INSTALLED), root, &[]).await;
    app.wait_for("#unlock-passphrase").await;
    app.screenshot("installed-unlock").await;
    app.unlock(PASSPHRASE).await;
    app.wait_until_text("the entry", |t| t.contains("Written before the package was installed"))
        .await;
    let _ = app.quit().await;
}
