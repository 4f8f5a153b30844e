//! Access-control snapshot: fails if the app's security configuration is weakened: a
//! permission beyond the allow-list, a command without a permission (or the reverse), a
//! null or loosened CSP, the global Tauri object, or a plugin that reaches the file
//! system, a shell, the network or a database from the web view.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// The command names declared in build.rs for the ACL.
fn declared_commands() -> BTreeSet<String> {
    let build = fs::read_to_string(root().join("src-tauri/build.rs")).unwrap();
    let list = build.split("const COMMANDS").nth(1).unwrap().split("];").next().unwrap();
    list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The commands registered with the invoke handler in lib.rs.
fn handled_commands() -> BTreeSet<String> {
    let lib = fs::read_to_string(root().join("src-tauri/src/lib.rs")).unwrap();
    let list = lib.split("generate_handler![").nth(1).unwrap().split(']').next().unwrap();
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.rsplit("::").next().unwrap().to_owned())
        .collect()
}

#[test]
fn every_handled_command_is_declared_and_nothing_else() {
    let declared = declared_commands();
    assert!(declared.len() >= 10, "parsed the command list: {declared:?}");
    assert_eq!(declared, handled_commands());
}

#[test]
fn one_capability_for_the_main_window_granting_only_our_commands() {
    let files: Vec<_> = fs::read_dir(root().join("src-tauri/capabilities"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, ["main.json"]);
    let cap = json("src-tauri/capabilities/main.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("remote").is_none(), "no remote URLs may use IPC");
    let granted: BTreeSet<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names, no scopes").to_owned())
        .collect();
    let mut allowed: BTreeSet<String> =
        declared_commands().iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    allowed.insert("core:event:allow-listen".into());
    allowed.insert("core:event:allow-unlisten".into());
    assert_eq!(granted, allowed);
}

#[test]
fn strict_csp_and_no_global_tauri() {
    let conf = json("tauri.conf.json");
    assert_eq!(conf["app"]["withGlobalTauri"], Value::Bool(false));
    let csp = conf["app"]["security"]["csp"].as_object().expect("an object CSP, never null");
    let get = |k: &str| csp.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    assert_eq!(get("default-src"), "'self'");
    assert_eq!(get("script-src"), "'self'");
    assert_eq!(get("object-src"), "'none'");
    assert_eq!(get("base-uri"), "'none'");
    assert_eq!(get("frame-ancestors"), "'none'");
    for (k, v) in csp {
        let v = v.as_str().unwrap();
        assert!(!v.contains("unsafe-eval"), "{k} allows eval");
        assert!(!v.contains("unsafe-inline") || k == "style-src", "{k} allows inline code");
        assert!(!v.contains('*'), "{k} has a wildcard");
        // Tauri's own IPC origin on platforms without custom schemes is the one exception.
        let v = if k == "connect-src" { v.replace("http://ipc.localhost", "") } else { v.into() };
        assert!(!v.contains("http:") && !v.contains("https:"), "{k} allows remote origins");
    }
    let security = conf["app"]["security"].as_object().unwrap();
    assert!(security.get("dangerousDisableAssetCspModification").is_none());
    assert!(conf["build"].get("devUrl").is_none(), "a plain build must embed the UI");
}

#[test]
fn no_plugin_that_reaches_files_shells_network_or_databases() {
    let lock = fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let plugins: BTreeSet<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|n| n.trim_end_matches('"'))
        .filter(|n| n.starts_with("tauri-plugin-"))
        .collect();
    let allowed: BTreeSet<&str> =
        ["tauri-plugin-notification", "tauri-plugin-autostart", "tauri-plugin-single-instance"]
            .into_iter()
            .collect();
    let extra: Vec<_> = plugins.difference(&allowed).collect();
    assert!(extra.is_empty(), "unexpected Tauri plugins: {extra:?}");
    let pkg = fs::read_to_string(root().join("ui/package.json")).unwrap();
    for banned in ["plugin-fs", "plugin-shell", "plugin-http", "plugin-sql", "plugin-opener"] {
        assert!(!pkg.contains(banned), "ui depends on {banned}");
    }
}

#[test]
fn the_command_line_finds_the_apps_data_folder() {
    let conf: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root().join("tauri.conf.json")).unwrap()).unwrap();
    assert_eq!(conf["identifier"], mend_app::IDENTIFIER);
}

/// The TypeScript side of the command list: `ui/src/lib/ipc/bindings/Command.ts`, a union
/// of every command name declared in build.rs, which the UI's one `call` function takes,
/// so a misspelt or removed command does not compile. Written by this test (like the
/// ts-rs bindings), and CI fails if the committed file differs.
#[test]
fn the_typescript_command_names_are_generated_from_the_declared_list() {
    let declared = declared_commands();
    let mut ts = String::from(
        "// Generated by tests/config.rs from the command list in src-tauri/build.rs (which\n\
         // lib.rs's handler and the capability are checked against). Do not edit.\n\n\
         export type Command =\n",
    );
    for name in &declared {
        ts.push_str(&format!("  | \"{name}\"\n"));
    }
    ts.pop();
    ts.push_str(";\n");
    let path = root().join("ui/src/lib/ipc/bindings/Command.ts");
    if fs::read_to_string(&path).ok().as_deref() != Some(ts.as_str()) {
        fs::write(&path, &ts).unwrap();
    }
    assert!(fs::read_to_string(&path).unwrap().contains("\"create_entry\""));
}
