import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, waitForHealthy } from './process';
import { totp } from '../../src/lib/server/testing/totp';

/**
 * Every route in src/routes, in the notation of the access matrix: "GET /path" for a page or a
 * GET endpoint, "METHOD /path" for the other endpoints, "POST /path?/name" for a form action.
 * The access matrix and the axe test both start from this list, so a new route shows up in both.
 */
export function discoverRoutes(): string[] {
	return [...new Set(discover().map((r) => r.key))].sort();
}

/** "GET /path" of every route that renders a page (+page.svelte), sorted. */
export function discoverPages(): string[] {
	return [
		...new Set(
			discover()
				.filter((r) => r.page)
				.map((r) => r.key)
		)
	].sort();
}

function discover(): { key: string; page: boolean }[] {
	const root = path.resolve('src/routes');
	const found: { key: string; page: boolean }[] = [];
	const walk = (dir: string) => {
		const route = '/' + path.relative(root, dir).split(path.sep).filter(Boolean).join('/');
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.svelte') found.push({ key: `GET ${route}`, page: true });
			else if (entry.name === '+server.ts') {
				const source = fs.readFileSync(full, 'utf8');
				for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
					found.push({ key: `${m[1]} ${route}`, page: false });
				}
			} else if (entry.name === '+page.server.ts') {
				found.push({ key: `GET ${route}`, page: false });
				const source = fs.readFileSync(full, 'utf8');
				const actions = source.split('export const actions')[1] ?? '';
				for (const m of actions.matchAll(/^\t(\w+): async/gm)) {
					found.push({ key: `POST ${route}?/${m[1]}`, page: false });
				}
			}
		}
	};
	walk(root);
	return found;
}

/** Starts the production build on `dataDir` (prepared by the caller), the way `npm start` does. */
export async function startServer(
	dataDir: string
): Promise<{ server: ChildProcess; baseURL: string; output: () => string }> {
	const port = await freePort();
	const baseURL = `http://localhost:${port}`;
	const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			LOG_LEVEL: 'warn',
			KN_E2E: ''
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = await waitForHealthy(baseURL, server);
	return { server, baseURL, output };
}

/** The session cookies a response sets (cleared ones left out), as a Cookie header. */
export function sessionCookies(response: Response): string {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((c) => !c.endsWith('='))
		.join('; ');
}

/** Posts a form the way a browser on the site does. */
export function postForm(
	baseURL: string,
	cookie: string,
	target: string,
	fields: Record<string, string>
): Promise<Response> {
	return fetch(`${baseURL}${target}`, {
		method: 'POST',
		headers: {
			origin: baseURL,
			accept: 'text/html',
			cookie,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual'
	});
}

/** Signs in at /inloggen; the session cookie and where the app sent the person next. */
export async function signInByForm(
	baseURL: string,
	email: string,
	password: string
): Promise<{ cookie: string; location: string }> {
	const response = await postForm(baseURL, '', '/inloggen', { email, password, terug: '/' });
	return { cookie: sessionCookies(response), location: response.headers.get('location') ?? '' };
}

/**
 * Sets up two-step verification for the signed-in account at /profiel/tweestaps, as every admin
 * must; the cookie of the session that replaces the old one.
 */
export async function setUpTwoFactor(
	baseURL: string,
	cookie: string,
	password: string
): Promise<string> {
	const started = await postForm(baseURL, cookie, '/profiel/tweestaps?/start', { password });
	const secret = (await started.text()).match(/data-testid="totp-secret">([A-Z2-7=]+)</)?.[1];
	if (!secret) throw new Error('no TOTP secret on the set-up page');
	const verified = await postForm(baseURL, cookie, '/profiel/tweestaps?/verify', {
		code: totp(secret),
		secret
	});
	if (verified.status !== 303) throw new Error(`2FA set-up answered ${verified.status}`);
	// Turning 2FA on replaces the session: keep the new cookie.
	const renewed = verified.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('kn.session_token=') && !c.endsWith('='));
	return renewed ?? cookie;
}
