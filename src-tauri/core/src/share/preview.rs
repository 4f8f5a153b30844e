//! The words that leave: a share's items as the text its receiver will read, for the
//! sender to see before sealing and for the receiver to see after opening. Both sides
//! render with this one function, so what was previewed is what is read.
//!
//! Every text a person wrote or chose in an item appears here in full; the only other
//! things in an item are dates, statuses and the ids of Mend's own framework steps. What
//! the file carries beside its items is said once, in [`ALSO_IN_THE_FILE`].
use super::payload::{
    SharedCheckIn, SharedCommitment, SharedDecision, SharedEntry, SharedItem, SharedMark,
    SharedNote,
};
use crate::ledger::{CommitmentOwner, OccurrenceStatus};
use crate::progress::checkins::DecisionChoice;
use chrono::{DateTime, Utc};

/// Said under every preview: what else a share file holds.
pub const ALSO_IN_THE_FILE: &str = "The file also holds your contact code, whom it is for, \
    when it was made and its place in the order of the shares you have made. It cannot be \
    taken back once it is given.";

/// One item as it will be read: a heading, then its lines in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPreview {
    pub heading: String,
    pub lines: Vec<String>,
}

/// Each item as its receiver will read it, in the order it was chosen.
pub fn preview<'a>(items: impl IntoIterator<Item = &'a SharedItem>) -> Vec<ItemPreview> {
    items.into_iter().map(item).collect()
}

/// The whole preview as plain text: each item's heading and lines, a blank line between
/// items, and [`ALSO_IN_THE_FILE`] last.
pub fn preview_text<'a>(items: impl IntoIterator<Item = &'a SharedItem>) -> String {
    let mut out = String::new();
    for p in preview(items) {
        out.push_str(&p.heading);
        out.push('\n');
        for line in &p.lines {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(ALSO_IN_THE_FILE);
    out.push('\n');
    out
}

fn instant(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn labelled(out: &mut Vec<String>, label: &str, text: &str) {
    if !text.trim().is_empty() {
        out.push(format!("{label}: {text}"));
    }
}

fn item(item: &SharedItem) -> ItemPreview {
    match item {
        SharedItem::Entry(e) => entry(e),
        SharedItem::Commitment(c) => commitment(c),
        SharedItem::ChecklistMark(m) => mark(m),
        SharedItem::CheckIn(c) => check_in(c),
        SharedItem::DecisionReview(d) => decision(d),
        SharedItem::Note(n) => note(n),
    }
}

fn entry(e: &SharedEntry) -> ItemPreview {
    let mut lines = Vec::new();
    labelled(&mut lines, "Mood", e.mood.as_deref().unwrap_or(""));
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| format!("#{t}")).collect();
        lines.push(format!("Tags: {}", tags.join(" ")));
    }
    lines.push(e.text.clone());
    ItemPreview { heading: format!("Journal entry, written {}", instant(e.written_at)), lines }
}

/// Whose promise it is, in words that read the same to the sender and the receiver.
fn owner(o: CommitmentOwner) -> &'static str {
    match o {
        CommitmentOwner::Me => "the person sharing this",
        CommitmentOwner::Them => "the other person in the relationship",
        CommitmentOwner::Both => "both of them",
    }
}

fn status(s: OccurrenceStatus) -> &'static str {
    match s {
        OccurrenceStatus::Kept => "kept",
        OccurrenceStatus::Partly => "partly kept",
        OccurrenceStatus::Missed => "missed",
        OccurrenceStatus::Renegotiated => "renegotiated",
    }
}

fn commitment(c: &SharedCommitment) -> ItemPreview {
    let mut lines = vec![format!("Promised by: {}", owner(c.owner))];
    labelled(&mut lines, "How often", &c.repeat);
    lines.push(match c.ends_on {
        Some(end) => format!("From {} to {}", c.starts_on, end),
        None => format!("From {}", c.starts_on),
    });
    labelled(&mut lines, "Kept looks like", &c.kept_looks_like);
    if c.record.is_empty() {
        lines.push("No days logged yet".into());
    }
    for o in &c.record {
        let mut line = format!("{}: {}", o.due_on, status(o.status));
        if !o.note.trim().is_empty() {
            line.push_str(" — ");
            line.push_str(&o.note);
        }
        lines.push(line);
    }
    ItemPreview { heading: format!("Commitment: {}", c.promise), lines }
}

fn mark(m: &SharedMark) -> ItemPreview {
    let mut lines = vec![format!("Marked on {}", m.marked_on)];
    labelled(&mut lines, "Note", &m.note);
    for e in &m.evidence {
        lines.push(format!("Evidence, {}: {}", e.on, e.text));
    }
    ItemPreview { heading: format!("Checklist step: {}", m.title), lines }
}

fn score(lines: &mut Vec<String>, label: &str, value: Option<f64>) {
    if let Some(v) = value {
        lines.push(format!("{label}: {v:.1} of 5"));
    }
}

fn check_in(c: &SharedCheckIn) -> ItemPreview {
    let mut lines = Vec::new();
    score(&mut lines, "Able", c.able);
    score(&mut lines, "Believable", c.believable);
    score(&mut lines, "Connected", c.connected);
    score(&mut lines, "Dependable", c.dependable);
    if let Some(t) = c.trust_level {
        lines.push(format!("Trust level: {t} of 10"));
    }
    labelled(&mut lines, "Note", &c.note);
    ItemPreview { heading: format!("Check-in, {}", c.on), lines }
}

fn decision(d: &SharedDecision) -> ItemPreview {
    let choice = match d.choice {
        DecisionChoice::Extend => "extend some trust",
        DecisionChoice::Hold => "keep things where they are for now",
        DecisionChoice::Pause => "take a pause",
        DecisionChoice::StepAway => "step away",
    };
    let mut lines = vec![format!("Decision: {choice}")];
    labelled(&mut lines, "Reasons", &d.reasons);
    ItemPreview { heading: format!("Decision review, {}", d.decided_on), lines }
}

fn note(n: &SharedNote) -> ItemPreview {
    ItemPreview {
        heading: format!("Note, written {}", instant(n.written_at)),
        lines: vec![n.text.clone()],
    }
}
