import { eventSubject } from '$lib/server/features/events/present';
import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/features/events/policy';
import { eventForViewer } from '$lib/server/features/events/queries';
import { viewerFrom } from '$lib/server/features/viewer';

export const NOT_FOUND = 'Dit evenement bestaat niet, of je hebt er geen toegang toe.';

/**
 * For the organisers' pages: the event, when the viewer sees it and may manage it. Someone who
 * cannot see it gets a 404; visitors sign in; members who may not manage get a 403.
 */
export async function managedEvent(locals: App.Locals, slug: string, url: URL) {
	const viewer = viewerFrom(locals.user);
	const event = await eventForViewer(locals.db, slug, viewer);
	if (!event) {
		if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		error(404, NOT_FOUND);
	}
	if (viewer.kind !== 'member')
		redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
	const subject = eventSubject(event);
	if (!can(viewer, 'manage', subject)) {
		error(403, 'Alleen de organisatie van dit evenement kan de aanmeldingen beheren.');
	}
	return { viewer, event };
}
