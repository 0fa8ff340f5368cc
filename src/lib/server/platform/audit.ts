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
	| 'synonym.removed'
	// An admin or editor running an event, network or programme they do not organise themselves.
	| 'event.updated'
	| 'event.participant_added'
	| 'event.participant_removed'
	| 'event.capacity_changed'
	| 'event.registration_closed'
	| 'event.registration_reopened'
	| 'event.registrants_messaged'
	| 'network.request_approved'
	| 'network.request_declined'
	| 'network.invited'
	| 'network.member_removed'
	| 'network.role_changed'
	| 'network.updated'
	| 'programme.updated'
	| 'programme.participant_added'
	| 'programme.participant_removed'
	| 'programme.cohort_size_changed'
	| 'programme.enrolment_opened'
	| 'programme.enrolment_closed'
	| 'programme.coordinator_added'
	| 'programme.coordinator_removed';

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	subjectType:
		| 'user'
		| 'domain'
		| 'organisation'
		| 'report'
		| 'thread'
		| 'reply'
		| 'synonym'
		| 'event'
		| 'network'
		| 'programme';
	subjectId: string | null;
	details?: Record<string, string | number | boolean | null>;
}

/**
 * One audit entry, in the caller's transaction so it exists exactly when the change does.
 * `details` must hold no personal data: names and addresses are joined in when the log is read
 * (the name of an event, network or programme is kept: it is nobody's personal data).
 */
export async function writeAudit(trx: DB, entry: AuditEntry): Promise<void> {
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

/**
 * The entry for an admin or editor acting in an event, network or programme they do not
 * coordinate (each feature's policy says when): its name is kept, as it was then.
 */
export function staffEntry(
	actorId: string,
	subject: { type: 'event' | 'network' | 'programme'; id: string; name: string },
	action: AuditAction,
	details: Record<string, string | number | boolean | null> = {}
): AuditEntry {
	return {
		actorId,
		action,
		subjectType: subject.type,
		subjectId: subject.id,
		details: { name: subject.name, ...details }
	};
}
