import { MAX_QUERY_LENGTH } from '$lib/server/features/search/analyser';
import { CANDIDATE_CAP, search } from '$lib/server/features/search/queries';
import { kindFromSlug } from '$lib/server/features/search/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

/** Everything the visitor or member may see, grouped by kind, or one kind a page at a time. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = url.searchParams.get('q') ?? '';
	const query = raw.trim();
	const kind = kindFromSlug(url.searchParams.get('soort'));
	const page = Number(url.searchParams.get('pagina') ?? '1') || 1;
	const base = { query: query.slice(0, MAX_QUERY_LENGTH), kind, max: MAX_QUERY_LENGTH };
	if (query.length === 0) return { ...base, status: 'empty' as const };
	const result = await search(locals.db, {
		viewer: viewerFrom(locals.user),
		query,
		kind,
		page,
		perKind: 3
	});
	if (!result.ok) return { ...base, status: result.reason };
	return { ...base, status: 'done' as const, result, cap: CANDIDATE_CAP };
};
