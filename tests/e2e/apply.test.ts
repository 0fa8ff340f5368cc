import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';

describe('applying for membership', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('says in Dutch what is missing, without JavaScript, linked to the fields', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		await page.goto('/aanmelden');
		expect(await page.locator('h1').innerText()).toBe('Lid worden');
		// Without JavaScript the new-organisation fields are simply there.
		await expect.poll(() => page.getByLabel('Naam van de organisatie').count()).toBe(1);

		await page.getByLabel('Naam', { exact: true }).fill('Pien Vos');
		await page.getByLabel('E-mailadres').fill('geen-adres');
		await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
		await page.waitForURL((url) => url.pathname === '/aanmelden');

		const summary = page.getByRole('alert');
		const text = await summary.innerText();
		expect(text).toContain('Je aanmelding is nog niet verstuurd.');
		expect(text).toContain('Vul een geldig e-mailadres in, zoals naam@organisatie.nl.');
		expect(text).toContain('Kies een wachtwoord.');
		expect(text).toContain('Kies je organisatie');
		expect(text).toContain('Kies je rol in het werkveld.');
		expect(text).toContain('Kies de provincie waarin je werkt.');

		const email = page.getByLabel('E-mailadres');
		expect(await email.getAttribute('aria-invalid')).toBe('true');
		expect(await email.getAttribute('aria-describedby')).toContain('apply-email-error');
		expect(await page.locator('#apply-email-error').innerText()).toContain('geldig e-mailadres');
		// What was typed comes back; the password never does.
		expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Pien Vos');
		expect(await email.inputValue()).toBe('geen-adres');
		// The summary's links lead to the fields.
		expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#apply-email');

		// A guessable password is refused by the server, with the reason.
		await email.fill('pien.vos@voorbeeldgemeente.example');
		await page.getByLabel('Wachtwoord', { exact: true }).fill('wachtwoord123');
		await page.getByLabel('Organisatie waar je werkt').selectOption({ label: 'Gemeente Zwolle' });
		await page.getByLabel('Je rol in het werkveld').selectOption({ label: 'Adviseur' });
		await page.getByLabel('Provincie waarin je werkt').selectOption({ label: 'Overijssel' });
		await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
		await page.waitForURL((url) => url.pathname === '/aanmelden');
		expect(await page.getByRole('alert').innerText()).toContain('te makkelijk te raden');
		expect(
			await page.getByLabel('Organisatie waar je werkt').locator('option:checked').innerText()
		).toBe('Gemeente Zwolle');
		await close();
	});

	it('passes axe on the empty form and on its error state', async () => {
		// axe needs JavaScript in the page; the form posts the same way with it.
		const { page, close } = await openPage(browser);
		await page.goto('/aanmelden');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
		await page.waitForURL((url) => url.pathname === '/aanmelden');
		await expect.poll(() => page.getByRole('alert').count()).toBe(1);
		await expectAccessible(page);
		await close();
	});

	it('applies with the keyboard and a strength meter, and asks to check the mailbox', async () => {
		const { page, problems, close } = await openPage(browser);
		await page.goto('/aanmelden');
		// With JavaScript the new-organisation fields appear only when chosen.
		await expect.poll(() => page.getByLabel('Naam van de organisatie').count()).toBe(0);

		await page.getByLabel('Naam', { exact: true }).focus();
		await page.keyboard.type('Ruud Koster');
		await page.keyboard.press('Tab');
		await page.keyboard.type('ruud.koster@adviesbureau.example');
		await page.keyboard.press('Tab');
		await page.keyboard.type('zandsuppletie-dijkring-hoogwater-veerpont');
		await expect
			.poll(() => page.locator('#password-strength-status').innerText(), { timeout: 10_000 })
			.toMatch(/^Sterk|^Redelijk/);

		const organisation = page.getByLabel('Organisatie waar je werkt');
		await organisation.selectOption({ label: 'Mijn organisatie staat er niet tussen' });
		await page.getByLabel('Naam van de organisatie').fill('Adviesbureau Koster');
		await page.getByLabel('Soort organisatie').selectOption({ label: 'Overig' });
		await page.getByLabel('Je rol in het werkveld').selectOption({ label: 'Adviseur' });
		await page.getByLabel('Provincie waarin je werkt').selectOption({ label: 'Zeeland' });
		await page.getByLabel('Digitalisering').check();
		await page.getByLabel('Verduurzaming').check();
		await page
			.getByLabel('Korte toelichting (niet verplicht)')
			.fill('Ik begeleid mkb-bedrijven in Zeeland bij digitalisering.');
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
		await page.waitForURL((url) => url.pathname === '/aanmelden/verstuurd');
		expect(await page.locator('h1').innerText()).toBe('Kijk in je mailbox');
		expect(await page.getByRole('status').innerText()).toContain(
			'Als dit e-mailadres nog geen account heeft'
		);
		await expectAccessible(page);
		expect(problems).toEqual([]);
		await close();
	});

	it('gives the same answer for an address that already has an account', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		await page.goto('/aanmelden');
		await page.getByLabel('Naam', { exact: true }).fill('Iemand Anders');
		await page.getByLabel('E-mailadres').fill('demo-member3@example.org');
		await page
			.getByLabel('Wachtwoord', { exact: true })
			.fill('zandsuppletie-dijkring-hoogwater-veerpont');
		await page.getByLabel('Organisatie waar je werkt').selectOption({ label: 'Gemeente Zwolle' });
		await page.getByLabel('Je rol in het werkveld').selectOption({ label: 'Adviseur' });
		await page.getByLabel('Provincie waarin je werkt').selectOption({ label: 'Overijssel' });
		await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
		await page.waitForURL((url) => url.pathname === '/aanmelden/verstuurd');
		expect(await page.locator('h1').innerText()).toBe('Kijk in je mailbox');
		await close();
	});

	it('explains in Dutch when a confirmation link does not work', async () => {
		const { page, close } = await openPage(browser);
		await page.goto('/aanmelden/bevestigd?aanmelding=bestaat-niet');
		expect(await page.locator('h1').innerText()).toBe('Bevestigen is niet gelukt');
		expect(await page.getByRole('alert').innerText()).toBe(
			'Deze bevestigingslink is ongeldig of al gebruikt.'
		);
		await expectAccessible(page);
		await page.goto('/aanmelden/bevestigd?aanmelding=x&error=TOKEN_EXPIRED');
		expect(await page.getByRole('alert').innerText()).toBe('Deze bevestigingslink is verlopen.');
		// A real but bogus token through better-auth lands here too.
		await page.goto(
			'/api/auth/verify-email?token=onzin&callbackURL=%2Faanmelden%2Fbevestigd%3Faanmelding%3Dx'
		);
		expect(new URL(page.url()).pathname).toBe('/aanmelden/bevestigd');
		expect(await page.locator('h1').innerText()).toBe('Bevestigen is niet gelukt');
		await close();
	});

	it('keeps the admin pages from visitors and members', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		for (const path of ['/beheer', '/beheer/aanmeldingen', '/beheer/domeinen', '/beheer/logboek']) {
			await page.goto(path);
			const url = new URL(page.url());
			expect(url.pathname, path).toBe('/inloggen');
			expect(url.searchParams.get('terug')).toBe(path);
		}
		await page.getByLabel('E-mailadres').fill('demo-member4@example.org');
		await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/beheer/logboek');
		const response = await page.goto('/beheer/aanmeldingen');
		expect(response?.status()).toBe(403);
		const post = await page.request.post('/beheer/domeinen?/toevoegen', {
			form: { domain: 'indringer.example' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(post.status()).toBe(403);
		await close();
	});
});
