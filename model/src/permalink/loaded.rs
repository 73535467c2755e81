//! What only the loaded data can refute in a link: a date (or compare date) after today, an
//! article the server does not have, an excerpt past the article's last.
//! [`super::parse`] cannot know these; the app asks once the data is in and
//! shows the answers in the same bad-link notice, in the same words.

use super::{Ignored, MapState, Reason};
use crate::events::Date;

/// What the app knows of the link's article once it has asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleAnswer {
    /// The server has no article with that id.
    Missing,
    /// The article exists and has this many excerpts.
    Excerpts(usize),
}

/// The parts of `state` that the loaded data refutes, for the bad-link
/// notice; `article` is `None` while the answer is not in (or no article is
/// asked for). The map then shows today, no article, no excerpt.
pub fn refuted(state: &MapState, today: Date, article: Option<ArticleAnswer>) -> Vec<Ignored> {
    let mut out = Vec::new();
    let future = [("date", state.date), ("compare", state.compare)];
    for (parameter, date) in future {
        if let Some(date) = date.filter(|d| *d > today) {
            out.push(Ignored {
                parameter: parameter.into(),
                reason: Reason::Future { date, today },
            });
        }
    }
    let (Some(id), Some(answer)) = (&state.article, article) else {
        return out;
    };
    match answer {
        ArticleAnswer::Missing => out.push(Ignored {
            parameter: "article".into(),
            reason: Reason::NoArticle(id.clone()),
        }),
        ArticleAnswer::Excerpts(count) => {
            if let Some(n) = state.excerpt.filter(|n| *n as usize > count) {
                out.push(Ignored {
                    parameter: "excerpt".into(),
                    reason: Reason::NoExcerpt { number: n, count },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permalink::parse;

    fn today() -> Date {
        Date::new(2026, 12, 2).expect("valid date")
    }

    fn refuted_in(link: &str, article: Option<ArticleAnswer>) -> Vec<String> {
        let (state, ignored) = parse(link);
        assert!(ignored.is_empty(), "{link}: {ignored:?}");
        refuted(&state, today(), article)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_future_date_is_reported_with_the_date_shown_instead() {
        assert_eq!(
            refuted_in("?date=2035-01-01", None),
            ["date: 2035-01-01 is in the future; the map shows today, 2026-12-02"]
        );
        assert!(refuted_in("?date=2026-12-02", None).is_empty());
        assert!(refuted_in("?date=1855-02-07", None).is_empty());
        assert_eq!(
            refuted_in("?date=2017-01-01&compare=2035-01-01", None),
            ["compare: 2035-01-01 is in the future; the map shows today, 2026-12-02"]
        );
    }

    #[test]
    fn an_unknown_article_is_named() {
        assert_eq!(
            refuted_in("?article=nope", Some(ArticleAnswer::Missing)),
            ["article: Kuril Atlas has no article “nope”"]
        );
        // Until the answer is in, nothing is refuted.
        assert!(refuted_in("?article=nope", None).is_empty());
    }

    #[test]
    fn an_excerpt_past_the_last_says_how_many_there_are() {
        let seed = Some(ArticleAnswer::Excerpts(16));
        assert_eq!(
            refuted_in("?article=seed&excerpt=999", seed),
            ["excerpt: there is no excerpt 999: this article has 16"]
        );
        assert!(refuted_in("?article=seed&excerpt=16", seed).is_empty());
        assert_eq!(
            refuted_in("?article=q&excerpt=2", Some(ArticleAnswer::Excerpts(1))),
            ["excerpt: there is no excerpt 2: this article has one"]
        );
    }

    #[test]
    fn an_answer_without_an_article_in_the_link_refutes_nothing() {
        assert!(refuted_in("?island=x", Some(ArticleAnswer::Missing)).is_empty());
    }

    #[test]
    fn the_notice_reads_in_the_page_s_language() {
        use crate::i18n::{Lang, committed};
        let (state, _) = parse("?date=2035-01-01&article=seed&excerpt=999");
        let all = refuted(&state, today(), Some(ArticleAnswer::Excerpts(16)));
        let words = |lang| -> Vec<String> {
            let c = committed(lang);
            all.iter().map(|i| i.words(&c)).collect()
        };
        assert_eq!(
            words(Lang::En),
            [
                "date: 1 January 2035 is in the future; the map shows today, 2 December 2026",
                "excerpt: there is no excerpt 999: this article has 16",
            ]
        );
        assert_eq!(
            words(Lang::Ja)[0],
            "date：2035年1月1日は未来の日付です。地図には今日（2026年12月2日）を表示しています"
        );
        assert_eq!(
            words(Lang::Ru)[1],
            "excerpt: выдержки 999 нет: в этой статье их 16"
        );
        let (_, ignored) = parse("?lang=fr&zoom=3");
        let ru = committed(Lang::Ru);
        let ru: Vec<String> = ignored.iter().map(|i| i.words(&ru)).collect();
        assert_eq!(
            ru,
            [
                "lang: ожидается en, ja или ru",
                "zoom: неизвестный параметр"
            ]
        );
    }
}
