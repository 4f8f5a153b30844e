//! A whole first journey with the keyboard alone: create a journal, write an entry, add
//! a relationship, answer a guided step, log a commitment, lock and unlock. Every key
//! goes to whatever has focus, and every control is reached with Tab: nothing is clicked
//! and no focus is set by script.
use crate::harness::{App, PASSPHRASE};
use thirtyfour::Key;

const ENTRY: &str = "Wrote this without touching the mouse.";
const PROMISE: &str = "Call on Sunday evenings";

#[tokio::test(flavor = "multi_thread")]
async fn the_first_journey_can_be_done_with_the_keyboard_alone() {
    let app = App::start().await;

    // Create a journal; Enter submits the form.
    app.tab_to("#create-passphrase").await;
    app.type_here(PASSPHRASE).await;
    app.tab_to("#create-confirm").await;
    app.type_here(PASSPHRASE).await;
    // The button wakes once both fields agree, as a person sees it do.
    app.wait_for_enabled("#create-submit").await;
    app.press(Key::Enter).await;
    app.tab_to("#recovery-skip").await;
    app.press(Key::Enter).await;
    app.wait_for("#new-entry").await;

    // Ctrl+N opens the editor with the cursor in it; Ctrl+Enter closes it, saved.
    app.ctrl("n").await;
    app.wait_for_focus("#editor-body").await;
    app.type_here(ENTRY).await;
    app.wait_until_text("the entry to save", |t| t.contains("Saved")).await;
    app.ctrl(Key::Enter).await;
    app.wait_for("#timeline").await;
    app.wait_until_text("the entry in the timeline", |t| t.contains(ENTRY)).await;

    // Add a relationship: name, side (Space picks the first choice), what happened, and
    // the kind of trust, chosen by typing its first letter in the closed list.
    app.tab_to("#nav-add-relationship").await;
    app.press(Key::Enter).await;
    app.tab_to("#rel-name").await;
    app.type_here("Sam").await;
    app.tab_to("#rel-role-repairer").await;
    app.press(Key::Space).await;
    app.tab_to("#rel-what").await;
    app.type_here("I missed the day I had promised to be there.").await;
    app.tab_to("#rel-kind").await;
    app.press("h").await;
    app.screenshot("keyboard-10-relationship-form").await;
    app.tab_to("#rel-save").await;
    app.press(Key::Enter).await;
    app.wait_for("#safety-heading").await;
    app.tab_to("#safety-none").await;
    app.press(Key::Space).await;
    app.tab_to("#safety-save").await;
    app.press(Key::Enter).await;
    app.wait_for("#relationship-page").await;

    // Answer the first question of a guided step; the draft keeps itself.
    app.tab_to("button.step[data-framework=\"four-steps\"][data-step=\"take-ownership\"]").await;
    app.press(Key::Enter).await;
    app.wait_for("#guided-step").await;
    app.tab_to("#answer").await;
    app.type_here("That I said I would come and did not.").await;
    app.wait_until_text("the answer to be kept", |t| t.contains("Saved")).await;
    app.screenshot("keyboard-20-guided-step").await;
    app.tab_to("#step-back-to-relationship").await;
    app.press(Key::Enter).await;
    app.wait_for("#relationship-page").await;

    // A commitment, then today's day logged as kept.
    app.tab_to("#commitment-new").await;
    app.press(Key::Enter).await;
    app.tab_to("#commitment-promise").await;
    app.type_here(PROMISE).await;
    app.tab_to("#commitment-save").await;
    app.press(Key::Enter).await;
    app.wait_until_text("the commitment", |t| t.contains(PROMISE)).await;
    app.tab_to(".log-latest").await;
    app.press(Key::Enter).await;
    app.tab_to("#log-kept").await;
    app.press(Key::Space).await;
    app.screenshot("keyboard-30-log-kept").await;
    app.tab_to("#log-save").await;
    app.press(Key::Enter).await;
    app.wait_for(".occurrence[data-status=\"kept\"]").await;

    // Ctrl+L locks; the passphrase and Enter open the journal again.
    app.ctrl("l").await;
    app.wait_for("#unlock-passphrase").await;
    assert!(!app.text().await.contains(PROMISE), "nothing of the journal shows when locked");
    app.tab_to("#unlock-passphrase").await;
    app.type_here(PASSPHRASE).await;
    app.wait_for_enabled("#unlock-submit").await;
    app.press(Key::Enter).await;
    app.wait_until_text("the journal again", |t| t.contains(PROMISE) || t.contains(ENTRY)).await;
    app.quit().await;
}
