//! Received items as evidence of a checklist step: what the other person shared (their
//! commitment's record, an entry, a marked step) linked to a step of the relationship it
//! was received into, beside the vault's own evidence. A step with only shared evidence
//! counts as evidenced ([`crate::progress::checklist::ChecklistState`]).
//!
//! Invariants: an item is linked only to a step on the checklist of the relationship it
//! was received into, once per step; the link goes with the item (a deleted share) or
//! the relationship. A link points to the version that was linked, even after a newer
//! one arrives.
use super::code::ContactCode;
use super::received::{item_from, ReceivedItem};
use super::store::{Shares, SharingError};
use crate::progress::checklist::checked_step;
use crate::relationships::Relationships;
use crate::time::instant::to_millis;
use crate::time::Clock;
use rusqlite::{params, OptionalExtension};

/// A received item linked to a checklist step.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedItem {
    pub link_id: i64,
    /// The version that was linked (its `older` is empty).
    pub item: ReceivedItem,
    /// Who shared it.
    pub sender: ContactCode,
    /// Their contact name in the relationship, if their code is a contact of it.
    pub contact_name: Option<String>,
    /// Whether a newer version of the item has been received since (the link stays on
    /// this one).
    pub replaced: bool,
}

impl Shares<'_> {
    /// Links a received item as evidence of a step; linking it again keeps one link.
    /// Returns the link's id.
    pub fn link_evidence(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        item_id: i64,
        clock: &dyn Clock,
    ) -> Result<i64, SharingError> {
        let role = match Relationships::new(self.conn).get(relationship_id) {
            Ok(r) => r.role,
            Err(crate::relationships::RelationshipError::Storage(e)) => return Err(e.into()),
            Err(_) => return Err(SharingError::RelationshipNotFound),
        };
        checked_step(role, framework_id, step_id).map_err(|_| SharingError::NotOnChecklist)?;
        let belongs: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM received_item i JOIN received_share s ON s.id = i.share_id
                 WHERE i.id = ?1 AND s.relationship_id = ?2",
                params![item_id, relationship_id],
                |r| r.get(0),
            )
            .optional()?;
        if belongs.is_none() {
            return Err(SharingError::NotInRelationship);
        }
        self.conn.execute(
            "INSERT INTO step_shared_evidence
                (relationship_id, framework_id, step_id, item_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (relationship_id, framework_id, step_id, item_id) DO NOTHING",
            params![relationship_id, framework_id, step_id, item_id, to_millis(clock.now())],
        )?;
        Ok(self.conn.query_row(
            "SELECT id FROM step_shared_evidence
             WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3 AND item_id = ?4",
            params![relationship_id, framework_id, step_id, item_id],
            |r| r.get(0),
        )?)
    }

    pub fn unlink_evidence(&self, link_id: i64) -> Result<(), SharingError> {
        match self.conn.execute("DELETE FROM step_shared_evidence WHERE id = ?1", [link_id])? {
            0 => Err(SharingError::NotFound),
            _ => Ok(()),
        }
    }

    /// The received items linked to a step, in the order they were linked.
    pub fn linked_evidence(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
    ) -> Result<Vec<LinkedItem>, SharingError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.id, i.id, i.share_id, s.sequence, s.sent_at, s.received_at, i.item_key, i.item,
                    s.sender, i.superseded_by IS NOT NULL
             FROM step_shared_evidence l
             JOIN received_item i ON i.id = l.item_id
             JOIN received_share s ON s.id = i.share_id
             WHERE l.relationship_id = ?1 AND l.framework_id = ?2 AND l.step_id = ?3
             ORDER BY l.created_at, l.id",
        )?;
        let rows = stmt.query_map(params![relationship_id, framework_id, step_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, bool>(9)?,
            ))
        })?;
        let names = self.contact_names(relationship_id)?;
        let mut out = Vec::new();
        for row in rows {
            let (link_id, id, share_id, sequence, sent, received, key, json, sender, replaced) =
                row?;
            let Ok(code) = ContactCode::parse(&sender) else { continue };
            if let Some(item) = item_from(id, share_id, sequence, sent, received, &key, &json) {
                let contact_name = names.get(&sender).cloned();
                out.push(LinkedItem { link_id, item, sender: code, contact_name, replaced });
            }
        }
        Ok(out)
    }
}
