import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/respond';
import { can } from '$lib/server/features/events/policy';
import { eventSubject, presentEventDetail } from '$lib/server/features/events/present';
import { eventForViewer } from '$lib/server/features/events/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** One event; the meeting link only for a caller with a place (or who runs the event). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const event = await eventForViewer(locals.db, params.slug, viewer);
	if (!event) {
		return apiError(
			404,
			'not_found',
			'Dit evenement bestaat niet, of je hebt er geen toegang toe.'
		);
	}
	const manage = can(viewer, 'manage', eventSubject(event));
	const detail = presentEventDetail(event, {
		showLink: event.mine?.status === 'registered' || manage
	});
	const {
		when: _when,
		day: _day,
		startTime: _time,
		registrationState: _state,
		full: _full,
		id: _id,
		mapUrl: _map,
		myRegistration,
		...rest
	} = detail;
	return json(
		{
			...rest,
			timeZone: 'Europe/Amsterdam',
			url: `/evenementen/${event.slug}`,
			myRegistration: myRegistration
				? { status: myRegistration.status, position: myRegistration.position }
				: null
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
