import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError } from '$lib/server/api/respond';
import { cancelMember } from '$lib/server/features/events/mutations';
import { eventForViewer } from '$lib/server/features/events/queries';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

const REASONS: Record<string, string> = {
	not_registered: 'Je bent niet (meer) aangemeld voor dit evenement.',
	event_over: 'Dit evenement is al voorbij; afmelden kan niet meer.',
	stale_link: 'Deze aanmelding bestaat niet meer.',
	programme_session:
		'Je plaats hoort bij het programma van deze bijeenkomst: meld je af voor het programma, of laat het de coördinator weten.'
};

/** Cancel my registration (or leave the waiting list); the first waiting gets the place. */
export const POST: RequestHandler = async ({ locals, params }) => {
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
	const result = await cancelMember(locals.db, {
		eventId: event.id,
		userId: member.userId,
		origin: getConfig().origin
	});
	if (!result.ok)
		return apiError(409, result.reason, REASONS[result.reason] ?? 'Afmelden lukt niet.');
	return json({ cancelled: result.was });
};
