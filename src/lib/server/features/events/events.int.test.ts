import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedDemo } from '../../db/seed/demo';
import { seedDemoEvents } from '../../db/seed/demo-events';
import { seedDemoNetworks } from '../../db/seed/demo-networks';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { eventInput } from '../../testing/factories';
import { VISITOR, type Viewer } from '../viewer';
import { createEvent, updateEvent } from './mutations';
import { eventFormFields } from './present';
import { listEvents, eventForViewer, eventForIcs } from './queries';
import { parseEvent } from './schema';

describe.each(DIALECTS)('event calendar on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	let member: Viewer;
	let insider: Viewer;

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		await seedReference(db);
		await seedDemo(db, { password: 'demo-wachtwoord-2026' });
		await seedDemoNetworks(db);
		expect(await seedDemoEvents(db)).toBe(true);
		expect(await seedDemoEvents(db)).toBe(false);
		// A member outside Noordoost-Brabant, and one inside it.
		const inside = await db
			.selectFrom('network_members as nm')
			.innerJoin('networks as n', 'n.id', 'nm.network_id')
			.innerJoin('users as u', 'u.id', 'nm.user_id')
			.select('u.id')
			.where('n.slug', '=', 'noordoost-brabant')
			.where('nm.status', '=', 'active')
			.executeTakeFirstOrThrow();
		const outside = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'demo-member1@example.org')
			.executeTakeFirstOrThrow();
		member = { kind: 'member', userId: outside.id, role: 'member' };
		insider = { kind: 'member', userId: inside.id, role: 'member' };
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it('seeds a year of events over every format, network and province, some full with a waiting list', async () => {
		const all = await listEvents(db, { viewer: insider, when: 'all', limit: 100 });
		expect(all.total).toBe(20);
		expect(new Set(all.events.map((e) => e.format_id)).size).toBe(5);
		const networks = await db
			.selectFrom('networks')
			.select('id')
			.where('visibility', '!=', 'private')
			.execute();
		expect(new Set(all.events.flatMap((e) => e.network_id ?? []))).toEqual(
			new Set(networks.map((n) => n.id))
		);
		const provinces = await db.selectFrom('provinces').select('code').execute();
		expect(new Set(all.events.flatMap((e) => e.provinces.map((p) => p.code)))).toEqual(
			new Set(provinces.map((p) => p.code))
		);
		// From about half a year ago to half a year ahead.
		const days = all.events.map((e) => (Date.parse(e.starts_at) - Date.now()) / 86_400_000);
		expect(Math.min(...days)).toBeLessThan(-150);
		expect(Math.max(...days)).toBeGreaterThan(150);
		const full = all.events.filter((e) => e.capacity !== null && e.registered >= e.capacity);
		expect(full.map((e) => [e.registered, e.waitlisted])).toEqual([
			[8, 3],
			[5, 2],
			[6, 2]
		]);
		const past = await listEvents(db, { viewer: insider, when: 'past' });
		expect(past.total).toBe(8);
		// Past events come latest first.
		expect(past.events[0]!.starts_at > past.events[1]!.starts_at).toBe(true);
	});

	it('filters visibility in the query: visitors public, members members, a network its own', async () => {
		const titles = async (viewer: Viewer) =>
			(await listEvents(db, { viewer, when: 'all', limit: 100 })).events.map((e) => e.title);
		const visitor = await titles(VISITOR);
		expect(visitor).toHaveLength(7);
		const own = 'Leerbijeenkomst Noordoost-Brabant: innovatie in de maakindustrie';
		expect(await titles(member)).not.toContain(own);
		expect(await titles(insider)).toContain(own);
		const slug = (await listEvents(db, { viewer: insider, when: 'all', limit: 100 })).events.find(
			(e) => e.title === own
		)!.slug;
		expect(await eventForViewer(db, slug, member)).toBeNull();
		expect(await eventForViewer(db, slug, VISITOR)).toBeNull();
		expect(await eventForIcs(db, slug, VISITOR, null)).toBeNull();
		expect(await eventForIcs(db, slug, VISITOR, 'geen-geldige-sleutel')).toBeNull();
		expect((await eventForViewer(db, slug, insider))?.title).toBe(own);
	});

	it('filters by format, theme, province, online and network', async () => {
		const count = async (filters: Parameters<typeof listEvents>[1]['filters']) =>
			(await listEvents(db, { viewer: insider, when: 'all', filters, limit: 100 })).total;
		expect(await count({ format: 'webinar' })).toBe(5);
		expect(await count({ theme: 'circulaire-economie' })).toBe(3);
		expect(await count({ province: 'NL-ZH' })).toBe(3);
		expect(await count({ mode: 'online' })).toBe(9);
		expect(await count({ mode: 'on_site' })).toBe(15);
		expect(await count({ network: 'mkb-deals' })).toBe(3);
		expect(await count({ network: 'mkb-deals', theme: 'human-capital' })).toBe(1);
	});

	it('gives a registrant their place, position and the meeting link through their token', async () => {
		const all = await listEvents(db, { viewer: member, when: 'upcoming', limit: 100 });
		const full = all.events.find((e) => e.capacity !== null && e.registered >= e.capacity)!;
		const waiting = await db
			.selectFrom('event_registrations')
			.select(['user_id', 'token'])
			.where('event_id', '=', full.id)
			.where('status', '=', 'waitlisted')
			.orderBy('queue_number')
			.execute();
		const second: Viewer = { kind: 'member', userId: waiting[1]!.user_id!, role: 'member' };
		const detail = await eventForViewer(db, full.slug, second);
		expect(detail?.mine).toMatchObject({ status: 'waitlisted', position: 2 });
		const registered = await db
			.selectFrom('event_registrations')
			.select('token')
			.where('event_id', '=', full.id)
			.where('status', '=', 'registered')
			.executeTakeFirstOrThrow();
		expect((await eventForIcs(db, full.slug, VISITOR, registered.token))?.registrant).toBe(true);
		expect((await eventForIcs(db, full.slug, VISITOR, waiting[0]!.token))?.registrant).toBe(false);
		expect((await eventForIcs(db, full.slug, member, null))?.registrant).toBe(false);
	});
	it('keeps a speaker linked to their profile when the event is saved again by name', async () => {
		const created = await createEvent(
			db,
			eventInput(60, {
				title: 'Sprekers blijven gekoppeld',
				speakers: [
					{ name: 'demo-member1@example.org', email: 'demo-member1@example.org', role: 'speaker' },
					{ name: 'Gast van buiten', email: null, role: 'guest_expert' }
				]
			})
		);
		const admin: Viewer = { kind: 'member', userId: 'beheer', role: 'admin' };
		const speakersOf = async () =>
			(await eventForViewer(db, created.slug, admin))!.speakers.map((s) => [s.name, s.user_id]);
		const before = await speakersOf();
		expect(before).toEqual([
			[expect.any(String), (member as { userId: string }).userId],
			['Gast van buiten', null]
		]);
		// The edit form shows names only; saving it unchanged keeps the link.
		const event = (await eventForViewer(db, created.slug, admin))!;
		const parsed = parseEvent(
			{ ...eventFormFields(event), title: 'Sprekers blijven gekoppeld, ook na bewerken' },
			{ formatIds: ['webinar'], networkIds: [] }
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		await updateEvent(db, { ...parsed.value, eventId: event.id, origin: 'http://localhost' });
		expect(await speakersOf()).toEqual(before);
	});
});
