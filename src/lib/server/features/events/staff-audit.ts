import { type AuditAction, type AuditEntry, staffEntry } from '../../platform/audit';
import type { Viewer } from '../viewer';
import { managesAsStaff } from './policy';
import { eventSubject } from './present';
import type { EventDetailRow } from './queries';

/**
 * The audit entry for what an admin or editor does to an event they do not organise (a network's
 * or programme's that they do not coordinate); null for its organisers, whose own work is not
 * logged. The mutation writes it in its transaction, only when the change is made.
 */
export function staffAudit(
	viewer: Viewer,
	event: EventDetailRow,
	action: AuditAction,
	details?: Record<string, string | number | boolean | null>
): AuditEntry | null {
	if (viewer.kind !== 'member' || !managesAsStaff(viewer, eventSubject(event))) return null;
	return staffEntry(
		viewer.userId,
		{ type: 'event', id: event.id, name: event.title },
		action,
		details
	);
}
