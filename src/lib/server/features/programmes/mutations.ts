import { randomUUID } from 'node:crypto';
import { type DB, inTransaction } from '../../db';
import type { ParticipantStatus } from '../../db/tables/programmes';
import { queueMail } from '../../platform/mail';
import { renderMarkdown } from '../../platform/markdown';
import { slugify } from '../../platform/slug';
import { syncSessionRegistrations } from '../events/mutations';
import { indexProgramme } from '../search/mutations';
import { enrolledMail, removedMail, waitlistedMail } from './mails';
import type { ProgrammeInput } from './schema';
import { type AuditEntry, writeAudit } from '../../platform/audit';

/**
 * The cohort changes only inside `withProgrammeLock`: the transaction's first statement bumps the
 * programme's lock_seq (a row lock in PostgreSQL, the write lock in SQLite), so two processes
 * never both hand out the last place. After every change, the upcoming sessions' registrations
 * follow the cohort (events/mutations.ts syncSessionRegistrations), in the same transaction.
 */

const now = () => new Date().toISOString();

async function lockProgramme(trx: DB, programmeId: string) {
	return trx
		.updateTable('programmes')
		.set((eb) => ({ lock_seq: eb('lock_seq', '+', 1) }))
		.where('id', '=', programmeId)
		.returning(['id', 'slug', 'title', 'cohort_size', 'enrolment_open'])
		.executeTakeFirst();
}

type LockedProgramme = NonNullable<Awaited<ReturnType<typeof lockProgramme>>>;

async function withProgrammeLock<T>(
	db: DB,
	programmeId: string,
	work: (trx: DB, programme: LockedProgramme) => Promise<T>
): Promise<T | { ok: false; reason: 'not_found' }> {
	const run = async (trx: DB) => {
		const programme = await lockProgramme(trx, programmeId);
		if (!programme) return { ok: false as const, reason: 'not_found' as const };
		return work(trx, programme);
	};
	return inTransaction(db, run);
}

const programmeUrl = (origin: string, slug: string) =>
	new URL(`/programmas/${slug}`, origin).toString();

async function cohortCounts(trx: DB, programmeId: string) {
	const rows = await trx
		.selectFrom('programme_participants')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('programme_id', '=', programmeId)
		.groupBy('status')
		.execute();
	const of = (s: ParticipantStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
	return { enrolled: of('enrolled'), waitlisted: of('waitlisted') };
}

/** The waiting-list position of a waiting participant (1 = next to get a place). */
export async function cohortWaitlistPosition(
	db: DB,
	programmeId: string,
	queueNumber: number
): Promise<number> {
	const row = await db
		.selectFrom('programme_participants')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('programme_id', '=', programmeId)
		.where('status', '=', 'waitlisted')
		.where('queue_number', '<', queueNumber)
		.executeTakeFirstOrThrow();
	return Number(row.n) + 1;
}

/** Brings every upcoming session of the programme in step with its cohort. */
async function syncSessions(trx: DB, programmeId: string) {
	const sessions = await trx
		.selectFrom('events')
		.select('id')
		.where('programme_id', '=', programmeId)
		.where('ends_at', '>', now())
		.orderBy('starts_at')
		.execute();
	for (const { id } of sessions) await syncSessionRegistrations(trx, id);
}

async function person(trx: DB, userId: string) {
	return trx
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
}

async function mailEnrolled(
	trx: DB,
	programme: LockedProgramme,
	userId: string,
	origin: string,
	promoted: boolean
) {
	const who = await person(trx, userId);
	await queueMail(trx, {
		to: who.email,
		kind: promoted ? 'programme-promoted' : 'programme-enrolled',
		...enrolledMail({
			name: who.name,
			title: programme.title,
			url: programmeUrl(origin, programme.slug),
			promoted
		})
	});
}

/**
 * Gives free places in the cohort to the waiting list, first in first out, each with an e-mail;
 * in the caller's transaction, which holds the programme's lock. Returns how many moved up.
 */
async function fillCohort(trx: DB, programme: LockedProgramme, origin: string): Promise<number> {
	const counts = await cohortCounts(trx, programme.id);
	const free = programme.cohort_size - counts.enrolled;
	if (free <= 0) return 0;
	const next = await trx
		.selectFrom('programme_participants as pp')
		.innerJoin('users as u', 'u.id', 'pp.user_id')
		.select('pp.user_id')
		.where('pp.programme_id', '=', programme.id)
		.where('pp.status', '=', 'waitlisted')
		.where('u.status', '=', 'active')
		.orderBy('pp.queue_number')
		.limit(free)
		.execute();
	for (const { user_id } of next) {
		await trx
			.updateTable('programme_participants')
			.set({ status: 'enrolled', queue_number: null, promoted_at: now() })
			.where('programme_id', '=', programme.id)
			.where('user_id', '=', user_id)
			.execute();
		await mailEnrolled(trx, programme, user_id, origin, true);
	}
	return next.length;
}

export type EnrolResult =
	| {
			ok: true;
			status: ParticipantStatus;
			/** The waiting-list position (waitlisted only). */
			position: number | null;
			/** Already in the cohort or waiting before this call (a double click): nothing changed. */
			already: boolean;
	  }
	| { ok: false; reason: 'not_found' | 'enrolment_closed' };

/**
 * A member joins the cohort: a place while there is one and nobody waits, else the waiting list.
 * With a place come registrations for every upcoming session. `byCoordinator` adds someone while
 * enrolment is closed. The route has checked that the member may see the programme.
 */
export async function enrol(
	db: DB,
	input: {
		programmeId: string;
		userId: string;
		origin: string;
		byCoordinator?: boolean;
		/** An admin or editor adding someone to a programme they do not coordinate. */
		audit?: AuditEntry | null;
	}
): Promise<EnrolResult> {
	return withProgrammeLock(db, input.programmeId, async (trx, programme): Promise<EnrolResult> => {
		const existing = await trx
			.selectFrom('programme_participants')
			.select(['status', 'queue_number'])
			.where('programme_id', '=', programme.id)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		if (existing) {
			return {
				ok: true,
				status: existing.status,
				position:
					existing.status === 'waitlisted'
						? await cohortWaitlistPosition(trx, programme.id, existing.queue_number ?? 0)
						: null,
				already: true
			};
		}
		if (!input.byCoordinator && !programme.enrolment_open) {
			return { ok: false, reason: 'enrolment_closed' };
		}
		// A place freed without passing here (an erased account) goes to the waiting list first.
		await fillCohort(trx, programme, input.origin);
		const counts = await cohortCounts(trx, programme.id);
		const place = counts.enrolled < programme.cohort_size && counts.waitlisted === 0;
		let queueNumber: number | null = null;
		if (!place) {
			const last = await trx
				.selectFrom('programme_participants')
				.select((eb) => eb.fn.max('queue_number').as('last'))
				.where('programme_id', '=', programme.id)
				.executeTakeFirst();
			queueNumber = Number(last?.last ?? 0) + 1;
		}
		await trx
			.insertInto('programme_participants')
			.values({
				id: randomUUID(),
				programme_id: programme.id,
				user_id: input.userId,
				status: place ? 'enrolled' : 'waitlisted',
				queue_number: queueNumber,
				promoted_at: null
			})
			.execute();
		if (input.audit) await writeAudit(trx, input.audit);
		if (place) {
			await mailEnrolled(trx, programme, input.userId, input.origin, false);
			await syncSessions(trx, programme.id);
			return { ok: true, status: 'enrolled', position: null, already: false };
		}
		const position = await cohortWaitlistPosition(trx, programme.id, queueNumber!);
		const who = await person(trx, input.userId);
		await queueMail(trx, {
			to: who.email,
			kind: 'programme-waitlisted',
			...waitlistedMail({
				name: who.name,
				title: programme.title,
				url: programmeUrl(input.origin, programme.slug),
				position
			})
		});
		return { ok: true, status: 'waitlisted', position, already: false };
	});
}

export type LeaveResult =
	| { ok: true; was: ParticipantStatus; promoted: number }
	| { ok: false; reason: 'not_found' | 'not_enrolled' };

/**
 * Someone leaves the cohort (by themselves, or removed by a coordinator, who can have them told):
 * their places in upcoming sessions go, past sessions keep their attendance, and the first on the
 * waiting list moves up.
 */
export async function leave(
	db: DB,
	input: {
		programmeId: string;
		userId: string;
		origin: string;
		removedBy?: 'coordinator';
		audit?: AuditEntry | null;
	}
): Promise<LeaveResult> {
	return withProgrammeLock(db, input.programmeId, async (trx, programme): Promise<LeaveResult> => {
		const row = await trx
			.selectFrom('programme_participants')
			.select(['id', 'status'])
			.where('programme_id', '=', programme.id)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_enrolled' };
		if (input.removedBy === 'coordinator') {
			const who = await person(trx, input.userId);
			await queueMail(trx, {
				to: who.email,
				kind: 'programme-removed',
				...removedMail({
					name: who.name,
					title: programme.title,
					url: programmeUrl(input.origin, programme.slug)
				})
			});
		}
		await trx.deleteFrom('programme_participants').where('id', '=', row.id).execute();
		const promoted = row.status === 'enrolled' ? await fillCohort(trx, programme, input.origin) : 0;
		await syncSessions(trx, programme.id);
		if (input.audit) await writeAudit(trx, input.audit);
		return { ok: true, was: row.status, promoted };
	});
}

export type CohortSizeResult =
	| { ok: true; enrolled: number; surplus: number; promoted: number }
	| { ok: false; reason: 'not_found' };

/**
 * Changes how many the cohort takes. More places go to the waiting list at once; fewer than
 * already enrolled keeps everyone (the surplus) and takes nobody new until it fits again.
 */
export async function changeCohortSize(
	db: DB,
	input: { programmeId: string; cohortSize: number; origin: string; audit?: AuditEntry | null }
): Promise<CohortSizeResult> {
	return withProgrammeLock(
		db,
		input.programmeId,
		async (trx, programme): Promise<CohortSizeResult> => {
			await trx
				.updateTable('programmes')
				.set({ cohort_size: input.cohortSize, updated_at: now() })
				.where('id', '=', programme.id)
				.execute();
			const promoted = await fillCohort(
				trx,
				{ ...programme, cohort_size: input.cohortSize },
				input.origin
			);
			if (promoted) await syncSessions(trx, programme.id);
			const counts = await cohortCounts(trx, programme.id);
			if (input.audit) await writeAudit(trx, input.audit);
			return {
				ok: true,
				enrolled: counts.enrolled,
				surplus: Math.max(0, counts.enrolled - input.cohortSize),
				promoted
			};
		}
	);
}

async function uniqueSlug(trx: DB, title: string, exceptId?: string) {
	const base = slugify(title).slice(0, 80) || 'programma';
	for (let i = 1; ; i++) {
		const slug = i === 1 ? base : `${base}-${i}`;
		const taken = await trx
			.selectFrom('programmes')
			.select('id')
			.where('slug', '=', slug)
			.$if(Boolean(exceptId), (q) => q.where('id', '!=', exceptId!))
			.executeTakeFirst();
		if (!taken) return slug;
	}
}

async function writeLinks(trx: DB, programmeId: string, input: ProgrammeInput) {
	await trx.deleteFrom('programme_provinces').where('programme_id', '=', programmeId).execute();
	await trx.deleteFrom('programme_themes').where('programme_id', '=', programmeId).execute();
	const provinces = input.provinceCodes.length
		? await trx
				.selectFrom('provinces')
				.select('code')
				.where('code', 'in', input.provinceCodes)
				.execute()
		: [];
	if (provinces.length) {
		await trx
			.insertInto('programme_provinces')
			.values(provinces.map((p) => ({ programme_id: programmeId, province_code: p.code })))
			.execute();
	}
	const themes = input.themeIds.length
		? await trx.selectFrom('themes').select('id').where('id', 'in', input.themeIds).execute()
		: [];
	if (themes.length) {
		await trx
			.insertInto('programme_themes')
			.values(themes.map((t) => ({ programme_id: programmeId, theme_id: t.id })))
			.execute();
	}
}

export type ProgrammeWriteResult =
	{ ok: true; id: string; slug: string } | { ok: false; reason: 'network_invalid' };

async function networkExists(trx: DB, networkId: string | null) {
	if (!networkId) return true;
	return Boolean(
		await trx.selectFrom('networks').select('id').where('id', '=', networkId).executeTakeFirst()
	);
}

/** Starts a programme; its creator (and any given) become its coordinators. */
export async function createProgramme(
	db: DB,
	input: ProgrammeInput & { createdBy: string | null; coordinatorIds?: string[] }
): Promise<ProgrammeWriteResult> {
	return db.transaction().execute(async (trx): Promise<ProgrammeWriteResult> => {
		if (!(await networkExists(trx, input.networkId)))
			return { ok: false, reason: 'network_invalid' };
		const id = randomUUID();
		const slug = await uniqueSlug(trx, input.title);
		await trx
			.insertInto('programmes')
			.values({
				id,
				slug,
				title: input.title,
				region: input.region,
				summary: input.summary,
				challenge: input.challenge,
				challenge_html: renderMarkdown(input.challenge).html,
				network_id: input.networkId,
				visibility: input.visibility,
				cohort_size: input.cohortSize,
				enrolment_open: input.enrolmentOpen,
				created_by: input.createdBy
			})
			.execute();
		await writeLinks(trx, id, input);
		await indexProgramme(trx, id);
		const coordinators = new Set(
			[input.createdBy, ...(input.coordinatorIds ?? [])].filter((v): v is string => Boolean(v))
		);
		for (const userId of coordinators) {
			await trx
				.insertInto('programme_coordinators')
				.values({ programme_id: id, user_id: userId })
				.execute();
		}
		return { ok: true, id, slug };
	});
}

export type ProgrammeUpdateResult =
	| { ok: true; slug: string; surplus: number; promoted: number }
	| { ok: false; reason: 'not_found' | 'network_invalid' };

/** Changes a programme; a changed cohort size goes through the same rules as changeCohortSize. */
export async function updateProgramme(
	db: DB,
	input: ProgrammeInput & { programmeId: string; origin: string; audit?: AuditEntry | null }
): Promise<ProgrammeUpdateResult> {
	return withProgrammeLock(
		db,
		input.programmeId,
		async (trx, programme): Promise<ProgrammeUpdateResult> => {
			if (!(await networkExists(trx, input.networkId))) {
				return { ok: false, reason: 'network_invalid' };
			}
			await trx
				.updateTable('programmes')
				.set({
					title: input.title,
					region: input.region,
					summary: input.summary,
					challenge: input.challenge,
					challenge_html: renderMarkdown(input.challenge).html,
					network_id: input.networkId,
					visibility: input.visibility,
					enrolment_open: input.enrolmentOpen,
					updated_at: now()
				})
				.where('id', '=', programme.id)
				.execute();
			await writeLinks(trx, programme.id, input);
			await indexProgramme(trx, programme.id);
			const size = await changeCohortSize(trx, {
				programmeId: programme.id,
				cohortSize: input.cohortSize,
				origin: input.origin
			});
			if (input.audit) await writeAudit(trx, input.audit);
			return {
				ok: true,
				slug: programme.slug,
				surplus: size.ok ? size.surplus : 0,
				promoted: size.ok ? size.promoted : 0
			};
		}
	);
}

/** Opens or closes enrolment. */
export async function setEnrolmentOpen(
	db: DB,
	input: { programmeId: string; open: boolean; audit?: AuditEntry | null }
): Promise<{ ok: boolean }> {
	const run = async (trx: DB) => {
		const result = await trx
			.updateTable('programmes')
			.set({ enrolment_open: input.open, updated_at: now() })
			.where('id', '=', input.programmeId)
			.executeTakeFirst();
		const ok = Number(result.numUpdatedRows) > 0;
		if (ok && input.audit) await writeAudit(trx, input.audit);
		return { ok };
	};
	return inTransaction(db, run);
}

/** Makes an active member a coordinator of the programme (again: nothing changes). */
export async function addCoordinator(
	db: DB,
	input: { programmeId: string; userId: string; audit?: AuditEntry | null }
): Promise<{ ok: true; already: boolean }> {
	const run = async (trx: DB) => {
		const existing = await trx
			.selectFrom('programme_coordinators')
			.select('user_id')
			.where('programme_id', '=', input.programmeId)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		if (existing) return { ok: true as const, already: true };
		await trx
			.insertInto('programme_coordinators')
			.values({ programme_id: input.programmeId, user_id: input.userId })
			.onConflict((oc) => oc.doNothing())
			.execute();
		if (input.audit) await writeAudit(trx, input.audit);
		return { ok: true as const, already: false };
	};
	return inTransaction(db, run);
}

/** Takes a coordinator off; the last one stays (a programme always has someone to run it). */
export async function removeCoordinator(
	db: DB,
	input: { programmeId: string; userId: string; audit?: AuditEntry | null }
): Promise<{ ok: true } | { ok: false; reason: 'last_coordinator' | 'not_coordinator' }> {
	return db.transaction().execute(async (trx) => {
		await lockProgramme(trx, input.programmeId);
		const all = await trx
			.selectFrom('programme_coordinators')
			.select('user_id')
			.where('programme_id', '=', input.programmeId)
			.execute();
		if (!all.some((c) => c.user_id === input.userId)) {
			return { ok: false as const, reason: 'not_coordinator' as const };
		}
		if (all.length <= 1) return { ok: false as const, reason: 'last_coordinator' as const };
		await trx
			.deleteFrom('programme_coordinators')
			.where('programme_id', '=', input.programmeId)
			.where('user_id', '=', input.userId)
			.execute();
		if (input.audit) await writeAudit(trx, input.audit);
		return { ok: true as const };
	});
}
