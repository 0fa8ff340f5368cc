import { error } from '@sveltejs/kit';
import { eventsIcs } from '$lib/server/features/events/ical';
import { feedOwner, myEvents } from '$lib/server/features/events/queries';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/**
 * A member's personal calendar feed at a secret address (subscribe with webcal://): the events
 * they have a place for (with the meeting link) or wait for (tentative, without it).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const owner = await feedOwner(locals.db, params.token.slice(0, 100));
	if (!owner) error(404, 'Deze agenda-link werkt niet meer. Maak een nieuwe aan op je profiel.');
	const since = new Date(Date.now() - 90 * 24 * 3_600_000).toISOString();
	const events = await myEvents(locals.db, owner.id, since);
	const origin = getConfig().origin;
	const body = eventsIcs(
		events.map((e) => ({
			id: e.id,
			title: e.title,
			summary: e.summary,
			startsAt: e.starts_at,
			endsAt: e.ends_at,
			locationKind: e.location_kind,
			venue: e.venue,
			address: e.address,
			onlineUrl: e.status === 'registered' && e.online_url ? e.online_url : null,
			url: new URL(`/evenementen/${e.slug}`, origin).toString(),
			updatedAt: e.updated_at,
			tentative: e.status === 'waitlisted'
		})),
		`Kennisnetwerk – ${owner.name}`
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, no-store'
		}
	});
};
