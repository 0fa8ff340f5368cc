import { describe, expect, it } from 'vitest';
import { baseURL } from './browser';

// What every response carries, and the operational endpoints.
describe('HTTP', () => {
	it('sends the security headers on pages, static files and endpoints', async () => {
		const home = await fetch(`${baseURL()}/`);
		const html = await home.text();
		const asset = html.match(/href="\.?(\/_app\/immutable\/[^"]+\.css)"/)?.[1];
		expect(asset).toBeDefined();
		for (const path of ['/', asset, '/favicon.svg', '/healthz', '/bestaat-niet']) {
			const response = await fetch(`${baseURL()}${path}`);
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp, path).toContain("object-src 'none'");
			expect(csp, path).toContain("base-uri 'none'");
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
			// The test server runs on http: no HSTS there.
			expect(response.headers.get('strict-transport-security'), path).toBeNull();
		}
		expect(home.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
	});

	it('reports health and Prometheus metrics', async () => {
		const health = await fetch(`${baseURL()}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

		const metrics = await fetch(`${baseURL()}/metrics`);
		expect(metrics.headers.get('content-type')).toContain('text/plain');
		const text = await metrics.text();
		expect(text).toContain('process_resident_memory_bytes');
		expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/"[^}]*\} \d+/);
	});

	it('gives every response a request id, and keeps a sane one it was given', async () => {
		const fresh = await fetch(`${baseURL()}/healthz`);
		expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const given = await fetch(`${baseURL()}/healthz`, {
			headers: { 'x-request-id': 'lb-12345678' }
		});
		expect(given.headers.get('x-request-id')).toBe('lb-12345678');
		const bad = await fetch(`${baseURL()}/healthz`, { headers: { 'x-request-id': '<script>' } });
		expect(bad.headers.get('x-request-id')).not.toBe('<script>');
	});

	it('refuses a cross-site mutation whatever its content type', async () => {
		for (const type of [
			'application/json',
			'text/plain',
			'TEXT/PLAIN',
			'application/x-www-form-urlencoded'
		]) {
			const response = await fetch(`${baseURL()}/zoeken`, {
				method: 'POST',
				headers: { origin: 'https://elders.example', 'content-type': type },
				body: type.includes('json') ? '{}' : 'q=1'
			});
			expect(response.status, type).toBe(403);
		}
	});

	it('answers an unknown language choice by keeping Dutch and never redirects off-site', async () => {
		const response = await fetch(`${baseURL()}/taal?naar=xx&terug=//elders.example/pad`, {
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		expect(response.headers.get('set-cookie')).toBeNull();
	});
});
