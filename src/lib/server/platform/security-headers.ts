import type { ServerResponse } from 'node:http';

/**
 * Headers every response carries, static files included. The Content-Security-Policy itself comes
 * from SvelteKit's `csp` config (it needs the per-request nonce); for responses SvelteKit does not
 * render (static files) a strict fallback policy applies.
 */
export function securityHeaders(https: boolean, path = '/'): Record<string, string> {
	const headers: Record<string, string> = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	};
	// Partners frame the event list: its route sets its own frame-ancestors instead.
	if (isFramable(path)) delete headers['X-Frame-Options'];
	if (https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}

/** The only pages other sites may put in a frame: the embeddable event list (/embed/...). */
export function isFramable(path: string): boolean {
	try {
		// Resolved as the router will (dot segments), so "/embed/../x" is not under /embed/.
		return new URL(path, 'http://localhost').pathname.startsWith('/embed/');
	} catch {
		return false;
	}
}

export const FALLBACK_CSP =
	"default-src 'none'; img-src 'self'; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function applySecurityHeaders(res: ServerResponse, https: boolean, path = '/'): void {
	for (const [name, value] of Object.entries(securityHeaders(https, path))) {
		res.setHeader(name, value);
	}
	// SvelteKit replaces this with its own policy on the pages it renders.
	res.setHeader('Content-Security-Policy', FALLBACK_CSP);
}
