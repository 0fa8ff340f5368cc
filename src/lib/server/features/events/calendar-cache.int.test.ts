import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, secondProcess, type TestDatabase } from '../../testing/db';
import { addNetworkMember, buildMember, buildNetwork } from '../../testing/factories';
import { VISITOR, type Viewer } from '../viewer';
import { createEvent, registerMember, updateEvent } from './mutations';
import { filterChoices, type ListInput, listEvents } from './queries';
import type { EventInput } from './schema';

/**
 * Each process remembers which events match a calendar list under a version the database bumps
 * with every write that could change the matches, and under the moment the next upcoming event
 * ends. Whatever writes, in whichever process, and however time passes, the next list must be
 * what a fresh query would give, to exactly those who may see it.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function eventInput(startsIn: number, overrides: Partial<EventInput> = {}): EventInput {
	const start = new Date(Date.now() + startsIn);
	return {
		title: `Bijeenkomst over ${Math.round(startsIn / HOUR)} uur`,
		summary: 'Ondernemers en beleidsmakers delen wat werkt in de regio.',
		formatId: 'webinar',
		programme: '',
		organiserKind: 'platform',
		networkId: null,
		programmeId: null,
		visibility: 'public',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
		locationKind: 'online',
		venue: '',
		address: '',
		onlineUrl: 'https://vergadering.example/kamer',
		capacity: null,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		...overrides
	};
}

describe.each(DIALECTS)('the calendar’s remembered matches on %s', (dialect) => {
	let handle: TestDatabase;
	let other: DatabaseHandle | undefined;

	afterEach(async () => {
		await other?.close();
		other = undefined;
		await handle?.destroy();
	});

	const titles = async (db: DatabaseHandle['db'], input: Omit<ListInput, 'limit'>) => {
		const result = await listEvents(db, { limit: 50, ...input });
		expect(result.total).toBe(result.events.length);
		return result.events.map((e) => e.title);
	};

	it('follows every write that changes the matches, from this process or another', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		other = await secondProcess(handle);
		const member = await buildMember(db, { name: 'Deelnemer' });
		const asMember: Viewer = { kind: 'member', userId: member.id, role: 'member' };
		const upcoming = { viewer: VISITOR, when: 'upcoming' } as const;

		const a = await createEvent(db, { ...eventInput(2 * DAY, { title: 'Alfa' }), createdBy: null });
		await createEvent(db, { ...eventInput(3 * DAY, { title: 'Bravo' }), createdBy: null });
		// Both processes remember the list.
		expect(await titles(db, upcoming)).toEqual(['Alfa', 'Bravo']);
		expect(await titles(other.db, upcoming)).toEqual(['Alfa', 'Bravo']);

		// A new event, written by the other process: this one's list shows it.
		await createEvent(other.db, {
			...eventInput(1 * DAY, { title: 'Charlie' }),
			createdBy: null
		});
		expect(await titles(db, upcoming)).toEqual(['Charlie', 'Alfa', 'Bravo']);

		// A changed date reorders; a changed visibility hides it from visitors, not from members.
		await updateEvent(db, {
			...eventInput(4 * DAY, { title: 'Alfa' }),
			eventId: a.id,
			origin: 'http://localhost'
		});
		expect(await titles(other.db, upcoming)).toEqual(['Charlie', 'Bravo', 'Alfa']);
		await updateEvent(other.db, {
			...eventInput(4 * DAY, { title: 'Alfa', visibility: 'members' }),
			eventId: a.id,
			origin: 'http://localhost'
		});
		expect(await titles(db, upcoming)).toEqual(['Charlie', 'Bravo']);
		expect(await titles(db, { viewer: asMember, when: 'upcoming' })).toEqual([
			'Charlie',
			'Bravo',
			'Alfa'
		]);

		// Themes and provinces, written straight into the database (a script, a cascade): seen.
		const filtered = {
			...upcoming,
			filters: { theme: 'digitalisering', province: 'NL-UT' }
		};
		expect(await titles(db, filtered)).toEqual([]);
		const bravo = await db
			.selectFrom('events')
			.select('id')
			.where('title', '=', 'Bravo')
			.executeTakeFirstOrThrow();
		await other.db
			.insertInto('event_themes')
			.values({ event_id: bravo.id, theme_id: 'digitalisering' })
			.execute();
		await other.db
			.insertInto('event_provinces')
			.values({ event_id: bravo.id, province_code: 'NL-UT' })
			.execute();
		expect(await titles(db, filtered)).toEqual(['Bravo']);

		// A deleted event leaves every list at once.
		await other.db.deleteFrom('events').where('id', '=', bravo.id).execute();
		expect(await titles(db, upcoming)).toEqual(['Charlie']);
		expect(await titles(db, filtered)).toEqual([]);
	});

	it('shows what another process changed of a listed event: text, place, capacity, registration', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		other = await secondProcess(handle);
		const network = await buildNetwork(db, { name: 'Netwerk Oost' });
		const event = await createEvent(db, {
			...eventInput(2 * DAY, { title: 'Voor', organiserKind: 'network', networkId: network.id }),
			createdBy: null
		});
		const shown = async () => {
			const [e] = (await listEvents(db, { viewer: VISITOR, when: 'upcoming' })).events;
			return {
				title: e!.title,
				summary: e!.summary,
				venue: e!.venue,
				address: e!.address,
				capacity: e!.capacity,
				closed: e!.registration_closed,
				network: e!.network_name
			};
		};
		expect(await shown()).toEqual({
			title: 'Voor',
			summary: 'Ondernemers en beleidsmakers delen wat werkt in de regio.',
			venue: '',
			address: '',
			capacity: null,
			closed: false,
			network: 'Netwerk Oost'
		});
		await updateEvent(other.db, {
			...eventInput(2 * DAY, {
				title: 'Na',
				summary: 'Een nieuwe samenvatting.',
				organiserKind: 'network',
				networkId: network.id,
				locationKind: 'hybrid',
				venue: 'Stadhuis',
				address: 'Markt 1, Zwolle',
				capacity: 30
			}),
			eventId: event.id,
			origin: 'http://localhost'
		});
		expect(await shown()).toMatchObject({
			title: 'Na',
			summary: 'Een nieuwe samenvatting.',
			venue: 'Stadhuis',
			address: 'Markt 1, Zwolle',
			capacity: 30
		});
		// Written straight into the database, too.
		await other.db
			.updateTable('events')
			.set({ capacity: 12, registration_closed: true })
			.where('id', '=', event.id)
			.execute();
		expect(await shown()).toMatchObject({ capacity: 12, closed: true });
		await other.db
			.updateTable('networks')
			.set({ name: 'Netwerk Oost-Nederland' })
			.where('id', '=', network.id)
			.execute();
		expect(await shown()).toMatchObject({ network: 'Netwerk Oost-Nederland' });
	});

	it('shows the places left as they are now, without forgetting the matches for it', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		other = await secondProcess(handle);
		const event = await createEvent(db, {
			...eventInput(2 * DAY, { title: 'Vol', capacity: 1 }),
			createdBy: null
		});
		const before = await db
			.selectFrom('events_calendar_version')
			.select('version')
			.executeTakeFirstOrThrow();
		const list = () => listEvents(db, { viewer: VISITOR, when: 'upcoming' });
		expect((await list()).events[0]).toMatchObject({ registered: 0, waitlisted: 0 });
		for (const name of ['Eerste', 'Tweede']) {
			const m = await buildMember(other.db, { name });
			await registerMember(other.db, { eventId: event.id, userId: m.id, origin: 'http://x' });
		}
		expect((await list()).events[0]).toMatchObject({ registered: 1, waitlisted: 1 });
		// Registrations do not move the version: the matches stay remembered.
		const after = await db
			.selectFrom('events_calendar_version')
			.select('version')
			.executeTakeFirstOrThrow();
		expect(Number(after.version)).toBe(Number(before.version));
	});

	it('moves an event from upcoming to past when it ends, without any write', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		await createEvent(db, { ...eventInput(1 * HOUR, { title: 'Straks' }), createdBy: null });
		await createEvent(db, { ...eventInput(3 * DAY, { title: 'Later' }), createdBy: null });
		const now = Date.now();
		const at = (offset: number) => new Date(now + offset).toISOString();
		const list = (when: 'upcoming' | 'past', offset: number) =>
			titles(db, { viewer: VISITOR, when, now: at(offset) });
		expect(await list('upcoming', 0)).toEqual(['Straks', 'Later']);
		expect(await list('past', 0)).toEqual([]);
		// 'Straks' starts in one hour and lasts two: still upcoming while it runs.
		expect(await list('upcoming', 2 * HOUR)).toEqual(['Straks', 'Later']);
		expect(await list('upcoming', 4 * HOUR)).toEqual(['Later']);
		expect(await list('past', 4 * HOUR)).toEqual(['Straks']);
		// Asking about an earlier moment again gives that moment's answer.
		expect(await list('upcoming', 0)).toEqual(['Straks', 'Later']);
		expect(await list('upcoming', 4 * DAY)).toEqual([]);
	});

	it('keeps each member’s network events to that network’s members, and follows joining', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		other = await secondProcess(handle);
		const network = await buildNetwork(db);
		const insider = await buildMember(db, { name: 'Binnen' });
		const outsider = await buildMember(db, { name: 'Buiten' });
		await addNetworkMember(db, network.id, insider.id);
		await createEvent(db, {
			...eventInput(2 * DAY, {
				title: 'Alleen het netwerk',
				visibility: 'network',
				organiserKind: 'network',
				networkId: network.id
			}),
			createdBy: null
		});
		await createEvent(db, { ...eventInput(3 * DAY, { title: 'Iedereen' }), createdBy: null });
		const as = (m: { id: string }): Viewer => ({ kind: 'member', userId: m.id, role: 'member' });
		const list = (m: { id: string }) => titles(db, { viewer: as(m), when: 'upcoming' });
		expect(await list(insider)).toEqual(['Alleen het netwerk', 'Iedereen']);
		expect(await list(outsider)).toEqual(['Iedereen']);
		// Joining the network (in another process) shows its events at once; no event changed.
		await addNetworkMember(other.db, network.id, outsider.id);
		expect(await list(outsider)).toEqual(['Alleen het netwerk', 'Iedereen']);
		// Leaving it hides them again.
		await other.db.deleteFrom('network_members').where('user_id', '=', insider.id).execute();
		expect(await list(insider)).toEqual(['Iedereen']);
	});

	it('renames a network in the filter choices of every process', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const db = handle.db;
		other = await secondProcess(handle);
		const network = await buildNetwork(db);
		expect((await filterChoices(db)).networks).toEqual([]);
		await createEvent(other.db, {
			...eventInput(2 * DAY, { organiserKind: 'network', networkId: network.id }),
			createdBy: null
		});
		expect((await filterChoices(db)).networks.map((n) => n.slug)).toEqual([network.slug]);
		await other.db
			.updateTable('networks')
			.set({ name: 'Nieuwe naam' })
			.where('id', '=', network.id)
			.execute();
		expect((await filterChoices(db)).networks.map((n) => n.name)).toEqual(['Nieuwe naam']);
	});
});
