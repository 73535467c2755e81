//! An island's or a group's panel: names, status on the map's date, both
//! positions, area, population, data downloads, then its story
//! (`island/story.rs`). The same DOM the app's `IslandPanel` drew, so the
//! stylesheet and the browser tests apply as they did.

mod chart;
mod story;

use super::html::Ctx;
use model::i18n::Lang;
use model::islands::{Administration, Count, Island, Islands};
use model::names::{Forms, NameStyle, Naming};
use model::og::escape;
use model::scene::LandShapes;

/// The panel of `island=id` (an islet opens its group's story); a notice
/// for an id the map does not have. `from` names the record the panel was
/// left for (an event's card, or a deployment's): its entry in the story is
/// marked and scrolled to.
pub fn island_panel(ctx: &Ctx, id: &str, from: Option<&str>) -> String {
    let close = ctx.href(|s| s.open_island(None));
    let Some(story_id) = story_of(ctx.land, id) else {
        return ctx.unknown("panel-unknown-island", id, &close);
    };
    format!(
        "<aside class=\"panel\" id=\"panel\" aria-labelledby=\"panel-title\" data-key=\"island {}\">{}{}{}{}{}</aside>",
        escape(id),
        ctx.close_button("panel-close-island", &close),
        facts(ctx, id, story_id),
        data_links(ctx, story_id),
        chart::chart(ctx, story_id),
        story::story(ctx, story_id, from),
    )
}

/// Period `g`'s entries of the story `island=id` opens (`None` for an id
/// the map does not have or a period its story does not have).
pub fn story_period(ctx: &Ctx, id: &str, g: usize) -> Option<String> {
    story::period_entries(ctx, story_of(ctx.land, id)?, g)
}

/// Whose story an `island=` id opens: a group's for its islets and for the
/// group itself, the parent island's for unnamed islets; `None` for an id
/// the map does not have.
fn story_of<'a>(land: &'a LandShapes, id: &'a str) -> Option<&'a str> {
    match land.find(id) {
        Some(f) => {
            let island = f.properties.part_of.as_deref().unwrap_or(&f.id);
            Some(land.islands.story_of(island))
        }
        None => land.islands.group(id).map(|g| g.id.as_str()),
    }
}

/// ` lang="en"` on a Japanese or Russian page, for text the data has only
/// in English (sources' names, the positions' line).
fn english(ctx: &Ctx) -> &'static str {
    match ctx.lang {
        Lang::En => "",
        _ => " lang=\"en\"",
    }
}

/// The top of the panel: its heading (the name in the link's convention,
/// both names under it when that shows one), then the facts as a list:
/// names in both scripts, group or members, who administered it on the
/// map's date and who claims it, both positions, area, population, outline.
fn facts(ctx: &Ctx, id: &str, story: &str) -> String {
    // The outline's facts; the islands data's as it is in the files (the
    // counts keep each language's words, so a missing one is seen).
    let outline = ctx.land.find(id).map(|f| &f.properties);
    let islands = &ctx.land.islands;
    // Names of the outline (islet clusters have their own), else of the group.
    let forms = match (islands.find(id), outline) {
        (Some(entry), _) => entry.forms(),
        (None, Some(p)) => Forms::of_land(p),
        (None, None) => Forms::default(),
    };
    let title = ctx.naming.label(&forms);
    let full = Naming::new(ctx.lang, NameStyle::Both).label(&forms);
    let subtitle = match title == full {
        true => String::new(),
        false => format!("<p class=\"subtitle\">{}</p>", escape(&full)),
    };
    let group = islands.group(story).filter(|g| g.id != id);
    let group_row = group.map_or_else(String::new, |g| {
        format!(
            "<dt>{}</dt><dd>{}</dd>",
            ctx.t("panel-group"),
            escape(&ctx.naming.label(&g.forms()))
        )
    });
    let area = outline
        .and_then(|p| Some((p.official_area_km2?, p.official_area_source.as_deref()?)))
        .map_or_else(String::new, |(area, source)| {
            let value = ctx.tf(
                "panel-area-value",
                &[("area", ctx.lang.number(area, 1).into())],
            );
            // In the page's language where the islands data names the
            // publisher (escaped by `tf`); the outline's English note otherwise.
            let (lang, source) = match islands.area_publisher(id, ctx.lang) {
                Some((publisher, year, url)) => {
                    let args = [
                        ("publisher", publisher.into()),
                        ("year", year.into()),
                        ("url", url.into()),
                    ];
                    ("", ctx.tf("panel-area-source", &args))
                }
                None => (english(ctx), escape(source)),
            };
            format!(
                "<dt>{}</dt><dd>{value}<span class=\"source\"{lang}>{source}</span></dd>",
                ctx.t("panel-area"),
            )
        });
    let population = islands
        .population(story)
        .map_or_else(String::new, |count| population(ctx, count, group));
    let outline_row = outline.map_or_else(String::new, |p| {
        format!(
            "<dt>{}</dt><dd class=\"source\"{}>{}</dd>",
            ctx.t("panel-outline"),
            english(ctx),
            escape(&p.source)
        )
    });
    format!(
        "<h2 id=\"panel-title\" tabindex=\"-1\">{}</h2>{subtitle}<dl class=\"names\">{}{group_row}{}{}{}{area}{population}{outline_row}</dl>",
        escape(&title),
        names(ctx, &forms),
        members(ctx, islands, id),
        status(ctx, islands, story),
        positions(ctx),
    )
}

/// Both names, each in its own script and romanised, marked with its language.
fn names(ctx: &Ctx, forms: &Forms) -> String {
    format!(
        "<dt>{}</dt><dd><span lang=\"ja\">{}</span> · <span lang=\"ja-Latn\">{}</span></dd>\
         <dt>{}</dt><dd><span lang=\"ru\">{}</span> · <span lang=\"ru-Latn\">{}</span></dd>",
        ctx.t("panel-japanese"),
        escape(&forms.ja),
        escape(&forms.ja_romaji),
        ctx.t("panel-russian"),
        escape(&forms.ru),
        escape(&forms.ru_latin),
    )
}

/// A group's islands, in the data's order.
fn members(ctx: &Ctx, islands: &Islands, id: &str) -> String {
    let Some(group) = islands.group(id) else {
        return String::new();
    };
    let list = group
        .members()
        .iter()
        .filter_map(|m| islands.island(m))
        .map(|m| ctx.naming.label(&m.forms()))
        .collect::<Vec<_>>()
        .join(if ctx.lang == Lang::Ja { "、" } else { ", " });
    format!(
        "<dt>{}</dt><dd>{}</dd>",
        ctx.t("panel-islands"),
        escape(&list)
    )
}

/// Who administered it on the map's date; who claims it, while the other
/// side administers it (before Soviet control there is no claim to show).
fn status(ctx: &Ctx, islands: &Islands, story: &str) -> String {
    let administration = islands.administration(story, ctx.date);
    let on = ctx.tf(
        "panel-administered-on",
        &[("date", ctx.c.day_words(ctx.date).into())],
    );
    let admin = administration.map_or_else(String::new, |a| escape(&a.label(ctx.c)));
    let claim = match administration {
        Some(a) if !a.is_japan() => format!(
            "<dt>{}</dt><dd>{}</dd>",
            ctx.t("panel-claimed-by"),
            escape(&Administration::Japan.label(ctx.c))
        ),
        _ => String::new(),
    };
    format!("<dt>{on}</dt><dd>{admin}</dd>{claim}")
}

/// Both governments' positions in one line, and the page that sets them out.
fn positions(ctx: &Ctx) -> String {
    format!(
        "<dt>{}</dt><dd><span>{}</span><a class=\"source\" href=\"{}\">{}</a></dd>",
        ctx.t("panel-positions"),
        escape(ctx.positions_line),
        escape(&crate::about::localised("/about", ctx.lang)),
        ctx.t("panel-positions-link"),
    )
}

/// The latest count: people, what they are (with the group for an islet's
/// count), the day, and its publisher with why the figure needs care.
fn population(ctx: &Ctx, count: &Count, group: Option<&Island>) -> String {
    // The count's words in the page's language, where the data has them.
    let words = match ctx.lang {
        Lang::En => None,
        Lang::Ja => count.ja.as_ref(),
        Lang::Ru => count.ru.as_ref(),
    };
    let lang = match words {
        None => english(ctx),
        Some(_) => "",
    };
    let publisher = words.map_or(&count.publisher, |w| &w.publisher);
    let caveat = words.map_or(&count.caveat, |w| &w.caveat);
    let note = words.and_then(|w| w.note.as_ref()).or(count.note.as_ref());
    let scope = match (note, group) {
        (Some(note), Some(g)) => format!(" ({}, {note})", ctx.naming.label(&g.forms())),
        (Some(note), None) => format!(" ({note})"),
        _ => String::new(),
    };
    let publisher = match caveat {
        Some(caveat) => format!("{publisher}: {caveat}"),
        None => publisher.clone(),
    };
    let as_of = ctx.c.format(
        "panel-population-as-of",
        &[("date", ctx.c.day_words(count.as_of).into())],
    );
    let people = ctx.lang.number(f64::from(count.people), 0);
    format!(
        "<dt>{}</dt><dd>{}<a class=\"source\" href=\"{}\" rel=\"noopener noreferrer\"{lang}>{}</a></dd>",
        ctx.t("panel-population"),
        escape(&format!("{people}{scope}, {as_of}")),
        escape(&count.source),
        escape(&publisher),
    )
}

/// "Download data": the story's events and deployments as files, in the
/// page's language.
fn data_links(ctx: &Ctx, story: &str) -> String {
    let query = match ctx.lang {
        Lang::En => format!("?island={story}"),
        lang => format!("?island={story}&lang={}", lang.code()),
    };
    let links: String = [
        ("events.csv", "export-events-csv"),
        ("events.geojson", "export-events-geojson"),
        ("deployments.csv", "export-deployments-csv"),
        ("deployments.geojson", "export-deployments-geojson"),
    ]
    .into_iter()
    .map(|(file, key)| {
        format!(
            "<li><a href=\"{}\" download>{}</a></li>",
            escape(&format!("/api/{file}{query}")),
            ctx.t(key)
        )
    })
    .collect();
    format!(
        "<details class=\"downloads download-data\"><summary>{}</summary><ul>{links}</ul></details>",
        ctx.t("export-download-data")
    )
}
