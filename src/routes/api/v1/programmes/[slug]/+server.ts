import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/respond';
import { presentEvent } from '$lib/server/features/events/present';
import { listEvents } from '$lib/server/features/events/queries';
import { presentProgrammeDetail } from '$lib/server/features/programmes/present';
import { programmeForViewer } from '$lib/server/features/programmes/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** One programme with its sessions; a members' programme is 404 to visitors. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const viewer = viewerFrom(locals.user);
	const programme = await programmeForViewer(locals.db, params.slug.slice(0, 200), viewer);
	if (!programme) {
		return apiError(
			404,
			'not_found',
			'Dit programma bestaat niet, of je hebt er geen toegang toe.'
		);
	}
	const at = new Date().toISOString();
	const sessions = await listEvents(locals.db, {
		viewer,
		when: 'all',
		filters: { programme: programme.slug },
		limit: 50,
		withTotal: false,
		now: at
	});
	const detail = presentProgrammeDetail(programme, {
		sessions: sessions.events.map((e) => presentEvent(e, 'nl', at)),
		sessionIds: new Map(),
		attendance: [],
		cohort: null,
		viewerId: null,
		manage: false,
		at
	});
	return json({
		slug: detail.slug,
		title: detail.title,
		region: detail.region,
		summary: detail.summary,
		visibility: detail.visibility,
		network: detail.network,
		provinces: detail.provinces,
		cohort: detail.cohort,
		enrolmentOpen: detail.enrolmentOpen,
		challengeHtml: detail.challengeHtml,
		themes: detail.themes,
		coordinators: detail.coordinators,
		sessions: detail.sessions.map((s) => ({
			slug: s.slug,
			title: s.title,
			format: s.format,
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			past: s.past
		})),
		mine: detail.mine
	});
};
