import { randomBytes, randomUUID } from 'node:crypto';
import { type DB, inTransaction } from '../../db';
import type { RegistrationStatus } from '../../db/tables/events';
import { enqueueJob } from '../../platform/jobs';
import { type AuditEntry, writeAudit } from '../../platform/audit';
import { queueMail } from '../../platform/mail';
import { renderMarkdown } from '../../platform/markdown';
import { slugify } from '../../platform/slug';
import {
	guestConfirmMail,
	type MailEvent,
	messageToRegistrantsMail,
	promotedMail,
	registeredMail,
	reminderMail,
	removedMail,
	waitlistedMail
} from './mails';
import type { EventInput, EventQuestion } from './schema';
import { indexEvent } from '../search/mutations';

/**
 * Registrations change only inside `withEventLock`: the transaction's first statement updates
 * the event's row. In PostgreSQL that row lock makes every other change of the same event's
 * places wait; in SQLite the first write takes the database's write lock at once (waiting through
 * busy_timeout, also for another process), so no read is ever upgraded to a write and no two
 * processes count the same free place. Under the lock, counting the places and taking one is
 * safe; the unique (event, person) index is the last line against duplicates.
 */

export const REMINDER_JOB = 'events.reminder';

const now = () => new Date().toISOString();
const newToken = () => randomBytes(24).toString('base64url');

const LOCKED_COLUMNS = [
	'id',
	'slug',
	'title',
	'starts_at',
	'ends_at',
	'location_kind',
	'venue',
	'address',
	'online_url',
	'capacity',
	'visibility',
	'registration_opens_at',
	'registration_closes_at',
	'registration_closed',
	'questions',
	'programme_id'
] as const;

async function lockEvent(trx: DB, eventId: string) {
	return trx
		.updateTable('events')
		.set((eb) => ({ lock_seq: eb('lock_seq', '+', 1) }))
		.where('id', '=', eventId)
		.returning(LOCKED_COLUMNS)
		.executeTakeFirst();
}

export type LockedEvent = NonNullable<Awaited<ReturnType<typeof lockEvent>>>;

/** Runs `work` in a transaction holding the event's write lock; not_found when there is no such event. */
async function withEventLock<T>(
	db: DB,
	eventId: string,
	work: (trx: DB, event: LockedEvent) => Promise<T>
): Promise<T | { ok: false; reason: 'not_found' }> {
	const run = async (trx: DB) => {
		const event = await lockEvent(trx, eventId);
		if (!event) return { ok: false as const, reason: 'not_found' as const };
		return work(trx, event);
	};
	return inTransaction(db, run);
}

const mailEvent = (event: LockedEvent, origin: string): MailEvent => ({
	title: event.title,
	startsAt: event.starts_at,
	endsAt: event.ends_at,
	locationKind: event.location_kind,
	venue: event.venue,
	address: event.address,
	onlineUrl: event.online_url,
	url: new URL(`/evenementen/${event.slug}`, origin).toString()
});

const cancelUrl = (origin: string, token: string) =>
	new URL(`/evenementen/afmelden/${token}`, origin).toString();
const calendarUrl = (origin: string, slug: string, token: string) =>
	new URL(`/evenementen/${slug}/agenda.ics?sleutel=${token}`, origin).toString();

/** Registration is open now: not closed by hand, inside its window, and before the event ends. */
export function registrationState(
	event: Pick<
		LockedEvent,
		'registration_closed' | 'registration_opens_at' | 'registration_closes_at' | 'starts_at'
	>,
	at: string = now()
): 'open' | 'not_yet_open' | 'closed' {
	if (event.registration_closed) return 'closed';
	if (event.registration_closes_at && at >= event.registration_closes_at) return 'closed';
	if (at >= event.starts_at) return 'closed';
	if (event.registration_opens_at && at < event.registration_opens_at) return 'not_yet_open';
	return 'open';
}

async function placeCounts(trx: DB, eventId: string) {
	const rows = await trx
		.selectFrom('event_registrations')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('event_id', '=', eventId)
		.groupBy('status')
		.execute();
	const of = (s: RegistrationStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
	return { registered: of('registered'), waitlisted: of('waitlisted'), pending: of('pending') };
}

/** Where someone new goes: a place while there is one and nobody waits, else the waiting list. */
async function nextPlace(
	trx: DB,
	event: LockedEvent
): Promise<
	{ status: 'registered'; queue_number: null } | { status: 'waitlisted'; queue_number: number }
> {
	if (event.capacity === null) return { status: 'registered', queue_number: null };
	const counts = await placeCounts(trx, event.id);
	if (counts.registered < event.capacity && counts.waitlisted === 0) {
		return { status: 'registered', queue_number: null };
	}
	const last = await trx
		.selectFrom('event_registrations')
		.select((eb) => eb.fn.max('queue_number').as('last'))
		.where('event_id', '=', event.id)
		.executeTakeFirst();
	return { status: 'waitlisted', queue_number: Number(last?.last ?? 0) + 1 };
}

/** The waiting-list position of a waitlisted registration (1 = next to get a place). */
export async function waitlistPosition(
	db: DB,
	eventId: string,
	queueNumber: number
): Promise<number> {
	const row = await db
		.selectFrom('event_registrations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', eventId)
		.where('status', '=', 'waitlisted')
		.where('queue_number', '<', queueNumber)
		.executeTakeFirstOrThrow();
	return Number(row.n) + 1;
}

/** Who a registration is: the member's or the guest's name and address. */
async function recipient(trx: DB, registrationId: string) {
	const row = await trx
		.selectFrom('event_registrations as r')
		.leftJoin('users as u', 'u.id', 'r.user_id')
		.select([
			'r.id',
			'r.token',
			'r.status',
			'r.queue_number',
			'r.guest_name',
			'r.guest_email',
			'u.name as user_name',
			'u.email as user_email'
		])
		.where('r.id', '=', registrationId)
		.executeTakeFirstOrThrow();
	return {
		...row,
		name: row.user_name ?? row.guest_name ?? '',
		email: row.user_email ?? row.guest_email ?? ''
	};
}

/** Schedules the day-before and hour-before reminders of a registration that has a place. */
async function scheduleReminders(trx: DB, event: LockedEvent, registrationId: string) {
	const start = new Date(event.starts_at).getTime();
	for (const [kind, hours] of [
		['day', 24],
		['hour', 1]
	] as const) {
		const runAt = new Date(Math.max(Date.now(), start - hours * 3_600_000));
		if (runAt.getTime() >= start) continue;
		await enqueueJob(trx, { kind: REMINDER_JOB, payload: { registrationId, kind }, runAt });
	}
}

/** Mails someone who just got a place, and plans their reminders. */
async function welcome(
	trx: DB,
	event: LockedEvent,
	registrationId: string,
	origin: string,
	promoted: boolean
) {
	const who = await recipient(trx, registrationId);
	const mail = (promoted ? promotedMail : registeredMail)({
		name: who.name,
		event: mailEvent(event, origin),
		cancelUrl: cancelUrl(origin, who.token),
		calendarUrl: calendarUrl(origin, event.slug, who.token)
	});
	await queueMail(trx, {
		to: who.email,
		kind: promoted ? 'event-promoted' : 'event-registered',
		...mail
	});
	await scheduleReminders(trx, event, registrationId);
}

async function waitlistMail(trx: DB, event: LockedEvent, registrationId: string, origin: string) {
	const who = await recipient(trx, registrationId);
	await queueMail(trx, {
		to: who.email,
		kind: 'event-waitlisted',
		...waitlistedMail({
			name: who.name,
			event: mailEvent(event, origin),
			position: await waitlistPosition(trx, event.id, who.queue_number ?? 0),
			cancelUrl: cancelUrl(origin, who.token)
		})
	});
}

/**
 * Gives free places to the waiting list, first in first out, in the caller's transaction (which
 * holds the event's lock); each promoted person gets an e-mail. Returns how many moved up.
 */
async function fillFreePlaces(trx: DB, event: LockedEvent, origin: string): Promise<number> {
	let limit: number | undefined;
	if (event.capacity !== null) {
		const counts = await placeCounts(trx, event.id);
		limit = event.capacity - counts.registered;
		if (limit <= 0) return 0;
	}
	const next = await trx
		.selectFrom('event_registrations')
		.select('id')
		.where('event_id', '=', event.id)
		.where('status', '=', 'waitlisted')
		.orderBy('queue_number')
		.$if(limit !== undefined, (q) => q.limit(limit!))
		.execute();
	for (const { id } of next) {
		await trx
			.updateTable('event_registrations')
			.set({ status: 'registered', queue_number: null, promoted_at: now(), updated_at: now() })
			.where('id', '=', id)
			.execute();
		await welcome(trx, event, id, origin, true);
	}
	return next.length;
}

export type RegisterReason =
	| 'not_found'
	| 'registration_closed'
	| 'registration_not_open'
	| 'answers_missing'
	/** A programme's session: its participants are the programme's cohort. */
	| 'programme_session';

export type RegisterResult =
	| {
			ok: true;
			status: 'registered' | 'waitlisted';
			/** The waiting-list position (waitlisted only). */
			position: number | null;
			/** Already registered or waiting before this call (a double click): nothing changed. */
			already: boolean;
	  }
	| { ok: false; reason: RegisterReason };

async function existingPlace(
	trx: DB,
	eventId: string,
	registration: { status: RegistrationStatus; queue_number: number | null }
) {
	return {
		ok: true as const,
		status:
			registration.status === 'registered' ? ('registered' as const) : ('waitlisted' as const),
		position:
			registration.status === 'waitlisted'
				? await waitlistPosition(trx, eventId, registration.queue_number ?? 0)
				: null,
		already: true
	};
}

/**
 * A member registers: a place if there is one (and nobody is waiting), else the waiting list.
 * Registering twice changes nothing. `byCoordinator` adds someone after registration closed.
 * The route has checked that the member may see the event; answers are checked by the caller.
 */
export async function registerMember(
	db: DB,
	input: {
		eventId: string;
		userId: string;
		answers?: Record<string, string>;
		origin: string;
		byCoordinator?: boolean;
		/** An admin or editor adding someone to an event they do not organise. */
		audit?: AuditEntry | null;
	}
): Promise<RegisterResult> {
	return withEventLock(db, input.eventId, async (trx, event): Promise<RegisterResult> => {
		const existing = await trx
			.selectFrom('event_registrations')
			.select(['status', 'queue_number'])
			.where('event_id', '=', event.id)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		if (existing) return existingPlace(trx, event.id, existing);
		if (!input.byCoordinator) {
			if (event.programme_id) return { ok: false, reason: 'programme_session' };
			const state = registrationState(event);
			if (state === 'closed') return { ok: false, reason: 'registration_closed' };
			if (state === 'not_yet_open') return { ok: false, reason: 'registration_not_open' };
		}
		// A place freed without passing here (an erased account's registration goes with the
		// account) goes to the waiting list first, never to a newcomer.
		await fillFreePlaces(trx, event, input.origin);
		const place = await nextPlace(trx, event);
		const id = randomUUID();
		await trx
			.insertInto('event_registrations')
			.values({
				id,
				event_id: event.id,
				user_id: input.userId,
				guest_name: null,
				guest_email: null,
				guest_organisation: null,
				status: place.status,
				queue_number: place.queue_number,
				answers: JSON.stringify(input.answers ?? {}),
				token: newToken(),
				promoted_at: null
			})
			.execute();
		if (place.status === 'registered') await welcome(trx, event, id, input.origin, false);
		else await waitlistMail(trx, event, id, input.origin);
		if (input.audit) await writeAudit(trx, input.audit);
		return {
			ok: true,
			status: place.status,
			position:
				place.status === 'waitlisted'
					? await waitlistPosition(trx, event.id, place.queue_number)
					: null,
			already: false
		};
	});
}

export type GuestResult =
	| { ok: true; resent: boolean }
	| {
			ok: false;
			reason:
				| 'not_found'
				| 'registration_closed'
				| 'registration_not_open'
				| 'already_registered'
				| 'programme_session';
	  };

/**
 * A guest registers for a public event: stored as pending (no place yet) and mailed a link to
 * confirm. Registering again before confirming sends the link again. The route checks that the
 * event is public.
 */
export async function registerGuest(
	db: DB,
	input: {
		eventId: string;
		name: string;
		email: string;
		organisation: string;
		answers?: Record<string, string>;
		origin: string;
	}
): Promise<GuestResult> {
	return withEventLock(db, input.eventId, async (trx, event): Promise<GuestResult> => {
		if (event.programme_id) return { ok: false, reason: 'programme_session' };
		const state = registrationState(event);
		if (state === 'closed') return { ok: false, reason: 'registration_closed' };
		if (state === 'not_yet_open') return { ok: false, reason: 'registration_not_open' };
		const email = input.email.trim().toLowerCase();
		const existing = await trx
			.selectFrom('event_registrations')
			.select(['id', 'status', 'token'])
			.where('event_id', '=', event.id)
			.where('guest_email', '=', email)
			.executeTakeFirst();
		if (existing && existing.status !== 'pending') {
			return { ok: false, reason: 'already_registered' };
		}
		const token = existing?.token ?? newToken();
		if (!existing) {
			await trx
				.insertInto('event_registrations')
				.values({
					id: randomUUID(),
					event_id: event.id,
					user_id: null,
					guest_name: input.name.trim(),
					guest_email: email,
					guest_organisation: input.organisation.trim() || null,
					status: 'pending',
					queue_number: null,
					answers: JSON.stringify(input.answers ?? {}),
					token,
					promoted_at: null
				})
				.execute();
		}
		await queueMail(trx, {
			to: email,
			kind: 'event-guest-confirm',
			...guestConfirmMail({
				name: input.name.trim(),
				event: mailEvent(event, input.origin),
				confirmUrl: new URL(`/evenementen/bevestigen/${token}`, input.origin).toString(),
				cancelUrl: cancelUrl(input.origin, token)
			})
		});
		return { ok: true, resent: Boolean(existing) };
	});
}

export type ConfirmResult =
	| {
			ok: true;
			status: 'registered' | 'waitlisted';
			position: number | null;
			already: boolean;
			slug: string;
			title: string;
	  }
	| { ok: false; reason: 'stale_link' | 'registration_closed' };

/** A guest confirms by the link in the e-mail: now they get a place or join the waiting list. */
export async function confirmGuest(
	db: DB,
	input: { token: string; origin: string }
): Promise<ConfirmResult> {
	const found = await db
		.selectFrom('event_registrations')
		.select(['event_id'])
		.where('token', '=', input.token)
		.executeTakeFirst();
	if (!found) return { ok: false, reason: 'stale_link' };
	const result = await withEventLock(
		db,
		found.event_id,
		async (trx, event): Promise<ConfirmResult> => {
			const row = await trx
				.selectFrom('event_registrations')
				.select(['id', 'status', 'queue_number'])
				.where('token', '=', input.token)
				.executeTakeFirst();
			if (!row) return { ok: false, reason: 'stale_link' };
			if (row.status !== 'pending') {
				const place = await existingPlace(trx, event.id, row);
				return { ...place, slug: event.slug, title: event.title };
			}
			if (registrationState(event) !== 'open') return { ok: false, reason: 'registration_closed' };
			await fillFreePlaces(trx, event, input.origin);
			const place = await nextPlace(trx, event);
			await trx
				.updateTable('event_registrations')
				.set({ status: place.status, queue_number: place.queue_number, updated_at: now() })
				.where('id', '=', row.id)
				.execute();
			if (place.status === 'registered') await welcome(trx, event, row.id, input.origin, false);
			else await waitlistMail(trx, event, row.id, input.origin);
			return {
				ok: true,
				status: place.status,
				position:
					place.status === 'waitlisted'
						? await waitlistPosition(trx, event.id, place.queue_number)
						: null,
				already: false,
				slug: event.slug,
				title: event.title
			};
		}
	);
	// The event went between finding the registration and locking it: the link is stale.
	if (!result.ok && result.reason === 'not_found') return { ok: false, reason: 'stale_link' };
	return result;
}

export type CancelResult =
	| { ok: true; was: RegistrationStatus; promoted: number; slug: string; title: string }
	| {
			ok: false;
			/** programme_session: the place comes with the programme's cohort; leave the programme. */
			reason: 'not_registered' | 'stale_link' | 'event_over' | 'programme_session';
	  };

async function cancelWhere(
	db: DB,
	eventId: string,
	match: { userId: string } | { token: string },
	origin: string
): Promise<CancelResult | { ok: false; reason: 'not_found' }> {
	return withEventLock(db, eventId, async (trx, event): Promise<CancelResult> => {
		let query = trx
			.selectFrom('event_registrations')
			.select(['id', 'status', 'via_programme'])
			.where('event_id', '=', event.id);
		query =
			'userId' in match
				? query.where('user_id', '=', match.userId)
				: query.where('token', '=', match.token);
		const row = await query.executeTakeFirst();
		if (!row) return { ok: false, reason: 'userId' in match ? 'not_registered' : 'stale_link' };
		if (now() >= event.ends_at) return { ok: false, reason: 'event_over' };
		if (row.via_programme && event.programme_id) return { ok: false, reason: 'programme_session' };
		await trx.deleteFrom('event_registrations').where('id', '=', row.id).execute();
		const promoted = row.status === 'registered' ? await fillFreePlaces(trx, event, origin) : 0;
		return { ok: true, was: row.status, promoted, slug: event.slug, title: event.title };
	});
}

/** A member cancels (or leaves the waiting list); the first on the waiting list gets the place. */
export async function cancelMember(
	db: DB,
	input: { eventId: string; userId: string; origin: string }
): Promise<CancelResult> {
	const result = await cancelWhere(db, input.eventId, { userId: input.userId }, input.origin);
	if (!result.ok && result.reason === 'not_found') return { ok: false, reason: 'not_registered' };
	return result;
}

/** Cancelling by the link in an e-mail (members and guests). */
export async function cancelByToken(
	db: DB,
	input: { token: string; origin: string }
): Promise<CancelResult> {
	const found = await db
		.selectFrom('event_registrations')
		.select('event_id')
		.where('token', '=', input.token)
		.executeTakeFirst();
	if (!found) return { ok: false, reason: 'stale_link' };
	const result = await cancelWhere(db, found.event_id, { token: input.token }, input.origin);
	if (!result.ok && result.reason === 'not_found') return { ok: false, reason: 'stale_link' };
	return result;
}

export type RemoveResult =
	{ ok: true; promoted: number } | { ok: false; reason: 'not_found' | 'not_registered' };

/** A coordinator removes a participant (or someone waiting); the waiting list moves up. */
export async function removeRegistration(
	db: DB,
	input: {
		eventId: string;
		registrationId: string;
		origin: string;
		notify?: boolean;
		audit?: AuditEntry | null;
	}
): Promise<RemoveResult> {
	return withEventLock(db, input.eventId, async (trx, event): Promise<RemoveResult> => {
		const row = await trx
			.selectFrom('event_registrations')
			.select(['id', 'status'])
			.where('event_id', '=', event.id)
			.where('id', '=', input.registrationId)
			.executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_registered' };
		if (input.notify !== false && row.status !== 'pending') {
			const who = await recipient(trx, row.id);
			await queueMail(trx, {
				to: who.email,
				kind: 'event-removed',
				...removedMail({ name: who.name, event: mailEvent(event, input.origin) })
			});
		}
		await trx.deleteFrom('event_registrations').where('id', '=', row.id).execute();
		const promoted =
			row.status === 'registered' ? await fillFreePlaces(trx, event, input.origin) : 0;
		if (input.audit) await writeAudit(trx, input.audit);
		return { ok: true, promoted };
	});
}

export type CapacityResult =
	| {
			ok: true;
			capacity: number | null;
			registered: number;
			/** Registered beyond the new capacity: they keep their place, nobody new is taken. */
			surplus: number;
			promoted: number;
	  }
	| { ok: false; reason: 'not_found' };

/**
 * Changes the capacity. More places go to the waiting list at once; fewer than already
 * registered keeps everyone registered (the surplus), takes nobody new until it fits again.
 */
export async function changeCapacity(
	db: DB,
	input: { eventId: string; capacity: number | null; origin: string; audit?: AuditEntry | null }
): Promise<CapacityResult> {
	return withEventLock(db, input.eventId, async (trx, event): Promise<CapacityResult> => {
		await trx
			.updateTable('events')
			.set({ capacity: input.capacity, updated_at: now() })
			.where('id', '=', event.id)
			.execute();
		const changed = { ...event, capacity: input.capacity };
		const promoted = await fillFreePlaces(trx, changed, input.origin);
		const counts = await placeCounts(trx, event.id);
		if (input.audit) await writeAudit(trx, input.audit);
		return {
			ok: true,
			capacity: input.capacity,
			registered: counts.registered,
			surplus: input.capacity === null ? 0 : Math.max(0, counts.registered - input.capacity),
			promoted
		};
	});
}

/** Closes or reopens registration by hand. */
export async function setRegistrationClosed(
	db: DB,
	input: { eventId: string; closed: boolean; audit?: AuditEntry | null }
): Promise<{ ok: boolean }> {
	const run = async (trx: DB) => {
		const result = await trx
			.updateTable('events')
			.set({ registration_closed: input.closed, updated_at: now() })
			.where('id', '=', input.eventId)
			.executeTakeFirst();
		const ok = Number(result.numUpdatedRows) > 0;
		if (ok && input.audit) await writeAudit(trx, input.audit);
		return { ok };
	};
	return inTransaction(db, run);
}

/** Ticks (or unticks) that a participant came. */
export async function setAttendance(
	db: DB,
	input: { eventId: string; registrationId: string; attended: boolean }
): Promise<{ ok: boolean }> {
	const result = await db
		.updateTable('event_registrations')
		.set({ attended: input.attended, updated_at: now() })
		.where('event_id', '=', input.eventId)
		.where('id', '=', input.registrationId)
		.where('status', '=', 'registered')
		.executeTakeFirst();
	return { ok: Number(result.numUpdatedRows) > 0 };
}

/** Mails everyone registered (and, if asked, the waiting list) through the outbox. */
export async function messageRegistrants(
	db: DB,
	input: {
		eventId: string;
		subject: string;
		message: string;
		includeWaitlist: boolean;
		origin: string;
		audit?: AuditEntry | null;
	}
): Promise<{ ok: true; sent: number } | { ok: false; reason: 'not_found' }> {
	return withEventLock(db, input.eventId, async (trx, event) => {
		const statuses: RegistrationStatus[] = input.includeWaitlist
			? ['registered', 'waitlisted']
			: ['registered'];
		const rows = await trx
			.selectFrom('event_registrations')
			.select('id')
			.where('event_id', '=', event.id)
			.where('status', 'in', statuses)
			.execute();
		for (const { id } of rows) {
			const who = await recipient(trx, id);
			await queueMail(trx, {
				to: who.email,
				kind: 'event-message',
				...messageToRegistrantsMail({
					name: who.name,
					event: mailEvent(event, input.origin),
					subject: input.subject,
					message: input.message,
					withLink: who.status === 'registered',
					cancelUrl: cancelUrl(input.origin, who.token)
				})
			});
		}
		if (input.audit) await writeAudit(trx, input.audit);
		return { ok: true as const, sent: rows.length };
	});
}

async function uniqueSlug(trx: DB, title: string, startsAt: string, exceptId?: string) {
	const base = `${slugify(title).slice(0, 60) || 'evenement'}-${startsAt.slice(0, 10)}`;
	for (let i = 1; ; i++) {
		const slug = i === 1 ? base : `${base}-${i}`;
		const taken = await trx
			.selectFrom('events')
			.select('id')
			.where('slug', '=', slug)
			.$if(Boolean(exceptId), (q) => q.where('id', '!=', exceptId!))
			.executeTakeFirst();
		if (!taken) return slug;
	}
}

async function writeLinks(trx: DB, eventId: string, input: EventInput) {
	await trx.deleteFrom('event_themes').where('event_id', '=', eventId).execute();
	await trx.deleteFrom('event_provinces').where('event_id', '=', eventId).execute();
	// A speaker given by name only keeps the member it was linked to (the form and the API show
	// names, not addresses, so a save must not cut the link to the profile).
	const linked = await trx
		.selectFrom('event_speakers')
		.select(['name', 'role', 'user_id'])
		.where('event_id', '=', eventId)
		.where('user_id', 'is not', null)
		.execute();
	await trx.deleteFrom('event_speakers').where('event_id', '=', eventId).execute();
	const themes = input.themeIds.length
		? await trx.selectFrom('themes').select('id').where('id', 'in', input.themeIds).execute()
		: [];
	if (themes.length) {
		await trx
			.insertInto('event_themes')
			.values(themes.map((t) => ({ event_id: eventId, theme_id: t.id })))
			.execute();
	}
	const provinces = input.provinceCodes.length
		? await trx
				.selectFrom('provinces')
				.select('code')
				.where('code', 'in', input.provinceCodes)
				.execute()
		: [];
	if (provinces.length) {
		await trx
			.insertInto('event_provinces')
			.values(provinces.map((p) => ({ event_id: eventId, province_code: p.code })))
			.execute();
	}
	for (const [position, speaker] of input.speakers.entries()) {
		const kept = speaker.email
			? undefined
			: linked.find((l) => l.name === speaker.name && l.role === speaker.role)?.user_id;
		const member = speaker.email
			? await trx
					.selectFrom('users')
					.select(['id', 'name'])
					.where('email', '=', speaker.email)
					.where('status', '=', 'active')
					.executeTakeFirst()
			: kept
				? await trx
						.selectFrom('users')
						.select(['id', 'name'])
						.where('id', '=', kept)
						.where('status', '=', 'active')
						.executeTakeFirst()
				: undefined;
		await trx
			.insertInto('event_speakers')
			.values({
				id: randomUUID(),
				event_id: eventId,
				user_id: member?.id ?? null,
				name: member?.name ?? speaker.name,
				role: speaker.role,
				position
			})
			.execute();
	}
}

const eventColumns = (input: EventInput) => ({
	format_id: input.formatId,
	title: input.title,
	summary: input.summary,
	programme: input.programme,
	programme_html: renderMarkdown(input.programme).html,
	organiser_kind: input.organiserKind,
	network_id: input.networkId,
	programme_id: input.programmeId ?? null,
	visibility: input.visibility,
	starts_at: input.startsAt,
	ends_at: input.endsAt,
	location_kind: input.locationKind,
	venue: input.venue,
	address: input.address,
	online_url: input.onlineUrl,
	registration_opens_at: input.registrationOpensAt,
	registration_closes_at: input.registrationClosesAt,
	questions: JSON.stringify(input.questions satisfies EventQuestion[])
});

/**
 * Takes the write locks of the programmes whose cohorts a session change reads, before the
 * event's own lock: the order the cohort's changes take them in, so the two never deadlock and
 * neither misses a participant or a session that the other is writing.
 */
async function lockProgrammes(trx: DB, programmeIds: (string | null | undefined)[]) {
	const ids = [...new Set(programmeIds.filter((id): id is string => Boolean(id)))].sort();
	for (const id of ids) {
		await trx
			.updateTable('programmes')
			.set((eb) => ({ lock_seq: eb('lock_seq', '+', 1) }))
			.where('id', '=', id)
			.execute();
	}
}

/** Creates an event; returns its slug. */
export async function createEvent(
	db: DB,
	input: EventInput & { createdBy: string | null }
): Promise<{ ok: true; id: string; slug: string }> {
	return db.transaction().execute(async (trx) => {
		await lockProgrammes(trx, [input.programmeId]);
		const id = randomUUID();
		const slug = await uniqueSlug(trx, input.title, input.startsAt);
		await trx
			.insertInto('events')
			.values({
				id,
				slug,
				...eventColumns(input),
				capacity: input.capacity,
				created_by: input.createdBy
			})
			.execute();
		await writeLinks(trx, id, input);
		if (input.programmeId) await syncSessionRegistrations(trx, id);
		await indexEvent(trx, id);
		return { ok: true as const, id, slug };
	});
}

export type UpdateResult =
	| { ok: true; slug: string; surplus: number; promoted: number }
	| { ok: false; reason: 'not_found' };

/** Changes an event; a changed capacity goes through the same rules as changeCapacity. */
export async function updateEvent(
	db: DB,
	input: EventInput & { eventId: string; origin: string; audit?: AuditEntry | null }
): Promise<UpdateResult> {
	return db.transaction().execute(async (trx): Promise<UpdateResult> => {
		const before = await trx
			.selectFrom('events')
			.select('programme_id')
			.where('id', '=', input.eventId)
			.executeTakeFirst();
		await lockProgrammes(trx, [before?.programme_id, input.programmeId]);
		const locked = await lockEvent(trx, input.eventId);
		if (!locked) return { ok: false, reason: 'not_found' };
		await trx
			.updateTable('events')
			.set({ ...eventColumns(input), updated_at: now() })
			.where('id', '=', input.eventId)
			.execute();
		await writeLinks(trx, input.eventId, input);
		await syncSessionRegistrations(trx, input.eventId);
		await indexEvent(trx, input.eventId);
		const capacity = await changeCapacity(trx, {
			eventId: input.eventId,
			capacity: input.capacity,
			origin: input.origin
		});
		if (input.audit) await writeAudit(trx, input.audit);
		return {
			ok: true,
			slug: locked.slug,
			surplus: capacity.ok ? capacity.surplus : 0,
			promoted: capacity.ok ? capacity.promoted : 0
		};
	});
}

/**
 * Keeps an upcoming session's registrations in step with its programme's cohort, in the caller's
 * transaction: every enrolled participant has a place (marked via_programme, with its reminders),
 * and a place given by the cohort goes when the person left it or the event left the programme.
 * A past session is left as it is: its registrations are the attendance record. Someone a
 * coordinator added by hand is never touched. Returns how many places were given and taken.
 */
export async function syncSessionRegistrations(
	trx: DB,
	eventId: string,
	at: string = now()
): Promise<{ added: number; removed: number }> {
	const event = await lockEvent(trx, eventId);
	if (!event || event.ends_at <= at) return { added: 0, removed: 0 };
	const enrolled = event.programme_id
		? await trx
				.selectFrom('programme_participants as pp')
				.innerJoin('users as u', 'u.id', 'pp.user_id')
				.select('pp.user_id')
				.where('pp.programme_id', '=', event.programme_id)
				.where('pp.status', '=', 'enrolled')
				.where('u.status', '=', 'active')
				.execute()
		: [];
	const wanted = new Set(enrolled.map((r) => r.user_id));
	const current = await trx
		.selectFrom('event_registrations')
		.select(['id', 'user_id', 'status', 'via_programme'])
		.where('event_id', '=', eventId)
		.where('user_id', 'is not', null)
		.execute();
	const have = new Map(current.map((r) => [r.user_id!, r]));
	const gone = current.filter((r) => r.via_programme && !wanted.has(r.user_id!)).map((r) => r.id);
	if (gone.length) await trx.deleteFrom('event_registrations').where('id', 'in', gone).execute();
	let added = 0;
	for (const userId of wanted) {
		const row = have.get(userId);
		if (row?.status === 'registered') continue;
		if (row) {
			// Waiting or pending before they joined the cohort: the cohort gives them the place.
			await trx
				.updateTable('event_registrations')
				.set({ status: 'registered', queue_number: null, via_programme: true, updated_at: now() })
				.where('id', '=', row.id)
				.execute();
			await scheduleReminders(trx, event, row.id);
		} else {
			const id = randomUUID();
			await trx
				.insertInto('event_registrations')
				.values({
					id,
					event_id: eventId,
					user_id: userId,
					guest_name: null,
					guest_email: null,
					guest_organisation: null,
					status: 'registered',
					queue_number: null,
					token: newToken(),
					promoted_at: null,
					via_programme: true
				})
				.execute();
			await scheduleReminders(trx, event, id);
		}
		added++;
	}
	return { added, removed: gone.length };
}

export type ReminderOutcome =
	'sent' | 'already_sent' | 'not_registered' | 'rescheduled' | 'too_late';

/**
 * One reminder of one registration (the job 'events.reminder'). The sent-marker's primary key
 * (registration, kind) and the mail are written in one transaction, so a repeated job (a worker
 * that stopped after sending but before finishing its job) never sends it twice. A moved event
 * gets its reminder rescheduled; a day reminder that is due only within the last hour is skipped
 * (the hour reminder follows).
 */
export async function sendReminder(
	db: DB,
	input: { registrationId: string; kind: 'day' | 'hour'; origin: string; now?: Date }
): Promise<ReminderOutcome> {
	const at = input.now ?? new Date();
	const found = await db
		.selectFrom('event_registrations')
		.select(['event_id'])
		.where('id', '=', input.registrationId)
		.where('status', '=', 'registered')
		.executeTakeFirst();
	if (!found) return 'not_registered';
	const result = await withEventLock(db, found.event_id, async (trx, event) => {
		const who = await trx
			.selectFrom('event_registrations')
			.select('id')
			.where('id', '=', input.registrationId)
			.where('status', '=', 'registered')
			.executeTakeFirst();
		if (!who) return 'not_registered' as const;
		const start = new Date(event.starts_at).getTime();
		const due = start - (input.kind === 'day' ? 24 : 1) * 3_600_000;
		if (at.getTime() >= start) return 'too_late' as const;
		if (at.getTime() < due - 60_000) {
			await enqueueJob(trx, {
				kind: REMINDER_JOB,
				payload: { registrationId: input.registrationId, kind: input.kind },
				runAt: new Date(due)
			});
			return 'rescheduled' as const;
		}
		if (input.kind === 'day' && at.getTime() >= start - 3_600_000) return 'too_late' as const;
		const marked = await trx
			.insertInto('event_reminders')
			.values({
				registration_id: input.registrationId,
				kind: input.kind,
				sent_at: at.toISOString()
			})
			.onConflict((oc) => oc.columns(['registration_id', 'kind']).doNothing())
			.executeTakeFirst();
		if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return 'already_sent' as const;
		const person = await recipient(trx, input.registrationId);
		await queueMail(trx, {
			to: person.email,
			kind: `event-reminder-${input.kind}`,
			...reminderMail({
				name: person.name,
				event: mailEvent(event, input.origin),
				kind: input.kind,
				cancelUrl: cancelUrl(input.origin, person.token)
			})
		});
		return 'sent' as const;
	});
	return typeof result === 'string' ? result : 'not_registered';
}

/** The member's calendar-feed secret, made on first use. */
export async function ensureFeedToken(db: DB, userId: string): Promise<string> {
	await db
		.insertInto('event_feed_tokens')
		.values({ user_id: userId, token: newToken() })
		.onConflict((oc) => oc.column('user_id').doNothing())
		.execute();
	const row = await db
		.selectFrom('event_feed_tokens')
		.select('token')
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return row.token;
}

/** A new secret for the feed: the old address stops working at once. */
export async function renewFeedToken(db: DB, userId: string): Promise<string> {
	const token = newToken();
	await db
		.insertInto('event_feed_tokens')
		.values({ user_id: userId, token })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ token, created_at: now() }))
		.execute();
	return token;
}

/** The attendance list saved at once: exactly the ticked participants came. */
export async function saveAttendance(
	db: DB,
	input: { eventId: string; attendedIds: string[] }
): Promise<{ ok: true; attended: number }> {
	return db.transaction().execute(async (trx) => {
		await trx
			.updateTable('event_registrations')
			.set({ attended: false, updated_at: now() })
			.where('event_id', '=', input.eventId)
			.where('status', '=', 'registered')
			.execute();
		if (input.attendedIds.length === 0) return { ok: true as const, attended: 0 };
		const result = await trx
			.updateTable('event_registrations')
			.set({ attended: true, updated_at: now() })
			.where('event_id', '=', input.eventId)
			.where('status', '=', 'registered')
			.where('id', 'in', input.attendedIds)
			.executeTakeFirst();
		return { ok: true as const, attended: Number(result.numUpdatedRows) };
	});
}
