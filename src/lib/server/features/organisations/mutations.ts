import type { DB } from '../../db';
import { writeAudit } from '../../platform/audit';
import { indexMember, indexOrganisation, removeSearchDocument } from '../search/mutations';

export type MergeResult =
	| { ok: true; from: string; into: string; moved: number }
	| { ok: false; reason: 'same' | 'not_found' };

/**
 * Merges a duplicate organisation into another: its members move to the other, and the
 * duplicate is deleted, in one transaction with an audit entry. (Content that refers to
 * organisations moves here too as it arrives: knowledge, events.)
 */
export async function mergeOrganisations(
	db: DB,
	input: { actorId: string; fromId: string; intoId: string }
): Promise<MergeResult> {
	if (input.fromId === input.intoId) return { ok: false, reason: 'same' };
	return db.transaction().execute(async (trx): Promise<MergeResult> => {
		const rows = await trx
			.selectFrom('organisations')
			.select(['id', 'name'])
			.where('id', 'in', [input.fromId, input.intoId])
			.execute();
		const from = rows.find((r) => r.id === input.fromId);
		const into = rows.find((r) => r.id === input.intoId);
		if (!from || !into) return { ok: false, reason: 'not_found' };
		const moved = await trx
			.updateTable('users')
			.set({ organisation_id: into.id })
			.where('organisation_id', '=', from.id)
			.executeTakeFirst();
		await trx.deleteFrom('organisations').where('id', '=', from.id).execute();
		await removeSearchDocument(trx, 'organisation', from.id);
		await indexOrganisation(trx, into.id);
		const members = await trx
			.selectFrom('users')
			.select('id')
			.where('organisation_id', '=', into.id)
			.where('status', '=', 'active')
			.execute();
		for (const m of members) await indexMember(trx, m.id);
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'organisation.merged',
			subjectType: 'organisation',
			subjectId: into.id,
			details: { from: from.name, into: into.name, moved: Number(moved.numUpdatedRows) }
		});
		return { ok: true, from: from.name, into: into.name, moved: Number(moved.numUpdatedRows) };
	});
}
