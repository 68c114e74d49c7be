//! One change to a pilot being edited, as a plain function (tested natively): made onto the
//! pilot as stored at this moment, so that a change another tab made meanwhile to another
//! answer is kept — the last writer wins per answer, not per pilot — and stamped.

use crate::audit::Pilot;
use crate::error::AppError;

/// `mine` (the pilot the form shows) with `edit` made onto `stored` (the same pilot as
/// stored now, if it is: without storage, onto `mine`), stamped `now`.
pub fn edited(
    stored: Option<Pilot>,
    mine: Pilot,
    now: &str,
    edit: impl FnOnce(&mut Pilot),
) -> Pilot {
    let mut next = stored.filter(|s| s.id == mine.id).unwrap_or(mine);
    edit(&mut next);
    next.updated_at = now.to_string();
    next
}

/// What was typed written through `write` onto the pilot as [`edited`] makes it, or why it is
/// not a value (nothing to save then).
pub fn written(
    stored: Option<Pilot>,
    mine: Pilot,
    now: &str,
    write: impl FnOnce(&mut Pilot) -> Result<(), AppError>,
) -> Result<Pilot, AppError> {
    let mut result = Ok(());
    let next = edited(stored, mine, now, |p| result = write(p));
    result.map(|()| next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::examples::examples;
    use crate::audit::schema::Field;

    const NOW: &str = "2026-12-06T10:00:00Z";

    #[test]
    fn another_tabs_change_to_another_answer_is_kept() {
        let mine = examples()[0].clone();
        let mut stored = mine.clone();
        stored.name = "Renamed in another tab".to_string();
        let next = written(Some(stored), mine.clone(), NOW, |p| {
            Field::MonthlyVolume.spec().write(p, "1234")
        })
        .unwrap();
        assert_eq!(next.name, "Renamed in another tab");
        assert_eq!(next.task.monthly_volume, 1234.0);
        assert_eq!(next.updated_at, NOW);
        assert_ne!(mine.updated_at, NOW);
    }

    #[test]
    fn without_storage_or_another_pilot_stored_the_change_is_made_on_mine() {
        let mine = examples()[0].clone();
        let other = examples()[1].clone();
        for stored in [None, Some(other)] {
            let next = edited(stored, mine.clone(), NOW, |p| p.name = "Mine".to_string());
            assert_eq!(next.id, mine.id);
            assert_eq!(next.name, "Mine");
            assert_eq!(next.task, mine.task);
        }
    }

    #[test]
    fn text_that_is_not_a_value_changes_nothing_and_says_why() {
        let mine = examples()[0].clone();
        let why = written(None, mine, NOW, |p| {
            Field::MonthlyVolume.spec().write(p, "a lot")
        })
        .unwrap_err();
        assert!(matches!(why, AppError::NotAValue(_)), "{why:?}");
        assert!(!why.message().is_empty());
    }
}
