import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, migratedDatabase, secondProcess, type TestDatabase } from '../testing/db';
import {
	clearAccountRateLimit,
	hitRateLimit,
	hitRateLimits,
	pruneRateLimits,
	RATE_LIMITS,
	type RateLimitResult
} from './rate-limit';

// 2026-12-01 09:00:00 UTC, the start of a 15-minute and of an hour window.
const T0 = new Date(Date.UTC(2026, 11, 1, 9, 0, 0));
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(DIALECTS)('rate limits on %s', (dialect) => {
	let handle: TestDatabase;
	beforeEach(async () => {
		handle = await migratedDatabase(dialect);
	});
	afterEach(async () => {
		await handle?.destroy();
	});

	it('admits exactly `limit` of 50 concurrent hits from two processes', async () => {
		const other = await secondProcess(handle);
		try {
			const rule = { bucket: 'test', key: '192.0.2.7', limit: 7, windowSeconds: 60, now: at(5) };
			const results = await Promise.all(
				Array.from({ length: 50 }, (_, i) => hitRateLimit(i % 2 ? other.db : handle.db, rule))
			);
			const admitted = results.filter((r) => r.ok);
			expect(admitted).toHaveLength(7);
			// Each admitted hit saw its own place in the window: 6, 5, …, 0 remaining, once each.
			expect(admitted.map((r) => r.ok && r.remaining).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
			for (const r of results.filter((r) => !r.ok)) {
				expect(r).toEqual({ ok: false, retryAfterSeconds: 55 });
			}
			const row = await handle.db
				.selectFrom('rate_limits')
				.select(['count', 'window_start', 'expires_at'])
				.executeTakeFirstOrThrow();
			expect(row).toEqual({
				count: 50,
				window_start: T0.getTime() / 1000,
				expires_at: T0.getTime() / 1000 + 60
			});
		} finally {
			await other.close();
		}
	});

	it('starts afresh in the next window', async () => {
		const rule = { bucket: 'test', key: 'k', limit: 3, windowSeconds: 900 };
		for (let i = 0; i < 3; i++) {
			expect(await hitRateLimit(handle.db, { ...rule, now: at(i) })).toEqual({
				ok: true,
				remaining: 2 - i
			});
		}
		expect((await hitRateLimit(handle.db, { ...rule, now: at(899) })).ok).toBe(false);
		expect(await hitRateLimit(handle.db, { ...rule, now: at(900) })).toEqual({
			ok: true,
			remaining: 2
		});
	});

	it('says to retry when the window ends, never later and never 0', async () => {
		const rule = { bucket: 'test', key: 'k', limit: 1, windowSeconds: 900 };
		await hitRateLimit(handle.db, { ...rule, now: at(0) });
		const cases: [number, number][] = [
			[0, 900],
			[100, 800],
			[100.4, 800], // rounded up: retrying after 799 s would still be refused
			[899.9, 1]
		];
		for (const [elapsed, retry] of cases) {
			const result = await hitRateLimit(handle.db, { ...rule, now: at(elapsed) });
			expect(result, String(elapsed)).toEqual({ ok: false, retryAfterSeconds: retry });
		}
	});

	it('keeps keys and buckets independent', async () => {
		const rule = { limit: 2, windowSeconds: 60, now: at(1) };
		for (let i = 0; i < 3; i++) await hitRateLimit(handle.db, { ...rule, bucket: 'a', key: 'x' });
		expect(await hitRateLimit(handle.db, { ...rule, bucket: 'a', key: 'x' })).toMatchObject({
			ok: false
		});
		expect(await hitRateLimit(handle.db, { ...rule, bucket: 'a', key: 'y' })).toEqual({
			ok: true,
			remaining: 1
		});
		expect(await hitRateLimit(handle.db, { ...rule, bucket: 'b', key: 'x' })).toEqual({
			ok: true,
			remaining: 1
		});
	});

	it('stores digests, not e-mail or IP addresses', async () => {
		await hitRateLimits(
			handle.db,
			RATE_LIMITS.signIn,
			{ account: 'Jan@Example.nl', client: '192.0.2.7' },
			at(0)
		);
		const keys = await handle.db.selectFrom('rate_limits').select('key').execute();
		expect(keys).toHaveLength(2);
		for (const { key } of keys) {
			expect(key).toMatch(/^[\w-]{43}$/);
			expect(key).not.toContain('192.0.2.7');
		}
	});

	it('checks account and client together and answers with the longest Retry-After', async () => {
		const policy = {
			account: { bucket: 'acc', limit: 2, windowSeconds: 60 },
			client: { bucket: 'cli', limit: 3, windowSeconds: 3600 }
		};
		const hit = (account: string, seconds: number): Promise<RateLimitResult> =>
			hitRateLimits(handle.db, policy, { account, client: '192.0.2.7' }, at(seconds));
		expect(await hit('jan@example.nl', 0)).toEqual({ ok: true, remaining: 1 });
		// The same account, typed differently.
		expect(await hit(' JAN@example.NL', 1)).toEqual({ ok: true, remaining: 0 });
		// Account over its limit (retry in 58 s); client still within (1 of 3 left after this).
		expect(await hit('jan@example.nl', 2)).toEqual({ ok: false, retryAfterSeconds: 58 });
		// Another account from the same client: now the client is over, for the rest of the hour.
		expect(await hit('piet@example.nl', 3)).toEqual({ ok: false, retryAfterSeconds: 3597 });
		// Both over: the longer wait wins.
		expect(await hit('jan@example.nl', 4)).toEqual({ ok: false, retryAfterSeconds: 3596 });
	});

	it('forgets an account after a successful sign-in, but not the client', async () => {
		const keys = { account: 'jan@example.nl', client: '192.0.2.7' };
		for (let i = 0; i < 5; i++) {
			await hitRateLimits(handle.db, RATE_LIMITS.signIn, keys, at(i));
		}
		expect((await hitRateLimits(handle.db, RATE_LIMITS.signIn, keys, at(10))).ok).toBe(false);
		await clearAccountRateLimit(handle.db, RATE_LIMITS.signIn, 'Jan@Example.nl');
		// 50 per client, 6 used: the account's own limit decides again.
		expect(await hitRateLimits(handle.db, RATE_LIMITS.signIn, keys, at(11))).toEqual({
			ok: true,
			remaining: 4
		});
	});

	it('prunes windows that are over, and only those', async () => {
		const rule = { bucket: 'test', limit: 5 };
		await hitRateLimit(handle.db, { ...rule, key: 'short', windowSeconds: 60, now: at(0) });
		await hitRateLimit(handle.db, { ...rule, key: 'long', windowSeconds: 3600, now: at(0) });
		expect(await pruneRateLimits(handle.db, at(59))).toBe(0);
		expect(await pruneRateLimits(handle.db, at(60))).toBe(1);
		const left = await handle.db.selectFrom('rate_limits').select('expires_at').execute();
		expect(left).toEqual([{ expires_at: T0.getTime() / 1000 + 3600 }]);
		// A hit more than a minute later prunes on its way: the hour window is over by then.
		await hitRateLimit(handle.db, { ...rule, key: 'other', windowSeconds: 60, now: at(7200) });
		const after = await handle.db.selectFrom('rate_limits').select('window_start').execute();
		expect(after).toEqual([{ window_start: T0.getTime() / 1000 + 7200 }]);
	});
});
