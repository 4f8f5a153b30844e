//! Declares every app command for Tauri's access control: each gets an
//! `allow-<command>` permission, and only the capability in src-tauri/capabilities/
//! grants them to the main window.
const COMMANDS: &[&str] = &[
    "vault_status",
    "assess_passphrase",
    "create_vault",
    "unlock",
    "unlock_with_recovery_key",
    "lock",
    "touch",
    "change_passphrase",
    "reset_passphrase",
    "create_recovery_key",
    "remove_recovery_key",
    "get_settings",
    "set_auto_lock_minutes",
    "list_entries",
    "get_entry",
    "create_entry",
    "update_entry",
    "delete_entry",
    "render_markdown",
    "set_entry_meta",
    "list_tags",
    "search",
    "review_apology",
    "list_relationships",
    "create_relationship",
    "update_relationship",
    "delete_relationship",
    "list_events",
    "add_event",
    "delete_event",
    "relationship_guide",
    "get_draft",
    "save_draft",
    "discard_draft",
    "complete_step",
    "add_prompt",
    "delete_prompt",
    "list_templates",
    "create_template",
    "delete_template",
    "list_conversations",
    "create_conversation",
    "save_conversation_plan",
    "record_conversation_outcome",
    "delete_conversation",
    "create_commitment",
    "update_commitment",
    "delete_commitment",
    "log_occurrence",
    "unlog_occurrence",
    "relationship_ledger",
    "get_reminder_settings",
    "set_reminder_settings",
    "snooze_reminder",
    "get_autostart",
    "set_autostart",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
