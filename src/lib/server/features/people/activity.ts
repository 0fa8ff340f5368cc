import type { DB } from '../../db';
import { ACTIVITY_PERIOD_MS, touchLastActive } from './mutations';

/** Members this process noted as active, with when: saves the UPDATE on most requests. */
const noted = new Map<string, number>();
const MAX_NOTED = 50_000;

/**
 * Called for every request of a signed-in, active member (hooks.server.ts): keeps "last
 * active" (the directory's "recently active" order) within the hour. Each process asks the
 * database at most once per member per period, and the UPDATE itself is conditional, so with
 * any number of processes the row changes at most once per period.
 */
export async function noteActivity(db: DB, userId: string, now = Date.now()): Promise<void> {
	const last = noted.get(userId);
	if (last !== undefined && now - last < ACTIVITY_PERIOD_MS) return;
	if (noted.size >= MAX_NOTED) noted.clear();
	noted.set(userId, now);
	await touchLastActive(db, userId, new Date(now));
}
