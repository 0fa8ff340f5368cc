import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DB, openDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/db/setup';
import { registerGuest } from '../../src/lib/server/features/events/mutations';
import { inviteToNetwork } from '../../src/lib/server/features/networks/mutations';
import { axeViolations, launchBrowser } from './browser';
import { stopProcess } from './process';
import {
	discoverPages,
	discoverRoutes,
	postForm,
	setUpTwoFactor,
	signInByForm,
	startServer
} from './routes';

/**
 * axe (WCAG 2.1 A and AA and its best practices, as in every e2e test) on every page the app
 * has, each as someone who may see it and with real demo data in its [slug] or [id]. Pages come from the same route
 * discovery as the access matrix: a new page fails this test until it has a visit below, so
 * none is forgotten. One browser and one page, whose cookies change with the role.
 */

const PASSWORD = 'axe-wachtwoord-2026-elke-pagina';
/**
 * Dutch always. The English pass (the language cookie) doubles the run time, so it runs only
 * with AXE_ENGLISH=1 (it found nothing the Dutch pass did not on 30 November 2026).
 */
const LANGUAGES = process.env.AXE_ENGLISH === '1' ? ['nl', 'en'] : ['nl'];
type Role = 'visitor' | 'member' | 'coordinator' | 'editor' | 'admin';

/** What the demo holds, for the routes' parameters (found in the database the server runs on). */
interface Demo {
	member2Id: string;
	member1Id: string;
	publicEvent: string;
	coordinatorsEvent: string;
	guestToken: string;
	memberToken: string;
	knowledge: string;
	memberNetwork: string;
	coordinatorsNetwork: string;
	thread: string;
	conversation: string;
	programme: string;
	organisation: string;
	theme: string;
	invitationToken: string;
	mailId: string;
	resetToken: string;
}

/**
 * GET routes that are no HTML page, so axe has nothing to check there. Every other GET route
 * must have a visit in VISITS. (All of /api/ answers JSON and is left out by that rule.)
 */
const NOT_PAGES = [
	// Files and feeds.
	'GET /kennis/rss.xml',
	'GET /kennis/[slug]/bijlagen/[id]',
	'GET /kennis/[slug]/omslag',
	'GET /leden/[id]/foto',
	'GET /evenementen/[slug]/agenda.ics',
	'GET /evenementen/[slug]/materialen/[id]',
	'GET /evenementen/[slug]/beheer/export.csv',
	'GET /evenementen/agenda/[token]',
	'GET /netwerken/[slug]/leden.csv',
	'GET /programmas/[slug]/beheer/deelnemers.csv',
	'GET /profiel/gegevens/export',
	// JSON.
	'GET /embed/evenementen.json',
	'GET /zoeken/suggesties',
	// Plain text for probes and Prometheus.
	'GET /healthz',
	'GET /metrics',
	// Only redirects: the language switch sets a cookie and goes back.
	'GET /taal',
	// Only an error: lets the e2e tests see the 500 page, a 404 outside them (KN_E2E=1).
	'GET /test-fout'
];
const isNotPage = (route: string) => route.startsWith('GET /api/') || NOT_PAGES.includes(route);

type Visit = { as: Role; path: (d: Demo) => string };
const at = (as: Role, path: string | ((d: Demo) => string)): Visit => ({
	as,
	path: typeof path === 'string' ? () => path : path
});

/** "GET /route" → how to see it: as whom, at which address. Some pages differ enough to see twice. */
const VISITS: Record<string, Visit[]> = {
	'GET /': [at('visitor', '/'), at('member', '/')],
	'GET /aanmelden': [at('visitor', '/aanmelden')],
	'GET /aanmelden/bevestigd': [at('visitor', '/aanmelden/bevestigd')],
	'GET /aanmelden/verstuurd': [at('visitor', '/aanmelden/verstuurd')],
	'GET /account-verwijderd': [at('visitor', '/account-verwijderd')],
	'GET /beheer': [at('admin', '/beheer')],
	'GET /beheer/aanmeldingen': [at('admin', '/beheer/aanmeldingen')],
	'GET /beheer/domeinen': [at('admin', '/beheer/domeinen')],
	'GET /beheer/leden': [at('admin', '/beheer/leden')],
	'GET /beheer/leden/[id]': [at('admin', (d) => `/beheer/leden/${d.member1Id}`)],
	'GET /beheer/logboek': [at('admin', '/beheer/logboek')],
	'GET /beheer/mail': [at('admin', '/beheer/mail')],
	'GET /beheer/mail/[id]': [at('admin', (d) => `/beheer/mail/${d.mailId}`)],
	'GET /beheer/meldingen': [at('admin', '/beheer/meldingen')],
	'GET /beheer/organisaties': [at('admin', '/beheer/organisaties')],
	'GET /beheer/synoniemen': [at('admin', '/beheer/synoniemen')],
	'GET /berichten': [at('member', '/berichten')],
	'GET /berichten/[id]': [at('member', (d) => `/berichten/${d.conversation}`)],
	'GET /berichten/nieuw': [at('member', (d) => `/berichten/nieuw?aan=${d.member2Id}`)],
	'GET /embed/evenementen': [at('visitor', '/embed/evenementen')],
	'GET /evenementen': [at('visitor', '/evenementen')],
	// A visitor sees the guest form, a member the registration.
	'GET /evenementen/[slug]': [
		at('visitor', (d) => `/evenementen/${d.publicEvent}`),
		at('member', (d) => `/evenementen/${d.publicEvent}`)
	],
	'GET /evenementen/[slug]/beheer': [
		at('coordinator', (d) => `/evenementen/${d.coordinatorsEvent}/beheer`)
	],
	'GET /evenementen/[slug]/beheer/aanwezigheid': [
		at('coordinator', (d) => `/evenementen/${d.coordinatorsEvent}/beheer/aanwezigheid`)
	],
	'GET /evenementen/[slug]/beheer/materialen': [
		at('coordinator', (d) => `/evenementen/${d.coordinatorsEvent}/beheer/materialen`)
	],
	'GET /evenementen/[slug]/bewerken': [
		at('coordinator', (d) => `/evenementen/${d.coordinatorsEvent}/bewerken`)
	],
	'GET /evenementen/afmelden/[token]': [
		at('visitor', (d) => `/evenementen/afmelden/${d.memberToken}`)
	],
	'GET /evenementen/bevestigen/[token]': [
		at('visitor', (d) => `/evenementen/bevestigen/${d.guestToken}`)
	],
	'GET /evenementen/insluiten': [at('coordinator', '/evenementen/insluiten')],
	'GET /evenementen/nieuw': [at('coordinator', '/evenementen/nieuw')],
	'GET /inloggen': [at('visitor', '/inloggen')],
	'GET /inloggen/tweestaps': [at('visitor', '/inloggen/tweestaps')],
	'GET /kennis': [at('visitor', '/kennis')],
	// A member also sees the comment form and the buttons.
	'GET /kennis/[slug]': [
		at('visitor', (d) => `/kennis/${d.knowledge}`),
		at('member', (d) => `/kennis/${d.knowledge}`)
	],
	'GET /kennis/[slug]/bewerken': [at('editor', (d) => `/kennis/${d.knowledge}/bewerken`)],
	'GET /kennis/[slug]/bijlagen': [at('editor', (d) => `/kennis/${d.knowledge}/bijlagen`)],
	'GET /kennis/[slug]/versies': [at('editor', (d) => `/kennis/${d.knowledge}/versies`)],
	'GET /kennis/nieuw': [at('member', '/kennis/nieuw')],
	'GET /leden': [at('member', '/leden')],
	'GET /leden/[id]': [at('member', (d) => `/leden/${d.member2Id}`)],
	'GET /netwerken': [at('visitor', '/netwerken')],
	'GET /netwerken/[slug]': [
		at('visitor', (d) => `/netwerken/${d.memberNetwork}`),
		at('member', (d) => `/netwerken/${d.memberNetwork}`)
	],
	'GET /netwerken/[slug]/beheer': [
		at('coordinator', (d) => `/netwerken/${d.coordinatorsNetwork}/beheer`)
	],
	'GET /netwerken/[slug]/discussies': [
		at('member', (d) => `/netwerken/${d.memberNetwork}/discussies`)
	],
	'GET /netwerken/[slug]/discussies/[id]': [
		at('member', (d) => `/netwerken/${d.memberNetwork}/discussies/${d.thread}`)
	],
	'GET /netwerken/[slug]/discussies/nieuw': [
		at('member', (d) => `/netwerken/${d.memberNetwork}/discussies/nieuw`)
	],
	'GET /netwerken/[slug]/leden': [at('member', (d) => `/netwerken/${d.memberNetwork}/leden`)],
	'GET /netwerken/nieuw': [at('coordinator', '/netwerken/nieuw')],
	'GET /organisaties': [at('visitor', '/organisaties')],
	'GET /organisaties/[id]': [at('visitor', (d) => `/organisaties/${d.organisation}`)],
	'GET /privacy': [at('visitor', '/privacy')],
	'GET /profiel': [at('member', '/profiel')],
	'GET /profiel/agenda': [at('member', '/profiel/agenda')],
	'GET /profiel/gegevens': [at('member', '/profiel/gegevens')],
	'GET /profiel/tokens': [at('member', '/profiel/tokens')],
	'GET /profiel/tweestaps': [at('member', '/profiel/tweestaps')],
	'GET /profiel/volgend': [at('member', '/profiel/volgend')],
	'GET /programmas': [at('visitor', '/programmas')],
	'GET /programmas/[slug]': [at('member', (d) => `/programmas/${d.programme}`)],
	'GET /programmas/[slug]/beheer': [at('coordinator', (d) => `/programmas/${d.programme}/beheer`)],
	'GET /programmas/[slug]/bewerken': [
		at('coordinator', (d) => `/programmas/${d.programme}/bewerken`)
	],
	'GET /programmas/nieuw': [at('editor', '/programmas/nieuw')],
	'GET /themas': [at('visitor', '/themas')],
	'GET /themas/[slug]': [at('visitor', (d) => `/themas/${d.theme}`)],
	'GET /toegankelijkheid': [at('visitor', '/toegankelijkheid')],
	// Signed in: the buttons to sign out here or everywhere (opening the page ends nothing).
	'GET /uitloggen': [at('member', '/uitloggen')],
	'GET /uitnodiging/[token]': [at('member', (d) => `/uitnodiging/${d.invitationToken}`)],
	'GET /volgen': [at('member', '/volgen')],
	'GET /wachtwoord-herstellen': [
		at('visitor', (d) => `/wachtwoord-herstellen?token=${d.resetToken}`)
	],
	'GET /wachtwoord-vergeten': [at('visitor', '/wachtwoord-vergeten')],
	// With results and facets.
	'GET /zoeken': [at('visitor', '/zoeken?q=mkb')]
};

const email = (n: number | string) =>
	typeof n === 'number' ? `demo-member${n}@example.org` : `demo-${n}@example.org`;

async function userId(db: DB, address: string): Promise<string> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', address)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The demo's rows for each parameter, and an invitation for demo-member1 (mailed, so in the outbox). */
async function findDemo(db: DB): Promise<Omit<Demo, 'resetToken'>> {
	const member1Id = await userId(db, email(1));
	const member2Id = await userId(db, email(2));
	const coordinatorId = await userId(db, email('coordinator'));
	const now = new Date().toISOString();
	const first = async <T>(query: { executeTakeFirst(): Promise<T | undefined> }, what: string) => {
		const row = await query.executeTakeFirst();
		if (!row) throw new Error(`the demo has no ${what}`);
		return row;
	};

	const publicEvent = await first(
		db
			.selectFrom('events')
			.select('slug')
			.where('visibility', '=', 'public')
			.where('starts_at', '>', now)
			.orderBy('starts_at'),
		'upcoming public event'
	);
	// An event of a network the coordinator runs (they manage those).
	const coordinatorsEvent = await first(
		db
			.selectFrom('events')
			.innerJoin('network_members', 'network_members.network_id', 'events.network_id')
			.select('events.slug')
			.where('network_members.user_id', '=', coordinatorId)
			.where('network_members.role', '=', 'coordinator')
			.where('events.starts_at', '>', now)
			.orderBy('events.starts_at'),
		"event of the coordinator's network"
	);
	// A guest who registered for a public event and has yet to confirm by the mailed link.
	const guestEmail = 'gast-axe@voorbeeld.example';
	const openEvents = await db
		.selectFrom('events')
		.select('id')
		.where('visibility', '=', 'public')
		.where('starts_at', '>', now)
		.orderBy('starts_at')
		.execute();
	for (const event of openEvents) {
		const guest = { name: 'Gast Axe', email: guestEmail, organisation: 'Gemeente Zwolle' };
		const done = await registerGuest(db, { eventId: event.id, ...guest, origin: 'http://x' });
		if (done.ok) break;
	}
	const guest = await first(
		db.selectFrom('event_registrations').select('token').where('guest_email', '=', guestEmail),
		'public event that takes guests'
	);
	const registration = await first(
		db
			.selectFrom('event_registrations')
			.innerJoin('events', 'events.id', 'event_registrations.event_id')
			.select('event_registrations.token')
			.where('event_registrations.user_id', '=', member1Id)
			.where('events.starts_at', '>', now),
		"member's upcoming registration"
	);
	const knowledge = await first(
		db
			.selectFrom('knowledge_items')
			.select('slug')
			.where('status', '=', 'published')
			.where('visibility', '=', 'public')
			.orderBy('featured', 'desc')
			.orderBy('slug'),
		'public knowledge item'
	);
	// A public network demo-member1 is in, with a discussion.
	const memberNetwork = await first(
		db
			.selectFrom('networks')
			.innerJoin('network_members', 'network_members.network_id', 'networks.id')
			.innerJoin('threads', 'threads.network_id', 'networks.id')
			.select(['networks.id', 'networks.slug', 'threads.id as thread'])
			.where('network_members.user_id', '=', member1Id)
			.where('network_members.status', '=', 'active')
			.where('networks.visibility', '=', 'public')
			.where('threads.deleted_at', 'is', null)
			.orderBy('threads.last_activity_at', 'desc'),
		"network of demo-member1's with a discussion"
	);
	const coordinatorsNetwork = await first(
		db
			.selectFrom('networks')
			.innerJoin('network_members', 'network_members.network_id', 'networks.id')
			.select(['networks.id', 'networks.slug'])
			.where('network_members.user_id', '=', coordinatorId)
			.where('network_members.role', '=', 'coordinator')
			.orderBy('networks.position'),
		"coordinator's network"
	);
	const conversation = await first(
		db
			.selectFrom('conversations')
			.select('id')
			.where((eb) => eb.or([eb('member_a_id', '=', member1Id), eb('member_b_id', '=', member1Id)])),
		"demo-member1's conversation"
	);
	const programme = await first(
		db
			.selectFrom('programmes')
			.innerJoin('programme_coordinators', 'programme_coordinators.programme_id', 'programmes.id')
			.select('programmes.slug')
			.where('programme_coordinators.user_id', '=', coordinatorId)
			.orderBy('programmes.slug'),
		"coordinator's programme"
	);
	const organisation = await first(
		db.selectFrom('organisations').select('slug').where('slug', '=', 'gemeente-zwolle'),
		'organisation'
	);
	const theme = await first(db.selectFrom('themes').select('id').orderBy('position'), 'theme');

	// An invitation for demo-member1 to a network they are not in.
	const elsewhere = await first(
		db
			.selectFrom('networks')
			.select('id')
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('network_members')
							.select('user_id')
							.whereRef('network_members.network_id', '=', 'networks.id')
							.where('network_members.user_id', '=', member1Id)
					)
				)
			)
			.orderBy('position'),
		'network without demo-member1'
	);
	await inviteToNetwork(db, {
		networkId: elsewhere.id,
		emails: [email(1)],
		message: 'Doe je mee?',
		actorId: coordinatorId,
		origin: 'http://localhost'
	});
	const mail = await first(
		db
			.selectFrom('mail_outbox')
			.select(['id', 'text_body'])
			.where('kind', '=', 'network-invitation')
			.where('to_address', '=', email(1)),
		'invitation mail'
	);
	const invitationToken = mail.text_body.match(/\/uitnodiging\/([\w-]+)/)?.[1];
	if (!invitationToken) throw new Error('no link in the invitation mail');

	return {
		member1Id,
		member2Id,
		publicEvent: publicEvent.slug,
		coordinatorsEvent: coordinatorsEvent.slug,
		guestToken: guest.token,
		memberToken: registration.token,
		knowledge: knowledge.slug,
		memberNetwork: memberNetwork.slug,
		coordinatorsNetwork: coordinatorsNetwork.slug,
		thread: memberNetwork.thread,
		conversation: conversation.id,
		programme: programme.slug,
		organisation: organisation.slug,
		theme: theme.id,
		invitationToken,
		mailId: mail.id
	};
}

describe('axe on every page', () => {
	let server: ChildProcess;
	let baseURL = '';
	let dataDir = '';
	let stopping = false;
	let demo: Demo;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	const sessions: Record<Role, string> = {
		visitor: '',
		member: '',
		coordinator: '',
		editor: '',
		admin: ''
	};

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-axe-'));
		const handle = openDatabase({ dataDir });
		await prepareDatabase(handle.db, {
			seedDemo: true,
			adminEmail: undefined,
			adminPassword: undefined,
			demoPassword: PASSWORD,
			dataDir
		});
		const found = await findDemo(handle.db);
		await handle.close();

		let output: () => string;
		({ server, baseURL, output } = await startServer(dataDir));
		// A server that stops during the visits says why (the visits then fail as unreachable).
		server.on('exit', (code, signal) => {
			if (!stopping) console.log(`server exited with ${code ?? signal}:\n${output()}`);
		});
		browser = await launchBrowser();

		sessions.member = (await signInByForm(baseURL, email(1), PASSWORD)).cookie;
		sessions.coordinator = (await signInByForm(baseURL, email('coordinator'), PASSWORD)).cookie;
		sessions.editor = (await signInByForm(baseURL, email('editor'), PASSWORD)).cookie;
		// The admin sets up two-step verification first, as every admin must.
		const admin = await signInByForm(baseURL, email('admin'), PASSWORD);
		sessions.admin = await setUpTwoFactor(baseURL, admin.cookie, PASSWORD);

		// A real password-reset link, for the form behind it.
		await postForm(baseURL, '', '/wachtwoord-vergeten', { email: email(5) });
		const db = openDatabase({ dataDir });
		const reset = await db.db
			.selectFrom('verifications')
			.select('identifier')
			.where('identifier', 'like', 'reset-password:%')
			.executeTakeFirst();
		await db.close();
		if (!reset) throw new Error('no password-reset token after asking for one');
		demo = { ...found, resetToken: reset.identifier.slice('reset-password:'.length) };

		context = await browser.newContext({ baseURL, locale: 'nl-NL' });
		page = await context.newPage();
		// A page that never settles is reported, not waited for until the test's time is up.
		page.setDefaultTimeout(15_000);
	}, 180_000);

	afterAll(async () => {
		stopping = true;
		await browser?.close();
		if (server) await stopProcess(server);
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('has a way to visit every page, and lists no route that does not exist', () => {
		const routes = discoverRoutes().filter((r) => r.startsWith('GET '));
		const pages = routes.filter((r) => !isNotPage(r));
		expect(
			pages.filter((r) => !(r in VISITS)),
			'pages without a visit'
		).toEqual([]);
		expect(Object.keys(VISITS).filter((r) => !pages.includes(r))).toEqual([]);
		expect(NOT_PAGES.filter((r) => !routes.includes(r))).toEqual([]);
		// Every +page.svelte is visited: none hides in the list of routes that are no page.
		expect(discoverPages().filter((r) => isNotPage(r))).toEqual([]);
	});

	/** What is wrong with one page: it cannot be seen, is in the wrong language, or axe objects. */
	async function check(route: string, target: string, language: string): Promise<string[]> {
		const response = await page.goto(target);
		const status = response?.status();
		const landed = new URL(page.url()).pathname;
		if (status !== 200 || landed !== target.split('?')[0]) {
			return [`cannot be seen (${status}, at ${landed})`];
		}
		// Svelte pages are checked once hydrated (the embed is static HTML).
		if (!route.startsWith('GET /embed/')) {
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		}
		const problems: string[] = [];
		const lang = await page.getAttribute('html', 'lang');
		if (lang !== language) problems.push(`<html lang="${lang}">`);
		return [...problems, ...(await axeViolations(page))];
	}

	it('finds no WCAG 2.1 AA or best-practice violation on any page', async () => {
		const problems: string[] = [];
		let visited = 0;
		for (const language of LANGUAGES) {
			for (const [route, visits] of Object.entries(VISITS)) {
				for (const visit of visits) {
					// The embed answers everyone alike, in Dutch, whatever the cookie says.
					if (language !== 'nl' && route === 'GET /embed/evenementen') continue;
					const target = visit.path(demo);
					await context.clearCookies();
					const cookies = sessions[visit.as]
						.split('; ')
						.filter(Boolean)
						.map((c) => c.split('='))
						.map(([name, ...value]) => ({ name: name!, value: value.join('='), url: baseURL }));
					cookies.push({ name: 'kn_taal', value: language, url: baseURL });
					await context.addCookies(cookies);

					const where = `${language} ${target} (${route} as ${visit.as})`;
					try {
						problems.push(...(await check(route, target, language)).map((p) => `${where}: ${p}`));
					} catch (err) {
						problems.push(`${where}: ${(err as Error).message.split('\n')[0]}`);
					}
					visited++;
				}
			}
		}
		expect(problems).toEqual([]);
		console.log(`axe on every page: ${visited} visits`);
	}, 600_000);
});
