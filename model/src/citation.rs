//! "Cite this view": one map state as a reference in four formats, APA 7,
//! Chicago (17th edition, notes and bibliography: the bibliography entry),
//! BibTeX (`@misc`, with biblatex's `url`, `urldate` and `version`) and
//! CSL-JSON (`type: "dataset"`), each with the access date, the permalink
//! and the data revision. The words and their order in each language are
//! the catalogue's (`cite-…` keys of `assets/i18n/<lang>/cite.ftl`); the
//! server fills in the view's title (`og::title`) and serves the result
//! at `/api/citation`.

use crate::events::Date;
use crate::i18n::Catalogue;
use serde_json::json;

/// What a citation names: one view of the atlas.
#[derive(Debug, Clone, PartialEq)]
pub struct Work<'a> {
    /// The view's title, as the page's title words it (`og::title`).
    pub title: &'a str,
    /// Who made and publishes it (the catalogue's `server-site-name`).
    pub author: &'a str,
    /// The view's permalink, absolute.
    pub url: &'a str,
    /// The data revision the view was drawn from.
    pub revision: &'a str,
    /// When the data last changed (the citation's date).
    pub issued: Date,
    /// The day the reader looked.
    pub accessed: Date,
}

/// The four formats of one [`Work`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citations {
    pub apa: String,
    pub chicago: String,
    pub bibtex: String,
    /// A CSL-JSON array of one item, as text.
    pub csl_json: String,
}

impl Work<'_> {
    /// Every format, in `catalogue`'s language.
    pub fn cite(&self, catalogue: &Catalogue) -> Citations {
        Citations {
            apa: self.styled("cite-apa", "cite-apa-date", catalogue),
            chicago: self.styled("cite-chicago", "cite-chicago-date", catalogue),
            bibtex: self.bibtex(catalogue),
            csl_json: self.csl_json(catalogue),
        }
    }

    /// A style's pattern (`key`) with its dates worded by `date_key`.
    fn styled(&self, key: &str, date_key: &str, catalogue: &Catalogue) -> String {
        let day = |d: Date| {
            catalogue.format(
                date_key,
                &[
                    ("year", d.year.into()),
                    ("month", d.month.into()),
                    ("day", d.day.into()),
                ],
            )
        };
        catalogue.format(
            key,
            &[
                ("author", self.author.into()),
                ("year", self.issued.year.into()),
                ("title", self.title.into()),
                ("revision", self.revision.into()),
                ("accessed", day(self.accessed).into()),
                ("url", self.url.into()),
            ],
        )
    }

    /// The entry's key: the author's letters and the revision.
    fn key(&self) -> String {
        let letters: String = self
            .author
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        format!("{letters}-{}", self.revision)
    }

    fn bibtex(&self, catalogue: &Catalogue) -> String {
        let note = catalogue.format("cite-note", &[("revision", self.revision.into())]);
        let fields = [
            ("author", format!("{{{}}}", bibtex_escape(self.author))),
            ("title", format!("{{{}}}", bibtex_escape(self.title))),
            ("year", self.issued.year.to_string()),
            ("publisher", bibtex_escape(self.author)),
            ("version", bibtex_escape(self.revision)),
            ("howpublished", format!("\\url{{{}}}", self.url)),
            ("url", self.url.to_owned()),
            ("urldate", self.accessed.to_string()),
            ("note", bibtex_escape(&note)),
            ("language", catalogue.lang().code().to_owned()),
        ];
        let mut entry = format!("@misc{{{},\n", self.key());
        for (name, value) in fields {
            entry.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        entry.push('}');
        entry
    }

    fn csl_json(&self, catalogue: &Catalogue) -> String {
        let parts = |d: Date| json!({ "date-parts": [[d.year, d.month, d.day]] });
        let item = json!([{
            "id": self.key(),
            "type": "dataset",
            "title": self.title,
            "author": [{ "literal": self.author }],
            "publisher": self.author,
            "issued": parts(self.issued),
            "accessed": parts(self.accessed),
            "URL": self.url,
            "version": self.revision,
            "medium": catalogue.text("cite-medium"),
            "language": catalogue.lang().code(),
        }]);
        serde_json::to_string_pretty(&item).unwrap_or_default()
    }
}

/// `text` for a BibTeX field: the characters TeX gives a meaning (`{`,
/// `}`, `\`, `%`, `&`, `_`, `#`, `$`, `^`, `~`) written literally; other
/// text, non-ASCII too, as it is (UTF-8, for biber and modern BibTeX).
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '}' | '%' | '&' | '_' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
