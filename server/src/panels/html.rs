//! What every panel shares: the request's context and the small pieces of
//! HTML more than one panel draws (sources, quotes, notes, close buttons).
//! Every function here returns HTML that is safe to insert: text from the
//! data or the catalogue is escaped here, never by the caller.

use model::events::{Dataset, Date, Excerpt, PartialDate, Source};
use model::i18n::{Arg, Catalogue, Lang};
use model::islands::Islands;
use model::marks::Overlays;
use model::names::Naming;
use model::og::escape;
use model::permalink::{self, MapState};
use model::scene::LandShapes;

/// One request's panel: the data in the link's language and the state.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub naming: Naming,
    pub c: &'a Catalogue,
    /// Events, deployments, articles in the link's language (English where
    /// a record has no translation; `text_lang` says which).
    pub data: &'a Dataset,
    /// Islands and groups: names, eras, official figures.
    pub islands: &'a Islands,
    /// The coarsest land level: outlines' official areas and sources, and
    /// the panel's line of both governments' positions.
    pub land: &'a LandShapes,
    /// Places: names and positions (a reader's excerpt fits its places).
    pub marks: &'a Overlays,
    /// The measure tool's well-known distances, their ends found.
    pub distances: &'a [model::measure::Resolved],
    /// Both governments' positions in one line, in the link's language.
    pub positions_line: &'a str,
    /// The permalink asked for, without its view.
    pub state: &'a MapState,
    /// The map's date: the link's, else today.
    pub date: Date,
    pub today: Date,
}

impl Ctx<'_> {
    /// A message, escaped.
    pub fn t(&self, key: &str) -> String {
        escape(&self.c.text(key))
    }

    /// A message with its placeables, escaped (the values too).
    pub fn tf(&self, key: &str, args: &[(&str, Arg)]) -> String {
        escape(&self.c.format(key, args))
    }

    /// Record text in the link's names convention (its `*_template` with
    /// each `{id}` named), escaped.
    pub fn named(&self, text: &str, template: &Option<String>) -> String {
        escape(&self.named_plain(text, template))
    }

    pub fn named_plain(&self, text: &str, template: &Option<String>) -> String {
        self.naming
            .text(text, template.as_deref(), |id| self.data.names.get(id))
    }

    /// An island's, group's or place's name in the convention (its id if it
    /// has none), escaped.
    pub fn name(&self, id: &str) -> String {
        escape(
            &self
                .data
                .names
                .get(id)
                .map_or_else(|| id.to_owned(), |f| self.naming.label(f)),
        )
    }

    /// A date as a label: "November 2016", "2016年11月", "ноябрь 2016 г.";
    /// a bound with its "by". Escaped.
    pub fn date_label(&self, date: &PartialDate) -> String {
        escape(&match date.by {
            true => self.c.date_in_words(date),
            false => self.c.date_words(date),
        })
    }

    /// A day in words, escaped.
    pub fn day(&self, date: Date) -> String {
        escape(&self.c.day_words(date))
    }

    /// ` lang="en"` for record text that fell back to English on a
    /// Japanese or Russian page (`text_lang`), else nothing.
    pub fn record_lang(&self, text_lang: &str) -> &'static str {
        if text_lang == "en" && self.lang != Lang::En {
            " lang=\"en\""
        } else {
            ""
        }
    }

    /// "Translation: Kuril Atlas" under record text the project translated
    /// into the page's language.
    pub fn translation_note(&self, text_lang: &str) -> String {
        if text_lang != "en" && text_lang == self.lang.code() {
            format!(
                "<p class=\"translation-note\">{}</p>",
                self.t("record-translation-note")
            )
        } else {
            String::new()
        }
    }

    /// An excerpt's quote in its own language (`language`, its article's),
    /// with the project's translation when it has one, named in the link's
    /// convention.
    pub fn quote(&self, x: &Excerpt, language: &str) -> String {
        let mut out = format!(
            "<blockquote lang=\"{}\">“{}”</blockquote>",
            escape(language),
            escape(&x.quote)
        );
        if let Some(text) = &x.translation {
            let lang = x
                .translation_lang
                .as_deref()
                .map(|l| format!(" lang=\"{}\"", escape(l)))
                .unwrap_or_default();
            out.push_str(&format!(
                "<p class=\"translation\"><strong>{}: </strong><span{lang}>{}</span></p>",
                self.t("record-quote-translation"),
                self.named(text, &x.translation_template)
            ));
        }
        out
    }

    /// Links to sources: http(s) only, opened without passing a referrer;
    /// each with its kind (how far it can be trusted alone) and language.
    pub fn sources(&self, sources: &[Source]) -> String {
        let items: String = sources
            .iter()
            .filter(|s| s.url.starts_with("https://") || s.url.starts_with("http://"))
            .map(|s| {
                let title = s
                    .title
                    .as_deref()
                    .map(|t| format!(" title=\"{}\"", escape(t)))
                    .unwrap_or_default();
                format!(
                    "<li><a href=\"{}\" rel=\"noopener noreferrer\"{title}>{}</a> ({}, {})</li>",
                    escape(&s.url),
                    escape(&s.outlet),
                    escape(&s.kind.label(self.c)),
                    escape(&s.language),
                )
            })
            .collect();
        format!(
            "<ul class=\"sources\" aria-label=\"{}\">{items}</ul>",
            self.t("panel-sources")
        )
    }

    /// The permalink of this state after `change`, escaped for an
    /// attribute (`href`, `data-href`). The view is never part of it.
    pub fn href(&self, change: impl FnOnce(&mut MapState)) -> String {
        let mut state = self.state.clone();
        state.view = None;
        change(&mut state);
        escape(&permalink::href(&state))
    }

    /// A panel's "×": a button to `href` that Escape activates too.
    pub fn close_button(&self, label_key: &str, href: &str) -> String {
        format!(
            "<button type=\"button\" class=\"close\" data-close data-href=\"{href}\" aria-label=\"{}\">×</button>",
            self.t(label_key)
        )
    }

    /// A link naming a record the data does not have: a notice (not a
    /// blank panel) with a button that drops it from the link.
    pub fn unknown(&self, key: &str, id: &str, dismiss: &str) -> String {
        let shown: String = id.chars().take(64).collect();
        format!(
            "<div class=\"notice\" role=\"status\" data-key=\"unknown {}\"><p>{}</p>\
             <button type=\"button\" data-close data-href=\"{dismiss}\" aria-label=\"{}\">×</button></div>",
            escape(&shown),
            self.tf(key, &[("id", shown.as_str().into())]),
            self.t("panel-dismiss"),
        )
    }
}

impl Ctx<'_> {
    /// An excerpt's article and its number in it (1-based, in reading
    /// order, as `excerpt=` counts).
    pub fn excerpt_in_article(&self, excerpt: &str) -> Option<(&model::events::Article, u32)> {
        let x = self.data.excerpt(excerpt)?;
        let article = self.data.article(&x.article)?;
        let before = self
            .data
            .excerpts
            .iter()
            .filter(|e| e.article == x.article)
            .position(|e| e.id == x.id)?;
        Some((article, u32::try_from(before + 1).ok()?))
    }

    /// An excerpt's quote in its article's language, with its translation.
    pub fn excerpt_quote(&self, excerpt: &str) -> String {
        let (Some(x), Some((article, _))) =
            (self.data.excerpt(excerpt), self.excerpt_in_article(excerpt))
        else {
            return String::new();
        };
        self.quote(x, &article.language)
    }

    /// "Read in {outlet} (excerpt {n})": opens the reader at the excerpt.
    pub fn read_in_article(&self, excerpt: &str) -> String {
        let Some((article, n)) = self.excerpt_in_article(excerpt) else {
            return String::new();
        };
        let href = self.href(|s| {
            s.article = Some(article.id.clone());
            s.excerpt = Some(n);
        });
        let label = self.tf(
            "panel-read-in",
            &[("outlet", article.outlet.as_str().into()), ("n", n.into())],
        );
        format!("<a class=\"link\" href=\"{href}\" data-nav>{label}</a>")
    }
}
