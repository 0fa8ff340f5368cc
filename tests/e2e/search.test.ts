import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage, signIn } from './browser';

// Read-only: demo-member1 searches; both accounts this test may use are in the private
// coordinators' room, so the outsider who must not find its threads is a visitor here (members
// outside a private network are covered by features/search/search.int.test.ts).

const HEADER_SEARCH = 'Zoek in het kennisnetwerk';
const PRIVATE_THREAD = 'Gastspreker voor de najaarsbijeenkomst';

describe('search', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('a member searches from the header with an inflected word and a synonym, and filters by kind', async () => {
		const { page, problems, close } = await openPage(browser);
		await signIn(page, 'demo-member1@example.org');

		// Suggestions as you type, following the combobox pattern, chosen with the keyboard.
		const box = page.getByRole('combobox', { name: HEADER_SEARCH });
		await box.focus();
		await page.keyboard.type('accountmanag');
		const listbox = page.getByRole('listbox', { name: 'Suggesties' });
		await listbox.waitFor();
		expect(await box.getAttribute('aria-expanded')).toBe('true');
		await expectAccessible(page);
		await page.keyboard.press('ArrowDown');
		const first = page.getByRole('option').first();
		expect(await first.getAttribute('aria-selected')).toBe('true');
		expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
		await page.keyboard.press('Escape');
		expect(await box.getAttribute('aria-expanded')).toBe('false');

		// "ondernemers" finds the thread that speaks of "de ondernemer".
		await box.fill('');
		await page.keyboard.type('ondernemers');
		await page.keyboard.press('Enter');
		await page.waitForURL(
			(url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'ondernemers'
		);
		const main = page.locator('main');
		await expect
			.poll(() => main.innerText())
			.toContain('Doorverwijzen zonder dat de ondernemer van het kastje naar de muur gaat');
		expect(await main.locator('mark').first().innerText()).toMatch(/^ondernemer/i);
		await expectAccessible(page);

		// A synonym counts as its word: "midden- en kleinbedrijf" finds what says "mkb".
		await page.getByRole('combobox', { name: HEADER_SEARCH }).fill('midden- en kleinbedrijf');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('q') === 'midden- en kleinbedrijf');
		await expect
			.poll(() => main.innerText())
			.toContain('Hoe meten jullie het effect van mkb-regelingen?');

		// Filter on discussions: the facet link, then only discussions.
		await page.getByRole('link', { name: /^Discussies \(\d+\)$/ }).click();
		await page.waitForURL((url) => url.searchParams.get('soort') === 'discussies');
		expect(
			await page.getByRole('link', { name: /^Discussies \(\d+\)$/ }).getAttribute('aria-current')
		).toBe('page');
		await expectAccessible(page);

		// The private room's thread, for its member.
		await page.goto('/zoeken?q=netcongestie');
		await expect.poll(() => main.innerText()).toContain(PRIVATE_THREAD);
		expect(problems).toEqual([]);
		await close();
	});

	it('keeps a private network’s thread from an outsider, on the page and in the API', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/zoeken?q=netcongestie');
		const main = page.locator('main');
		await expect.poll(() => main.innerText()).toContain('Geen resultaten voor “netcongestie”');
		expect(await main.innerText()).not.toContain(PRIVATE_THREAD);
		await expectAccessible(page);

		const api = await fetch(`${baseURL()}/api/v1/search?q=netcongestie`, {
			headers: { accept: 'application/json' }
		});
		expect(api.status).toBe(200);
		expect(await api.json()).toMatchObject({ items: [], total: 0, facets: [] });
		const suggestions = await fetch(`${baseURL()}/zoeken/suggesties?q=netcongest`);
		expect((await suggestions.json()).items).toEqual([]);
		await close();
	});

	it('answers bad queries with a Dutch message, and the API with a 400 and a stable code', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		const main = page.locator('main');
		for (const q of ['"', '*', 'NEAR(', ':']) {
			const response = await page.goto(`/zoeken?q=${encodeURIComponent(q)}`);
			expect(response?.status()).toBe(200);
		}
		await page.goto('/zoeken?q=*%20%3A%20%22');
		expect(await main.innerText()).toContain('Typ een of meer woorden om te zoeken.');
		await page.goto(`/zoeken?q=${'a'.repeat(10_000)}`);
		expect(await main.innerText()).toContain('Je zoekvraag is te lang.');
		await close();

		const codeOf = async (q: string) => {
			const response = await fetch(`${baseURL()}/api/v1/search?q=${encodeURIComponent(q)}`, {
				headers: { accept: 'application/json' }
			});
			return { status: response.status, body: (await response.json()) as unknown };
		};
		expect(await codeOf('" * :')).toMatchObject({
			status: 400,
			body: { error: { code: 'query_empty' } }
		});
		expect(await codeOf('x'.repeat(10_000))).toMatchObject({
			status: 400,
			body: { error: { code: 'query_too_long' } }
		});
		const zwolle = await codeOf('zwolle');
		expect(zwolle.status).toBe(200);
		expect(JSON.stringify(zwolle.body)).toContain('<mark>Zwolle</mark>');
	});
});
