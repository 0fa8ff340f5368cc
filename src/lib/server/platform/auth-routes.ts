/**
 * Which of better-auth's endpoints answer over HTTP (it is mounted at /api/auth).
 *
 * The app talks to better-auth through its server API (`auth.api.*`) from its own form actions
 * and API routes, which apply our rate limits (platform/rate-limit.ts), the password policy and
 * the application flow first. Over HTTP the app itself needs only the two links in its e-mails:
 *
 * - `GET /api/auth/verify-email?token=…&callbackURL=…`: the link in the verification mail. It
 *   checks the signed token, marks the address verified (settling the applicant) and redirects
 *   to the callback (/aanmelden/bevestigd). It sends no mail (the change-email tokens that would
 *   make it send one are never issued: change-email is closed), checks no password, and neither
 *   reads nor makes a session (autoSignInAfterVerification is off).
 * - `GET /api/auth/reset-password/<token>?callbackURL=…`: the link in the reset mail. It only
 *   looks the token up and redirects to /wachtwoord-herstellen?token=…, where our own form sets
 *   the password under the policy.
 *
 * Everything else under /api/auth is refused before better-auth sees it, whatever the method,
 * including any endpoint a later better-auth adds: this is an allowlist, not a blocklist. So
 * neither opening needs the rate limits or the two-factor gate: they send nothing, take no
 * password and act on no session.
 */

export const AUTH_BASE_PATH = '/api/auth';

interface OpenAuthEndpoint {
	method: 'GET';
	/** Matched against the whole pathname, as the request sent it (not decoded). */
	path: RegExp;
}

/** better-auth's tokens are letters and digits (generateId); the bound only stops silliness. */
const TOKEN = '[A-Za-z0-9_-]{1,200}';

export const OPEN_AUTH_ENDPOINTS: readonly OpenAuthEndpoint[] = [
	{ method: 'GET', path: /^\/api\/auth\/verify-email$/ },
	{ method: 'GET', path: new RegExp(`^/api/auth/reset-password/${TOKEN}$`) }
];

/** Whether a request to `pathname` (under /api/auth/) may go on to better-auth. */
export function isOpenAuthEndpoint(method: string, pathname: string): boolean {
	return OPEN_AUTH_ENDPOINTS.some((e) => e.method === method && e.path.test(pathname));
}

/** The answer to every other /api/auth request: our JSON error shape, in Dutch. */
export function closedAuthEndpoint(): Response {
	return new Response(
		JSON.stringify({
			error: {
				code: 'not_found',
				message: 'Dit adres bestaat niet. Inloggen en aanmelden gaan via /inloggen en /aanmelden.'
			}
		}),
		{
			status: 404,
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		}
	);
}
