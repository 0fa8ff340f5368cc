import { type AuditAction, type AuditEntry, staffEntry } from '../../platform/audit';
import type { Viewer } from '../viewer';
import { coordinatesAsAdmin, type NetworkSubject } from './policy';

/**
 * The audit entry for what an admin does in a network they do not coordinate; null for its own
 * coordinators, whose work is not logged. The mutation writes it in its transaction.
 */
export function staffAudit(
	viewer: Viewer,
	network: { id: string; name: string },
	subject: NetworkSubject,
	action: AuditAction,
	details?: Record<string, string | number | boolean | null>
): AuditEntry | null {
	if (viewer.kind !== 'member' || !coordinatesAsAdmin(viewer, subject)) return null;
	return staffEntry(
		viewer.userId,
		{ type: 'network', id: network.id, name: network.name },
		action,
		details
	);
}
