import { APIError } from 'better-auth/api';
import type { DB } from '../../db';
import type { Auth } from '../../platform/auth';
import { hitRateLimits, RATE_LIMITS } from '../../platform/rate-limit';
import {
	checkPassword,
	normalizePassword,
	type PasswordRefusal,
	type PasswordWarning
} from './password-policy';
import { passwordResetAccount } from './queries';
import type { PasswordResetInput, PasswordResetRequestInput } from './schema';

/** Where the link in the e-mail leads (better-auth adds ?token=… or ?error=INVALID_TOKEN). */
export const RESET_PAGE = '/wachtwoord-herstellen';

export interface PasswordResetDeps {
	db: DB;
	auth: Auth;
	/** The request's headers: better-auth checks the origin through them. */
	headers: Headers;
}

export type RequestResetResult =
	{ ok: true } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Sends a reset link when the address belongs to an account, and says the same either way, so
 * nobody learns which addresses have accounts. Limited per address and per client (counted for
 * unknown addresses too, which keeps the answer the same). better-auth queues the mail through
 * platform/auth.ts.
 */
export async function requestPasswordReset(
	deps: PasswordResetDeps & { client: string },
	input: PasswordResetRequestInput
): Promise<RequestResetResult> {
	const limited = await hitRateLimits(deps.db, RATE_LIMITS.passwordReset, {
		account: input.email,
		client: deps.client
	});
	if (!limited.ok) {
		return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
	}
	await deps.auth.api.requestPasswordReset({
		body: { email: input.email, redirectTo: RESET_PAGE },
		headers: deps.headers
	});
	return { ok: true };
}

/** Whose password a reset token would change; undefined when it is unknown or expired. */
export async function resetTokenAccount(db: DB, token: string) {
	const account = await passwordResetAccount(db, token);
	return account && { name: account.name, email: account.email };
}

export type ResetPasswordResult =
	| { ok: true }
	| { ok: false; reason: 'invalid_token' | 'mismatch' }
	| { ok: false; reason: PasswordRefusal; warning?: PasswordWarning };

/**
 * Sets a new password with a token from the e-mail: judged by the password policy against the
 * account's own name and address, normalised like every password. better-auth then ends every
 * session of the account (revokeSessionsOnPasswordReset) and uses up the token.
 */
export async function resetPassword(
	deps: Pick<PasswordResetDeps, 'db' | 'auth'>,
	input: PasswordResetInput
): Promise<ResetPasswordResult> {
	const account = await passwordResetAccount(deps.db, input.token);
	if (!account) return { ok: false, reason: 'invalid_token' };
	const password = normalizePassword(input.password);
	if (password !== normalizePassword(input.confirm)) return { ok: false, reason: 'mismatch' };
	const check = checkPassword(password, [account.name, account.email]);
	if (!check.ok) return { ok: false, reason: check.reason, warning: check.warning };
	try {
		await deps.auth.api.resetPassword({ body: { newPassword: password, token: input.token } });
	} catch (error) {
		// Used or expired between the check above and now (a second tab, a double submit).
		const code = error instanceof APIError ? (error.body as { code?: string })?.code : undefined;
		if (code === 'INVALID_TOKEN' || code === 'USER_NOT_FOUND') {
			return { ok: false, reason: 'invalid_token' };
		}
		throw error;
	}
	return { ok: true };
}
