import { error, fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import {
	blockMember,
	markConversationRead,
	reportMessage,
	sendMessage,
	unblockMember
} from '$lib/server/features/contact/mutations';
import { writeProblem } from '$lib/server/features/contact/policy';
import { conversationForMember } from '$lib/server/features/contact/queries';
import {
	messageProblem,
	reportMessageSchema,
	sendMessageSchema
} from '$lib/server/features/contact/schema';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Dit gesprek bestaat niet, of je neemt er niet aan deel.';

/** The conversation for the signed-in member, or a 404 for anyone else (and unknown ids). */
async function conversationOr404(locals: App.Locals & { user: { id: string } }, id: string) {
	const conversation = await conversationForMember(locals.db, id, locals.user.id);
	if (!conversation) error(404, NOT_FOUND);
	return conversation;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'see_member_pages');
	const conversation = await conversationOr404(locals, params.id);
	const me = locals.user.id;
	// Seeing the conversation reads it, up to the newest message shown here.
	await markConversationRead(locals.db, {
		conversationId: conversation.id,
		userId: me,
		upTo: conversation.messages.at(-1)?.created_at ?? null
	});
	const { other, lastReadAt } = conversation;
	const problem =
		other === null
			? 'former_member'
			: writeProblem({
					selfId: me,
					other,
					theyBlockedMe: conversation.theyBlockedMe,
					iBlockedThem: conversation.iBlockedThem
				});
	return {
		conversation: {
			id: conversation.id,
			other: other
				? {
						id: other.id,
						name: other.name,
						organisation: other.organisation,
						active: other.status === 'active'
					}
				: null
		},
		messages: conversation.messages.map((message) => {
			const mine = message.sender_id === me;
			return {
				id: message.id,
				mine,
				formerMember: message.sender_id === null,
				body: message.body,
				at: message.created_at,
				isNew: !mine && (lastReadAt === null || message.created_at > lastReadAt)
			};
		}),
		problem,
		iBlockedThem: conversation.iBlockedThem,
		accepted: url.searchParams.get('geaccepteerd') === '1'
	};
};

type Action = 'send' | 'block' | 'unblock' | 'report';

/** Every action answers in one shape: what was tried, and the problem or that it was done. */
function answer(
	action: Action,
	problem: string | null,
	extra: { body?: string; messageId?: string; reason?: string } = {}
) {
	return { action, problem, done: problem === null, ...extra };
}

const STATUS: Record<string, number> = {
	not_found: 404,
	blocked: 403,
	you_blocked: 403,
	own_message: 403,
	self: 400,
	unavailable: 409,
	former_member: 409,
	already_reported: 409
};
const fails = (action: Action, problem: string, extra: Parameters<typeof answer>[2] = {}) =>
	fail(STATUS[problem] ?? 400, answer(action, problem, extra));

export const actions: Actions = {
	versturen: async ({ locals, request, url, params }) => {
		authorize(locals, url, 'see_member_pages');
		const conversation = await conversationOr404(locals, params.id);
		const body = String((await request.formData()).get('body') ?? '');
		const parsed = sendMessageSchema.safeParse({ body });
		if (!parsed.success) return fails('send', messageProblem(parsed.error), { body });
		const result = await sendMessage(locals.db, {
			conversationId: conversation.id,
			senderId: locals.user.id,
			body: parsed.data.body,
			origin: getConfig().origin
		});
		if (!result.ok) {
			const problem =
				result.reason === 'unavailable' && conversation.other === null
					? 'former_member'
					: result.reason;
			return fails('send', problem, { body });
		}
		return answer('send', null);
	},
	blokkeren: async ({ locals, url, params }) => {
		authorize(locals, url, 'see_member_pages');
		const conversation = await conversationOr404(locals, params.id);
		if (!conversation.other) return fails('block', 'former_member');
		const result = await blockMember(locals.db, {
			blockerId: locals.user.id,
			blockedId: conversation.other.id
		});
		return result.ok ? answer('block', null) : fails('block', result.reason);
	},
	deblokkeren: async ({ locals, url, params }) => {
		authorize(locals, url, 'see_member_pages');
		const conversation = await conversationOr404(locals, params.id);
		if (!conversation.other) return fails('unblock', 'former_member');
		const result = await unblockMember(locals.db, {
			blockerId: locals.user.id,
			blockedId: conversation.other.id
		});
		return result.ok ? answer('unblock', null) : fails('unblock', result.reason);
	},
	melden: async ({ locals, request, url, params }) => {
		authorize(locals, url, 'see_member_pages');
		const conversation = await conversationOr404(locals, params.id);
		const form = await request.formData();
		const messageId = String(form.get('message') ?? '');
		const reason = String(form.get('reason') ?? '');
		const parsed = reportMessageSchema.safeParse({ message: messageId, reason });
		if (!parsed.success) {
			const issues = parsed.error.issues;
			const problem = issues.some((i) => i.path[0] === 'message')
				? 'not_found'
				: issues.some((i) => i.message === 'reason_too_long')
					? 'reason_too_long'
					: 'reason_missing';
			return fails('report', problem, { messageId, reason });
		}
		const result = await reportMessage(locals.db, {
			conversationId: conversation.id,
			messageId: parsed.data.message,
			reporterId: locals.user.id,
			reason: parsed.data.reason
		});
		if (!result.ok) return fails('report', result.reason, { messageId, reason });
		return answer('report', null, { messageId });
	}
};
