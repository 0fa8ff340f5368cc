import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../src/lib/server/testing/totp';
import { expectAccessible, launchBrowser, openPage } from './browser';
import { DEMO_PASSWORD } from './global-setup';
import { freePort, stopProcess, waitForHealthy } from './process';

// Demo members 11 (Bram Visser) and 14 (Marieke Hendriks) are both in the network of account
// managers; member 12 (Nadia El Amrani) is in the provinces' network that the demo
// coordinator coordinates.
const ACCOUNT_MANAGERS = '/netwerken/accountmanagers-en-bedrijfscontactfunctionarissen/discussies';
const PROVINCES = '/netwerken/ez-medewerkers-van-provincies/discussies';

async function signIn(page: Page, email: string, landing = '/') {
	// A step that waits in vain fails with its own message, well within the test's minute.
	page.setDefaultTimeout(20_000);
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => url.pathname === landing);
}

describe('discussions', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('a member asks a question with the keyboard, another replies, the asker marks the answer', async () => {
		const asker = await openPage(browser);
		await signIn(asker.page, 'demo-member11@example.org');
		await asker.page.goto(ACCOUNT_MANAGERS);
		await expectAccessible(asker.page);
		await asker.page.getByRole('link', { name: 'Start een discussie of stel een vraag' }).click();
		await asker.page.waitForURL((url) => url.pathname === `${ACCOUNT_MANAGERS}/nieuw`);
		await expectAccessible(asker.page);

		// Posting without a title is refused next to the field, in Dutch.
		await asker.page.getByLabel('Een vraag stellen').focus();
		await asker.page.keyboard.press('Space');
		await asker.page.getByRole('button', { name: 'Plaatsen' }).focus();
		await asker.page.keyboard.press('Enter');
		await asker.page.getByRole('alert').first().waitFor();
		expect(await asker.page.getByRole('alert').allInnerTexts()).toEqual([
			'Geef je discussie een titel.',
			'Schrijf een tekst.'
		]);
		expect(await asker.page.getByLabel('Een vraag stellen').isChecked()).toBe(true);
		await expectAccessible(asker.page);

		const title = `Wie heeft ervaring met een ondernemersloket? ${Date.now()}`;
		await asker.page.getByLabel('Titel').focus();
		await asker.page.keyboard.type(title);
		await asker.page.getByLabel('Tekst').focus();
		await asker.page.keyboard.type(
			'We openen een **fysiek loket** voor ondernemers. @Marieke Hendriks, hoe pakten jullie dat aan?\n\n<script>window.gehackt = true</script>'
		);
		await asker.page.keyboard.press('Tab');
		await asker.page.keyboard.press('Enter');
		await asker.page.waitForURL((url) => /\/discussies\/[0-9a-f-]{36}$/.test(url.pathname));
		const threadUrl = asker.page.url();
		expect(await asker.page.locator('h1').innerText()).toBe(title);
		const post = asker.page.locator('#bericht');
		expect(await post.locator('strong').innerText()).toBe('fysiek loket');
		expect(
			await post.getByRole('link', { name: '@Marieke Hendriks' }).getAttribute('href')
		).toMatch(/^\/leden\/[0-9a-f-]{36}$/);
		// The script is shown as the text it is, never run.
		expect(await post.innerText()).toContain('<script>window.gehackt = true</script>');
		expect(await post.locator('script').count()).toBe(0);
		expect(
			await asker.page.evaluate(() => (window as { gehackt?: boolean }).gehackt)
		).toBeUndefined();
		expect(await asker.page.locator('main').innerText()).toContain(
			'Deze vraag heeft nog geen geaccepteerd antwoord.'
		);
		await expectAccessible(asker.page);

		const helper = await openPage(browser);
		await signIn(helper.page, 'demo-member14@example.org');
		await helper.page.goto(threadUrl);
		await expectAccessible(helper.page);
		// Only the asker (or a coordinator) marks the answer.
		expect(await helper.page.getByRole('button', { name: 'Markeer als antwoord' }).count()).toBe(0);
		await helper.page
			.getByLabel('Je reactie')
			.fill('Wij begonnen met één ochtend per week in de bibliotheek, samen met KVK.');
		await helper.page.getByRole('button', { name: 'Reactie plaatsen' }).click();
		await helper.page.waitForURL((url) => url.searchParams.get('gedaan') === 'reactie');
		expect(await helper.page.getByRole('status').innerText()).toBe('Je reactie is geplaatst.');
		await expectAccessible(helper.page);

		await asker.page.goto(threadUrl);
		const reply = asker.page.getByRole('article', { name: 'Reactie van Marieke Hendriks' });
		await reply.getByRole('button', { name: 'Markeer als antwoord' }).click();
		await asker.page.waitForURL((url) => url.searchParams.get('gedaan') === 'antwoord');
		expect(await asker.page.getByRole('status').innerText()).toBe(
			'De reactie is gemarkeerd als antwoord.'
		);
		const answer = asker.page.getByRole('article', { name: 'Antwoord van Marieke Hendriks' });
		expect(await answer.innerText()).toContain('Geaccepteerd antwoord');
		expect(await asker.page.locator('main').innerText()).toContain('Deze vraag is beantwoord.');
		await expectAccessible(asker.page);

		// The list shows it as answered.
		await asker.page.goto(ACCOUNT_MANAGERS);
		const item = asker.page.getByRole('listitem').filter({ hasText: title });
		expect(await item.innerText()).toContain('Beantwoord');
		await asker.close();
		await helper.close();
	});

	it("keeps the coordinators' room's threads from non-members, on the page and in the API", async () => {
		const outsider = await openPage(browser);
		await signIn(outsider.page, 'demo-member11@example.org');
		const page = await outsider.page.goto('/netwerken/coordinatorenoverleg/discussies');
		expect(page?.status()).toBe(404);
		expect(await outsider.page.locator('main').innerText()).not.toContain('Gastspreker');
		const api = await outsider.page.request.get('/api/v1/networks/coordinatorenoverleg/threads');
		expect(api.status()).toBe(404);
		expect((await api.json()).error.code).toBe('not_found');
		await outsider.close();

		const insider = await openPage(browser);
		await signIn(insider.page, 'demo-coordinator@example.org');
		await insider.page.goto('/netwerken/coordinatorenoverleg');
		expect(await insider.page.locator('#discussies').locator('..').innerText()).toContain(
			'Gastspreker voor de najaarsbijeenkomst'
		);
		await expectAccessible(insider.page);
		const list = await insider.page.request.get('/api/v1/networks/coordinatorenoverleg/threads');
		expect(list.status()).toBe(200);
		const titles = ((await list.json()).items as { title: string }[]).map((t) => t.title);
		expect(titles).toContain('Gastspreker voor de najaarsbijeenkomst');
		await insider.close();
	});

	it('refuses a reply to a thread locked meanwhile, in Dutch, on the page and in the API', async () => {
		const member = await openPage(browser, { javaScript: false });
		await signIn(member.page, 'demo-member12@example.org');
		await member.page.goto(`${PROVINCES}/nieuw`);
		await member.page.getByLabel('Titel').fill(`Planning van de regiodag ${Date.now()}`);
		await member.page.getByLabel('Tekst').fill('Wie komt er naar de regiodag in maart?');
		await member.page.getByRole('button', { name: 'Plaatsen' }).click();
		await member.page.waitForURL((url) => /\/discussies\/[0-9a-f-]{36}$/.test(url.pathname));
		const threadUrl = member.page.url();
		const threadId = threadUrl.split('/').at(-1)!;
		await member.page.getByLabel('Je reactie').fill('Ik kom in elk geval.');

		// Meanwhile the coordinator locks the thread.
		const coordinator = await openPage(browser);
		await signIn(coordinator.page, 'demo-coordinator@example.org');
		await coordinator.page.goto(threadUrl);
		await expectAccessible(coordinator.page);
		await coordinator.page.getByRole('button', { name: 'Discussie sluiten' }).click();
		await coordinator.page.waitForURL((url) => url.searchParams.get('gedaan') === 'gesloten');
		expect(await coordinator.page.getByRole('status').innerText()).toBe(
			'De discussie is gesloten: leden kunnen niet meer reageren.'
		);

		await member.page.getByRole('button', { name: 'Reactie plaatsen' }).click();
		await member.page.getByRole('alert').waitFor();
		expect(await member.page.getByRole('alert').innerText()).toBe(
			'Deze discussie is gesloten: je kunt er niet meer op reageren of berichten in wijzigen.'
		);
		expect(await member.page.getByRole('button', { name: 'Reactie plaatsen' }).count()).toBe(0);
		expect(await member.page.locator('main').innerText()).toContain('Reacties (0)');
		// (axe needs scripts: this page is checked with them on in the other tests.)

		const api = await member.page.request.post(`/api/v1/threads/${threadId}/replies`, {
			data: { body: 'Via de API dan?' }
		});
		expect(api.status()).toBe(403);
		expect((await api.json()).error).toEqual({
			code: 'thread_locked',
			message: 'Deze discussie is gesloten: er kan niet meer op gereageerd worden.'
		});

		// Opened again, the reply goes through.
		await coordinator.page.getByRole('button', { name: 'Discussie heropenen' }).click();
		await coordinator.page.waitForURL((url) => url.searchParams.get('gedaan') === 'geopend');
		await member.page.goto(threadUrl);
		await member.page.getByLabel('Je reactie').fill('Ik kom in elk geval.');
		await member.page.getByRole('button', { name: 'Reactie plaatsen' }).click();
		await member.page.waitForURL((url) => url.searchParams.get('gedaan') === 'reactie');
		expect(await member.page.locator('main').innerText()).toContain('Reacties (1)');
		await member.close();
		await coordinator.close();
	});

	it('edits a reply with a visible "bewerkt" and its earlier version', async () => {
		const { page, close } = await openPage(browser);
		await signIn(page, 'demo-member13@example.org');
		await page.goto('/netwerken/mkb-deals/discussies/nieuw');
		await page.getByLabel('Titel').fill(`Evaluatie werkplaatsen ${Date.now()}`);
		await page.getByLabel('Tekst').fill('Eerste versie van mijn vraag.');
		await page.getByRole('button', { name: 'Plaatsen' }).click();
		await page.waitForURL((url) => /\/discussies\/[0-9a-f-]{36}$/.test(url.pathname));
		await page.getByRole('link', { name: 'Bericht bewerken' }).click();
		await expectAccessible(page);
		await page.getByLabel('Tekst', { exact: true }).fill('Tweede, betere versie.');
		await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
		await page.waitForURL((url) => url.searchParams.get('gedaan') === 'bewerkt');
		const post = page.locator('#bericht');
		expect(await post.innerText()).toContain('Tweede, betere versie.');
		await post.getByText(/^bewerkt op /).click();
		expect(await post.locator('.kn-history').innerText()).toContain(
			'Eerste versie van mijn vraag.'
		);
		await expectAccessible(page);
		await close();
	});
});

/**
 * Reports reach the admins: on a server of its own, because the admin of the shared server sets
 * up two-step verification in another test file.
 */
describe('reports', () => {
	let browser: Browser;
	let server: ChildProcess;
	let dataDir = '';
	let base = '';

	beforeAll(async () => {
		browser = await launchBrowser();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-reports-'));
		const port = await freePort();
		base = `http://localhost:${port}`;
		server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				LOG_LEVEL: 'warn',
				KN_E2E: '1',
				TRUST_PROXY: '1',
				DEMO_PASSWORD
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		await waitForHealthy(base, server);
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		if (server) await stopProcess(server);
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('a member reports a reply; an admin deletes it with a note, in the log', async () => {
		const member = await openPage(browser, { baseURL: base });
		await signIn(member.page, 'demo-member11@example.org');
		await member.page.goto(ACCOUNT_MANAGERS);
		await member.page
			.getByRole('link', { name: 'Bedrijfsbezoeken voorbereiden in tien minuten' })
			.click();
		const reply = member.page
			.getByRole('article')
			.filter({ hasText: 'Bekijk ook even de vacatures' });
		await reply.getByText('Melden', { exact: true }).click();
		await reply.getByRole('button', { name: 'Melding versturen' }).click();
		await member.page.getByRole('alert').waitFor();
		expect(await member.page.getByRole('alert').innerText()).toBe(
			'Schrijf kort waarom je dit bericht meldt.'
		);
		await expectAccessible(member.page);
		const again = member.page
			.getByRole('article')
			.filter({ hasText: 'Bekijk ook even de vacatures' });
		await again
			.getByLabel('Waarom meld je dit bericht?')
			.fill('Dit lijkt me een test van de meldknop.');
		await again.getByRole('button', { name: 'Melding versturen' }).click();
		await member.page.waitForURL((url) => url.searchParams.get('gedaan') === 'gemeld');
		expect(await member.page.getByRole('status').innerText()).toBe(
			'Bedankt voor je melding. De beheerders kijken ernaar.'
		);
		await member.close();

		// The admin sets up two-step verification first, as every admin must.
		const admin = await openPage(browser, { baseURL: base });
		await signIn(admin.page, 'demo-admin@example.org', '/profiel/tweestaps');
		await admin.page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
		await admin.page.getByRole('button', { name: 'Doorgaan' }).click();
		const secret = (await admin.page.getByTestId('totp-secret').innerText()).trim();
		await admin.page.getByLabel('Code van zes cijfers').fill(totp(secret));
		await admin.page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
		await admin.page.waitForURL((url) => url.pathname === '/profiel/tweestaps');

		await admin.page.goto('/beheer');
		await admin.page.getByRole('link', { name: 'Meldingen', exact: true }).click();
		await admin.page.waitForURL((url) => url.pathname === '/beheer/meldingen');
		const report = admin.page.getByRole('listitem').filter({ hasText: 'Dit lijkt me een test' });
		expect(await report.innerText()).toContain('Bekijk ook even de vacatures');
		expect(await report.innerText()).toContain('Bram Visser');
		await expectAccessible(admin.page);

		await report.getByRole('button', { name: 'Afhandelen' }).click();
		await admin.page.getByRole('alert').waitFor();
		expect(await admin.page.getByRole('alert').innerText()).toBe(
			'Schrijf kort wat je met de melding hebt gedaan.'
		);
		await expectAccessible(admin.page);
		const retry = admin.page.getByRole('listitem').filter({ hasText: 'Dit lijkt me een test' });
		await retry.getByLabel('Wat heb je besloten?').fill('Reactie verwijderd na overleg.');
		await retry.getByLabel('Verwijder ook de gemelde reactie').check();
		await retry.getByRole('button', { name: 'Afhandelen' }).click();
		await admin.page.waitForURL((url) => url.searchParams.get('gedaan') === 'verwijderd');
		expect(await admin.page.getByRole('status').innerText()).toBe(
			'De melding is afgehandeld en het bericht is verwijderd.'
		);
		expect(await admin.page.locator('main').innerText()).toContain('Er zijn geen open meldingen.');
		await expectAccessible(admin.page);

		// The reply keeps its place in the thread as "verwijderd", without its text.
		await admin.page.goto(ACCOUNT_MANAGERS);
		await admin.page
			.getByRole('link', { name: 'Bedrijfsbezoeken voorbereiden in tien minuten' })
			.click();
		await admin.page.waitForURL((url) => /\/discussies\/[0-9a-f-]{36}$/.test(url.pathname));
		const thread = await admin.page.locator('main').innerText();
		expect(thread).toContain('Deze reactie is verwijderd.');
		expect(thread).not.toContain('Bekijk ook even de vacatures');
		await expectAccessible(admin.page);

		await admin.page.goto('/beheer/logboek');
		expect(await admin.page.locator('tbody tr').first().innerText()).toContain(
			'Melding afgehandeld en het gemelde bericht verwijderd'
		);
		await admin.close();
	});
});
