import { randomUUID } from 'node:crypto';
import cluster from 'node:cluster';
import client from 'prom-client';

/**
 * Prometheus metrics, served at /metrics. With WORKERS > 1 every worker keeps its own registry;
 * the worker that answers /metrics asks the primary, which collects all workers' metrics over
 * IPC (prom-client's AggregatorRegistry), so one scrape sees the whole app.
 */
const KEY = Symbol.for('kennisnetwerk.metrics');
type Metrics = {
	registry: client.Registry;
	httpDuration: client.Histogram<'method' | 'route' | 'status'>;
};
const store = globalThis as typeof globalThis & { [KEY]?: Metrics };

export const METRICS_REQUEST = 'kennisnetwerk:metrics-request';
export const METRICS_RESPONSE = 'kennisnetwerk:metrics-response';

function create(): Metrics {
	const registry = new client.Registry();
	registry.setDefaultLabels({ app: 'kennisnetwerk' });
	client.collectDefaultMetrics({ register: registry });
	const httpDuration = new client.Histogram({
		name: 'http_request_duration_seconds',
		help: 'Duration of HTTP requests handled by the app, by route and status',
		labelNames: ['method', 'route', 'status'] as const,
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
		registers: [registry]
	});
	// What this process reports when the primary aggregates; constructing an AggregatorRegistry
	// in a worker is what makes prom-client answer the primary's requests.
	client.AggregatorRegistry.setRegistries([registry]);
	if (cluster.isWorker) new client.AggregatorRegistry();
	return { registry, httpDuration };
}

export const metrics: Metrics = (store[KEY] ??= create());

export const METRICS_CONTENT_TYPE = metrics.registry.contentType;

/** The metrics text: this process's own, or the whole cluster's when running as a worker. */
export async function renderMetrics(): Promise<string> {
	if (!cluster.isWorker || !process.send) return metrics.registry.metrics();
	const id = randomUUID();
	return new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			process.off('message', onMessage);
			reject(new Error('metrics: the primary process did not answer'));
		}, 6_000);
		const onMessage = (message: unknown) => {
			const m = message as { type?: string; id?: string; text?: string; error?: string };
			if (m?.type !== METRICS_RESPONSE || m.id !== id) return;
			clearTimeout(timer);
			process.off('message', onMessage);
			if (m.error !== undefined) reject(new Error(m.error));
			else resolve(m.text ?? '');
		};
		process.on('message', onMessage);
		process.send!({ type: METRICS_REQUEST, id });
	});
}

/** In the primary: answer workers' /metrics requests with the aggregate of all workers. */
export function serveClusterMetrics(): void {
	const aggregator = new client.AggregatorRegistry();
	cluster.on('message', (worker, message: { type?: string; id?: string }) => {
		if (message?.type !== METRICS_REQUEST) return;
		aggregator.clusterMetrics().then(
			(text) => worker.send({ type: METRICS_RESPONSE, id: message.id, text }),
			(error: Error) =>
				worker.send({ type: METRICS_RESPONSE, id: message.id, error: error.message })
		);
	});
}
