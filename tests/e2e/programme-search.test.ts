import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage, signIn } from './browser';

// Read-only: the demo's regional knowledge programmes in the site search. "Regio Zwolle: …" is
// public; "Samen sterker in accountmanagement: …" is for members only.

const PUBLIC_PROGRAMME = 'Regio Zwolle: leiderschap, netwerk en nieuwe kennis';
const MEMBERS_PROGRAMME = 'Samen sterker in accountmanagement: Regio Groningen-Assen';

describe('programmes in search', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('a visitor finds a public programme under its kind and follows its link, never a members one', async () => {
		const { page, problems, close } = await openPage(browser);
		await page.goto('/zoeken?q=leiderschap');
		const main = page.locator('main');
		const filter = main.getByRole('link', { name: /^Programma's/ });
		await filter.waitFor();
		await filter.click();
		await page.waitForURL((url) => url.searchParams.get('soort') === 'programmas');
		const hit = main.getByRole('link', { name: PUBLIC_PROGRAMME });
		await hit.waitFor();
		expect(await hit.getAttribute('href')).toMatch(/^\/programmas\/[a-z0-9-]+$/);
		await expectAccessible(page);
		await hit.click();
		await page.waitForURL((url) => url.pathname.startsWith('/programmas/'));
		await expect
			.poll(() => page.getByRole('heading', { level: 1 }).innerText())
			.toBe(PUBLIC_PROGRAMME);

		await page.goto('/zoeken?q=Groningen-Assen&soort=programmas');
		await expect.poll(() => main.innerText()).toContain('Groningen-Assen');
		expect(await main.innerText()).not.toContain(MEMBERS_PROGRAMME);

		const api = await fetch(`${baseURL()}/api/v1/search?q=accountmanagement&kind=programme`, {
			headers: { accept: 'application/json' }
		});
		expect(api.status).toBe(200);
		expect(await api.json()).toMatchObject({ items: [], total: 0 });
		const found = await fetch(`${baseURL()}/api/v1/search?q=Zwolle&kind=programme`, {
			headers: { accept: 'application/json' }
		});
		const body = (await found.json()) as { items: { kind: string; title: string; url: string }[] };
		expect(body.items.map((i) => [i.kind, i.title])).toEqual([['programme', PUBLIC_PROGRAMME]]);
		expect(body.items[0]?.url).toMatch(/^\/programmas\//);
		expect(problems).toEqual([]);
		await close();
	});

	it('a member finds the members programme too', async () => {
		const { page, close } = await openPage(browser);
		await signIn(page, 'demo-member1@example.org');
		await page.goto('/zoeken?q=accountmanagement&soort=programmas');
		const main = page.locator('main');
		await main.getByRole('link', { name: MEMBERS_PROGRAMME }).waitFor();
		const api = await page.request.get('/api/v1/search?q=accountmanagement&kind=programme');
		const body = (await api.json()) as { items: { kind: string; title: string }[] };
		expect(body.items.map((i) => [i.kind, i.title])).toEqual([['programme', MEMBERS_PROGRAMME]]);
		await close();
	});
});
