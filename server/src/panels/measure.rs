//! The measure tool's list of well-known distances (`geodata/distances.toml`):
//! each a button that measures it on the map (`data-measure`, the two ends
//! as `lon,lat`), our figure beside the published one and its sources.

use super::html::Ctx;
use model::decimal::fixed;
use model::measure::{Resolved, words};

pub fn known_distances(ctx: &Ctx) -> String {
    let items: String = ctx.distances.iter().map(|d| item(ctx, d)).collect();
    format!(
        "<section class=\"known-distances\" aria-labelledby=\"known-distances-title\" data-key=\"measure\">\
         <h3 id=\"known-distances-title\">{}</h3><ul>{items}</ul></section>",
        ctx.t("measure-known")
    )
}

fn item(ctx: &Ctx, r: &Resolved) -> String {
    let d = &r.distance;
    let to_island = ctx.marks.find_place(&d.to).is_none();
    let to = if to_island {
        ctx.tf("measure-nearest", &[("name", ctx.name(&d.to).into())])
    } else {
        ctx.name(&d.to)
    };
    let ends = format!(
        "{},{} {},{}",
        fixed(r.from[0], 5),
        fixed(r.from[1], 5),
        fixed(r.to[0], 5),
        fixed(r.to[1], 5)
    );
    let published = ctx.tf(
        "measure-published",
        &[("km", ctx.lang.number(d.published_km, 1).into())],
    );
    let sources: Vec<String> = d
        .sources
        .iter()
        .map(|s| {
            format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\" hreflang=\"{}\">{}</a>",
                model::og::escape(&s.url),
                model::og::escape(&s.language),
                model::og::escape(&s.outlet)
            )
        })
        .collect();
    format!(
        "<li><button type=\"button\" class=\"link\" data-measure=\"{ends}\">{} – {to}</button> \
         <span class=\"measured\">{}</span>; <span class=\"published\">{published}</span> ({})</li>",
        ctx.name(&d.from),
        model::og::escape(&words(r.km, ctx.c)),
        sources.join(", ")
    )
}
