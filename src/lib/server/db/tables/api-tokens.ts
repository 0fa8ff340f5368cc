import type { Generated } from 'kysely';

export interface ApiTokenTable {
	id: string;
	user_id: string;
	name: string;
	/** SHA-256 of the token, hex; the token itself is never stored. */
	token_hash: string;
	/** The first characters, so the owner can tell tokens apart. */
	prefix: string;
	created_at: Generated<string>;
	last_used_at: string | null;
	revoked_at: string | null;
}
