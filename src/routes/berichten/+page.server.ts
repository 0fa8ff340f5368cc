import { fail, redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import {
	acceptContactRequest,
	declineContactRequest
} from '$lib/server/features/contact/mutations';
import { listConversations, pendingRequests } from '$lib/server/features/contact/queries';
import { requestDecisionSchema } from '$lib/server/features/contact/schema';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	const [conversations, requests] = await Promise.all([
		listConversations(locals.db, locals.user.id),
		pendingRequests(locals.db, locals.user.id)
	]);
	const present = (r: (typeof requests.incoming)[number]) => ({
		id: r.id,
		memberId: r.member_id,
		name: r.name,
		organisation: r.organisation,
		message: r.message,
		at: r.created_at
	});
	return {
		conversations,
		incoming: requests.incoming.map(present),
		outgoing: requests.outgoing.map(present),
		sent: url.searchParams.get('verzonden') === '1'
	};
};

type Action = 'accept' | 'decline';

/** Both actions answer in one shape: what was tried, on which request, and the problem or done. */
function answer(action: Action, request: string, problem: string | null) {
	return { action, request, problem, done: problem === null };
}

const STATUS: Record<string, number> = { not_found: 404, already_decided: 409, unavailable: 409 };

export const actions: Actions = {
	accepteren: async ({ locals, request, url }) => {
		authorize(locals, url, 'see_member_pages');
		const parsed = requestDecisionSchema.safeParse({
			request: (await request.formData()).get('request') ?? ''
		});
		if (!parsed.success) return fail(400, answer('accept', '', 'not_found'));
		const result = await acceptContactRequest(locals.db, {
			requestId: parsed.data.request,
			userId: locals.user.id,
			origin: getConfig().origin
		});
		if (!result.ok) {
			return fail(
				STATUS[result.reason] ?? 409,
				answer('accept', parsed.data.request, result.reason)
			);
		}
		redirect(303, `/berichten/${result.conversationId}?geaccepteerd=1`);
	},
	afwijzen: async ({ locals, request, url }) => {
		authorize(locals, url, 'see_member_pages');
		const parsed = requestDecisionSchema.safeParse({
			request: (await request.formData()).get('request') ?? ''
		});
		if (!parsed.success) return fail(400, answer('decline', '', 'not_found'));
		const result = await declineContactRequest(locals.db, {
			requestId: parsed.data.request,
			userId: locals.user.id
		});
		if (!result.ok) {
			return fail(
				STATUS[result.reason] ?? 409,
				answer('decline', parsed.data.request, result.reason)
			);
		}
		return answer('decline', parsed.data.request, null);
	}
};
