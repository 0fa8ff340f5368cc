import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, apiList, readJson } from '$lib/server/api/respond';
import { createThread } from '$lib/server/features/discussions/mutations';
import { can } from '$lib/server/features/discussions/policy';
import { presentThread, presentThreadSummary } from '$lib/server/features/discussions/present';
import { networkThreads, threadForViewer } from '$lib/server/features/discussions/queries';
import { pageNumber, threadInputSchema } from '$lib/server/features/discussions/schema';
import { networkForViewer } from '$lib/server/features/networks/queries';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

const notFound = () => apiError(404, 'not_found', 'Dit netwerk bestaat niet (meer).');

/** A network's threads, pinned first, then by last activity; ?page=2 for the next page. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const found = await networkForViewer(locals.db, params.slug, member.viewer);
	if (!found || !can(member.viewer, 'read', { network: found.subject })) return notFound();
	const list = await networkThreads(
		locals.db,
		found.network.id,
		pageNumber(url.searchParams.get('page'))
	);
	const next =
		list.page < list.pageCount
			? `/api/v1/networks/${found.network.slug}/threads?page=${list.page + 1}`
			: null;
	return apiList(
		list.rows.map((row) => presentThreadSummary(found.network.slug, row)),
		list.total,
		next
	);
};

/** Starts a thread (a discussion or a question); members of the network only. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	const found = await networkForViewer(locals.db, params.slug, member.viewer);
	if (!found || !can(member.viewer, 'read', { network: found.subject })) return notFound();
	if (!can(member.viewer, 'start', { network: found.subject })) {
		return apiError(403, 'forbidden', 'Alleen leden van dit netwerk kunnen een discussie starten.');
	}
	const input = await readJson(request, threadInputSchema);
	if (!input.ok) return input.response;
	const created = await createThread(locals.db, {
		networkId: found.network.id,
		authorId: member.userId,
		...input.data,
		origin: getConfig().origin
	});
	if (!created.ok) return notFound();
	const thread = await threadForViewer(locals.db, created.id, member.viewer);
	if (!thread) return notFound();
	return json(presentThread(thread), { status: 201 });
};
