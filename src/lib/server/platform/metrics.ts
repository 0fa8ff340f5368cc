import client from 'prom-client';

/** Prometheus metrics of this process, served at /metrics. */
const KEY = Symbol.for('kennisnetwerk.metrics');
type Metrics = {
	registry: client.Registry;
	httpDuration: client.Histogram<'method' | 'route' | 'status'>;
};
const store = globalThis as typeof globalThis & { [KEY]?: Metrics };

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
	return { registry, httpDuration };
}

export const metrics: Metrics = (store[KEY] ??= create());
