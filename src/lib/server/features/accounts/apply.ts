import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import type { Auth } from '../../platform/auth';
import { queueMail } from '../../platform/mail';
import { hitRateLimit, hitRateLimits, RATE_LIMITS, accountKey } from '../../platform/rate-limit';
import { existingAccountMail } from './membership-mails';
import { recordApplication } from './mutations';
import {
	checkPassword,
	normalizePassword,
	type PasswordRefusal,
	type PasswordWarning
} from './password-policy';
import { missingApplicationReferences, userExists } from './queries';
import type { ApplyInput } from './schema';

export type ApplyResult =
	| { ok: true }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
	| { ok: false; reason: 'unknown_reference'; fields: string[] }
	| { ok: false; reason: 'weak_password'; refusal: PasswordRefusal; warning: PasswordWarning };

export interface ApplyDeps {
	db: DB;
	auth: Auth;
	/** The request's headers, handed to better-auth. */
	headers: Headers;
	/** The rate-limit key of the client (platform/client-address.ts). */
	client: string;
	/** The app's address, for links in mails. */
	origin: string;
}

/** Where the verification link lands; the application id finds the applicant again there. */
export function confirmationPath(applicationId: string): string {
	return `/aanmelden/bevestigd?aanmelding=${encodeURIComponent(applicationId)}`;
}

/**
 * Applies for membership (the form at /aanmelden): limited per client before the
 * password is judged (zxcvbn costs CPU), then the account through better-auth (which queues the
 * verification mail), then our own fields. An address that already has an account gets the same
 * answer as a new one, so the page reveals nothing; its owner gets a mail saying so instead.
 */
export async function applyForMembership(deps: ApplyDeps, input: ApplyInput): Promise<ApplyResult> {
	const limited = await hitRateLimits(deps.db, RATE_LIMITS.apply, { client: deps.client });
	if (!limited.ok) {
		return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
	}

	const organisationId = input.newOrganisation ? null : input.organisation;
	const missing = await missingApplicationReferences(deps.db, {
		organisationId,
		organisationTypeId: input.newOrganisation?.typeId ?? null,
		organisationProvinceCode: input.newOrganisation?.provinceCode ?? null,
		fieldRoleId: input.fieldRole,
		provinceCode: input.province,
		themeIds: input.themes
	});
	if (missing.length > 0) return { ok: false, reason: 'unknown_reference', fields: missing };

	const judged = checkPassword(input.password, [input.name, input.email]);
	if (!judged.ok) {
		return {
			ok: false,
			reason: 'weak_password',
			refusal: judged.reason,
			warning: judged.warning ?? null
		};
	}

	const applicationId = randomUUID();
	const created = await deps.auth.api.signUpEmail({
		body: {
			name: input.name,
			email: input.email,
			password: normalizePassword(input.password),
			callbackURL: confirmationPath(applicationId)
		},
		headers: deps.headers
	});

	if (await userExists(deps.db, created.user.id)) {
		await recordApplication(deps.db, {
			applicationId,
			userId: created.user.id,
			organisationId,
			newOrganisation: input.newOrganisation,
			fieldRoleId: input.fieldRole,
			provinceCode: input.province,
			themeIds: input.themes,
			motivation: input.motivation
		});
		return { ok: true };
	}

	// better-auth answered a repeated address with a made-up account. Tell the owner, at most as
	// often as verification mails may go to one address, so nobody can flood an inbox through us.
	const perAccount = RATE_LIMITS.verificationEmail.account;
	const notice = await hitRateLimit(deps.db, { ...perAccount, key: accountKey(input.email) });
	if (notice.ok) {
		await queueMail(deps.db, {
			to: input.email,
			kind: 'existing_account',
			...existingAccountMail(deps.origin)
		});
	}
	return { ok: true };
}
