import type { DB } from '../db';

/**
 * Figures that many pages show and that may lag a little (the home page's reach, a network's
 * member count), remembered per database handle in this process for `ttlMs`. A cache, nothing
 * more: every process asks the database itself, none needs another's, and concurrent requests
 * for an expired figure share one query. `forget` drops a figure after a change in this process,
 * so whoever made the change sees it at once; other processes follow within `ttlMs`.
 */
export function memo<V>(ttlMs: number, load: (db: DB, key: string) => Promise<V>) {
	const caches = new WeakMap<DB, Map<string, { value: Promise<V>; until: number }>>();
	const cacheOf = (db: DB) => {
		let cache = caches.get(db);
		if (!cache) caches.set(db, (cache = new Map()));
		return cache;
	};
	return {
		get(db: DB, key = '', now = Date.now()): Promise<V> {
			const cache = cacheOf(db);
			const entry = cache.get(key);
			if (entry && entry.until > now) return entry.value;
			const value = load(db, key);
			cache.set(key, { value, until: now + ttlMs });
			// A failed query is not remembered: the next request asks again.
			value.catch(() => {
				if (cache.get(key)?.value === value) cache.delete(key);
			});
			return value;
		},
		/** Drops one figure, or without a key every figure of this database. */
		forget(db: DB, key?: string): void {
			if (key === undefined) cacheOf(db).clear();
			else cacheOf(db).delete(key);
		}
	};
}
