import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn as signInAt } from './browser';
import { DEMO_PASSWORD } from './global-setup';

function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	return signInAt(page, email, { password, landing: null });
}

describe('signing in and out', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('signs a demo member in with the keyboard, to their own start page, and out again', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/inloggen');
		await expectAccessible(page);
		await page.getByLabel('E-mailadres').focus();
		await page.keyboard.type('demo-member5@example.org');
		await page.keyboard.press('Tab');
		await page.keyboard.type(DEMO_PASSWORD);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/');
		await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Welkom, /);
		expect(await page.locator('main').innerText()).toContain('demo-member5@example.org');
		await expectAccessible(page);

		const cookies = await page.context().cookies();
		const session = cookies.find((c) => c.name === 'kn.session_token');
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

		await page.locator('header').getByRole('button', { name: 'Uitloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/uitloggen');
		expect(await page.getByRole('status').innerText()).toBe('Je bent uitgelogd.');
		await expectAccessible(page);
		await page.goto('/');
		expect(await page.locator('h1').innerText()).toBe('Kennisnetwerk Regionale Economie');
		await close();
	});

	it('says in Dutch when the password is wrong, without saying which part', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		await signIn(page, 'demo-member6@example.org', 'niet-het-goede-wachtwoord');
		expect(await page.getByRole('alert').innerText()).toBe(
			'Het e-mailadres of het wachtwoord klopt niet.'
		);
		await signIn(page, 'niemand@example.org', 'niet-het-goede-wachtwoord');
		expect(await page.getByRole('alert').innerText()).toBe(
			'Het e-mailadres of het wachtwoord klopt niet.'
		);
		expect(await page.getByLabel('E-mailadres').inputValue()).toBe('niemand@example.org');
		await close();
	});

	it('issues a new session at sign-in and forgets the old one at sign-out (no fixation, no replay)', async () => {
		const { page, close } = await openPage(browser);
		await signIn(page, 'demo-member7@example.org');
		await page.waitForURL((url) => url.pathname === '/');
		const first = (await page.context().cookies()).find((c) => c.name === 'kn.session_token');
		await page.locator('header').getByRole('button', { name: 'Uitloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/uitloggen');

		// Replaying the old cookie after sign-out gets a visitor's page.
		await page.context().addCookies([{ ...first!, expires: -1 }]);
		await page.goto('/');
		expect(await page.locator('h1').innerText()).toBe('Kennisnetwerk Regionale Economie');

		await signIn(page, 'demo-member7@example.org');
		await page.waitForURL((url) => url.pathname === '/');
		const second = (await page.context().cookies()).find((c) => c.name === 'kn.session_token');
		expect(second?.value).not.toBe(first?.value);
		await close();
	});

	it('signs out everywhere: a second device loses its session too', async () => {
		const laptop = await openPage(browser);
		const phone = await openPage(browser);
		for (const device of [laptop, phone]) {
			await signIn(device.page, 'demo-member8@example.org');
			await device.page.waitForURL((url) => url.pathname === '/');
		}
		await laptop.page.goto('/uitloggen');
		await laptop.page.getByRole('button', { name: 'Overal uitloggen' }).click();
		await laptop.page.waitForURL((url) => url.pathname === '/uitloggen');
		await phone.page.goto('/');
		expect(await phone.page.locator('h1').innerText()).toBe('Kennisnetwerk Regionale Economie');
		await laptop.close();
		await phone.close();
	});
});
