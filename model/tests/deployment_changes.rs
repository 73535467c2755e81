//! The difference in deployments between two dates, over the committed data:
//! what `/api/deployments/changes` answers and the app's comparison shows.

mod support;

use model::api::{ChangedDeployment, DeploymentChanges};
use model::events::{Date, DeploymentStatus};
use support::dataset;

fn day(text: &str) -> Date {
    text.parse().expect("a date")
}

fn ids(list: &[ChangedDeployment]) -> Vec<&str> {
    list.iter().map(|c| c.id.as_str()).collect()
}

fn between(from: &str, to: &str) -> DeploymentChanges {
    DeploymentChanges::between(&dataset(), day(from), day(to))
}

#[test]
fn from_2015_to_2017_the_bastion_and_bal_systems_are_added() {
    let c = between("2015-01-01", "2017-01-01");
    let added = ids(&c.added);
    for id in ["bastion-etorofu", "bal-kunashiri"] {
        assert!(added.contains(&id), "{id} added: {added:?}");
        assert!(!ids(&c.withdrawn).contains(&id) && !ids(&c.changed).contains(&id));
    }
    let bastion = c
        .added
        .iter()
        .find(|d| d.id == "bastion-etorofu")
        .expect("listed");
    assert_eq!(bastion.status_from, None);
    assert_eq!(bastion.status_to, Some(DeploymentStatus::Active));
    assert_eq!(bastion.site.properties.status, DeploymentStatus::Active);
    // The announcement and the arrival, each with its events and sources.
    let dates: Vec<String> = bastion.changes.iter().map(|h| h.date.to_string()).collect();
    assert_eq!(dates, ["2016-03", "2016-11"]);
    for h in &bastion.changes {
        assert!(
            !h.events.is_empty() && !h.sources.is_empty(),
            "{} evidence",
            h.date
        );
    }
    assert_eq!(
        (c.from.as_str(), c.to.as_str()),
        ("2015-01-01", "2017-01-01")
    );
    // What stood on both days unchanged is in no list.
    let all: Vec<&str> = [&c.added, &c.withdrawn, &c.changed]
        .into_iter()
        .flat_map(|l| ids(l))
        .collect();
    assert!(!all.contains(&"yasny-airport"), "{all:?}");
}

#[test]
fn a_withdrawal_between_the_dates_is_listed_as_withdrawn_at_its_old_site() {
    let c = between("2021-06-01", "2024-01-01");
    let s300 = c
        .withdrawn
        .iter()
        .find(|d| d.id == "s-300v4-etorofu")
        .unwrap_or_else(|| panic!("withdrawn: {:?}", ids(&c.withdrawn)));
    assert_eq!(s300.status_to, Some(DeploymentStatus::Withdrawn));
    assert!(s300.status_from.is_some_and(DeploymentStatus::in_place));
    // Drawn with the status it had where it stood.
    assert!(s300.site.properties.status.in_place());
    let last = s300.changes.last().expect("the withdrawal is cited");
    assert_eq!(last.status, DeploymentStatus::Withdrawn);
    assert!(!last.events.is_empty());
    assert!(!ids(&c.added).contains(&"s-300v4-etorofu"));
}

#[test]
fn a_status_change_of_a_deployment_in_place_on_both_days_is_changed() {
    // The division's headquarters: active from 1978, reported from 2020.
    let c = between("2019-01-01", "2021-01-01");
    let hq = c
        .changed
        .iter()
        .find(|d| d.id == "mgad-18-hq")
        .unwrap_or_else(|| panic!("changed: {:?}", ids(&c.changed)));
    assert_eq!(hq.status_from, Some(DeploymentStatus::Active));
    assert_eq!(hq.status_to, Some(DeploymentStatus::Reported));
    assert!(
        hq.changes
            .iter()
            .any(|h| h.status == DeploymentStatus::Reported)
    );
    assert!(!ids(&c.added).contains(&"mgad-18-hq") && !ids(&c.withdrawn).contains(&"mgad-18-hq"));
}

#[test]
fn equal_dates_give_nothing() {
    for d in ["1945-09-02", "2016-11-30", "2024-01-01"] {
        let c = between(d, d);
        assert!(
            c.added.is_empty() && c.withdrawn.is_empty() && c.changed.is_empty(),
            "{d}: {c:?}"
        );
    }
}

#[test]
fn a_reversed_comparison_reads_backwards() {
    let forward = between("2015-01-01", "2017-01-01");
    let back = between("2017-01-01", "2015-01-01");
    assert_eq!(ids(&back.withdrawn), ids(&forward.added));
    assert_eq!(ids(&back.added), ids(&forward.withdrawn));
    let bal = back
        .withdrawn
        .iter()
        .find(|d| d.id == "bal-kunashiri")
        .expect("listed");
    assert_eq!(bal.status_from, Some(DeploymentStatus::Active));
    assert_eq!(bal.status_to, None);
    assert!(!bal.changes.is_empty(), "the same evidence either way");
}

#[cfg(feature = "mini")]
#[test]
fn the_apps_decoder_reads_the_answer_back() {
    use model::wire::decode;
    for (from, to) in [("2015-01-01", "2017-01-01"), ("2021-06-01", "2024-01-01")] {
        let c = between(from, to);
        let sent = serde_json::to_string(&c).expect("serialises");
        assert_eq!(decode::<DeploymentChanges>(&sent), Ok(c));
    }
}
