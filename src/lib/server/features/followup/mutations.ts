import { randomUUID } from 'node:crypto';
import { type DB, inTransaction } from '../../db';
import type { MaterialsVisibility } from '../../db/tables/followup';
import {
	type AttachmentLimits,
	type AttachmentProblem,
	storeUpload
} from '../../platform/attachments';
import { deleteStoredFile } from '../../platform/files';
import { queueMail } from '../../platform/mail';
import { materialsMail, reportMail } from './mails';
import type { EvaluationInput } from './schema';

const now = () => new Date().toISOString();

export type LinkResult =
	{ ok: true } | { ok: false; reason: 'report_not_found' | 'not_a_report' | 'linked_elsewhere' };

/**
 * Links a report to an event (knowledge_items.event_id). Only items of the kind 'report' can be
 * linked, and a report belongs to one event: linking one that is already another event's fails.
 * The caller has checked that the actor may manage the event and may see the item. Linking a
 * published report tells the participants, the first time a report appears.
 */
export async function linkReport(
	db: DB,
	input: { eventId: string; itemId: string; origin: string }
): Promise<LinkResult> {
	return db.transaction().execute(async (trx) => {
		const item = await trx
			.selectFrom('knowledge_items')
			.select(['kind', 'event_id', 'status'])
			.where('id', '=', input.itemId)
			.executeTakeFirst();
		if (!item) return { ok: false, reason: 'report_not_found' } as const;
		if (item.kind !== 'report') return { ok: false, reason: 'not_a_report' } as const;
		if (item.event_id !== null && item.event_id !== input.eventId) {
			return { ok: false, reason: 'linked_elsewhere' } as const;
		}
		await trx
			.updateTable('knowledge_items')
			.set({ event_id: input.eventId, updated_at: now() })
			.where('id', '=', input.itemId)
			.execute();
		// A published report has appeared for the participants (a draft tells them when published).
		if (item.status === 'published') {
			await notifyParticipants(trx, {
				eventId: input.eventId,
				kind: 'report',
				origin: input.origin
			});
		}
		return { ok: true } as const;
	});
}

/** Takes a report off an event; nothing happens when it was not this event's. */
export async function unlinkReport(db: DB, input: { eventId: string; itemId: string }) {
	await db
		.updateTable('knowledge_items')
		.set({ event_id: null, updated_at: now() })
		.where('id', '=', input.itemId)
		.where('event_id', '=', input.eventId)
		.execute();
}

export type NotifyKind = 'materials' | 'report';

/**
 * Tells the event's participants (members with a place, or marked present, whose account is
 * active) that materials or a report appeared: one mail each through the outbox, at most once per
 * event and kind. The "told" mark and the mails are written in one transaction, and the mark is
 * set only where it was still empty, so two callers at once never both send.
 */
export async function notifyParticipants(
	db: DB,
	input: { eventId: string; kind: NotifyKind; origin: string }
): Promise<{ sent: number }> {
	const run = async (trx: DB) => {
		const event = await trx
			.selectFrom('events')
			.select(['title', 'slug'])
			.where('id', '=', input.eventId)
			.executeTakeFirst();
		if (!event) return { sent: 0 };
		await ensureFollowup(trx, input.eventId);
		const column = input.kind === 'materials' ? 'materials_notified_at' : 'report_notified_at';
		const marked = await trx
			.updateTable('event_followup')
			.set({ [column]: now() })
			.where('event_id', '=', input.eventId)
			.where(column, 'is', null)
			.executeTakeFirst();
		if (Number(marked.numUpdatedRows) === 0) return { sent: 0 };
		const people = await trx
			.selectFrom('event_registrations as r')
			.innerJoin('users as u', 'u.id', 'r.user_id')
			.select(['u.email', 'u.name'])
			.where('r.event_id', '=', input.eventId)
			.where('u.status', '=', 'active')
			.where((eb) => eb.or([eb('r.status', '=', 'registered'), eb('r.attended', '=', true)]))
			.orderBy('u.email')
			.execute();
		const url = new URL(`/evenementen/${event.slug}`, input.origin).toString();
		for (const person of people) {
			const mail = (input.kind === 'materials' ? materialsMail : reportMail)({
				name: person.name,
				title: event.title,
				url
			});
			await queueMail(trx, { to: person.email, kind: `event-${input.kind}`, ...mail });
		}
		return { sent: people.length };
	};
	return inTransaction(db, run);
}

/**
 * After a knowledge item was published (written so, or a draft published later): when it is an
 * event's report, the event's participants are told, once per event (notifyParticipants).
 */
export async function reportPublished(
	db: DB,
	input: { itemId: string; origin: string }
): Promise<{ sent: number }> {
	const item = await db
		.selectFrom('knowledge_items')
		.select(['kind', 'event_id', 'status'])
		.where('id', '=', input.itemId)
		.executeTakeFirst();
	if (!item || item.kind !== 'report' || !item.event_id || item.status !== 'published') {
		return { sent: 0 };
	}
	return notifyParticipants(db, { eventId: item.event_id, kind: 'report', origin: input.origin });
}

async function ensureFollowup(trx: DB, eventId: string) {
	await trx
		.insertInto('event_followup')
		.values({ event_id: eventId, materials_notified_at: null, report_notified_at: null })
		.onConflict((oc) => oc.column('event_id').doNothing())
		.execute();
}

/** Who sees the materials, and the recording/slides link; a new link tells the participants. */
export async function setMaterialsSettings(
	db: DB,
	input: {
		eventId: string;
		visibility: MaterialsVisibility;
		recordingUrl: string;
		origin: string;
	}
): Promise<{ ok: true; notified: number }> {
	return db.transaction().execute(async (trx) => {
		await ensureFollowup(trx, input.eventId);
		await trx
			.updateTable('event_followup')
			.set({
				materials_visibility: input.visibility,
				recording_url: input.recordingUrl,
				updated_at: now()
			})
			.where('event_id', '=', input.eventId)
			.execute();
		const notified = input.recordingUrl
			? (
					await notifyParticipants(trx, {
						eventId: input.eventId,
						kind: 'materials',
						origin: input.origin
					})
				).sent
			: 0;
		return { ok: true as const, notified };
	});
}

/** The most files one event carries. */
export const MAX_MATERIALS_PER_EVENT = 20;

export type AddMaterialResult =
	| { ok: true; id: string; name: string; notified: number }
	| { ok: false; reason: AttachmentProblem | 'attachment_too_many' | 'not_found' };

/**
 * Checks an upload (platform/attachments.ts) and adds it to the event's materials: the file is
 * written first under a new name, then the row (and, the first time, the participants' mails);
 * when that fails the file goes again, so nothing half-stored remains. The caller checked that
 * the uploader may manage the event.
 */
export async function addMaterial(
	db: DB,
	input: {
		eventId: string;
		uploaderId: string | null;
		bytes: Uint8Array;
		sentName: string;
		dir: string;
		limits: AttachmentLimits;
		origin: string;
	}
): Promise<AddMaterialResult> {
	return storeUpload(input, (file) =>
		db.transaction().execute(async (trx) => {
			const id = randomUUID();
			const event = await trx
				.selectFrom('events')
				.select('id')
				.where('id', '=', input.eventId)
				.executeTakeFirst();
			if (!event) return { ok: false as const, reason: 'not_found' as const };
			const { count } = await trx
				.selectFrom('event_materials')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('event_id', '=', input.eventId)
				.executeTakeFirstOrThrow();
			if (Number(count) >= MAX_MATERIALS_PER_EVENT) {
				return { ok: false as const, reason: 'attachment_too_many' as const };
			}
			await trx
				.insertInto('event_materials')
				.values({
					id,
					event_id: input.eventId,
					file_name: file.storedName,
					original_name: file.fileName,
					media_type: file.mime,
					size: file.size,
					uploaded_by: input.uploaderId
				})
				.execute();
			const { sent } = await notifyParticipants(trx, {
				eventId: input.eventId,
				kind: 'materials',
				origin: input.origin
			});
			return { ok: true as const, id, name: file.fileName, notified: sent };
		})
	);
}

/** Removes a file of an event's materials (its row, then its file); false when there was none. */
export async function removeMaterial(
	db: DB,
	input: { eventId: string; materialId: string; dir: string }
): Promise<boolean> {
	const row = await db
		.deleteFrom('event_materials')
		.where('id', '=', input.materialId)
		.where('event_id', '=', input.eventId)
		.returning('file_name')
		.executeTakeFirst();
	if (!row) return false;
	await deleteStoredFile(input.dir, row.file_name);
	return true;
}

/**
 * A participant's evaluation: stored the first time, changed after that (one per person and
 * event, by the unique key). The caller checked policy.ts 'evaluate'.
 */
export async function saveEvaluation(
	db: DB,
	input: { eventId: string; userId: string; evaluation: EvaluationInput }
): Promise<{ ok: true; changed: boolean }> {
	const at = now();
	const values = {
		score: input.evaluation.score,
		answer_valuable: input.evaluation.valuable,
		answer_better: input.evaluation.better
	};
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('event_evaluations')
			.select('id')
			.where('event_id', '=', input.eventId)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		if (existing) {
			await trx
				.updateTable('event_evaluations')
				.set({ ...values, updated_at: at })
				.where('id', '=', existing.id)
				.execute();
			return { ok: true as const, changed: true };
		}
		await trx
			.insertInto('event_evaluations')
			.values({
				id: randomUUID(),
				event_id: input.eventId,
				user_id: input.userId,
				...values,
				created_at: at,
				updated_at: at
			})
			.onConflict((oc) =>
				oc.columns(['event_id', 'user_id']).doUpdateSet({ ...values, updated_at: at })
			)
			.execute();
		return { ok: true as const, changed: false };
	});
}
