import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DB } from '../src/lib/server/db';
import type { Database } from '../src/lib/server/db/schema';
import { createToken } from '../src/lib/server/features/api-tokens/mutations';
import { createEvent } from '../src/lib/server/features/events/mutations';
import { random } from './dataset';

// The events' share of the benchmark: many events (5,000 by default) over four years with many
// registrations (200,000), a member who is registered for an upcoming event, and members with
// API tokens for the registration rush (many people registering for one event at once).

export interface EventsDataset {
	/** The calendar with two filters. */
	calendarPath: string;
	/** An upcoming event the bench member is registered for. */
	registrantEventSlug: string;
}

const TITLES = [
	'Leerbijeenkomst regionaal accountmanagement',
	'Webinar financiering voor het mkb',
	'Excursie naar een circulair bedrijventerrein',
	'Leerwerkbijeenkomst human capital',
	'Netwerkbijeenkomst EZ-medewerkers',
	'Webinar digitalisering in de detailhandel',
	'Leerbijeenkomst ondernemersloketten'
];

const CHUNK = 400;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Adds `events` events with `registrations` registrations spread over `members`. */
export async function generateEvents(
	db: DB,
	size: { events: number; registrations: number; members: { id: string }[]; benchMember: string }
): Promise<EventsDataset> {
	const next = random(20261131);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const [formats, themes, provinces] = await Promise.all([
		db.selectFrom('event_formats').select('id').execute(),
		db.selectFrom('themes').select('id').execute(),
		db.selectFrom('provinces').select('code').execute()
	]);
	const hour = 3_600_000;
	const firstStart = Date.now() - 3 * 365 * 24 * hour;
	const span = 4 * 365 * 24 * hour;
	const perEvent = Math.max(1, Math.floor(size.registrations / size.events));
	const members = size.members;

	let registrantEventSlug = '';
	for (let from = 0; from < size.events; from += 1000) {
		const events: Insertable<Database['events']>[] = [];
		const eventThemes: Insertable<Database['event_themes']>[] = [];
		const eventProvinces: Insertable<Database['event_provinces']>[] = [];
		const registrations: Insertable<Database['event_registrations']>[] = [];
		for (let e = from; e < Math.min(size.events, from + 1000); e++) {
			const id = randomUUID();
			// Event 0 is upcoming, and the bench member is registered for it.
			const start = e === 0 ? Date.now() + 10 * 24 * hour : firstStart + Math.floor(next() * span);
			const startsAt = new Date(start - (start % hour));
			const capacity = 20 + Math.floor(next() * 60);
			const slug = `bench-evenement-${e}`;
			if (e === 0) registrantEventSlug = slug;
			events.push({
				id,
				slug,
				format_id: pick(formats).id,
				title: `${pick(TITLES)} ${e}`,
				summary: 'Collega’s uit het hele land delen wat werkt, met ruimte voor vragen.',
				programme: 'Ontvangst, twee korte presentaties en gesprekken aan tafels.',
				programme_html: '<p>Ontvangst, twee korte presentaties en gesprekken aan tafels.</p>',
				visibility: next() < 0.8 ? 'public' : 'members',
				starts_at: startsAt.toISOString(),
				ends_at: new Date(startsAt.getTime() + 2 * hour).toISOString(),
				location_kind: pick(['on_site', 'online', 'hybrid'] as const),
				venue: 'Stadskantoor',
				address: 'Stationsplein 1, Utrecht',
				online_url: 'https://meet.example.org/kennisnetwerk',
				capacity
			});
			for (const theme of new Set([pick(themes).id, pick(themes).id])) {
				eventThemes.push({ event_id: id, theme_id: theme });
			}
			eventProvinces.push({ event_id: id, province_code: pick(provinces).code });
			const offset = Math.floor(next() * members.length);
			let queue = 0;
			for (let k = 0; k < perEvent && k < members.length; k++) {
				const userId =
					e === 0 && k === 0 ? size.benchMember : members[(offset + k * 7) % members.length]!.id;
				const registered = k < capacity;
				registrations.push({
					id: randomUUID(),
					event_id: id,
					user_id: userId,
					status: registered ? 'registered' : 'waitlisted',
					queue_number: registered ? null : ++queue,
					token: randomUUID()
				});
			}
		}
		await db.transaction().execute(async (trx) => {
			await insertChunked(events, (c) => trx.insertInto('events').values(c).execute());
			await insertChunked(eventThemes, (c) => trx.insertInto('event_themes').values(c).execute());
			await insertChunked(eventProvinces, (c) =>
				trx.insertInto('event_provinces').values(c).execute()
			);
			await insertChunked(registrations, (c) =>
				trx.insertInto('event_registrations').values(c).execute()
			);
		});
	}
	return {
		calendarPath: `/evenementen?vorm=${formats[0]!.id}&provincie=${provinces[0]!.code}`,
		registrantEventSlug
	};
}

/** An event with `places` places for the rush, and a token for each of `people` members. */
export async function prepareRush(
	db: DB,
	input: { places: number; members: { id: string }[] }
): Promise<{ slug: string; eventId: string; tokens: string[] }> {
	const start = new Date(Date.now() + 30 * 24 * 3_600_000);
	const { slug, id } = await createEvent(db, {
		title: `Leerwerkbijeenkomst voor twintig ${randomUUID().slice(0, 6)}`,
		summary: 'Twintig plaatsen en veel belangstelling.',
		formatId: (await db.selectFrom('event_formats').select('id').executeTakeFirstOrThrow()).id,
		programme: '',
		organiserKind: 'platform',
		networkId: null,
		visibility: 'members',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
		locationKind: 'on_site',
		venue: '',
		address: 'Lübeckplein 2, Zwolle',
		onlineUrl: '',
		capacity: input.places,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		createdBy: null
	});
	const tokens: string[] = [];
	for (const member of input.members) {
		tokens.push((await createToken(db, member.id, { name: 'bench' })).token);
	}
	return { slug, eventId: id, tokens };
}

export interface RushResult {
	people: number;
	places: number;
	seconds: number;
	registered: number;
	waitlisted: number;
	other: number;
	perSecond: number;
}

/**
 * Everyone registers at once (each over HTTP with their own token, `concurrency` at a time) for
 * an event with fewer places: how long until all have an answer, and how many got a place.
 */
export async function rush(
	baseUrl: string,
	slug: string,
	tokens: string[],
	places: number,
	concurrency: number
): Promise<RushResult> {
	let registered = 0;
	let waitlisted = 0;
	let other = 0;
	let nextIndex = 0;
	const started = performance.now();
	const worker = async () => {
		while (nextIndex < tokens.length) {
			const token = tokens[nextIndex++]!;
			const response = await fetch(`${baseUrl}/api/v1/events/${slug}/registration`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: '{}'
			});
			await response.arrayBuffer();
			if (response.status === 201) registered++;
			else if (response.status === 202) waitlisted++;
			else other++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - started) / 1000;
	return {
		people: tokens.length,
		places,
		seconds,
		registered,
		waitlisted,
		other,
		perSecond: tokens.length / seconds
	};
}
