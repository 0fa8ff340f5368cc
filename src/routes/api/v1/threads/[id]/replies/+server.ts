import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, apiList, readJson } from '$lib/server/api/respond';
import { createReply } from '$lib/server/features/discussions/mutations';
import { can } from '$lib/server/features/discussions/policy';
import { presentReply } from '$lib/server/features/discussions/present';
import {
	REPLY_PAGE_SIZE,
	replyWithAuthor,
	threadForViewer,
	threadReplies
} from '$lib/server/features/discussions/queries';
import { pageNumber, replyInputSchema } from '$lib/server/features/discussions/schema';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

const notFound = () => apiError(404, 'not_found', 'Deze discussie bestaat niet (meer).');
const locked = () =>
	apiError(
		403,
		'thread_locked',
		'Deze discussie is gesloten: er kan niet meer op gereageerd worden.'
	);

/** A thread's replies, oldest first; ?page=2 for the next page. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const found = await threadForViewer(locals.db, params.id, member.viewer);
	if (!found) return notFound();
	const replies = await threadReplies(
		locals.db,
		found.thread.id,
		pageNumber(url.searchParams.get('page')),
		REPLY_PAGE_SIZE
	);
	const next =
		replies.page < replies.pageCount
			? `/api/v1/threads/${found.thread.id}/replies?page=${replies.page + 1}`
			: null;
	return apiList(
		replies.rows.map((row) => presentReply(found.thread, row)),
		replies.total,
		next
	);
};

/** Replies to a thread: members of its network, and not once it is locked. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const found = await threadForViewer(locals.db, params.id, member.viewer);
	if (!found) return notFound();
	if (!can(member.viewer, 'reply', { thread: found.subject })) {
		return can(member.viewer, 'start', { network: found.subject.network })
			? locked()
			: apiError(403, 'forbidden', 'Alleen leden van dit netwerk kunnen reageren.');
	}
	const input = await readJson(request, replyInputSchema);
	if (!input.ok) return input.response;
	const created = await createReply(locals.db, {
		threadId: found.thread.id,
		authorId: member.userId,
		body: input.data.body,
		origin: getConfig().origin,
		evenIfLocked: can(member.viewer, 'moderate', { thread: found.subject })
	});
	if (!created.ok) return created.reason === 'thread_locked' ? locked() : notFound();
	const row = await replyWithAuthor(locals.db, created.id);
	if (!row) return notFound();
	return json(presentReply(found.thread, row), { status: 201 });
};
