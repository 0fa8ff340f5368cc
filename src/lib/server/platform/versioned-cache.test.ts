import { describe, expect, it } from 'vitest';
import { versionedCache } from './versioned-cache';

describe('versionedCache', () => {
	const handle = {};

	it('loads once per key and version, and again when the version moves on', async () => {
		const cache = versionedCache<string>({ max: 10 });
		let loads = 0;
		const load = (value: string) => async () => {
			loads++;
			return value;
		};
		expect(await cache.get(handle, 1, 'a', load('a1'))).toBe('a1');
		expect(await cache.get(handle, 1, 'a', load('other'))).toBe('a1');
		expect(loads).toBe(1);
		expect(await cache.get(handle, 2, 'a', load('a2'))).toBe('a2');
		expect(await cache.get(handle, 2, 'a', load('other'))).toBe('a2');
		expect(loads).toBe(2);
		// Another handle (another database) has a cache of its own.
		expect(await cache.get({}, 2, 'a', load('elsewhere'))).toBe('elsewhere');
	});

	it('never remembers what a reader of an older version loaded', async () => {
		const cache = versionedCache<string>({ max: 10 });
		await cache.get(handle, 5, 'a', async () => 'new');
		expect(await cache.get(handle, 4, 'a', async () => 'old')).toBe('old');
		expect(await cache.get(handle, 4, 'b', async () => 'old b')).toBe('old b');
		expect(await cache.get(handle, 5, 'b', async () => 'new b')).toBe('new b');
		expect(await cache.get(handle, 5, 'a', async () => 'again')).toBe('new');
	});

	it('shares one load between concurrent requests, and forgets a failed one', async () => {
		const cache = versionedCache<number>({ max: 10 });
		let loads = 0;
		const slow = async () => {
			loads++;
			await new Promise((resolve) => setTimeout(resolve, 5));
			return 42;
		};
		expect(await Promise.all([1, 2, 3].map(() => cache.get(handle, 1, 'k', slow)))).toEqual([
			42, 42, 42
		]);
		expect(loads).toBe(1);
		await expect(
			cache.get(handle, 1, 'fails', async () => Promise.reject(new Error('down')))
		).rejects.toThrow('down');
		expect(await cache.get(handle, 1, 'fails', async () => 7)).toBe(7);
	});

	it('keeps at most max values, dropping the least recently used', async () => {
		const cache = versionedCache<string>({ max: 2 });
		await cache.get(handle, 1, 'a', async () => 'a');
		await cache.get(handle, 1, 'b', async () => 'b');
		await cache.get(handle, 1, 'a', async () => 'a again');
		await cache.get(handle, 1, 'c', async () => 'c');
		expect(await cache.get(handle, 1, 'a', async () => 'a reloaded')).toBe('a');
		expect(await cache.get(handle, 1, 'b', async () => 'b reloaded')).toBe('b reloaded');
	});
});
