import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocxBomb } from '../../src/lib/server/testing/zip';
import { baseURL, expectAccessible, launchBrowser, openPage, signIn } from './browser';

// The knowledge library. Accounts of this file only: demo-member36 (Janneke Prins, Gemeente
// Dordrecht, Zuid-Holland) writes a practice example with an attachment; demo-member38 (Sanne Evers, Gemeente
// Heerlen, Limburg) applies it; demo-member37 (Tom de Graaf) edits nothing of hers; the demo
// editor features it.

describe('knowledge library', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('a member writes a practice example, publishes it, finds it, and another organisation applies it', async () => {
		const author = await openPage(browser);
		author.page.setDefaultTimeout(20_000);
		await signIn(author.page, 'demo-member36@example.org');
		await author.page.goto('/kennis');
		await expectAccessible(author.page);
		await author.page.getByRole('link', { name: 'Kennis delen' }).first().click();
		await author.page.waitForURL((url) => url.pathname === '/kennis/nieuw');
		await expectAccessible(author.page);

		// Publishing an empty form is refused next to the fields, in Dutch.
		await author.page.getByRole('button', { name: 'Publiceren' }).click();
		await author.page.getByRole('alert').first().waitFor();
		expect(await author.page.getByRole('alert').allInnerTexts()).toEqual(
			expect.arrayContaining(['Geef je kennisitem een titel.', 'Schrijf een korte samenvatting.'])
		);
		await expectAccessible(author.page);

		const title = `Dordtse ondernemerskoffie ${Date.now()}`;
		await author.page.getByLabel('Praktijkvoorbeeld').check();
		await author.page.getByLabel('Titel').fill(title);
		await author.page
			.getByLabel('Samenvatting')
			.fill('Elke maand koffie met ondernemers uit één straat: korte lijnen en snelle hulp.');
		await author.page
			.getByLabel('De opgave', { exact: true })
			.fill('Ondernemers wisten de gemeente niet te vinden.');
		await author.page
			.getByLabel('De aanpak', { exact: true })
			.fill('Een vaste koffieochtend per straat.');
		await author.page
			.getByLabel('Het resultaat', { exact: true })
			.fill('120 ondernemers gesproken in een jaar.');
		await author.page
			.getByLabel('Kosten en financiering', { exact: true })
			.fill('€ 5.000 per jaar, van de gemeente.');

		// The toolbar puts Markdown around the selection; the preview shows it as it will be stored.
		const body = author.page.getByRole('textbox', { name: 'Toelichting' });
		await body.fill('koffie');
		await body.selectText();
		await author.page
			.getByRole('toolbar', { name: 'Opmaak voor Toelichting' })
			.getByRole('button', { name: 'Vet' })
			.click();
		expect(await body.inputValue()).toBe('**koffie**');
		await body.press('End');
		await body.pressSequentially(' <script>window.gehackt = true</script>');
		const preview = author.page.getByRole('region', { name: 'Voorbeeld' });
		await expect.poll(() => preview.locator('strong').allInnerTexts()).toEqual(['koffie']);
		expect(await preview.locator('script').count()).toBe(0);

		await author.page.getByLabel('Human capital').check();
		await author.page.getByLabel('Zuid-Holland').check();
		await author.page.getByLabel('Openbaar: iedereen').check();
		await expectAccessible(author.page);
		await author.page.getByRole('button', { name: 'Publiceren' }).click();
		await author.page.waitForURL((url) =>
			/^\/kennis\/dordtse-ondernemerskoffie-\d+$/.test(url.pathname)
		);
		const itemPath = new URL(author.page.url()).pathname;
		expect(await author.page.locator('h1').innerText()).toBe(title);
		expect(await author.page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(
			expect.arrayContaining(['De opgave', 'De aanpak', 'Het resultaat', 'In het kort'])
		);
		const facts = author.page.getByRole('complementary', { name: 'In het kort' });
		expect(await facts.innerText()).toContain('Zuid-Holland');
		expect(await facts.innerText()).toContain('€ 5.000 per jaar, van de gemeente.');
		expect(await author.page.locator('article script').count()).toBe(0);
		expect(
			await author.page.evaluate(() => (window as { gehackt?: boolean }).gehackt)
		).toBeUndefined();
		// A public item carries Open Graph and Twitter card metadata.
		expect(await author.page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
			title
		);
		expect(await author.page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe(
			'summary'
		);
		await expectAccessible(author.page);

		// An edit is a new version; the history shows the difference.
		await author.page.getByRole('link', { name: 'Bewerken' }).click();
		await author.page.waitForURL((url) => url.pathname === `${itemPath}/bewerken`);
		await author.page
			.getByLabel('Het resultaat', { exact: true })
			.fill('150 ondernemers gesproken in een jaar.');
		await author.page.getByRole('button', { name: 'Opslaan' }).click();
		await author.page.waitForURL((url) => url.pathname === itemPath);
		await author.page.getByRole('link', { name: 'Versies' }).click();
		await author.page.waitForURL((url) => url.pathname === `${itemPath}/versies`);
		expect(await author.page.locator('.kn-diff del').allTextContents()).toEqual([
			'Weggehaald: 120 ondernemers gesproken in een jaar.'
		]);
		expect(await author.page.locator('.kn-diff ins').allTextContents()).toEqual([
			'Toegevoegd: 150 ondernemers gesproken in een jaar.'
		]);
		await expectAccessible(author.page);
		// She attaches the handout: a real PDF is taken, a script dressed as a PDF is refused.
		await author.page.goto(itemPath);
		await author.page.getByRole('link', { name: 'Bijlagen beheren' }).click();
		await author.page.waitForURL((url) => url.pathname === `${itemPath}/bijlagen`);
		await expectAccessible(author.page);
		const file = author.page.getByLabel('Bestand', { exact: true });
		await file.setInputFiles({
			name: 'Draaiboek koffieochtend.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
		});
		await author.page.getByRole('button', { name: 'Bijlage toevoegen' }).click();
		await expect
			.poll(() => author.page.getByRole('status').innerText())
			.toBe('Draaiboek koffieochtend.pdf is toegevoegd.');
		await file.setInputFiles({
			name: 'nep.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<script>alert(1)</script>')
		});
		await author.page.getByRole('button', { name: 'Bijlage toevoegen' }).click();
		await author.page.locator('#bestand-fout').waitFor();
		expect(await author.page.locator('#bestand-fout').innerText()).toContain(
			'Dit soort bestand nemen we niet aan.'
		);
		const attached = author.page.getByRole('region', { name: 'Bijlagen' });
		expect(await attached.getByRole('listitem').allInnerTexts()).toEqual([
			expect.stringContaining('Draaiboek koffieochtend.pdf')
		]);
		await expectAccessible(author.page);
		// Only the refused forms (400s) are in the console: no CSP or script errors.
		expect(author.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
		await author.close();

		// A member of another organisation in another province finds it in the library.
		const other = await openPage(browser);
		other.page.setDefaultTimeout(20_000);
		await signIn(other.page, 'demo-member38@example.org');
		await other.page.goto('/kennis');
		await other.page
			.getByLabel('Soort', { exact: true })
			.selectOption({ value: 'praktijkvoorbeeld' });
		await other.page.getByLabel('Provincie', { exact: true }).selectOption('NL-ZH');
		await other.page.getByLabel('Thema', { exact: true }).selectOption('human-capital');
		await other.page.getByRole('button', { name: 'Toon resultaten' }).click();
		await other.page.waitForURL((url) => url.searchParams.get('provincie') === 'NL-ZH');
		expect(other.page.url()).toContain('soort=praktijkvoorbeeld');
		await expectAccessible(other.page);
		await other.page.getByRole('link', { name: title }).click();
		await other.page.waitForURL((url) => url.pathname === itemPath);

		// The header search finds it too, by an inflected word ("koffieochtenden" for the
		// "koffieochtend" of the approach) and the town in its title.
		await other.page
			.getByRole('combobox', { name: 'Zoek in het kennisnetwerk' })
			.fill('Dordtse koffieochtenden');
		await other.page.keyboard.press('Enter');
		await other.page.waitForURL((url) => url.pathname === '/zoeken');
		await expectAccessible(other.page);
		await other.page.locator('main').getByRole('link', { name: title }).click();
		await other.page.waitForURL((url) => url.pathname === itemPath);
		// The attachment downloads as a file, never shown inline.
		const download = other.page.getByRole('link', { name: /Draaiboek koffieochtend\.pdf/ });
		const served = await other.page.request.get((await download.getAttribute('href'))!);
		expect(served.status()).toBe(200);
		expect(served.headers()['content-disposition']).toMatch(
			/^attachment; filename="Draaiboek koffieochtend\.pdf"/
		);
		expect(served.headers()['x-content-type-options']).toBe('nosniff');

		await other.page
			.getByLabel('Passen jullie dit toe? Vertel in een zin hoe')
			.fill('Heerlen start in maart met een koffieochtend in de binnenstad.');
		await other.page.getByRole('button', { name: 'Dit passen wij toe' }).click();
		await other.page.waitForURL((url) => url.pathname === itemPath && url.hash === '#toegepast');
		const adopted = other.page.locator('#toegepast');
		expect(await adopted.innerText()).toContain('Dit voorbeeld reisde naar: Limburg.');
		expect(await adopted.innerText()).toContain('Gemeente Heerlen');
		expect(await adopted.innerText()).toContain('Heerlen start in maart met een koffieochtend');
		// Once is enough: the form is gone.
		expect(await other.page.getByRole('button', { name: 'Dit passen wij toe' }).count()).toBe(0);

		await other.page.getByRole('button', { name: 'Nuttig' }).click();
		await other.page.waitForURL((url) => url.hash === '#nuttig');
		expect(await other.page.locator('#nuttig').innerText()).toContain('1 keer nuttig');
		await expectAccessible(other.page);
		expect(other.problems).toEqual([]);
		await other.close();

		// A visitor reads the public item, and finds it in the RSS feed.
		const visitor = await openPage(browser);
		await visitor.page.goto(itemPath);
		expect(await visitor.page.locator('h1').innerText()).toBe(title);
		expect(await visitor.page.getByRole('button', { name: 'Dit passen wij toe' }).count()).toBe(0);
		await expectAccessible(visitor.page);
		const feed = await visitor.page.request.get('/kennis/rss.xml');
		expect(await feed.text()).toContain(title);
		// The theme's page gathers it with the theme's networks.
		await visitor.page.goto('/themas/human-capital');
		expect(await visitor.page.locator('h1').innerText()).toBe('Human capital');
		expect(await visitor.page.getByRole('link', { name: title }).count()).toBe(1);
		await expectAccessible(visitor.page);
		await visitor.close();
	});

	it('works without JavaScript: a draft stays with its author until published, and bad files are refused', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		page.setDefaultTimeout(8_000);
		await signIn(page, 'demo-member37@example.org');
		// Without JavaScript the kind is chosen up front, so the form's labels fit it.
		await page.goto('/kennis/nieuw?soort=inzicht');
		const title = `Inzicht over kleine stappen ${Date.now()}`;
		await page.getByLabel('Inzicht').check();
		await page.getByLabel('Titel').fill(title);
		await page.getByLabel('Samenvatting').fill('Klein beginnen werkt.');
		await page.getByRole('textbox', { name: 'Tekst', exact: true }).fill('Begin met **één** stap.');
		await page.getByLabel('Alleen leden').check();
		await page.getByRole('button', { name: 'Opslaan als concept' }).click();
		await page.waitForURL((url) =>
			/^\/kennis\/inzicht-over-kleine-stappen-\d+$/.test(url.pathname)
		);
		const itemPath = new URL(page.url()).pathname;
		// (axe needs JavaScript: the same pages are checked with it in the test above.)
		expect(await page.getByRole('status').first().innerText()).toContain('Dit is een concept');

		// Another member does not find the draft.
		const other = await openPage(browser, { javaScript: false });
		other.page.setDefaultTimeout(8_000);
		await signIn(other.page, 'demo-member39@example.org');
		expect((await other.page.goto(itemPath))?.status()).toBe(404);

		await page.getByRole('button', { name: 'Publiceren' }).click();
		await page.waitForURL((url) => url.pathname === itemPath);
		expect(await page.getByText('Dit is een concept').count()).toBe(0);
		expect((await other.page.goto(itemPath))?.status()).toBe(200);
		// A visitor does not see a members-only item.
		const visitor = await openPage(browser, { javaScript: false });
		expect((await visitor.page.goto(itemPath))?.status()).toBe(404);
		await visitor.close();

		// The upload route against bad files, as a browser without JavaScript posts them: each
		// is refused in Dutch, and nothing is stored; a name with a path or a direction override
		// is cleaned.
		const upload = (name: string, mimeType: string, buffer: Buffer) =>
			page.request.post(`${itemPath}/bijlagen?/toevoegen`, {
				// As a browser's form post: it asks for the page back, not SvelteKit's JSON.
				headers: { origin: baseURL(), accept: 'text/html' },
				multipart: { bestand: { name, mimeType, buffer } }
			});
		const refusals: [string, string, Buffer, number, string][] = [
			[
				'foto.png',
				'image/png',
				Buffer.from('#!/bin/sh\nrm -rf /\n'),
				400,
				'Dit soort bestand nemen we niet aan.'
			],
			[
				'logo.svg',
				'image/svg+xml',
				Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
				400,
				'Dit soort bestand nemen we niet aan.'
			],
			[
				'verslag.docx',
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				makeDocxBomb(25),
				400,
				'zou uitgepakt veel te groot worden'
			],
			[
				'rapport.pdf',
				'application/pdf',
				Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024)]),
				413,
				'Dit bestand is te groot'
			],
			['leeg.pdf', 'application/pdf', Buffer.alloc(0), 400, 'Kies een bestand']
		];
		for (const [name, mimeType, buffer, status, message] of refusals) {
			const response = await upload(name, mimeType, buffer);
			expect(response.status(), name).toBe(status);
			expect(await response.text(), name).toContain(message);
		}
		const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
		expect((await upload('../../etc/Verslag\u202Efdp.pdf', 'application/pdf', pdf)).status()).toBe(
			200
		);
		await page.goto(`${itemPath}/bijlagen`);
		expect(
			await page.getByRole('region', { name: 'Bijlagen' }).getByRole('listitem').allInnerTexts()
		).toEqual([expect.stringContaining('Verslagfdp.pdf')]);

		await other.close();
		await close();
	});
});
