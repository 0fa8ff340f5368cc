import { basicSearch } from '$lib/server/features/search/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	if (query.length === 0) return { query, status: 'empty' as const, hits: [] };
	if (query.length < 2) return { query, status: 'too_short' as const, hits: [] };
	const hits = await basicSearch(locals.db, { viewer: viewerFrom(locals.user), query });
	return { query, status: 'done' as const, hits };
};
