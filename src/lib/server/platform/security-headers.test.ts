import { describe, expect, it } from 'vitest';
import { FALLBACK_CSP, securityHeaders } from './security-headers';

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
