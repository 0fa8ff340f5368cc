import type { AuditAction, AuditEntry } from '../../platform/audit';
import type { Viewer } from '../viewer';
import { managesAsStaff, type ProgrammeSubject } from './policy';

/**
 * The audit entry for what an admin or editor does in a programme they do not coordinate; null
 * for its own coordinators, whose work is not logged. The mutation writes it in its transaction.
 */
export function staffAudit(
	viewer: Viewer,
	programme: { id: string; title: string },
	subject: ProgrammeSubject,
	action: AuditAction,
	details: Record<string, string | number | boolean | null> = {}
): AuditEntry | null {
	if (viewer.kind !== 'member' || !managesAsStaff(viewer, subject)) return null;
	return {
		actorId: viewer.userId,
		action,
		subjectType: 'programme',
		subjectId: programme.id,
		details: { name: programme.title, ...details }
	};
}
