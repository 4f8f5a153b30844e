//! The installable package. `.ci/test` builds the .deb with `tauri build`, installs it
//! with dpkg, runs this test against what was installed, then removes it again.
use crate::harness::{new_root, App};
use std::path::Path;
use std::process::Command;

const INSTALLED: &str = "/usr/bin/mend";

fn dpkg_query(format: &str) -> String {
    let out = Command::new("dpkg-query").args(["-W", "-f", format, "mend"]).output().unwrap();
    assert!(out.status.success(), "the mend package is installed (dpkg-query)");
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the .deb installed: .ci/test builds and installs it first"]
async fn the_installed_package_opens_at_the_welcome_screen() {
    // dpkg knows the package, what it needs, and where its files went.
    assert_eq!(dpkg_query("${Status}"), "install ok installed");
    assert_eq!(dpkg_query("${Version}"), env!("CARGO_PKG_VERSION"));
    let depends = dpkg_query("${Depends}");
    assert!(depends.contains("libwebkit2gtk-4.1-0"), "depends on WebKitGTK: {depends}");
    let files = dpkg_query("${db-fsys:Files}");
    for file in [INSTALLED, "/usr/share/applications/Mend.desktop"] {
        assert!(files.contains(file), "the package installs {file}: {files}");
    }
    assert!(files.contains("/usr/share/icons/hicolor/"), "the package installs icons");
    let desktop = std::fs::read_to_string("/usr/share/applications/Mend.desktop").unwrap();
    assert!(desktop.lines().any(|l| l == "Exec=mend"), "the menu entry starts mend: {desktop}");

    // It is the release build, not the test build.
    let installed = std::fs::canonicalize(INSTALLED).unwrap();
    assert_ne!(installed, std::fs::canonicalize(env!("CARGO_BIN_EXE_mend")).unwrap());

    // The command line answers.
    let help = Command::new(INSTALLED).arg("help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: mend"));

    // The window opens at the welcome screen, where a journal is made.
    let app = App::start_program(Path::new(INSTALLED), new_root(), &[]).await;
    let title = app.driver().title().await.unwrap();
    assert_eq!(title, "Mend");
    app.wait_for("#create-passphrase").await;
    app.screenshot("installed-welcome").await;
    let _ = app.quit().await;
}
