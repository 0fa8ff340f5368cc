import { APIError } from 'better-auth/api';
import type { DB } from '../../db';
import type { Auth } from '../../platform/auth';
import { clearAccountRateLimit, hitRateLimits, RATE_LIMITS } from '../../platform/rate-limit';
import { normalizePassword } from './password-policy';
import { endSessionsOf } from './mutations';
import { accountStatus } from './queries';
import type { SignInInput } from './schema';

export type SignInResult =
	| { ok: true; twoFactorRequired: boolean }
	| {
			ok: false;
			reason: 'invalid_credentials' | 'email_not_verified' | 'suspended' | 'rate_limited';
			retryAfterSeconds?: number;
	  };

export interface SignInDeps {
	db: DB;
	auth: Auth;
	/** The request's headers: better-auth reads the origin and sets cookies through them. */
	headers: Headers;
	/** The rate-limit key of the client (platform/client-address.ts). */
	client: string;
}

/**
 * Signs a person in with e-mail and password, for the form and the API alike. Limited per account
 * and per client before better-auth sees the password; a suspended account is refused even with
 * the right password (and gets no session).
 */
export async function signIn(deps: SignInDeps, input: SignInInput): Promise<SignInResult> {
	const limited = await hitRateLimits(deps.db, RATE_LIMITS.signIn, {
		account: input.email,
		client: deps.client
	});
	if (!limited.ok) {
		return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
	}

	const status = await accountStatus(deps.db, input.email);

	try {
		const result = await deps.auth.api.signInEmail({
			body: { email: input.email, password: normalizePassword(input.password) },
			headers: deps.headers
		});
		if (status === 'suspended') {
			// The password was right, but a suspended account gets no session.
			await endSessionsOf(deps.db, input.email);
			return { ok: false, reason: 'suspended' };
		}
		await clearAccountRateLimit(deps.db, RATE_LIMITS.signIn, input.email);
		return {
			ok: true,
			twoFactorRequired: 'twoFactorRedirect' in result && !!result.twoFactorRedirect
		};
	} catch (error) {
		if (error instanceof APIError) {
			const code = (error.body as { code?: string } | undefined)?.code;
			if (code === 'EMAIL_NOT_VERIFIED') return { ok: false, reason: 'email_not_verified' };
			if (error.status === 'UNAUTHORIZED' || code === 'INVALID_EMAIL_OR_PASSWORD') {
				return { ok: false, reason: 'invalid_credentials' };
			}
		}
		throw error;
	}
}
