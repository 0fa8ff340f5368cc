import { can } from '../features/accounts/policy';
import { type Viewer, viewerFrom } from '../features/viewer';
import { apiError, unauthorized } from './respond';

/**
 * The API's member check, as the other member routes do it: without a session or token a 401;
 * for an account that is not an active member yet (an applicant) a 403 `not_a_member`;
 * otherwise the viewer and the user's id.
 */
export function apiMember(
	locals: App.Locals
): { ok: true; viewer: Viewer; userId: string } | { ok: false; response: Response } {
	if (!locals.user) return { ok: false, response: unauthorized() };
	const viewer = viewerFrom(locals.user);
	if (!can(locals.user, 'see_member_pages') || viewer.kind !== 'member') {
		return {
			ok: false,
			response: apiError(403, 'not_a_member', 'Alleen actieve leden lezen en schrijven mee.')
		};
	}
	return { ok: true, viewer, userId: viewer.userId };
}
