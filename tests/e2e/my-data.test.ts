import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn as signInAt } from './browser';
import { DEMO_PASSWORD } from './global-setup';

function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	return signInAt(page, email, { password, landing: null });
}

describe('my data (GDPR)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('sends a visitor to sign in first', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		await page.goto('/profiel/gegevens');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		expect(new URL(page.url()).searchParams.get('terug')).toBe('/profiel/gegevens');
		const response = await page.request.get('/profiel/gegevens/export', { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		await close();
	});

	it('shows the page and a wrong password in Dutch, accessibly', async () => {
		// axe needs JavaScript; the forms do not (see the next test).
		const { page, close } = await openPage(browser);
		await signIn(page, 'demo-member25@example.org');
		await page.waitForURL((url) => url.pathname === '/');
		await page.goto('/profiel/gegevens');
		expect(await page.locator('h1').innerText()).toBe('Mijn gegevens');
		await expectAccessible(page);
		await page.getByLabel('Je wachtwoord, ter bevestiging').fill('niet-mijn-wachtwoord-2026');
		await page.getByRole('checkbox', { name: 'Verwijder ook mijn bijdragen' }).check();
		await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
		expect(await page.getByRole('alert').innerText()).toBe(
			'Dat wachtwoord klopt niet. Je account is niet verwijderd.'
		);
		expect(
			await page.getByRole('checkbox', { name: 'Verwijder ook mijn bijdragen' }).isChecked()
		).toBe(true);
		await expectAccessible(page);
		await page.goto('/account-verwijderd');
		await expectAccessible(page);
		await close();
	});

	it('downloads everything about a member and deletes the account with the password, without JavaScript', async () => {
		const email = 'demo-member26@example.org';
		const { page, close } = await openPage(browser, { javaScript: false });
		await signIn(page, email);
		await page.waitForURL((url) => url.pathname === '/');
		await page.goto('/profiel/gegevens');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click()
		]);
		expect(download.suggestedFilename()).toBe('kennisnetwerk-gegevens.json');
		const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
		expect(exported.user.email).toBe(email);
		expect(exported.tables.accounts.user_id[0].password).toBe('[verborgen]');
		expect(exported.tables.sessions.user_id.length).toBeGreaterThan(0);
		expect(JSON.stringify(exported)).not.toContain(DEMO_PASSWORD);

		await page.getByLabel('Je wachtwoord, ter bevestiging').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
		await page.waitForURL((url) => url.pathname === '/account-verwijderd');
		expect(await page.locator('h1').innerText()).toBe('Je account is verwijderd');
		expect(await page.getByRole('status').innerText()).toContain('je bent uitgelogd');
		const cookies = await page.context().cookies();
		expect(cookies.find((c) => c.name === 'kn.session_token')).toBeUndefined();

		await page.goto('/profiel/gegevens');
		expect(new URL(page.url()).pathname).toBe('/inloggen');
		await signIn(page, email);
		expect(await page.getByRole('alert').innerText()).toBe(
			'Het e-mailadres of het wachtwoord klopt niet.'
		);
		await close();
	});
});
