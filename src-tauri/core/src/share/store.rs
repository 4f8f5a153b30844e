//! Sharing inside the vault: its one Mend identity, the contacts kept under each
//! relationship, and the sequence its shares carry. (Making a share is in `outgoing.rs`,
//! keeping received ones in `received.rs`: more methods of [`Shares`].)
//!
//! Invariants:
//! - The identity's seed is made on first use and lives only in `share_identity`, inside
//!   the encrypted database; nothing here writes it anywhere else or prints it.
//! - A contact's code is checked (the lenient [`ContactCode::parse`]) and kept in its
//!   compact form; the vault's own code is never a contact, and a code is a contact of a
//!   relationship at most once.
//! - Each sequence is taken once: [`Shares::take_sequence`] moves the counter on in the
//!   same transaction that reads it, so two shares never carry the same number.
use super::code::ContactCode;
use super::error::{CodeError, IdentityError, ShareError};
use super::identity::Identity;
use crate::error::ErrorKind;
use crate::relationships::Relationships;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, Utc};
use rand_core::CryptoRngCore;
use rusqlite::{params, Connection, OptionalExtension};

/// The longest name a contact may have, in characters.
pub const MAX_CONTACT_NAME_CHARS: usize = 80;

/// Why something about sharing was refused. Fixed sentences: none quotes a code, a name
/// or anything else a person typed or a file held.
#[derive(Debug, thiserror::Error)]
pub enum SharingError {
    #[error("that relationship no longer exists")]
    RelationshipNotFound,
    #[error("that no longer exists")]
    NotFound,
    #[error("{0}")]
    Code(#[from] CodeError),
    #[error("this is your own contact code: add the other person's code instead")]
    OwnCode,
    #[error("this contact code is already a contact of this relationship")]
    DuplicateContact,
    #[error("a contact needs a name (up to 80 characters)")]
    InvalidName,
    #[error(
        "sharing is off while this relationship is in own-safety mode. It can be turned back \
         on in the relationship's safety settings, if and when you choose; someone pressing \
         you to share is a warning sign"
    )]
    SafetyMode,
    #[error("one of the chosen items is not part of this relationship")]
    NotInRelationship,
    #[error("that step isn't on this relationship's checklist")]
    NotOnChecklist,
    #[error("writing from the own-safety steps is never shared")]
    Private,
    #[error("a note to share needs some words")]
    EmptyNote,
    #[error("{0}")]
    Identity(#[from] IdentityError),
    #[error("{0}")]
    Share(#[from] ShareError),
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

impl SharingError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::RelationshipNotFound | Self::NotFound => ErrorKind::NotFound,
            Self::Code(e) => e.kind(),
            Self::OwnCode => ErrorKind::InvalidInput { field: Some("code") },
            Self::DuplicateContact => ErrorKind::Conflict,
            Self::InvalidName => ErrorKind::InvalidInput { field: Some("name") },
            Self::SafetyMode | Self::NotInRelationship | Self::Private | Self::NotOnChecklist => {
                ErrorKind::INVALID
            }
            Self::EmptyNote => ErrorKind::InvalidInput { field: Some("note") },
            Self::Identity(e) => e.kind(),
            Self::Share(e) => e.kind(),
            Self::Storage(_) => ErrorKind::Io,
        }
    }
}

/// A person's contact code kept under a relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub id: i64,
    pub relationship_id: i64,
    pub name: String,
    pub code: ContactCode,
    pub added_at: DateTime<Utc>,
}

/// Sharing in one vault: see the module docs.
pub struct Shares<'a> {
    pub(super) conn: &'a Connection,
}

impl<'a> Shares<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    /// The vault's identity, made (from `rng`) and kept the first time it is asked for.
    pub fn identity(
        &self,
        rng: &mut impl CryptoRngCore,
        clock: &dyn Clock,
    ) -> Result<Identity, SharingError> {
        if let Some(identity) = self.existing_identity()? {
            return Ok(identity);
        }
        let identity = Identity::generate(rng)?;
        let bytes = identity.to_bytes();
        // Another connection may have made one meanwhile: keep whichever came first.
        self.conn.execute(
            "INSERT INTO share_identity (id, secret, created_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO NOTHING",
            params![bytes.as_slice(), to_millis(clock.now())],
        )?;
        self.existing_identity()?.ok_or(SharingError::NotFound)
    }

    /// The vault's identity if it has one yet; never makes one.
    pub fn existing_identity(&self) -> Result<Option<Identity>, SharingError> {
        let secret: Option<zeroize::Zeroizing<Vec<u8>>> = self
            .conn
            .query_row("SELECT secret FROM share_identity WHERE id = 1", [], |r| {
                r.get::<_, Vec<u8>>(0).map(zeroize::Zeroizing::new)
            })
            .optional()?;
        Ok(secret.map(|s| Identity::from_bytes(&s)).transpose()?)
    }

    /// This vault's contact code and its fingerprint, to give to someone (the identity
    /// is made if it does not exist yet).
    pub fn my_code(
        &self,
        rng: &mut impl CryptoRngCore,
        clock: &dyn Clock,
    ) -> Result<(ContactCode, String), SharingError> {
        let code = *self.identity(rng, clock)?.code();
        Ok((code, code.fingerprint()))
    }

    /// Takes the sequence for the next share and moves the counter on, so no other
    /// share is ever given it. Call it inside the transaction that seals the share.
    pub(super) fn take_sequence(&self) -> Result<u64, SharingError> {
        let next: i64 = self.conn.query_row(
            "UPDATE share_identity SET next_sequence = next_sequence + 1 WHERE id = 1
             RETURNING next_sequence - 1",
            [],
            |r| r.get(0),
        )?;
        u64::try_from(next).map_err(|_| SharingError::Share(ShareError::Internal))
    }

    /// The sequence the next share will carry (none before the identity exists).
    pub fn next_sequence(&self) -> Result<Option<u64>, SharingError> {
        let next: Option<i64> = self
            .conn
            .query_row("SELECT next_sequence FROM share_identity WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(next.and_then(|n| u64::try_from(n).ok()))
    }

    pub(super) fn relationship_exists(&self, relationship_id: i64) -> Result<(), SharingError> {
        match Relationships::new(self.conn).get(relationship_id) {
            Ok(_) => Ok(()),
            Err(crate::relationships::RelationshipError::Storage(e)) => Err(e.into()),
            Err(_) => Err(SharingError::RelationshipNotFound),
        }
    }

    /// Adds a contact to a relationship: `code` as typed or pasted (any case, spaces,
    /// dashes), `name` required. The vault's own code and a code already a contact of
    /// this relationship are refused.
    pub fn add_contact(
        &self,
        relationship_id: i64,
        name: &str,
        code: &str,
        clock: &dyn Clock,
    ) -> Result<Contact, SharingError> {
        self.relationship_exists(relationship_id)?;
        let name = contact_name(name)?;
        let code = ContactCode::parse(code)?;
        if let Some(me) = self.existing_identity()? {
            if *me.code() == code {
                return Err(SharingError::OwnCode);
            }
        }
        let now = clock.now();
        let added = self.conn.execute(
            "INSERT INTO share_contact (relationship_id, name, code, added_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (relationship_id, code) DO NOTHING",
            params![relationship_id, name, code.compact(), to_millis(now)],
        )?;
        if added == 0 {
            return Err(SharingError::DuplicateContact);
        }
        Ok(Contact {
            id: self.conn.last_insert_rowid(),
            relationship_id,
            name,
            code,
            added_at: from_millis(to_millis(now)),
        })
    }

    /// A relationship's contacts, in the order they were added.
    pub fn contacts(&self, relationship_id: i64) -> Result<Vec<Contact>, SharingError> {
        self.relationship_exists(relationship_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, code, added_at FROM share_contact
             WHERE relationship_id = ?1 ORDER BY added_at, id",
        )?;
        let rows = stmt.query_map([relationship_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, code, added_at) = row?;
            // Only parsed codes are written; one that no longer parses is left out.
            if let Ok(code) = ContactCode::parse(&code) {
                out.push(Contact {
                    id,
                    relationship_id,
                    name,
                    code,
                    added_at: from_millis(added_at),
                });
            }
        }
        Ok(out)
    }

    /// Renames a contact.
    pub fn rename_contact(&self, contact_id: i64, name: &str) -> Result<(), SharingError> {
        let name = contact_name(name)?;
        match self.conn.execute(
            "UPDATE share_contact SET name = ?2 WHERE id = ?1",
            params![contact_id, name],
        )? {
            0 => Err(SharingError::NotFound),
            _ => Ok(()),
        }
    }

    /// Removes a contact. Shares already received from that code stay.
    pub fn remove_contact(&self, contact_id: i64) -> Result<(), SharingError> {
        match self.conn.execute("DELETE FROM share_contact WHERE id = ?1", [contact_id])? {
            0 => Err(SharingError::NotFound),
            _ => Ok(()),
        }
    }
}

fn contact_name(name: &str) -> Result<String, SharingError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_CONTACT_NAME_CHARS {
        return Err(SharingError::InvalidName);
    }
    Ok(name.to_owned())
}
