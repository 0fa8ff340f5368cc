import type { DB } from '../../db';

const now = () => new Date().toISOString();

export type LinkResult =
	{ ok: true } | { ok: false; reason: 'report_not_found' | 'not_a_report' | 'linked_elsewhere' };

/**
 * Links a report to an event (knowledge_items.event_id). Only items of the kind 'report' can be
 * linked, and a report belongs to one event: linking one that is already another event's fails.
 * The caller has checked that the actor may manage the event and may see the item.
 */
export async function linkReport(
	db: DB,
	input: { eventId: string; itemId: string }
): Promise<LinkResult> {
	return db.transaction().execute(async (trx) => {
		const item = await trx
			.selectFrom('knowledge_items')
			.select(['kind', 'event_id'])
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
