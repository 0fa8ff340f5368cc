import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser';

describe('keyboard and language', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('starts with a skip link that moves focus to the content', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/netwerken');
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		expect(await focused.innerText()).toBe('Naar de inhoud');
		expect(await focused.isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
		await close();
	});

	it('reaches every main navigation link with Tab and follows it with Enter', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/');
		const reached: string[] = [];
		for (let i = 0; i < 15 && !reached.includes('Zoeken'); i++) {
			await page.keyboard.press('Tab');
			const inNav = await page.evaluate(() => !!document.activeElement?.closest('nav'));
			if (inNav) reached.push(await page.locator(':focus').innerText());
		}
		expect(reached).toEqual([
			'Kennis',
			'Evenementen',
			'Leden',
			'Netwerken',
			'Organisaties',
			"Programma's",
			'Zoeken'
		]);
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter'); // Netwerken
		await page.waitForURL('**/netwerken');
		expect(await page.locator('nav a[aria-current="page"]').innerText()).toBe('Netwerken');
		await close();
	});

	it('searches from the header with the keyboard, also without JavaScript', async () => {
		for (const javaScript of [true, false]) {
			const { page, close } = await openPage(browser, { javaScript });
			await page.goto('/');
			// A combobox with suggestions once JavaScript runs, a plain search field without it.
			await page.getByLabel('Zoek in het kennisnetwerk', { exact: true }).focus();
			await page.keyboard.type('zwolle');
			await page.keyboard.press('Enter');
			await page.waitForURL(
				(url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'zwolle'
			);
			const main = page.locator('main');
			await expect.poll(() => main.innerText()).toContain('Gemeente Zwolle');
			expect(await main.innerText()).toContain('Regio Zwolle');
			// axe runs inside the page, so only where JavaScript is on; the HTML is the same.
			if (javaScript) await expectAccessible(page);
			await close();
		}
	});

	it('switches to English and back, and remembers the choice', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/netwerken');
		await page.getByRole('link', { name: 'English' }).click();
		await page.waitForURL('**/netwerken');
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').innerText()).toBe('Networks and communities');
		expect(await page.locator('nav').innerText()).toContain('Knowledge');
		await expectAccessible(page);

		await page.goto('/privacy');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').innerText()).toBe('Privacy statement');

		await page.getByRole('link', { name: 'Nederlands' }).click();
		await page.waitForURL('**/privacy');
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
		expect(await page.locator('h1').innerText()).toBe('Privacyverklaring');
		await close();
	});
});
