//! A comparison (`compare=`) on a figure, as the app draws it on the map
//! (`app/src/compare.rs`, styled by `assets/style.css`'s `.change-mark`):
//! each added or changed deployment ringed where its symbol is laid out,
//! each withdrawn one struck through at its old site, and the key's words
//! in the legend. Colour is never the only signal: a plus, a strike, a dot.

use std::fmt::Write;

use crate::api::{DeploymentChanges, DeploymentFeature};
use crate::events::{ChangeKind, Date};
use crate::i18n::{Arg, Catalogue};

/// Two days compared and what changed between them
/// (`DeploymentChanges::between(data, from, to)`).
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    pub from: Date,
    pub to: Date,
    pub changes: &'a DeploymentChanges,
}

impl Comparison<'_> {
    /// The deployments of one kind, in the answer's order.
    pub fn of(&self, kind: ChangeKind) -> &[crate::api::ChangedDeployment] {
        match kind {
            ChangeKind::Added => &self.changes.added,
            ChangeKind::Withdrawn => &self.changes.withdrawn,
            ChangeKind::Changed => &self.changes.changed,
        }
    }

    /// The withdrawn deployments at their old sites, laid out after the
    /// other symbols so that their marks cover none of them.
    pub fn withdrawn_sites(&self) -> Vec<DeploymentFeature> {
        self.changes
            .withdrawn
            .iter()
            .map(|d| d.site.clone())
            .collect()
    }

    /// "Changes between {from} and {to}", the figure's title.
    pub fn title(&self, c: &Catalogue) -> String {
        c.format("compare-title", &self.dates(c))
    }

    /// The key's words for a kind, with the two days.
    pub fn key_words(&self, kind: ChangeKind, c: &Catalogue) -> String {
        c.format(&format!("compare-key-{}", kind.name()), &self.dates(c))
    }

    fn dates(&self, c: &Catalogue) -> [(&'static str, Arg); 2] {
        [
            ("from", c.day_words(self.from).into()),
            ("to", c.day_words(self.to).into()),
        ]
    }
}

/// A change's mark centred at `(x, y)`, `scale` times the map's size;
/// `letter`, the category's, shown faintly on a withdrawn one (its symbol
/// is no longer drawn).
pub fn change_mark(
    svg: &mut String,
    kind: ChangeKind,
    (x, y): (f64, f64),
    scale: f64,
    letter: &str,
) {
    let _ = write!(
        svg,
        r#"<g class="change-mark {}" transform="translate({x:.1} {y:.1}) scale({scale})">"#,
        kind.name()
    );
    match kind {
        ChangeKind::Added => {
            svg.push_str(concat!(
                r##"<circle r="14" fill="none" stroke="#007a58" stroke-width="3"/>"##,
                r##"<circle cx="11" cy="-11" r="6" fill="#007a58" stroke="#ffffff" stroke-width="1.5"/>"##,
                r##"<path d="M7.5 -11H14.5M11 -14.5V-7.5" stroke="#ffffff" stroke-width="2.5"/>"##,
            ));
        }
        ChangeKind::Withdrawn => {
            let _ = write!(
                svg,
                concat!(
                    r##"<circle r="10" fill="#ffffff" fill-opacity="0.85" stroke="#555555" stroke-width="2" stroke-dasharray="3 2"/>"##,
                    r##"<text y="4" font-family="{}" font-size="12" font-weight="bold" text-anchor="middle" fill="#555555">{}</text>"##,
                    r##"<line x1="-9" y1="9" x2="9" y2="-9" stroke="#1d1d1b" stroke-width="2.5"/>"##,
                ),
                super::FONT_FAMILY,
                letter
            );
        }
        ChangeKind::Changed => {
            svg.push_str(concat!(
                r##"<circle r="14" fill="none" stroke="#b35c00" stroke-width="3" stroke-dasharray="5 3"/>"##,
                r##"<circle cx="11" cy="-11" r="6" fill="#b35c00" stroke="#ffffff" stroke-width="1.5"/>"##,
                r##"<circle cx="11" cy="-11" r="2" fill="#ffffff"/>"##,
            ));
        }
    }
    svg.push_str("</g>");
}
