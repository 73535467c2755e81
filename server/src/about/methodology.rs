//! `/methodology`'s body in one language: confidence, kinds of source,
//! languages, how records are checked, the evidence as loaded, how to
//! report an error, the data's licences.

use std::fmt::Write;

use model::events::evidence::EvidenceCounts;
use model::events::{Confidence, SourceKind};
use model::i18n::{Catalogue, Lang};
use model::og::escape;

use super::marked;

/// The page's body, the evidence counted from the data the server loaded.
pub fn body(c: &Catalogue, evidence: &EvidenceCounts) -> String {
    let t = |key: &str| escape(&c.text(key));
    let mut b = format!(
        "<h1>{}</h1>\n<p class=\"lede\">{}</p>\n",
        t("shell-methodology"),
        t("methodology-lede")
    );
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<dl class=\"terms\">\n{}{}</dl>",
        t("methodology-confidence"),
        term(
            c,
            Confidence::High.as_str(),
            &Confidence::High.label(c),
            &c.text("methodology-confidence-high")
        ),
        term(
            c,
            Confidence::Medium.as_str(),
            &Confidence::Medium.label(c),
            &c.text("methodology-confidence-medium")
        ),
    );
    let mut kinds = String::new();
    for &kind in SourceKind::ALL {
        let what = c.text(&format!("methodology-kind-{}", kind.as_str()));
        kinds.push_str(&term(c, kind.as_str(), &kind.label(c), &what));
    }
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p>{}</p>\n<dl class=\"terms\">\n{kinds}</dl>\n<p>{}</p>\n<p>{}</p>",
        t("methodology-kinds"),
        t("methodology-kinds-intro"),
        t("methodology-figures"),
        t("methodology-languages"),
    );
    let code = |s: &str| format!("<code>{}</code>", escape(s));
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p>{}</p>",
        t("methodology-checks"),
        marked(
            c,
            "methodology-checks-text",
            &[],
            &[("folder", code("geodata/"))]
        ),
    );
    b.push_str(&evidence_section(c, evidence));
    let api = format!("<a href=\"/api/openapi.json\">{}</a>", t("methodology-api"));
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p>{}</p>",
        t("methodology-report"),
        marked(c, "methodology-report-text", &[], &[("api", api)]),
    );
    let details = marked(
        c,
        "methodology-licence-details",
        &[],
        &[
            ("readme", code("geodata/README.md")),
            ("licence", code("geodata/LICENSE")),
        ],
    );
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<ul>\n<li>{}</li>\n<li>{}</li>\n<li>{}</li>\n</ul>\n<p>{details}</p>\n\
         <p><a href=\"{}\">{}</a></p>",
        t("methodology-licences"),
        t("methodology-licence-coasts"),
        t("methodology-licence-lines"),
        t("methodology-licence-ours"),
        crate::page_frame::localised("/about", c.lang()),
        t("shell-about"),
    );
    b
}

/// A term of a list: the data's value as code, its name in the page's
/// language where that differs, and what it means.
fn term(c: &Catalogue, code: &str, label: &str, what: &str) -> String {
    let named = if c.lang() == Lang::En || label == code {
        String::new()
    } else {
        format!(" {}", escape(label))
    };
    format!(
        "<dt><code>{}</code>{named}</dt><dd>{}</dd>\n",
        escape(code),
        escape(what)
    )
}

/// The evidence as it stands, counted from the data the server loaded.
fn evidence_section(c: &Catalogue, e: &EvidenceCounts) -> String {
    let lang = c.lang();
    let mut kinds = String::new();
    for (kind, n) in &e.sources_by_kind {
        let _ = write!(
            kinds,
            "<li><code>{}</code>{}: {}</li>",
            kind.as_str(),
            match lang {
                Lang::En => String::new(),
                _ => format!(" {}", escape(&kind.label(c))),
            },
            lang.number(*n as f64, 0)
        );
    }
    let text = c.format(
        "methodology-evidence-text",
        &[
            ("events", e.events.into()),
            ("two", e.two_or_more.into()),
            ("two-percent", e.percent(e.two_or_more).into()),
            ("single", e.single_source.into()),
            ("single-percent", e.percent(e.single_source).into()),
            ("weak", e.weak_only.into()),
            ("weak-percent", e.percent(e.weak_only).into()),
        ],
    );
    format!(
        "<h2>{}</h2>\n<p>{}</p>\n<ul class=\"counts\">{kinds}</ul>\n",
        escape(&c.text("methodology-evidence")),
        escape(&text),
    )
}
