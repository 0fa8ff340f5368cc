import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import type { CreateTokenInput } from './schema';
import { generateToken, hashToken } from './tokens';

/** Creates a token; the plain token is returned this once and never stored. */
export async function createToken(db: DB, userId: string, input: CreateTokenInput) {
	const token = generateToken();
	const row = {
		id: randomUUID(),
		user_id: userId,
		name: input.name,
		token_hash: hashToken(token),
		prefix: token.slice(0, 10)
	};
	await db.insertInto('api_tokens').values(row).execute();
	const stored = await db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
		.where('id', '=', row.id)
		.executeTakeFirstOrThrow();
	return { ...stored, token };
}

/** Revokes one of the owner's tokens; false when there is no such (working) token. */
export async function revokeToken(db: DB, userId: string, tokenId: string): Promise<boolean> {
	const result = await db
		.updateTable('api_tokens')
		.set({ revoked_at: new Date().toISOString() })
		.where('id', '=', tokenId)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Notes when a token was used, at most once a minute per token (no write on every request). */
export async function touchToken(
	db: DB,
	tokenId: string,
	lastUsedAt: string | null
): Promise<void> {
	const now = new Date();
	if (lastUsedAt && now.getTime() - new Date(lastUsedAt).getTime() < 60_000) return;
	await db
		.updateTable('api_tokens')
		.set({ last_used_at: now.toISOString() })
		.where('id', '=', tokenId)
		.execute();
}
