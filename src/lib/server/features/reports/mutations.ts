import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import type { ReportSubject } from '../../db/tables/reports';

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
