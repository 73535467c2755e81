//! The list of changes while comparing two dates (`compare=`): what was
//! added, withdrawn and changed between them, each with its events.

use super::html::Ctx;
use model::events::Date;

/// "Changes between {compare} and {date}".
pub fn changes_panel(ctx: &Ctx, compare: Date) -> String {
    let _ = compare;
    let close = ctx.href(|s| s.compare = None);
    ctx.unknown("panel-unknown-event", "changes", &close)
}
