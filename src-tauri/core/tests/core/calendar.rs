//! Finding a day on a real vault: the month's marks in the person's time zone, the page
//! around a chosen day and the walk back toward the present, and "on this day".
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use mend_core::calendar::{parse_day, DayCount, Month};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::journal::{EntryMeta, TimelineFilter};
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog, OccurrenceStatus};
use mend_core::progress::checkins::CheckInInput;
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::{Repeat, Weekday};
use mend_core::vault::KdfParams;
use mend_core::{ErrorKind, FixedClock, Passphrase, Vault, VaultPaths};
use rand_core::OsRng;

const NEW_YORK: Tz = chrono_tz::America::New_York;
const AUCKLAND: Tz = chrono_tz::Pacific::Auckland;

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    let pass = Passphrase::new("quiet lantern over the harbour wall".into());
    let v = Vault::create_with(&paths, &pass, KdfParams::RFC9106_SECOND, &mut OsRng).unwrap();
    (dir, v)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn utc(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, day, h, min, 0).unwrap()
}

fn relationship(v: &Vault, name: &str, role: Role) -> i64 {
    let c = FixedClock::new(utc(2026, 10, 1, 9, 0));
    let input = RelationshipInput {
        name: name.into(),
        role,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Care,
        setting: None,
        power: None,
    };
    v.relationships().create(&input, &c).unwrap().id
}

/// An entry written at `at`, linked to `relationship` if one is given.
fn write(v: &Vault, body: &str, at: DateTime<Utc>, relationship: Option<i64>) -> i64 {
    let c = FixedClock::new(at);
    let meta = EntryMeta { relationship_id: relationship, ..EntryMeta::default() };
    v.journal().create_with(body, &meta, &c).unwrap().id
}

fn days(list: &[DayCount]) -> Vec<(u32, u32)> {
    use chrono::Datelike;
    list.iter().map(|d| (d.on.day(), d.count)).collect()
}

fn all() -> TimelineFilter {
    TimelineFilter::default()
}

fn only(id: i64) -> TimelineFilter {
    TimelineFilter { relationship_id: Some(id) }
}

#[test]
fn a_months_entry_days_are_the_local_days_they_were_written_on() {
    let (_d, v) = vault();
    // 22:00 on 28 February in New York, already 1 March in UTC.
    write(&v, "late in February", utc(2026, 3, 1, 3, 0), None);
    // 01:30 on 8 March, the night New York springs forward.
    write(&v, "the night the clocks change", utc(2026, 3, 8, 6, 30), None);
    // Two on 31 March in New York; the second is 1 April in UTC.
    write(&v, "evening", utc(2026, 3, 31, 23, 30), None);
    write(&v, "late evening", utc(2026, 4, 1, 3, 30), None);
    let cal = v.calendar();

    let march = cal.month(all(), Month::new(2026, 3).unwrap(), NEW_YORK, d(2026, 12, 5)).unwrap();
    assert_eq!((march.year, march.month, march.today), (2026, 3, d(2026, 12, 5)));
    assert_eq!(days(&march.entries), vec![(8, 1), (31, 2)]);
    assert!(march.check_ins.is_empty() && march.commitments.is_empty());
    let feb = cal.month(all(), Month::new(2026, 2).unwrap(), NEW_YORK, d(2026, 12, 5)).unwrap();
    assert_eq!(days(&feb.entries), vec![(28, 1)]);

    let march_utc =
        cal.month(all(), Month::new(2026, 3).unwrap(), Tz::UTC, d(2026, 12, 5)).unwrap();
    assert_eq!(days(&march_utc.entries), vec![(1, 1), (8, 1), (31, 1)]);
    let april_utc =
        cal.month(all(), Month::new(2026, 4).unwrap(), Tz::UTC, d(2026, 12, 5)).unwrap();
    assert_eq!(days(&april_utc.entries), vec![(1, 1)]);
    let empty = cal.month(all(), Month::new(2026, 5).unwrap(), NEW_YORK, d(2026, 12, 5)).unwrap();
    assert!(empty.entries.is_empty());
    // December runs into the next year's January.
    write(&v, "new year's eve", utc(2026, 12, 31, 23, 0), None);
    let december =
        cal.month(all(), Month::new(2026, 12).unwrap(), Tz::UTC, d(2026, 12, 5)).unwrap();
    assert_eq!(days(&december.entries), vec![(31, 1)]);
}

#[test]
fn a_relationships_month_marks_its_entries_check_ins_and_logged_commitments() {
    let (_d, v) = vault();
    let sam = relationship(&v, "Sam", Role::Decider);
    let alex = relationship(&v, "Alex", Role::Decider);
    let c = FixedClock::new(utc(2026, 11, 20, 18, 0));
    let today = d(2026, 11, 20);
    let check_in = |rel, on: &str, answers: &[(&str, u8)], trust| {
        let input = CheckInInput {
            on: on.into(),
            answers: answers.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect(),
            trust_level: trust,
            note: String::new(),
        };
        v.progress().save_check_in(rel, &input, today, &c).unwrap();
    };
    check_in(sam, "2026-11-01", &[("able-skills", 3)], None);
    check_in(sam, "2026-11-03", &[], Some(6)); // a trust level alone is a check-in too
    check_in(sam, "2026-10-31", &[("able-skills", 3)], None); // another month
    check_in(alex, "2026-11-05", &[], Some(2)); // another relationship
    let weekly = CommitmentInput {
        owner: CommitmentOwner::Them,
        promise: "Call on Monday and Thursday evenings".into(),
        repeat: Repeat::Weekly { days: vec![Weekday::Mo, Weekday::Th] },
        starts_on: "2026-11-02".into(),
        ends_on: None,
        kept_looks_like: "We spoke for at least ten minutes".into(),
        due_time: None,
        remind: false,
        show_details: false,
    };
    let call = v.commitments().create(sam, &weekly, &c).unwrap();
    let other = v.commitments().create(sam, &weekly, &c).unwrap();
    let log = |id, due: &str, status| {
        let entry = OccurrenceLog { due_on: due.into(), status, note: String::new() };
        v.commitments().log(id, &entry, today, &c).unwrap();
    };
    log(call.id, "2026-11-02", OccurrenceStatus::Kept);
    log(other.id, "2026-11-02", OccurrenceStatus::Missed);
    log(call.id, "2026-11-05", OccurrenceStatus::Partly);
    write(&v, "about Sam", utc(2026, 11, 4, 12, 0), Some(sam));
    write(&v, "about nobody", utc(2026, 11, 6, 12, 0), None);

    let nov = Month::new(2026, 11).unwrap();
    let marks = v.calendar().month(only(sam), nov, Tz::UTC, d(2026, 12, 5)).unwrap();
    assert_eq!(marks.check_ins, vec![d(2026, 11, 1), d(2026, 11, 3)]);
    assert_eq!(days(&marks.commitments), vec![(2, 2), (5, 1)]);
    assert_eq!(days(&marks.entries), vec![(4, 1)], "only the relationship's entries");
    let journal = v.calendar().month(all(), nov, Tz::UTC, d(2026, 12, 5)).unwrap();
    assert_eq!(days(&journal.entries), vec![(4, 1), (6, 1)]);

    let gone = v.calendar().month(only(9999), nov, Tz::UTC, d(2026, 12, 5)).unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}

#[test]
fn impossible_months_and_days_are_refused_with_the_field_at_fault() {
    for (year, month, field) in
        [(2026, 13, "month"), (2026, 0, "month"), (0, 5, "year"), (10_000, 1, "year")]
    {
        let e = Month::new(year, month).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput { field: Some(field) }, "{year}-{month}");
    }
    assert_eq!(
        Month::new(2026, 13).unwrap_err().to_string(),
        "that month doesn't exist: months run from 1 (January) to 12 (December)"
    );
    for text in ["2026-02-30", "2026-13-01", "31/01/2026", "", "0000-01-01"] {
        let e = parse_day(text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput { field: Some("on") }, "{text:?}");
    }
    assert_eq!(parse_day("2028-02-29").unwrap(), d(2028, 2, 29));
}

#[test]
fn a_jump_shows_the_day_and_what_came_before_then_walks_forward_to_the_present() {
    let (_d, v) = vault();
    let first = utc(2026, 1, 1, 12, 0);
    let ids: Vec<i64> =
        (0..120).map(|i| write(&v, &format!("day {i}"), first + Duration::days(i), None)).collect();
    let cal = v.calendar();

    // Day 80 is 22 March: its entry first, then 49 older ones.
    let page = cal.day_page(all(), d(2026, 3, 22), Tz::UTC, 50).unwrap();
    assert_eq!(page.on, d(2026, 3, 22));
    assert_eq!(page.on_the_day, 1);
    let shown: Vec<i64> = page.entries.iter().map(|e| e.id).collect();
    assert_eq!(shown, ids[31..=80].iter().rev().copied().collect::<Vec<_>>());
    let older = v.journal().timeline(page.next, 50).unwrap();
    assert_eq!(older.entries[0].id, ids[30], "the older page follows on without a gap");

    // Toward the present, oldest first, a page at a time, until the newest.
    let mut forward = Vec::new();
    let mut from = page.newer;
    let mut pages = 0;
    while let Some(cursor) = from {
        let newer = v.journal().timeline_newer(all(), cursor, 20).unwrap();
        forward.extend(newer.entries.iter().map(|e| e.id));
        from = newer.next;
        pages += 1;
    }
    assert_eq!(forward, ids[81..].to_vec(), "every newer entry once, in order");
    assert_eq!(pages, 2);

    // A day with nothing on it shows what came before and says so.
    let v2 = vault();
    let gap = write(&v2.1, "before the gap", utc(2026, 6, 1, 9, 0), None);
    let after = write(&v2.1, "after the gap", utc(2026, 6, 20, 9, 0), None);
    let quiet = v2.1.calendar().day_page(all(), d(2026, 6, 10), Tz::UTC, 50).unwrap();
    assert_eq!(quiet.on_the_day, 0);
    assert_eq!(quiet.entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![gap]);
    let newer = v2.1.journal().timeline_newer(all(), quiet.newer.unwrap(), 50).unwrap();
    assert_eq!(newer.entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![after]);
    assert_eq!(newer.next, None);

    // Before the first entry: nothing older, everything newer.
    let early = v2.1.calendar().day_page(all(), d(2020, 1, 1), Tz::UTC, 50).unwrap();
    assert!(early.entries.is_empty() && early.next.is_none());
    let all_of_it = v2.1.journal().timeline_newer(all(), early.newer.unwrap(), 50).unwrap();
    assert_eq!(all_of_it.entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![gap, after]);
    // After the last: nothing newer to walk to.
    let late = v2.1.calendar().day_page(all(), d(2026, 7, 1), Tz::UTC, 50).unwrap();
    assert_eq!(late.newer, None);
    assert_eq!(late.entries.len(), 2);
}

#[test]
fn a_jump_keeps_to_the_local_day_and_to_the_relationship() {
    let (_d, v) = vault();
    let sam = relationship(&v, "Sam", Role::Repairer);
    // 11:30 on 2 March in Auckland is 22:30 on 1 March in UTC.
    let theirs = write(&v, "Sam, morning", utc(2026, 3, 1, 22, 30), Some(sam));
    let free = write(&v, "a free entry", utc(2026, 3, 1, 23, 0), None);
    let next_day = write(&v, "Sam, next day", utc(2026, 3, 3, 0, 0), Some(sam));

    let in_auckland = v.calendar().day_page(all(), d(2026, 3, 1), AUCKLAND, 50).unwrap();
    assert!(in_auckland.entries.is_empty(), "both were written on 2 March there");
    let page = v.calendar().day_page(only(sam), d(2026, 3, 2), AUCKLAND, 50).unwrap();
    assert_eq!(page.entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![theirs]);
    assert_eq!(page.on_the_day, 1);
    let newer = v.journal().timeline_newer(only(sam), page.newer.unwrap(), 50).unwrap();
    assert_eq!(newer.entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![next_day]);
    let everyone = v.calendar().day_page(all(), d(2026, 3, 2), AUCKLAND, 50).unwrap();
    assert_eq!(everyone.entries.iter().map(|e| e.id).collect::<Vec<_>>(), vec![free, theirs]);
    assert_eq!(everyone.on_the_day, 2);
}

fn memories(v: &Vault, filter: TimelineFilter, today: NaiveDate, tz: Tz) -> Vec<i64> {
    v.calendar().on_this_day(filter, today, tz).unwrap().memories.iter().map(|m| m.id).collect()
}

#[test]
fn on_this_day_is_off_until_turned_on_and_lists_earlier_years_newest_first() {
    let (_d, v) = vault();
    let y2024 = write(&v, "# Two years ago\nwe talked", utc(2024, 6, 15, 10, 0), None);
    let y2025 = write(&v, "a year ago", utc(2025, 6, 15, 20, 0), None);
    write(&v, "the day after", utc(2025, 6, 16, 10, 0), None);
    write(&v, "this morning", utc(2026, 6, 15, 8, 0), None);
    let today = d(2026, 6, 15);

    let off = v.calendar().on_this_day(all(), today, Tz::UTC).unwrap();
    assert!(!off.enabled && off.memories.is_empty(), "off by default");

    v.calendar().set_on_this_day_enabled(true).unwrap();
    let on = v.calendar().on_this_day(all(), today, Tz::UTC).unwrap();
    assert!(on.enabled);
    assert_eq!(on.memories.iter().map(|m| m.id).collect::<Vec<_>>(), vec![y2025, y2024]);
    assert_eq!(on.memories[1].years_ago, 2);
    assert_eq!(on.memories[1].on, d(2024, 6, 15));
    assert_eq!(on.memories[1].excerpt, "Two years ago");
    // 20:00 UTC on 15 June is 16 June in Auckland.
    assert_eq!(memories(&v, all(), today, AUCKLAND), vec![y2024]);

    v.calendar().set_on_this_day_enabled(false).unwrap();
    assert!(memories(&v, all(), today, Tz::UTC).is_empty());
}

#[test]
fn on_the_28th_of_february_of_a_common_year_the_29ths_of_leap_years_are_shown_too() {
    let (_d, v) = vault();
    v.calendar().set_on_this_day_enabled(true).unwrap();
    let leap_day = write(&v, "leap day", utc(2024, 2, 29, 12, 0), None);
    let feb28_2024 = write(&v, "the day before", utc(2024, 2, 28, 12, 0), None);
    let feb28_2025 = write(&v, "a common 28th", utc(2025, 2, 28, 12, 0), None);
    write(&v, "first of March", utc(2025, 3, 1, 12, 0), None);

    // 2027 has no 29 February: its 28th shows both.
    assert_eq!(
        memories(&v, all(), d(2027, 2, 28), Tz::UTC),
        vec![feb28_2025, leap_day, feb28_2024]
    );
    assert!(memories(&v, all(), d(2027, 3, 1), Tz::UTC).len() == 1, "1 March stays its own day");
    // 2028 has its own: the 28th shows 28ths, the 29th shows earlier 29ths.
    assert_eq!(memories(&v, all(), d(2028, 2, 28), Tz::UTC), vec![feb28_2025, feb28_2024]);
    assert_eq!(memories(&v, all(), d(2028, 2, 29), Tz::UTC), vec![leap_day]);
}

#[test]
fn on_this_day_can_be_turned_off_for_one_relationship() {
    let (_d, v) = vault();
    let sam = relationship(&v, "Sam", Role::Decider);
    let alex = relationship(&v, "Alex", Role::Decider);
    v.calendar().set_on_this_day_enabled(true).unwrap();
    let about_sam = write(&v, "the day it came out", utc(2025, 9, 9, 12, 0), Some(sam));
    let about_alex = write(&v, "coffee with Alex", utc(2025, 9, 9, 13, 0), Some(alex));
    let free = write(&v, "a walk", utc(2025, 9, 9, 14, 0), None);
    let today = d(2026, 9, 9);
    assert_eq!(memories(&v, all(), today, Tz::UTC), vec![free, about_alex, about_sam]);
    assert_eq!(memories(&v, only(sam), today, Tz::UTC), vec![about_sam]);

    v.calendar().set_on_this_day_hidden(sam, true).unwrap();
    assert_eq!(memories(&v, all(), today, Tz::UTC), vec![free, about_alex]);
    let sams_page = v.calendar().on_this_day(only(sam), today, Tz::UTC).unwrap();
    assert!(sams_page.hidden_here && sams_page.memories.is_empty());
    assert_eq!(memories(&v, only(alex), today, Tz::UTC), vec![about_alex]);

    v.calendar().set_on_this_day_hidden(sam, false).unwrap();
    assert_eq!(memories(&v, all(), today, Tz::UTC).len(), 3);

    // The choice goes with the relationship; its entries stay, as free entries.
    v.calendar().set_on_this_day_hidden(sam, true).unwrap();
    v.relationships().delete(sam).unwrap();
    let left: i64 = v
        .connection()
        .query_row("SELECT count(*) FROM setting WHERE key LIKE 'onThisDay.hidden.%'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(memories(&v, all(), today, Tz::UTC), vec![free, about_alex, about_sam]);
    assert_eq!(
        v.calendar().set_on_this_day_hidden(sam, true).unwrap_err().kind(),
        ErrorKind::NotFound
    );
}
