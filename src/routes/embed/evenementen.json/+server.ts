import { json } from '@sveltejs/kit';
import { embedEvents } from '$lib/server/features/events/embed';
import { getConfig } from '$lib/server/platform/config';
import { conditionalResponse } from '$lib/server/platform/http-cache';
import { embedErrorText } from '../evenementen/render';
import { EMBED_CACHE_CONTROL, embedParams } from '../shared';
import type { RequestHandler } from './$types';

/** Any site may read the list from a browser; the ETag is readable to its scripts too. */
const CORS = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'ETag'
};

/** The next upcoming public events as JSON, for partners who show them in their own design. */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const result = await embedEvents(locals.db, embedParams(url), { origin: getConfig().origin });
	if (!result.ok) {
		return json(
			{
				error: {
					code: 'invalid_filter',
					field: result.field,
					message: embedErrorText(result.field, result.value, 'nl')
				}
			},
			{ status: 400, headers: { ...CORS, 'cache-control': 'no-store' } }
		);
	}
	return conditionalResponse(request, JSON.stringify({ items: result.events }), {
		...CORS,
		'content-type': 'application/json; charset=utf-8',
		'cache-control': EMBED_CACHE_CONTROL
	});
};

/** A preflight (a script that sends If-None-Match itself) gets the same permission. */
export const OPTIONS: RequestHandler = () =>
	new Response(null, {
		status: 204,
		headers: {
			...CORS,
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': 'If-None-Match',
			'access-control-max-age': '86400'
		}
	});
