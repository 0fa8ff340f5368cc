import { randomUUID } from 'node:crypto';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { type DatabaseHandle, openDatabase } from '$lib/server/db';
import { type Auth, createAuth } from '$lib/server/platform/auth';
import {
	AUTH_BASE_PATH,
	closedAuthEndpoint,
	isOpenAuthEndpoint
} from '$lib/server/platform/auth-routes';
import { getConfig } from '$lib/server/platform/config';
import { isCrossSiteMutation } from '$lib/server/platform/csrf';
import { logger } from '$lib/server/platform/logger';
import { metrics } from '$lib/server/platform/metrics';
import { ensureAuthSecret } from '$lib/server/platform/secrets';
import { startBackgroundWorker } from '$lib/server/platform/worker';
import { resolveSession } from '$lib/server/platform/session';
import { mustSetUpTwoFactor } from '$lib/server/features/accounts/policy';
import { settleVerifiedApplicant } from '$lib/server/features/accounts/mutations';
import { touchToken } from '$lib/server/features/api-tokens/mutations';
import { findTokenOwner } from '$lib/server/features/api-tokens/queries';
import { looksLikeToken } from '$lib/server/features/api-tokens/tokens';
import { noteActivity } from '$lib/server/features/people/activity';
import { directoryIndex } from '$lib/server/features/people/index-cache';
import { unauthorized } from '$lib/server/api/respond';

// The composition root: opens the database and sign-in once per process and hands them to
// routes through locals. Migrations ran before (scripts/start.ts, in the primary process).

let database: DatabaseHandle | undefined;
let auth: Auth | undefined;

function getDatabase(): DatabaseHandle {
	if (!database) {
		const config = getConfig();
		database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
	}
	return database;
}

async function getAuth(): Promise<Auth> {
	if (!auth) {
		const config = getConfig();
		const { db, dialect } = getDatabase();
		auth = createAuth({
			db,
			dialect,
			config,
			secret: await ensureAuthSecret(db, config.authSecret),
			limits: {
				idleSeconds: config.sessionIdleSeconds,
				absoluteSeconds: config.sessionAbsoluteSeconds
			},
			getRequestEvent,
			onEmailVerified: async (userId) => {
				await settleVerifiedApplicant(db, userId, { origin: config.origin });
			}
		});
	}
	return auth;
}

export const init: ServerInit = async () => {
	if (building) return;
	const config = getConfig();
	const { db } = getDatabase();
	await getAuth();
	const worker = config.jobsInProcess ? startBackgroundWorker(db, config) : null;
	// The member directory's index, built before the first member asks for it.
	directoryIndex(db).catch((err) => logger.warn({ err }, 'directory index not built at start'));
	process.once('sveltekit:shutdown' as never, async () => {
		await worker?.stop();
		await database?.close();
		database = undefined;
		logger.info('database closed');
	});
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Request id, structured request log and the request metric. */
const observe: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	const handle = getDatabase();
	event.locals.requestId = requestId;
	event.locals.log = logger.child({ requestId });
	event.locals.db = handle.db;
	event.locals.dialect = handle.dialect;
	event.locals.user = null;

	const started = performance.now();
	const response = await resolve(event);
	const seconds = (performance.now() - started) / 1000;
	response.headers.set('X-Request-Id', requestId);
	const route =
		event.route.id ??
		(event.url.pathname.startsWith(`${AUTH_BASE_PATH}/`) ? AUTH_BASE_PATH : 'unmatched');
	metrics.httpDuration.observe(
		{ method: event.request.method, route, status: String(response.status) },
		seconds
	);
	if (route !== '/healthz' && route !== '/metrics') {
		event.locals.log.info(
			{
				method: event.request.method,
				path: event.url.pathname,
				route,
				status: response.status,
				ms: Math.round(seconds * 1000)
			},
			'request'
		);
	}
	return response;
};

/** SvelteKit checks the origin of form posts; the same check covers every other mutating request. */
const csrf: Handle = async ({ event, resolve }) => {
	if (isCrossSiteMutation(event.request, event.url)) {
		return new Response(
			JSON.stringify({
				error: { code: 'cross_site_request', message: 'Verzoek van een andere site geweigerd.' }
			}),
			{ status: 403, headers: { 'content-type': 'application/json' } }
		);
	}
	return resolve(event);
};

/**
 * better-auth's endpoints under /api/auth: only the links in our e-mails (platform/auth-routes.ts;
 * everything else goes through our own forms and their limits). The signed-in person for
 * everything else.
 */
const session: Handle = async ({ event, resolve }) => {
	const instance = await getAuth();
	if (event.url.pathname.startsWith(`${AUTH_BASE_PATH}/`)) {
		if (!isOpenAuthEndpoint(event.request.method, event.url.pathname)) return closedAuthEndpoint();
		return svelteKitHandler({ event, resolve, auth: instance, building });
	}
	if (event.route.id === '/healthz' || event.route.id === '/metrics') return resolve(event);
	// The embeddable event list answers everyone as a visitor: no session read, no cookie set.
	if (event.route.id?.startsWith('/embed/')) return resolve(event);
	event.locals.auth = instance;
	event.locals.sessionId = null;

	// The API also takes personal tokens; with a token, the cookie plays no part.
	const authorization = event.request.headers.get('authorization') ?? '';
	if (event.url.pathname.startsWith('/api/v1/') && /^bearer /i.test(authorization)) {
		const token = authorization.slice(7).trim();
		const owner = looksLikeToken(token) ? await findTokenOwner(event.locals.db, token) : undefined;
		if (!owner || owner.status === 'suspended') return unauthorized();
		await touchToken(event.locals.db, owner.tokenId, owner.last_used_at);
		event.locals.user = {
			id: owner.id,
			name: owner.name,
			email: owner.email,
			role: owner.role,
			status: owner.status,
			twoFactorEnabled: Boolean(owner.two_factor_enabled)
		};
		await noteActive(event);
		return resolve(event);
	}

	const config = getConfig();
	const found = await resolveSession(instance, event.locals.db, event.request.headers, {
		idleSeconds: config.sessionIdleSeconds,
		absoluteSeconds: config.sessionAbsoluteSeconds
	});
	event.locals.user = found?.user ?? null;
	event.locals.sessionId = found?.sessionId ?? null;
	await noteActive(event);
	return resolve(event);
};

/** "Last active" for the directory's order; a failure to note it never fails the request. */
async function noteActive(event: Parameters<Handle>[0]['event']) {
	const user = event.locals.user;
	if (user?.status !== 'active') return;
	await noteActivity(event.locals.db, user.id).catch((err) =>
		event.locals.log.warn({ err }, 'could not note activity')
	);
}

/** Where an admin without a second factor may still go: setting it up, signing out, the basics. */
const BEFORE_TWO_FACTOR = [
	'/profiel/tweestaps',
	'/uitloggen',
	'/taal',
	'/toegankelijkheid',
	'/privacy'
];

/** An admin without two-step verification is sent to set it up before anything else. */
const twoFactorGate: Handle = ({ event, resolve }) => {
	const path = event.url.pathname;
	if (!mustSetUpTwoFactor(event.locals.user) || BEFORE_TWO_FACTOR.includes(path)) {
		return resolve(event);
	}
	if (path.startsWith('/api/')) {
		return new Response(
			JSON.stringify({
				error: {
					code: 'two_factor_required',
					message: 'Stel eerst tweestapsverificatie in via /profiel/tweestaps.'
				}
			}),
			{ status: 403, headers: { 'content-type': 'application/json' } }
		);
	}
	return new Response(null, { status: 303, headers: { location: '/profiel/tweestaps' } });
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(observe, csrf, session, twoFactorGate, i18n);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId ?? randomUUID();
	if (status === 404) return { message: 'Niet gevonden', id };
	(event.locals.log ?? logger).error({ err: error, status, path: event.url.pathname }, message);
	return { message: 'Er ging iets mis', id };
};
