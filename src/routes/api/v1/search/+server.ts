import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api/respond';
import { MAX_QUERY_LENGTH } from '$lib/server/features/search/analyser';
import { presentHit } from '$lib/server/features/search/present';
import { search } from '$lib/server/features/search/queries';
import { apiSearchSchema } from '$lib/server/features/search/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/**
 * Searches everything the caller may see (visitors: what is public), ten a page, with per-kind
 * counts. A query without words or longer than the limit is a 400 with a stable code.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const parsed = apiSearchSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const field = String(parsed.error.issues[0]?.path[0] ?? 'query');
		return apiError(
			400,
			field === 'kind' ? 'invalid_kind' : 'invalid_query',
			`${field}: ongeldige waarde.`
		);
	}
	const { q, kind, page } = parsed.data;
	const result = await search(locals.db, { viewer: viewerFrom(locals.user), query: q, kind, page });
	if (!result.ok) {
		return result.reason === 'too_long'
			? apiError(400, 'query_too_long', `q: hoogstens ${MAX_QUERY_LENGTH} tekens.`)
			: apiError(400, 'query_empty', 'q: geef een of meer woorden om op te zoeken.');
	}
	let next: string | null = null;
	if (result.page < result.pageCount) {
		const params = new URLSearchParams(url.searchParams);
		params.set('page', String(result.page + 1));
		next = `${url.pathname}?${params}`;
	}
	return json(
		{
			items: result.hits.map(presentHit),
			total: result.total,
			next,
			facets: result.facets,
			capped: result.capped
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
