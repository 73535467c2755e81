//! How strong a record's evidence is: which kinds of source carry a `high`
//! event on their own, when two sources count as independent, and the
//! dataset's evidence counts (by source kind, single-source and weak-only
//! shares) that the methodology view and `cargo xtask evidence` report.
//!
//! ```
//! use model::events::{evidence, Source, SourceKind};
//! let source = |url: &str, outlet: &str, kind| Source {
//!     url: url.into(), outlet: outlet.into(), language: "en".into(),
//!     kind, title: None, published: None,
//! };
//! let wiki = source("https://en.wikipedia.org/wiki/Kuril_Islands", "Wikipedia", SourceKind::Reference);
//! let blog = source("https://example-blog.net/kurils", "A blog", SourceKind::Blog);
//! let kyodo = source("https://english.kyodonews.net/news/1", "Kyodo News", SourceKind::Wire);
//! assert!(!evidence::carries_high(&[wiki.clone()]));
//! assert!(evidence::carries_high(&[wiki.clone(), blog]));
//! assert!(evidence::carries_high(&[kyodo]));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use super::types::{Event, Source, SourceKind};

impl SourceKind {
    /// Publishers whose page can carry a `high` event alone: they answer for
    /// what they print (an official record, an editor, a research review).
    pub fn is_strong(self) -> bool {
        !self.is_weak()
    }

    /// Encyclopedias, blogs and republishers: useful beside a strong source,
    /// not instead of one.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            SourceKind::Reference | SourceKind::Blog | SourceKind::Aggregator
        )
    }
}

/// The host of an http(s) URL, lowercased, without `www.` or a port.
pub fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// How many independent outlets `sources` name: aggregators copy others, so
/// they do not count; two pages count once if they share an outlet name or
/// a host.
pub fn independent_outlets(sources: &[Source]) -> usize {
    let mut outlets = BTreeSet::new();
    let mut hosts = BTreeSet::new();
    let mut count = 0;
    for s in sources.iter().filter(|s| s.kind != SourceKind::Aggregator) {
        let outlet = s.outlet.trim().to_lowercase();
        let host = host(&s.url).unwrap_or_default();
        if !outlets.contains(&outlet) && !hosts.contains(&host) {
            count += 1;
        }
        outlets.insert(outlet);
        hosts.insert(host);
    }
    count
}

/// A `high` event needs a strong source, or two independent outlets.
pub fn carries_high(sources: &[Source]) -> bool {
    sources.iter().any(|s| s.kind.is_strong()) || independent_outlets(sources) >= 2
}

/// Every source is a mirror or republisher: the original is not cited.
pub fn only_aggregators(sources: &[Source]) -> bool {
    !sources.is_empty() && sources.iter().all(|s| s.kind == SourceKind::Aggregator)
}

/// The strongest kind among `sources` (the enum's order: official first).
pub fn best_kind(sources: &[Source]) -> Option<SourceKind> {
    sources.iter().map(|s| s.kind).min()
}

/// The dataset's evidence, counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceCounts {
    pub events: usize,
    /// Sources of each kind, over every event.
    pub sources_by_kind: BTreeMap<SourceKind, usize>,
    /// Events with one independent outlet (or none).
    pub single_source: usize,
    /// Events whose best source is a blog, encyclopedia or aggregator.
    pub weak_only: usize,
    /// Events with two or more independent outlets.
    pub two_or_more: usize,
}

impl EvidenceCounts {
    pub fn of(events: &[Event]) -> EvidenceCounts {
        let mut counts = EvidenceCounts {
            events: events.len(),
            ..EvidenceCounts::default()
        };
        for e in events {
            for kind in e.sources.iter().map(|s| s.kind) {
                *counts.sources_by_kind.entry(kind).or_default() += 1;
            }
            let outlets = independent_outlets(&e.sources);
            counts.single_source += usize::from(outlets <= 1);
            counts.two_or_more += usize::from(outlets >= 2);
            counts.weak_only += usize::from(best_kind(&e.sources).is_none_or(SourceKind::is_weak));
        }
        counts
    }

    /// `part` of the events, in whole percent.
    pub fn percent(&self, part: usize) -> usize {
        (part * 100).checked_div(self.events).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: &str, outlet: &str, kind: SourceKind) -> Source {
        Source {
            url: url.into(),
            outlet: outlet.into(),
            language: "en".into(),
            kind,
            title: None,
            published: None,
        }
    }

    #[test]
    fn hosts_drop_www_ports_and_case() {
        assert_eq!(
            host("https://WWW.Mofa.go.jp:443/a/b").as_deref(),
            Some("mofa.go.jp")
        );
        assert_eq!(host("ftp://mofa.go.jp"), None);
    }

    #[test]
    fn a_mirror_of_an_outlet_is_not_a_second_outlet() {
        let wiki = source(
            "https://en.wikipedia.org/wiki/X",
            "Wikipedia",
            SourceKind::Reference,
        );
        let mirror = source("https://piglix.com/w/X", "piglix", SourceKind::Aggregator);
        let same_outlet = source(
            "https://ja.wikipedia.org/wiki/X",
            "Wikipedia",
            SourceKind::Reference,
        );
        assert_eq!(independent_outlets(&[wiki.clone(), mirror.clone()]), 1);
        assert_eq!(independent_outlets(&[wiki.clone(), same_outlet]), 1);
        assert!(!carries_high(&[wiki.clone(), mirror.clone()]));
        assert!(only_aggregators(std::slice::from_ref(&mirror)));
        assert!(!only_aggregators(&[mirror, wiki]));
    }

    #[test]
    fn counts_say_how_many_events_rest_on_weak_sources() {
        let mut event: Event = serde_json::from_value(serde_json::json!({
            "id": "e", "added": "2026-01-05", "updated": "2026-02-01", "date": "2017", "precision": "year", "end": null, "kind": "visit",
            "title": "t", "summary": "s", "islands": [], "places": [], "points": [],
            "location": null, "sources": [], "confidence": "high", "confidence_note": null,
            "research": [], "excerpts": [], "text_lang": "en"
        }))
        .expect("an event");
        let blog = source("https://a.example/x", "A", SourceKind::Blog);
        let tass = source("https://tass.ru/x", "TASS", SourceKind::Wire);
        event.sources = vec![blog.clone()];
        let weak = event.clone();
        event.sources = vec![blog, tass];
        let counts = EvidenceCounts::of(&[weak, event]);
        assert_eq!(
            (counts.single_source, counts.two_or_more, counts.weak_only),
            (1, 1, 1)
        );
        assert_eq!(counts.percent(counts.weak_only), 50);
        assert_eq!(counts.sources_by_kind.get(&SourceKind::Blog), Some(&2));
    }
}
