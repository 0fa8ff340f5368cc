import type { DB } from '../../db';
import { visibleEvents } from '../events/queries';
import { knowledgeVisibleTo } from '../knowledge/queries';
import type { Viewer } from '../viewer';

/** The visibility rule of policy.ts in a query: visitors see public programmes, members all. */
const visibleTo = (viewer: Viewer) =>
	viewer.kind === 'member' ? (['public', 'members'] as const) : (['public'] as const);

/** Sessions per programme: how many, the first and last start, and how many are still to come. */
async function sessionStats(db: DB, ids: string[], viewer: Viewer, at: string) {
	if (ids.length === 0) return new Map<string, SessionStats>();
	const rows = await db
		.selectFrom('events as e')
		.select([
			'e.programme_id',
			(eb) => eb.fn.countAll<number>().as('sessions'),
			(eb) => eb.fn.min('e.starts_at').as('first'),
			(eb) => eb.fn.max('e.starts_at').as('last'),
			(eb) =>
				eb.fn.sum<number>(eb.case().when('e.ends_at', '>', at).then(1).else(0).end()).as('upcoming')
		])
		.where('e.programme_id', 'in', ids)
		.where(visibleEvents(viewer))
		.groupBy('e.programme_id')
		.execute();
	return new Map(
		rows.map((r) => [
			r.programme_id!,
			{
				sessions: Number(r.sessions),
				first: r.first ? String(r.first) : null,
				last: r.last ? String(r.last) : null,
				upcoming: Number(r.upcoming ?? 0)
			}
		])
	);
}

export interface SessionStats {
	sessions: number;
	first: string | null;
	last: string | null;
	upcoming: number;
}

async function cohortCountsFor(db: DB, ids: string[]) {
	const map = new Map<string, { enrolled: number; waitlisted: number }>();
	for (const id of ids) map.set(id, { enrolled: 0, waitlisted: 0 });
	if (ids.length === 0) return map;
	const rows = await db
		.selectFrom('programme_participants')
		.select(['programme_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('programme_id', 'in', ids)
		.groupBy(['programme_id', 'status'])
		.execute();
	for (const r of rows) map.get(r.programme_id)![r.status] = Number(r.n);
	return map;
}

async function provincesFor(db: DB, ids: string[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('programme_provinces as pp')
		.innerJoin('provinces as p', 'p.code', 'pp.province_code')
		.select(['pp.programme_id', 'p.code', 'p.name'])
		.where('pp.programme_id', 'in', ids)
		.orderBy('p.name')
		.execute();
}

/** The programmes the viewer may see, with their sessions, cohort and provinces; by title. */
export async function listProgrammes(
	db: DB,
	input: { viewer: Viewer; province?: string; now?: string }
) {
	const at = input.now ?? new Date().toISOString();
	const rows = await db
		.selectFrom('programmes as p')
		.leftJoin('networks as n', 'n.id', 'p.network_id')
		.select([
			'p.id',
			'p.slug',
			'p.title',
			'p.region',
			'p.summary',
			'p.visibility',
			'p.cohort_size',
			'p.enrolment_open',
			'n.slug as network_slug',
			'n.name as network_name',
			'n.visibility as network_visibility'
		])
		.where('p.visibility', 'in', visibleTo(input.viewer))
		.$if(Boolean(input.province), (q) =>
			q.where((eb) =>
				eb.exists(
					eb
						.selectFrom('programme_provinces as pp')
						.select('pp.programme_id')
						.whereRef('pp.programme_id', '=', 'p.id')
						.where('pp.province_code', '=', input.province!)
				)
			)
		)
		.orderBy('p.title')
		.limit(200)
		.execute();
	const ids = rows.map((r) => r.id);
	const [stats, cohorts, provinces] = await Promise.all([
		sessionStats(db, ids, input.viewer, at),
		cohortCountsFor(db, ids),
		provincesFor(db, ids)
	]);
	return rows.map((r) => ({
		...r,
		enrolment_open: Boolean(r.enrolment_open),
		stats: stats.get(r.id) ?? { sessions: 0, first: null, last: null, upcoming: 0 },
		cohort: cohorts.get(r.id)!,
		provinces: provinces
			.filter((p) => p.programme_id === r.id)
			.map(({ code, name }) => ({ code, name }))
	}));
}

export type ProgrammeListRow = Awaited<ReturnType<typeof listProgrammes>>[number];

/** One programme by its slug, if the viewer may see it, with what its page shows. */
export async function programmeForViewer(db: DB, slug: string, viewer: Viewer) {
	const row = await db
		.selectFrom('programmes as p')
		.leftJoin('networks as n', 'n.id', 'p.network_id')
		.select([
			'p.id',
			'p.slug',
			'p.title',
			'p.region',
			'p.summary',
			'p.challenge',
			'p.challenge_html',
			'p.network_id',
			'p.visibility',
			'p.cohort_size',
			'p.enrolment_open',
			'p.updated_at',
			'n.slug as network_slug',
			'n.name as network_name',
			'n.visibility as network_visibility'
		])
		.where('p.slug', '=', slug)
		.where('p.visibility', 'in', visibleTo(viewer))
		.executeTakeFirst();
	if (!row) return null;
	const [cohorts, provinces, themes, coordinators, mine] = await Promise.all([
		cohortCountsFor(db, [row.id]),
		provincesFor(db, [row.id]),
		db
			.selectFrom('programme_themes as pt')
			.innerJoin('themes as t', 't.id', 'pt.theme_id')
			.select(['t.id', 't.name'])
			.where('pt.programme_id', '=', row.id)
			.orderBy('t.position')
			.execute(),
		db
			.selectFrom('programme_coordinators as pc')
			.innerJoin('users as u', 'u.id', 'pc.user_id')
			.select(['u.id', 'u.name', 'u.status'])
			.where('pc.programme_id', '=', row.id)
			.orderBy('u.name')
			.execute(),
		viewer.kind === 'member'
			? db
					.selectFrom('programme_participants')
					.select(['status', 'queue_number'])
					.where('programme_id', '=', row.id)
					.where('user_id', '=', viewer.userId)
					.executeTakeFirst()
			: undefined
	]);
	let position: number | null = null;
	if (mine?.status === 'waitlisted' && mine.queue_number !== null) {
		const ahead = await db
			.selectFrom('programme_participants')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('programme_id', '=', row.id)
			.where('status', '=', 'waitlisted')
			.where('queue_number', '<', mine.queue_number)
			.executeTakeFirstOrThrow();
		position = Number(ahead.n) + 1;
	}
	return {
		...row,
		enrolment_open: Boolean(row.enrolment_open),
		cohort: cohorts.get(row.id)!,
		provinces: provinces.map(({ code, name }) => ({ code, name })),
		themes,
		coordinators: coordinators
			.filter((c) => c.status === 'active')
			.map(({ id, name }) => ({ id, name })),
		coordinator: viewer.kind === 'member' && coordinators.some((c) => c.id === viewer.userId),
		mine: mine ? { status: mine.status, position } : null
	};
}

export type ProgrammeDetailRow = NonNullable<Awaited<ReturnType<typeof programmeForViewer>>>;

/** The cohort: who is in it (by name) and who waits (in order). Only active accounts are named. */
export async function cohortOf(db: DB, programmeId: string) {
	return db
		.selectFrom('programme_participants as pp')
		.innerJoin('users as u', 'u.id', 'pp.user_id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select([
			'u.id',
			'u.name',
			'u.email',
			'o.name as organisation',
			'pp.status',
			'pp.queue_number',
			'pp.created_at'
		])
		.where('pp.programme_id', '=', programmeId)
		.where('u.status', '=', 'active')
		.orderBy('pp.status')
		.orderBy('pp.queue_number')
		.orderBy('u.name')
		.execute();
}

/**
 * Attendance per session and per participant: for every session of the programme the viewer
 * sees, who of the cohort (or anyone registered) was ticked as present.
 */
export async function attendanceOf(db: DB, programmeId: string, viewer: Viewer) {
	return db
		.selectFrom('event_registrations as r')
		.innerJoin('events as e', 'e.id', 'r.event_id')
		.select(['r.event_id', 'r.user_id', 'r.attended'])
		.where('e.programme_id', '=', programmeId)
		.where('r.status', '=', 'registered')
		.where('r.user_id', 'is not', null)
		.where(visibleEvents(viewer))
		.execute();
}

/** The lessons harvested into the library: the published reports of the programme's sessions. */
export async function lessonsOf(db: DB, programmeId: string, viewer: Viewer) {
	return db
		.selectFrom('knowledge_items as k')
		.innerJoin('events as e', 'e.id', 'k.event_id')
		.select(['k.slug', 'k.title', 'k.summary', 'k.published_at', 'e.slug as event_slug'])
		.where('e.programme_id', '=', programmeId)
		.where('k.kind', '=', 'report')
		.where(knowledgeVisibleTo(viewer, { table: 'k' }))
		.where(visibleEvents(viewer))
		.orderBy('e.starts_at')
		.execute();
}

/** An active member by e-mail (adding a participant or a coordinator). */
export async function activeMemberByEmail(db: DB, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('email', '=', email)
		.where('status', '=', 'active')
		.executeTakeFirst();
}

/** The regional communities and other networks a programme can belong to. */
export async function networkChoices(db: DB) {
	return db.selectFrom('networks').select(['id', 'name', 'kind']).orderBy('name').execute();
}

/** Provinces and themes for the programme form and the list's filter. */
export async function referenceChoices(db: DB) {
	const [provinces, themes] = await Promise.all([
		db.selectFrom('provinces').select(['code', 'name']).orderBy('name').execute(),
		db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute()
	]);
	return { provinces, themes };
}
