import { json } from '@sveltejs/kit';
import { apiMember } from '$lib/server/api/member';
import { apiError, readJson } from '$lib/server/api/respond';
import { createItem } from '$lib/server/features/knowledge/mutations';
import { canCreate } from '$lib/server/features/knowledge/policy';
import { presentItem, presentSummary } from '$lib/server/features/knowledge/present';
import {
	itemDetails,
	itemForViewer,
	listLibrary,
	maySeeNetwork
} from '$lib/server/features/knowledge/queries';
import {
	apiCreateSchema,
	apiListSchema,
	LIBRARY_PAGE_SIZE
} from '$lib/server/features/knowledge/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** The library as the caller may see it: filters combine, facets count, 12 a page. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const parsed = apiListSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return apiError(
			400,
			'invalid_query',
			`${issue?.path.join('.') || 'query'}: ${issue?.message ?? ''}`
		);
	}
	const q = parsed.data;
	const viewer = viewerFrom(locals.user);
	const result = await listLibrary(locals.db, {
		viewer,
		filters: {
			q: q.q,
			kind: q.kind ?? null,
			theme: q.theme ?? null,
			province: q.province ?? null,
			organisationType: q.organisationType ?? null,
			year: q.year ?? null
		},
		sort: q.sort,
		page: q.page,
		pageSize: LIBRARY_PAGE_SIZE
	});
	let next: string | null = null;
	if (result.page < result.pageCount) {
		const params = new URLSearchParams(url.searchParams);
		params.set('page', String(result.page + 1));
		next = `/api/v1/knowledge?${params}`;
	}
	return json(
		{ items: result.rows.map(presentSummary), total: result.total, next, facets: result.facets },
		{ headers: { 'cache-control': 'no-store' } }
	);
};

/** A member writes an item: a draft, or published at once with "publish": true. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const member = apiMember(locals);
	if (!member.ok) return member.response;
	if (!canCreate(member.viewer)) return apiError(403, 'forbidden', 'Alleen leden delen kennis.');
	const input = await readJson(request, apiCreateSchema);
	if (!input.ok) return input.response;
	const { publish, ...data } = input.data;
	if (
		data.visibility === 'network' &&
		!(await maySeeNetwork(locals.db, member.viewer, data.network))
	) {
		return apiError(
			403,
			'not_in_network',
			'Je kunt alleen delen in een netwerk waar je lid van bent.'
		);
	}
	const created = await createItem(locals.db, { writerId: member.userId, input: data, publish });
	if (!created.ok) return apiError(400, created.reason, 'Een verwijzing bestaat niet (meer).');
	const found = await itemForViewer(locals.db, created.slug, member.viewer);
	if (!found) return apiError(404, 'not_found', 'Dit kennisitem bestaat niet (meer).');
	const details = await itemDetails(locals.db, found.item, member.viewer);
	return json(presentItem(found, details), { status: 201 });
};
