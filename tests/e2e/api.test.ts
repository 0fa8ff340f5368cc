import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';

const api = (path: string, init: RequestInit = {}) => fetch(`${baseURL()}${path}`, init);

describe('API with personal tokens', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('answers 401 in JSON without a session or with a bad token', async () => {
		const headers: Record<string, string>[] = [
			{},
			{ authorization: 'Bearer kn_nietgeldig' },
			{ authorization: 'Bearer kn_' + 'a'.repeat(43) }
		];
		for (const h of headers) {
			const response = await api('/api/v1/me', { headers: h });
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				error: { code: 'unauthorized', message: expect.any(String) }
			});
		}
	});

	it('creates a token on the profile page, uses it, lists it and revokes it', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill('demo-member10@example.org');
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/');

		await page.goto('/profiel/tokens');
		await expectAccessible(page);
		await page.getByLabel('Naam van het token').fill('Rapportage provincie');
		await page.getByRole('button', { name: 'Token aanmaken' }).click();
		const token = (await page.getByTestId('new-token').innerText()).trim();
		expect(token).toMatch(/^kn_[\w-]{43}$/);
		await expectAccessible(page);

		const headers = { authorization: `Bearer ${token}` };
		const me = await api('/api/v1/me', { headers });
		expect(me.status).toBe(200);
		expect(await me.json()).toMatchObject({ email: 'demo-member10@example.org', role: 'member' });

		// A token is not a cookie: cross-site checks do not apply, and it creates another token.
		const created = await api('/api/v1/me/tokens', {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Koppeling' })
		});
		expect(created.status).toBe(201);
		const second = await created.json();
		expect(second).toMatchObject({
			id: expect.any(String),
			name: 'Koppeling',
			token: expect.stringMatching(/^kn_/)
		});

		const bad = await api('/api/v1/me/tokens', {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/json' },
			body: '{"name": ""}'
		});
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('invalid_input');
		const notJson = await api('/api/v1/me/tokens', {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/json' },
			body: '{'
		});
		expect((await notJson.json()).error.code).toBe('invalid_json');

		const list = await (await api('/api/v1/me/tokens', { headers })).json();
		expect(list).toMatchObject({ total: 2, next: null });
		expect(JSON.stringify(list)).not.toContain(token);

		expect(
			(await api(`/api/v1/me/tokens/${second.id}`, { method: 'DELETE', headers })).status
		).toBe(204);
		expect(
			(await api(`/api/v1/me/tokens/${second.id}`, { method: 'DELETE', headers })).status
		).toBe(404);
		expect(
			(await api('/api/v1/me', { headers: { authorization: `Bearer ${second.token}` } })).status
		).toBe(401);

		await page.goto('/profiel/tokens');
		await page.getByRole('button', { name: 'Token Rapportage provincie intrekken' }).click();
		await expect.poll(() => page.getByRole('status').innerText()).toBe('Het token is ingetrokken.');
		expect((await api('/api/v1/me', { headers })).status).toBe(401);
		await close();
	});

	it('publishes an OpenAPI document', async () => {
		const doc = await (await api('/api/openapi.json')).json();
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths)).toContain('/api/v1/me');
	});
});
