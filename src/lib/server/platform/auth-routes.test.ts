import { describe, expect, it } from 'vitest';
import { closedAuthEndpoint, isOpenAuthEndpoint } from './auth-routes';

describe('the better-auth endpoints open over HTTP', () => {
	it('lets through only the two links in our mails, with GET', () => {
		expect(isOpenAuthEndpoint('GET', '/api/auth/verify-email')).toBe(true);
		expect(isOpenAuthEndpoint('GET', '/api/auth/reset-password/Ab3dEf9hJk2mNp4qRs6tUv8w')).toBe(
			true
		);
	});

	it('refuses other methods, near-miss paths and everything else', () => {
		for (const [method, path] of [
			['POST', '/api/auth/verify-email'],
			['HEAD', '/api/auth/verify-email'],
			['GET', '/api/auth/verify-email/'],
			['GET', '/api/auth/Verify-Email'],
			['GET', '/api/auth/%76erify-email'],
			['GET', '/api/auth//verify-email'],
			['POST', '/api/auth/reset-password/abc'],
			['GET', '/api/auth/reset-password'],
			['GET', '/api/auth/reset-password/'],
			['GET', '/api/auth/reset-password/abc/def'],
			['GET', '/api/auth/reset-password/..%2Fsign-in%2Femail'],
			['GET', '/api/auth/reset-password/' + 'a'.repeat(201)],
			['POST', '/api/auth/sign-in/email'],
			['POST', '/api/auth/sign-up/email'],
			['POST', '/api/auth/request-password-reset'],
			['POST', '/api/auth/send-verification-email'],
			['GET', '/api/auth/get-session'],
			['GET', '/api/auth/ok']
		] as const) {
			expect(isOpenAuthEndpoint(method, path), `${method} ${path}`).toBe(false);
		}
	});

	it('answers the rest with a 404 in our JSON error shape, in Dutch', async () => {
		const response = closedAuthEndpoint();
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('application/json');
		const body = await response.json();
		expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
		expect(body.error.message).toMatch(/^Dit adres bestaat niet\./);
	});
});
