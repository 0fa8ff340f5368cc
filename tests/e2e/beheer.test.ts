import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';

describe('admin mail outbox', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function signedIn(email: string) {
		const opened = await openPage(browser);
		await opened.page.goto('/inloggen');
		await opened.page.getByLabel('E-mailadres').fill(email);
		await opened.page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await opened.page.getByRole('button', { name: 'Inloggen' }).click();
		await opened.page.waitForURL((url) => url.pathname === '/');
		return opened;
	}

	it('is closed to visitors and members', async () => {
		const visitor = await fetch(`${(await import('./browser')).baseURL()}/beheer/mail`);
		expect(visitor.status).toBe(403);
		const { page, close } = await signedIn('demo-member9@example.org');
		const response = await page.goto('/beheer/mail');
		expect(response?.status()).toBe(403);
		await close();
	});

	it('shows the outbox to the admin, accessibly', async () => {
		const { page, close } = await signedIn('demo-admin@example.org');
		const response = await page.goto('/beheer/mail');
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').count()).toBe(1);
		await expectAccessible(page);
		await close();
	});
});
