import { createHash } from 'node:crypto';
import type { DB } from '../db';

/**
 * Rate limits shared by every app process, so they live in the database (table rate_limits).
 *
 * Fixed windows: one counter row per (bucket, key, window), bumped by a single atomic
 * `INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count` (SQLite ≥ 3.35 and
 * PostgreSQL). Each hit learns its own position in the window from that one statement, so under
 * any number of concurrent hits from any number of processes exactly `limit` are admitted: there
 * is no read-then-write gap to race through. The price of fixed windows is that a client can
 * spend one window's budget at its end and the next at the start of the next (at most twice the
 * limit in a short burst); for the limits below that is harmless, and it keeps every hit one
 * statement.
 *
 * Windows are computed from the app's clock (injectable for tests); processes are assumed to
 * run NTP, as sessions and jobs already assume.
 */

export interface RateLimitRule {
	/** Names the counter; one bucket per rule, e.g. 'sign_in_account'. */
	bucket: string;
	/** Hits admitted per window. */
	limit: number;
	windowSeconds: number;
}

export type RateLimitResult =
	{ ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** A policy limits by account (an e-mail address), by client (see clientKey), or both. */
export interface RateLimitPolicy {
	account?: RateLimitRule;
	client?: RateLimitRule;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * The limits, per action. Every attempt counts, successful or not (see clearRateLimit for
 * sign-in). Why these numbers:
 * - Sign-in: 5 per 15 minutes per account leaves room for typos, and with the password policy's
 *   minimum of ~10^8 guesses an online attacker gets nowhere at 480 guesses a day. Per client,
 *   50 per 15 minutes (not 20): whole municipalities sign in from behind one address, e.g. a
 *   room of colleagues joining the same webinar; 50 still stops credential stuffing from one
 *   address.
 * - Applying: 10 per hour per client. Applications are rare; a coordinator signing up a team
 *   from one office should not hit the limit, a script should.
 * - Password reset and verification e-mails: 3 per hour per account, so nobody's inbox can be
 *   flooded through us; 10 per hour per client, so one client cannot spray many inboxes.
 */
export const RATE_LIMITS = {
	signIn: {
		account: { bucket: 'sign_in_account', limit: 5, windowSeconds: 15 * MINUTE },
		client: { bucket: 'sign_in_client', limit: 50, windowSeconds: 15 * MINUTE }
	},
	apply: {
		client: { bucket: 'apply_client', limit: 10, windowSeconds: HOUR }
	},
	passwordReset: {
		account: { bucket: 'password_reset_account', limit: 3, windowSeconds: HOUR },
		client: { bucket: 'password_reset_client', limit: 10, windowSeconds: HOUR }
	},
	verificationEmail: {
		account: { bucket: 'verification_email_account', limit: 3, windowSeconds: HOUR },
		client: { bucket: 'verification_email_client', limit: 10, windowSeconds: HOUR }
	}
} as const satisfies Record<string, RateLimitPolicy>;

/**
 * Keys are stored as a digest: e-mail and IP addresses are personal data, and the counters need
 * only to tell keys apart. It also gives every key the same short length in the primary key.
 */
function digest(key: string): string {
	return createHash('sha256').update(key).digest('base64url');
}

/** The same account typed differently is the same account. */
export function accountKey(email: string): string {
	return email.normalize('NFKC').trim().toLowerCase();
}

const PRUNE_EVERY_MS = 60_000;
/** Per database handle, when this process last pruned; only saves work, so it may be per process. */
const lastPrune = new WeakMap<object, number>();

/**
 * Counts one hit for `key` in `bucket` and says whether it is within `limit` per window. Counts
 * refused hits too, so hammering does not earn an earlier retry.
 */
export async function hitRateLimit(
	db: DB,
	input: RateLimitRule & { key: string; now?: Date }
): Promise<RateLimitResult> {
	const { bucket, key, limit, windowSeconds } = input;
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be ≥ 1: ${limit}`);
	if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
		throw new RangeError(`windowSeconds must be ≥ 1: ${windowSeconds}`);
	}
	const nowMs = (input.now ?? new Date()).getTime();
	const nowSeconds = nowMs / 1000;
	const windowStart = Math.floor(nowSeconds / windowSeconds) * windowSeconds;
	await maybePrune(db, nowMs);

	const row = await db
		.insertInto('rate_limits')
		.values({
			bucket,
			key: digest(key),
			window_start: windowStart,
			expires_at: windowStart + windowSeconds,
			count: 1
		})
		.onConflict((oc) =>
			oc
				.columns(['bucket', 'key', 'window_start'])
				.doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) }))
		)
		.returning('count')
		.executeTakeFirstOrThrow();

	const count = Number(row.count);
	if (count <= limit) return { ok: true, remaining: limit - count };
	// Whole seconds, rounded up (Retry-After takes integers), and never 0: "retry now" would be
	// wrong until the window has actually ended.
	return {
		ok: false,
		retryAfterSeconds: Math.max(1, Math.ceil(windowStart + windowSeconds - nowSeconds))
	};
}

/**
 * Hits every rule of a policy that has a key (e.g. the account and the client for sign-in).
 * Refused when any rule refuses, with the longest Retry-After; otherwise the least remaining.
 */
export async function hitRateLimits(
	db: DB,
	policy: RateLimitPolicy,
	keys: { account?: string; client?: string },
	now?: Date
): Promise<RateLimitResult> {
	const hits: Promise<RateLimitResult>[] = [];
	if (policy.account && keys.account !== undefined) {
		hits.push(hitRateLimit(db, { ...policy.account, key: accountKey(keys.account), now }));
	}
	if (policy.client && keys.client !== undefined) {
		hits.push(hitRateLimit(db, { ...policy.client, key: keys.client, now }));
	}
	if (hits.length === 0) throw new Error('hitRateLimits needs a key for at least one rule');
	const results = await Promise.all(hits);
	let retryAfterSeconds = 0;
	let remaining = Infinity;
	for (const r of results) {
		if (r.ok) remaining = Math.min(remaining, r.remaining);
		else retryAfterSeconds = Math.max(retryAfterSeconds, r.retryAfterSeconds);
	}
	return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true, remaining };
}

/**
 * Forgets an account's counts under a policy. After a successful sign-in, so that the account's
 * own sign-ins never add up to a lock-out. The per-client counts stay: a success from an address
 * says nothing about the other accounts it is trying.
 */
export async function clearAccountRateLimit(
	db: DB,
	policy: RateLimitPolicy,
	email: string
): Promise<void> {
	if (!policy.account) return;
	await db
		.deleteFrom('rate_limits')
		.where('bucket', '=', policy.account.bucket)
		.where('key', '=', digest(accountKey(email)))
		.execute();
}

/** Deletes windows that are over. For the jobs worker; hitRateLimit also calls it now and then. */
export async function pruneRateLimits(db: DB, now: Date = new Date()): Promise<number> {
	const result = await db
		.deleteFrom('rate_limits')
		.where('expires_at', '<=', Math.floor(now.getTime() / 1000))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** At most once a minute per process and database: cheap (an index range), but not per hit. */
async function maybePrune(db: DB, nowMs: number): Promise<void> {
	const last = lastPrune.get(db);
	if (last !== undefined && nowMs - last < PRUNE_EVERY_MS && nowMs >= last) return;
	lastPrune.set(db, nowMs);
	try {
		await pruneRateLimits(db, new Date(nowMs));
	} catch {
		// A missed prune only leaves a few expired rows for the next one; the hit must go on.
	}
}
