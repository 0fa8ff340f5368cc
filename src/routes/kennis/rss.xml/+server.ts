import { rssFeed } from '$lib/server/features/knowledge/present';
import { feedItems } from '$lib/server/features/knowledge/queries';
import { getConfig } from '$lib/server/platform/config';
import type { RequestHandler } from './$types';

/** RSS 2.0 of the public knowledge, newest first: only what visitors may read. */
export const GET: RequestHandler = async ({ locals }) => {
	const items = await feedItems(locals.db);
	const xml = rssFeed(getConfig().origin, items, {
		title: 'Kennisbank – Kennisnetwerk Regionale Economie',
		description:
			'Praktijkvoorbeelden, inzichten, publicaties en verslagen over het mkb in de regio.'
	});
	return new Response(xml, {
		headers: {
			'content-type': 'application/rss+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
