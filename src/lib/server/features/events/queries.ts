import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db';
import type { Database } from '../../db/schema';
import type { RegistrationStatus } from '../../db/tables/events';
import { versionedCache } from '../../platform/versioned-cache';
import type { Viewer } from '../viewer';
import type { EventQuestion } from './schema';

export interface RegistrationRow {
	id: string;
	userId: string | null;
	name: string;
	email: string;
	organisation: string | null;
	status: RegistrationStatus;
	queueNumber: number | null;
	answers: Record<string, string>;
	attended: boolean;
	createdAt: string;
	promotedAt: string | null;
	isGuest: boolean;
}

export const parseAnswers = (json: string): Record<string, string> => {
	try {
		const value = JSON.parse(json) as unknown;
		return value && typeof value === 'object' ? (value as Record<string, string>) : {};
	} catch {
		return {};
	}
};

/**
 * An event's registrations for its coordinators: those with a place (in order of registering),
 * then the waiting list in its order, then guests who have not confirmed yet.
 */
export async function listRegistrations(db: DB, eventId: string): Promise<RegistrationRow[]> {
	const rows = await db
		.selectFrom('event_registrations as r')
		.leftJoin('users as u', 'u.id', 'r.user_id')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select([
			'r.id',
			'r.user_id',
			'r.guest_name',
			'r.guest_email',
			'r.guest_organisation',
			'r.status',
			'r.queue_number',
			'r.answers',
			'r.attended',
			'r.created_at',
			'r.promoted_at',
			'u.name as user_name',
			'u.email as user_email',
			'o.name as organisation_name'
		])
		.where('r.event_id', '=', eventId)
		.execute();
	const rank = { registered: 0, waitlisted: 1, pending: 2 } as const;
	return rows
		.map((r) => ({
			id: r.id,
			userId: r.user_id,
			name: r.user_name ?? r.guest_name ?? '',
			email: r.user_email ?? r.guest_email ?? '',
			organisation: r.organisation_name ?? r.guest_organisation ?? null,
			status: r.status,
			queueNumber: r.queue_number === null ? null : Number(r.queue_number),
			answers: parseAnswers(r.answers),
			attended: Boolean(r.attended),
			createdAt: r.created_at,
			promotedAt: r.promoted_at,
			isGuest: r.user_id === null
		}))
		.sort(
			(a, b) =>
				rank[a.status] - rank[b.status] ||
				(a.queueNumber ?? 0) - (b.queueNumber ?? 0) ||
				(a.promotedAt ?? a.createdAt).localeCompare(b.promotedAt ?? b.createdAt) ||
				a.id.localeCompare(b.id)
		);
}

/**
 * The visibility rule of policy.ts inside a query, on the alias `e`: visitors see public events,
 * members also members' events and those of networks they are active in; admins and editors all.
 * `networks`, when given, are the ids of the member's active networks (read once by the caller).
 */
export function visibleEvents(viewer: Viewer, networks?: readonly string[]) {
	return (eb: ExpressionBuilder<Database & { e: Database['events'] }, 'e'>) => {
		if (viewer.kind === 'visitor') return eb('e.visibility', '=', 'public');
		if (viewer.role === 'admin' || viewer.role === 'editor') return eb.lit(true);
		const inNetwork = networks
			? networks.length
				? eb('e.network_id', 'in', networks)
				: eb.lit(false)
			: eb(
					'e.network_id',
					'in',
					eb
						.selectFrom('network_members')
						.select('network_members.network_id')
						.where('network_members.user_id', '=', viewer.userId)
						.where('network_members.status', '=', 'active')
				);
		return eb.or([
			eb('e.visibility', 'in', ['public', 'members']),
			eb.and([eb('e.visibility', '=', 'network'), inNetwork])
		]);
	};
}

/**
 * What decides which events a viewer may see, as a cache key: visitors share one, admins and
 * editors one, members one per set of networks they are active in.
 */
async function eventAccessOf(db: DB, viewer: Viewer) {
	if (viewer.kind === 'visitor') return { key: 'visitor', networks: undefined };
	if (viewer.role === 'admin' || viewer.role === 'editor')
		return { key: 'staff', networks: undefined };
	const rows = await db
		.selectFrom('network_members')
		.select('network_id')
		.where('user_id', '=', viewer.userId)
		.where('status', '=', 'active')
		.orderBy('network_id')
		.execute();
	const networks = rows.map((r) => r.network_id);
	return { key: `member ${networks.join(',')}`, networks };
}

/**
 * The calendar's version (null when there is none: do not remember) and its horizon: when the
 * next upcoming event ends. Which events are upcoming or past at a moment is the same for every
 * moment before that horizon, so a list remembered under it is right until then.
 */
async function calendarState(db: DB, at: string) {
	const row = await db
		.selectFrom('events_calendar_version as v')
		.select((eb) => [
			'v.version',
			eb
				.selectFrom('events')
				.select((inner) => inner.fn.min('ends_at').as('ends_at'))
				.where('ends_at', '>', at)
				.as('horizon')
		])
		.where('v.id', '=', 1)
		.executeTakeFirst();
	return row ? { version: Number(row.version), horizon: row.horizon ?? 'none' } : null;
}

export interface EventFilters {
	format?: string;
	theme?: string;
	province?: string;
	mode?: 'online' | 'on_site';
	network?: string;
	/** A programme's slug: its sessions. */
	programme?: string;
}

export interface ListInput {
	viewer: Viewer;
	when: 'upcoming' | 'past' | 'all';
	filters?: EventFilters;
	/** Only events that start in this window (a month view). */
	from?: string;
	to?: string;
	limit?: number;
	offset?: number;
	now?: string;
	/** Whether to count all matches for paging (default); a short list (the home page) needs not. */
	withTotal?: boolean;
}

const LIST_COLUMNS = [
	'e.id',
	'e.slug',
	'e.title',
	'e.summary',
	'e.format_id',
	'f.name as format_name',
	'e.organiser_kind',
	'e.network_id',
	'n.name as network_name',
	'n.slug as network_slug',
	'e.programme_id',
	'pr.title as programme_title',
	'pr.slug as programme_slug',
	'e.visibility',
	'e.starts_at',
	'e.ends_at',
	'e.location_kind',
	'e.venue',
	'e.address',
	'e.capacity',
	'e.registration_opens_at',
	'e.registration_closes_at',
	'e.registration_closed'
] as const;

function listQuery(db: DB, input: ListInput, networks?: readonly string[]) {
	const at = input.now ?? new Date().toISOString();
	const f = input.filters ?? {};
	let query = db
		.selectFrom('events as e')
		.innerJoin('event_formats as f', 'f.id', 'e.format_id')
		.leftJoin('networks as n', 'n.id', 'e.network_id')
		.leftJoin('programmes as pr', 'pr.id', 'e.programme_id')
		.where(visibleEvents(input.viewer, networks));
	if (input.when === 'upcoming') query = query.where('e.ends_at', '>', at);
	if (input.when === 'past') query = query.where('e.ends_at', '<=', at);
	if (input.from) query = query.where('e.starts_at', '>=', input.from);
	if (input.to) query = query.where('e.starts_at', '<', input.to);
	if (f.format) query = query.where('e.format_id', '=', f.format);
	if (f.network) query = query.where('n.slug', '=', f.network);
	if (f.programme) query = query.where('pr.slug', '=', f.programme);
	if (f.mode === 'online') query = query.where('e.location_kind', 'in', ['online', 'hybrid']);
	if (f.mode === 'on_site') query = query.where('e.location_kind', 'in', ['on_site', 'hybrid']);
	if (f.theme) {
		const theme = f.theme;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('event_themes as et')
					.select('et.event_id')
					.whereRef('et.event_id', '=', 'e.id')
					.where('et.theme_id', '=', theme)
			)
		);
	}
	if (f.province) {
		const province = f.province;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('event_provinces as ep')
					.select('ep.event_id')
					.whereRef('ep.event_id', '=', 'e.id')
					.where('ep.province_code', '=', province)
			)
		);
	}
	return query;
}

/** Counts of places per event. */
async function countsFor(db: DB, ids: string[]) {
	if (ids.length === 0) return new Map<string, { registered: number; waitlisted: number }>();
	const rows = await db
		.selectFrom('event_registrations')
		.select(['event_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('event_id', 'in', ids)
		.groupBy(['event_id', 'status'])
		.execute();
	const map = new Map<string, { registered: number; waitlisted: number }>();
	for (const id of ids) map.set(id, { registered: 0, waitlisted: 0 });
	for (const r of rows) {
		const c = map.get(r.event_id)!;
		if (r.status === 'registered') c.registered = Number(r.n);
		if (r.status === 'waitlisted') c.waitlisted = Number(r.n);
	}
	return map;
}

async function linksFor(db: DB, ids: string[]) {
	if (ids.length === 0) return { themes: [], provinces: [] };
	const [themes, provinces] = await Promise.all([
		db
			.selectFrom('event_themes as et')
			.innerJoin('themes as t', 't.id', 'et.theme_id')
			.select(['et.event_id', 't.id', 't.name'])
			.where('et.event_id', 'in', ids)
			.orderBy('t.position')
			.execute(),
		db
			.selectFrom('event_provinces as ep')
			.innerJoin('provinces as p', 'p.code', 'ep.province_code')
			.select(['ep.event_id', 'p.code', 'p.name'])
			.where('ep.event_id', 'in', ids)
			.orderBy('p.name')
			.execute()
	]);
	return { themes, provinces };
}

/**
 * Each process remembers each list it was asked for (per kind of viewer, filters and page): which
 * events match, how many there are, and what is shown of them, under the calendar's version,
 * which the database bumps with every write that could change either (migrations
 * 2026_11_30_0100_calendar_version and 0400_calendar_rows), and its horizon. Only the places
 * taken are read fresh, so registrations never touch the version. The rows are shared by every
 * request that asks for the same list: read them, never change them.
 */
const listCache = versionedCache<{ total: number; rows: Awaited<ReturnType<typeof shownRows>> }>({
	max: 1000
});

async function matchingEvents(db: DB, input: ListInput, networks: readonly string[] | undefined) {
	const query = listQuery(db, input, networks);
	const [rows, total] = await Promise.all([
		query
			.select('e.id')
			.orderBy('e.starts_at', input.when === 'past' ? 'desc' : 'asc')
			.orderBy('e.id')
			.limit(input.limit ?? 20)
			.offset(input.offset ?? 0)
			.execute(),
		input.withTotal === false
			? null
			: query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { ids: rows.map((r) => r.id), total: total ? Number(total.n) : rows.length };
}

/** What a list shows of these events (all but the places taken), in the order of `ids`. */
async function shownRows(db: DB, ids: string[]) {
	const [found, links] = await Promise.all([
		ids.length
			? db
					.selectFrom('events as e')
					.innerJoin('event_formats as f', 'f.id', 'e.format_id')
					.leftJoin('networks as n', 'n.id', 'e.network_id')
					.leftJoin('programmes as pr', 'pr.id', 'e.programme_id')
					.select(LIST_COLUMNS)
					.where('e.id', 'in', ids)
					.execute()
			: [],
		linksFor(db, ids)
	]);
	const byId = new Map(found.map((r) => [r.id, r]));
	// An event deleted between the two queries is left out.
	return ids.flatMap((id) => {
		const r = byId.get(id);
		if (!r) return [];
		return [
			{
				...r,
				registration_closed: Boolean(r.registration_closed),
				themes: links.themes
					.filter((t) => t.event_id === id)
					.map(({ id: themeId, name }) => ({ id: themeId, name })),
				provinces: links.provinces
					.filter((p) => p.event_id === id)
					.map(({ code, name }) => ({ code, name }))
			}
		];
	});
}

async function loadList(db: DB, input: ListInput, networks: readonly string[] | undefined) {
	const match = await matchingEvents(db, input, networks);
	return { total: match.total, rows: await shownRows(db, match.ids) };
}

/** Events for the calendar pages and the API: upcoming soonest first, past latest first. */
export async function listEvents(db: DB, input: ListInput) {
	const at = input.now ?? new Date().toISOString();
	const [state, access] = await Promise.all([
		calendarState(db, at),
		eventAccessOf(db, input.viewer)
	]);
	const load = () => loadList(db, { ...input, now: at }, access.networks);
	const key = JSON.stringify([
		access.key,
		input.when,
		// A month (when: 'all') does not depend on the moment; upcoming and past do.
		input.when === 'all' ? null : state?.horizon,
		input.filters ?? {},
		input.from ?? null,
		input.to ?? null,
		input.limit ?? 20,
		input.offset ?? 0,
		input.withTotal !== false
	]);
	const list = state ? await listCache.get(db, state.version, key, load) : await load();
	const counts = await countsFor(
		db,
		list.rows.map((r) => r.id)
	);
	return {
		total: list.total,
		events: list.rows.map((r) => ({ ...r, ...counts.get(r.id)! }))
	};
}

export type EventListRow = Awaited<ReturnType<typeof listEvents>>['events'][number];

/** One event by its slug, if the viewer may see it, with what its page shows. */
export async function eventForViewer(db: DB, slug: string, viewer: Viewer) {
	const row = await db
		.selectFrom('events as e')
		.innerJoin('event_formats as f', 'f.id', 'e.format_id')
		.leftJoin('networks as n', 'n.id', 'e.network_id')
		.leftJoin('programmes as pr', 'pr.id', 'e.programme_id')
		.select([
			...LIST_COLUMNS,
			'e.programme',
			'e.programme_html',
			'e.online_url',
			'e.questions',
			'e.created_at',
			'e.updated_at'
		])
		.where('e.slug', '=', slug)
		.where(visibleEvents(viewer))
		.executeTakeFirst();
	if (!row) return null;
	const [counts, links, speakers, networkRole, programmeRole, mine] = await Promise.all([
		countsFor(db, [row.id]),
		linksFor(db, [row.id]),
		db
			.selectFrom('event_speakers')
			.select(['name', 'role', 'user_id'])
			.where('event_id', '=', row.id)
			.orderBy('position')
			.execute(),
		networkRoleOf(db, row.network_id, viewer),
		programmeRoleOf(db, row.programme_id, viewer),
		viewer.kind === 'member'
			? db
					.selectFrom('event_registrations')
					.select(['id', 'status', 'queue_number', 'token', 'answers', 'via_programme'])
					.where('event_id', '=', row.id)
					.where('user_id', '=', viewer.userId)
					.executeTakeFirst()
			: undefined
	]);
	let position: number | null = null;
	if (mine?.status === 'waitlisted' && mine.queue_number !== null) {
		const ahead = await db
			.selectFrom('event_registrations')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', row.id)
			.where('status', '=', 'waitlisted')
			.where('queue_number', '<', mine.queue_number)
			.executeTakeFirstOrThrow();
		position = Number(ahead.n) + 1;
	}
	return {
		...row,
		registration_closed: Boolean(row.registration_closed),
		questions: parseQuestionsJson(row.questions),
		...counts.get(row.id)!,
		themes: links.themes.map(({ id, name }) => ({ id, name })),
		provinces: links.provinces.map(({ code, name }) => ({ code, name })),
		speakers,
		networkRole,
		programmeRole,
		mine: mine
			? {
					...mine,
					via_programme: Boolean(mine.via_programme),
					position,
					answers: parseAnswers(mine.answers)
				}
			: null
	};
}

export type EventDetailRow = NonNullable<Awaited<ReturnType<typeof eventForViewer>>>;

export function parseQuestionsJson(json: string): EventQuestion[] {
	try {
		const value = JSON.parse(json) as unknown;
		return Array.isArray(value) ? (value as EventQuestion[]) : [];
	} catch {
		return [];
	}
}

/** The viewer's active role in a network (null when none, or no network). */
export async function networkRoleOf(
	db: DB,
	networkId: string | null,
	viewer: Viewer
): Promise<'member' | 'coordinator' | null> {
	if (!networkId || viewer.kind !== 'member') return null;
	const row = await db
		.selectFrom('network_members')
		.select('role')
		.where('network_id', '=', networkId)
		.where('user_id', '=', viewer.userId)
		.where('status', '=', 'active')
		.executeTakeFirst();
	return row?.role ?? null;
}

/** 'coordinator' when the viewer coordinates the programme the event is a session of. */
export async function programmeRoleOf(
	db: DB,
	programmeId: string | null,
	viewer: Viewer
): Promise<'coordinator' | null> {
	if (!programmeId || viewer.kind !== 'member') return null;
	const row = await db
		.selectFrom('programme_coordinators')
		.select('user_id')
		.where('programme_id', '=', programmeId)
		.where('user_id', '=', viewer.userId)
		.executeTakeFirst();
	return row ? 'coordinator' : null;
}

/** The programmes a member may add sessions to: those they coordinate (admins and editors: all). */
export async function organisableProgrammes(db: DB, viewer: Viewer) {
	if (viewer.kind !== 'member') return [];
	return db
		.selectFrom('programmes as p')
		.select(['p.id', 'p.title as name', 'p.slug'])
		.$if(viewer.role !== 'admin' && viewer.role !== 'editor', (q) =>
			q.where((eb) =>
				eb.exists(
					eb
						.selectFrom('programme_coordinators as pc')
						.select('pc.user_id')
						.whereRef('pc.programme_id', '=', 'p.id')
						.where('pc.user_id', '=', viewer.userId)
				)
			)
		)
		.orderBy('p.title')
		.execute();
}

/** The networks a member coordinates (the organisers they may choose when creating an event). */
export async function coordinatedNetworks(db: DB, userId: string) {
	return db
		.selectFrom('network_members as nm')
		.innerJoin('networks as n', 'n.id', 'nm.network_id')
		.select(['n.id', 'n.name', 'n.slug'])
		.where('nm.user_id', '=', userId)
		.where('nm.role', '=', 'coordinator')
		.where('nm.status', '=', 'active')
		.orderBy('n.name')
		.execute();
}

/** Every network (for admins and editors choosing an organiser). */
export async function allNetworks(db: DB) {
	return db.selectFrom('networks').select(['id', 'name', 'slug']).orderBy('name').execute();
}

/**
 * The filter choices of the calendar: formats, themes, provinces, networks that are not private,
 * and the programmes with sessions (a members' programme only for members).
 */
export async function filterChoices(db: DB, viewer: Viewer = { kind: 'visitor' }) {
	const row = await db
		.selectFrom('events_calendar_version')
		.select('version')
		.where('id', '=', 1)
		.executeTakeFirst();
	const load = () => loadFilterChoices(db, viewer);
	return row ? choicesCache.get(db, Number(row.version), viewer.kind, load) : load();
}

/** The choices change with the calendar's version only; members see more programmes. Shared by
 * every request: read them, never change them. */
const choicesCache = versionedCache<Awaited<ReturnType<typeof loadFilterChoices>>>({ max: 4 });

async function loadFilterChoices(db: DB, viewer: Viewer) {
	const [formats, themes, provinces, networks, programmes] = await Promise.all([
		db.selectFrom('event_formats').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('provinces').select(['code', 'name']).orderBy('name').execute(),
		db
			.selectFrom('networks as n')
			.select(['n.slug', 'n.name'])
			.where((eb) =>
				eb.exists(eb.selectFrom('events as e').select('e.id').whereRef('e.network_id', '=', 'n.id'))
			)
			.where('n.visibility', '!=', 'private')
			.orderBy('n.name')
			.execute(),
		db
			.selectFrom('programmes as p')
			.select(['p.slug', 'p.title as name'])
			.$if(viewer.kind !== 'member', (q) => q.where('p.visibility', '=', 'public'))
			.where((eb) =>
				eb.exists(
					eb.selectFrom('events as e').select('e.id').whereRef('e.programme_id', '=', 'p.id')
				)
			)
			.orderBy('p.title')
			.execute()
	]);
	return { formats, themes, provinces, networks, programmes };
}

/** A registration by the secret of its links (the cancel page), with its event. */
export async function registrationByToken(db: DB, token: string) {
	return db
		.selectFrom('event_registrations as r')
		.innerJoin('events as e', 'e.id', 'r.event_id')
		.select([
			'r.id',
			'r.status',
			'r.guest_name',
			'e.id as event_id',
			'e.slug',
			'e.title',
			'e.starts_at',
			'e.ends_at'
		])
		.where('r.token', '=', token)
		.executeTakeFirst();
}

/** The events a member has a place or waits for, for the personal calendar feed. */
export async function myEvents(db: DB, userId: string, since: string) {
	return db
		.selectFrom('event_registrations as r')
		.innerJoin('events as e', 'e.id', 'r.event_id')
		.select([
			'e.id',
			'e.slug',
			'e.title',
			'e.summary',
			'e.starts_at',
			'e.ends_at',
			'e.location_kind',
			'e.venue',
			'e.address',
			'e.online_url',
			'e.updated_at',
			'r.status'
		])
		.where('r.user_id', '=', userId)
		.where('r.status', 'in', ['registered', 'waitlisted'])
		.where('e.ends_at', '>', since)
		.orderBy('e.starts_at')
		.execute();
}

/** The member a calendar-feed secret belongs to. */
export async function feedOwner(db: DB, token: string) {
	return db
		.selectFrom('event_feed_tokens as t')
		.innerJoin('users as u', 'u.id', 't.user_id')
		.select(['u.id', 'u.name'])
		.where('t.token', '=', token)
		.where('u.status', '=', 'active')
		.executeTakeFirst();
}

export async function feedTokenOf(db: DB, userId: string) {
	const row = await db
		.selectFrom('event_feed_tokens')
		.select('token')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row?.token ?? null;
}

/**
 * An event for its .ics: when the viewer may see it, or when `token` is the secret of one of its
 * registrations (the calendar link in a confirmation mail works without signing in). The meeting
 * link is returned only to someone with a place: by that token, or as the signed-in registrant.
 */
export async function eventForIcs(db: DB, slug: string, viewer: Viewer, token: string | null) {
	const row = await db
		.selectFrom('events as e')
		.select([
			'e.id',
			'e.slug',
			'e.title',
			'e.summary',
			'e.starts_at',
			'e.ends_at',
			'e.location_kind',
			'e.venue',
			'e.address',
			'e.online_url',
			'e.updated_at'
		])
		.where('e.slug', '=', slug)
		.where((eb) => {
			const visible = visibleEvents(viewer)(eb);
			if (!token) return visible;
			return eb.or([
				visible,
				eb.exists(
					eb
						.selectFrom('event_registrations as r')
						.select('r.id')
						.whereRef('r.event_id', '=', 'e.id')
						.where('r.token', '=', token)
				)
			]);
		})
		.executeTakeFirst();
	if (!row) return null;
	let query = db
		.selectFrom('event_registrations')
		.select('id')
		.where('event_id', '=', row.id)
		.where('status', '=', 'registered');
	if (token) query = query.where('token', '=', token);
	else if (viewer.kind === 'member') query = query.where('user_id', '=', viewer.userId);
	const registered = token || viewer.kind === 'member' ? await query.executeTakeFirst() : undefined;
	return { ...row, registrant: Boolean(registered) };
}

/** An active member by e-mail address (a coordinator adding a participant). */
export async function activeMemberByEmail(db: DB, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('email', '=', email.trim().toLowerCase())
		.where('status', '=', 'active')
		.executeTakeFirst();
}

/**
 * Events where a member speaks or is a guest expert, as far as the viewer may see them
 * (visibleEvents): upcoming ones first, soonest first, then past ones, latest first. The member's
 * rows in event_speakers (event_speakers_user_idx) give the events, looked up by id.
 */
export async function eventsWithSpeaker(
	db: DB,
	memberId: string,
	viewer: Viewer,
	options: { now?: string; limit?: number } = {}
) {
	const now = options.now ?? new Date().toISOString();
	const rows = await db
		.selectFrom('events as e')
		.innerJoin('event_formats as f', 'f.id', 'e.format_id')
		.select((eb) => [
			'e.id',
			'e.slug',
			'e.title',
			'e.starts_at',
			'e.ends_at',
			'f.name as format_name',
			eb
				.selectFrom('event_speakers as s')
				.select('s.role')
				.whereRef('s.event_id', '=', 'e.id')
				.where('s.user_id', '=', memberId)
				.orderBy('s.position')
				.limit(1)
				.as('role')
		])
		.where('e.id', 'in', (eb) =>
			eb.selectFrom('event_speakers').select('event_id').where('user_id', '=', memberId)
		)
		.where(visibleEvents(viewer))
		.orderBy(sql`case when e.ends_at > ${now} then 0 else 1 end`)
		.orderBy(sql`case when e.ends_at > ${now} then e.starts_at end`)
		.orderBy('e.starts_at', 'desc')
		.orderBy('e.id')
		.limit(options.limit ?? 5)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		startsAt: r.starts_at,
		upcoming: r.ends_at > now,
		formatName: r.format_name,
		role: r.role === 'guest_expert' ? ('guest_expert' as const) : ('speaker' as const),
		url: `/evenementen/${r.slug}`
	}));
}

export type SpeakerEvent = Awaited<ReturnType<typeof eventsWithSpeaker>>[number];
