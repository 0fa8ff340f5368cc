import type { Generated } from 'kysely';

/** better-auth's session, in snake_case (platform/auth.ts maps the field names). */
export interface SessionTable {
	id: string;
	token: string;
	user_id: string;
	expires_at: string;
	ip_address: string | null;
	user_agent: string | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface VerificationTable {
	id: string;
	identifier: string;
	value: string;
	expires_at: string;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface TwoFactorTable {
	id: string;
	user_id: string;
	secret: string;
	backup_codes: string;
	verified: Generated<boolean | number>;
	failed_verification_count: Generated<number>;
	locked_until: string | null;
}

export interface AppSettingTable {
	key: string;
	value: string;
	created_at: Generated<string>;
}

/** Time-based codes an account used lately (hashed): each works once. */
export interface TotpUseTable {
	user_id: string;
	code_hash: string;
	used_at: string;
}
