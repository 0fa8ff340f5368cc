import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';

const MEMBER = { email: 'demo-member19@example.org', name: 'Pieter Schouten' };
const COORDINATOR = 'demo-coordinator@example.org';

describe('networks: joining, coordinating and privacy', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('asks to join an on-request community, is approved by its coordinator and takes part', async () => {
		const member = await openPage(browser);
		await signIn(member.page, MEMBER.email);
		await member.page.goto('/netwerken');
		await member.page.getByRole('link', { name: 'Regio Zwolle' }).click();
		await member.page.waitForURL((url) => url.pathname === '/netwerken/regio-zwolle');
		expect(await member.page.locator('h1').innerText()).toBe('Regio Zwolle');
		await expectAccessible(member.page);

		await member.page
			.getByLabel('Toelichting voor de coördinatoren (niet verplicht)')
			.fill('Ik wil leren van de aanpak voor bedrijventerreinen.');
		await member.page.getByRole('button', { name: 'Verzoek om mee te doen' }).click();
		await expect
			.poll(() => member.page.getByRole('status').allInnerTexts())
			.toContain(
				'Je verzoek om mee te doen aan Regio Zwolle is verstuurd. Je krijgt een e-mail zodra een coördinator het heeft beoordeeld.'
			);
		expect(await member.page.locator('aside').innerText()).toContain(
			'Je verzoek om mee te doen wacht op een coördinator.'
		);

		const coordinator = await openPage(browser);
		await signIn(coordinator.page, COORDINATOR);
		await coordinator.page.goto('/netwerken/regio-zwolle');
		await coordinator.page.getByRole('link', { name: 'Netwerk beheren' }).click();
		await coordinator.page.waitForURL((url) => url.pathname === '/netwerken/regio-zwolle/beheer');
		const card = coordinator.page
			.getByRole('listitem')
			.filter({ has: coordinator.page.getByRole('heading', { name: MEMBER.name }) });
		expect(await card.innerText()).toContain('Ik wil leren van de aanpak voor bedrijventerreinen.');
		await expectAccessible(coordinator.page);
		await card.getByRole('button', { name: `Goedkeuren ${MEMBER.name}` }).click();
		await expect
			.poll(() => coordinator.page.getByRole('status').allInnerTexts())
			.toContain(`${MEMBER.name} doet nu mee en heeft een e-mail gekregen.`);

		await member.page.reload();
		expect(await member.page.locator('aside').innerText()).toContain(
			'Je doet mee aan dit netwerk.'
		);
		await member.page.getByRole('link', { name: /^Alle deelnemers/ }).click();
		await member.page.waitForURL((url) => url.pathname === '/netwerken/regio-zwolle/leden');
		expect(await member.page.locator('tbody').innerText()).toContain(MEMBER.name);
		await expectAccessible(member.page);
		// Only coordinators download the list.
		expect((await member.page.request.get('/netwerken/regio-zwolle/leden.csv')).status()).toBe(403);
		const csv = await coordinator.page.request.get('/netwerken/regio-zwolle/leden.csv');
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-disposition']).toBe(
			'attachment; filename="leden-regio-zwolle.csv"'
		);
		const text = await csv.text();
		expect(text.split('\r\n')[0]).toBe(
			'\uFEFF"Naam";"E-mailadres";"Functie";"Organisatie";"Provincie";"Rol";"Lid sinds"'
		);
		expect(text).toContain(`"${MEMBER.name}";"${MEMBER.email}"`);

		// Invitations: a wrong address is named, a good one is sent.
		await coordinator.page
			.getByLabel('E-mailadressen')
			.fill('collega@gemeente-zwolle.example, geen-adres');
		await coordinator.page.getByRole('button', { name: 'Uitnodigingen versturen' }).click();
		await expect.poll(() => coordinator.page.locator('#uitnodigen-fout').count()).toBe(1);
		expect(await coordinator.page.getByLabel('E-mailadressen').inputValue()).toContain(
			'geen-adres'
		);
		await coordinator.page.getByLabel('E-mailadressen').fill('collega@gemeente-zwolle.example');
		await coordinator.page.getByRole('button', { name: 'Uitnodigingen versturen' }).click();
		await expect
			.poll(() => coordinator.page.getByRole('status').allInnerTexts())
			.toContain('Uitnodigingen verstuurd: 1.');
		expect(await coordinator.page.locator('table').first().innerText()).toContain(
			'collega@gemeente-zwolle.example'
		);
		await expectAccessible(coordinator.page);

		// Leaving again.
		await member.page.goto('/netwerken/regio-zwolle');
		await member.page.getByRole('button', { name: 'Netwerk verlaten' }).click();
		await expect
			.poll(() => member.page.getByRole('status').allInnerTexts())
			.toContain('Je doet niet meer mee aan Regio Zwolle.');
		await member.close();
		await coordinator.close();
	});

	it('keeps a private network invisible to outsiders, and shows it to its members', async () => {
		const member = await openPage(browser);
		await signIn(member.page, MEMBER.email);
		await member.page.goto('/netwerken');
		expect(await member.page.locator('main').innerText()).not.toContain('Coördinatorenoverleg');
		const hidden = await member.page.goto('/netwerken/coordinatorenoverleg');
		expect(hidden?.status()).toBe(404);
		await member.page.goto('/zoeken?q=Co%C3%B6rdinatorenoverleg');
		expect(await member.page.locator('main').innerText()).not.toContain('Het besloten overleg');
		await member.close();

		const visitor = await openPage(browser);
		expect((await visitor.page.goto('/netwerken/coordinatorenoverleg'))?.status()).toBe(404);
		await visitor.close();

		const coordinator = await openPage(browser);
		await signIn(coordinator.page, COORDINATOR);
		await coordinator.page.goto('/netwerken');
		await coordinator.page.getByRole('link', { name: 'Coördinatorenoverleg' }).click();
		await coordinator.page.waitForURL((url) => url.pathname === '/netwerken/coordinatorenoverleg');
		expect(await coordinator.page.locator('main').innerText()).toContain(
			'Besloten: alleen deelnemers weten dat dit netwerk bestaat'
		);
		await expectAccessible(coordinator.page);
		await coordinator.close();
	});

	it('lets a coordinator start a network, with Dutch messages for what is missing', async () => {
		const coordinator = await openPage(browser, { javaScript: false });
		await signIn(coordinator.page, COORDINATOR);
		await coordinator.page.goto('/netwerken');
		await coordinator.page.getByRole('link', { name: 'Een netwerk starten' }).click();
		await coordinator.page.waitForURL((url) => url.pathname === '/netwerken/nieuw');
		await coordinator.page
			.getByLabel('Besloten: alleen deelnemers weten dat dit netwerk bestaat')
			.check();
		await coordinator.page.getByLabel('Deelname op aanvraag').check();
		await coordinator.page.getByRole('button', { name: 'Netwerk starten' }).click();
		expect(await coordinator.page.getByRole('alert').first().innerText()).toBe(
			'Vul een naam in van minstens 3 en hoogstens 120 tekens.'
		);
		await coordinator.page.getByLabel('Naam').fill('Werkgroep Vitale Bedrijventerreinen');
		await coordinator.page
			.getByLabel('Korte omschrijving')
			.fill('Gemeenten en provincies over herstructurering van bedrijventerreinen.');
		await coordinator.page.getByRole('button', { name: 'Netwerk starten' }).click();
		expect(await coordinator.page.getByRole('alert').first().innerText()).toContain(
			'Een besloten netwerk is alleen toegankelijk op uitnodiging'
		);
		await coordinator.page.getByLabel('Deelname op uitnodiging').check();
		await coordinator.page.getByRole('button', { name: 'Netwerk starten' }).click();
		await coordinator.page.waitForURL(
			(url) => url.pathname === '/netwerken/werkgroep-vitale-bedrijventerreinen'
		);
		expect(await coordinator.page.locator('aside').innerText()).toContain(
			'Je bent coördinator van dit netwerk.'
		);
		await coordinator.close();

		const withScripts = await openPage(browser);
		await withScripts.page.goto('/netwerken/nieuw');
		await expect.poll(() => new URL(withScripts.page.url()).pathname).toBe('/inloggen');
		await withScripts.close();
	});

	it('joins through the API as the pages do, and never shows a private network', async () => {
		const member = await openPage(browser);
		await signIn(member.page, 'demo-member30@example.org');
		const list = await member.page.request.get('/api/v1/networks');
		const networks = (await list.json()).items as { slug: string; joinPolicy: string }[];
		expect(networks.map((n) => n.slug)).not.toContain('coordinatorenoverleg');
		const open = networks.find((n) => n.joinPolicy === 'open');
		expect(open, 'an open network in the demo').toBeTruthy();
		const detail = await (await member.page.request.get(`/api/v1/networks/${open!.slug}`)).json();
		if (detail.membership === null) {
			const joined = await member.page.request.post(`/api/v1/networks/${open!.slug}/membership`, {
				data: {}
			});
			expect(joined.status()).toBe(201);
			expect(await joined.json()).toEqual({ status: 'active' });
		}
		const again = await member.page.request.post(`/api/v1/networks/${open!.slug}/membership`, {
			data: {}
		});
		expect(again.status()).toBe(409);
		expect((await again.json()).error.code).toBe('already_member');
		const hidden = await member.page.request.get('/api/v1/networks/coordinatorenoverleg');
		expect(hidden.status()).toBe(404);
		expect((await hidden.json()).error.code).toBe('not_found');
		const refused = await member.page.request.post('/api/v1/networks', { data: { name: 'x' } });
		expect(refused.status()).toBe(403);
		await member.close();
	});
});
