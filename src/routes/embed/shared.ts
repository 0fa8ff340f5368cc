import type { EmbedParams } from '$lib/server/features/events/embed';

/**
 * What the embed routes share. They answer every caller the same (hooks.server.ts resolves no
 * session for /embed/), so browsers and caches may keep them for five minutes.
 */

export const EMBED_CACHE_CONTROL = 'public, max-age=300';

/**
 * The HTML may be framed by any site (the app's default is frame-ancestors 'none' and
 * X-Frame-Options DENY, which security-headers.ts leaves out under /embed/); it has no scripts,
 * only our stylesheet, and posts nowhere.
 */
export const EMBED_HTML_CSP =
	"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";

export function embedParams(url: URL): EmbedParams {
	const get = (name: string) => url.searchParams.get(name);
	return {
		thema: get('thema'),
		provincie: get('provincie'),
		formaat: get('formaat'),
		aantal: get('aantal'),
		taal: get('taal')
	};
}
