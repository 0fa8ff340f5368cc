import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { DB } from '../../db';
import type { Auth } from '../../platform/auth';
import { claimTotpCode, endSession } from './mutations';
import { normalizePassword } from './password-policy';

/** Turning on two-step verification (TOTP with backup codes), for the profile page and the API. */

export type StartResult =
	| { ok: true; totpUri: string; secret: string; qrSvg: string; backupCodes: string[] }
	| { ok: false; reason: 'wrong_password' };

/** Step 1: the password confirms it is you; better-auth creates the secret and backup codes. */
export async function startTwoFactor(
	auth: Auth,
	headers: Headers,
	password: string
): Promise<StartResult> {
	try {
		const result = await auth.api.enableTwoFactor({
			body: { password: normalizePassword(password), method: 'totp' },
			headers
		});
		if (!('totpURI' in result)) throw new Error('better-auth did not return a TOTP URI');
		const uri = new URL(result.totpURI);
		return {
			ok: true,
			totpUri: result.totpURI,
			secret: uri.searchParams.get('secret') ?? '',
			qrSvg: await QRCode.toString(result.totpURI, { type: 'svg', margin: 1, width: 200 }),
			backupCodes: result.backupCodes
		};
	} catch (error) {
		if (
			error instanceof APIError &&
			(error.status === 'BAD_REQUEST' || error.status === 'UNAUTHORIZED')
		) {
			return { ok: false, reason: 'wrong_password' };
		}
		throw error;
	}
}

export type CodeResult =
	{ ok: true } | { ok: false; reason: 'wrong_code' | 'reused' | 'locked' | 'expired' };

function codeFailure(error: unknown): CodeResult {
	if (error instanceof APIError) {
		const code = (error.body as { code?: string } | undefined)?.code ?? '';
		if (/LOCK|TOO_MANY/i.test(code) || error.status === 'TOO_MANY_REQUESTS') {
			return { ok: false, reason: 'locked' };
		}
		if (/INVALID_TWO_FACTOR_COOKIE|COOKIE/i.test(code)) return { ok: false, reason: 'expired' };
		if (error.status === 'UNAUTHORIZED' || error.status === 'BAD_REQUEST') {
			return { ok: false, reason: 'wrong_code' };
		}
	}
	throw error;
}

/**
 * Step 3 of setup, or the second step of signing in: a code from the app. Each code works once
 * (ASVS 2.8.4): a sign-in with a code this account already used gets no session. The code that
 * turned two-step verification on is remembered too, so it cannot sign in again.
 */
export async function verifyTotpCode(
	deps: { auth: Auth; db: DB },
	headers: Headers,
	input: { code: string; purpose: 'sign_in' | 'set_up' }
): Promise<CodeResult> {
	const code = input.code.replace(/\s+/g, '');
	let verified: { token: string; user: { id: string } };
	try {
		verified = await deps.auth.api.verifyTOTP({ body: { code }, headers });
	} catch (error) {
		return codeFailure(error);
	}
	const first = await claimTotpCode(deps.db, { userId: verified.user.id, code });
	if (!first && input.purpose === 'sign_in') {
		await endSession(deps.db, verified.token);
		return { ok: false, reason: 'reused' };
	}
	return { ok: true };
}

/** The second step of signing in with one of the backup codes. */
export async function verifyBackupCode(
	auth: Auth,
	headers: Headers,
	code: string
): Promise<CodeResult> {
	try {
		await auth.api.verifyBackupCode({ body: { code: code.trim() }, headers });
		return { ok: true };
	} catch (error) {
		return codeFailure(error);
	}
}
