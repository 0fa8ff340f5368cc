import { error } from '@sveltejs/kit';
import { eventsIcs } from '$lib/server/features/events/ical';
import { eventForIcs } from '$lib/server/features/events/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/** The event as an .ics file; a registrant's copy (signed in, or by the mail's link) has the meeting link. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const token = url.searchParams.get('sleutel')?.slice(0, 100) || null;
	const event = await eventForIcs(locals.db, params.slug, viewerFrom(locals.user), token);
	if (!event) error(404, 'Dit evenement bestaat niet, of je hebt er geen toegang toe.');
	const body = eventsIcs([
		{
			id: event.id,
			title: event.title,
			summary: event.summary,
			startsAt: event.starts_at,
			endsAt: event.ends_at,
			locationKind: event.location_kind,
			venue: event.venue,
			address: event.address,
			onlineUrl: event.registrant && event.online_url ? event.online_url : null,
			url: new URL(`/evenementen/${event.slug}`, getConfig().origin).toString(),
			updatedAt: event.updated_at
		}
	]);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${event.slug}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
