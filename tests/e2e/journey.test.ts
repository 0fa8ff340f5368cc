import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../src/lib/server/testing/smtp-server';
import { expectAccessible, launchBrowser, openPage } from './browser';
import { freePort, stopProcess, waitForHealthy } from './process';
import { totp } from '../../src/lib/server/testing/totp';

/**
 * The account journey of a new member, through real e-mail: apply, confirm the address with the
 * link from the verification mail, get approved by an admin, receive the approval mail, sign in,
 * turn on two-step verification and sign in again with it. It runs against its own server, whose
 * mail goes over SMTP to a server this test runs, so every link is followed as it was delivered.
 */

const DEMO_PASSWORD = 'journey-demo-wachtwoord-2026';
const ADMIN_EMAIL = 'demo-admin@example.org';
const APPLICANT = {
	name: 'Sanne de Wit',
	// Not on the allowlist: an admin has to approve the application.
	email: 'sanne.dewit@adviesbureau-journey.example',
	password: 'getijdenstroom-kwelder-buitendijks-slufter',
	organisation: 'Adviesbureau De Wit'
};
/** Generous: the in-process job worker polls every second; tests never assert a time. */
const MAIL_TIMEOUT = 30_000;

/** The two-step set-up at /profiel/tweestaps: password, then a code for the secret shown. */
async function turnOnTwoStep(page: Page, password: string) {
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Doorgaan' }).click();
	const secret = (await page.getByTestId('totp-secret').innerText()).trim();
	expect(secret).toMatch(/^[A-Z2-7]+=*$/);
	const usedAt = Date.now();
	await page.getByLabel('Code van zes cijfers').fill(totp(secret, usedAt));
	await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
	await page.waitForURL((url) => url.pathname === '/profiel/tweestaps');
	expect(await page.getByRole('status').innerText()).toBe(
		'Tweestapsverificatie staat aan voor je account.'
	);
	return { secret, usedAt };
}

async function signIn(page: Page, email: string, password: string) {
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('the journey of a new member, through real e-mail', () => {
	let server: ChildProcess | undefined;
	let smtp: TestSmtpServer | undefined;
	let browser: Browser | undefined;
	let baseURL = '';
	let dataDir = '';

	// What one step hands to the next: links from mails, the member's secret, and the admin's
	// and the member's browser sessions (the last step acts on the member while she is signed in).
	let admin: Awaited<ReturnType<typeof openPage>> | undefined;
	let member: Awaited<ReturnType<typeof openPage>> | undefined;
	let verificationLink = '';
	let signInLink = '';
	let memberSecret = '';
	let memberCodeUsedAt = 0;

	/** The mails delivered to `address` so far, oldest first. */
	const mailsTo = (address: string) => smtp?.to(address) ?? [];

	beforeAll(async () => {
		smtp = await startSmtpServer();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-journey-'));
		const port = await freePort();
		baseURL = `http://localhost:${port}`;
		server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				ORIGIN: baseURL,
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				SMTP_URL: smtp.url,
				LOG_LEVEL: 'warn',
				KN_E2E: '',
				DEMO_PASSWORD
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		await waitForHealthy(baseURL, server);
		browser = await launchBrowser();
	}, 180_000);

	afterAll(async () => {
		await admin?.close();
		await member?.close();
		await browser?.close();
		if (server) await stopProcess(server);
		await smtp?.close();
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('applies as a visitor and receives the verification mail over SMTP', async () => {
		const { page, problems, close } = await openPage(browser!, { baseURL });
		await page.goto('/aanmelden');
		expect(await page.locator('h1').innerText()).toBe('Lid worden');
		await page.getByLabel('Naam', { exact: true }).fill(APPLICANT.name);
		await page.getByLabel('E-mailadres').fill(APPLICANT.email);
		await page.getByLabel('Wachtwoord', { exact: true }).fill(APPLICANT.password);
		await page
			.getByLabel('Organisatie waar je werkt')
			.selectOption({ label: 'Mijn organisatie staat er niet tussen' });
		await page.getByLabel('Naam van de organisatie').fill(APPLICANT.organisation);
		await page.getByLabel('Soort organisatie').selectOption({ label: 'Overig' });
		await page.getByLabel('Je rol in het werkveld').selectOption({ label: 'Adviseur' });
		await page.getByLabel('Provincie waarin je werkt').selectOption({ label: 'Gelderland' });
		await page.getByLabel('Digitalisering').check();
		await page
			.getByLabel('Korte toelichting (niet verplicht)')
			.fill('Ik help mkb-bedrijven in Gelderland met hun eerste stappen in digitalisering.');
		await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
		await page.waitForURL((url) => url.pathname === '/aanmelden/verstuurd');
		expect(await page.locator('h1').innerText()).toBe('Kijk in je mailbox');

		await expect
			.poll(() => mailsTo(APPLICANT.email).length, {
				timeout: MAIL_TIMEOUT,
				message: 'verification mail delivered over SMTP'
			})
			.toBe(1);
		const mail = mailsTo(APPLICANT.email)[0]!;
		expect(mail.subject).toBe('Bevestig je e-mailadres voor het Kennisnetwerk');
		expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toContain(APPLICANT.email);
		expect(mail.from?.value[0]).toMatchObject({
			name: 'Kennisnetwerk',
			address: 'noreply@localhost'
		});
		expect(mail.text).toContain(`Beste ${APPLICANT.name},`);
		expect(mail.text).toContain('Bevestig je e-mailadres met deze link:');
		// The link points at this server (ORIGIN), not at some default host.
		const link = mail.text?.match(/https?:\/\/\S+/)?.[0] ?? '';
		expect(link.startsWith(`${baseURL}/`), link).toBe(true);
		expect(new URL(link).searchParams.get('token')).toBeTruthy();
		verificationLink = link;
		expect(problems).toEqual([]);
		await close();
	}, 120_000);

	it('confirms the address with the link from the mail and is told to await approval', async () => {
		expect(verificationLink, 'the link from the previous step').not.toBe('');
		const { page, problems, close } = await openPage(browser!, { baseURL });
		await page.goto(verificationLink);
		await page.waitForURL((url) => url.pathname === '/aanmelden/bevestigd');
		expect(await page.locator('h1').innerText()).toBe('E-mailadres bevestigd');
		expect(await page.getByRole('status').innerText()).toBe(
			'Je e-mailadres is bevestigd. Een beheerder beoordeelt nu je aanmelding.'
		);
		expect(await page.locator('main').innerText()).toContain(
			'Je krijgt een e-mail zodra je aanmelding is beoordeeld'
		);
		await expectAccessible(page);
		expect(problems).toEqual([]);
		await close();
	});

	it('is approved by the admin, who sets up two-step verification first', async () => {
		admin = await openPage(browser!, { baseURL });
		const { page, problems } = admin;
		await page.goto('/inloggen');
		await signIn(page, ADMIN_EMAIL, DEMO_PASSWORD);
		await page.waitForURL((url) => url.pathname === '/profiel/tweestaps');
		expect(await page.locator('main').innerText()).toContain(
			'Als beheerder moet je eerst tweestapsverificatie instellen'
		);
		await turnOnTwoStep(page, DEMO_PASSWORD);

		await page.goto('/beheer/aanmeldingen');
		expect(await page.locator('h1').innerText()).toBe('Aanmeldingen');
		const card = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: APPLICANT.name, exact: true }) });
		await expect.poll(() => card.count()).toBe(1);
		const details = await card.innerText();
		expect(details).toContain(APPLICANT.email);
		expect(details).toContain(APPLICANT.organisation);
		expect(details).toContain('Gelderland');
		await expectAccessible(page);

		await card.getByRole('button', { name: `Goedkeuren ${APPLICANT.name}` }).click();
		await expect
			.poll(() => page.getByRole('status').allInnerTexts())
			.toContain(`${APPLICANT.name} is goedgekeurd en heeft een e-mail gekregen.`);
		// Decided: no longer in the queue.
		expect(await page.getByRole('heading', { name: APPLICANT.name, exact: true }).count()).toBe(0);

		// The approval mail arrives over SMTP, in Dutch, with a link to the site.
		await expect
			.poll(() => mailsTo(APPLICANT.email).length, {
				timeout: MAIL_TIMEOUT,
				message: 'approval mail delivered over SMTP'
			})
			.toBe(2);
		const mail = mailsTo(APPLICANT.email)[1]!;
		expect(mail.subject).toBe('Welkom bij het Kennisnetwerk: je aanmelding is goedgekeurd');
		expect(mail.text).toContain(`Beste ${APPLICANT.name},`);
		expect(mail.text).toContain('is goedgekeurd');
		expect(mail.text).toContain('Je kunt nu inloggen');
		signInLink = mail.text?.match(/https?:\/\/\S+/)?.[0] ?? '';
		expect(signInLink).toBe(`${baseURL}/inloggen`);

		// The outbox says both were sent over SMTP, not kept back for lack of it.
		await expect
			.poll(
				async () => {
					await page.goto('/beheer/mail');
					return page
						.getByRole('row')
						.filter({ hasText: APPLICANT.email })
						.locator('td:last-child')
						.allInnerTexts();
				},
				{ timeout: MAIL_TIMEOUT }
			)
			.toEqual(['Verzonden', 'Verzonden']);
		expect(problems).toEqual([]);
	}, 120_000);

	it('signs in as a member, turns on two-step verification and needs it at the next sign-in', async () => {
		expect(signInLink, 'the link from the previous step').not.toBe('');
		member = await openPage(browser!, { baseURL });
		const { page, problems } = member;
		// Straight from the link in the approval mail.
		await page.goto(signInLink);
		expect(await page.locator('h1').innerText()).toBe('Inloggen');
		await signIn(page, APPLICANT.email, APPLICANT.password);
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('h1').innerText()).toBe(`Welkom, ${APPLICANT.name}`);
		expect(await page.locator('main').innerText()).toContain(
			`Je bent ingelogd als ${APPLICANT.email}.`
		);
		await expectAccessible(page);

		// Optional for members: nothing sends them there, they go themselves.
		await page.goto('/profiel/tweestaps');
		expect(await page.locator('h1').innerText()).toBe('Tweestapsverificatie instellen');
		expect(await page.locator('main').innerText()).not.toContain('Als beheerder moet je');
		({ secret: memberSecret, usedAt: memberCodeUsedAt } = await turnOnTwoStep(
			page,
			APPLICANT.password
		));

		await page.locator('header').getByRole('button', { name: 'Uitloggen' }).click();
		await page.waitForURL((url) => url.pathname === '/uitloggen');
		expect(await page.getByRole('status').innerText()).toBe('Je bent uitgelogd.');

		await page.goto('/inloggen');
		await signIn(page, APPLICANT.email, APPLICANT.password);
		await page.waitForURL((url) => url.pathname === '/inloggen/tweestaps');
		expect(await page.locator('h1').innerText()).toBe('Inloggen: tweede stap');
		// The password alone gives no session.
		expect(await page.locator('header').getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);

		// The code that turned it on is still valid for the clock, but each code works once.
		const step = 30_000;
		let refused = 0;
		if (Date.now() - memberCodeUsedAt < step) {
			refused++;
			await page.getByLabel('Code van zes cijfers').fill(totp(memberSecret, memberCodeUsedAt));
			await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
			await expect
				.poll(() => page.getByRole('alert').allInnerTexts())
				.toContain(
					'Deze code is al gebruikt. Wacht tot je app een nieuwe code toont en log opnieuw in. Inloggen'
				);
			await page.goto('/');
			expect(await page.locator('h1').innerText()).not.toContain('Welkom');
			await page.goto('/inloggen');
			await signIn(page, APPLICANT.email, APPLICANT.password);
			await page.waitForURL((url) => url.pathname === '/inloggen/tweestaps');
		}

		// A fresh code from the next window signs in.
		const nextWindow = (Math.floor(memberCodeUsedAt / step) + 1) * step;
		if (Date.now() < nextWindow) await page.waitForTimeout(nextWindow - Date.now() + 500);
		await page.getByLabel('Code van zes cijfers').fill(totp(memberSecret));
		await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/');
		expect(await page.locator('h1').innerText()).toBe(`Welkom, ${APPLICANT.name}`);
		// The reused code was answered 400 on purpose; nothing else went wrong.
		expect(problems).toEqual(
			Array(refused).fill(
				'Failed to load resource: the server responded with a status of 400 (Bad Request)'
			)
		);

		// Every mail went out over SMTP: the verification and the approval, nothing else.
		expect(mailsTo(APPLICANT.email).map((m) => m.subject)).toEqual([
			'Bevestig je e-mailadres voor het Kennisnetwerk',
			'Welkom bij het Kennisnetwerk: je aanmelding is goedgekeurd'
		]);
	}, 120_000);
	it('is made editor, suspended and reinstated by the admin, with a mail each time', async () => {
		expect(admin && member, 'the sessions of the previous steps').toBeTruthy();
		const { page, problems } = admin!;
		const mailCount = mailsTo(APPLICANT.email).length;

		// The member list finds her by a word of her organisation, with the filters in the URL.
		await page.goto('/beheer/leden');
		await page.getByLabel('Zoek op naam, e-mailadres of organisatie').fill('de wit');
		await page.getByLabel('Status').selectOption({ label: 'Actief' });
		await page.locator('main').getByRole('button', { name: 'Zoeken' }).click();
		await page.waitForURL((url) => url.searchParams.get('q') === 'de wit');
		expect(new URL(page.url()).searchParams.get('status')).toBe('active');
		const rows = page.locator('tbody tr');
		await expect.poll(() => rows.count()).toBe(1);
		expect(await rows.innerText()).toContain(APPLICANT.email);
		await expectAccessible(page);

		await page.getByRole('link', { name: APPLICANT.name }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/beheer/leden/'));
		expect(await page.locator('h1').innerText()).toBe(APPLICANT.name);
		await expectAccessible(page);

		await page.getByLabel('Redacteur').check();
		await page.getByRole('button', { name: 'Rol opslaan' }).click();
		await expect
			.poll(() => page.getByRole('status').allInnerTexts())
			.toContain(`${APPLICANT.name} heeft nu de rol Redacteur. We hebben een e-mail gestuurd.`);

		// Suspending asks for a reason, ends her session at once and mails her the reason.
		await page.getByRole('button', { name: 'Account schorsen' }).click();
		await expect
			.poll(() => page.getByRole('alert').allInnerTexts())
			.toContain('Vul de reden van de schorsing in; het lid krijgt die per e-mail.');
		expect(await page.getByLabel('Reden van de schorsing').getAttribute('aria-invalid')).toBe(
			'true'
		);
		await expectAccessible(page);
		const reason = 'Je profiel gaf zich uit voor een andere organisatie.';
		await page.getByLabel('Reden van de schorsing').fill(reason);
		await page.getByRole('button', { name: 'Account schorsen' }).click();
		await expect
			.poll(() => page.getByRole('status').allInnerTexts())
			.toContain(`${APPLICANT.name} is geschorst en overal uitgelogd. We hebben de reden gemaild.`);

		await member!.page.goto('/');
		expect(await member!.page.locator('h1').innerText()).not.toContain('Welkom');
		expect(
			await member!.page.locator('header').getByRole('button', { name: 'Uitloggen' }).count()
		).toBe(0);
		await member!.page.goto('/inloggen');
		await signIn(member!.page, APPLICANT.email, APPLICANT.password);
		await expect
			.poll(() => member!.page.getByRole('alert').allInnerTexts())
			.toContain(
				'Dit account is geschorst. Neem contact op met de beheerders als je denkt dat dit niet klopt.'
			);

		await page.getByRole('button', { name: 'Schorsing opheffen' }).click();
		await expect
			.poll(() => page.getByRole('status').allInnerTexts())
			.toContain(`De schorsing van ${APPLICANT.name} is opgeheven.`);

		await expect
			.poll(() => mailsTo(APPLICANT.email).length, { timeout: MAIL_TIMEOUT })
			.toBe(mailCount + 3);
		const [role, suspension, reinstatement] = mailsTo(APPLICANT.email).slice(mailCount);
		expect(role!.subject).toBe('Je bent nu redacteur van het Kennisnetwerk');
		expect(suspension!.subject).toBe('Je account bij het Kennisnetwerk is geschorst');
		expect(suspension!.text).toContain(reason);
		expect(reinstatement!.subject).toBe('Je account bij het Kennisnetwerk is weer actief');

		// The audit log says who did what.
		await page.goto('/beheer/logboek');
		const log = await page.locator('tbody').innerText();
		expect(log).toContain('Rol gewijzigd van Lid naar Redacteur');
		expect(log).toContain('Account geschorst');
		expect(log).toContain('Schorsing opgeheven');

		// Deleting asks for an explicit confirmation, then erases the account.
		await page.goto('/beheer/leden?q=demo-member30%40example.org');
		await page.locator('tbody a').first().click();
		await page.waitForURL((url) => url.pathname.startsWith('/beheer/leden/'));
		const doomed = await page.locator('h1').innerText();
		await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
		await expect
			.poll(() => page.getByRole('alert').allInnerTexts())
			.toContain('Vink aan dat je zeker weet dat je dit account wilt verwijderen.');
		await page.getByLabel(`Ik weet zeker dat ik het account van ${doomed} wil verwijderen`).check();
		await page.getByRole('button', { name: 'Account definitief verwijderen' }).click();
		await page.waitForURL((url) => url.pathname === '/beheer/leden');
		expect(await page.getByRole('status').first().innerText()).toBe('Het account is verwijderd.');
		await page.goto('/beheer/leden?q=demo-member30%40example.org');
		expect(await page.locator('main').innerText()).toContain('Gevonden accounts: 0');

		// An admin cannot change their own account here (no locking oneself out).
		await page.goto('/beheer/leden?q=demo-admin');
		await page.locator('tbody a').first().click();
		await page.waitForURL((url) => url.pathname.startsWith('/beheer/leden/'));
		expect(await page.locator('main').innerText()).toContain('Dit is je eigen account.');
		expect(await page.getByRole('button', { name: 'Account schorsen' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Rol opslaan' }).count()).toBe(0);
		// The suspension without a reason and the deletion without confirmation were answered 400
		// on purpose; nothing else went wrong.
		const badRequest =
			'Failed to load resource: the server responded with a status of 400 (Bad Request)';
		expect(problems).toEqual([badRequest, badRequest]);
	}, 120_000);
});
