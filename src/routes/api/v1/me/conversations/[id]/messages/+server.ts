import { json } from '@sveltejs/kit';
import { apiError, readJson, unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import { sendMessage } from '$lib/server/features/contact/mutations';
import { conversationForMember } from '$lib/server/features/contact/queries';
import { apiMessageSchema } from '$lib/server/features/contact/schema';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/** Stable codes and statuses of a refused message. */
const REFUSALS = {
	not_found: [404, 'Dit gesprek bestaat niet, of je neemt er niet aan deel.'],
	blocked: [403, 'Dit lid heeft je geblokkeerd: je kunt geen berichten sturen.'],
	you_blocked: [403, 'Je hebt dit lid geblokkeerd. Deblokkeer het eerst.'],
	unavailable: [409, 'Dit lid is geen actief lid (meer) en kan geen berichten ontvangen.']
} as const;

/** Sends a message in one of my conversations. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) return unauthorized();
	if (!can(locals.user, 'see_member_pages')) {
		return apiError(403, 'not_a_member', 'Alleen actieve leden sturen berichten.');
	}
	const conversation = await conversationForMember(locals.db, params.id, locals.user.id);
	if (!conversation) return apiError(404, 'not_found', REFUSALS.not_found[1]);
	const input = await readJson(request, apiMessageSchema);
	if (!input.ok) return input.response;
	const result = await sendMessage(locals.db, {
		conversationId: conversation.id,
		senderId: locals.user.id,
		body: input.data.body,
		origin: getConfig().origin
	});
	if (!result.ok) {
		const [status, message] = REFUSALS[result.reason];
		return apiError(status, result.reason, message);
	}
	return json({ id: result.id, createdAt: result.createdAt }, { status: 201 });
};
