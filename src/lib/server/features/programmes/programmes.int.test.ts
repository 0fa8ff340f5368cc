import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import {
	cancelMember,
	createEvent,
	registerGuest,
	registerMember,
	updateEvent
} from '../events/mutations';
import { eventForViewer, filterChoices, listEvents } from '../events/queries';
import type { EventInput } from '../events/schema';
import type { Viewer } from '../viewer';
import {
	addCoordinator,
	changeCohortSize,
	createProgramme,
	enrol,
	leave,
	removeCoordinator,
	setEnrolmentOpen
} from './mutations';
import { createItem } from '../knowledge/mutations';
import { knowledgeInputSchema } from '../knowledge/schema';
import { attendanceOf, cohortOf, lessonsOf, listProgrammes, programmeForViewer } from './queries';
import type { ProgrammeInput } from './schema';

const origin = 'http://localhost:5173';
const day = 86_400_000;

const programmeInput = (overrides: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
	title: 'Regionaal accountmanagement Groningen-Assen',
	region: 'Regio Groningen-Assen',
	summary: 'Vier leerwerkbijeenkomsten over samen optrekken richting ondernemers.',
	challenge: 'Accountmanagers van gemeenten en provincie werken **langs elkaar heen**.',
	networkId: null,
	visibility: 'members',
	cohortSize: 3,
	enrolmentOpen: true,
	provinceCodes: ['NL-GR', 'NL-DR'],
	themeIds: [],
	...overrides
});

function sessionInput(
	programmeId: string | null,
	daysFromNow: number,
	overrides: Partial<EventInput> = {}
): EventInput & { createdBy: null } {
	const start = new Date(Date.now() + daysFromNow * day);
	return {
		title: `Bijeenkomst op dag ${daysFromNow}`,
		summary: 'Een bijeenkomst van het programma met gastexperts en intervisie.',
		formatId: 'leerwerkbijeenkomst',
		programme: '',
		organiserKind: programmeId ? 'programme' : 'platform',
		networkId: null,
		programmeId,
		visibility: 'members',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
		locationKind: 'on_site',
		venue: 'Provinciehuis',
		address: 'Martinikerkhof 12, Groningen',
		onlineUrl: '',
		capacity: null,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		createdBy: null,
		...overrides
	};
}

describe.each(DIALECTS)('programmes on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	const members: { id: string; email: string }[] = [];
	let coordinator: { id: string; email: string };

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		await seedReference(db);
		for (let i = 0; i < 8; i++) members.push(await buildMember(db));
		coordinator = await buildMember(db);
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	const m = (i: number) => members[i]!.id;
	const asMember = (i: number): Viewer => ({ kind: 'member', userId: m(i), role: 'member' });

	async function registrationsOf(eventId: string) {
		const rows = await db
			.selectFrom('event_registrations')
			.select(['user_id', 'status', 'via_programme'])
			.where('event_id', '=', eventId)
			.execute();
		return rows
			.filter((r) => r.status === 'registered')
			.map((r) => r.user_id)
			.sort();
	}

	async function reminderJobs(userId: string, eventId: string) {
		const rows = await db
			.selectFrom('jobs')
			.select('payload')
			.where('kind', '=', 'events.reminder')
			.execute();
		const registration = await db
			.selectFrom('event_registrations')
			.select('id')
			.where('event_id', '=', eventId)
			.where('user_id', '=', userId)
			.executeTakeFirst();
		return rows.filter((r) => String(r.payload).includes(registration?.id ?? 'none')).length;
	}

	it('fills the cohort, then a waiting list first in first out, each with a mail', async () => {
		const p = await createProgramme(db, { ...programmeInput(), createdBy: coordinator.id });
		if (!p.ok) throw new Error('not created');
		const results = [];
		for (let i = 0; i < 5; i++) {
			results.push(await enrol(db, { programmeId: p.id, userId: m(i), origin }));
		}
		expect(results.map((r) => r.ok && [r.status, r.position])).toEqual([
			['enrolled', null],
			['enrolled', null],
			['enrolled', null],
			['waitlisted', 1],
			['waitlisted', 2]
		]);
		// A double click changes nothing.
		expect(await enrol(db, { programmeId: p.id, userId: m(0), origin })).toEqual({
			ok: true,
			status: 'enrolled',
			position: null,
			already: true
		});
		const mails = await db
			.selectFrom('mail_outbox')
			.select(['kind', 'to_address'])
			.where('kind', 'like', 'programme-%')
			.execute();
		expect(mails.filter((x) => x.kind === 'programme-enrolled')).toHaveLength(3);
		expect(mails.filter((x) => x.kind === 'programme-waitlisted')).toHaveLength(2);

		// Leaving frees a place for the first waiting; the second moves up to position 1.
		const left = await leave(db, { programmeId: p.id, userId: m(1), origin });
		expect(left).toEqual({ ok: true, was: 'enrolled', promoted: 1 });
		const cohort = await cohortOf(db, p.id);
		expect(
			cohort
				.filter((c) => c.status === 'enrolled')
				.map((c) => c.id)
				.sort()
		).toEqual([m(0), m(2), m(3)].sort());
		const detail = await programmeForViewer(db, p.slug, asMember(4));
		expect(detail?.mine).toEqual({ status: 'waitlisted', position: 1 });
		const promoted = await db
			.selectFrom('mail_outbox')
			.select('to_address')
			.where('kind', '=', 'programme-promoted')
			.execute();
		expect(promoted.map((x) => x.to_address)).toEqual([members[3]!.email]);
		expect(await leave(db, { programmeId: p.id, userId: m(1), origin })).toEqual({
			ok: false,
			reason: 'not_enrolled'
		});
	});

	it('registers the cohort for every upcoming session and keeps past attendance', async () => {
		const p = await createProgramme(db, {
			...programmeInput({ title: 'Programma met sessies', cohortSize: 2 }),
			createdBy: coordinator.id
		});
		if (!p.ok) throw new Error('not created');
		const past = await createEvent(db, sessionInput(p.id, -10));
		const soon = await createEvent(db, sessionInput(p.id, 10));
		await enrol(db, { programmeId: p.id, userId: m(0), origin });
		// A session added later gets the cohort too.
		const later = await createEvent(db, sessionInput(p.id, 40));
		await enrol(db, { programmeId: p.id, userId: m(1), origin });
		await enrol(db, { programmeId: p.id, userId: m(2), origin }); // waiting
		expect(await registrationsOf(soon.id)).toEqual([m(0), m(1)].sort());
		expect(await registrationsOf(later.id)).toEqual([m(0), m(1)].sort());
		expect(await registrationsOf(past.id)).toEqual([]);
		expect(await reminderJobs(m(0), soon.id)).toBe(2);

		// The past session's record stays when someone leaves; their upcoming places go to
		// whoever moves up from the waiting list.
		await db
			.insertInto('event_registrations')
			.values({
				id: crypto.randomUUID(),
				event_id: past.id,
				user_id: m(0),
				guest_name: null,
				guest_email: null,
				guest_organisation: null,
				status: 'registered',
				queue_number: null,
				token: crypto.randomUUID(),
				attended: true,
				promoted_at: null,
				via_programme: true
			})
			.execute();
		await leave(db, { programmeId: p.id, userId: m(0), origin });
		expect(await registrationsOf(past.id)).toEqual([m(0)]);
		expect(await registrationsOf(soon.id)).toEqual([m(1), m(2)].sort());
		expect(await registrationsOf(later.id)).toEqual([m(1), m(2)].sort());
		const attendance = await attendanceOf(db, p.id, asMember(1));
		expect(attendance.filter((a) => Boolean(a.attended)).map((a) => a.user_id)).toEqual([m(0)]);

		// Nobody registers for a session on their own, nor as a guest, nor leaves it alone.
		const outsider = await registerMember(db, { eventId: soon.id, userId: m(5), origin });
		expect(outsider).toEqual({ ok: false, reason: 'programme_session' });
		const guest = await registerGuest(db, {
			eventId: soon.id,
			name: 'Gast',
			email: 'gast@example.org',
			organisation: '',
			origin
		});
		expect(guest).toEqual({ ok: false, reason: 'programme_session' });
		expect(await cancelMember(db, { eventId: soon.id, userId: m(1), origin })).toEqual({
			ok: false,
			reason: 'programme_session'
		});
		// A coordinator may still add a guest expert to one session by hand; the cohort's sync
		// leaves that registration alone.
		const expert = await registerMember(db, {
			eventId: soon.id,
			userId: m(6),
			origin,
			byCoordinator: true
		});
		expect(expert.ok && expert.status).toBe('registered');
		await changeCohortSize(db, { programmeId: p.id, cohortSize: 5, origin });
		expect(await registrationsOf(soon.id)).toEqual([m(1), m(2), m(6)].sort());

		// A session taken out of the programme loses the cohort's places, not the expert's.
		const event = await eventForViewer(db, (await slugOf(soon.id))!, asMember(1));
		await updateEvent(db, {
			...sessionInput(null, 10),
			startsAt: event!.starts_at,
			endsAt: event!.ends_at,
			eventId: soon.id,
			origin
		});
		expect(await registrationsOf(soon.id)).toEqual([m(6)]);
	});

	async function slugOf(eventId: string) {
		return (
			await db.selectFrom('events').select('slug').where('id', '=', eventId).executeTakeFirst()
		)?.slug;
	}

	it('lists sessions with the calendar filter and shows members-only programmes to members', async () => {
		const open = await createProgramme(db, {
			...programmeInput({ title: 'Openbaar programma Zwolle', visibility: 'public' }),
			createdBy: coordinator.id
		});
		const closed = await createProgramme(db, {
			...programmeInput({ title: 'Ledenprogramma Brabant', visibility: 'members' }),
			createdBy: coordinator.id
		});
		if (!open.ok || !closed.ok) throw new Error('not created');
		await createEvent(db, sessionInput(open.id, 5, { visibility: 'public', title: 'Zwolle een' }));
		await createEvent(
			db,
			sessionInput(open.id, 35, { visibility: 'public', title: 'Zwolle twee' })
		);
		const visitor: Viewer = { kind: 'visitor' };
		const forVisitor = await listProgrammes(db, { viewer: visitor });
		expect(forVisitor.map((p) => p.slug)).toContain(open.slug);
		expect(forVisitor.map((p) => p.slug)).not.toContain(closed.slug);
		expect(await programmeForViewer(db, closed.slug, visitor)).toBeNull();
		expect(await programmeForViewer(db, closed.slug, asMember(0))).not.toBeNull();
		const row = forVisitor.find((p) => p.slug === open.slug)!;
		expect(row.stats).toMatchObject({ sessions: 2, upcoming: 2 });
		const sessions = await listEvents(db, {
			viewer: visitor,
			when: 'upcoming',
			filters: { programme: open.slug }
		});
		expect(sessions.events.map((e) => e.title)).toEqual(['Zwolle een', 'Zwolle twee']);
		expect(sessions.events[0]).toMatchObject({ programme_slug: open.slug });
		// The calendar's programme filter names a members' programme to members only.
		await createEvent(db, sessionInput(closed.id, 12, { title: 'Brabant een' }));
		const visitorChoices = await filterChoices(db, visitor);
		const memberChoices = await filterChoices(db, asMember(0));
		expect(visitorChoices.programmes.map((p) => p.slug)).toContain(open.slug);
		expect(visitorChoices.programmes.map((p) => p.slug)).not.toContain(closed.slug);
		expect(memberChoices.programmes.map((p) => p.slug)).toContain(closed.slug);
	});

	it("harvests the sessions' published reports as its lessons, as far as the viewer sees them", async () => {
		const p = await createProgramme(db, {
			...programmeInput({ title: 'Programma met verslagen', visibility: 'public' }),
			createdBy: coordinator.id
		});
		if (!p.ok) throw new Error('not created');
		const session = await createEvent(
			db,
			sessionInput(p.id, -20, { visibility: 'public', title: 'Afgelopen sessie' })
		);
		const report = async (title: string, visibility: 'public' | 'members', publish: boolean) => {
			const result = await createItem(db, {
				writerId: coordinator.id,
				publish,
				eventId: session.id,
				input: knowledgeInputSchema.parse({
					kind: 'report',
					title,
					summary: `Samenvatting: ${title}`,
					body: 'Wat we leerden over samenwerken in de regio.',
					visibility
				})
			});
			if (!result.ok) throw new Error(result.reason);
		};
		await report('Verslag voor iedereen', 'public', true);
		await report('Verslag voor leden', 'members', true);
		await report('Verslag in concept', 'public', false);
		const forVisitor = await lessonsOf(db, p.id, { kind: 'visitor' });
		expect(forVisitor.map((l) => l.title)).toEqual(['Verslag voor iedereen']);
		const forMember = await lessonsOf(db, p.id, asMember(0));
		expect(forMember.map((l) => l.title).sort()).toEqual(
			['Verslag voor iedereen', 'Verslag voor leden'].sort()
		);
	});

	it('closes enrolment for members but not for coordinators, and keeps one coordinator', async () => {
		const p = await createProgramme(db, {
			...programmeInput({ title: 'Gesloten inschrijving' }),
			createdBy: coordinator.id
		});
		if (!p.ok) throw new Error('not created');
		await setEnrolmentOpen(db, { programmeId: p.id, open: false });
		expect(await enrol(db, { programmeId: p.id, userId: m(0), origin })).toEqual({
			ok: false,
			reason: 'enrolment_closed'
		});
		const added = await enrol(db, { programmeId: p.id, userId: m(0), origin, byCoordinator: true });
		expect(added.ok && added.status).toBe('enrolled');
		expect(await removeCoordinator(db, { programmeId: p.id, userId: coordinator.id })).toEqual({
			ok: false,
			reason: 'last_coordinator'
		});
		await addCoordinator(db, { programmeId: p.id, userId: m(7) });
		expect(await removeCoordinator(db, { programmeId: p.id, userId: coordinator.id })).toEqual({
			ok: true
		});
		const detail = await programmeForViewer(db, p.slug, asMember(7));
		expect(detail?.coordinator).toBe(true);
	});

	it('a smaller cohort keeps everyone and takes nobody new until it fits', async () => {
		const p = await createProgramme(db, {
			...programmeInput({ title: 'Krimpende groep', cohortSize: 3 }),
			createdBy: coordinator.id
		});
		if (!p.ok) throw new Error('not created');
		for (let i = 0; i < 4; i++) await enrol(db, { programmeId: p.id, userId: m(i), origin });
		expect(await changeCohortSize(db, { programmeId: p.id, cohortSize: 2, origin })).toEqual({
			ok: true,
			enrolled: 3,
			surplus: 1,
			promoted: 0
		});
		await leave(db, { programmeId: p.id, userId: m(0), origin });
		// Still full (2 of 2): the one waiting stays waiting.
		const cohort = await cohortOf(db, p.id);
		expect(cohort.filter((c) => c.status === 'waitlisted').map((c) => c.id)).toEqual([m(3)]);
	});

	it('never has more enrolled than places, nor anyone twice, whatever the order (model)', async () => {
		let round = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.oneof(
						fc.record({ op: fc.constant('enrol' as const), who: fc.nat(7) }),
						fc.record({ op: fc.constant('leave' as const), who: fc.nat(7) }),
						fc.record({ op: fc.constant('size' as const), size: fc.integer({ min: 1, max: 5 }) })
					),
					{ maxLength: 25 }
				),
				async (ops) => {
					const p = await createProgramme(db, {
						...programmeInput({ title: `Model ${round++}`, cohortSize: 2 }),
						createdBy: coordinator.id
					});
					if (!p.ok) throw new Error('not created');
					let size = 2;
					let enrolled: number[] = [];
					let waiting: number[] = [];
					for (const step of ops) {
						if (step.op === 'enrol') {
							await enrol(db, { programmeId: p.id, userId: m(step.who), origin });
							if (!enrolled.includes(step.who) && !waiting.includes(step.who)) {
								if (enrolled.length < size && waiting.length === 0) enrolled.push(step.who);
								else waiting.push(step.who);
							}
						} else if (step.op === 'leave') {
							await leave(db, { programmeId: p.id, userId: m(step.who), origin });
							enrolled = enrolled.filter((x) => x !== step.who);
							waiting = waiting.filter((x) => x !== step.who);
						} else {
							await changeCohortSize(db, { programmeId: p.id, cohortSize: step.size, origin });
							size = step.size;
						}
						while (enrolled.length < size && waiting.length) enrolled.push(waiting.shift()!);
					}
					const cohort = await cohortOf(db, p.id);
					const actualEnrolled = cohort.filter((c) => c.status === 'enrolled').map((c) => c.id);
					const actualWaiting = cohort.filter((c) => c.status === 'waitlisted').map((c) => c.id);
					expect(actualEnrolled.sort()).toEqual(enrolled.map(m).sort());
					expect(actualWaiting).toEqual(waiting.map(m));
				}
			),
			{ numRuns: 15 }
		);
	});
});
