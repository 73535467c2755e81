//! Caches bounded by what they hold in bytes, not by entry count: a flood of
//! distinct valid queries (3,000 `/api/events` variants grew the server from
//! 23 to 133 MB when the response cache was bounded only by 4,096 entries of
//! up to 4 MB each) can only evict, never grow memory past the budget.
//!
//! Backed by `quick_cache` (S3-FIFO eviction, sharded, with a weigher), so
//! hot entries survive a scan of one-off queries.

use quick_cache::sync::Cache;
use quick_cache::{Equivalent, Weighter};
use std::hash::Hash;
use std::sync::Arc;

/// What one cached value costs in bytes: its heap data plus a fixed
/// allowance for the map slot, the `Arc` and the key's own struct.
pub trait Weigh {
    fn bytes(&self) -> usize;
}

/// Allowance per entry for what [`Weigh::bytes`] does not see.
const ENTRY_OVERHEAD: u64 = 128;

#[derive(Clone, Copy)]
struct ByWeight;

impl<K: Weigh, V: Weigh> Weighter<K, Arc<V>> for ByWeight {
    fn weight(&self, key: &K, value: &Arc<V>) -> u64 {
        (key.bytes() + value.bytes()) as u64 + ENTRY_OVERHEAD
    }
}

/// A cache holding at most `budget` bytes of keys and values (as weighed).
/// A value larger than a shard's share of the budget is not kept.
pub struct ByteCache<K, V> {
    cache: Cache<K, Arc<V>, ByWeight>,
    budget: u64,
}

impl<K: Weigh + Hash + Eq + Clone, V: Weigh> ByteCache<K, V> {
    /// `typical` is a guess at one entry's size, used only to size the
    /// cache's tables.
    pub fn new(budget: u64, typical: u64) -> Self {
        let estimated_items = (budget / typical.max(1)).clamp(16, 1 << 20) as usize;
        ByteCache {
            cache: Cache::with_weighter(estimated_items, budget, ByWeight),
            budget,
        }
    }

    pub fn get<Q: Hash + Equivalent<K> + ?Sized>(&self, key: &Q) -> Option<Arc<V>> {
        self.cache.get(key)
    }

    pub fn insert(&self, key: K, value: Arc<V>) {
        self.cache.insert(key, value);
    }

    /// Bytes held now, as weighed; never more than [`Self::budget`].
    pub fn weight(&self) -> u64 {
        self.cache.weight()
    }

    pub fn len(&self) -> usize {
        self.cache.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cache.is_empty()
    }

    pub fn budget(&self) -> u64 {
        self.budget
    }
}

impl Weigh for String {
    fn bytes(&self) -> usize {
        self.len()
    }
}

impl Weigh for axum::body::Bytes {
    fn bytes(&self) -> usize {
        self.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_of_distinct_keys_stays_within_the_budget() {
        let budget = 64 * 1024;
        let cache: ByteCache<String, String> = ByteCache::new(budget, 1024);
        for i in 0..5_000 {
            cache.insert(
                format!("/api/events?offset={i}"),
                Arc::new("x".repeat(1000)),
            );
            assert!(cache.weight() <= budget, "{} > {budget}", cache.weight());
        }
        // Still a cache: most of the budget is in use and recent keys answer.
        assert!(cache.weight() > budget / 2, "{}", cache.weight());
        assert!(cache.get("/api/events?offset=4999").is_some());
    }

    #[test]
    fn a_value_bigger_than_the_budget_is_not_kept() {
        let cache: ByteCache<String, String> = ByteCache::new(4096, 1024);
        cache.insert("big".to_owned(), Arc::new("x".repeat(10_000)));
        assert!(cache.get("big").is_none());
        assert_eq!(cache.weight(), 0);
    }
}
