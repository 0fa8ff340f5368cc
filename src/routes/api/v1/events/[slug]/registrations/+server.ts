import { apiMember } from '$lib/server/api/member';
import { apiError, apiList } from '$lib/server/api/respond';
import { can } from '$lib/server/features/events/policy';
import { eventSubject, presentApiRegistrations } from '$lib/server/features/events/present';
import { eventForViewer, listRegistrations } from '$lib/server/features/events/queries';
import type { RequestHandler } from './$types';

/** The registrations and the waiting list, for the event's organisers, admins and editors. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const event = await eventForViewer(locals.db, params.slug, member.viewer);
	if (!event) {
		return apiError(
			404,
			'not_found',
			'Dit evenement bestaat niet, of je hebt er geen toegang toe.'
		);
	}
	if (!can(member.viewer, 'manage', eventSubject(event))) {
		return apiError(
			403,
			'forbidden',
			'Alleen de organisatie van dit evenement ziet wie er aangemeld is.'
		);
	}
	const items = presentApiRegistrations(await listRegistrations(locals.db, event.id));
	return apiList(items, items.length);
};
