import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, apiList, readJson } from '$lib/server/api/respond';
import { eventCreateSchema, parseEventBody } from '$lib/server/features/events/api-input';
import { emptyFields, mayCreateEvents } from '$lib/server/features/events/choices';
import { createEvent } from '$lib/server/features/events/mutations';
import { presentApiEvent, presentApiListEvent } from '$lib/server/features/events/present';
import {
	type EventFilters,
	eventForViewer,
	filterChoices,
	listEvents
} from '$lib/server/features/events/queries';
import { amsterdamToUtc } from '$lib/server/features/events/time';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

const PAGE_SIZE = 20;

/** A day ('2026-10-25': its start in Amsterdam) or a time (as the API takes times), in UTC. */
function moment(text: string): string | null {
	return /^\d{4}-\d{2}-\d{2}$/.test(text) ? amsterdamToUtc(`${text}T00:00`) : amsterdamToUtc(text);
}

/**
 * The events the caller may see, upcoming (default) or past, with the calendar's filters.
 * `from`/`to` keep the events that start in that window (`to` not included); with either, the
 * list is every such event, past or upcoming, unless `when` says which.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const q = (name: string) => url.searchParams.get(name)?.trim() ?? '';
	const from = q('from') ? moment(q('from')) : null;
	const to = q('to') ? moment(q('to')) : null;
	if ((q('from') && !from) || (q('to') && !to)) {
		return apiError(
			400,
			'invalid_query',
			'from/to: een dag (2026-10-25) of een tijd (2026-10-25T10:00, met of zonder +01:00)'
		);
	}
	if (from && to && from >= to) {
		return apiError(400, 'invalid_query', 'from/to: from moet vóór to liggen');
	}
	const when = q('when') || (from || to ? 'all' : 'upcoming');
	if (when !== 'upcoming' && when !== 'past' && when !== 'all') {
		return apiError(400, 'invalid_query', 'when: upcoming, past of all');
	}
	const page = q('page') ? Number(q('page')) : 1;
	if (!Number.isInteger(page) || page < 1 || page > 10_000) {
		return apiError(400, 'invalid_query', 'page: een geheel getal vanaf 1');
	}
	const mode = q('mode');
	if (mode && mode !== 'online' && mode !== 'on_site') {
		return apiError(400, 'invalid_query', 'mode: online of on_site');
	}
	const choices = await filterChoices(locals.db, viewerFrom(locals.user));
	const checks: [string, string[]][] = [
		['format', choices.formats.map((f) => f.id)],
		['theme', choices.themes.map((t) => t.id)],
		['province', choices.provinces.map((p) => p.code)],
		['network', choices.networks.map((n) => n.slug)],
		['programme', choices.programmes.map((p) => p.slug)]
	];
	for (const [name, allowed] of checks) {
		if (q(name) && !allowed.includes(q(name))) {
			return apiError(400, 'invalid_filter', `${name}: onbekende waarde`);
		}
	}
	const filters: EventFilters = {
		format: q('format') || undefined,
		theme: q('theme') || undefined,
		province: q('province') || undefined,
		network: q('network') || undefined,
		programme: q('programme') || undefined,
		mode: (mode || undefined) as EventFilters['mode']
	};
	const result = await listEvents(locals.db, {
		viewer: viewerFrom(locals.user),
		when,
		filters,
		from: from ?? undefined,
		to: to ?? undefined,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	const items = result.events.map(presentApiListEvent);
	const next = new URL(url);
	next.searchParams.set('page', String(page + 1));
	return apiList(
		items,
		result.total,
		page * PAGE_SIZE < result.total ? next.pathname + next.search : null
	);
};

/**
 * Creates an event (admins and editors for anyone, coordinators for their networks and
 * programmes), checked as the form checks it: 201 with the event and its address.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const viewer = member.viewer as Extract<typeof member.viewer, { kind: 'member' }>;
	if (!(await mayCreateEvents(locals.db, viewer))) {
		return apiError(
			403,
			'forbidden',
			'Alleen coördinatoren, redacteuren en beheerders kunnen een evenement aanmaken.'
		);
	}
	const body = await readJson(request, eventCreateSchema);
	if (!body.ok) return body.response;
	const parsed = await parseEventBody(locals.db, viewer, body.data, emptyFields('', 'platform'));
	if (!parsed.ok) return apiError(400, parsed.code, parsed.message);
	const created = await createEvent(locals.db, { ...parsed.value, createdBy: viewer.userId });
	const event = await eventForViewer(locals.db, created.slug, viewer);
	if (!event) return apiError(404, 'not_found', 'Het evenement is niet (meer) te vinden.');
	return json(presentApiEvent(event, { showLink: true }), {
		status: 201,
		headers: { location: `/api/v1/events/${event.slug}`, 'cache-control': 'no-store' }
	});
};
