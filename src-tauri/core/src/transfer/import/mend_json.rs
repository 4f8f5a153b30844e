//! Mend's own JSON export (see src-tauri/core/EXPORT-FORMAT.md).
use super::json::from_json;
use super::{
    ImportBatch, ImportFormat, ImportedEntry, ImportedEvent, ImportedRelationship, RelationshipRef,
};
use crate::transfer::export::{JournalExport, FORMAT, VERSION};
use crate::transfer::TransferError;
use std::collections::HashMap;

/// Every field name of the format: only these are named in error locations.
const FIELDS: &[&str] = &[
    "format",
    "version",
    "exportedAt",
    "relationships",
    "ref",
    "name",
    "role",
    "whatHappened",
    "happenedOn",
    "breachKind",
    "setting",
    "power",
    "createdAt",
    "events",
    "kind",
    "occurredOn",
    "note",
    "entries",
    "updatedAt",
    "body",
    "relationship",
    "framework",
    "step",
    "mood",
    "tags",
];

pub fn parse(text: &str) -> Result<ImportBatch, TransferError> {
    let export: JournalExport = from_json(text, FIELDS)?;
    if export.format != FORMAT {
        return Err(TransferError::malformed("format", "this is not a Mend journal export"));
    }
    if export.version > VERSION {
        return Err(TransferError::malformed(
            "version",
            "it was written by a newer version of Mend; update Mend to import it",
        ));
    }
    let mut batch = ImportBatch::new(ImportFormat::MendJson);
    let mut index = HashMap::new();
    for (i, r) in export.relationships.into_iter().enumerate() {
        if index.insert(r.reference, i).is_some() {
            return Err(TransferError::malformed(
                format!("relationships[{i}].ref"),
                "two relationships share this ref",
            ));
        }
        batch.relationships.push(ImportedRelationship {
            name: r.name,
            role: r.role,
            what_happened: r.what_happened,
            happened_on: r.happened_on,
            breach_kind: r.breach_kind,
            created_at: r.created_at,
            setting: r.setting,
            power: r.power,
            events: r
                .events
                .into_iter()
                .map(|e| ImportedEvent { kind: e.kind, occurred_on: e.occurred_on, note: e.note })
                .collect(),
        });
    }
    for (i, e) in export.entries.into_iter().enumerate() {
        let relationship = match e.relationship {
            None => None,
            Some(r) => Some(RelationshipRef::InBatch(*index.get(&r).ok_or_else(|| {
                TransferError::malformed(
                    format!("entries[{i}].relationship"),
                    "it names a relationship that is not in the file",
                )
            })?)),
        };
        batch.entries.push(ImportedEntry {
            created_at: e.created_at,
            updated_at: e.updated_at,
            body: e.body,
            relationship,
            framework_id: e.framework,
            step_id: e.step,
            mood: e.mood,
            tags: e.tags,
        });
    }
    Ok(batch)
}
