import { createHash, randomBytes } from 'node:crypto';

/** Token format: "kn_" and 43 URL-safe characters (32 random bytes). Pure helpers. */
export const TOKEN_PREFIX = 'kn_';

export function generateToken(): string {
	return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function looksLikeToken(value: string): boolean {
	return /^kn_[A-Za-z0-9_-]{43}$/.test(value);
}
