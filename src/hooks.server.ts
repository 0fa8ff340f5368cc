import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { type DatabaseHandle, openDatabase } from '$lib/server/db';
import { getConfig } from '$lib/server/platform/config';
import { logger } from '$lib/server/platform/logger';
import { metrics } from '$lib/server/platform/metrics';
import { isCrossSiteMutation } from '$lib/server/platform/csrf';

let database: DatabaseHandle | undefined;

function getDatabase(): DatabaseHandle {
	if (!database) {
		const config = getConfig();
		database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
	}
	return database;
}

export const init: ServerInit = async () => {
	getDatabase();
	process.once('sveltekit:shutdown' as never, async () => {
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
	const route = event.route.id ?? 'unmatched';
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

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(observe, csrf, i18n);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId ?? randomUUID();
	if (status === 404) return { message: 'Niet gevonden', id };
	(event.locals.log ?? logger).error({ err: error, status, path: event.url.pathname }, message);
	return { message: 'Er ging iets mis', id };
};
