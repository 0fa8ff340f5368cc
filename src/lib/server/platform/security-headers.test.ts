import { describe, expect, it } from 'vitest';
import { FALLBACK_CSP, isFramable, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
	it('always sends nosniff and a referrer policy, HSTS only on https', () => {
		expect(securityHeaders(false)).toMatchObject({
			'X-Content-Type-Options': 'nosniff',
			'Referrer-Policy': 'strict-origin-when-cross-origin'
		});
		expect(securityHeaders(false)).not.toHaveProperty('Strict-Transport-Security');
		expect(securityHeaders(true)['Strict-Transport-Security']).toMatch(/max-age=\d+/);
	});

	it('falls back to a policy that forbids plugins, base changes and framing', () => {
		for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
			expect(FALLBACK_CSP).toContain(directive);
		}
	});
});

describe('framing', () => {
	it('forbids framing everywhere but the embeddable event list', () => {
		for (const path of [
			'/',
			'/evenementen',
			'/embedded',
			'/embed',
			'/embed/../beheer',
			'/x/embed/'
		]) {
			expect(isFramable(path), path).toBe(false);
			expect(securityHeaders(false, path)['X-Frame-Options'], path).toBe('DENY');
		}
		for (const path of ['/embed/evenementen', '/embed/evenementen.json?thema=x']) {
			expect(isFramable(path), path).toBe(true);
			expect(securityHeaders(false, path), path).not.toHaveProperty('X-Frame-Options');
			expect(securityHeaders(false, path)['X-Content-Type-Options'], path).toBe('nosniff');
		}
	});
});
