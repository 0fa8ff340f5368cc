import { createHash } from 'node:crypto';

/**
 * Conditional GET for responses anyone may cache (the embeddable event list): a strong ETag from
 * the body, and 304 Not Modified when the client already holds that version.
 */

export function etagFor(body: string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/** The body with its ETag, or an empty 304 when the request's If-None-Match names it. */
export function conditionalResponse(
	request: Request,
	body: string,
	headers: Record<string, string>
): Response {
	const etag = etagFor(body);
	const all: Record<string, string> = { ...headers, etag };
	if (matchesEtag(request.headers.get('if-none-match'), etag)) {
		// A 304 repeats the caching headers, not the body's type.
		const rest = Object.fromEntries(
			Object.entries(all).filter(([name]) => name.toLowerCase() !== 'content-type')
		);
		return new Response(null, { status: 304, headers: rest });
	}
	return new Response(body, { status: 200, headers: all });
}
