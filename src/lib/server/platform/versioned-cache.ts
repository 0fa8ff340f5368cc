/**
 * Values that change only when certain data is written (the knowledge library's facet counts),
 * remembered in this process per database handle under a version number that the database
 * itself keeps for that data and bumps in the same transaction as every such write. A request
 * reads the version first (one cheap query) and then asks here: a newer version than the one
 * remembered drops everything, so no process ever serves a value from before a write it can
 * see, and no process needs to tell another. Concurrent requests for the same missing value
 * share one load. At most `max` values are kept per handle, the least recently used go first.
 *
 * Read the version before loading: a value loaded after a write but stored under the version
 * from before it is merely fresh; the other way round it would be stale.
 */
export function versionedCache<V>(options: { max: number }) {
	const caches = new WeakMap<object, { version: number; entries: Map<string, Promise<V>> }>();
	return {
		get(handle: object, version: number, key: string, load: () => Promise<V>): Promise<V> {
			let cache = caches.get(handle);
			if (!cache || cache.version < version) {
				cache = { version, entries: new Map() };
				caches.set(handle, cache);
			}
			// A request that read the version before a write that another already saw: its value
			// may be from before the write, so it is not remembered.
			if (cache.version > version) return load();
			const entries = cache.entries;
			const hit = entries.get(key);
			if (hit) {
				entries.delete(key);
				entries.set(key, hit);
				return hit;
			}
			const value = load();
			entries.set(key, value);
			if (entries.size > options.max) entries.delete(entries.keys().next().value!);
			// A failed load is not remembered: the next request asks again.
			value.catch(() => {
				if (entries.get(key) === value) entries.delete(key);
			});
			return value;
		}
	};
}
