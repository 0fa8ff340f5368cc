import { METRICS_CONTENT_TYPE, renderMetrics } from '$lib/server/platform/metrics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	new Response(await renderMetrics(), {
		headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' }
	});
