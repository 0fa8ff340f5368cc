import { fail, redirect } from '@sveltejs/kit';
import { presentEvent } from '$lib/server/features/events/present';
import { listEvents } from '$lib/server/features/events/queries';
import { materialsFor } from '$lib/server/features/followup/queries';
import { enrol, leave } from '$lib/server/features/programmes/mutations';
import { can } from '$lib/server/features/programmes/policy';
import { presentProgrammeDetail } from '$lib/server/features/programmes/present';
import { attendanceOf, cohortOf, lessonsOf } from '$lib/server/features/programmes/queries';
import { getConfig } from '$lib/server/platform/config';
import { programmeFor } from '../context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { viewer, programme, subject } = await programmeFor(locals, params.slug, url);
	const manage = can(viewer, 'manage', subject);
	const locale = locals.locale === 'en' ? 'en' : 'nl';
	const at = new Date().toISOString();
	const [sessions, attendance, lessons, cohort] = await Promise.all([
		listEvents(locals.db, {
			viewer,
			when: 'all',
			filters: { programme: programme.slug },
			limit: 50,
			withTotal: false
		}),
		attendanceOf(locals.db, programme.id, viewer),
		lessonsOf(locals.db, programme.id, viewer),
		can(viewer, 'see_cohort', subject) ? cohortOf(locals.db, programme.id) : null
	]);
	const past = sessions.events.filter((e) => e.ends_at <= at);
	const materials = await Promise.all(
		past.map(async (e) => ({
			slug: e.slug,
			title: e.title,
			files: await materialsFor(locals.db, { eventId: e.id, viewer, manage })
		}))
	);
	return {
		programme: presentProgrammeDetail(programme, {
			sessions: sessions.events.map((e) => presentEvent(e, locale, at)),
			sessionIds: new Map(sessions.events.map((e) => [e.slug, e.id])),
			attendance: attendance.map((a) => ({ ...a, attended: Boolean(a.attended) })),
			cohort,
			viewerId: viewer.kind === 'member' ? viewer.userId : null,
			manage,
			at
		}),
		materials: materials.filter((s) => s.files.length > 0),
		lessons: lessons.map(({ slug, title, summary, event_slug }) => ({
			slug,
			title,
			summary,
			eventSlug: event_slug
		})),
		may: {
			enrol: can(viewer, 'enrol', subject),
			manage
		},
		signedIn: viewer.kind === 'member'
	};
};

export const actions: Actions = {
	aanmelden: async ({ locals, params, url }) => {
		const { viewer, programme, subject } = await programmeFor(locals, params.slug, url);
		if (viewer.kind !== 'member')
			redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		if (!can(viewer, 'enrol', subject)) return fail(409, { problem: 'enrolment_closed' });
		const result = await enrol(locals.db, {
			programmeId: programme.id,
			userId: viewer.userId,
			origin: getConfig().origin
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return { done: result.already ? 'already' : result.status, position: result.position };
	},
	afmelden: async ({ locals, params, url }) => {
		const { viewer, programme } = await programmeFor(locals, params.slug, url);
		if (viewer.kind !== 'member')
			redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		const result = await leave(locals.db, {
			programmeId: programme.id,
			userId: viewer.userId,
			origin: getConfig().origin
		});
		if (!result.ok) return fail(409, { problem: result.reason });
		return { done: 'left' };
	}
};
