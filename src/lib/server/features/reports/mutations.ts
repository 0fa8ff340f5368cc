import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import { dialectOf } from '../../db/dialect';
import type { ReportSubject } from '../../db/tables/reports';
import { writeAudit } from '../../platform/audit';
import { deleteReply, deleteThread } from '../discussions/mutations';

/**
 * Files a member's report of a post or a message for the admins. One open report per member and
 * subject: reporting the same thing again changes nothing (and says so). The caller has checked
 * that the member may see the subject.
 */
export async function fileReport(
	db: DB,
	input: { reporterId: string; subjectType: ReportSubject; subjectId: string; reason: string }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'already_reported' }> {
	return db.transaction().execute(async (trx) => {
		const open = await trx
			.selectFrom('reports')
			.select('id')
			.where('reporter_id', '=', input.reporterId)
			.where('subject_type', '=', input.subjectType)
			.where('subject_id', '=', input.subjectId)
			.where('resolved_at', 'is', null)
			.executeTakeFirst();
		if (open) return { ok: false, reason: 'already_reported' } as const;
		const id = randomUUID();
		await trx
			.insertInto('reports')
			.values({
				id,
				subject_type: input.subjectType,
				subject_id: input.subjectId,
				reporter_id: input.reporterId,
				reason: input.reason,
				created_at: new Date().toISOString(),
				resolved_at: null,
				resolved_by: null,
				resolution: null
			})
			.execute();
		return { ok: true, id } as const;
	});
}

/**
 * An admin settles a report with a note: every open report of the same post or message is
 * resolved with it (several members may have reported the same thing), and with `removePost`
 * a reported thread or reply is deleted in the same step. The audit log records it.
 */
export async function resolveReport(
	db: DB,
	input: { reportId: string; actorId: string; note: string; removePost: boolean }
): Promise<
	{ ok: true; removed: boolean } | { ok: false; reason: 'not_found' | 'already_resolved' }
> {
	return db.transaction().execute(async (trx) => {
		// Locked on PostgreSQL (SQLite runs one write transaction at a time), so two admins
		// settling the same report at once do not both act.
		let query = trx
			.selectFrom('reports')
			.select(['id', 'subject_type', 'subject_id', 'resolved_at'])
			.where('id', '=', input.reportId);
		if (dialectOf(trx) === 'postgres') query = query.forUpdate();
		const report = await query.executeTakeFirst();
		if (!report) return { ok: false, reason: 'not_found' } as const;
		if (report.resolved_at !== null) return { ok: false, reason: 'already_resolved' } as const;
		let removed = false;
		if (input.removePost && report.subject_type === 'thread') {
			removed = (
				await deleteThread(trx, {
					threadId: report.subject_id,
					actorId: input.actorId,
					moderated: false
				})
			).ok;
		} else if (input.removePost && report.subject_type === 'reply') {
			removed = (
				await deleteReply(trx, {
					replyId: report.subject_id,
					actorId: input.actorId,
					moderated: false
				})
			).ok;
		}
		const resolved = await trx
			.updateTable('reports')
			.set({
				resolved_at: new Date().toISOString(),
				resolved_by: input.actorId,
				resolution: input.note
			})
			.where('subject_type', '=', report.subject_type)
			.where('subject_id', '=', report.subject_id)
			.where('resolved_at', 'is', null)
			.executeTakeFirst();
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'report.resolved',
			subjectType: 'report',
			subjectId: report.id,
			details: {
				subject: report.subject_type,
				removed,
				reports: Number(resolved.numUpdatedRows)
			}
		});
		return { ok: true, removed } as const;
	});
}
