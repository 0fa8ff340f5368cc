import { applicantOfApplication } from '$lib/server/features/accounts/queries';
import { settleVerifiedApplicant } from '$lib/server/features/accounts/mutations';
import { getConfig } from '$lib/server/platform/config';
import type { PageServerLoad } from './$types';

type Confirmation = 'approved' | 'member' | 'waiting' | 'rejected' | 'invalid' | 'expired';

/**
 * Where better-auth's verification link lands (callbackURL): ?aanmelding=<application id> after
 * a successful verification, ?error=… after a failed one. The id only finds the applicant; the
 * database says whether the address is verified.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const failure = url.searchParams.get('error');
	if (failure) {
		const outcome: Confirmation = failure === 'TOKEN_EXPIRED' ? 'expired' : 'invalid';
		return { outcome };
	}
	const applicationId = url.searchParams.get('aanmelding') ?? '';
	const userId = applicationId ? await applicantOfApplication(locals.db, applicationId) : undefined;
	if (!userId) return { outcome: 'invalid' as Confirmation };
	const settled = await settleVerifiedApplicant(locals.db, userId, { origin: getConfig().origin });
	if (!settled.ok) return { outcome: 'invalid' as Confirmation };
	const outcome: Confirmation =
		settled.outcome === 'approved'
			? 'approved'
			: settled.outcome === 'already_member'
				? 'member'
				: settled.outcome;
	return { outcome };
};
