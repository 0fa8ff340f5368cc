import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../index';
import reference from '../nl-reference.json' with { type: 'json' };
import { lessonsOf, listProgrammes } from '../../features/programmes/queries';
import { search } from '../../features/search/queries';
import { VISITOR, type Viewer } from '../../features/viewer';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { prepareDatabase } from '../setup';
import { DEMO_COORDINATOR_EMAIL, demoMemberEmail } from './demo';
import { seedDemoProgrammes } from './demo-programmes';

const CONFIG = {
	seedDemo: true,
	adminEmail: undefined,
	adminPassword: undefined,
	demoPassword: 'demo-wachtwoord-2026'
};

/** Past and upcoming sessions per region, as the demo tells the story. */
const PHASES: Record<string, { past: number; upcoming: number }> = {
	'Regio Groningen-Assen': { past: 2, upcoming: 2 },
	'Noordoost-Brabant': { past: 1, upcoming: 2 },
	'Regio Zwolle': { past: 3, upcoming: 0 },
	'Zuid-Holland': { past: 0, upcoming: 3 }
};

describe.each(DIALECTS)('demo programmes on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	let member: Viewer;
	const now = () => new Date().toISOString();

	const programmes = () =>
		db
			.selectFrom('programmes as p')
			.leftJoin('networks as n', 'n.id', 'p.network_id')
			.select([
				'p.id',
				'p.slug',
				'p.title',
				'p.region',
				'p.visibility',
				'p.cohort_size',
				'n.name as network'
			])
			.orderBy('p.region')
			.execute();
	const sessionsOf = (programmeId: string) =>
		db
			.selectFrom('events')
			.select(['id', 'title', 'format_id', 'organiser_kind', 'network_id', 'visibility', 'ends_at'])
			.where('programme_id', '=', programmeId)
			.orderBy('starts_at')
			.execute();
	const cohortOf = async (programmeId: string, status: 'enrolled' | 'waitlisted') =>
		db
			.selectFrom('programme_participants as pp')
			.innerJoin('users as u', 'u.id', 'pp.user_id')
			.select(['u.id', 'u.email', 'pp.queue_number'])
			.where('pp.programme_id', '=', programmeId)
			.where('pp.status', '=', status)
			.orderBy('pp.queue_number')
			.orderBy('u.email')
			.execute();
	const registrationsOf = (eventId: string) =>
		db
			.selectFrom('event_registrations')
			.select(['user_id', 'status', 'via_programme', 'attended'])
			.where('event_id', '=', eventId)
			.execute();

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		expect((await prepareDatabase(db, CONFIG)).ok).toBe(true);
		const user = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', demoMemberEmail(3))
			.executeTakeFirstOrThrow();
		member = { kind: 'member', userId: user.id, role: 'member' };
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	it('seeds the four regional programmes of 2020, each in its regional community', async () => {
		const rows = await programmes();
		expect(rows.map((r) => r.region).sort()).toEqual(
			reference.regional_programmes_2020.map((r) => r.region).sort()
		);
		for (const row of rows) {
			expect(row.network).toBe(row.region);
			const provinces = await db
				.selectFrom('programme_provinces')
				.select('province_code')
				.where('programme_id', '=', row.id)
				.execute();
			const facts = reference.regional_programmes_2020.find((r) => r.region === row.region)!;
			expect(provinces.map((p) => p.province_code).sort()).toEqual([...facts.provinces].sort());
			const themes = await db
				.selectFrom('programme_themes')
				.select('theme_id')
				.where('programme_id', '=', row.id)
				.execute();
			expect(themes.length).toBeGreaterThan(0);
		}
		expect(rows.filter((r) => r.visibility === 'public')).toHaveLength(2);
		expect(rows.filter((r) => r.visibility === 'members')).toHaveLength(2);
		expect(await listProgrammes(db, { viewer: VISITOR })).toHaveLength(2);
		expect(await listProgrammes(db, { viewer: member })).toHaveLength(4);
	});

	it('has the demo coordinator run all four, with a demo member beside them in one', async () => {
		const coordinator = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', DEMO_COORDINATOR_EMAIL)
			.executeTakeFirstOrThrow();
		const rows = await db
			.selectFrom('programme_coordinators')
			.select(['programme_id', 'user_id'])
			.execute();
		for (const p of await programmes()) {
			const mine = rows.filter((r) => r.programme_id === p.id).map((r) => r.user_id);
			expect(mine).toContain(coordinator.id);
		}
		expect(rows).toHaveLength(5);
	});

	it('gives each programme 3 or 4 sessions: running, running and full, finished, planned', async () => {
		let total = 0;
		const formats = new Set<string>();
		for (const p of await programmes()) {
			const sessions = await sessionsOf(p.id);
			total += sessions.length;
			expect(sessions.length).toBeGreaterThanOrEqual(3);
			expect(sessions.length).toBeLessThanOrEqual(4);
			const past = sessions.filter((s) => s.ends_at <= now()).length;
			expect({ past, upcoming: sessions.length - past }).toEqual(PHASES[p.region]);
			for (const s of sessions) {
				formats.add(s.format_id);
				expect(s.organiser_kind).toBe('programme');
				expect(s.network_id).toBeNull();
				expect(s.visibility).toBe(p.visibility);
			}
		}
		expect(total).toBe(13);
		expect([...formats].sort()).toEqual([
			'excursie',
			'leerbijeenkomst',
			'leerwerkbijeenkomst',
			'webinar'
		]);
	});

	it('fills one cohort of twelve with two waiting, and leaves the tests’ members out', async () => {
		const rows = await programmes();
		const full = rows.filter((r) => r.cohort_size === 12);
		expect(full.map((r) => r.region)).toEqual(['Noordoost-Brabant']);
		expect(await cohortOf(full[0]!.id, 'enrolled')).toHaveLength(12);
		const waiting = await cohortOf(full[0]!.id, 'waitlisted');
		expect(waiting.map((w) => w.queue_number)).toEqual([1, 2]);
		const reserved = [1, 2, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map(demoMemberEmail);
		for (const p of rows) {
			const enrolled = await cohortOf(p.id, 'enrolled');
			if (p.cohort_size !== 12) {
				expect(p.cohort_size).toBe(20);
				expect(enrolled.length).toBeGreaterThanOrEqual(8);
				expect(enrolled.length).toBeLessThanOrEqual(14);
				expect(await cohortOf(p.id, 'waitlisted')).toEqual([]);
			}
			const everyone = [...enrolled, ...(await cohortOf(p.id, 'waitlisted'))];
			expect(everyone.filter((e) => reserved.includes(e.email))).toEqual([]);
			expect(everyone.every((e) => /^demo-member\d+@example\.org$/.test(e.email))).toBe(true);
		}
	});

	it('registers every enrolled participant, and nobody else, for every upcoming session', async () => {
		let upcoming = 0;
		for (const p of await programmes()) {
			const enrolled = (await cohortOf(p.id, 'enrolled')).map((e) => e.id).sort();
			for (const s of (await sessionsOf(p.id)).filter((s) => s.ends_at > now())) {
				upcoming++;
				const registrations = await registrationsOf(s.id);
				expect(registrations.map((r) => r.user_id).sort()).toEqual(enrolled);
				for (const r of registrations) {
					expect(r.status).toBe('registered');
					expect(Boolean(r.via_programme)).toBe(true);
				}
			}
		}
		expect(upcoming).toBe(7);
	});

	it('keeps attendance and a report for the past sessions', async () => {
		let present = 0;
		let absent = 0;
		let reported = 0;
		let recordings = 0;
		for (const p of await programmes()) {
			const enrolled = (await cohortOf(p.id, 'enrolled')).map((e) => e.id).sort();
			const past = (await sessionsOf(p.id)).filter((s) => s.ends_at <= now());
			for (const s of past) {
				const registrations = await registrationsOf(s.id);
				expect(registrations.map((r) => r.user_id).sort()).toEqual(enrolled);
				for (const r of registrations) {
					expect(r.status).toBe('registered');
					expect(Boolean(r.via_programme)).toBe(true);
					if (r.attended) present++;
					else absent++;
				}
				const reports = await db
					.selectFrom('knowledge_items')
					.select(['kind', 'status', 'visibility', 'body', 'published_at'])
					.where('event_id', '=', s.id)
					.execute();
				expect(reports.length).toBeLessThanOrEqual(1);
				for (const report of reports) {
					reported++;
					expect(report).toMatchObject({
						kind: 'report',
						status: 'published',
						visibility: p.visibility
					});
					expect(report.published_at! > s.ends_at).toBe(true);
				}
				const followup = await db
					.selectFrom('event_followup')
					.select('recording_url')
					.where('event_id', '=', s.id)
					.executeTakeFirst();
				if (followup?.recording_url) recordings++;
			}
			// The programme's page shows the lessons of its sessions.
			const lessons = await lessonsOf(db, p.id, member);
			expect(lessons.length).toBe(
				p.region === 'Regio Groningen-Assen'
					? 2
					: p.region === 'Regio Zwolle'
						? 2
						: p.region === 'Noordoost-Brabant'
							? 1
							: 0
			);
		}
		expect(reported).toBe(5);
		expect(recordings).toBe(1);
		// About one in five stayed away.
		expect(absent).toBeGreaterThan(0);
		expect(present).toBeGreaterThan(absent * 3);
	});

	it('writes the reports through the knowledge feature, with a revision and in the search index', async () => {
		const reports = await db
			.selectFrom('knowledge_items as k')
			.innerJoin('events as e', 'e.id', 'k.event_id')
			.select(['k.id', 'k.body_html'])
			.where('e.programme_id', 'is not', null)
			.execute();
		expect(reports).toHaveLength(5);
		for (const r of reports) {
			expect(r.body_html).toContain('<h2');
			const revisions = await db
				.selectFrom('knowledge_revisions')
				.select('number')
				.where('item_id', '=', r.id)
				.execute();
			expect(revisions.map((v) => v.number)).toEqual([1]);
		}
		// The public programme's closing report is found by anyone, the members' one by members.
		const titles = async (viewer: Viewer, query: string) => {
			const result = await search(db, { viewer, query });
			if (!result.ok) throw new Error(result.reason);
			return result.hits.map((h) => h.title.map((t) => t.text).join(''));
		};
		expect(await titles(VISITOR, 'praktijklab')).toContain(
			'Verslag excursie naar het mkb-praktijklab en de oogst van het programma'
		);
		const membersOnly = 'Verslag casuswerk: een klantbeeld delen in Groningen-Assen';
		expect(await titles(VISITOR, 'klantbeeld casuswerk')).not.toContain(membersOnly);
		expect(await titles(member, 'klantbeeld casuswerk')).toContain(membersOnly);
	});

	it('queues no mails for the cohort, its reports or its recording', async () => {
		const mails = await db
			.selectFrom('mail_outbox')
			.select('kind')
			.where((eb) => eb.or([eb('kind', 'like', 'programme-%'), eb('kind', 'like', 'event-%')]))
			.execute();
		expect(mails).toEqual([]);
	});

	it('runs once: a second start adds nothing', async () => {
		const count = async () => ({
			programmes: (await db.selectFrom('programmes').select('id').execute()).length,
			participants: (await db.selectFrom('programme_participants').select('id').execute()).length,
			sessions: (
				await db.selectFrom('events').select('id').where('programme_id', 'is not', null).execute()
			).length,
			registrations: (await db.selectFrom('event_registrations').select('id').execute()).length,
			reports: (
				await db.selectFrom('knowledge_items').select('id').where('kind', '=', 'report').execute()
			).length
		});
		const before = await count();
		expect(await seedDemoProgrammes(db)).toBe(false);
		expect((await prepareDatabase(db, CONFIG)).ok).toBe(true);
		expect(await count()).toEqual(before);
		expect(before).toMatchObject({ programmes: 4, sessions: 13 });
	});
});
