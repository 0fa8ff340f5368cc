import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';

// The admin's own view of /beheer is covered by two-factor.test.ts (admins need 2FA first).
describe('admin pages', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('send visitors to sign in and refuse members', async () => {
		const visitor = await fetch(`${baseURL()}/beheer/mail`, { redirect: 'manual' });
		expect(visitor.status).toBe(303);
		expect(visitor.headers.get('location')).toBe('/inloggen?terug=%2Fbeheer%2Fmail');

		const { page, close } = await openPage(browser);
		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill('demo-member9@example.org');
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		const response = await page.goto('/beheer/mail');
		expect(response?.status()).toBe(403);
		expect(await page.locator('main').innerText()).toContain('Je hebt geen toegang');
		await close();
	});
});
