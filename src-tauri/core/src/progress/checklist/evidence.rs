//! Evidence on a checklist step: linking and unlinking entries, events and logged
//! occurrences of the same relationship, the links a step shows, and the candidates
//! offered for it.
use super::*;

impl Progress<'_> {
    /// Links evidence to a step. It must belong to the same relationship; linking the
    /// same thing twice keeps one link.
    pub fn link_evidence(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        target: &EvidenceTarget,
        clock: &dyn Clock,
    ) -> Result<(), ProgressError> {
        let role = self.role(relationship_id)?;
        checked_step(role, framework_id, step_id)?;
        let belongs: Option<i64> = match (target.kind, target) {
            (EvidenceKind::Entry, EvidenceTarget { entry_id: Some(id), .. }) => self
                .conn()
                .query_row(
                    "SELECT 1 FROM entry WHERE id = ?1 AND relationship_id = ?2",
                    params![id, relationship_id],
                    |r| r.get(0),
                )
                .optional()?,
            (EvidenceKind::Event, EvidenceTarget { event_id: Some(id), .. }) => self
                .conn()
                .query_row(
                    "SELECT 1 FROM relationship_event WHERE id = ?1 AND relationship_id = ?2",
                    params![id, relationship_id],
                    |r| r.get(0),
                )
                .optional()?,
            (
                EvidenceKind::Occurrence,
                EvidenceTarget { commitment_id: Some(id), due_on: Some(on), .. },
            ) => self
                .conn()
                .query_row(
                    "SELECT 1 FROM occurrence o JOIN commitment c ON c.id = o.commitment_id
                     WHERE o.commitment_id = ?1 AND o.due_on = ?2 AND c.relationship_id = ?3",
                    params![id, on.to_string(), relationship_id],
                    |r| r.get(0),
                )
                .optional()?,
            _ => None,
        };
        if belongs.is_none() {
            return Err(ProgressError::Invalid(
                "that evidence isn't part of this relationship any more",
            ));
        }
        let (entry, event, commitment, due) = match target.kind {
            EvidenceKind::Entry => (target.entry_id, None, None, None),
            EvidenceKind::Event => (None, target.event_id, None, None),
            EvidenceKind::Occurrence => {
                (None, None, target.commitment_id, target.due_on.map(|d| d.to_string()))
            }
        };
        self.conn().execute(
            "INSERT OR IGNORE INTO step_evidence
                (relationship_id, framework_id, step_id, entry_id, event_id, commitment_id, due_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![relationship_id, framework_id, step_id, entry, event, commitment, due, to_millis(clock.now())],
        )?;
        Ok(())
    }

    pub fn unlink_evidence(&self, link_id: i64) -> Result<(), ProgressError> {
        match self.conn().execute("DELETE FROM step_evidence WHERE id = ?1", [link_id])? {
            0 => Err(ProgressError::NotFound),
            _ => Ok(()),
        }
    }

    pub(super) fn linked(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        local_day: LocalDay<'_>,
    ) -> Result<Vec<EvidenceView>, ProgressError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.id, l.entry_id, e.created_at, e.body, e.framework_id = l.framework_id AND e.step_id = l.step_id,
                    l.event_id, ev.kind, ev.occurred_on, ev.note,
                    l.commitment_id, l.due_on, o.status, c.promise
             FROM step_evidence l
             LEFT JOIN entry e ON e.id = l.entry_id
             LEFT JOIN relationship_event ev ON ev.id = l.event_id
             LEFT JOIN occurrence o ON o.commitment_id = l.commitment_id AND o.due_on = l.due_on
             LEFT JOIN commitment c ON c.id = l.commitment_id
             WHERE l.relationship_id = ?1 AND l.framework_id = ?2 AND l.step_id = ?3",
        )?;
        let rows = stmt.query_map(params![relationship_id, framework_id, step_id], |r| {
            let link: i64 = r.get(0)?;
            if let Some(entry_id) = r.get::<_, Option<i64>>(1)? {
                let created: i64 = r.get(2)?;
                let body: String = r.get(3)?;
                return Ok(Some(EvidenceView {
                    link_id: Some(link),
                    target: entry_target(entry_id),
                    on: local_day(from_millis(created)),
                    text: excerpt(&body, EXCERPT_CHARS),
                    event_kind: None,
                    occurrence_status: None,
                    answers_step: r.get::<_, Option<bool>>(4)?.unwrap_or(false),
                }));
            }
            if let Some(event_id) = r.get::<_, Option<i64>>(5)? {
                let kind: String = r.get(6)?;
                let on: String = r.get(7)?;
                return Ok(Some(event_view(Some(link), event_id, &kind, &on, r.get(8)?)));
            }
            let (Some(cid), Some(due)) =
                (r.get::<_, Option<i64>>(9)?, r.get::<_, Option<String>>(10)?)
            else {
                return Ok(None);
            };
            let status: Option<String> = r.get(11)?;
            Ok(occurrence_view(Some(link), cid, &due, status.as_deref(), r.get(12)?))
        })?;
        let mut out: Vec<EvidenceView> =
            rows.filter_map(|r| r.transpose()).collect::<Result<_, _>>()?;
        out.sort_by(|a, b| a.on.cmp(&b.on).then(a.link_id.cmp(&b.link_id)));
        Ok(out)
    }

    /// What could be linked to a step: the relationship's entries (those answering the
    /// step first), its events, and its logged occurrences; newest first, already-linked
    /// ones left out.
    pub fn evidence_candidates(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        local_day: LocalDay<'_>,
    ) -> Result<Vec<EvidenceView>, ProgressError> {
        let role = self.role(relationship_id)?;
        checked_step(role, framework_id, step_id)?;
        let linked = self.linked(relationship_id, framework_id, step_id, local_day)?;
        let taken = |t: &EvidenceTarget| linked.iter().any(|l| &l.target == t);
        let mut out = Vec::new();

        let mut stmt = self.conn().prepare_cached(
            "SELECT id, created_at, body, framework_id IS ?2 AND step_id IS ?3 AS answers FROM entry
             WHERE relationship_id = ?1 ORDER BY answers DESC, created_at DESC, id DESC LIMIT ?4",
        )?;
        let rows =
            stmt.query_map(params![relationship_id, framework_id, step_id, MAX_CANDIDATES], |r| {
                Ok(EvidenceView {
                    link_id: None,
                    target: entry_target(r.get(0)?),
                    on: local_day(from_millis(r.get(1)?)),
                    text: excerpt(&r.get::<_, String>(2)?, EXCERPT_CHARS),
                    event_kind: None,
                    occurrence_status: None,
                    answers_step: r.get(3)?,
                })
            })?;
        for v in rows {
            let v = v?;
            if !taken(&v.target) {
                out.push(v);
            }
        }

        let mut stmt = self.conn().prepare_cached(
            "SELECT id, kind, occurred_on, note FROM relationship_event
             WHERE relationship_id = ?1 ORDER BY occurred_on DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![relationship_id, MAX_CANDIDATES], |r| {
            Ok(event_view(
                None,
                r.get(0)?,
                &r.get::<_, String>(1)?,
                &r.get::<_, String>(2)?,
                r.get(3)?,
            ))
        })?;
        for v in rows {
            let v = v?;
            if !taken(&v.target) {
                out.push(v);
            }
        }

        let mut stmt = self.conn().prepare_cached(
            "SELECT o.commitment_id, o.due_on, o.status, c.promise
             FROM occurrence o JOIN commitment c ON c.id = o.commitment_id
             WHERE c.relationship_id = ?1 ORDER BY o.due_on DESC, o.commitment_id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![relationship_id, MAX_CANDIDATES], |r| {
            let status: String = r.get(2)?;
            Ok(occurrence_view(None, r.get(0)?, &r.get::<_, String>(1)?, Some(&status), r.get(3)?))
        })?;
        for v in rows {
            if let Some(v) = v? {
                if !taken(&v.target) {
                    out.push(v);
                }
            }
        }
        Ok(out)
    }
}

fn entry_target(id: i64) -> EvidenceTarget {
    EvidenceTarget {
        kind: EvidenceKind::Entry,
        entry_id: Some(id),
        event_id: None,
        commitment_id: None,
        due_on: None,
    }
}

fn event_view(link: Option<i64>, id: i64, kind: &str, on: &str, note: String) -> EvidenceView {
    EvidenceView {
        link_id: link,
        target: EvidenceTarget {
            kind: EvidenceKind::Event,
            entry_id: None,
            event_id: Some(id),
            commitment_id: None,
            due_on: None,
        },
        on: dates::parse(on).unwrap_or_default(),
        text: excerpt(&note, EXCERPT_CHARS),
        event_kind: Some(EventKind::parse(kind)),
        occurrence_status: None,
        answers_step: false,
    }
}

fn occurrence_view(
    link: Option<i64>,
    commitment_id: i64,
    due: &str,
    status: Option<&str>,
    promise: Option<String>,
) -> Option<EvidenceView> {
    let on = dates::parse(due).ok()?;
    Some(EvidenceView {
        link_id: link,
        target: EvidenceTarget {
            kind: EvidenceKind::Occurrence,
            entry_id: None,
            event_id: None,
            commitment_id: Some(commitment_id),
            due_on: Some(on),
        },
        on,
        text: excerpt(&promise.unwrap_or_default(), EXCERPT_CHARS),
        event_kind: None,
        occurrence_status: status.and_then(OccurrenceStatus::parse),
        answers_step: false,
    })
}
