import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, readJson } from '$lib/server/api/respond';
import { eventPatchSchema, parseEventBody } from '$lib/server/features/events/api-input';
import { currentOrganiser } from '$lib/server/features/events/choices';
import { updateEvent } from '$lib/server/features/events/mutations';
import { can } from '$lib/server/features/events/policy';
import {
	eventFormFields,
	eventSubject,
	presentApiEvent
} from '$lib/server/features/events/present';
import { eventForViewer } from '$lib/server/features/events/queries';
import { staffAudit } from '$lib/server/features/events/staff-audit';
import { viewerFrom } from '$lib/server/features/viewer';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

const NOT_FOUND = 'Dit evenement bestaat niet, of je hebt er geen toegang toe.';

/** One event; the meeting link only for a caller with a place (or who runs the event). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const event = await eventForViewer(locals.db, params.slug, viewer);
	if (!event) return apiError(404, 'not_found', NOT_FOUND);
	const manage = can(viewer, 'manage', eventSubject(event));
	return json(presentApiEvent(event, { showLink: event.mine?.status === 'registered' || manage }), {
		headers: { 'cache-control': 'no-store' }
	});
};

/**
 * Changes an event (its organisers, admins and editors): the fields in the body, checked with the
 * rest of the event as the edit form checks it. A capacity below the number registered keeps
 * them all registered and takes nobody new (`surplus` says how many are over).
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const viewer = member.viewer as Extract<typeof member.viewer, { kind: 'member' }>;
	const event = await eventForViewer(locals.db, params.slug, viewer);
	if (!event) return apiError(404, 'not_found', NOT_FOUND);
	if (!can(viewer, 'manage', eventSubject(event))) {
		return apiError(403, 'forbidden', 'Alleen de organisatie van dit evenement kan het wijzigen.');
	}
	const body = await readJson(request, eventPatchSchema);
	if (!body.ok) return body.response;
	const parsed = await parseEventBody(
		locals.db,
		viewer,
		body.data,
		eventFormFields(event),
		currentOrganiser(event)
	);
	if (!parsed.ok) return apiError(400, parsed.code, parsed.message);
	const result = await updateEvent(locals.db, {
		...parsed.value,
		eventId: event.id,
		origin: getConfig().origin,
		audit: staffAudit(viewer, event, 'event.updated')
	});
	if (!result.ok) return apiError(404, 'not_found', NOT_FOUND);
	const changed = await eventForViewer(locals.db, result.slug, viewer);
	if (!changed) return apiError(404, 'not_found', NOT_FOUND);
	return json(
		{ ...presentApiEvent(changed, { showLink: true }), surplus: result.surplus },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
