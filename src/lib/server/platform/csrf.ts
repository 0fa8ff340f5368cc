const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True for a state-changing request that another site sent. SvelteKit's own check only looks at
 * form content types; this one covers every content type (JSON, text/plain, any casing): a
 * mutating request must come from our own origin. Requests carrying a bearer token (API clients
 * with a personal token) are not cookie-authenticated and may come from anywhere.
 */
export function isCrossSiteMutation(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
	if (request.headers.get('authorization')?.toLowerCase().startsWith('bearer ')) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== url.origin;
	// No Origin header (old clients): fall back to Sec-Fetch-Site when the browser sends it.
	const site = request.headers.get('sec-fetch-site');
	return site !== null && site !== 'same-origin' && site !== 'none';
}
