import { canCreate } from '$lib/server/features/knowledge/policy';
import { presentSummary } from '$lib/server/features/knowledge/present';
import { draftsFor, listLibrary } from '$lib/server/features/knowledge/queries';
import { KIND_PARAMS, libraryFromPage, SORT_PARAMS } from '$lib/server/features/knowledge/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = viewerFrom(locals.user);
	// Never fails: values that make no sense filter nothing.
	const request = libraryFromPage(url.searchParams);
	const [result, drafts] = await Promise.all([
		listLibrary(locals.db, { viewer, ...request }),
		draftsFor(locals.db, viewer)
	]);
	return {
		search: {
			q: request.filters.q,
			sort: SORT_PARAMS[request.sort],
			kind: request.filters.kind ? KIND_PARAMS[request.filters.kind] : '',
			theme: request.filters.theme ?? '',
			province: request.filters.province ?? '',
			organisationType: request.filters.organisationType ?? '',
			year: request.filters.year ? String(request.filters.year) : ''
		},
		items: result.rows.map(presentSummary),
		// The kinds by their Dutch URL value, with their own value to name them.
		facets: {
			...result.facets,
			kind: result.facets.kind.map((o) => ({
				...o,
				kind: o.value,
				value: KIND_PARAMS[o.value as keyof typeof KIND_PARAMS]
			}))
		},
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		drafts: drafts.map((d) => ({ slug: d.slug, title: d.title, kind: d.kind })),
		canCreate: canCreate(viewer)
	};
};
