import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';

// demo-member22 (Iris van Leeuwen), 23 (Joost Vermeulen), 24 (Annelies Boer), 27 (Noor Hermans),
// 28 (Maud Janssen) and 29 (Stijn Custers) are this file's.

async function signIn(browser: Browser, n: number, options: { javaScript?: boolean } = {}) {
	const session = await openPage(browser, options);
	const { page } = session;
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(`demo-member${n}@example.org`);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	const me = await page.request.get('/api/v1/me');
	const { id } = (await me.json()) as { id: string };
	return { ...session, id };
}

/** The header's link to the messages, with its accessible name (the number is spelled out). */
const messagesLink = (page: Page) =>
	page.getByRole('banner').getByRole('link', { name: /^Berichten/ });

describe('contact and private messages', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('sends a contact request, accepts it as the other member and exchanges messages', async () => {
		const iris = await signIn(browser, 22);
		const joost = await signIn(browser, 23);

		// Iris writes a request, with the keyboard only; an empty message is refused first.
		await iris.page.goto(`/berichten/nieuw?aan=${joost.id}`);
		expect(await iris.page.locator('h1').innerText()).toBe('Contact opnemen met Joost Vermeulen');
		await expectAccessible(iris.page);
		const field = iris.page.getByLabel('Je bericht');
		await field.focus();
		await iris.page.keyboard.press('Tab');
		await iris.page.keyboard.press('Enter');
		await iris.page.waitForLoadState();
		expect(await iris.page.getByRole('alert').innerText()).toBe('Schrijf eerst een bericht.');
		expect(await field.getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(iris.page);
		await field.focus();
		await iris.page.keyboard.type('Hoi Joost,');
		await iris.page.keyboard.press('Enter');
		await iris.page.keyboard.type('hoe pakken jullie het <b>vestigingsklimaat</b> aan?');
		await iris.page.keyboard.press('Tab');
		await iris.page.keyboard.press('Enter');
		await iris.page.waitForURL((url) => url.pathname === '/berichten');
		expect(await iris.page.getByRole('status').innerText()).toContain(
			'Je contactverzoek is verstuurd'
		);
		expect(
			await iris.page.getByRole('region', { name: 'Verstuurde contactverzoeken' }).innerText()
		).toContain('Joost Vermeulen');
		await expectAccessible(iris.page);

		// Joost sees the request (the header counts it) and accepts it.
		await joost.page.goto('/berichten');
		expect(await messagesLink(joost.page).getAttribute('aria-current')).toBe('page');
		expect(await joost.page.getByRole('link', { name: 'Berichten (1 nieuw)' }).count()).toBe(1);
		const requests = joost.page.getByRole('region', { name: 'Contactverzoeken voor jou' });
		expect(await requests.innerText()).toContain('Iris van Leeuwen');
		await expectAccessible(joost.page);
		await requests
			.getByRole('button', { name: 'Contactverzoek van Iris van Leeuwen accepteren' })
			.click();
		await joost.page.waitForURL((url) => /^\/berichten\/[\w-]+$/.test(url.pathname));
		const conversation = new URL(joost.page.url()).pathname;
		expect(await joost.page.getByRole('status').innerText()).toContain(
			'Je hebt het contactverzoek geaccepteerd'
		);
		expect(await joost.page.locator('h1').innerText()).toBe('Gesprek met Iris van Leeuwen');
		// The request opens the conversation: plain text, line breaks kept, markup shown as typed.
		const first = joost.page.locator('.kn-messages li').first();
		expect(await first.locator('.kn-messages__text').innerText()).toBe(
			'Hoi Joost,\nhoe pakken jullie het <b>vestigingsklimaat</b> aan?'
		);
		expect(await first.locator('b').count()).toBe(0);
		await expectAccessible(joost.page);

		await joost.page
			.getByLabel('Je bericht aan Iris van Leeuwen')
			.fill('Goed idee, bel me vrijdag!');
		await joost.page.getByRole('button', { name: 'Versturen' }).click();
		await joost.page.waitForLoadState();
		expect(await joost.page.getByRole('status').innerText()).toBe('Je bericht is verstuurd.');

		// Iris has one new message; reading it clears the count; she answers.
		await iris.page.goto('/');
		expect(await iris.page.getByRole('link', { name: 'Berichten (1 nieuw)' }).count()).toBe(1);
		await iris.page.goto(conversation);
		expect(await iris.page.locator('.kn-messages').innerText()).toContain(
			'Goed idee, bel me vrijdag!'
		);
		expect(await messagesLink(iris.page).innerText()).toBe('Berichten');
		await iris.page.getByLabel('Je bericht aan Joost Vermeulen').fill('Prima, tot vrijdag.');
		await iris.page.getByRole('button', { name: 'Versturen' }).click();
		await iris.page.waitForLoadState();
		expect(await iris.page.getByRole('status').innerText()).toBe('Je bericht is verstuurd.');
		await expectAccessible(iris.page);

		// Joost's count shows on every page and clears when he reads the conversation.
		await joost.page.goto('/berichten');
		expect(await joost.page.getByRole('link', { name: 'Berichten (1 nieuw)' }).count()).toBe(1);
		await joost.page.getByRole('link', { name: 'Iris van Leeuwen (1 ongelezen)' }).click();
		await joost.page.waitForURL((url) => url.pathname === conversation);
		const last = joost.page.locator('.kn-messages li').last();
		expect(await last.innerText()).toContain('Prima, tot vrijdag.');
		expect(await last.innerText()).toContain('Nieuw');
		expect(await messagesLink(joost.page).innerText()).toBe('Berichten');
		await joost.page.goto('/berichten');
		expect(await messagesLink(joost.page).innerText()).toBe('Berichten');
		expect(await joost.page.getByRole('link', { name: 'Iris van Leeuwen' }).count()).toBe(1);

		const api = await iris.page.request.get('/api/v1/me/conversations');
		expect((await api.json()).items).toEqual([
			expect.objectContaining({
				with: expect.objectContaining({ name: 'Joost Vermeulen' }),
				unread: 0,
				preview: 'Prima, tot vrijdag.'
			})
		]);
		await iris.close();
		await joost.close();
	});

	it('refuses a blocked member’s message in Dutch, on the page and in the API', async () => {
		const annelies = await signIn(browser, 24);
		const noor = await signIn(browser, 27, { javaScript: false });

		await noor.page.goto(`/berichten/nieuw?aan=${annelies.id}`);
		await noor.page.getByLabel('Je bericht').fill('Mag ik je iets vragen over de Zeeuwse aanpak?');
		await noor.page.getByRole('button', { name: 'Contactverzoek versturen' }).click();
		await noor.page.waitForURL((url) => url.pathname === '/berichten');
		await annelies.page.goto('/berichten');
		await annelies.page
			.getByRole('button', { name: 'Contactverzoek van Noor Hermans accepteren' })
			.click();
		await annelies.page.waitForURL((url) => /^\/berichten\/[\w-]+$/.test(url.pathname));
		const conversation = new URL(annelies.page.url()).pathname;

		// Noor has the conversation open while Annelies blocks her.
		await noor.page.goto(conversation);
		await annelies.page.getByRole('button', { name: 'Blokkeer Noor Hermans' }).click();
		await annelies.page.waitForLoadState();
		expect(await annelies.page.getByRole('status').innerText()).toBe(
			'Je hebt Noor Hermans geblokkeerd.'
		);
		await expectAccessible(annelies.page);

		await noor.page.getByLabel('Je bericht aan Annelies Boer').fill('Hallo?');
		await noor.page.getByRole('button', { name: 'Versturen' }).click();
		const refusal =
			'Annelies Boer heeft je geblokkeerd. Je kunt Annelies Boer geen contactverzoeken of berichten sturen.';
		expect(await noor.page.getByRole('alert').innerText()).toBe(refusal);
		expect(await noor.page.getByLabel('Je bericht aan Annelies Boer').count()).toBe(0);
		// A new request is refused the same way.
		await noor.page.goto(`/berichten/nieuw?aan=${annelies.id}`);
		expect(new URL(noor.page.url()).pathname).toBe(conversation);

		const api = await noor.page.request.post(
			`/api/v1/me/conversations/${conversation.split('/').pop()}/messages`,
			{
				headers: { origin: baseURL(), 'content-type': 'application/json' },
				data: { body: 'Hallo?' }
			}
		);
		expect(api.status()).toBe(403);
		expect((await api.json()).error).toEqual({ code: 'blocked', message: expect.any(String) });

		// Unblocked, Noor may write again.
		await annelies.page.getByRole('button', { name: 'Deblokkeer Noor Hermans' }).click();
		await annelies.page.waitForLoadState();
		await noor.page.goto(conversation);
		await noor.page.getByLabel('Je bericht aan Annelies Boer').fill('Dank je!');
		await noor.page.getByRole('button', { name: 'Versturen' }).click();
		expect(await noor.page.getByRole('status').innerText()).toBe('Je bericht is verstuurd.');
		await annelies.close();
		await noor.close();
	});

	it('follows and unfollows, and keeps a private network unknown', async () => {
		const maud = await signIn(browser, 28);
		const { page } = maud;
		await page.goto('/profiel/volgend');
		expect(await page.locator('h1').innerText()).toBe('Wat ik volg');
		await expectAccessible(page);

		/** Posts the follow form as another page would put it, with hidden fields. */
		const follow = async (fields: Record<string, string>) => {
			await page.evaluate((values) => {
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/volgen';
				for (const [name, value] of Object.entries(values)) {
					const input = document.createElement('input');
					input.type = 'hidden';
					input.name = name;
					input.value = value;
					form.append(input);
				}
				document.body.append(form);
				form.submit();
			}, fields);
			await page.waitForLoadState();
		};

		await follow({ type: 'network', id: 'regio-zwolle', terug: '/profiel/volgend' });
		await page.waitForURL((url) => url.searchParams.get('volgen') === 'aan');
		expect(await page.getByRole('status').innerText()).toBe('Gevolgd.');
		const networks = page.getByRole('region', { name: 'Netwerken' });
		expect(await networks.innerText()).toContain('Regio Zwolle');

		// Without a way back, the follow page says what happened.
		await follow({ type: 'theme', id: 'digitalisering' });
		await page.waitForURL((url) => url.pathname === '/volgen');
		expect(await page.getByRole('status').innerText()).toBe('Je volgt nu Digitalisering.');
		await expectAccessible(page);
		await follow({ type: 'network', id: 'coordinatorenoverleg' });
		expect(await page.getByRole('alert').innerText()).toBe(
			'Dit bestaat niet (meer), of je kunt het niet zien.'
		);

		await page.goto('/profiel/volgend');
		const unfollow = page.getByRole('button', { name: 'Regio Zwolle niet meer volgen' });
		await unfollow.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('volgen') === 'uit');
		expect(await page.getByRole('status').innerText()).toBe('Je volgt dit niet meer.');
		expect(await page.getByRole('region', { name: 'Netwerken' }).count()).toBe(0);
		expect(await page.getByRole('region', { name: "Thema's" }).innerText()).toContain(
			'Digitalisering'
		);
		await expectAccessible(page);
		await maud.close();
	});
});
