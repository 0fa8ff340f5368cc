import { json } from '@sveltejs/kit';
import { apiError, unauthorized } from '$lib/server/api/respond';
import { can } from '$lib/server/features/accounts/policy';
import { presentDirectoryMember } from '$lib/server/features/people/present';
import { searchDirectory } from '$lib/server/features/people/find';
import {
	apiDirectorySchema,
	directoryFromApi,
	FILTERS,
	type FilterName
} from '$lib/server/features/people/schema';
import { viewerFrom } from '$lib/server/features/viewer';
import type { RequestHandler } from './$types';

/** The member directory with the page's filters as query parameters (see openapi.ts). */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) return unauthorized();
	if (!can(locals.user, 'see_member_pages')) {
		return apiError(403, 'forbidden', 'Alleen leden van het kennisnetwerk zien de ledenlijst.');
	}
	const parsed = apiDirectorySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const field = String(parsed.error.issues[0]?.path[0] ?? 'query');
		const isFilter = (FILTERS as readonly string[]).includes(field);
		return apiError(
			400,
			isFilter ? 'invalid_filter' : 'invalid_query',
			`${field}: ongeldige waarde.`
		);
	}
	const result = await searchDirectory(
		locals.db,
		directoryFromApi(parsed.data),
		viewerFrom(locals.user)
	);
	if (result.unknown.length > 0) {
		const field: FilterName = result.unknown[0]!;
		return apiError(400, 'invalid_filter', `${field}: deze waarde bestaat niet.`);
	}
	let next: string | null = null;
	if (result.page < result.pageCount) {
		const params = new URLSearchParams(url.searchParams);
		params.set('page', String(result.page + 1));
		next = `${url.pathname}?${params}`;
	}
	return json(
		{
			items: result.members.map(presentDirectoryMember),
			total: result.total,
			next,
			facets: result.facets
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
