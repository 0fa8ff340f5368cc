import { randomUUID } from 'node:crypto';
import type { DB } from '../db';

/** What the audit log records; /beheer/logboek turns each into a sentence. */
export type AuditAction =
	| 'application.approved'
	| 'application.auto_approved'
	| 'application.rejected'
	| 'allowlist.added'
	| 'allowlist.removed'
	| 'member.role_changed'
	| 'member.suspended'
	| 'member.unsuspended'
	| 'member.deleted'
	| 'organisation.merged'
	| 'report.resolved'
	| 'thread.pinned'
	| 'thread.unpinned'
	| 'thread.locked'
	| 'thread.unlocked'
	| 'thread.moved'
	| 'thread.deleted'
	| 'reply.deleted'
	| 'synonym.added'
	| 'synonym.removed';

/**
 * One audit entry, in the caller's transaction so it exists exactly when the change does.
 * `details` must hold no personal data: names and addresses are joined in when the log is read.
 */
export async function writeAudit(
	trx: DB,
	entry: {
		actorId: string | null;
		action: AuditAction;
		subjectType: 'user' | 'domain' | 'organisation' | 'report' | 'thread' | 'reply' | 'synonym';
		subjectId: string | null;
		details?: Record<string, string | number | boolean | null>;
	}
): Promise<void> {
	await trx
		.insertInto('audit_log')
		.values({
			id: randomUUID(),
			actor_id: entry.actorId,
			action: entry.action,
			subject_type: entry.subjectType,
			subject_id: entry.subjectId,
			details: JSON.stringify(entry.details ?? {}),
			created_at: new Date().toISOString()
		})
		.execute();
}
