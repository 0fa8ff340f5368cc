import { error, fail, redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/authorize';
import { sendContactRequest } from '$lib/server/features/contact/mutations';
import { declinedTooRecently, writeProblem } from '$lib/server/features/contact/policy';
import { relationBetween } from '$lib/server/features/contact/queries';
import { contactRequestSchema, messageProblem } from '$lib/server/features/contact/schema';
import { getConfig } from '$lib/server/platform/config';
import type { Actions, PageServerLoad } from './$types';

const UNKNOWN_MEMBER = 'Dit lid bestaat niet (meer).';

/**
 * /berichten/nieuw?aan=<member id>: a contact request with a message. When the two already have
 * a conversation, it is where one goes instead. Without `aan`, the page points to the directory.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	const to = url.searchParams.get('aan')?.trim() ?? '';
	if (!to) return { target: null, problem: null, pendingRequestId: null };
	if (to.length > 200) error(404, UNKNOWN_MEMBER);
	const relation = await relationBetween(locals.db, locals.user.id, to);
	if (!relation.other || relation.other.status === 'applicant') error(404, UNKNOWN_MEMBER);
	if (relation.conversationId) redirect(303, `/berichten/${relation.conversationId}`);
	const problem =
		writeProblem({
			selfId: locals.user.id,
			other: relation.other,
			theyBlockedMe: relation.theyBlockedMe,
			iBlockedThem: relation.iBlockedThem
		}) ??
		(relation.pending?.fromMe
			? 'already_requested'
			: relation.pending
				? 'they_asked'
				: declinedTooRecently(relation.declinedAt)
					? 'declined_recently'
					: null);
	return {
		target: {
			id: relation.other.id,
			name: relation.other.name,
			organisation: relation.other.organisation
		},
		problem,
		pendingRequestId: relation.pending && !relation.pending.fromMe ? relation.pending.id : null
	};
};

const STATUS: Record<string, number> = {
	self: 400,
	not_found: 404,
	unavailable: 409,
	blocked: 403,
	you_blocked: 403,
	already_requested: 409,
	they_asked: 409,
	declined_recently: 409,
	rate_limited: 429
};

export const actions: Actions = {
	default: async ({ locals, request, url, setHeaders }) => {
		authorize(locals, url, 'see_member_pages');
		const form = await request.formData();
		const message = String(form.get('message') ?? '');
		const parsed = contactRequestSchema.safeParse({
			aan: form.get('aan') ?? url.searchParams.get('aan') ?? '',
			message
		});
		if (!parsed.success) {
			const aanMissing = parsed.error.issues.some((i) => i.path[0] === 'aan');
			return fail(400, {
				problem: aanMissing ? 'not_found' : messageProblem(parsed.error),
				message
			});
		}
		const result = await sendContactRequest(locals.db, {
			fromId: locals.user.id,
			toId: parsed.data.aan,
			message: parsed.data.message,
			origin: getConfig().origin
		});
		if (result.ok) redirect(303, '/berichten?verzonden=1');
		if (result.reason === 'conversation_exists') {
			redirect(303, `/berichten/${result.conversationId}`);
		}
		if (result.reason === 'rate_limited') {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		}
		return fail(STATUS[result.reason] ?? 409, { problem: result.reason, message });
	}
};
