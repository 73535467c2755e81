//! The island panel's deployment timeline (`model::chart`): its
//! deployments from 1945 to today, the map's date as a cursor, each bar a
//! link to the deployment's card; then the key and a link to every
//! island's chart on `/deployments`.

use super::super::html::Ctx;
use model::chart::DeploymentTimeline;
use model::chart::RowText;
use model::i18n::Lang;
use model::permalink;

/// The chart of `island`'s (an island's or a group's) deployments; nothing
/// when it has none.
pub fn chart(ctx: &Ctx, island: &str) -> String {
    let rows: Vec<_> = ctx
        .data
        .deployments
        .iter()
        .filter(|d| d.island == island)
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let text: Vec<RowText> = rows
        .iter()
        .map(|d| {
            let mut state = ctx.state.clone();
            state.view = None;
            state.open_deployment(d.id.clone());
            RowText {
                name: ctx.named_plain(&d.unit, &d.unit_template),
                href: permalink::href(&state),
            }
        })
        .collect();
    let timeline = DeploymentTimeline::layout(&rows, ctx.today, ctx.date);
    let all = match ctx.lang {
        Lang::En => "/deployments".to_owned(),
        lang => format!("/deployments?lang={}", lang.code()),
    };
    format!(
        "<section class=\"deployments-chart\" aria-labelledby=\"chart-title\"><h3 id=\"chart-title\">{}</h3>{}\
         <p class=\"chart-note\">{} <a href=\"{all}\">{}</a></p></section>",
        ctx.t("chart-heading"),
        timeline.svg(ctx.c, &text),
        ctx.t("chart-key-status"),
        ctx.t("chart-page-link"),
    )
}
