import { type AuditAction, type AuditEntry, staffEntry } from '../../platform/audit';
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
	details?: Record<string, string | number | boolean | null>
): AuditEntry | null {
	if (viewer.kind !== 'member' || !managesAsStaff(viewer, subject)) return null;
	const named = { type: 'programme' as const, id: programme.id, name: programme.title };
	return staffEntry(viewer.userId, named, action, details);
}
