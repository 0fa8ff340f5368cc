import { apiError, apiList, unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import { listConversations } from '$lib/server/features/contact/queries';
import type { RequestHandler } from './$types';

/** My conversations, the most recent first, with unread counts. */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) return unauthorized();
	if (!can(locals.user, 'see_member_pages')) {
		return apiError(403, 'not_a_member', 'Alleen actieve leden hebben berichten.');
	}
	const conversations = await listConversations(locals.db, locals.user.id);
	return apiList(
		conversations.map((c) => ({
			id: c.id,
			with: c.other
				? { id: c.other.id, name: c.other.name, organisation: c.other.organisation }
				: null,
			lastMessageAt: c.lastMessageAt,
			unread: c.unread,
			preview: c.preview
		})),
		conversations.length
	);
};
