import { toCsv } from '$lib/server/csv';
import { attendanceOf, cohortOf } from '$lib/server/features/programmes/queries';
import { listEvents } from '$lib/server/features/events/queries';
import { programmeFor } from '../../../context';
import type { RequestHandler } from './$types';

/** The cohort as CSV for its coordinators: place, waiting list, and attendance per past session. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { viewer, programme } = await programmeFor(locals, params.slug, url, 'manage');
	const at = new Date().toISOString();
	const [cohort, sessions, attendance] = await Promise.all([
		cohortOf(locals.db, programme.id),
		listEvents(locals.db, {
			viewer,
			when: 'past',
			filters: { programme: programme.slug },
			limit: 50,
			withTotal: false,
			now: at
		}),
		attendanceOf(locals.db, programme.id, viewer)
	]);
	const past = [...sessions.events].reverse();
	const present = new Set(
		attendance.filter((a) => a.attended).map((a) => `${a.event_id}:${a.user_id}`)
	);
	let position = 0;
	const csv = toCsv(
		[
			'Naam',
			'E-mailadres',
			'Organisatie',
			'Status',
			'Plaats op wachtlijst',
			'Aangemeld op',
			...past.map((s) => `Aanwezig: ${s.title} (${s.starts_at.slice(0, 10)})`)
		],
		cohort.map((c) => [
			c.name,
			c.email,
			c.organisation ?? '',
			c.status === 'enrolled' ? 'deelnemer' : 'wachtlijst',
			c.status === 'waitlisted' ? String(++position) : '',
			c.created_at.slice(0, 10),
			...past.map((s) => (present.has(`${s.id}:${c.id}`) ? 'ja' : 'nee'))
		])
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="deelnemers-${programme.slug}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
