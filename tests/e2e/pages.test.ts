import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser';

// Every public page: answers, is Dutch, has one h1, passes axe and breaks no CSP rule.
const PAGES: { path: string; status: number; h1: string | RegExp }[] = [
	{ path: '/', status: 200, h1: 'Kennisnetwerk Regionale Economie' },
	{ path: '/netwerken', status: 200, h1: 'Netwerken en communities' },
	{ path: '/programmas', status: 200, h1: 'Kennisprogramma’s op maat'.replace('’', "'") },
	{ path: '/kennis', status: 200, h1: 'Kennisbank: wat werkt' },
	{ path: '/evenementen', status: 200, h1: 'Evenementen' },
	{ path: '/zoeken', status: 200, h1: 'Zoeken' },
	{ path: '/zoeken?q=zwolle', status: 200, h1: 'Zoeken' },
	{ path: '/aanmelden', status: 200, h1: 'Lid worden' },
	{ path: '/toegankelijkheid', status: 200, h1: 'Toegankelijkheid' },
	{ path: '/privacy', status: 200, h1: 'Privacyverklaring' },
	{ path: '/bestaat-niet', status: 404, h1: 'Pagina niet gevonden' }
];

describe('public pages', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it.each(PAGES)('$path is Dutch, accessible and within the CSP', async ({ path, status, h1 }) => {
		const { page, problems, close } = await openPage(browser);
		const response = await page.goto(path);
		expect(response?.status()).toBe(status);
		expect(await page.getAttribute('html', 'lang')).toBe('nl');
		await expect.poll(() => page.locator('h1').allInnerTexts()).toEqual([h1]);
		expect(await page.title()).not.toBe('');
		await expectAccessible(page);
		expect(problems.filter((p) => /Content Security Policy|Uncaught|TypeError/.test(p))).toEqual(
			[]
		);
		await close();
	});

	it('tells the story of the network to visitors, with its partners, networks and regions', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/');
		const main = page.locator('main');
		for (const text of [
			'Drie netwerken',
			'EZ-medewerkers van provincies',
			'MKB-Deals',
			'Accountmanagers en bedrijfscontactfunctionarissen',
			'Regio Groningen-Assen',
			'Noordoost-Brabant',
			'Regio Zwolle',
			'Zuid-Holland',
			'Platform31',
			'Stichting CLOK',
			'Meedoen'
		]) {
			await expect.poll(() => main.innerText()).toContain(text);
		}
		// The demo makes the reach figures real: members in all twelve provinces.
		await expect.poll(() => main.innerText()).toContain('12\nvan de 12 provincies');
		await close();
	});

	it('offers share links without third-party scripts, and copies the link with JavaScript', async () => {
		const { page, close } = await openPage(browser);
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/');
		const share = page.getByRole('region', { name: 'Deel deze pagina via' });
		const here = encodeURIComponent(page.url());
		expect(await share.getByRole('link', { name: /LinkedIn/ }).getAttribute('href')).toContain(
			here
		);
		expect(await share.getByRole('link', { name: /WhatsApp/ }).getAttribute('href')).toContain(
			here
		);
		expect(await share.getByRole('link', { name: 'E-mail' }).getAttribute('href')).toMatch(
			/^mailto:/
		);
		await share.getByRole('button', { name: 'Link kopiëren' }).click();
		await expect.poll(() => share.getByRole('status').innerText()).toBe('De link is gekopieerd.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
		const scripts = await page
			.locator('script[src]')
			.evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src));
		expect(scripts.every((src) => src.startsWith(new URL(page.url()).origin))).toBe(true);
		await close();
	});

	it('shows a 500 page in Dutch with a reference id and no stack trace', async () => {
		const { page, close } = await openPage(browser);
		const response = await page.goto('/test-fout');
		expect(response?.status()).toBe(500);
		const text = await page.locator('main').innerText();
		expect(text).toContain('Er ging iets mis');
		const id = text.match(/referentie als je contact opneemt: ([0-9a-f-]{36})/)?.[1];
		expect(id).toBeDefined();
		expect(response?.headers()['x-request-id']).toBe(id);
		expect(await page.content()).not.toMatch(/Opzettelijke fout|at .*\.js:\d+/);
		await expectAccessible(page);
		await close();
	});
});
