import { json } from '@sveltejs/kit';
import { apiError, unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import { presentProfileForApi } from '$lib/server/features/people/present';
import { memberProfile } from '$lib/server/features/people/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** One member's profile, as the profile page shows it to the caller. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) return unauthorized();
	if (!can(locals.user, 'see_member_pages')) {
		return apiError(403, 'forbidden', 'Alleen leden van het kennisnetwerk zien profielen.');
	}
	const profile = await memberProfile(locals.db, params.id, viewerFrom(locals.user));
	if (!profile) return apiError(404, 'not_found', 'Dit lid bestaat niet (meer).');
	return json(presentProfileForApi(profile), { headers: { 'cache-control': 'no-store' } });
};
