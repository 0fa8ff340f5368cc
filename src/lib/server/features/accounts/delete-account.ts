import type { DB } from '../../db';
import type { Auth } from '../../platform/auth';
import { hitRateLimits, RATE_LIMITS } from '../../platform/rate-limit';
import { deletePhotoFile } from '../people/photo';
import { eraseAccount } from './mutations';
import { normalizePassword } from './password-policy';
import { accountCredentials } from './queries';
import type { DeleteAccountInput } from './schema';

export type DeleteAccountResult =
	| { ok: true }
	| { ok: false; reason: 'wrong_password' | 'not_found' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export interface DeleteAccountDeps {
	db: DB;
	auth: Auth;
	/** The rate-limit key of the client (platform/client-address.ts). */
	client: string;
	/** Where profile photos are stored (features/people/photo.ts photosDir): the photo goes too. */
	photosDir: string;
	/**
	 * The site's origin, for the mails of those who move up into a place the person held
	 * (default: the configured ORIGIN).
	 */
	origin?: string;
}

/**
 * Deletes a member's own account after they typed their password again (GDPR erasure). The
 * password is checked with better-auth's own hasher, and the attempts count against the sign-in
 * limits: re-entering a password must not become a way around them. The caller signs the person
 * out afterwards (their sessions are already gone with the account).
 */
export async function deleteOwnAccount(
	deps: DeleteAccountDeps,
	input: DeleteAccountInput & { userId: string }
): Promise<DeleteAccountResult> {
	const credentials = await accountCredentials(deps.db, input.userId);
	if (!credentials) return { ok: false, reason: 'not_found' };
	const limited = await hitRateLimits(deps.db, RATE_LIMITS.signIn, {
		account: credentials.email,
		client: deps.client
	});
	if (!limited.ok) {
		return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
	}
	if (!credentials.passwordHash) return { ok: false, reason: 'wrong_password' };
	const context = await deps.auth.$context;
	const valid = await context.password.verify({
		hash: credentials.passwordHash,
		password: normalizePassword(input.password)
	});
	if (!valid) return { ok: false, reason: 'wrong_password' };
	const erased = await eraseAccount(deps.db, {
		userId: input.userId,
		removeContributions: input.removeContributions,
		origin: deps.origin
	});
	if (!erased) return { ok: false, reason: 'not_found' };
	// After the commit: a failed erasure keeps its photo, a finished one leaves no file behind.
	await deletePhotoFile(deps.photosDir, erased.photo);
	return { ok: true };
}
