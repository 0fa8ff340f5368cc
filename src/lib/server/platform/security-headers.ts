import type { ServerResponse } from 'node:http';

/**
 * Headers every response carries, static files included. The Content-Security-Policy itself comes
 * from SvelteKit's `csp` config (it needs the per-request nonce); for responses SvelteKit does not
 * render (static files) a strict fallback policy applies.
 */
export function securityHeaders(https: boolean): Record<string, string> {
	const headers: Record<string, string> = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	};
	if (https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}

export const FALLBACK_CSP =
	"default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function applySecurityHeaders(res: ServerResponse, https: boolean): void {
	for (const [name, value] of Object.entries(securityHeaders(https))) res.setHeader(name, value);
	// SvelteKit replaces this with its own policy on the pages it renders.
	res.setHeader('Content-Security-Policy', FALLBACK_CSP);
}
