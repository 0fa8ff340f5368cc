import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { suggest } from '$lib/server/features/search/queries';
import { viewerFrom } from '$lib/server/features/viewer';
import { KIND_LABELS } from '../kinds';
import type { RequestHandler } from './$types';

/** Titles for the header's search box while typing (what the viewer may see only). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const query = (url.searchParams.get('q') ?? '').slice(0, 200);
	const items =
		query.trim().length < 2
			? []
			: await suggest(locals.db, { viewer: viewerFrom(locals.user), query });
	return json(
		{
			label: m.search_suggestions_count({ count: items.length }),
			items: items.map((s) => ({ title: s.title, url: s.url, kind: KIND_LABELS[s.kind]() }))
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
