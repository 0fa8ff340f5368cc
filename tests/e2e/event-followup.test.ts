import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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
 * After the session, end to end on a server of its own (to read the outbox): the demo
 * coordinator shares a PDF for a past event their network organised; demo-member33, who took
 * part, gets the e-mail, downloads the file and evaluates the session; the coordinator sees the
 * evaluation on the organisers' page.
 */

const COORDINATOR = 'demo-coordinator@example.org';
const PARTICIPANT = 'demo-member33@example.org';
const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');

describe('after the session', () => {
	let browser: Browser;
	let server: ChildProcess;
	let dataDir = '';
	let base = '';
	let slug = '';

	const withDb = async <T>(
		work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>
	): Promise<T> => {
		const handle = openDatabase({ dataDir });
		try {
			return await work(handle.db);
		} finally {
			await handle.close();
		}
	};

	beforeAll(async () => {
		browser = await launchBrowser();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-followup-'));
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
		// A past event that the coordinator's network organised and members see; member33 had a place.
		slug = await withDb(async (db) => {
			const event = await db
				.selectFrom('events as e')
				.innerJoin('network_members as nm', 'nm.network_id', 'e.network_id')
				.innerJoin('users as u', 'u.id', 'nm.user_id')
				.select(['e.id', 'e.slug'])
				.where('u.email', '=', COORDINATOR)
				.where('nm.role', '=', 'coordinator')
				.where('e.visibility', 'in', ['public', 'members'])
				.where('e.ends_at', '<', new Date().toISOString())
				.orderBy('e.starts_at', 'desc')
				.executeTakeFirstOrThrow();
			const member = await db
				.selectFrom('users')
				.select('id')
				.where('email', '=', PARTICIPANT)
				.executeTakeFirstOrThrow();
			await db
				.insertInto('event_registrations')
				.values({
					id: randomUUID(),
					event_id: event.id,
					user_id: member.id,
					guest_name: null,
					guest_email: null,
					guest_organisation: null,
					status: 'registered',
					queue_number: null,
					token: randomUUID(),
					attended: true,
					promoted_at: null
				})
				.onConflict((oc) => oc.doNothing())
				.execute();
			return event.slug;
		});
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		if (server) await stopProcess(server);
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('the coordinator shares a file; the participant is told, downloads it and evaluates', async () => {
		const coordinator = await openPage(browser, { baseURL: base });
		coordinator.page.setDefaultTimeout(20_000);
		await signIn(coordinator.page, COORDINATOR);
		await coordinator.page.goto(`/evenementen/${slug}/beheer`);
		await coordinator.page.getByRole('link', { name: 'Materiaal na afloop' }).click();
		await coordinator.page.waitForURL((url) => url.pathname.endsWith('/beheer/materialen'));
		await expectAccessible(coordinator.page);
		// A link that is not http(s) is refused in Dutch.
		await coordinator.page
			.getByLabel('Link naar opname of presentatie (optioneel)')
			.fill('javascript:alert(1)');
		await coordinator.page.getByRole('button', { name: 'Opslaan' }).click();
		await coordinator.page.getByText('Vul een geldig adres in').waitFor();
		await coordinator.page.getByLabel('Bestand toevoegen').setInputFiles({
			name: 'presentatie.pdf',
			mimeType: 'application/pdf',
			buffer: pdf
		});
		await coordinator.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
		await coordinator.page.getByText('presentatie.pdf is toegevoegd.').waitFor();
		await expectAccessible(coordinator.page);

		const mails = await withDb((db) =>
			db
				.selectFrom('mail_outbox')
				.select(['subject', 'text_body'])
				.where('to_address', '=', PARTICIPANT)
				.where('kind', '=', 'event-materials')
				.execute()
		);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.text_body).toContain(`/evenementen/${slug}`);

		const member = await openPage(browser, { baseURL: base });
		member.page.setDefaultTimeout(20_000);
		await signIn(member.page, PARTICIPANT);
		await member.page.goto(`/evenementen/${slug}`);
		const file = member.page.getByRole('link', { name: 'presentatie.pdf' });
		const href = await file.getAttribute('href');
		const download = await member.page.request.get(href!);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-disposition']).toContain('attachment');
		expect(Buffer.from(await download.body())).toEqual(pdf);

		await member.page.getByLabel('4 van 5').check();
		await member.page.getByLabel('Wat was voor jou het waardevolst?').fill('De casus uit Zwolle');
		await member.page.getByLabel('Wat kan beter?').fill('Meer tijd voor vragen');
		await member.page.getByRole('button', { name: 'Versturen' }).click();
		await member.page.getByText('Bedankt voor je evaluatie.').waitFor();
		await expectAccessible(member.page);
		// The participant does not see the organisers' page, nor others' answers.
		const organisers = await member.page.request.get(`/evenementen/${slug}/beheer`);
		expect(organisers.status()).toBe(403);
		await member.close();

		await coordinator.page.goto(`/evenementen/${slug}/beheer`);
		const evaluations = coordinator.page.getByTestId('evaluations');
		expect(await evaluations.innerText()).toContain('Gemiddeld 4 van 5, uit 1 evaluaties.');
		expect(await evaluations.innerText()).toContain('Meer tijd voor vragen');
		// Someone who may not see the materials gets the same 404 as for a file that is not there.
		const visitor = await openPage(browser, { baseURL: base });
		expect((await visitor.page.request.get(href!)).status()).toBe(404);
		await visitor.close();
		await coordinator.close();
	}, 120_000);

	it("the coordinator writes the report from the organisers' page; it is linked both ways", async () => {
		const coordinator = await openPage(browser, { baseURL: base });
		coordinator.page.setDefaultTimeout(20_000);
		await signIn(coordinator.page, COORDINATOR);
		const page = coordinator.page;
		await page.goto(`/evenementen/${slug}/beheer`);
		await page.getByRole('link', { name: 'Verslag schrijven' }).click();
		await page.waitForURL((url) => url.pathname === '/kennis/nieuw');
		await page.getByTestId('report-for-event').waitFor();
		expect(await page.getByLabel('Verslag', { exact: true }).isChecked()).toBe(true);
		await page.getByLabel('Titel').fill('Verslag e2e: wat we leerden');
		await page.getByLabel('Samenvatting').fill('De belangrijkste lessen van de bijeenkomst.');
		await page.getByLabel('Tekst', { exact: true }).fill('Drie lessen uit de bijeenkomst.');
		await page.getByLabel('Openbaar: iedereen').check();
		await page.getByRole('button', { name: 'Publiceren' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/kennis/verslag-e2e'));
		const back = page.getByTestId('report-event').getByRole('link');
		expect(await back.getAttribute('href')).toBe(`/evenementen/${slug}`);
		await back.click();
		await page.waitForURL((url) => url.pathname === `/evenementen/${slug}`);
		const reports = page.getByTestId('event-reports');
		expect(await reports.innerText()).toContain('Verslag e2e: wat we leerden');
		await expectAccessible(page);
		await coordinator.close();

		const told = await withDb((db) =>
			db
				.selectFrom('mail_outbox')
				.select('subject')
				.where('to_address', '=', PARTICIPANT)
				.where('kind', '=', 'event-report')
				.execute()
		);
		expect(told).toHaveLength(1);
	}, 120_000);
});
