import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage } from './browser';

describe('password reset', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('asks for an address and answers the same for a known and an unknown one', async () => {
		// axe needs JavaScript; the form itself does not (see the next test).
		const { page, close } = await openPage(browser);
		await page.goto('/wachtwoord-vergeten');
		expect(await page.locator('h1').innerText()).toBe('Wachtwoord vergeten');
		await expectAccessible(page);
		await page.getByLabel('E-mailadres').fill('demo-member20@example.org');
		await page.getByRole('button', { name: 'Stuur mij een link' }).click();
		await page.getByRole('status').waitFor();
		await expectAccessible(page);
		await page.goto('/wachtwoord-herstellen?token=bestaat-niet');
		await page.getByRole('alert').waitFor();
		await expectAccessible(page);
		await close();
	});

	it('answers in Dutch without JavaScript, the same for a known and an unknown address', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		const answers: string[] = [];
		for (const email of ['demo-member20@example.org', 'niemand-hier@example.org']) {
			await page.goto('/wachtwoord-vergeten');
			await page.getByLabel('E-mailadres').fill(email);
			await page.getByRole('button', { name: 'Stuur mij een link' }).click();
			const status = await page.getByRole('status').innerText();
			expect(status).toContain(`Als er een account is met het e-mailadres ${email}`);
			answers.push(status.replace(email, '…'));
		}
		expect(answers[0]).toBe(answers[1]);
		await close();
	});

	it('refuses an unknown or used link in Dutch and offers a new one, without JavaScript', async () => {
		const { page, close } = await openPage(browser, { javaScript: false });
		for (const query of ['?token=bestaat-niet', '?error=INVALID_TOKEN', '']) {
			await page.goto(`/wachtwoord-herstellen${query}`);
			expect(await page.locator('h1').innerText()).toBe('Nieuw wachtwoord kiezen');
			expect(await page.getByRole('alert').innerText()).toBe(
				'Deze link werkt niet meer. Hij is verlopen (na één uur) of al gebruikt.'
			);
		}
		await page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).click();
		await page.waitForURL((url) => url.pathname === '/wachtwoord-vergeten');
		await close();
	});

	it('limits requests for one address with 429, Retry-After and a Dutch message', async () => {
		const post = () =>
			fetch(`${baseURL()}/wachtwoord-vergeten`, {
				method: 'POST',
				headers: {
					origin: baseURL(),
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html'
				},
				body: new URLSearchParams({ email: 'demo-member21@example.org' })
			});
		for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
		const limited = await post();
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await limited.text()).toMatch(
			/Je hebt te vaak een link aangevraagd\. Probeer het over \d+ minuten opnieuw\./
		);
	});
});
