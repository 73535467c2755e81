//! `/about`'s body in one language: the lede, then each government's
//! position side by side (summary, arguments with their sources,
//! statements verbatim with our translation), `{id}` named both ways in the
//! language's script.

use std::collections::BTreeMap;
use std::fmt::Write;

use model::events::Source;
use model::i18n::{Catalogue, Lang};
use model::names::{Forms, NameStyle, Naming};
use model::og::escape;
use model::positions::{Government, Position, Positions, Statement};

use crate::page_frame::{localised, source};

/// How the page writes text: the catalogue's language, both names.
struct Words<'a> {
    c: &'a Catalogue,
    naming: Naming,
    names: &'a BTreeMap<String, Forms>,
}

impl Words<'_> {
    /// `text` with its `{id}` named, escaped.
    fn text(&self, text: &str) -> String {
        escape(&self.naming.render(text, |id| self.names.get(id)))
    }
}

/// The page's body: `positions` already in `c`'s language.
pub fn body(c: &Catalogue, positions: &Positions, names: &BTreeMap<String, Forms>) -> String {
    let w = Words {
        c,
        naming: Naming::new(c.lang(), NameStyle::Both),
        names,
    };
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"lede\">{}</p>\n",
        escape(&c.text("shell-about")),
        escape(&c.text("about-lede"))
    );
    if c.lang() != Lang::En {
        let _ = writeln!(
            body,
            "<p class=\"translated\">{}</p>",
            escape(&c.text("about-translated"))
        );
    }
    body.push_str("<div class=\"sides\">\n");
    for government in Government::ALL {
        if let Some(p) = positions.of(government) {
            body.push_str(&side(&w, p));
        }
    }
    let json = localised("/api/positions", c.lang());
    let _ = writeln!(
        body,
        "</div>\n<p><a href=\"{}\">{}</a> · {} <a href=\"{json}\" type=\"application/json\">{json}</a></p>",
        localised("/methodology", c.lang()),
        escape(&c.text("shell-methodology")),
        escape(&c.text("about-json")),
    );
    body
}

fn side(w: &Words, p: &Position) -> String {
    let c = w.c;
    let g = p.government.as_str();
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"side {g}\" aria-labelledby=\"{g}\">\n<h2 id=\"{g}\">{}</h2>\n<p>{}</p>\n<h3>{}</h3>\n<ul>\n",
        escape(&c.format("about-position", &[("government", g.into())])),
        w.text(&p.summary),
        escape(&c.text("about-arguments")),
    );
    for point in &p.points {
        let _ = writeln!(
            s,
            "<li>{}<span class=\"sources\">{} {}</span></li>",
            w.text(&point.text),
            escape(&c.text("about-sources")),
            sources(c, &point.sources)
        );
    }
    let _ = writeln!(
        s,
        "</ul>\n<h3>{}</h3>",
        escape(&c.text("about-in-their-words"))
    );
    for st in &p.statements {
        s.push_str(&statement(w, st));
    }
    let _ = write!(
        s,
        "<p class=\"cite\">{}</p>\n</section>\n",
        escape(&c.format("about-stated-by", &[("name", p.name.as_str().into())]))
    );
    s
}

/// A statement verbatim in its language, our translation where the page's
/// language differs, who said it and when, and its source.
fn statement(w: &Words, st: &Statement) -> String {
    let c = w.c;
    let lang = escape(&st.source.language);
    let mut s = format!(
        "<blockquote>\n<p lang=\"{lang}\">“{}”</p>\n",
        escape(&st.quote)
    );
    if let Some(t) = &st.translation {
        let text = w.naming.render(t, |id| w.names.get(id));
        let _ = writeln!(
            s,
            "<p class=\"translation\">{}</p>",
            escape(&c.format("event-page-translation", &[("text", text.into())]))
        );
    }
    let said = match &st.said {
        Some(d) => c.format(
            "about-said-by",
            &[
                ("speaker", st.speaker.as_str().into()),
                ("date", c.date_words(d).into()),
            ],
        ),
        None => c.format(
            "about-said-by-undated",
            &[("speaker", st.speaker.as_str().into())],
        ),
    };
    let _ = write!(
        s,
        "<p class=\"cite\">{} {}</p>\n</blockquote>\n",
        escape(&said),
        sources(c, std::slice::from_ref(&st.source))
    );
    s
}

/// Sources as links in their language, each with its outlet, kind,
/// language and day of publication in the page's words.
fn sources(c: &Catalogue, list: &[Source]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|src| {
            let (link, about) = source(c, src);
            format!("{link} ({about})")
        })
        .collect();
    items.join(&escape(&c.text("about-source-separator")))
}
