//! What changed in the deployments between two dates: the ones put in
//! place (`added`), the ones gone (`withdrawn`) and the ones in place on
//! both days with another status (`changed`), each with the dated changes
//! that establish the difference.
//!
//! "In place" is [`Deployment::in_place_at`] and a change counts from the
//! day [`PartialDate::known_from`](super::PartialDate::known_from) gives,
//! as on the map; nothing here decides it a second way.

use super::date::Date;
#[cfg(feature = "loader")]
use super::load::Dataset;
use super::query::HistoryEntry;
use super::types::{Deployment, DeploymentStatus};

/// The list a deployment's difference between two dates falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// In place at the later date given as `to`, not at `from`.
    Added,
    /// In place at `from`, not at `to`.
    Withdrawn,
    /// In place at both, with a different status.
    Changed,
}

impl ChangeKind {
    /// The three, in the order the list of changes and the key show them.
    pub const ALL: [ChangeKind; 3] = [
        ChangeKind::Added,
        ChangeKind::Withdrawn,
        ChangeKind::Changed,
    ];

    /// Its name: the class of its marks and list, the suffix of its messages.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Withdrawn => "withdrawn",
            ChangeKind::Changed => "changed",
        }
    }

    /// The kind of difference between a deployment's status at `from` and
    /// at `to` (`None`: no change had taken effect yet); `None` when it is
    /// the same for the map (both out of place, or in place alike).
    pub fn between(from: Option<DeploymentStatus>, to: Option<DeploymentStatus>) -> Option<Self> {
        let placed = |s: Option<DeploymentStatus>| s.is_some_and(DeploymentStatus::in_place);
        match (placed(from), placed(to)) {
            (false, true) => Some(ChangeKind::Added),
            (true, false) => Some(ChangeKind::Withdrawn),
            (true, true) if from != to => Some(ChangeKind::Changed),
            _ => None,
        }
    }
}

/// One deployment's difference between two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentDiff<'a> {
    pub deployment: &'a Deployment,
    pub kind: ChangeKind,
    /// Its status at `from` (`None` before its first change).
    pub status_from: Option<DeploymentStatus>,
    /// Its status at `to`.
    pub status_to: Option<DeploymentStatus>,
    /// Its changes that take effect after the earlier of the two dates and
    /// on or before the later one, oldest first, with their evidence.
    pub changes: Vec<HistoryEntry>,
}

/// Whether a change dated `known_from` falls between the two dates: after
/// the earlier one, on or before the later one (in either order).
pub fn falls_between(known_from: Date, from: Date, to: Date) -> bool {
    let (early, late) = if from <= to { (from, to) } else { (to, from) };
    early < known_from && known_from <= late
}

#[cfg(feature = "loader")]
impl Dataset {
    /// Every deployment whose place on the map differs between `from` and
    /// `to`, in the data's order. `to` before `from` is no error: the state
    /// at `from` is still compared with the state at `to`, so what was put
    /// in place between them lists as withdrawn.
    pub fn deployment_changes(&self, from: Date, to: Date) -> Vec<DeploymentDiff<'_>> {
        self.deployments
            .iter()
            .filter_map(|d| {
                let (status_from, status_to) = (d.status_at(from), d.status_at(to));
                let kind = ChangeKind::between(status_from, status_to)?;
                let changes = d
                    .changes
                    .iter()
                    .filter(|c| falls_between(c.date.known_from(), from, to))
                    .map(|c| self.history_entry(d, c))
                    .collect();
                Some(DeploymentDiff {
                    deployment: d,
                    kind,
                    status_from,
                    status_to,
                    changes,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeploymentStatus::*;

    fn day(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn each_pair_of_statuses_lands_in_one_list_or_none() {
        assert_eq!(
            ChangeKind::between(None, Some(Active)),
            Some(ChangeKind::Added)
        );
        assert_eq!(
            ChangeKind::between(Some(Planned), Some(Reported)),
            Some(ChangeKind::Added)
        );
        assert_eq!(
            ChangeKind::between(Some(Active), Some(Withdrawn)),
            Some(ChangeKind::Withdrawn)
        );
        assert_eq!(
            ChangeKind::between(Some(Reported), None),
            Some(ChangeKind::Withdrawn)
        );
        assert_eq!(
            ChangeKind::between(Some(Active), Some(Reported)),
            Some(ChangeKind::Changed)
        );
        assert_eq!(ChangeKind::between(Some(Active), Some(Active)), None);
        assert_eq!(ChangeKind::between(Some(Planned), Some(Withdrawn)), None);
        assert_eq!(ChangeKind::between(None, None), None);
    }

    #[test]
    fn a_change_falls_between_after_the_earlier_date_up_to_the_later() {
        let (a, b) = (day("2015-01-01"), day("2017-01-01"));
        assert!(falls_between(day("2016-11-30"), a, b));
        assert!(falls_between(day("2017-01-01"), a, b));
        assert!(!falls_between(day("2015-01-01"), a, b));
        assert!(!falls_between(day("2017-01-02"), a, b));
        assert!(falls_between(day("2016-11-30"), b, a), "either order");
        assert!(!falls_between(day("2016-11-30"), a, a));
    }
}
