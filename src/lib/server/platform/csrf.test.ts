import { describe, expect, it } from 'vitest';
import { isCrossSiteMutation } from './csrf';

const url = new URL('https://kennisnetwerk.example/api/v1/iets');
const req = (method: string, headers: Record<string, string>) =>
	new Request(url, { method, headers });

describe('isCrossSiteMutation', () => {
	it('refuses a JSON, text/plain or upper-case content type post from another origin', () => {
		for (const type of ['application/json', 'text/plain', 'TEXT/PLAIN', 'Application/JSON']) {
			expect(
				isCrossSiteMutation(
					req('POST', { origin: 'https://evil.example', 'content-type': type }),
					url
				)
			).toBe(true);
		}
		expect(isCrossSiteMutation(req('DELETE', { origin: 'https://evil.example' }), url)).toBe(true);
	});

	it('lets same-origin mutations and all reads through', () => {
		expect(isCrossSiteMutation(req('POST', { origin: 'https://kennisnetwerk.example' }), url)).toBe(
			false
		);
		expect(isCrossSiteMutation(req('GET', { origin: 'https://evil.example' }), url)).toBe(false);
	});

	it('uses Sec-Fetch-Site when there is no Origin header', () => {
		expect(isCrossSiteMutation(req('PUT', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
		expect(isCrossSiteMutation(req('PUT', { 'sec-fetch-site': 'same-origin' }), url)).toBe(false);
	});

	it('does not apply to bearer-token API clients', () => {
		expect(
			isCrossSiteMutation(
				req('POST', { origin: 'https://elders.example', authorization: 'Bearer abc' }),
				url
			)
		).toBe(false);
	});
});
