//! What the pages say about themselves to machines: schema.org JSON-LD
//! (`Dataset` for the data, `Map` for the map page, `ClaimReview` for each
//! fact-check) and the `citation_*` meta tags Google Scholar and Zotero
//! read. Built with serde_json; [`script`] writes JSON-LD so that no
//! `</script>` (nor any `<`, `>` or `&`) can appear in it.

use crate::events::{Date, PartialDate};
use crate::i18n::Lang;
use crate::og::escape;
use crate::projection::{AREA_EAST, AREA_NORTH, AREA_SOUTH, AREA_WEST};
use serde_json::{Value, json};

/// The site and its data as one page sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Site<'a> {
    /// The catalogue's `server-site-name`: creator and publisher.
    pub name: &'a str,
    /// The dataset's description, in the page's language.
    pub description: &'a str,
    /// `http://host`, without a trailing slash.
    pub origin: &'a str,
    /// An SPDX expression (`MIT OR Apache-2.0`): the project's licence.
    pub license: &'a str,
    /// The data revision.
    pub revision: &'a str,
    /// When the data last changed.
    pub modified: Date,
    /// Comma-separated keywords, in the page's language.
    pub keywords: &'a str,
    pub lang: Lang,
}

/// The API's downloads of the whole data, as `(path, media type)`.
const DOWNLOADS: [(&str, &str); 5] = [
    ("/api/events?limit=1000", "application/json"),
    ("/api/deployments.geojson", "application/geo+json"),
    ("/api/islands", "application/json"),
    ("/api/positions", "application/json"),
    ("/api/geo/land/2", "application/geo+json"),
];

impl Site<'_> {
    fn organization(&self) -> Value {
        json!({ "@type": "Organization", "name": self.name, "url": format!("{}/", self.origin) })
    }

    fn keywords(&self) -> Vec<&str> {
        self.keywords
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .collect()
    }

    /// Each licence of the SPDX expression as its spdx.org page.
    fn licenses(&self) -> Vec<String> {
        self.license
            .split(" OR ")
            .flat_map(|part| part.split(" AND "))
            .map(|id| id.trim_matches(|c| c == '(' || c == ')' || c == ' '))
            .filter(|id| !id.is_empty())
            .map(|id| format!("https://spdx.org/licenses/{id}.html"))
            .collect()
    }

    /// The data as a schema.org `Dataset`.
    pub fn dataset(&self) -> Value {
        let distribution: Vec<Value> = DOWNLOADS
            .iter()
            .map(|(path, media)| {
                json!({
                    "@type": "DataDownload",
                    "contentUrl": format!("{}{path}", self.origin),
                    "encodingFormat": media,
                })
            })
            .collect();
        json!({
            "@type": "Dataset",
            "@id": format!("{}/#dataset", self.origin),
            "name": self.name,
            "description": self.description,
            "url": format!("{}/", self.origin),
            "license": self.licenses(),
            "creator": self.organization(),
            "publisher": self.organization(),
            "version": self.revision,
            "dateModified": self.modified.to_string(),
            "inLanguage": self.lang.code(),
            "keywords": self.keywords(),
            "isAccessibleForFree": true,
            "spatialCoverage": spatial_coverage(),
            "distribution": distribution,
        })
    }

    /// The map page showing one view (`name`, at `url`) as a schema.org `Map`.
    pub fn map(&self, name: &str, url: &str) -> Value {
        json!({
            "@type": "Map",
            "name": name,
            "url": url,
            "inLanguage": self.lang.code(),
            "creator": self.organization(),
            "version": self.revision,
            "spatialCoverage": spatial_coverage(),
            "isBasedOn": { "@id": format!("{}/#dataset", self.origin) },
        })
    }

    /// `citation_*` meta tags for a page titled `title` at `url`.
    pub fn citation_tags(&self, title: &str, url: &str) -> String {
        let d = self.modified;
        let date = format!("{:04}/{:02}/{:02}", d.year, d.month, d.day);
        let mut tags = String::new();
        let mut tag = |name: &str, content: &str| {
            tags.push_str(&format!(
                "<meta name=\"{name}\" content=\"{}\">\n",
                escape(content)
            ));
        };
        tag("citation_title", title);
        tag("citation_author", self.name);
        tag("citation_publisher", self.name);
        tag("citation_date", &date);
        tag("citation_publication_date", &date);
        tag("citation_public_url", url);
        tag("citation_abstract_html_url", url);
        tag("citation_language", self.lang.code());
        tag("citation_keywords", &self.keywords().join("; "));
        tags
    }
}

/// The map area (`projection::AREA_*`) as a schema.org `Place` with a
/// `GeoShape` box ("south west north east").
pub fn spatial_coverage() -> Value {
    json!({
        "@type": "Place",
        "geo": {
            "@type": "GeoShape",
            "box": format!("{AREA_SOUTH} {AREA_WEST} {AREA_NORTH} {AREA_EAST}"),
        },
    })
}

/// One fact-check as the page of its article publishes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Review<'a> {
    /// The claim, verbatim from the excerpt.
    pub claim: &'a str,
    /// Who made it: the article's outlet.
    pub claimant: &'a str,
    /// The article: its title, date and address (when it has one).
    pub article_title: &'a str,
    pub article_published: Option<&'a PartialDate>,
    pub article_url: Option<&'a str>,
    /// Our review: the annotation's note.
    pub body: &'a str,
    /// Our verdict, 1 (false) to 5 (true), and its name in the page's language.
    pub rating: u8,
    pub rating_name: &'a str,
    /// The day the review was first published.
    pub published: Date,
    /// The permalink to the excerpt.
    pub url: &'a str,
    /// The language the claim was made in.
    pub claim_lang: &'a str,
}

impl Site<'_> {
    /// `review` as a schema.org `ClaimReview`, by this site.
    pub fn claim_review(&self, review: &Review) -> Value {
        let mut appearance = json!({
            "@type": "CreativeWork",
            "headline": review.article_title,
            "publisher": { "@type": "Organization", "name": review.claimant },
        });
        if let Some(url) = review.article_url {
            appearance["url"] = url.into();
        }
        let mut claim = json!({
            "@type": "Claim",
            "author": { "@type": "Organization", "name": review.claimant },
            "appearance": appearance,
            "inLanguage": review.claim_lang,
        });
        if let Some(date) = review.article_published {
            claim["datePublished"] = date.to_string().into();
            claim["appearance"]["datePublished"] = date.to_string().into();
        }
        json!({
            "@type": "ClaimReview",
            "url": review.url,
            "claimReviewed": review.claim,
            "itemReviewed": claim,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": review.rating,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": review.rating_name,
            },
            "reviewBody": review.body,
            "author": self.organization(),
            "publisher": self.organization(),
            "datePublished": review.published.to_string(),
            "inLanguage": self.lang.code(),
        })
    }
}

/// `<script type="application/ld+json">` holding `items` as one `@graph`;
/// `<`, `>` and `&` are written as JSON escapes, so the text cannot close
/// the element or start a comment, whatever the data holds.
pub fn script(items: Vec<Value>) -> String {
    let graph = json!({ "@context": "https://schema.org", "@graph": items });
    let text = serde_json::to_string(&graph).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 48);
    out.push_str("<script type=\"application/ld+json\">");
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out.push_str("</script>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site<'static> {
        Site {
            name: "Kuril Atlas",
            description: "A map & its data",
            origin: "http://atlas.example",
            license: "MIT OR Apache-2.0",
            revision: "0123456789ab",
            modified: Date::new(2026, 11, 30).expect("date"),
            keywords: "Kuril Islands, Northern Territories, ",
            lang: Lang::En,
        }
    }

    /// The JSON inside the one script element of `html`.
    fn parse_script(html: &str) -> Value {
        let open = "<script type=\"application/ld+json\">";
        let start = html.find(open).expect("script") + open.len();
        let end = html[start..].find("</script>").expect("end") + start;
        serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
    }

    #[test]
    fn the_dataset_names_its_licences_revision_area_and_downloads() {
        let d = site().dataset();
        assert_eq!(d["@type"], "Dataset");
        assert_eq!(d["version"], "0123456789ab");
        assert_eq!(d["dateModified"], "2026-11-30");
        assert_eq!(
            d["license"],
            json!([
                "https://spdx.org/licenses/MIT.html",
                "https://spdx.org/licenses/Apache-2.0.html"
            ])
        );
        assert_eq!(d["spatialCoverage"]["geo"]["box"], "41 139 52 158");
        assert_eq!(
            d["keywords"],
            json!(["Kuril Islands", "Northern Territories"])
        );
        assert_eq!(
            d["distribution"][1]["contentUrl"],
            "http://atlas.example/api/deployments.geojson"
        );
    }

    #[test]
    fn no_text_in_the_data_can_close_the_script_element() {
        let mut s = site();
        s.description = "</script><script>alert(1)</script> <!-- & -->";
        let html = script(vec![s.dataset()]);
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        assert!(!html.contains("<!--") && !html.contains("<script>"));
        let parsed = parse_script(&html);
        assert_eq!(parsed["@graph"][0]["description"], s.description);
        assert_eq!(parsed["@context"], "https://schema.org");
    }

    #[test]
    fn a_claim_review_names_the_claim_its_author_and_our_rating() {
        let published: PartialDate = "2017-03-20".parse().expect("date");
        let review = Review {
            claim: "land-to-air missile systems were deployed",
            claimant: "Wire report",
            article_title: "Talks resume",
            article_published: Some(&published),
            article_url: None,
            body: "Wrong type of weapon.",
            rating: 2,
            rating_name: "Mostly false",
            published: Date::new(2026, 11, 26).expect("date"),
            url: "http://atlas.example/?article=a&excerpt=3",
            claim_lang: "en",
        };
        let r = site().claim_review(&review);
        assert_eq!(r["claimReviewed"], review.claim);
        assert_eq!(r["itemReviewed"]["author"]["name"], "Wire report");
        assert_eq!(r["itemReviewed"]["datePublished"], "2017-03-20");
        assert!(r["itemReviewed"]["appearance"].get("url").is_none());
        assert_eq!(r["reviewRating"]["ratingValue"], 2);
        assert_eq!(r["reviewRating"]["alternateName"], "Mostly false");
        assert_eq!(r["author"]["name"], "Kuril Atlas");
        assert_eq!(r["datePublished"], "2026-11-26");
    }

    #[test]
    fn citation_tags_are_escaped_meta_elements() {
        let tags = site().citation_tags("A \"view\" <b>", "http://atlas.example/?a=1&b=2");
        assert!(
            tags.contains(
                "<meta name=\"citation_title\" content=\"A &quot;view&quot; &lt;b&gt;\">"
            )
        );
        assert!(tags.contains("<meta name=\"citation_publication_date\" content=\"2026/11/30\">"));
        assert!(tags.contains("content=\"http://atlas.example/?a=1&amp;b=2\""));
        assert!(tags.contains(
            "<meta name=\"citation_keywords\" content=\"Kuril Islands; Northern Territories\">"
        ));
    }
}
