//! The article reader: the text with its excerpts marked (a quoted
//! article: its quotes), the chosen excerpt's notes, and every source's
//! quotes with their filters.

use super::html::Ctx;

/// The reader of `article`, at `excerpt` (1-based) when chosen; `None` for
/// an article the data does not have.
pub fn reader(ctx: &Ctx, article: &str, excerpt: Option<u32>) -> Option<String> {
    let _ = (ctx, article, excerpt);
    None
}
