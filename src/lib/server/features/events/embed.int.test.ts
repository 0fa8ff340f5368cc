import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedDemo } from '../../db/seed/demo';
import { seedDemoEvents } from '../../db/seed/demo-events';
import { seedDemoNetworks } from '../../db/seed/demo-networks';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { embedEvents, type EmbedParams } from './embed';
import { createEvent } from './mutations';
import type { EventInput } from './schema';

const ORIGIN = 'https://kennisnetwerk.example';
const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000);

function input(overrides: Partial<EventInput> & { title: string; days: number }): EventInput {
	const { days, ...rest } = overrides;
	return {
		summary: 'Een bijeenkomst voor de test.',
		formatId: 'webinar',
		programme: '',
		organiserKind: 'platform',
		networkId: null,
		visibility: 'public',
		startsAt: at(days).toISOString(),
		endsAt: at(days, 2).toISOString(),
		locationKind: 'online',
		venue: '',
		address: '',
		onlineUrl: 'https://meet.example.org/embed-test',
		capacity: null,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		...rest
	};
}

describe.each(DIALECTS)('embeddable event list on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	const slugs: Record<string, string> = {};

	const embed = (params: EmbedParams = {}) => embedEvents(db, params, { origin: ORIGIN });
	const titles = async (params: EmbedParams = {}) => {
		const result = await embed(params);
		if (!result.ok) throw new Error(`unexpected ${result.field}`);
		return result.events.map((e) => e.title);
	};

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		await seedReference(db);
		await seedDemo(db, { password: 'demo-wachtwoord-2026' });
		await seedDemoNetworks(db);
		await seedDemoEvents(db);
		const network = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
		const harbour = {
			formatId: 'excursie',
			locationKind: 'on_site' as const,
			venue: 'Haven van Rotterdam',
			address: 'Wilhelminakade 909, Rotterdam',
			onlineUrl: '',
			themeIds: ['circulaire-economie'],
			provinceCodes: ['NL-ZH']
		};
		const events: Record<string, EventInput> = {
			public: input({ title: 'Embed: openbare excursie', days: 10, ...harbour }),
			members: input({
				title: 'Embed: excursie voor leden',
				days: 11,
				...harbour,
				visibility: 'members'
			}),
			network: input({
				title: 'Embed: excursie voor een netwerk',
				days: 12,
				...harbour,
				visibility: 'network',
				organiserKind: 'network',
				networkId: network.id
			}),
			past: input({ title: 'Embed: voorbije excursie', days: -3, ...harbour }),
			hybrid: input({
				title: 'Embed: hybride leerbijeenkomst',
				days: 2,
				formatId: 'leerbijeenkomst',
				locationKind: 'hybrid',
				venue: 'Provinciehuis Utrecht',
				themeIds: ['digitalisering'],
				provinceCodes: ['NL-UT']
			})
		};
		for (const [key, event] of Object.entries(events)) {
			slugs[key] = (await createEvent(db, { ...event, createdBy: null })).slug;
		}
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it('lists exactly the upcoming public events, soonest first, whoever asks', async () => {
		const now = new Date().toISOString();
		const expected = await db
			.selectFrom('events')
			.select(['id', 'title'])
			.where('visibility', '=', 'public')
			.where('ends_at', '>', now)
			.orderBy('starts_at')
			.orderBy('id')
			.execute();
		const result = await embed({ aantal: '20' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
		// The demo's two upcoming public webinars and this test's two public upcoming events.
		expect(result.events).toHaveLength(6);
		const listed = result.events.map((e) => e.title);
		expect(listed).toContain('Embed: openbare excursie');
		expect(listed).toContain('Embed: hybride leerbijeenkomst');
		for (const hidden of [
			'Embed: excursie voor leden',
			'Embed: excursie voor een netwerk',
			'Embed: voorbije excursie'
		]) {
			expect(listed).not.toContain(hidden);
		}
		const visibilities = await db
			.selectFrom('events')
			.select('visibility')
			.where(
				'id',
				'in',
				result.events.map((e) => e.id)
			)
			.execute();
		expect(new Set(visibilities.map((v) => v.visibility))).toEqual(new Set(['public']));
		for (const e of result.events) expect(e.endsAt > now).toBe(true);
	});

	it('presents each event with stable fields and an absolute link', async () => {
		const result = await embed({ thema: 'circulaire-economie' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.events).toHaveLength(1);
		const event = result.events[0]!;
		expect(Object.keys(event).sort()).toEqual(
			[
				'address',
				'endsAt',
				'format',
				'id',
				'locationKind',
				'provinces',
				'slug',
				'startsAt',
				'summary',
				'themes',
				'timeZone',
				'title',
				'url',
				'venue'
			].sort()
		);
		expect(event).toMatchObject({
			slug: slugs.public,
			title: 'Embed: openbare excursie',
			format: { id: 'excursie', name: 'Excursie' },
			timeZone: 'Europe/Amsterdam',
			locationKind: 'on_site',
			venue: 'Haven van Rotterdam',
			address: 'Wilhelminakade 909, Rotterdam',
			url: `${ORIGIN}/evenementen/${slugs.public}`,
			themes: [{ id: 'circulaire-economie', name: 'Circulaire economie' }],
			provinces: [{ code: 'NL-ZH', name: 'Zuid-Holland' }]
		});
		expect(event.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	it('honours the theme, province and format filters, alone and together', async () => {
		expect(await titles({ thema: 'circulaire-economie' })).toEqual(['Embed: openbare excursie']);
		expect(await titles({ provincie: 'NL-ZH' })).toEqual(['Embed: openbare excursie']);
		// Written the way people type them.
		expect(await titles({ provincie: ' nl-zh ' })).toEqual(['Embed: openbare excursie']);
		expect(await titles({ formaat: 'Excursie' })).toEqual([
			'Embed: openbare excursie',
			'Excursie: logistieke innovatie in Venlo'
		]);
		expect(await titles({ thema: 'digitalisering', provincie: 'NL-UT' })).toEqual([
			'Embed: hybride leerbijeenkomst'
		]);
		expect(await titles({ thema: 'digitalisering', provincie: 'NL-ZH' })).toEqual([]);
		const webinars = await titles({ formaat: 'webinar' });
		expect(webinars.length).toBe(3);
		expect(webinars.every((t) => t.startsWith('Webinar'))).toBe(true);
		// Empty values are no filter: five of the six, as without them.
		expect(await titles({ thema: '', provincie: '', formaat: '' })).toEqual(await titles());
		expect(await titles()).toHaveLength(5);
	});

	it('gives the number asked for, five by default, soonest first', async () => {
		const all = await titles({ aantal: '20' });
		expect(await titles({ aantal: '1' })).toEqual([all[0]]);
		expect(all[0]).toBe('Embed: hybride leerbijeenkomst');
		expect(await titles({ aantal: '3' })).toEqual(all.slice(0, 3));
		expect(await titles()).toEqual(all.slice(0, 5));
		const result = await embed({ taal: 'en' });
		expect(result.ok && result.request).toMatchObject({ locale: 'en', count: 5 });
	});

	it('names the filter with an unknown value instead of guessing', async () => {
		expect(await embed({ thema: 'onbekend-thema' })).toEqual({
			ok: false,
			reason: 'invalid_filter',
			field: 'thema',
			value: 'onbekend-thema',
			locale: 'nl'
		});
		expect(await embed({ provincie: 'NL-XX', taal: 'en' })).toMatchObject({
			ok: false,
			field: 'provincie',
			value: 'NL-XX',
			locale: 'en'
		});
		expect(await embed({ formaat: 'borrel' })).toMatchObject({ ok: false, field: 'formaat' });
		for (const aantal of ['0', '21', 'vijf', '2.5', '-1', '100']) {
			expect(await embed({ aantal }), aantal).toMatchObject({ ok: false, field: 'aantal' });
		}
		expect(await embed({ taal: 'de' })).toMatchObject({ ok: false, field: 'taal', locale: 'nl' });
	});
});
