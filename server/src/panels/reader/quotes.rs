//! Below the article: every source's quotes, filtered by island and event
//! (`<select data-filter>`: the app's host hides the items whose
//! `data-island`/`data-event` lists lack the value chosen); each quote opens
//! its article at that excerpt.

use super::byline;
use crate::panels::html::Ctx;
use model::events::ArticleView;
use model::og::escape;

/// The list, its two filters and its count. A source's item carries every
/// value of its quotes, so it hides when none of them is shown; the count
/// is `data-count`: the catalogue key the host words the number of shown
/// `[data-counted]` items with after a filter changes.
pub fn quote_list(ctx: &Ctx) -> String {
    let sources = ctx.data.article_summaries();
    let count: usize = sources.iter().map(|s| s.excerpts.len()).sum();
    let rows: String = sources.iter().map(|s| source_item(ctx, s)).collect();
    format!(
        "<section class=\"quote-list\" aria-label=\"{title}\"><h3>{title}</h3>{}{}\
         <p role=\"status\" data-count=\"reader-quote-count\">{}</p><ul class=\"sources\">{rows}</ul></section>",
        pick(ctx, "reader-filter-island", "island", &island_options(ctx)),
        pick(
            ctx,
            "reader-filter-event",
            "event",
            &event_options(ctx, &sources)
        ),
        ctx.tf("reader-quote-count", &[("count", count.into())]),
        title = ctx.t("reader-quotes-title"),
    )
}

/// A labelled filter: "All", then `(value, label)` options (escaped).
fn pick(ctx: &Ctx, label_key: &str, name: &str, options: &[(String, String)]) -> String {
    let options: String = options
        .iter()
        .map(|(value, label)| format!("<option value=\"{value}\">{label}</option>"))
        .collect();
    format!(
        "<label>{} <select data-filter=\"{name}\"><option value=\"\">{}</option>{options}</select></label>",
        ctx.t(label_key),
        ctx.t("reader-all"),
    )
}

/// Every island, then every group, named in the link's convention.
fn island_options(ctx: &Ctx) -> Vec<(String, String)> {
    ctx.islands
        .ids()
        .filter_map(|id| {
            let island = ctx.islands.find(id)?;
            Some((escape(id), escape(&ctx.naming.label(&island.forms()))))
        })
        .collect()
}

/// The events some quote reports, in date order: "date · title".
fn event_options(ctx: &Ctx, sources: &[ArticleView]) -> Vec<(String, String)> {
    ctx.data
        .events
        .iter()
        .filter(|e| {
            sources
                .iter()
                .flat_map(|s| &s.excerpts)
                .any(|x| x.excerpt.events.contains(&e.id))
        })
        .map(|e| {
            let label = format!(
                "{} · {}",
                ctx.date_label(&e.date),
                ctx.named(&e.title, &e.title_template)
            );
            (escape(&e.id), label)
        })
        .collect()
}

/// One source: its title and byline, then its quotes, each a button to
/// the article at that excerpt; `None`-like (empty) without quotes.
fn source_item(ctx: &Ctx, s: &ArticleView) -> String {
    if s.excerpts.is_empty() {
        return String::new();
    }
    let lang = escape(&s.article.language);
    let mut all_islands: Vec<String> = Vec::new();
    let mut all_events: Vec<String> = Vec::new();
    let quotes: String = (s.excerpts.iter().zip(1u32..))
        .map(|(x, n)| {
            let islands = island_values(ctx, &x.excerpt.islands);
            let events = x.excerpt.events.clone();
            let item = format!(
                "<li data-island=\"{}\" data-event=\"{}\" data-counted>\
                 <button type=\"button\" class=\"link\" lang=\"{lang}\" data-href=\"{}\">“{}”</button></li>",
                escape(&islands.join(" ")),
                escape(&events.join(" ")),
                ctx.href(|st| {
                    st.article = Some(s.article.id.clone());
                    st.excerpt = Some(n);
                }),
                escape(&x.excerpt.quote),
            );
            union(&mut all_islands, islands);
            union(&mut all_events, events);
            item
        })
        .collect();
    format!(
        "<li data-island=\"{}\" data-event=\"{}\"><p class=\"byline\"><span lang=\"{lang}\">{}</span> — {}</p><ul>{quotes}</ul></li>",
        escape(&all_islands.join(" ")),
        escape(&all_events.join(" ")),
        escape(&s.article.title),
        byline(ctx, &s.article),
    )
}

/// The island filter's values that show a quote about `islands`: each
/// disputed island and the group it belongs to (choosing a group shows its
/// members' quotes, as `Islands::selects` decides); other places (Hokkaido)
/// are not offered, so they are left out.
fn island_values(ctx: &Ctx, islands: &[String]) -> Vec<String> {
    let mut values = Vec::new();
    for id in islands.iter().filter(|id| ctx.islands.find(id).is_some()) {
        let group = ctx.islands.group_of(id).map(|g| g.id.clone());
        union(&mut values, std::iter::once(id.clone()).chain(group));
    }
    values
}

/// Adds the values `into` lacks, keeping their order.
fn union(into: &mut Vec<String>, values: impl IntoIterator<Item = String>) {
    for v in values {
        if !into.contains(&v) {
            into.push(v);
        }
    }
}
