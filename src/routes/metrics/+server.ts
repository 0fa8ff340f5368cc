import { metrics } from '$lib/server/platform/metrics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	new Response(await metrics.registry.metrics(), {
		headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }
	});
