//! What every page says about the data it shows, prepared once per
//! language: the footer with the data revision, the `citation_*` meta tags
//! and the schema.org JSON-LD (`Dataset`, `Map`, and a `ClaimReview` for
//! each fact-check on its article's page), built by `model::linked_data`.

use crate::data::Revision;
use crate::i18n::{Catalogues, PerLang};
use model::events::{AnnotationKind, Dataset, Date};
use model::i18n::{Catalogue, Lang};
use model::linked_data::{Review, Site, script};
use model::og::escape;
use model::permalink::{self, MapState};
use serde_json::Value;

/// The project's licence, as Cargo.toml states it (an SPDX expression).
const LICENSE: &str = env!("CARGO_PKG_LICENSE");

/// The linked data of every page.
pub struct Linked {
    pub revision: Revision,
    /// When the data last changed (`crate::data::Data::modified`).
    pub modified: Date,
    /// Per language.
    langs: PerLang<LinkedLang>,
}

struct LinkedLang {
    site_name: String,
    description: String,
    keywords: String,
    map_name: String,
    footer: String,
    reviews: Vec<ReviewFacts>,
}

/// A fact-check, with what its ClaimReview needs, in one language.
struct ReviewFacts {
    article: String,
    /// The excerpt's number in its article (1-based, as permalinks count).
    excerpt: u32,
    claim: String,
    claim_lang: String,
    claimant: String,
    article_title: String,
    article_published: Option<model::events::PartialDate>,
    article_url: Option<String>,
    body: String,
    rating: u8,
    rating_name: String,
    published: Date,
}

impl Linked {
    /// The linked data over `events` (validated, in English) in every language.
    pub fn new(
        revision: Revision,
        modified: Date,
        events: &Dataset,
        catalogues: &Catalogues,
    ) -> Linked {
        let langs = PerLang::new(|lang| {
            let c = catalogues.get(lang);
            LinkedLang {
                site_name: c.text("server-site-name"),
                description: c.text("server-description-default"),
                keywords: c.text("cite-keywords"),
                map_name: c.text("cite-map-name"),
                footer: footer(c, &revision),
                reviews: reviews(&events.in_language(lang), c),
            }
        });
        Linked {
            revision,
            modified,
            langs,
        }
    }

    fn lang(&self, lang: Lang) -> &LinkedLang {
        self.langs.get(lang)
    }

    fn site<'a>(&'a self, lang: Lang, origin: &'a str) -> Site<'a> {
        let l = self.lang(lang);
        Site {
            name: &l.site_name,
            description: &l.description,
            origin,
            license: LICENSE,
            revision: self.revision.as_str(),
            modified: self.modified,
            keywords: &l.keywords,
            lang,
        }
    }

    /// The page's footer in `lang`: the data revision, linked to `/api/meta`.
    pub fn footer(&self, lang: Lang) -> &str {
        &self.lang(lang).footer
    }

    /// For the map page at `url` titled `title`, showing `state`: its
    /// `citation_*` tags and one JSON-LD script (the `Dataset`, the `Map`,
    /// and the fact-checks of the article the state opens).
    pub fn map_head(&self, state: &MapState, title: &str, url: &str, origin: &str) -> String {
        let lang = state.lang();
        let site = self.site(lang, origin);
        let mut items = vec![
            site.dataset(),
            site.map(&self.lang(lang).map_name, &format!("{origin}/")),
        ];
        if let Some(article) = state.article.as_deref() {
            items.extend(self.claim_reviews(&site, state, article));
        }
        format!("{}{}", site.citation_tags(title, url), script(items))
    }

    /// For a plain page (`/about`, `/methodology`, in `lang`): its tags and
    /// the `Dataset` it describes.
    pub fn page_head(&self, lang: Lang, title: &str, url: &str, origin: &str) -> String {
        let site = self.site(lang, origin);
        format!(
            "{}{}",
            site.citation_tags(title, url),
            script(vec![site.dataset()])
        )
    }

    fn claim_reviews(&self, site: &Site, state: &MapState, article: &str) -> Vec<Value> {
        self.lang(state.lang())
            .reviews
            .iter()
            .filter(|r| r.article == article)
            .map(|r| {
                let at = MapState {
                    article: Some(r.article.clone()),
                    excerpt: Some(r.excerpt),
                    lang: state.lang,
                    ..MapState::default()
                };
                let url = format!("{}{}", site.origin, permalink::href(&at));
                site.claim_review(&Review {
                    claim: &r.claim,
                    claimant: &r.claimant,
                    article_title: &r.article_title,
                    article_published: r.article_published.as_ref(),
                    article_url: r.article_url.as_deref(),
                    body: &r.body,
                    rating: r.rating,
                    rating_name: &r.rating_name,
                    published: r.published,
                    url: &url,
                    claim_lang: &r.claim_lang,
                })
            })
            .collect()
    }
}

fn footer(c: &Catalogue, revision: &Revision) -> String {
    format!(
        "<footer class=\"data-revision\"><a href=\"/api/meta\" title=\"{}\">{}</a></footer>",
        escape(&c.text("cite-footer-link")),
        escape(&c.format("cite-footer", &[("revision", revision.as_str().into())])),
    )
}

/// Every fact-check of `data` (in one language) with its excerpt and article.
fn reviews(data: &Dataset, c: &Catalogue) -> Vec<ReviewFacts> {
    data.annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::FactCheck)
        .filter_map(|a| {
            let (rating, published) = (a.rating?, a.reviewed?);
            let excerpt = data.excerpts.iter().find(|x| x.id == a.excerpt)?;
            let article = data.article(&excerpt.article)?;
            let number = data
                .excerpts
                .iter()
                .filter(|x| x.article == article.id)
                .position(|x| x.id == excerpt.id)?;
            Some(ReviewFacts {
                article: article.id.clone(),
                excerpt: u32::try_from(number + 1).ok()?,
                claim: excerpt.quote.clone(),
                claim_lang: article.language.clone(),
                claimant: article.outlet.clone(),
                article_title: article.title.clone(),
                article_published: article.published,
                article_url: article.url.clone(),
                body: a.note.clone(),
                rating: rating.value(),
                rating_name: c.text(&format!("cite-rating-{}", rating.as_str())),
                published,
            })
        })
        .collect()
}
