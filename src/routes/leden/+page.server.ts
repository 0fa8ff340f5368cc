import { authorize } from '$lib/server/authorize';
import { searchDirectory } from '$lib/server/features/people/find';
import { presentDirectoryMember } from '$lib/server/features/people/present';
import { directoryFromPage, FILTERS, PAGE_PARAMS } from '$lib/server/features/people/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'see_member_pages');
	// Never fails: a value that does not exist (any more) filters nothing and is mentioned.
	const request = directoryFromPage(url.searchParams);
	const result = await searchDirectory(locals.db, request, viewerFrom(locals.user));
	return {
		search: {
			q: request.q,
			sort: request.sort,
			// The URL parameter and value of every filter in use, to build links with.
			filters: FILTERS.map((name) => ({
				name,
				param: PAGE_PARAMS[name],
				value: result.values[name] ?? ''
			}))
		},
		unknownFilter: result.unknown.length > 0,
		members: result.members.map(presentDirectoryMember),
		facets: result.facets,
		total: result.total,
		page: result.page,
		pageCount: result.pageCount
	};
};
