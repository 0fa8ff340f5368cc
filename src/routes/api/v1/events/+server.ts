import { apiError, apiList } from '$lib/server/api/respond';
import { presentEvent } from '$lib/server/features/events/present';
import { type EventFilters, filterChoices, listEvents } from '$lib/server/features/events/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

const PAGE_SIZE = 20;

/** The events the caller may see, upcoming (default) or past, with the calendar's filters. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const q = (name: string) => url.searchParams.get(name)?.trim() ?? '';
	const when = q('when') || 'upcoming';
	if (when !== 'upcoming' && when !== 'past') {
		return apiError(400, 'invalid_query', 'when: upcoming of past');
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
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	const items = result.events.map((e) => {
		const {
			when: _when,
			day: _day,
			startTime: _time,
			registrationState: _state,
			full: _full,
			...rest
		} = presentEvent(e);
		return { ...rest, timeZone: 'Europe/Amsterdam', url: `/evenementen/${e.slug}` };
	});
	const next = new URL(url);
	next.searchParams.set('page', String(page + 1));
	return apiList(
		items,
		result.total,
		page * PAGE_SIZE < result.total ? next.pathname + next.search : null
	);
};
