import { embedEvents } from '$lib/server/features/events/embed';
import { getConfig } from '$lib/server/platform/config';
import { conditionalResponse } from '$lib/server/platform/http-cache';
import { EMBED_CACHE_CONTROL, EMBED_HTML_CSP, embedParams } from '../shared';
import { renderEmbedError, renderEmbedList } from './render';
import type { RequestHandler } from './$types';

/** The next upcoming public events as an HTML page for a partner's <iframe>. */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const origin = getConfig().origin;
	const result = await embedEvents(locals.db, embedParams(url), { origin });
	const headers = {
		'content-type': 'text/html; charset=utf-8',
		'content-security-policy': EMBED_HTML_CSP
	};
	if (!result.ok) {
		const html = renderEmbedError(result.field, result.value, { locale: result.locale, origin });
		return new Response(html, {
			status: 400,
			headers: { ...headers, 'cache-control': 'no-store' }
		});
	}
	const html = renderEmbedList(result.events, { locale: result.request.locale, origin });
	return conditionalResponse(request, html, { ...headers, 'cache-control': EMBED_CACHE_CONTROL });
};
