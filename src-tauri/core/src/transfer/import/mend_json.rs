//! Mend's own JSON export (see src-tauri/core/EXPORT-FORMAT.md).
use super::{
    ImportBatch, ImportFormat, ImportedEntry, ImportedEvent, ImportedRelationship, RelationshipRef,
};
use crate::transfer::export::{JournalExport, FORMAT, VERSION};
use crate::transfer::TransferError;
use std::collections::HashMap;

pub fn parse(text: &str) -> Result<ImportBatch, TransferError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let export: JournalExport = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        let path = e.path().to_string();
        let location = if path == "." { String::from("the file") } else { path };
        TransferError::malformed(
            format!("{location} (line {}, column {})", inner.line(), inner.column()),
            json_problem(inner),
        )
    })?;
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

/// serde_json's message without the input it quotes (it can quote journal text).
fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax => "the JSON is malformed here".to_owned(),
        Category::Eof => "the file ends too early".to_owned(),
        Category::Io => "the file could not be read".to_owned(),
        Category::Data => {
            let msg = e.to_string();
            if msg.starts_with("missing field") {
                msg.split(" at line").next().unwrap_or("a field is missing").to_owned()
            } else if msg.starts_with("unknown variant") {
                "this value is not one Mend knows".to_owned()
            } else {
                "this value has the wrong type or form".to_owned()
            }
        }
    }
}
