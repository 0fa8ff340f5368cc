import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '../src/lib/server/platform/config';
import { logger } from '../src/lib/server/platform/logger';
import { applySecurityHeaders } from '../src/lib/server/platform/security-headers';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

/**
 * Serves the SvelteKit build (build/handler.js) with the security headers on every response and
 * a graceful shutdown: on SIGTERM or SIGINT it stops accepting connections, lets requests in
 * flight finish (up to SHUTDOWN_TIMEOUT), then closes the database and exits.
 */
export async function serve(config: Config): Promise<http.Server> {
	// adapter-node reads these when the handler loads.
	process.env.ORIGIN = config.origin;
	// A form with the largest attachment (and a photo form) fits, with room for the other fields.
	process.env.BODY_SIZE_LIMIT ??= String(
		Math.max(30 * 1024 * 1024, config.attachmentMaxBytes + 5 * 1024 * 1024)
	);
	const handlerUrl = pathToFileURL(path.resolve('build/handler.js')).href;
	const { handler } = (await import(handlerUrl)) as { handler: NodeHandler };

	const server = http.createServer((req, res) => {
		applySecurityHeaders(res, config.https, req.url ?? '/');
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Niet gevonden');
		});
	});
	server.keepAliveTimeout = 5_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, 'shutting down: finishing requests in flight');
		const force = setTimeout(() => {
			logger.warn('shutdown timeout reached: closing remaining connections');
			server.closeAllConnections();
		}, config.shutdownTimeoutSeconds * 1000);
		force.unref();
		server.close(() => {
			// hooks.server.ts closes the database on this event (the same one adapter-node emits).
			process.emit('sveltekit:shutdown' as never, signal as never);
			setTimeout(() => process.exit(0), 100).unref();
		});
		server.closeIdleConnections();
	};
	process.once('SIGTERM', () => stop('SIGTERM'));
	process.once('SIGINT', () => stop('SIGINT'));
	return server;
}
