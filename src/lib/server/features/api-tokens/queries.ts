import type { DB } from '../../db';
import { hashToken } from './tokens';

/** The owner's tokens that still work, newest first. */
export async function listTokens(db: DB, userId: string) {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.execute();
}

/** The person a token belongs to, only while the token is not revoked. */
export async function findTokenOwner(db: DB, token: string) {
	return db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.select([
			'api_tokens.id as tokenId',
			'api_tokens.last_used_at',
			'users.id',
			'users.name',
			'users.email',
			'users.role',
			'users.status',
			'users.two_factor_enabled'
		])
		.where('api_tokens.token_hash', '=', hashToken(token))
		.where('api_tokens.revoked_at', 'is', null)
		.executeTakeFirst();
}
