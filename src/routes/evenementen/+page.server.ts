import { canCreateEvent } from '$lib/server/features/events/policy';
import { presentEventCard, presentMonthEntry } from '$lib/server/features/events/present';
import {
	coordinatedNetworks,
	type EventFilters,
	filterChoices,
	listEvents
} from '$lib/server/features/events/queries';
import { amsterdamMonth, amsterdamToUtc } from '$lib/server/features/events/time';
import { followupForList, type ListFollowup } from '$lib/server/features/followup/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** The next month, 'YYYY-MM'. */
function shiftMonth(month: string, by: number): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(y, m - 1 + by, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The weeks (Monday first) that show a month, each day as 'YYYY-MM-DD'. */
function monthWeeks(month: string): { date: string; inMonth: boolean }[][] {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const first = new Date(Date.UTC(y, m - 1, 1));
	const start = new Date(first);
	start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
	const weeks: { date: string; inMonth: boolean }[][] = [];
	const day = new Date(start);
	do {
		const week: { date: string; inMonth: boolean }[] = [];
		for (let i = 0; i < 7; i++) {
			week.push({ date: day.toISOString().slice(0, 10), inMonth: day.getUTCMonth() === m - 1 });
			day.setUTCDate(day.getUTCDate() + 1);
		}
		weeks.push(week);
	} while (day.getUTCMonth() === m - 1);
	return weeks;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerFrom(locals.user);
	const locale = locals.locale === 'en' ? 'en' : 'nl';
	const choices = await filterChoices(locals.db, viewer);
	const param = (name: string) => url.searchParams.get(name)?.trim().slice(0, 100) ?? '';
	const pick = <T extends string>(value: string, allowed: readonly T[]): T | '' =>
		(allowed as readonly string[]).includes(value) ? (value as T) : '';

	const search = {
		wanneer: param('wanneer') === 'voorbij' ? 'voorbij' : 'komend',
		weergave: param('weergave') === 'maand' ? 'maand' : 'lijst',
		maand: /^\d{4}-(0[1-9]|1[0-2])$/.test(param('maand'))
			? param('maand')
			: amsterdamMonth(new Date().toISOString()),
		vorm: pick(
			param('vorm'),
			choices.formats.map((f) => f.id)
		),
		thema: pick(
			param('thema'),
			choices.themes.map((t) => t.id)
		),
		provincie: pick(
			param('provincie'),
			choices.provinces.map((p) => p.code)
		),
		locatie: pick(param('locatie'), ['online', 'op-locatie'] as const),
		netwerk: pick(
			param('netwerk'),
			choices.networks.map((n) => n.slug)
		),
		programma: pick(
			param('programma'),
			choices.programmes.map((p) => p.slug)
		)
	};
	const page = Math.max(1, Math.min(1000, Number(param('pagina')) || 1));
	const filters: EventFilters = {
		format: search.vorm || undefined,
		theme: search.thema || undefined,
		province: search.provincie || undefined,
		mode:
			search.locatie === 'online'
				? 'online'
				: search.locatie === 'op-locatie'
					? 'on_site'
					: undefined,
		network: search.netwerk || undefined,
		programme: search.programma || undefined
	};

	let list: (ReturnType<typeof presentEventCard> & { followup?: ListFollowup })[] = [];
	let total: number;
	let month: {
		month: string;
		previous: string;
		next: string;
		weeks: { date: string; inMonth: boolean; events: ReturnType<typeof presentMonthEntry>[] }[][];
	} | null = null;
	if (search.weergave === 'maand') {
		const from = amsterdamToUtc(`${search.maand}-01T00:00`)!;
		const to = amsterdamToUtc(`${shiftMonth(search.maand, 1)}-01T00:00`)!;
		const result = await listEvents(locals.db, {
			viewer,
			when: 'all',
			filters,
			from,
			to,
			limit: 500
		});
		const events = result.events.map(presentMonthEntry);
		total = result.total;
		month = {
			month: search.maand,
			previous: shiftMonth(search.maand, -1),
			next: shiftMonth(search.maand, 1),
			weeks: monthWeeks(search.maand).map((week) =>
				week.map((d) => ({ ...d, events: events.filter((e) => e.day === d.date) }))
			)
		};
	} else {
		const result = await listEvents(locals.db, {
			viewer,
			when: search.wanneer === 'voorbij' ? 'past' : 'upcoming',
			filters,
			limit: PAGE_SIZE,
			offset: (page - 1) * PAGE_SIZE
		});
		// Past events show what came after: the report and the materials.
		const after =
			search.wanneer === 'voorbij'
				? await followupForList(
						locals.db,
						result.events.map((e) => e.id),
						viewer
					)
				: null;
		const at = new Date().toISOString();
		list = result.events.map((e) => ({
			...presentEventCard(e, locale, at),
			...(after ? { followup: after.get(e.id) } : {})
		}));
		total = result.total;
	}
	const coordinated =
		viewer.kind === 'member' ? (await coordinatedNetworks(locals.db, viewer.userId)).length : 0;
	return {
		search,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		list,
		month,
		choices,
		mayCreate: canCreateEvent(viewer, coordinated)
	};
};
