import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { createToken } from '../../src/lib/server/features/api-tokens/mutations';
import { startSmtpServer, type TestSmtpServer } from '../../src/lib/server/testing/smtp-server';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { DEMO_PASSWORD } from './global-setup';
import { freePort, stopProcess, waitForHealthy } from './process';

/**
 * Events end to end, on a server of its own so the test can read the mail outbox: a coordinator
 * creates a learning session with one place on the last Sunday of March (the day summer time
 * starts), a member takes the place, another lands on the waiting list, the first cancels and
 * the second gets the place and the e-mail; the .ics parses back to the same instant.
 */

const COORDINATOR = 'demo-coordinator@example.org';
const FIRST = 'demo-member31@example.org';
const SECOND = 'demo-member32@example.org';
const TITLE = 'Leerwerkbijeenkomst e2e: regionale arbeidsmarkt';
const ONLINE = 'https://meet.example.org/e2e-arbeidsmarkt';

describe('events', () => {
	let browser: Browser;
	let server: ChildProcess;
	let dataDir = '';
	let base = '';
	let eventPath = '';
	/** A real SMTP server: the app's job worker delivers every mail of this file there. */
	let smtp: TestSmtpServer | undefined;

	const outbox = async (to: string) => {
		const handle = openDatabase({ dataDir });
		try {
			return await handle.db
				.selectFrom('mail_outbox')
				.select(['subject', 'text_body', 'kind'])
				.where('to_address', '=', to)
				.orderBy('created_at')
				.execute();
		} finally {
			await handle.close();
		}
	};

	beforeAll(async () => {
		browser = await launchBrowser();
		smtp = await startSmtpServer();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-events-'));
		const port = await freePort();
		base = `http://localhost:${port}`;
		server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				SMTP_URL: smtp.url,
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
		await smtp?.close();
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('shows the calendar as a list and a month, with filters in the URL', async () => {
		const visitor = await openPage(browser, { baseURL: base });
		await visitor.page.goto('/evenementen');
		expect(await visitor.page.locator('h1').innerText()).toBe('Evenementen');
		await expectAccessible(visitor.page);
		await visitor.page.getByLabel('Soort').selectOption({ label: 'Webinar' });
		await visitor.page.getByRole('button', { name: 'Filteren' }).click();
		await visitor.page.waitForURL((url) => url.searchParams.get('vorm') === 'webinar');
		const titles = await visitor.page.locator('.kn-event-card h3').allInnerTexts();
		expect(titles.length).toBeGreaterThan(0);
		expect(titles.every((t) => t.startsWith('Webinar'))).toBe(true);
		await visitor.page.getByRole('link', { name: 'Maandoverzicht' }).click();
		await visitor.page.waitForURL((url) => url.searchParams.get('weergave') === 'maand');
		expect(new URL(visitor.page.url()).searchParams.get('vorm')).toBe('webinar');
		await expectAccessible(visitor.page);
		// Past events show what came after them: the demo programmes' session reports.
		await visitor.page.goto('/evenementen?wanneer=voorbij');
		const after = visitor.page.getByTestId('card-followup').getByRole('link');
		expect((await after.allInnerTexts()).some((t) => t.startsWith('Verslag: '))).toBe(true);
		expect(await visitor.page.locator('.kn-event-card').first().innerText()).toContain('Afgelopen');
		await expectAccessible(visitor.page);
		await visitor.close();
	}, 60_000);

	it('lets a coordinator create an event, with a Dutch message for an end before the start', async () => {
		const coordinator = await openPage(browser, { baseURL: base });
		coordinator.page.setDefaultTimeout(20_000);
		await signIn(coordinator.page, COORDINATOR);
		await coordinator.page.goto('/evenementen/nieuw');
		await expectAccessible(coordinator.page);
		const page = coordinator.page;
		await page.getByLabel('Titel').fill(TITLE);
		await page
			.getByLabel('Korte omschrijving')
			.fill('Met gastexperts over de krapte op de regionale arbeidsmarkt.');
		await page.getByLabel('Soort bijeenkomst').selectOption({ label: 'Leerwerkbijeenkomst' });
		await page.getByLabel('Organisator').selectOption({ label: 'Regio Zwolle' });
		await page.getByLabel('Zichtbaar voor').selectOption({ label: 'Alle leden' });
		// 28 March 2027 is the last Sunday of March: summer time starts that night.
		await page.getByLabel('Begin').fill('2027-03-28T10:00');
		await page.getByLabel('Einde').fill('2027-03-28T09:00');
		await page.getByLabel('Op locatie of online').selectOption({ label: 'Op locatie en online' });
		await page.getByLabel('Adres').fill('Lübeckplein 2, 8017 JZ Zwolle');
		await page.getByLabel('Link voor online deelname').fill(ONLINE);
		await page.getByLabel('Aantal plaatsen').fill('1');
		await page.getByLabel('Vragen aan deelnemers').fill('Wat wil je leren?*');
		await page.getByRole('button', { name: 'Evenement aanmaken' }).click();
		await page.getByRole('alert').first().waitFor();
		expect(await page.getByRole('alert').first().innerText()).toBe(
			'Het einde moet na het begin liggen.'
		);
		await expectAccessible(page);
		await page.getByLabel('Einde').fill('2027-03-28T13:00');
		await page.getByRole('button', { name: 'Evenement aanmaken' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/evenementen/leerwerkbijeenkomst-e2e'));
		eventPath = new URL(page.url()).pathname;
		expect(await page.locator('h1').innerText()).toBe(TITLE);
		expect(await page.locator('time').first().innerText()).toBe(
			'zondag 28 maart 2027, 10:00–13:00'
		);
		await coordinator.close();
	}, 60_000);

	it('puts the second member on the waiting list and promotes them when the first cancels', async () => {
		const first = await openPage(browser, { baseURL: base });
		first.page.setDefaultTimeout(20_000);
		await signIn(first.page, FIRST);
		await first.page.goto(eventPath);
		expect(await first.page.getByTestId('online-link').count()).toBe(0);
		await first.page.getByLabel('Wat wil je leren?').fill('Hoe andere regio’s werkgevers helpen.');
		await first.page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
		await first.page.getByRole('status').waitFor();
		expect(await first.page.getByRole('status').innerText()).toBe(
			'Je bent aangemeld. Je krijgt een bevestiging per e-mail.'
		);
		await first.page.goto(eventPath);
		expect(await first.page.getByTestId('online-link').innerText()).toBe(ONLINE);

		const second = await openPage(browser, { baseURL: base });
		second.page.setDefaultTimeout(20_000);
		await signIn(second.page, SECOND);
		await second.page.goto(eventPath);
		await expectAccessible(second.page);
		await second.page.getByLabel('Wat wil je leren?').fill('Wat werkt bij omscholing.');
		await second.page.getByRole('button', { name: 'Op de wachtlijst' }).click();
		await second.page.getByRole('status').waitFor();
		expect(await second.page.getByRole('status').innerText()).toContain('op plaats 1');
		await second.page.goto(eventPath);
		expect(await second.page.getByTestId('my-status').innerText()).toBe(
			'Je staat op de wachtlijst, op plaats 1.'
		);
		expect(await second.page.getByTestId('online-link').count()).toBe(0);
		await expectAccessible(second.page);

		await first.page.getByRole('button', { name: 'Afmelden' }).click();
		await first.page.getByRole('status').waitFor();
		expect(await first.page.getByRole('status').innerText()).toBe('Je bent afgemeld.');
		await first.close();

		// The promotion happened in the same transaction as the cancellation; the job worker then
		// delivers its mail over SMTP, with the meeting link and a cancel link.
		const subject = `Er is een plek voor je vrijgekomen: ${TITLE}`;
		const delivered = () => smtp!.to(SECOND).find((m) => m.subject === subject);
		await expect
			.poll(() => delivered() !== undefined, {
				timeout: 30_000,
				message: 'promotion mail delivered over SMTP'
			})
			.toBe(true);
		expect(delivered()!.text).toContain(ONLINE);
		expect(delivered()!.text).toContain('/evenementen/afmelden/');

		await second.page.goto(eventPath);
		expect(await second.page.getByTestId('my-status').innerText()).toBe('Je bent aangemeld.');
		expect(await second.page.getByTestId('online-link').innerText()).toBe(ONLINE);

		// The registrant's .ics: the same instant (08:00 UTC is 10:00 summer time), with the link.
		const [download] = await Promise.all([
			second.page.waitForEvent('download'),
			second.page.getByTestId('ics-link').click()
		]);
		const file = await download.path();
		const text = fs.readFileSync(file, 'utf8');
		const calendar = new ICAL.Component(ICAL.parse(text));
		ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!));
		const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
		expect(event.summary).toBe(TITLE);
		expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z');
		expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-28T11:00:00.000Z');
		expect(event.description).toContain(ONLINE);
		// Nothing the browser complained about (the CSP forbids inline styles and scripts).
		expect(first.problems).toEqual([]);
		expect(second.problems).toEqual([]);
		await second.close();
	}, 90_000);

	it('shows the coordinator the registrations and exports them with the answers', async () => {
		const coordinator = await openPage(browser, { baseURL: base });
		coordinator.page.setDefaultTimeout(20_000);
		await signIn(coordinator.page, COORDINATOR);
		await coordinator.page.goto(`${eventPath}/beheer`);
		await expectAccessible(coordinator.page);
		expect(await coordinator.page.getByTestId('manage-counts').innerText()).toBe(
			'1 van 1 plaatsen bezet · 0 op de wachtlijst'
		);
		const response = await coordinator.page.request.get(`${eventPath}/beheer/export.csv`);
		expect(response.status()).toBe(200);
		const csv = await response.text();
		expect(csv).toContain('"Wat wil je leren?"');
		expect(csv).toContain('"Wat werkt bij omscholing."');
		await coordinator.page.goto(`${eventPath}/beheer/aanwezigheid`);
		await expectAccessible(coordinator.page);
		await coordinator.page.locator('input[name="attended"]').first().check();
		await coordinator.page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
		await coordinator.page.getByRole('status').waitFor();
		expect(await coordinator.page.getByRole('status').innerText()).toBe('Opgeslagen: 1 aanwezig.');

		// A copy for the next edition: everything but the dates, which are set anew.
		await coordinator.page.goto(`${eventPath}/beheer`);
		await coordinator.page.getByRole('link', { name: 'Kopiëren voor een volgende editie' }).click();
		await coordinator.page.waitForURL((url) => url.searchParams.has('kopie'));
		await expectAccessible(coordinator.page);
		expect(await coordinator.page.getByLabel('Titel').inputValue()).toBe(TITLE);
		expect(await coordinator.page.getByLabel('Link voor online deelname').inputValue()).toBe(
			ONLINE
		);
		expect(await coordinator.page.getByLabel('Aantal plaatsen').inputValue()).toBe('1');
		expect(await coordinator.page.getByLabel('Begin').inputValue()).toBe('');
		expect(await coordinator.page.getByLabel('Einde').inputValue()).toBe('');
		expect(coordinator.problems).toEqual([]);
		await coordinator.close();
	}, 60_000);

	it('lets a guest register for a public webinar, confirm by e-mail and cancel by its link', async () => {
		const guest = await openPage(browser, { baseURL: base });
		guest.page.setDefaultTimeout(20_000);
		await guest.page.goto('/evenementen');
		await guest.page.getByRole('link', { name: 'Webinar: data over het mkb in je regio' }).click();
		await guest.page.getByLabel('Naam', { exact: true }).fill('Gerda Gast');
		await guest.page.getByLabel('E-mailadres').fill('gerda@@bedrijf');
		await guest.page.getByLabel('Wat wil je leren?').fill('Welke cijfers er zijn.');
		await guest.page.getByRole('button', { name: 'Aanmelden als gast' }).click();
		await guest.page.getByRole('alert').waitFor();
		expect(await guest.page.getByRole('alert').innerText()).toBe(
			'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.'
		);
		await expectAccessible(guest.page);
		await guest.page.getByLabel('E-mailadres').fill('gerda@bedrijf.example');
		await guest.page.getByLabel('Wat wil je leren?').fill('Welke cijfers er zijn.');
		await guest.page.getByRole('button', { name: 'Aanmelden als gast' }).click();
		await guest.page.getByRole('status').waitFor();
		expect(await guest.page.getByRole('status').innerText()).toContain('gerda@bedrijf.example');

		const [confirm] = await outbox('gerda@bedrijf.example');
		expect(confirm?.subject).toBe('Bevestig je aanmelding: Webinar: data over het mkb in je regio');
		const confirmUrl = /https?:\/\/\S+\/evenementen\/bevestigen\/\S+/.exec(confirm!.text_body)![0];
		const cancelUrl = /https?:\/\/\S+\/evenementen\/afmelden\/\S+/.exec(confirm!.text_body)![0];
		await guest.page.goto(new URL(confirmUrl).pathname);
		await expectAccessible(guest.page);
		await guest.page.getByRole('button', { name: 'Aanmelding bevestigen' }).click();
		await guest.page.getByRole('status').waitFor();
		expect(await guest.page.getByRole('status').innerText()).toContain('je bent aangemeld');
		const mails = await outbox('gerda@bedrijf.example');
		const registered = mails.find((m) => m.kind === 'event-registered');
		expect(registered?.text_body).toContain('https://meet.example.org/');

		await guest.page.goto(new URL(cancelUrl).pathname);
		await guest.page.getByRole('button', { name: 'Ja, meld mij af' }).click();
		await guest.page.getByRole('status').waitFor();
		expect(await guest.page.getByRole('status').innerText()).toBe(
			'Je bent afgemeld voor Webinar: data over het mkb in je regio.'
		);
		// The link is stale now: a clear message, no error page.
		const stale = await guest.page.goto(new URL(cancelUrl).pathname);
		expect(stale?.status()).toBe(200);
		expect(await guest.page.getByRole('alert').innerText()).toBe(
			'Deze link werkt niet meer: de aanmelding bestaat niet meer of is al afgemeld.'
		);
		await expectAccessible(guest.page);
		await guest.close();
	}, 90_000);

	it('serves my events as a feed at a secret link I can renew, and others an .ics without the meeting link', async () => {
		const member = await openPage(browser, { baseURL: base });
		await signIn(member.page, 'demo-member1@example.org');
		await member.page.goto('/profiel/agenda');
		await expectAccessible(member.page);
		const webcal = (await member.page.getByTestId('webcal-link').getAttribute('href'))!;
		const feed = await member.page.getByLabel('Je persoonlijke agenda-link').inputValue();
		expect(webcal).toBe(feed.replace(/^https?:/, 'webcal:'));

		const read = async (url: string) => {
			const response = await fetch(url);
			expect(response.headers.get('content-type')).toContain('text/calendar');
			return new ICAL.Component(ICAL.parse(await response.text()));
		};
		const calendar = await read(feed);
		const webinar = calendar
			.getAllSubcomponents('vevent')
			.map((v) => new ICAL.Event(v))
			.find((e) => e.summary === 'Webinar: data over het mkb in je regio')!;
		expect(webinar).toBeDefined();
		// Demo member 1 has a place: their feed carries the meeting link.
		expect(webinar.description).toContain('https://meet.example.org/');
		const eventUrl = String(webinar.component.getFirstPropertyValue('url'));

		// Anyone else's .ics of the same public webinar: the same event, without the link.
		const ics = await fetch(`${eventUrl}/agenda.ics`);
		expect(ics.status).toBe(200);
		const text = await ics.text();
		expect(text).toContain('SUMMARY:Webinar: data over het mkb in je regio');
		expect(text).not.toContain('meet.example.org');

		// A new link retires the old one at once.
		await member.page.getByRole('button', { name: /Nieuwe link maken/ }).click();
		await member.page.getByText('Je hebt een nieuwe agenda-link').waitFor();
		const renewed = await member.page.getByLabel('Je persoonlijke agenda-link').inputValue();
		expect(renewed).not.toBe(feed);
		expect((await fetch(feed)).status).toBe(404);
		expect((await read(renewed)).getAllSubcomponents('vevent').length).toBe(
			calendar.getAllSubcomponents('vevent').length
		);
		await member.close();
	}, 60_000);

	it('answers the API with stable codes: 401, 404, 400, 409, and 202 with the position', async () => {
		const api = (pathname: string, init: RequestInit = {}) =>
			fetch(`${base}${pathname}`, {
				...init,
				headers: { accept: 'application/json', origin: base, ...init.headers }
			});
		const handle = openDatabase({ dataDir });
		let token: string;
		try {
			const member = await handle.db
				.selectFrom('users')
				.select('id')
				.where('email', '=', 'demo-member33@example.org')
				.executeTakeFirstOrThrow();
			token = (await createToken(handle.db, member.id, { name: 'e2e' })).token;
		} finally {
			await handle.close();
		}
		const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

		type List = { items: { slug: string; title: string; visibility: string }[] };
		const visitorList = (await (await api('/api/v1/events')).json()) as List;
		expect(visitorList.items.length).toBeGreaterThan(0);
		expect(visitorList.items.every((e) => e.visibility === 'public')).toBe(true);
		const memberList = (await (await api('/api/v1/events', { headers: auth })).json()) as List;
		const full = memberList.items.find(
			(e) => e.title === 'Leerwerkbijeenkomst circulaire bedrijventerreinen'
		)!;
		expect((await api(`/api/v1/events/${full.slug}`)).status).toBe(404);
		expect(
			((await (await api('/api/v1/events?mode=fiets')).json()) as { error: { code: string } }).error
				.code
		).toBe('invalid_query');
		expect(
			(await api(`/api/v1/events/${full.slug}/registration`, { method: 'POST', body: '{}' })).status
		).toBe(401);

		const register = () =>
			api(`/api/v1/events/${full.slug}/registration`, {
				method: 'POST',
				headers: auth,
				body: '{}'
			});
		const missing = await register();
		expect(missing.status).toBe(400);
		expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
			'answers_missing'
		);
		const body = JSON.stringify({ answers: { 'wat-wil-je-leren': 'Hoe Zwolle het aanpakt.' } });
		const waiting = await api(`/api/v1/events/${full.slug}/registration`, {
			method: 'POST',
			headers: auth,
			body
		});
		expect(waiting.status).toBe(202);
		expect(await waiting.json()).toEqual({ status: 'waitlisted', position: 3 });
		const again = await api(`/api/v1/events/${full.slug}/registration`, {
			method: 'POST',
			headers: auth,
			body
		});
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ status: 'waitlisted', position: 3 });
		const cancel = () =>
			api(`/api/v1/events/${full.slug}/registration`, { method: 'DELETE', headers: auth });
		expect(await (await cancel()).json()).toEqual({ cancelled: 'waitlisted' });
		const stale = await cancel();
		expect(stale.status).toBe(409);
		expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('not_registered');

		const past = (await (await api('/api/v1/events?when=past', { headers: auth })).json()) as List;
		const closed = await api(`/api/v1/events/${past.items[0]!.slug}/registration`, {
			method: 'POST',
			headers: auth,
			body: '{}'
		});
		expect(closed.status).toBe(409);
		expect(((await closed.json()) as { error: { code: string } }).error.code).toBe(
			'registration_closed'
		);
	}, 60_000);
	it('lets an organiser create, change and follow an event through the API, across the March clock change', async () => {
		const api = (pathname: string, token: string | null, init: RequestInit = {}) =>
			fetch(`${base}${pathname}`, {
				...init,
				headers: {
					accept: 'application/json',
					'content-type': 'application/json',
					...(token ? { authorization: `Bearer ${token}` } : {})
				}
			});
		const send = (method: string, pathname: string, token: string, body: unknown) =>
			api(pathname, token, { method, body: JSON.stringify(body) });
		const code = async (response: Response) =>
			((await response.json()) as { error: { code: string; message: string } }).error;

		const handle = openDatabase({ dataDir });
		const tokens: Record<string, string> = {};
		let networkSlug: string;
		try {
			for (const email of [
				'demo-coordinator@example.org',
				'demo-member34@example.org',
				'demo-member35@example.org',
				'demo-member36@example.org'
			]) {
				const user = await handle.db
					.selectFrom('users')
					.select('id')
					.where('email', '=', email)
					.executeTakeFirstOrThrow();
				tokens[email] = (await createToken(handle.db, user.id, { name: 'e2e-api' })).token;
			}
			networkSlug = (
				await handle.db
					.selectFrom('network_members as nm')
					.innerJoin('networks as n', 'n.id', 'nm.network_id')
					.innerJoin('users as u', 'u.id', 'nm.user_id')
					.select('n.slug')
					.where('u.email', '=', 'demo-coordinator@example.org')
					.where('nm.role', '=', 'coordinator')
					.where('nm.status', '=', 'active')
					.where('n.visibility', '!=', 'private')
					.executeTakeFirstOrThrow()
			).slug;
		} finally {
			await handle.close();
		}
		const coordinator = tokens['demo-coordinator@example.org']!;
		const ada = tokens['demo-member34@example.org']!;
		const bram = tokens['demo-member35@example.org']!;
		const cas = tokens['demo-member36@example.org']!;

		// 28 March 2027: clocks go from 02:00 to 03:00. 10:00 summer time is 08:00 UTC.
		const event = {
			title: 'API-webinar over de klokwissel',
			summary: 'Een webinar dat via de API is aangemaakt, op de dag dat de zomertijd begint.',
			format: 'webinar',
			organiser: { kind: 'network', slug: networkSlug },
			visibility: 'public',
			startsAt: '2027-03-28T10:00:00+02:00',
			endsAt: '2027-03-28T11:30',
			locationKind: 'online',
			onlineUrl: 'https://vergadering.example/klokwissel',
			capacity: 2,
			questions: [{ label: 'Wat wil je leren?', required: true }],
			themes: ['digitalisering'],
			provinces: ['NL-GE']
		};
		expect((await send('POST', '/api/v1/events', ada, event)).status).toBe(403);
		const backwards = await send('POST', '/api/v1/events', coordinator, {
			...event,
			endsAt: '2027-03-28T09:00'
		});
		expect(backwards.status).toBe(400);
		expect(await code(backwards)).toEqual({
			code: 'ends_before_start',
			message: 'Het einde moet na het begin liggen.'
		});
		const unknownTheme = await send('POST', '/api/v1/events', coordinator, {
			...event,
			themes: ['bestaat-niet']
		});
		expect((await code(unknownTheme)).code).toBe('invalid_input');
		const missing = await send('POST', '/api/v1/events', coordinator, {
			title: 'Alleen een titel'
		});
		expect((await code(missing)).code).toBe('invalid_input');

		const created = await send('POST', '/api/v1/events', coordinator, event);
		expect(created.status).toBe(201);
		const body = (await created.json()) as { slug: string; startsAt: string; endsAt: string };
		expect(created.headers.get('location')).toBe(`/api/v1/events/${body.slug}`);
		expect(body).toMatchObject({
			title: event.title,
			startsAt: '2027-03-28T08:00:00.000Z',
			endsAt: '2027-03-28T09:30:00.000Z',
			capacity: 2,
			organiser: { kind: 'network', slug: networkSlug },
			themes: [{ id: 'digitalisering' }],
			onlineUrl: event.onlineUrl
		});
		const path = `/api/v1/events/${body.slug}`;

		const answers = { answers: { 'wat-wil-je-leren': 'Hoe anderen het aanpakken.' } };
		expect((await send('POST', `${path}/registration`, ada, answers)).status).toBe(201);
		expect((await send('POST', `${path}/registration`, bram, answers)).status).toBe(201);
		const waiting = await send('POST', `${path}/registration`, cas, answers);
		expect(waiting.status).toBe(202);
		expect(await waiting.json()).toEqual({ status: 'waitlisted', position: 1 });

		expect((await api(`${path}/registrations`, ada)).status).toBe(403);
		type Registrations = {
			items: { name: string; status: string; position: number | null; memberId: string }[];
			total: number;
		};
		const listed = async () =>
			(await (await api(`${path}/registrations`, coordinator)).json()) as Registrations;
		const before = await listed();
		expect(before.total).toBe(3);
		expect(before.items.map((r) => [r.status, r.position])).toEqual([
			['registered', null],
			['registered', null],
			['waitlisted', 1]
		]);
		expect(before.items.every((r) => typeof r.memberId === 'string')).toBe(true);

		// A capacity below the number registered: both keep their place, nobody new gets one.
		const smaller = await send('PATCH', path, coordinator, { capacity: 1 });
		expect(smaller.status).toBe(200);
		expect(await smaller.json()).toMatchObject({ capacity: 1, surplus: 1, registered: 2 });
		// Only what is named changes.
		const renamed = await send('PATCH', path, coordinator, { title: 'API-webinar, nieuwe titel' });
		expect(await renamed.json()).toMatchObject({
			title: 'API-webinar, nieuwe titel',
			startsAt: '2027-03-28T08:00:00.000Z',
			capacity: 1,
			questions: [{ id: 'wat-wil-je-leren', required: true }]
		});
		const wrong = await send('PATCH', path, coordinator, { endsAt: '2027-03-28T07:00:00Z' });
		expect((await code(wrong)).code).toBe('ends_before_start');
		expect((await send('PATCH', path, ada, { title: 'Overgenomen' })).status).toBe(403);
		expect(await (await api(path, null)).json()).toMatchObject({
			title: 'API-webinar, nieuwe titel',
			endsAt: '2027-03-28T09:30:00.000Z'
		});

		// One of the two leaves: still one over the capacity of one, so the waiting list waits.
		expect(await (await api(`${path}/registration`, ada, { method: 'DELETE' })).json()).toEqual({
			cancelled: 'registered'
		});
		expect((await listed()).items.map((r) => r.status)).toEqual(['registered', 'waitlisted']);
		const more = await send('PATCH', path, coordinator, { capacity: 2 });
		expect(await more.json()).toMatchObject({ registered: 2, waitlisted: 0, surplus: 0 });

		const day = (await (
			await api('/api/v1/events?from=2027-03-28&to=2027-03-29', null)
		).json()) as { items: { slug: string }[] };
		expect(day.items.map((e) => e.slug)).toContain(body.slug);
		const dayBefore = (await (
			await api('/api/v1/events?from=2027-03-27&to=2027-03-28', null)
		).json()) as { items: { slug: string }[] };
		expect(dayBefore.items.map((e) => e.slug)).not.toContain(body.slug);
		expect((await code(await api('/api/v1/events?from=gisteren', null))).code).toBe(
			'invalid_query'
		);
	}, 60_000);
});
