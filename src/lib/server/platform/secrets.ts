import { randomBytes } from 'node:crypto';
import type { DB } from '../db';

/**
 * The secret that signs session cookies. AUTH_SECRET wins; otherwise the first start generates
 * one and stores it in the database, so every app process (and every restart) uses the same.
 */
export async function ensureAuthSecret(db: DB, fromEnv: string | undefined): Promise<string> {
	if (fromEnv) return fromEnv;
	await db
		.insertInto('app_settings')
		.values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await db
		.selectFrom('app_settings')
		.select('value')
		.where('key', '=', 'auth_secret')
		.executeTakeFirstOrThrow();
	return row.value;
}
