//! Sharing: the vault's contact code, a relationship's contacts, making a share and
//! receiving one. Each command makes one core call (`Vault::shares`) and maps its error;
//! every file is chosen in a native dialog opened here (see `dialog`), so the web view
//! sees only file names, never a path.
//!
//! A share being received waits in `AppState` (its encrypted bytes while its passphrase
//! is asked for, then the opened share, in memory only) until it is accepted or
//! dismissed; nothing of it is written before [`accept_share`], and locking forgets it.
use crate::dialog;
use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::local_time::local_day;
use crate::state::{AppState, Receiving};
use chrono::{DateTime, NaiveDate, Utc};
use mend_core::share::{
    self, preview, Candidates, ContactCode, FromSender, Opened, Selection, ShareError, ShareTo,
};
use mend_core::Passphrase;
use rand_core::OsRng;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

/// The vault's own contact code, to give to someone.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MyCode {
    /// The code in groups of five, for reading aloud or copying.
    pub grouped: String,
    /// The short fingerprint two people compare to be sure the code arrived unchanged.
    pub fingerprint: String,
    /// The code as a QR code: an SVG document, shown as a `data:` image.
    pub qr_svg: String,
}

/// A contact kept under a relationship.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub grouped: String,
    pub fingerprint: String,
    pub added_at: DateTime<Utc>,
}

/// Whether a relationship can share at all.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SharingStatus {
    /// In own-safety mode nothing is shared until the person turns that mode off.
    pub own_safety: bool,
}

/// A checklist step chosen to share.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepChoice {
    pub framework_id: String,
    pub step_id: String,
}

/// What the person chose to share from one relationship. Nothing is chosen by default.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SelectionInput {
    #[ts(type = "number")]
    pub relationship_id: i64,
    #[ts(type = "number[]")]
    pub entry_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub commitment_ids: Vec<i64>,
    pub marks: Vec<StepChoice>,
    pub check_ins: Vec<NaiveDate>,
    #[ts(type = "number | null")]
    pub decision_id: Option<i64>,
    pub note: Option<String>,
}

impl From<SelectionInput> for Selection {
    fn from(s: SelectionInput) -> Self {
        Selection {
            relationship_id: s.relationship_id,
            entry_ids: s.entry_ids,
            commitment_ids: s.commitment_ids,
            marks: s.marks.into_iter().map(|m| (m.framework_id, m.step_id)).collect(),
            check_ins: s.check_ins,
            decision_id: s.decision_id,
            note: s.note,
        }
    }
}

/// Whom a share is sealed to.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Recipient {
    /// A contact of the same relationship.
    #[serde(rename_all = "camelCase")]
    Contact {
        #[ts(type = "number")]
        contact_id: i64,
    },
    /// Whoever knows the passphrase, typed twice.
    Passphrase { passphrase: String, repeated: String },
}

impl Recipient {
    /// The passphrase to seal with, checked: not blank, and typed the same twice.
    fn passphrase(&self) -> CmdResult<Option<Passphrase>> {
        let Recipient::Passphrase { passphrase, repeated } = self else { return Ok(None) };
        if passphrase.trim().is_empty() {
            return Err(IpcError::field(
                "passphrase",
                "Choose a passphrase to seal the share with.",
            ));
        }
        if passphrase != repeated {
            return Err(IpcError::field("repeated", "The two passphrases are not the same."));
        }
        Ok(Some(Passphrase::new(passphrase.clone())))
    }
}

/// A share saved to a file.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedShare {
    /// The file name (not its whole path).
    pub name: String,
    #[ts(type = "number")]
    pub sequence: u64,
}

/// A share opened and checked, waiting to be accepted or dismissed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenedShare {
    /// The file name it was opened from.
    pub file: String,
    /// The sender's name as a contact of the relationship asked about, or of another one.
    pub from_name: Option<String>,
    pub from_fingerprint: String,
    pub from_grouped: String,
    pub sent_at: DateTime<Utc>,
    pub items: u32,
    /// Sealed to a passphrase rather than to this vault's code.
    pub by_passphrase: bool,
    /// Every word it holds, as it will be read.
    pub preview: String,
}

/// What choosing a share file led to.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Receipt {
    /// It was sealed to a passphrase: ask for it, then [`open_share_with`].
    #[serde(rename_all = "camelCase")]
    NeedsPassphrase {
        file: String,
    },
    Opened {
        share: OpenedShare,
    },
}

/// One received item as it is read, with where it came from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReceivedView {
    #[ts(type = "number")]
    pub id: i64,
    /// The received share it came in (deleting removes the whole share).
    #[ts(type = "number")]
    pub share_id: i64,
    pub sent_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub heading: String,
    pub lines: Vec<String>,
    /// How many earlier versions this one replaced.
    pub replaced: u32,
}

/// What one person shared into a relationship.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SenderView {
    pub contact_name: Option<String>,
    pub fingerprint: String,
    pub grouped: String,
    /// The current version of each item, newest share first.
    pub items: Vec<ReceivedView>,
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn qr_svg(code: &ContactCode) -> CmdResult<String> {
    // Upper case fits QR's compact alphanumeric mode; codes are read in any case.
    let qr = qrcode::QrCode::with_error_correction_level(
        code.compact().to_uppercase(),
        qrcode::EcLevel::M,
    )
    .map_err(|_| IpcError::new(ErrorCode::Internal, "The QR code could not be drawn."))?;
    Ok(qr
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

impl ContactView {
    fn of(c: share::Contact) -> Self {
        ContactView {
            id: c.id,
            name: c.name,
            grouped: c.code.grouped(),
            fingerprint: c.code.fingerprint(),
            added_at: c.added_at,
        }
    }
}

impl SenderView {
    fn of(from: FromSender) -> Self {
        let items = from
            .items
            .into_iter()
            .map(|i| {
                let read = preview([&i.item]).pop();
                let (heading, lines) = read.map(|p| (p.heading, p.lines)).unwrap_or_default();
                ReceivedView {
                    id: i.id,
                    share_id: i.share_id,
                    sent_at: i.sent_at,
                    received_at: i.received_at,
                    heading,
                    lines,
                    replaced: u32::try_from(i.older.len()).unwrap_or(u32::MAX),
                }
            })
            .collect();
        SenderView {
            contact_name: from.contact_name,
            fingerprint: from.sender.fingerprint(),
            grouped: from.sender.grouped(),
            items,
        }
    }
}

/// The vault's contact code (its identity is made the first time this is asked).
#[tauri::command(async)]
pub fn my_code(state: State<'_, AppState>) -> CmdResult<MyCode> {
    let (code, fingerprint) =
        state.with_vault(|v| Ok(v.shares().my_code(&mut OsRng, &state.clock)?))?;
    Ok(MyCode { grouped: code.grouped(), fingerprint, qr_svg: qr_svg(&code)? })
}

#[tauri::command(async)]
pub fn sharing_status(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<SharingStatus> {
    let own_safety = state.with_vault(|v| Ok(v.shares().in_safety_mode(relationship_id)?))?;
    Ok(SharingStatus { own_safety })
}

#[tauri::command(async)]
pub fn list_contacts(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Vec<ContactView>> {
    let contacts = state.with_vault(|v| Ok(v.shares().contacts(relationship_id)?))?;
    Ok(contacts.into_iter().map(ContactView::of).collect())
}

/// Adds a contact: `code` as typed or pasted; a refused code names the field "code".
#[tauri::command(async)]
pub fn add_contact(
    state: State<'_, AppState>,
    relationship_id: i64,
    name: String,
    code: String,
) -> CmdResult<ContactView> {
    let contact = state.with_vault(|v| {
        Ok(v.shares().add_contact(relationship_id, &name, &code, &state.clock)?)
    })?;
    Ok(ContactView::of(contact))
}

#[tauri::command(async)]
pub fn rename_contact(state: State<'_, AppState>, contact_id: i64, name: String) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.shares().rename_contact(contact_id, &name)?))
}

#[tauri::command(async)]
pub fn remove_contact(state: State<'_, AppState>, contact_id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.shares().remove_contact(contact_id)?))
}

/// What a relationship has that could be shared; nothing is chosen.
#[tauri::command(async)]
pub fn share_candidates(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<Candidates> {
    state.with_vault(|v| Ok(v.shares().candidates(relationship_id, &local_day)?))
}

/// Every word a selection would carry, exactly as the receiver will read it.
#[tauri::command(async)]
pub fn share_preview(state: State<'_, AppState>, selection: SelectionInput) -> CmdResult<String> {
    let selection = Selection::from(selection);
    state.with_vault(|v| Ok(v.shares().preview(&selection, &local_day, &state.clock)?))
}

/// Seals a selection to a contact or a passphrase (typed twice) and saves it where the
/// person chooses. The selection and the passphrase are checked before the dialog. `None`
/// when they close the dialog (no share is made).
#[tauri::command(async)]
pub fn save_share<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    selection: SelectionInput,
    to: Recipient,
) -> CmdResult<Option<SavedShare>> {
    let selection = Selection::from(selection);
    let passphrase = to.passphrase()?;
    state.with_vault(|v| Ok(v.shares().preview(&selection, &local_day, &state.clock)?))?;
    let Some(path) = dialog::save_share(&app, state.today())? else { return Ok(None) };
    let to = match (&to, &passphrase) {
        (Recipient::Contact { contact_id }, _) => ShareTo::Contact(*contact_id),
        (Recipient::Passphrase { .. }, p) => {
            ShareTo::Passphrase(p.as_ref().ok_or_else(|| {
                IpcError::new(ErrorCode::Internal, "The passphrase went missing.")
            })?)
        }
    };
    let sealed = state.with_vault(|v| {
        Ok(v.shares().seal(&selection, to, &local_day, &mut OsRng, &state.clock)?)
    })?;
    mend_core::files::replace_atomically(&path, &sealed.file)
        .map_err(|e| IpcError::from(ShareError::Io(e)))?;
    Ok(Some(SavedShare { name: name_of(&path), sequence: sealed.sequence }))
}

/// The opened share as the person sees it; the sender named as a contact of
/// `relationship_id` if they are one, else of any relationship.
fn opened_view(
    state: &AppState,
    file: String,
    opened: &Opened,
    relationship_id: i64,
) -> CmdResult<OpenedShare> {
    let sender = opened.share().sender;
    let from_name = state.with_vault(|v| {
        let shares = v.shares();
        let mut ids = vec![relationship_id];
        ids.extend(
            v.relationships().list()?.into_iter().map(|r| r.id).filter(|id| *id != relationship_id),
        );
        for id in ids {
            if let Ok(contacts) = shares.contacts(id) {
                if let Some(c) = contacts.into_iter().find(|c| c.code == sender) {
                    return Ok(Some(c.name));
                }
            }
        }
        Ok(None)
    })?;
    Ok(OpenedShare {
        file,
        from_name,
        from_fingerprint: sender.fingerprint(),
        from_grouped: sender.grouped(),
        sent_at: opened.share().created_at,
        items: u32::try_from(opened.share().items.len()).unwrap_or(u32::MAX),
        by_passphrase: opened.by_passphrase(),
        preview: opened.preview().to_owned(),
    })
}

/// Opens `file` with this vault's identity, or asks for the passphrase it was sealed
/// with (holding its encrypted bytes until then). Writes nothing.
fn receive(
    state: &AppState,
    name: String,
    file: Vec<u8>,
    passphrase: Option<&Passphrase>,
    relationship_id: i64,
) -> CmdResult<Receipt> {
    if passphrase.is_none() && share::needs_passphrase(&file)? {
        state.hold_received(Receiving::Sealed { name: name.clone(), file });
        return Ok(Receipt::NeedsPassphrase { file: name });
    }
    let opened = match state.with_vault(|v| Ok(v.shares().open(&file, passphrase)?)) {
        Ok(opened) => opened,
        Err(e) => {
            // A wrong passphrase may be typed again without choosing the file again.
            if passphrase.is_some() {
                state.hold_received(Receiving::Sealed { name, file });
            }
            return Err(e);
        }
    };
    let view = opened_view(state, name, &opened, relationship_id)?;
    state.hold_received(Receiving::Opened(Box::new(opened)));
    Ok(Receipt::Opened { share: view })
}

/// Chooses a share file and opens it (see [`Receipt`]). `None` when the dialog is closed.
/// `relationship_id` is where it was opened from, to name the sender by.
#[tauri::command(async)]
pub fn open_share<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Option<Receipt>> {
    state.require_unlocked()?;
    drop(state.take_received());
    let Some(path) = dialog::open_share(&app)? else { return Ok(None) };
    let file = share::read_capped(std::fs::File::open(&path).map_err(ShareError::Io)?)?;
    Ok(Some(receive(&state, name_of(&path), file, None, relationship_id)?))
}

/// Opens the chosen share with the passphrase it was sealed with.
#[tauri::command(async)]
pub fn open_share_with(
    state: State<'_, AppState>,
    relationship_id: i64,
    passphrase: String,
) -> CmdResult<Receipt> {
    let Some(Receiving::Sealed { name, file }) = state.take_received() else {
        return Err(IpcError::new(ErrorCode::InvalidInput, "Choose a share to open first."));
    };
    receive(&state, name, file, Some(&Passphrase::new(passphrase)), relationship_id)
}

/// Keeps the opened share, read-only, under `relationship_id`; returns its id.
#[tauri::command(async)]
pub fn accept_share(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<i64> {
    let Some(Receiving::Opened(opened)) = state.take_received() else {
        return Err(IpcError::new(ErrorCode::InvalidInput, "Open a share first."));
    };
    match state.with_vault(|v| Ok(v.shares().accept(&opened, relationship_id, &state.clock)?)) {
        Ok(id) => Ok(id),
        Err(e) => {
            // Another relationship may still be chosen.
            state.hold_received(Receiving::Opened(opened));
            Err(e)
        }
    }
}

/// Forgets the share being received; nothing of it was kept.
#[tauri::command(async)]
pub fn dismiss_share(state: State<'_, AppState>) {
    drop(state.take_received());
}

/// Everything shared into a relationship, by sender.
#[tauri::command(async)]
pub fn shared_with_me(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Vec<SenderView>> {
    let from = state.with_vault(|v| Ok(v.shares().shared_with_me(relationship_id)?))?;
    Ok(from.into_iter().map(SenderView::of).collect())
}

/// Deletes a received share and all its items; versions they replaced come back.
#[tauri::command(async)]
pub fn delete_received(state: State<'_, AppState>, share_id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.shares().delete_received(share_id)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_passphrase(passphrase: &str, repeated: &str) -> Recipient {
        Recipient::Passphrase { passphrase: passphrase.into(), repeated: repeated.into() }
    }

    #[test]
    fn a_passphrase_must_be_typed_the_same_twice_and_not_be_blank() {
        let blank = by_passphrase("  ", "  ").passphrase().map(|_| ()).unwrap_err();
        assert_eq!(blank.code, ErrorCode::InvalidInput);
        assert_eq!(blank.field.as_deref(), Some("passphrase"));
        let differ = by_passphrase("one two three", "one two four").passphrase().map(|_| ());
        assert_eq!(differ.unwrap_err().field.as_deref(), Some("repeated"));
        let same = by_passphrase("one two three", "one two three").passphrase().unwrap();
        assert!(same.is_some());
        assert!(Recipient::Contact { contact_id: 3 }.passphrase().unwrap().is_none());
    }

    #[test]
    fn recipients_and_selections_read_as_the_ui_sends_them() {
        let to: Recipient = serde_json::from_str(r#"{"kind":"contact","contactId":7}"#).unwrap();
        assert!(matches!(to, Recipient::Contact { contact_id: 7 }));
        let input: SelectionInput = serde_json::from_str(
            r#"{"relationshipId":4,"entryIds":[3],"commitmentIds":[],"marks":[{"frameworkId":"f","stepId":"s"}],
                "checkIns":["2026-11-18"],"decisionId":null,"note":null}"#,
        )
        .unwrap();
        let selection = Selection::from(input);
        assert_eq!(selection.relationship_id, 4);
        assert_eq!(selection.entry_ids, [3]);
        assert_eq!(selection.marks, [("f".to_owned(), "s".to_owned())]);
        assert_eq!(selection.check_ins, [NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()]);
        assert!(selection.note.is_none() && selection.decision_id.is_none());
    }

    #[test]
    fn the_qr_code_is_an_svg_document() {
        let identity = mend_core::share::Identity::generate(&mut OsRng).unwrap();
        let svg = qr_svg(identity.code()).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
        assert!(!svg.contains("<script"));
    }
}
