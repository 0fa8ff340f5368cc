import { APIError } from 'better-auth/api';
import type { DB } from '../../db';
import type { Auth } from '../../platform/auth';
import { clearAccountRateLimit, hitRateLimits, RATE_LIMITS } from '../../platform/rate-limit';
import { normalizePassword } from './password-policy';
import { endSessionsOf } from './mutations';
import { confirmationPath } from './apply';
import { accountStatus, latestApplicationOf } from './queries';
import type { SignInInput } from './schema';

export type SignInResult =
	| { ok: true; twoFactorRequired: boolean }
	| {
			ok: false;
			reason: 'invalid_credentials' | 'email_not_verified' | 'suspended' | 'rate_limited';
			retryAfterSeconds?: number;
			/** For email_not_verified: whether a new verification link went out now. */
			linkSent?: boolean;
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
			if (code === 'EMAIL_NOT_VERIFIED') {
				return {
					ok: false,
					reason: 'email_not_verified',
					linkSent: await resendVerification(deps, input.email)
				};
			}
			if (error.status === 'UNAUTHORIZED' || code === 'INVALID_EMAIL_OR_PASSWORD') {
				return { ok: false, reason: 'invalid_credentials' };
			}
		}
		throw error;
	}
}

/**
 * A new verification link for someone who signed in with the right password (better-auth checks
 * it before it refuses an unverified address) but never confirmed the address: the first mail may
 * have been lost. As often as verification mails may go to one address and from one client; the
 * link leads back to the person's application, as the first one did.
 */
async function resendVerification(deps: SignInDeps, email: string): Promise<boolean> {
	const limited = await hitRateLimits(deps.db, RATE_LIMITS.verificationEmail, {
		account: email,
		client: deps.client
	});
	if (!limited.ok) return false;
	const application = await latestApplicationOf(deps.db, email);
	await deps.auth.api.sendVerificationEmail({
		body: {
			email,
			callbackURL: application ? confirmationPath(application) : '/inloggen'
		}
	});
	return true;
}
