import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';
import { totp } from '../../src/lib/server/testing/totp';

describe('two-step verification for the demo admin', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('cannot be skipped, is set up with an authenticator, and is asked at the next sign-in', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill('demo-admin@example.org');
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/profiel/tweestaps');
		expect(await page.locator('main').innerText()).toContain(
			'Als beheerder moet je eerst tweestapsverificatie instellen'
		);
		await expectAccessible(page);

		// No page, admin or otherwise, lets the admin past the set-up.
		for (const path of ['/', '/beheer/mail', '/netwerken', '/zoeken?q=mkb']) {
			await page.goto(path);
			expect(new URL(page.url()).pathname, path).toBe('/profiel/tweestaps');
		}
		const api = await page.request.get('/api/v1/me');
		expect(api.status()).toBe(403);
		expect((await api.json()).error.code).toBe('two_factor_required');

		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Doorgaan' }).click();
		const secret = (await page.getByTestId('totp-secret').innerText()).trim();
		expect(secret).toMatch(/^[A-Z2-7]+=*$/);
		const backupCodes = await page.locator('.kn-codes code').allInnerTexts();
		expect(backupCodes.length).toBeGreaterThanOrEqual(8);
		await expectAccessible(page);

		await page
			.getByLabel('Code van zes cijfers')
			.fill('000000' === totp(secret) ? '111111' : '000000');
		await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
		expect(await page.getByRole('alert').innerText()).toContain('Deze code klopt niet');

		await page.getByLabel('Code van zes cijfers').fill(totp(secret));
		await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
		await page.waitForURL((url) => url.pathname === '/profiel/tweestaps');
		expect(await page.getByRole('status').innerText()).toBe(
			'Tweestapsverificatie staat aan voor je account.'
		);

		const outbox = await page.goto('/beheer/mail');
		expect(outbox?.status()).toBe(200);
		await expectAccessible(page);

		// Next sign-in: password, then a code (here a backup code, which works once).
		await page.locator('header').getByRole('button', { name: 'Uitloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/uitloggen');
		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill('demo-admin@example.org');
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/inloggen/tweestaps');
		await expectAccessible(page);
		// Without the second step there is no session.
		await page.goto('/beheer/mail');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		await page.goBack();
		await page.goto('/inloggen/tweestaps');
		await page.getByLabel('Reservecode').fill(backupCodes[0]!);
		await page.getByRole('button', { name: 'Inloggen met reservecode' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('h1').innerText()).toMatch(/^Welkom, /);
		await close();
	});
});
