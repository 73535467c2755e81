//! An event's card and a deployment's card.

use super::html::Ctx;

/// The card of `event=id`, over whatever panel is open below it.
pub fn event_card(ctx: &Ctx, id: &str) -> String {
    let close = ctx.href(|s| s.event = None);
    ctx.unknown("panel-unknown-event", id, &close)
}

/// The card of `deployment=id`.
pub fn deployment_card(ctx: &Ctx, id: &str) -> String {
    let close = ctx.href(|s| s.deployment = None);
    ctx.unknown("panel-unknown-event", id, &close)
}
