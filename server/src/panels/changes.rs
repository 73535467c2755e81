//! The list of changes while comparing two dates (`compare=`): the key to
//! the marks the app draws on the map, then what was added, withdrawn and
//! changed between them, each deployment with its changes and their
//! evidence (the same DOM as the app's `ChangesPanel` drew).

use super::cards::{change, island_name};
use super::html::Ctx;
use model::api::{ChangedDeployment, DeploymentChanges};
use model::events::{ChangeKind, Date, DeploymentStatus};
use model::i18n::Arg;
use model::og::escape;

/// The three lists, in the order the panel shows them; each kind's name
/// is also the class of its marks and of its list.
fn kinds() -> [&'static str; 3] {
    ChangeKind::ALL.map(ChangeKind::name)
}

/// "Changes between {compare} and {date}": the deployments in place on the
/// map's date compared with those on `compare` (neither after today, as
/// the map draws them). Closing it stops comparing.
pub fn changes_panel(ctx: &Ctx, compare: Date) -> String {
    let (from, to) = (compare.min(ctx.today), ctx.date.min(ctx.today));
    let changes = DeploymentChanges::between(ctx.data, from, to);
    let (from, to) = (ctx.c.day_words(from), ctx.c.day_words(to));
    let dates: [(&str, Arg); 2] = [("from", from.as_str().into()), ("to", to.as_str().into())];
    let key: String = kinds()
        .iter()
        .map(|kind| {
            format!(
                "<li><svg width=\"34\" height=\"34\" viewBox=\"-17 -17 34 34\" aria-hidden=\"true\">{}</svg> {}</li>",
                mark(kind),
                ctx.tf(&format!("compare-key-{kind}"), &dates)
            )
        })
        .collect();
    let lists = [&changes.added, &changes.withdrawn, &changes.changed];
    let empty = match lists.iter().all(|l| l.is_empty()) {
        true => format!("<p>{}</p>", ctx.t("compare-none")),
        false => String::new(),
    };
    let sections: String = kinds()
        .iter()
        .zip(lists)
        .filter(|(_, list)| !list.is_empty())
        .map(|(kind, list)| {
            let items: String = list.iter().map(|d| entry(ctx, kind, d)).collect();
            format!(
                "<h3>{}</h3><ul class=\"change-list {kind}\">{items}</ul>",
                ctx.tf(&format!("compare-{kind}"), &[("count", list.len().into())])
            )
        })
        .collect();
    format!(
        "<aside class=\"panel changes\" id=\"panel\" aria-labelledby=\"changes-title\" data-key=\"changes\">\
         {close}\
         <h2 id=\"changes-title\" tabindex=\"-1\">{title}</h2>\
         <ul class=\"change-key\" aria-label=\"{key_label}\">{key}</ul>\
         {empty}{sections}\
         </aside>",
        close = ctx.close_button("compare-stop", &ctx.href(|s| s.compare = None)),
        title = ctx.tf("compare-title", &dates),
        key_label = ctx.t("compare-key"),
    )
}

/// A mark's shape, as the app draws it on the map (only the key's here):
/// added, a solid ring with a plus; withdrawn, a hollow dashed ring struck
/// through; changed, a dashed ring with a dot. The stylesheet shows the
/// parts of each kind; colour is never the only signal.
fn mark(kind: &str) -> String {
    format!(
        "<g class=\"change-mark {kind}\" aria-hidden=\"true\">\
         <circle class=\"ring\" r=\"14\"></circle>\
         <text class=\"ghost-letter\" y=\"4\"></text>\
         <line class=\"strike\" x1=\"-9\" y1=\"9\" x2=\"9\" y2=\"-9\"></line>\
         <circle class=\"badge\" cx=\"11\" cy=\"-11\" r=\"6\"></circle>\
         <path class=\"sign\" d=\"M7.5 -11H14.5M11 -14.5V-7.5\"></path>\
         <circle class=\"dot\" cx=\"11\" cy=\"-11\" r=\"2\"></circle>\
         </g>"
    )
}

/// One deployment of a list: its name (opening its card), its status on
/// each date, and the changes between them with their evidence.
fn entry(ctx: &Ctx, kind: &str, d: &ChangedDeployment) -> String {
    let site = &d.site.properties;
    let status = |s: Option<DeploymentStatus>| {
        s.filter(|s| s.in_place())
            .map_or_else(|| ctx.c.text("compare-status-none"), |s| s.label(ctx.c))
    };
    let statuses = ctx.tf(
        "compare-status",
        &[
            ("from", status(d.status_from).into()),
            ("to", status(d.status_to).into()),
        ],
    );
    let changes: String = d.changes.iter().map(|h| change(ctx, h)).collect();
    format!(
        "<li class=\"change {kind}\" data-deployment=\"{id}\">\
         <a class=\"link change-name\" href=\"{href}\" data-nav>{unit} — {island}</a>\
         <p class=\"when\">{statuses}</p>\
         <ol class=\"history\">{changes}</ol>\
         </li>",
        id = escape(&d.id),
        href = ctx.href(|s| s.open_deployment(d.id.clone())),
        unit = ctx.named(&site.unit, &site.unit_template),
        island = escape(&island_name(ctx, &site.island)),
    )
}
