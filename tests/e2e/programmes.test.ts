import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { DEMO_PASSWORD } from './global-setup';
import { freePort, stopProcess, waitForHealthy } from './process';

/**
 * A regional programme end to end, on a server of its own (to read the outbox): an editor starts
 * a programme with a group of one and adds a session; a member joins and is registered for the
 * session through the programme; a second member lands on the waiting list and gets the place,
 * with an e-mail, when the first leaves; the coordinator's page and the calendar filter show it.
 */

const EDITOR = 'demo-editor@example.org';
const FIRST = 'demo-member1@example.org';
const SECOND = 'demo-member2@example.org';
const TITLE = 'Kennisprogramma e2e: samenwerken in de Achterhoek';
const SESSION = 'Eerste leerwerkbijeenkomst e2e Achterhoek';

describe('programmes', () => {
	let browser: Browser;
	let server: ChildProcess;
	let dataDir = '';
	let base = '';
	let programmePath = '';
	let sessionPath = '';

	const mailsTo = async (to: string) => {
		const handle = openDatabase({ dataDir });
		try {
			return await handle.db
				.selectFrom('mail_outbox')
				.select(['subject', 'kind'])
				.where('to_address', '=', to)
				.where('kind', 'like', 'programme-%')
				.orderBy('created_at')
				.execute();
		} finally {
			await handle.close();
		}
	};

	beforeAll(async () => {
		browser = await launchBrowser();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-programmes-'));
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

	it('lets an editor start a programme and add a session to it', async () => {
		const editor = await openPage(browser, { baseURL: base });
		const page = editor.page;
		page.setDefaultTimeout(20_000);
		await signIn(page, EDITOR);
		await page.goto('/programmas');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Nieuw programma' }).click();
		await page.waitForURL((url) => url.pathname === '/programmas/nieuw');
		await expectAccessible(page);
		await page.getByLabel('Titel').fill('Ab');
		await page.getByRole('button', { name: 'Programma aanmaken' }).click();
		await page.getByRole('alert').first().waitFor();
		expect(await page.getByRole('alert').first().innerText()).toBe(
			'Geef het programma een titel van 3 tot 160 tekens.'
		);
		await expectAccessible(page);
		await page.getByLabel('Titel').fill(TITLE);
		await page.getByLabel('Regio', { exact: true }).fill('Achterhoek');
		await page
			.getByLabel('Korte samenvatting')
			.fill('Drie bijeenkomsten over hoe gemeenten en provincie samen ondernemers helpen.');
		await page.getByLabel('De opgave').fill('Ondernemers weten **niet** waar ze terechtkunnen.');
		await page.getByLabel('Wie ziet dit programma?').selectOption({ label: 'Iedereen (openbaar)' });
		await page.getByLabel('Aantal plaatsen in de groep').fill('1');
		await page.getByLabel('Gelderland').check();
		await page.getByRole('button', { name: 'Programma aanmaken' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/programmas/kennisprogramma-e2e'));
		programmePath = new URL(page.url()).pathname;
		expect(await page.locator('h1').innerText()).toBe(TITLE);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Bijeenkomst toevoegen aan dit programma' }).click();
		await page.waitForURL((url) => url.pathname === '/evenementen/nieuw');
		expect(await page.getByLabel('Organisator').inputValue()).toMatch(/^programme:/);
		await page.getByLabel('Titel').fill(SESSION);
		await page
			.getByLabel('Korte omschrijving')
			.fill('Met een gastexpert over één loket voor ondernemers in de regio.');
		await page.getByLabel('Soort bijeenkomst').selectOption({ label: 'Leerwerkbijeenkomst' });
		await page.getByLabel('Zichtbaar voor').selectOption({ label: 'Alle leden' });
		await page.getByLabel('Begin').fill('2027-05-12T13:00');
		await page.getByLabel('Einde').fill('2027-05-12T16:30');
		await page.getByLabel('Adres').fill('Stationsplein 1, 7001 GM Doetinchem');
		await page.getByRole('button', { name: 'Evenement aanmaken' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/evenementen/eerste-leerwerk'));
		sessionPath = new URL(page.url()).pathname;
		expect(await page.getByTestId('programme-session').innerText()).toContain(TITLE);
		await editor.close();
	}, 90_000);

	it('registers a member for the sessions through the group, and moves the waiting list up', async () => {
		const first = await openPage(browser, { baseURL: base });
		first.page.setDefaultTimeout(20_000);
		await signIn(first.page, FIRST);
		await first.page.goto(programmePath);
		await first.page.getByRole('button', { name: 'Aanmelden voor het programma' }).click();
		await first.page.getByRole('status').first().waitFor();
		expect(await first.page.getByTestId('my-programme-status').innerText()).toBe(
			'Je zit in de groep van dit programma.'
		);
		expect(await first.page.getByTestId('programme-timeline').innerText()).toContain(SESSION);
		await expectAccessible(first.page);
		// The session has them registered, through the programme: no button of its own.
		await first.page.goto(sessionPath);
		expect(await first.page.getByTestId('my-status').innerText()).toBe('Je bent aangemeld.');
		expect(await first.page.getByRole('button', { name: 'Afmelden' }).count()).toBe(0);
		await expectAccessible(first.page);

		const second = await openPage(browser, { baseURL: base });
		second.page.setDefaultTimeout(20_000);
		await signIn(second.page, SECOND);
		await second.page.goto(programmePath);
		await second.page.getByRole('button', { name: 'Op de wachtlijst' }).click();
		await second.page.getByTestId('my-programme-status').waitFor();
		expect(await second.page.getByTestId('my-programme-status').innerText()).toBe(
			'Je staat op plaats 1 van de wachtlijst.'
		);
		await expectAccessible(second.page);

		await first.page.goto(programmePath);
		await first.page.getByRole('button', { name: 'Afmelden voor het programma' }).click();
		await first.page.getByRole('status').first().waitFor();
		expect(await first.page.getByRole('status').first().innerText()).toBe(
			'Je bent afgemeld voor het programma en de komende bijeenkomsten.'
		);
		await second.page.goto(programmePath);
		expect(await second.page.getByTestId('my-programme-status').innerText()).toBe(
			'Je zit in de groep van dit programma.'
		);
		expect((await mailsTo(SECOND)).map((m) => m.kind)).toEqual([
			'programme-waitlisted',
			'programme-promoted'
		]);
		await second.page.goto(sessionPath);
		expect(await second.page.getByTestId('my-status').innerText()).toBe('Je bent aangemeld.');
		await first.close();
		await second.close();
	}, 90_000);

	it('shows the group to its coordinator and the session under the calendar filter', async () => {
		const editor = await openPage(browser, { baseURL: base });
		editor.page.setDefaultTimeout(20_000);
		await signIn(editor.page, EDITOR);
		await editor.page.goto(`${programmePath}/beheer`);
		// Jelle Bakker is demo-member2, who moved up from the waiting list.
		expect(await editor.page.getByTestId('cohort-enrolled').innerText()).toContain('Jelle Bakker');
		expect(await editor.page.getByTestId('cohort-enrolled').innerText()).not.toContain(
			'Anke Veldman'
		);
		await expectAccessible(editor.page);
		const slug = programmePath.split('/').pop()!;
		await editor.page.goto(`/evenementen?programma=${slug}`);
		const titles = await editor.page.locator('.kn-event-card h3').allInnerTexts();
		expect(titles).toEqual([SESSION]);
		expect(await editor.page.getByLabel('Programma', { exact: true }).inputValue()).toBe(slug);
		await expectAccessible(editor.page);
		await editor.close();
	}, 60_000);
});
