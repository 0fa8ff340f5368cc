import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';

// Organisations: the list with its filters and an organisation's page, for visitors and members.
// Account of this file only: demo-member4 (Sjoerd Hoekstra, Provincie Fryslân), who follows and
// unfollows; Gemeente Amsterdam is where demo-member18 (Sarah Cohen) works.

describe('organisations', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('lets a visitor filter the list by type, province and G4, and keeps members for members', async () => {
		const { page, problems, close } = await openPage(browser);
		await page.goto('/');
		await page
			.getByRole('navigation', { name: 'Hoofdmenu' })
			.getByRole('link', { name: 'Organisaties' })
			.click();
		await page.waitForURL((url) => url.pathname === '/organisaties');
		expect(await page.locator('h1').innerText()).toBe('Organisaties');
		await expectAccessible(page);

		await page.getByLabel('Soort organisatie').selectOption({ label: 'Gemeente' });
		await page.getByLabel('G4 of G40').selectOption('g4');
		await page.locator('main').getByRole('button', { name: 'Zoeken' }).click();
		await page.waitForURL((url) => url.searchParams.get('groep') === 'g4');
		const names = () => page.locator('tbody tr td:first-child a').allInnerTexts();
		await expect
			.poll(names)
			.toEqual(
				expect.arrayContaining([
					'Gemeente Amsterdam',
					'Gemeente Rotterdam',
					'Gemeente Den Haag',
					'Gemeente Utrecht'
				])
			);
		expect(await names()).toHaveLength(4);
		expect(await page.getByRole('status').innerText()).toBe('Gevonden organisaties: 4');

		// A third filter narrows further; the URL holds all three.
		await page.getByLabel('Provincie').selectOption({ label: 'Noord-Holland' });
		await page.locator('main').getByRole('button', { name: 'Zoeken' }).click();
		await page.waitForURL((url) => url.searchParams.get('provincie') === 'NL-NH');
		await expect.poll(names).toEqual(['Gemeente Amsterdam']);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Gemeente Amsterdam' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/organisaties/'));
		expect(await page.locator('h1').innerText()).toBe('Gemeente Amsterdam');
		const main = page.locator('main');
		expect(await main.innerText()).toContain('G4: een van de vier grootste steden');
		expect(await main.innerText()).toContain('Wie van deze organisatie lid is, zien alleen leden.');
		expect(await main.getByRole('button', { name: /volgen/ }).count()).toBe(0);
		await expectAccessible(page);

		// Nothing found is said in words, not as an empty table.
		await page.goto('/organisaties?q=bestaat-echt-niet');
		expect(await page.locator('main').innerText()).toContain('Geen organisaties gevonden.');
		expect(problems).toEqual([]);
		await close();
	});

	it('shows a member who works there, and lets a member follow and unfollow it', async () => {
		const { page, problems, close } = await openPage(browser);
		await signIn(page, 'demo-member4@example.org');
		await page.goto('/organisaties?q=amsterdam');
		await page.getByRole('link', { name: 'Gemeente Amsterdam' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/organisaties/'));
		const members = page.getByRole('region', { name: 'Leden' });
		expect(await members.getByRole('link', { name: 'Sarah Cohen' }).getAttribute('href')).toMatch(
			/^\/leden\//
		);

		await page.getByRole('button', { name: 'Gemeente Amsterdam volgen' }).click();
		await page.waitForURL((url) => url.searchParams.get('volgen') === 'aan');
		expect(await page.getByRole('status').allInnerTexts()).toContain(
			'Je volgt nu Gemeente Amsterdam.'
		);
		await expectAccessible(page);

		// What I follow lists it with a link back, and unfollows it there.
		await page.goto('/profiel/volgend');
		const organisations = page.getByRole('region', { name: 'Organisaties' });
		expect(await organisations.getByRole('link', { name: 'Gemeente Amsterdam' }).count()).toBe(1);
		await expectAccessible(page);
		await organisations
			.getByRole('button', { name: 'Gemeente Amsterdam niet meer volgen' })
			.click();
		await page.waitForURL((url) => url.searchParams.get('volgen') === 'uit');
		expect(await page.getByRole('region', { name: 'Organisaties' }).count()).toBe(0);
		expect(problems).toEqual([]);
		await close();
	});
});
