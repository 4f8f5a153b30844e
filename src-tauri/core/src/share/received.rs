//! Receiving: a `.mendshare` file opened (nothing written), then, if the person accepts
//! it, kept read-only under one of their relationships as "Shared with me".
//!
//! Invariants:
//! - [`Shares::open`] writes nothing. It refuses a share whose sequence is not above the
//!   last one kept from the same sender, in any relationship.
//! - [`Shares::accept`] checks that again in the transaction that writes, so the same
//!   share is never kept twice; a refused share changes nothing.
//! - A received item whose key matches a current item from the same sender in the same
//!   relationship replaces it; the older one is kept as its history (`superseded_by`).
//!   Deleting a received share puts back, as current, the versions its items replaced.
use super::code::ContactCode;
use super::error::ShareError;
use super::identity::Identity;
use super::open::{open, OpenWith};
use super::payload::{ItemKey, Share, SharedCommitment, SharedItem};
use super::preview::preview_text;
use super::store::{Shares, SharingError};
use crate::secret::Passphrase;
use crate::store::atomically;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, Utc};
use rusqlite::params;
use std::collections::HashMap;

/// A share opened and checked, not yet kept. Only [`Shares::open`] makes one. Its Debug
/// names the sender and counts the items, and prints none of their words.
pub struct Opened {
    share: Share,
    by_passphrase: bool,
    preview: String,
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("sender", &self.share.sender)
            .field("sequence", &self.share.sequence)
            .field("items", &self.share.items.len())
            .field("by_passphrase", &self.by_passphrase)
            .finish_non_exhaustive()
    }
}

impl Opened {
    /// Who sent it, whom it was for, when, and what it holds.
    pub fn share(&self) -> &Share {
        &self.share
    }

    /// Its items as the receiver reads them ([`super::preview_text`]).
    pub fn preview(&self) -> &str {
        &self.preview
    }

    /// Whether it was sealed to a passphrase rather than to this vault's identity.
    pub fn by_passphrase(&self) -> bool {
        self.by_passphrase
    }
}

/// One version of an item received from someone.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedItem {
    pub id: i64,
    /// The received share it came in.
    pub share_id: i64,
    pub sequence: u64,
    pub sent_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub key: ItemKey,
    pub item: SharedItem,
    /// For a current item: the versions it replaced, newest first (each with none).
    pub older: Vec<ReceivedItem>,
}

/// What one person shared into a relationship.
#[derive(Debug, Clone, PartialEq)]
pub struct FromSender {
    pub sender: ContactCode,
    /// The name of the contact with this code in the relationship, if there is one.
    pub contact_name: Option<String>,
    /// The current version of each item, newest share first, in the order it was shared.
    pub items: Vec<ReceivedItem>,
}

impl Shares<'_> {
    /// Opens a share with this vault's identity, or with `passphrase` for a share sealed
    /// to one. Checks everything [`super::open`] checks, with the last sequence already
    /// kept from the sender; writes nothing.
    pub fn open(
        &self,
        file: &[u8],
        passphrase: Option<&Passphrase>,
    ) -> Result<Opened, SharingError> {
        let identity: Option<Identity>;
        let with = match passphrase {
            Some(p) => OpenWith::Passphrase(p),
            None => {
                identity = self.existing_identity()?;
                // No identity yet: nothing was ever sealed to this vault.
                OpenWith::Identity(identity.as_ref().ok_or(ShareError::NotForYou)?)
            }
        };
        let mut failed = None;
        let share = open(file, with, |sender| match self.last_received(sender) {
            Ok(last) => last,
            Err(e) => {
                failed = Some(e);
                None
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        let share = share?;
        let preview = preview_text(share.items.iter().map(|k| &k.item));
        Ok(Opened { share, by_passphrase: passphrase.is_some(), preview })
    }

    fn last_received(&self, sender: &ContactCode) -> Result<Option<u64>, SharingError> {
        // The mark, not the shares still kept: deleting them must not reopen the door.
        let last: Option<i64> = self.conn.query_row(
            "SELECT max(last_sequence) FROM share_sender_mark WHERE sender = ?1",
            [sender.compact()],
            |r| r.get(0),
        )?;
        Ok(last.and_then(|l| u64::try_from(l).ok()))
    }

    /// Keeps an opened share under a relationship; returns the received share's id.
    pub fn accept(
        &self,
        opened: &Opened,
        relationship_id: i64,
        clock: &dyn Clock,
    ) -> Result<i64, SharingError> {
        let share = &opened.share;
        let sequence = i64::try_from(share.sequence).map_err(|_| ShareError::Damaged)?;
        let sender = share.sender.compact();
        atomically(self.conn, || {
            self.relationship_exists(relationship_id)?;
            match self.last_received(&share.sender)? {
                Some(last) if share.sequence < last => return Err(ShareError::Older.into()),
                Some(last) if share.sequence == last => {
                    return Err(ShareError::AlreadyReceived.into())
                }
                _ => {}
            }
            self.conn.execute(
                "INSERT INTO received_share
                    (relationship_id, sender, sequence, sent_at, received_at, by_passphrase)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    relationship_id,
                    sender,
                    sequence,
                    to_millis(share.created_at),
                    to_millis(clock.now()),
                    opened.by_passphrase
                ],
            )?;
            let share_id = self.conn.last_insert_rowid();
            self.conn.execute(
                "INSERT INTO share_sender_mark (relationship_id, sender, last_sequence)
                 VALUES (?1, ?2, ?3)
                 ON CONFLICT (relationship_id, sender)
                 DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)",
                params![relationship_id, sender, sequence],
            )?;
            let mut insert = self.conn.prepare_cached(
                "INSERT INTO received_item (share_id, position, kind, item_key, item)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (position, keyed) in share.items.iter().enumerate() {
                let json = serde_json::to_string(&keyed.item).map_err(|_| ShareError::Internal)?;
                insert.execute(params![
                    share_id,
                    position as i64,
                    keyed.item.kind(),
                    keyed.key.as_str(),
                    json
                ])?;
            }
            // Each current item from this sender in this relationship whose key came again
            // is replaced by the new version (kept, as history).
            self.conn.execute(
                "UPDATE received_item SET superseded_by =
                    (SELECT n.id FROM received_item n
                     WHERE n.share_id = ?1 AND n.item_key = received_item.item_key)
                 WHERE superseded_by IS NULL AND share_id != ?1
                   AND item_key IN (SELECT item_key FROM received_item WHERE share_id = ?1)
                   AND share_id IN (SELECT id FROM received_share
                                    WHERE relationship_id = ?2 AND sender = ?3)",
                params![share_id, relationship_id, sender],
            )?;
            Ok(share_id)
        })
    }

    /// Everything shared with the person in a relationship, by sender (the most recent
    /// sender first): each item's current version with its older ones.
    pub fn shared_with_me(&self, relationship_id: i64) -> Result<Vec<FromSender>, SharingError> {
        self.relationship_exists(relationship_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.share_id, s.sequence, s.sent_at, s.received_at, s.sender,
                    i.item_key, i.item, i.superseded_by
             FROM received_item i JOIN received_share s ON s.id = i.share_id
             WHERE s.relationship_id = ?1
             ORDER BY s.received_at DESC, s.sequence DESC, i.position",
        )?;
        struct Row {
            item: ReceivedItem,
            sender: String,
            superseded_by: Option<i64>,
        }
        let rows = stmt.query_map([relationship_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<i64>>(8)?,
            ))
        })?;
        let mut all = Vec::new();
        for row in rows {
            let (id, share_id, sequence, sent, received, sender, key, json, superseded_by) = row?;
            // Rows are written only from opened shares; one that no longer reads is left out.
            let Some(item) = item_from(id, share_id, sequence, sent, received, &key, &json) else {
                continue;
            };
            all.push(Row { item, sender, superseded_by });
        }
        // Each version by the one that replaced it, to walk an item's history back.
        let mut replaced: HashMap<i64, Vec<&ReceivedItem>> = HashMap::new();
        for row in &all {
            if let Some(by) = row.superseded_by {
                replaced.entry(by).or_default().push(&row.item);
            }
        }
        let names = self.contact_names(relationship_id)?;
        let mut out: Vec<FromSender> = Vec::new();
        for row in all.iter().filter(|r| r.superseded_by.is_none()) {
            let Ok(sender) = ContactCode::parse(&row.sender) else { continue };
            let mut item = row.item.clone();
            let mut stack = vec![item.id];
            while let Some(id) = stack.pop() {
                for older in replaced.get(&id).into_iter().flatten() {
                    item.older.push((*older).clone());
                    stack.push(older.id);
                }
            }
            item.older.sort_by_key(|o| std::cmp::Reverse(o.sequence));
            match out.iter_mut().find(|f| f.sender == sender) {
                Some(from) => from.items.push(item),
                None => out.push(FromSender {
                    contact_name: names.get(&row.sender).cloned(),
                    sender,
                    items: vec![item],
                }),
            }
        }
        Ok(out)
    }

    pub(super) fn contact_names(
        &self,
        relationship_id: i64,
    ) -> Result<HashMap<String, String>, SharingError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT code, name FROM share_contact WHERE relationship_id = ?1")?;
        let rows = stmt.query_map([relationship_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The current version of every commitment shared into a relationship, with who
    /// shared it: their own record, to show beside what the person observed.
    pub fn shared_commitments(
        &self,
        relationship_id: i64,
    ) -> Result<Vec<TheirCommitment>, SharingError> {
        let mut out = Vec::new();
        for from in self.shared_with_me(relationship_id)? {
            for item in from.items {
                if let SharedItem::Commitment(commitment) = item.item {
                    out.push(TheirCommitment {
                        sender: from.sender,
                        contact_name: from.contact_name.clone(),
                        item_id: item.id,
                        commitment,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Deletes a received share and its items. Versions its items had replaced become
    /// current again. The sender's mark stays: an older file from them is still refused.
    pub fn delete_received(&self, share_id: i64) -> Result<(), SharingError> {
        atomically(self.conn, || {
            self.conn.execute(
                "UPDATE received_item SET superseded_by =
                    (SELECT d.superseded_by FROM received_item d WHERE d.id = received_item.superseded_by)
                 WHERE superseded_by IN (SELECT id FROM received_item WHERE share_id = ?1)",
                [share_id],
            )?;
            match self.conn.execute("DELETE FROM received_share WHERE id = ?1", [share_id])? {
                0 => Err(SharingError::NotFound),
                _ => Ok(()),
            }
        })
    }
}

/// A commitment someone shared into a relationship, as their record of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TheirCommitment {
    pub sender: ContactCode,
    /// Their contact name in the relationship, if their code is a contact of it.
    pub contact_name: Option<String>,
    /// The received item (its current version).
    pub item_id: i64,
    pub commitment: SharedCommitment,
}

/// A received item from its stored columns; `None` for a row that no longer reads.
pub(super) fn item_from(
    id: i64,
    share_id: i64,
    sequence: i64,
    sent_at: i64,
    received_at: i64,
    key: &str,
    json: &str,
) -> Option<ReceivedItem> {
    Some(ReceivedItem {
        id,
        share_id,
        sequence: u64::try_from(sequence).ok()?,
        sent_at: from_millis(sent_at),
        received_at: from_millis(received_at),
        key: ItemKey::parse(key)?,
        item: serde_json::from_str(json).ok()?,
        older: Vec::new(),
    })
}
