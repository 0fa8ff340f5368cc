import { error, redirect } from '@sveltejs/kit';
import { can, type ProgrammeAction } from '$lib/server/features/programmes/policy';
import { programmeSubject } from '$lib/server/features/programmes/present';
import { programmeForViewer } from '$lib/server/features/programmes/queries';
import { staffAudit } from '$lib/server/features/programmes/staff-audit';
import { viewerFrom } from '$lib/server/features/viewer';
import type { AuditAction } from '$lib/server/platform/audit';

export const NOT_FOUND = 'Dit programma bestaat niet, of je hebt er geen toegang toe.';

/**
 * The programme for a page, when the viewer may see it (else 404; visitors of a members'
 * programme sign in first) and, if asked, may do `action` (else 403).
 */
export async function programmeFor(
	locals: App.Locals,
	slug: string,
	url: URL,
	action: ProgrammeAction = 'see'
) {
	const viewer = viewerFrom(locals.user);
	const programme = await programmeForViewer(locals.db, slug.slice(0, 200), viewer);
	if (!programme) {
		if (!locals.user) redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		error(404, NOT_FOUND);
	}
	const subject = programmeSubject(programme);
	if (action !== 'see' && !can(viewer, action, subject)) {
		if (viewer.kind !== 'member') {
			redirect(303, `/inloggen?terug=${encodeURIComponent(url.pathname)}`);
		}
		error(403, 'Alleen de coördinatoren van dit programma kunnen dit doen.');
	}
	/** The audit entry when an admin or editor runs a programme they do not coordinate. */
	const audit = (action: AuditAction, details?: Record<string, string | number | boolean | null>) =>
		staffAudit(viewer, programme, subject, action, details);
	return { viewer, programme, subject, audit };
}
