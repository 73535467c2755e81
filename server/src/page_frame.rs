//! The frame the plain pages share (`/about`, `/methodology`,
//! `/events/{id}`, `/deployments`): the document around a page's head and
//! body, the masthead with the site's links in the page's language, a
//! page's address in a language and its canonical and `hreflang` links,
//! and a source as the pages cite it. No script, no inline style: the
//! pages are styled by `/pages.css`.

use std::fmt::Write;

use model::events::Source;
use model::i18n::{Catalogue, Lang};
use model::og::escape as e;
use model::permalink::{self, MapState};

/// The site's pages the masthead links to, by path and title message
/// (`/about`'s `Which` in this order).
pub(crate) const SITE: [(&str, &str); 2] = [
    ("/about", "shell-about"),
    ("/methodology", "shell-methodology"),
];

/// How a page sits in the frame.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Frame<'a> {
    /// The page's own path when the masthead links to it (`aria-current`).
    pub current: Option<&'a str>,
    /// One narrow column (`main.event` in `/pages.css`) rather than the full width.
    pub narrow: bool,
    /// Markup after `<main>` (the data revision's footer), if any.
    pub footer: &'a str,
}

/// The document around `head` (escaped markup: title, description, links)
/// and `body`, in `c`'s language.
pub(crate) fn document(c: &Catalogue, head: &str, body: &str, frame: Frame) -> String {
    let lang = c.lang();
    let map = permalink::href(&MapState {
        lang: Some(lang),
        ..MapState::default()
    });
    let mut nav = format!(
        "<a href=\"{}\">{}</a>",
        e(&map),
        e(&c.text("event-page-map"))
    );
    for (path, title) in SITE {
        let here = if frame.current == Some(path) {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            nav,
            "<a href=\"{}\"{here}>{}</a>",
            e(&localised(path, lang)),
            e(&c.text(title))
        );
    }
    let main = if frame.narrow {
        "<main class=\"event\">"
    } else {
        "<main>"
    };
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{head}\
         <link rel=\"icon\" href=\"/pages-icon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"/pages.css\">\n</head>\n<body>\n\
         <header class=\"masthead\"><p class=\"brand\">{}</p>\
         <nav aria-label=\"{}\">{nav}</nav></header>\n{main}\n{body}</main>\n{}</body>\n</html>\n",
        lang.code(),
        e(&c.text("server-site-name")),
        e(&c.text("event-page-site")),
        if frame.footer.is_empty() {
            String::new()
        } else {
            format!("{}\n", frame.footer)
        },
    )
}

/// `path` in `lang`: English without `lang=`.
pub(crate) fn localised(path: &str, lang: Lang) -> String {
    match lang {
        Lang::En => path.to_owned(),
        other => format!("{path}?lang={}", other.code()),
    }
}

/// `path`'s canonical address in `lang` and the same page in each language.
pub(crate) fn alternates(origin: &str, path: &str, lang: Lang) -> String {
    let mut h = format!(
        "<link rel=\"canonical\" href=\"{}\">\n",
        e(&format!("{origin}{}", localised(path, lang)))
    );
    for other in Lang::ALL {
        let _ = writeln!(
            h,
            "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\">",
            e(&format!("{origin}{}", localised(path, other)))
        );
    }
    h
}

/// A source as a link in its language, and what it is in the page's
/// words (outlet, kind, language, the day it was published), escaped.
pub(crate) fn source(c: &Catalogue, src: &Source) -> (String, String) {
    let mut about = c.format(
        "event-page-source-about",
        &[
            ("outlet", src.outlet.as_str().into()),
            ("kind", src.kind.label(c).into()),
            ("language", src.language.as_str().into()),
        ],
    );
    if let Some(date) = &src.published {
        let published = c.format(
            "event-page-source-published",
            &[("date", c.date_words(date).into())],
        );
        let separator = c.text("event-page-list-separator");
        about = format!("{about}{separator}{published}");
    }
    let link = format!(
        "<a href=\"{}\" hreflang=\"{}\" rel=\"noopener\"><span lang=\"{}\">{}</span></a>",
        e(&src.url),
        e(&src.language),
        e(&src.language),
        e(src.title.as_deref().unwrap_or(&src.outlet)),
    );
    (link, e(&about))
}
