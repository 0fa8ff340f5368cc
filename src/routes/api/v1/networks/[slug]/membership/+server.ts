import { json } from '@sveltejs/kit';
import { apiError, readJson, unauthorized } from '$lib/server/api/respond';
import { joinNetwork } from '$lib/server/features/networks/mutations';
import { can } from '$lib/server/features/networks/policy';
import { networkForViewer } from '$lib/server/features/networks/queries';
import { membershipBodySchema } from '$lib/server/features/networks/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/** Join an open network (201, active) or ask to join an on-request one (202, requested). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const viewer = viewerFrom(locals.user);
	if (viewer.kind !== 'member') return unauthorized();
	const found = await networkForViewer(locals.db, params.slug, viewer);
	if (!found)
		return apiError(404, 'not_found', 'Dit netwerk bestaat niet, of je hebt er geen toegang toe.');
	if (found.membership) {
		return found.membership.status === 'requested'
			? apiError(409, 'already_requested', 'Je hebt al gevraagd om mee te doen.')
			: apiError(409, 'already_member', 'Je doet al mee aan dit netwerk.');
	}
	if (!can(viewer, 'join', found.subject) && !can(viewer, 'request', found.subject)) {
		return apiError(403, 'invitation_only', 'Aan dit netwerk doe je mee op uitnodiging.');
	}
	const input = await readJson(request, membershipBodySchema);
	if (!input.ok) return input.response;
	const result = await joinNetwork(locals.db, {
		networkId: found.network.id,
		userId: viewer.userId,
		message: input.data.message,
		origin: getConfig().origin
	});
	if (!result.ok) {
		return apiError(409, result.reason, 'Je doet al mee of hebt al gevraagd om mee te doen.');
	}
	return json({ status: result.status }, { status: result.status === 'active' ? 201 : 202 });
};
