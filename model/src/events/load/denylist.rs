//! `[[denied]]`: domains no source may cite (content farms, mirrors,
//! republishing networks), each with the reason, kept in a reviewed file
//! (`geodata/events/denylist.toml`). Every source of every record is checked
//! against the list; a denied one is reported at its `url`.

use toml::Spanned;

use super::fields::Check;
use super::raw::{Parsed, RawSource};
use super::report::{DataError, Report};
use crate::events::evidence::host;

/// A domain no source may cite, and why.
#[derive(Debug, Clone)]
pub(super) struct Denied {
    domain: String,
    reason: String,
}

/// The reviewed list of domains no source may cite.
#[derive(Debug, Clone, Default)]
pub struct Denylist(Vec<Denied>);

impl Denylist {
    /// The denied domain that covers `url` (its host or a parent), and why.
    pub fn denying(&self, url: &str) -> Option<(&str, &str)> {
        denying(&self.0, url).map(|d| (d.domain.as_str(), d.reason.as_str()))
    }
}

/// The valid `[[denied]]` entries of all `files`.
pub(super) fn validate(files: &[Parsed], errors: &mut Vec<DataError>) -> Denylist {
    let mut denied: Vec<Denied> = Vec::new();
    for file in files {
        let mut report = Report::new(&file.src, errors);
        for (i, spanned) in file.raw.denied.iter().enumerate() {
            let span = file.src.item(spanned.span());
            let mut check = Check::new(&mut report, span, format!("denied[{i}]"));
            let raw = spanned.get_ref();
            check.non_empty("reason", &raw.reason);
            if !is_domain(&raw.domain) {
                check.error(
                    "domain",
                    format!("{:?} is not a lowercase domain such as example.com (no scheme, path or trailing dot)", raw.domain),
                );
            } else if denied.iter().any(|d| d.domain == raw.domain) {
                check.error("domain", format!("{:?} is listed twice", raw.domain));
            } else {
                denied.push(Denied {
                    domain: raw.domain.clone(),
                    reason: raw.reason.clone(),
                });
            }
        }
    }
    Denylist(denied)
}

fn is_domain(s: &str) -> bool {
    s.contains('.')
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// The entry that denies `url`: its host is the domain or a subdomain of it.
fn denying<'d>(denied: &'d [Denied], url: &str) -> Option<&'d Denied> {
    let host = host(url)?;
    denied.iter().find(|d| {
        host == d.domain
            || host
                .strip_suffix(d.domain.as_str())
                .is_some_and(|sub| sub.ends_with('.'))
    })
}

/// Every source of every event and annotation, against the list.
pub(super) fn check_sources(files: &[Parsed], denied: &Denylist, errors: &mut Vec<DataError>) {
    for file in files {
        let mut report = Report::new(&file.src, errors);
        let events = file.raw.events.iter().map(|e| &e.get_ref().sources);
        let annotations = file.raw.annotations.iter().map(|a| &a.get_ref().sources);
        let records = events
            .enumerate()
            .map(|(i, s)| (format!("events[{i}]"), s))
            .chain(
                annotations
                    .enumerate()
                    .map(|(i, s)| (format!("annotations[{i}]"), s)),
            );
        for (path, sources) in records {
            check_list(&mut report, &path, sources, &denied.0);
        }
    }
}

fn check_list(report: &mut Report, path: &str, sources: &[Spanned<RawSource>], denied: &[Denied]) {
    for (j, source) in sources.iter().enumerate() {
        let url = &source.get_ref().url;
        if let Some(d) = denying(denied, url) {
            let mut check = Check::new(report, source.span(), format!("{path}.sources[{j}]"));
            check.error(
                "url",
                format!(
                    "{} is on the denylist ({}); cite the original outlet",
                    d.domain, d.reason
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(domains: &[&str]) -> Vec<Denied> {
        domains
            .iter()
            .map(|d| Denied {
                domain: d.to_string(),
                reason: "mirror".into(),
            })
            .collect()
    }

    #[test]
    fn a_denied_domain_covers_its_subdomains_only() {
        let denied = list(&["news-pravda.com"]);
        assert!(denying(&denied, "https://germany.news-pravda.com/x").is_some());
        assert!(denying(&denied, "https://news-pravda.com/x").is_some());
        assert!(denying(&denied, "https://fakenews-pravda.com/x").is_none());
        assert!(denying(&denied, "https://tass.ru/x").is_none());
    }

    #[test]
    fn domains_are_written_bare() {
        assert!(is_domain("zxc.wiki"));
        assert!(!is_domain("https://zxc.wiki"));
        assert!(!is_domain("blog.goo.ne.jp."));
        assert!(!is_domain("Piglix.com"));
    }
}
