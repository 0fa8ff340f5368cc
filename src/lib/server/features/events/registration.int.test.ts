import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { runJobsOnce } from '../../platform/jobs';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { buildMember } from '../../testing/factories';
import { eventJobHandlers } from './jobs';
import {
	cancelByToken,
	cancelMember,
	changeCapacity,
	confirmGuest,
	createEvent,
	ensureFeedToken,
	messageRegistrants,
	registerGuest,
	registerMember,
	removeRegistration,
	renewFeedToken,
	setRegistrationClosed
} from './mutations';
import { feedOwner, listRegistrations, myEvents } from './queries';
import type { EventInput } from './schema';

const origin = 'http://localhost:5173';
const hour = 3_600_000;

function eventInput(overrides: Partial<EventInput> = {}): EventInput & { createdBy: null } {
	const start = new Date(Date.now() + 7 * 24 * hour);
	return {
		title: 'Leerwerkbijeenkomst circulaire bedrijventerreinen',
		summary: 'Met gastexperts aan de slag met circulaire bedrijventerreinen.',
		formatId: 'leerwerkbijeenkomst',
		programme: '**10:00** Welkom',
		organiserKind: 'platform',
		networkId: null,
		visibility: 'members',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 3 * hour).toISOString(),
		locationKind: 'hybrid',
		venue: 'Stadhuis',
		address: 'Grote Markt 1, Groningen',
		onlineUrl: 'https://meet.example.org/leerwerk',
		capacity: 2,
		registrationOpensAt: null,
		registrationClosesAt: null,
		questions: [{ id: 'wat-wil-je-leren', label: 'Wat wil je leren?', required: true }],
		themeIds: [],
		provinceCodes: [],
		speakers: [],
		createdBy: null,
		...overrides
	};
}

async function outbox(db: DB, kind: string) {
	return db
		.selectFrom('mail_outbox')
		.select(['to_address', 'subject', 'text_body'])
		.where('kind', '=', kind)
		.orderBy('created_at')
		.execute();
}

async function state(db: DB, eventId: string) {
	const rows = await listRegistrations(db, eventId);
	return {
		registered: rows.filter((r) => r.status === 'registered').map((r) => r.userId ?? r.email),
		waitlist: rows.filter((r) => r.status === 'waitlisted').map((r) => r.userId ?? r.email)
	};
}

describe.each(DIALECTS)('event registration on %s', (dialect) => {
	let handle: TestDatabase;
	let db: DB;
	const members: { id: string; email: string }[] = [];

	beforeAll(async () => {
		handle = await migratedDatabase(dialect);
		db = handle.db;
		await seedReference(db);
		for (let i = 0; i < 8; i++) members.push(await buildMember(db));
	});
	afterAll(async () => {
		await handle?.destroy();
	});

	const m = (i: number) => members[i]!.id;

	it('gives places until full, then the waiting list in order, and mails each', async () => {
		const { id } = await createEvent(db, eventInput());
		const a = await registerMember(db, { eventId: id, userId: m(0), origin });
		const b = await registerMember(db, { eventId: id, userId: m(1), origin });
		const c = await registerMember(db, { eventId: id, userId: m(2), origin });
		const d = await registerMember(db, { eventId: id, userId: m(3), origin });
		expect([a, b].map((r) => r.ok && r.status)).toEqual(['registered', 'registered']);
		expect(c).toEqual({ ok: true, status: 'waitlisted', position: 1, already: false });
		expect(d).toEqual({ ok: true, status: 'waitlisted', position: 2, already: false });
		const confirmations = await outbox(db, 'event-registered');
		const mine = confirmations.filter((mail) => mail.to_address === members[0]!.email);
		expect(mine).toHaveLength(1);
		// The meeting link is in the confirmation of someone with a place, not in the waiting list's.
		expect(mine[0]!.text_body).toContain('https://meet.example.org/leerwerk');
		expect(mine[0]!.text_body).toContain('/evenementen/afmelden/');
		const waiting = (await outbox(db, 'event-waitlisted')).find(
			(mail) => mail.to_address === members[2]!.email
		);
		expect(waiting?.text_body).toContain('plaats 1');
		expect(waiting?.text_body).not.toContain('https://meet.example.org/leerwerk');
	});

	it('messages everyone with a place (and, if asked, the waiting list) through the outbox', async () => {
		const { id } = await createEvent(
			db,
			eventInput({ title: 'Bericht aan iedereen', capacity: 1 })
		);
		await registerMember(db, { eventId: id, userId: m(5), origin });
		await registerMember(db, { eventId: id, userId: m(6), origin });
		const sent = (subject: string) =>
			db
				.selectFrom('mail_outbox')
				.select(['to_address', 'text_body'])
				.where('kind', '=', 'event-message')
				.where('subject', '=', `Bericht aan iedereen: ${subject}`)
				.orderBy('to_address')
				.execute();
		const placesOnly = await messageRegistrants(db, {
			eventId: id,
			subject: 'De zaal is veranderd',
			message: 'We zitten in zaal 2, op de eerste verdieping.',
			includeWaitlist: false,
			origin
		});
		expect(placesOnly).toEqual({ ok: true, sent: 1 });
		const [toPlace] = await sent('De zaal is veranderd');
		expect(toPlace!.to_address).toBe(members[5]!.email);
		expect(toPlace!.text_body).toContain('We zitten in zaal 2');
		expect(toPlace!.text_body).toContain('https://meet.example.org/leerwerk');
		expect(toPlace!.text_body).toContain('/evenementen/afmelden/');

		const everyone = await messageRegistrants(db, {
			eventId: id,
			subject: 'Neem je laptop mee',
			message: 'We werken in groepjes aan de casus; een laptop helpt.',
			includeWaitlist: true,
			origin
		});
		expect(everyone).toEqual({ ok: true, sent: 2 });
		const both = await sent('Neem je laptop mee');
		expect(both.map((mail) => mail.to_address).sort()).toEqual(
			[members[5]!.email, members[6]!.email].sort()
		);
		// Someone on the waiting list gets the message, not the meeting link.
		const toWaiting = both.find((mail) => mail.to_address === members[6]!.email)!;
		expect(toWaiting.text_body).not.toContain('https://meet.example.org/leerwerk');
		expect(
			await messageRegistrants(db, {
				eventId: 'bestaat-niet',
				subject: 'Niemand',
				message: 'Dit gaat nergens heen.',
				includeWaitlist: true,
				origin
			})
		).toEqual({ ok: false, reason: 'not_found' });
	});

	it('registers a double click once', async () => {
		const { id } = await createEvent(db, eventInput({ capacity: 5 }));
		const results = await Promise.all(
			[0, 1, 2].map(() => registerMember(db, { eventId: id, userId: m(4), origin }))
		);
		expect(results.filter((r) => r.ok && !r.already)).toHaveLength(1);
		expect((await state(db, id)).registered).toEqual([m(4)]);
	});

	it('promotes the first on the waiting list in the same transaction when someone cancels', async () => {
		const { id } = await createEvent(db, eventInput({ capacity: 1 }));
		await registerMember(db, { eventId: id, userId: m(0), origin });
		await registerMember(db, { eventId: id, userId: m(1), origin });
		await registerMember(db, { eventId: id, userId: m(2), origin });
		const cancelled = await cancelMember(db, { eventId: id, userId: m(0), origin });
		expect(cancelled).toMatchObject({ ok: true, was: 'registered', promoted: 1 });
		expect(await state(db, id)).toEqual({ registered: [m(1)], waitlist: [m(2)] });
		const promoted = (await outbox(db, 'event-promoted')).filter(
			(mail) => mail.to_address === members[1]!.email
		);
		expect(promoted).toHaveLength(1);
		expect(promoted[0]!.subject).toContain('plek');
		expect(promoted[0]!.text_body).toContain('https://meet.example.org/leerwerk');
		expect(await cancelMember(db, { eventId: id, userId: m(0), origin })).toEqual({
			ok: false,
			reason: 'not_registered'
		});
	});

	it('keeps the surplus when capacity drops below the registered, and takes nobody new', async () => {
		const { id } = await createEvent(db, eventInput({ capacity: 3 }));
		for (const i of [0, 1, 2]) await registerMember(db, { eventId: id, userId: m(i), origin });
		const lowered = await changeCapacity(db, { eventId: id, capacity: 1, origin });
		expect(lowered).toMatchObject({ ok: true, registered: 3, surplus: 2, promoted: 0 });
		const late = await registerMember(db, { eventId: id, userId: m(3), origin });
		expect(late).toMatchObject({ ok: true, status: 'waitlisted', position: 1 });
		await cancelMember(db, { eventId: id, userId: m(0), origin });
		// Still two registered for one place: the waiting list stays.
		expect((await state(db, id)).waitlist).toEqual([m(3)]);
		const raised = await changeCapacity(db, { eventId: id, capacity: 3, origin });
		expect(raised).toMatchObject({ ok: true, registered: 3, surplus: 0, promoted: 1 });
	});

	it('promotes on removal by a coordinator and mails the removed person', async () => {
		const { id } = await createEvent(db, eventInput({ capacity: 1 }));
		await registerMember(db, { eventId: id, userId: m(5), origin });
		await registerMember(db, { eventId: id, userId: m(6), origin });
		const [first] = await listRegistrations(db, id);
		expect(
			await removeRegistration(db, { eventId: id, registrationId: first!.id, origin })
		).toEqual({ ok: true, promoted: 1 });
		expect(await state(db, id)).toEqual({ registered: [m(6)], waitlist: [] });
		expect(
			(await outbox(db, 'event-removed')).filter((mail) => mail.to_address === members[5]!.email)
		).toHaveLength(1);
	});

	it('gives a place freed by an erased account to the waiting list, not to a newcomer', async () => {
		const leaver = await buildMember(db);
		const { id } = await createEvent(db, eventInput({ capacity: 1 }));
		await registerMember(db, { eventId: id, userId: leaver.id, origin });
		await registerMember(db, { eventId: id, userId: m(0), origin });
		// The account goes, and its registration with it (foreign key), without a cancellation.
		await db.deleteFrom('users').where('id', '=', leaver.id).execute();
		const newcomer = await registerMember(db, { eventId: id, userId: m(1), origin });
		expect(newcomer).toMatchObject({ ok: true, status: 'waitlisted', position: 1 });
		expect(await state(db, id)).toEqual({ registered: [m(0)], waitlist: [m(1)] });
	});

	it('refuses registration once it is closed, by hand or by its closing time', async () => {
		const { id } = await createEvent(db, eventInput());
		await setRegistrationClosed(db, { eventId: id, closed: true });
		expect(await registerMember(db, { eventId: id, userId: m(0), origin })).toEqual({
			ok: false,
			reason: 'registration_closed'
		});
		// A coordinator can still add someone.
		expect(
			await registerMember(db, { eventId: id, userId: m(0), origin, byCoordinator: true })
		).toMatchObject({ ok: true, status: 'registered' });
		const past = await createEvent(
			db,
			eventInput({ registrationClosesAt: new Date(Date.now() - hour).toISOString() })
		);
		expect(await registerMember(db, { eventId: past.id, userId: m(0), origin })).toEqual({
			ok: false,
			reason: 'registration_closed'
		});
		const later = await createEvent(
			db,
			eventInput({ registrationOpensAt: new Date(Date.now() + hour).toISOString() })
		);
		expect(await registerMember(db, { eventId: later.id, userId: m(0), origin })).toEqual({
			ok: false,
			reason: 'registration_not_open'
		});
	});

	it('lets a guest register, confirm by link, and cancel by link; a stale link says so', async () => {
		const { id } = await createEvent(db, eventInput({ visibility: 'public', capacity: 1 }));
		await registerMember(db, { eventId: id, userId: m(0), origin });
		const guest = await registerGuest(db, {
			eventId: id,
			name: 'Gast Gastmans',
			email: 'Gast@Bedrijf.example',
			organisation: 'Bedrijf',
			origin
		});
		expect(guest).toEqual({ ok: true, resent: false });
		const [mail] = (await outbox(db, 'event-guest-confirm')).filter(
			(x) => x.to_address === 'gast@bedrijf.example'
		);
		const token = /\/evenementen\/bevestigen\/([\w-]+)/.exec(mail!.text_body)![1]!;
		expect(mail!.text_body).toContain(`/evenementen/afmelden/${token}`);
		// Pending guests hold no place.
		expect((await state(db, id)).registered).toEqual([m(0)]);
		const confirmed = await confirmGuest(db, { token, origin });
		expect(confirmed).toMatchObject({ ok: true, status: 'waitlisted', position: 1 });
		expect(await confirmGuest(db, { token, origin })).toMatchObject({ ok: true, already: true });
		await cancelMember(db, { eventId: id, userId: m(0), origin });
		expect((await state(db, id)).registered).toEqual(['gast@bedrijf.example']);
		expect(await cancelByToken(db, { token, origin })).toMatchObject({
			ok: true,
			was: 'registered'
		});
		expect(await cancelByToken(db, { token, origin })).toEqual({ ok: false, reason: 'stale_link' });
		expect(await confirmGuest(db, { token, origin })).toEqual({ ok: false, reason: 'stale_link' });
	});

	it('never gives more places than the capacity to many registrations at once', async () => {
		const { id } = await createEvent(db, eventInput({ capacity: 3 }));
		const results = await Promise.all(
			members.map((member) => registerMember(db, { eventId: id, userId: member.id, origin }))
		);
		expect(results.filter((r) => r.ok && r.status === 'registered')).toHaveLength(3);
		const positions = results.flatMap((r) => (r.ok && r.position ? [r.position] : []));
		expect(positions.sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('sends each reminder exactly once, also when the worker stops halfway and starts again', async () => {
		const start = new Date(Date.now() + 2 * 24 * hour);
		const { id } = await createEvent(
			db,
			eventInput({
				capacity: 10,
				startsAt: start.toISOString(),
				endsAt: new Date(start.getTime() + hour).toISOString()
			})
		);
		for (const i of [0, 1, 2, 3]) await registerMember(db, { eventId: id, userId: m(i), origin });
		const dayBefore = new Date(start.getTime() - 23 * hour);
		const handlers = eventJobHandlers(db, { origin, now: () => dayBefore });
		const reminders = () => outbox(db, 'event-reminder-day');
		const before = (await reminders()).length;
		// The first worker sends a reminder, then stops while handling the next: that mail is sent
		// but its job is not finished, so the job runs again after the restart.
		let runs = 0;
		const stopping = await runJobsOnce(
			db,
			{
				'events.reminder': async (payload, ctx) => {
					runs++;
					await handlers['events.reminder']!(payload, ctx);
					if (runs >= 2) throw new Error('worker stopped');
				}
			},
			{ workerId: 'w1', limit: 2, now: dayBefore }
		);
		expect(stopping.claimed).toBeGreaterThanOrEqual(2);
		expect(stopping.retried).toBeGreaterThanOrEqual(1);
		// After a restart, every due job is run again (also the one that "failed").
		const later = new Date(dayBefore.getTime() + 10 * 60_000);
		for (let i = 0; i < 5; i++) {
			await runJobsOnce(db, eventJobHandlers(db, { origin, now: () => later }), {
				workerId: 'w3',
				limit: 20,
				now: later
			});
		}
		const sent = (await reminders()).slice(before);
		const recipients = sent.map((mail) => mail.to_address).sort();
		expect(recipients).toEqual([0, 1, 2, 3].map((i) => members[i]!.email).sort());
		expect(sent[0]!.text_body).toContain('https://meet.example.org/leerwerk');
		// Every day reminder's job is finished, and the interrupted one ran twice.
		const registrations = (await listRegistrations(db, id)).map((r) => r.id);
		const jobs = (
			await db
				.selectFrom('jobs')
				.select(['payload', 'attempts', 'done_at'])
				.where('kind', '=', 'events.reminder')
				.execute()
		).filter((j) => {
			const p = JSON.parse(j.payload) as { registrationId: string; kind: string };
			return registrations.includes(p.registrationId) && p.kind === 'day';
		});
		expect(jobs).toHaveLength(4);
		expect(jobs.every((j) => j.done_at !== null)).toBe(true);
		expect(jobs.some((j) => j.attempts >= 2)).toBe(true);

		// The hour before: the same again, with its own reminder, each also exactly once.
		const hourBefore = new Date(start.getTime() - 50 * 60_000);
		const hourly = eventJobHandlers(db, { origin, now: () => hourBefore });
		let hourRuns = 0;
		await runJobsOnce(
			db,
			{
				'events.reminder': async (payload, ctx) => {
					hourRuns++;
					await hourly['events.reminder']!(payload, ctx);
					if (hourRuns >= 2) throw new Error('worker stopped');
				}
			},
			{ workerId: 'w4', limit: 2, now: hourBefore }
		);
		const afterHour = new Date(hourBefore.getTime() + 10 * 60_000);
		for (let i = 0; i < 5; i++) {
			await runJobsOnce(db, eventJobHandlers(db, { origin, now: () => afterHour }), {
				workerId: 'w5',
				limit: 20,
				now: afterHour
			});
		}
		const hourMails = (await outbox(db, 'event-reminder-hour')).filter((mail) =>
			[0, 1, 2, 3].some((i) => mail.to_address === members[i]!.email)
		);
		expect(hourMails.map((mail) => mail.to_address).sort()).toEqual(
			[0, 1, 2, 3].map((i) => members[i]!.email).sort()
		);
		expect(hourMails[0]!.text_body).toContain('https://meet.example.org/leerwerk');
		// And the day reminders were not sent again.
		expect((await reminders()).slice(before)).toHaveLength(4);
	});

	it('keeps a personal feed at a secret address that renewing replaces', async () => {
		const { id } = await createEvent(db, eventInput({ capacity: 1, title: 'Feedtest' }));
		await registerMember(db, { eventId: id, userId: m(6), origin });
		await registerMember(db, { eventId: id, userId: m(7), origin });
		const token = await ensureFeedToken(db, m(7));
		expect(await ensureFeedToken(db, m(7))).toBe(token);
		expect((await feedOwner(db, token))?.id).toBe(m(7));
		const mine = await myEvents(db, m(7), new Date().toISOString());
		expect(mine.find((e) => e.id === id)?.status).toBe('waitlisted');
		const renewed = await renewFeedToken(db, m(7));
		expect(renewed).not.toBe(token);
		expect(await feedOwner(db, token)).toBeUndefined();
		expect((await feedOwner(db, renewed))?.id).toBe(m(7));
	});

	it('keeps the model: capacity never exceeded, first in first out, no duplicates', async () => {
		type Model = { capacity: number; registered: string[]; waitlist: string[] };
		type Real = { db: DB; eventId: string };
		const fill = (model: Model) => {
			while (model.registered.length < model.capacity && model.waitlist.length > 0) {
				model.registered.push(model.waitlist.shift()!);
			}
		};
		const check = async (model: Model, real: Real) => {
			const actual = await state(real.db, real.eventId);
			expect(new Set(actual.registered)).toEqual(new Set(model.registered));
			expect(actual.registered).toHaveLength(model.registered.length);
			expect(actual.waitlist).toEqual(model.waitlist);
		};
		const user = fc.integer({ min: 0, max: members.length - 1 });

		class Register implements fc.AsyncCommand<Model, Real> {
			constructor(readonly i: number) {}
			check = () => true;
			async run(model: Model, real: Real) {
				const u = m(this.i);
				const before = model.registered.length;
				const result = await registerMember(real.db, { eventId: real.eventId, userId: u, origin });
				expect(result.ok).toBe(true);
				if (!model.registered.includes(u) && !model.waitlist.includes(u)) {
					if (model.registered.length < model.capacity && model.waitlist.length === 0) {
						model.registered.push(u);
					} else model.waitlist.push(u);
				}
				// A new place is only ever given within the capacity.
				if (model.registered.length > before)
					expect(model.registered.length).toBeLessThanOrEqual(model.capacity);
				await check(model, real);
			}
			toString = () => `register(${this.i})`;
		}
		class Cancel implements fc.AsyncCommand<Model, Real> {
			constructor(readonly i: number) {}
			check = () => true;
			async run(model: Model, real: Real) {
				const u = m(this.i);
				const result = await cancelMember(real.db, { eventId: real.eventId, userId: u, origin });
				const known = model.registered.includes(u) || model.waitlist.includes(u);
				expect(result.ok).toBe(known);
				model.registered = model.registered.filter((x) => x !== u);
				model.waitlist = model.waitlist.filter((x) => x !== u);
				fill(model);
				await check(model, real);
			}
			toString = () => `cancel(${this.i})`;
		}
		class Remove implements fc.AsyncCommand<Model, Real> {
			constructor(readonly i: number) {}
			check = (model: Readonly<Model>) =>
				model.registered.includes(m(this.i)) || model.waitlist.includes(m(this.i));
			async run(model: Model, real: Real) {
				const u = m(this.i);
				const row = (await listRegistrations(real.db, real.eventId)).find((r) => r.userId === u)!;
				const result = await removeRegistration(real.db, {
					eventId: real.eventId,
					registrationId: row.id,
					origin,
					notify: false
				});
				expect(result.ok).toBe(true);
				model.registered = model.registered.filter((x) => x !== u);
				model.waitlist = model.waitlist.filter((x) => x !== u);
				fill(model);
				await check(model, real);
			}
			toString = () => `remove(${this.i})`;
		}
		class Capacity implements fc.AsyncCommand<Model, Real> {
			constructor(readonly capacity: number) {}
			check = () => true;
			async run(model: Model, real: Real) {
				const result = await changeCapacity(real.db, {
					eventId: real.eventId,
					capacity: this.capacity,
					origin
				});
				model.capacity = this.capacity;
				fill(model);
				expect(result).toMatchObject({
					ok: true,
					registered: model.registered.length,
					surplus: Math.max(0, model.registered.length - this.capacity)
				});
				await check(model, real);
			}
			toString = () => `capacity(${this.capacity})`;
		}

		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 4 }),
				fc.commands(
					[
						user.map((i) => new Register(i)),
						user.map((i) => new Cancel(i)),
						user.map((i) => new Remove(i)),
						fc.integer({ min: 1, max: 6 }).map((c) => new Capacity(c))
					],
					{ maxCommands: 25 }
				),
				async (capacity, commands) => {
					const { id } = await createEvent(db, eventInput({ capacity }));
					await fc.asyncModelRun(
						() => ({
							model: { capacity, registered: [], waitlist: [] },
							real: { db, eventId: id }
						}),
						commands
					);
				}
			),
			{ numRuns: 40 }
		);
	});
});
