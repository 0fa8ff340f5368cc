import type { PresentedEvent } from '../events/present';
import type { ProgrammeSubject } from './policy';
import type { ProgrammeDetailRow, ProgrammeListRow, cohortOf } from './queries';

/** Rows -> what pages and the API show. */

type Locale = 'nl' | 'en';

/** What the policy needs to know about a programme and the viewer's part in it. */
export function programmeSubject(
	row: Pick<ProgrammeDetailRow, 'visibility' | 'enrolment_open' | 'coordinator'>
): ProgrammeSubject {
	return {
		visibility: row.visibility,
		enrolmentOpen: row.enrolment_open,
		coordinator: row.coordinator
	};
}

/** A private network is never named to those outside it: only public and members' networks. */
const networkOf = (row: {
	network_slug: string | null;
	network_name: string | null;
	network_visibility: string | null;
}) =>
	row.network_slug && row.network_visibility !== 'private'
		? { slug: row.network_slug, name: row.network_name ?? '' }
		: null;

const monthYear = (iso: string, locale: Locale) =>
	new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(iso));

/** The months the sessions span: "maart 2026" or "maart 2026 – juni 2026". */
function period(first: string | null, last: string | null, locale: Locale): string | null {
	if (!first || !last) return null;
	const [a, b] = [monthYear(first, locale), monthYear(last, locale)];
	return a === b ? a : `${a} – ${b}`;
}

/** Running, planned (no session yet past) or finished (every session past). */
function phase(stats: { sessions: number; first: string | null; upcoming: number }, at: string) {
	if (stats.sessions === 0 || (stats.first !== null && stats.first > at)) return 'planned' as const;
	return stats.upcoming > 0 ? ('running' as const) : ('finished' as const);
}

export function presentProgramme(row: ProgrammeListRow, locale: Locale = 'nl', at?: string) {
	const now = at ?? new Date().toISOString();
	return {
		slug: row.slug,
		title: row.title,
		region: row.region,
		summary: row.summary,
		visibility: row.visibility,
		network: networkOf(row),
		provinces: row.provinces,
		sessions: row.stats.sessions,
		upcomingSessions: row.stats.upcoming,
		period: period(row.stats.first, row.stats.last, locale),
		phase: phase(row.stats, now),
		cohort: {
			size: row.cohort_size,
			enrolled: row.cohort.enrolled,
			waitlisted: row.cohort.waitlisted,
			full: row.cohort.enrolled >= row.cohort_size
		},
		enrolmentOpen: row.enrolment_open
	};
}

export type PresentedProgramme = ReturnType<typeof presentProgramme>;

type Cohort = Awaited<ReturnType<typeof cohortOf>>;

/**
 * The programme page: about, coordinators, the cohort's numbers, my place, the sessions as a
 * timeline and attendance. `cohort` (names) only for those who may see it; per-participant
 * attendance only for coordinators, everyone else sees their own row.
 */
export function presentProgrammeDetail(
	row: ProgrammeDetailRow,
	input: {
		sessions: PresentedEvent[];
		attendance: { event_id: string; user_id: string | null; attended: boolean | number }[];
		sessionIds: Map<string, string>;
		cohort: Cohort | null;
		viewerId: string | null;
		manage: boolean;
		at?: string;
	}
) {
	const at = input.at ?? new Date().toISOString();
	const past = input.sessions.filter((s) => s.endsAt <= at);
	const present = new Set(
		input.attendance.filter((a) => a.attended).map((a) => `${a.event_id}:${a.user_id}`)
	);
	const idOf = (slug: string) => input.sessionIds.get(slug) ?? '';
	const nextIndex = input.sessions.findIndex((x) => x.endsAt > at);
	const sessions = input.sessions.map((s, index) => {
		const id = idOf(s.slug);
		const rows = input.attendance.filter((a) => a.event_id === id);
		const isPast = s.endsAt <= at;
		return {
			...s,
			number: index + 1,
			past: isPast,
			next: index === nextIndex,
			attendance: isPast
				? { present: rows.filter((a) => a.attended).length, registered: rows.length }
				: null
		};
	});
	const enrolled = (input.cohort ?? []).filter((c) => c.status === 'enrolled');
	const participantRow = (userId: string, name: string) => ({
		id: userId,
		name,
		sessions: past.map((s) => present.has(`${idOf(s.slug)}:${userId}`)),
		present: past.filter((s) => present.has(`${idOf(s.slug)}:${userId}`)).length
	});
	return {
		slug: row.slug,
		title: row.title,
		region: row.region,
		summary: row.summary,
		challengeHtml: row.challenge_html,
		visibility: row.visibility,
		network: networkOf(row),
		provinces: row.provinces,
		themes: row.themes,
		coordinators: row.coordinators,
		cohort: {
			size: row.cohort_size,
			enrolled: row.cohort.enrolled,
			waitlisted: row.cohort.waitlisted,
			full: row.cohort.enrolled >= row.cohort_size
		},
		enrolmentOpen: row.enrolment_open,
		mine: row.mine,
		sessions,
		pastSessions: past.map((s) => ({ slug: s.slug, title: s.title, day: s.day })),
		members: input.cohort
			? enrolled.map((c) => ({ id: c.id, name: c.name, organisation: c.organisation ?? '' }))
			: null,
		attendance: input.manage
			? enrolled.map((c) => participantRow(c.id, c.name))
			: input.viewerId && row.mine?.status === 'enrolled'
				? [participantRow(input.viewerId, '')]
				: []
	};
}

/** The cohort for its coordinators: places and waiting list, with e-mail. */
export function presentCohort(cohort: Cohort) {
	let position = 0;
	return cohort.map((c) => ({
		id: c.id,
		name: c.name,
		email: c.email,
		organisation: c.organisation ?? '',
		status: c.status,
		position: c.status === 'waitlisted' ? ++position : null,
		since: c.created_at
	}));
}
