import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { Auth } from '../../platform/auth';
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

export type CodeResult = { ok: true } | { ok: false; reason: 'wrong_code' | 'locked' | 'expired' };

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

/** Step 3 of setup, or the second step of signing in: a code from the app. */
export async function verifyTotpCode(
	auth: Auth,
	headers: Headers,
	code: string
): Promise<CodeResult> {
	try {
		await auth.api.verifyTOTP({ body: { code: code.replace(/\s+/g, '') }, headers });
		return { ok: true };
	} catch (error) {
		return codeFailure(error);
	}
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
