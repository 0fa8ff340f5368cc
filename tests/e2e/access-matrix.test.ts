import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/db/setup';
import { buildMember } from '../../src/lib/server/testing/factories';
import { freePort, stopProcess, waitForHealthy } from './process';
import { totp } from '../../src/lib/server/testing/totp';

/**
 * The access matrix: every page, form action and API route × every role, with the outcome each
 * role must get. It runs against its own server and database, and fails when a route exists
 * that the matrix does not list. (Network roles arrive with the networks capability; until then
 * "member of another network" and "coordinator" are plain members.)
 */

const ROLES = [
	'visitor',
	'applicant',
	'member',
	'outsider',
	'coordinator',
	'editor',
	'admin',
	'suspended'
] as const;
type Role = (typeof ROLES)[number];
/** ok: served (or, for an action, handled: 2xx, 303 onwards or a 400 for the empty form). */
type Outcome = 'ok' | 'login' | 'forbidden' | 'unauthorized' | 'home' | 'not_found' | 'conflict';

const PASSWORD = 'matrix-wachtwoord-2026';
const all = (o: Outcome): Record<Role, Outcome> =>
	Object.fromEntries(ROLES.map((r) => [r, o])) as Record<Role, Outcome>;
const signedIn = (visitor: Outcome, others: Outcome): Record<Role, Outcome> => ({
	visitor,
	applicant: others,
	member: others,
	outsider: others,
	coordinator: others,
	editor: others,
	admin: others,
	suspended: visitor
});
const own = signedIn('login', 'ok');
const admin = (adminOutcome: Outcome = 'ok'): Record<Role, Outcome> => ({
	...signedIn('login', 'forbidden'),
	admin: adminOutcome
});
/** The private room: invisible to outsiders, visitors and applicants; `inside` for its members. */
const room = (inside: Outcome, visitor: Outcome = 'not_found'): Record<Role, Outcome> => ({
	visitor,
	applicant: 'not_found',
	member: inside,
	outsider: 'not_found',
	coordinator: inside,
	editor: inside,
	admin: inside,
	suspended: visitor
});
/** Coordinating the room: its coordinator and admins; its other members are refused. */
const coordinating = (visitor: Outcome = 'login'): Record<Role, Outcome> => ({
	...room('forbidden', visitor),
	coordinator: 'ok',
	admin: 'ok'
});
/**
 * A network's discussions: visitors are sent to sign in and applicants refused before any
 * network is looked up; in the room, `inside` for its members (the thread [id] is unknown).
 */
const discussing = (inside: Outcome): Record<Role, Outcome> => ({
	...room(inside, 'login'),
	applicant: 'forbidden'
});
/** Editors' pages (search synonyms): editors and admins; other members are refused. */
const editorial = (outcome: Outcome = 'ok'): Record<Role, Outcome> => ({
	...signedIn('login', 'forbidden'),
	editor: outcome,
	admin: outcome
});
/** The demo's private network, whose slug stands for [slug] in the matrix. */
const ROOM = 'coordinatorenoverleg';
const api = signedIn('unauthorized', 'ok');
/** What active members use (messages, following): applicants are refused. */
const members = (memberOutcome: Outcome = 'ok'): Record<Role, Outcome> => ({
	...signedIn('login', memberOutcome),
	applicant: 'forbidden'
});
const membersApi = (memberOutcome: Outcome = 'ok'): Record<Role, Outcome> => ({
	...members(memberOutcome),
	visitor: 'unauthorized',
	suspended: 'unauthorized'
});
const guestOnly = signedIn('ok', 'home');

/** "METHOD /path" (actions as "POST /path?/name") → expected outcome per role. */
const MATRIX: Record<string, Record<Role, Outcome>> = {
	'GET /': all('ok'),
	'GET /netwerken': all('ok'),
	'GET /programmas': all('ok'),
	'GET /programmas/nieuw': { ...admin(), editor: 'ok' },
	'POST /programmas/nieuw?/default': { ...admin(), editor: 'ok' },
	'GET /programmas/[slug]': signedIn('login', 'not_found'),
	'POST /programmas/[slug]?/aanmelden': signedIn('login', 'not_found'),
	'POST /programmas/[slug]?/afmelden': signedIn('login', 'not_found'),
	'GET /programmas/[slug]/bewerken': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/bewerken?/default': signedIn('login', 'not_found'),
	'GET /programmas/[slug]/beheer': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/beheer?/toevoegen': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/beheer?/verwijderen': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/beheer?/omvang': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/beheer?/inschrijving': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/beheer?/coordinatorToevoegen': signedIn('login', 'not_found'),
	'POST /programmas/[slug]/beheer?/coordinatorVerwijderen': signedIn('login', 'not_found'),
	'GET /programmas/[slug]/beheer/deelnemers.csv': signedIn('login', 'not_found'),
	'GET /kennis': all('ok'),
	// Knowledge: [slug] is unknown (no item is called after the room), so it is a 404 for
	// everyone who gets as far as the lookup; actions send visitors to sign in and refuse
	// applicants before looking.
	'GET /kennis/[slug]': all('not_found'),
	'POST /kennis/[slug]?/reageren': members('not_found'),
	'POST /kennis/[slug]?/nuttig': members('not_found'),
	'POST /kennis/[slug]?/toepassen': members('not_found'),
	'POST /kennis/[slug]?/publiceren': members('not_found'),
	'POST /kennis/[slug]?/uitlichten': members('not_found'),
	'GET /kennis/[slug]/bewerken': members('not_found'),
	'POST /kennis/[slug]/bewerken?/default': members('not_found'),
	'GET /kennis/[slug]/versies': members('not_found'),
	'POST /kennis/[slug]/versies?/herstellen': members('not_found'),
	'GET /kennis/[slug]/bijlagen': members('not_found'),
	'POST /kennis/[slug]/bijlagen?/toevoegen': members('not_found'),
	'POST /kennis/[slug]/bijlagen?/verwijderen': members('not_found'),
	'GET /kennis/[slug]/bijlagen/[id]': all('not_found'),
	'POST /kennis/[slug]/bijlagen?/omslag': members('not_found'),
	'POST /kennis/[slug]/bijlagen?/omslagWeg': members('not_found'),
	'GET /kennis/[slug]/omslag': all('not_found'),
	'GET /kennis/nieuw': members(),
	'POST /kennis/nieuw?/default': members(),
	'POST /kennis/voorbeeld': membersApi(),
	'GET /kennis/rss.xml': all('ok'),
	'GET /themas': all('ok'),
	'GET /themas/[slug]': all('not_found'),
	'GET /api/v1/knowledge': all('ok'),
	'POST /api/v1/knowledge': membersApi(),
	'GET /api/v1/knowledge/[slug]': all('not_found'),
	'PATCH /api/v1/knowledge/[slug]': membersApi('not_found'),
	'GET /evenementen': all('ok'),
	'GET /evenementen/insluiten': all('ok'),
	'GET /embed/evenementen': all('ok'),
	'GET /embed/evenementen.json': all('ok'),
	// Events: the matrix's [slug] is no event, so every event route answers 404 once it may look.
	'GET /evenementen/nieuw': { ...admin(), coordinator: 'ok', editor: 'ok' },
	'POST /evenementen/nieuw?/default': { ...admin(), coordinator: 'ok', editor: 'ok' },
	'GET /evenementen/[slug]': all('not_found'),
	'POST /evenementen/[slug]?/aanmelden': all('not_found'),
	'POST /evenementen/[slug]?/afmelden': all('not_found'),
	'POST /evenementen/[slug]?/gast': all('not_found'),
	'POST /evenementen/[slug]?/evaluatie': all('not_found'),
	'GET /evenementen/[slug]/agenda.ics': all('not_found'),
	'GET /evenementen/[slug]/bewerken': all('not_found'),
	'POST /evenementen/[slug]/bewerken?/default': all('not_found'),
	'GET /evenementen/[slug]/beheer': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/toevoegen': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/verwijderen': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/capaciteit': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/sluiten': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/bericht': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/verslag': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer?/ontkoppelen': signedIn('login', 'not_found'),
	'GET /evenementen/[slug]/beheer/materialen': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer/materialen?/instellingen': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer/materialen?/toevoegen': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer/materialen?/verwijderen': signedIn('login', 'not_found'),
	'GET /evenementen/[slug]/materialen/[id]': all('not_found'),
	'GET /evenementen/[slug]/beheer/export.csv': signedIn('login', 'not_found'),
	'GET /evenementen/[slug]/beheer/aanwezigheid': signedIn('login', 'not_found'),
	'POST /evenementen/[slug]/beheer/aanwezigheid?/default': signedIn('login', 'not_found'),
	'GET /evenementen/agenda/[token]': all('not_found'),
	'GET /evenementen/afmelden/[token]': all('ok'),
	'POST /evenementen/afmelden/[token]?/default': all('not_found'),
	'GET /evenementen/bevestigen/[token]': all('ok'),
	'POST /evenementen/bevestigen/[token]?/default': all('not_found'),
	'GET /profiel/agenda': members(),
	'POST /profiel/agenda?/vernieuwen': members(),
	'GET /api/v1/events': all('ok'),
	'GET /api/v1/events/[slug]': all('not_found'),
	'POST /api/v1/events/[slug]/register': membersApi('not_found'),
	'POST /api/v1/events/[slug]/cancel': membersApi('not_found'),
	'GET /api/v1/programmes': all('ok'),
	'GET /api/v1/programmes/[slug]': all('not_found'),
	'POST /api/v1/programmes/[slug]/enrolment': membersApi('not_found'),
	'DELETE /api/v1/programmes/[slug]/enrolment': membersApi('not_found'),
	'GET /leden': members(),
	'GET /leden/[id]': members('not_found'),
	'GET /leden/[id]/foto': members('not_found'),
	'GET /zoeken': all('ok'),
	// Suggestions for the header's search box: what the asker may see, for everyone.
	'GET /zoeken/suggesties': all('ok'),
	'GET /beheer/synoniemen': editorial(),
	'POST /beheer/synoniemen?/toevoegen': editorial(),
	'POST /beheer/synoniemen?/verwijderen': editorial('not_found'),
	// Search is for everyone (visitors find what is public); a query without words is a 400.
	'GET /api/v1/search': all('ok'),
	'GET /toegankelijkheid': all('ok'),
	'GET /privacy': all('ok'),
	'GET /account-verwijderd': all('ok'),
	'GET /healthz': all('ok'),
	'GET /metrics': all('ok'),
	'GET /taal': all('home'),
	'GET /test-fout': all('not_found'),
	'GET /api/openapi.json': all('ok'),
	'GET /aanmelden': guestOnly,
	'POST /aanmelden?/default': guestOnly,
	'GET /aanmelden/verstuurd': all('ok'),
	'GET /aanmelden/bevestigd': all('ok'),
	'GET /inloggen': guestOnly,
	'POST /inloggen?/default': guestOnly,
	'GET /inloggen/tweestaps': guestOnly,
	'POST /inloggen/tweestaps?/totp': guestOnly,
	'POST /inloggen/tweestaps?/backup': guestOnly,
	'GET /wachtwoord-vergeten': all('ok'),
	'POST /wachtwoord-vergeten?/default': all('ok'),
	'GET /wachtwoord-herstellen': all('ok'),
	'POST /wachtwoord-herstellen?/default': all('ok'),
	'GET /profiel': own,
	'POST /profiel?/opslaan': own,
	'POST /profiel?/fotoVerwijderen': own,
	'GET /profiel/tweestaps': own,
	'POST /profiel/tweestaps?/start': own,
	'POST /profiel/tweestaps?/verify': own,
	'GET /profiel/tokens': own,
	'POST /profiel/tokens?/create': own,
	'POST /profiel/tokens?/revoke': own,
	'GET /profiel/gegevens': own,
	'POST /profiel/gegevens?/verwijderen': own,
	'GET /profiel/gegevens/export': own,
	'GET /volgen': members(),
	'POST /volgen?/default': members(),
	'GET /profiel/volgend': members(),
	'GET /berichten': members(),
	'POST /berichten?/accepteren': members(),
	'POST /berichten?/afwijzen': members(),
	'GET /berichten/nieuw': members(),
	'POST /berichten/nieuw?/default': members(),
	'GET /berichten/[id]': members('not_found'),
	'POST /berichten/[id]?/versturen': members('not_found'),
	'POST /berichten/[id]?/blokkeren': members('not_found'),
	'POST /berichten/[id]?/deblokkeren': members('not_found'),
	'POST /berichten/[id]?/melden': members('not_found'),
	'GET /beheer': admin(),
	'GET /beheer/aanmeldingen': admin(),
	'POST /beheer/aanmeldingen?/goedkeuren': admin(),
	'POST /beheer/aanmeldingen?/afwijzen': admin(),
	'GET /beheer/domeinen': admin(),
	'POST /beheer/domeinen?/toevoegen': admin(),
	'POST /beheer/domeinen?/verwijderen': admin('not_found'),
	'GET /beheer/leden': admin(),
	'GET /beheer/leden/[id]': admin('not_found'),
	'POST /beheer/leden/[id]?/rol': admin('not_found'),
	'POST /beheer/leden/[id]?/schorsen': admin('not_found'),
	'POST /beheer/leden/[id]?/herstellen': admin('not_found'),
	'POST /beheer/leden/[id]?/verwijderen': admin('not_found'),
	'GET /beheer/logboek': admin(),
	'GET /beheer/mail': admin(),
	'GET /beheer/mail/[id]': admin('not_found'),
	'GET /netwerken/[slug]': room('ok'),
	// Everyone who sees the room is in it already.
	'POST /netwerken/[slug]?/aansluiten': room('forbidden', 'login'),
	// Leaving is asked of an unknown network (the room's members stay in it for the other rows).
	'POST /netwerken/[slug]?/verlaten': signedIn('login', 'not_found'),
	'GET /netwerken/[slug]/leden': room('ok'),
	'GET /netwerken/[slug]/leden.csv': { ...coordinating('not_found') },
	'GET /netwerken/[slug]/beheer': coordinating(),
	'POST /netwerken/[slug]/beheer?/goedkeuren': coordinating(),
	'POST /netwerken/[slug]/beheer?/afwijzen': coordinating(),
	'POST /netwerken/[slug]/beheer?/uitnodigen': coordinating(),
	'POST /netwerken/[slug]/beheer?/intrekken': coordinating(),
	'POST /netwerken/[slug]/beheer?/rol': coordinating(),
	'POST /netwerken/[slug]/beheer?/verwijderen': coordinating(),
	'POST /netwerken/[slug]/beheer?/instellingen': coordinating(),
	// Discussions: visitors sign in first and applicants are refused, whatever the network (so
	// neither learns that the room exists); outsiders do not find the room; [id] is unknown.
	'GET /netwerken/[slug]/discussies': discussing('ok'),
	'GET /netwerken/[slug]/discussies/nieuw': discussing('ok'),
	'POST /netwerken/[slug]/discussies/nieuw?/default': discussing('ok'),
	'GET /netwerken/[slug]/discussies/[id]': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/reageren': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/bewerken': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/antwoord': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/vastzetten': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/sluiten': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/verplaatsen': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/verwijderen': discussing('not_found'),
	'POST /netwerken/[slug]/discussies/[id]?/melden': discussing('not_found'),
	'GET /netwerken/nieuw': { ...admin(), coordinator: 'ok' },
	'POST /netwerken/nieuw?/default': { ...admin(), coordinator: 'ok' },
	'GET /uitnodiging/[token]': all('ok'),
	'POST /uitnodiging/[token]?/default': {
		...signedIn('login', 'not_found'),
		applicant: 'forbidden'
	},
	'GET /api/v1/networks': all('ok'),
	'POST /api/v1/networks': {
		...signedIn('unauthorized', 'forbidden'),
		applicant: 'unauthorized',
		coordinator: 'ok',
		admin: 'ok'
	},
	'GET /api/v1/networks/[slug]': room('ok'),
	// The room's members are in it already; to the others it does not exist.
	'POST /api/v1/networks/[slug]/membership': {
		...room('conflict', 'unauthorized'),
		applicant: 'unauthorized'
	},
	// The room's threads: its members read them (and an empty new thread is a 400); to the
	// others the room does not exist; applicants are refused like on the other member routes.
	'GET /api/v1/networks/[slug]/threads': { ...room('ok', 'unauthorized'), applicant: 'forbidden' },
	'POST /api/v1/networks/[slug]/threads': { ...room('ok', 'unauthorized'), applicant: 'forbidden' },
	'GET /api/v1/threads/[id]/replies': membersApi('not_found'),
	'POST /api/v1/threads/[id]/replies': membersApi('not_found'),
	'GET /beheer/meldingen': admin(),
	'POST /beheer/meldingen?/afhandelen': admin('not_found'),
	'GET /organisaties': all('ok'),
	'GET /organisaties/[id]': all('not_found'),
	'GET /beheer/organisaties': admin(),
	'POST /beheer/organisaties?/samenvoegen': admin(),
	'GET /api/v1/me': api,
	'GET /api/v1/me/tokens': api,
	'POST /api/v1/me/tokens': api,
	'DELETE /api/v1/me/tokens/[id]': signedIn('unauthorized', 'not_found'),
	'GET /api/v1/me/conversations': membersApi(),
	'POST /api/v1/me/conversations/[id]/messages': membersApi('not_found'),
	'GET /api/v1/members': membersApi(),
	'GET /api/v1/members/[id]': membersApi('not_found'),
	// Last: they end the session they are sent with.
	'POST /uitloggen?/dit': all('ok'),
	'POST /uitloggen?/overal': all('ok'),
	'GET /uitloggen': all('ok')
};

/** Every route in src/routes, in the matrix's notation. */
function discoverRoutes(): string[] {
	const root = path.resolve('src/routes');
	const found: string[] = [];
	const walk = (dir: string) => {
		const route = '/' + path.relative(root, dir).split(path.sep).filter(Boolean).join('/');
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.svelte') found.push(`GET ${route}`);
			else if (entry.name === '+server.ts') {
				const source = fs.readFileSync(full, 'utf8');
				for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
					found.push(`${m[1]} ${route}`);
				}
			} else if (entry.name === '+page.server.ts') {
				found.push(`GET ${route}`);
				const source = fs.readFileSync(full, 'utf8');
				const actions = source.split('export const actions')[1] ?? '';
				for (const m of actions.matchAll(/^\t(\w+): async/gm)) found.push(`POST ${route}?/${m[1]}`);
			}
		}
	};
	walk(root);
	return [...new Set(found)].sort();
}

let server: ChildProcess;
let baseURL = '';
let dataDir = '';
const cookies: Partial<Record<Role, string>> = {};

function classify(response: Response): Outcome | `unexpected ${number}` {
	const location = response.headers.get('location') ?? '';
	if (response.status === 303 || response.status === 302) {
		if (location.startsWith('/inloggen?terug=')) return 'login';
		if (location === '/') return 'home';
		return 'ok';
	}
	if (response.status === 401) return 'unauthorized';
	if (response.status === 403) return 'forbidden';
	if (response.status === 404) return 'not_found';
	if (response.status === 409) return 'conflict';
	if (response.status < 300 || response.status === 400) return 'ok';
	return `unexpected ${response.status}`;
}

async function request(route: string, role: Role) {
	const [method, target] = route.split(' ') as [string, string];
	const unknown = '00000000-0000-4000-8000-000000000000';
	const url = target
		.replace('[id]', unknown)
		.replace('[token]', unknown)
		.replace('[slug]', route.endsWith('?/verlaten') ? unknown : ROOM);
	const isAction = url.includes('?/');
	const isApi = url.startsWith('/api/');
	const headers: Record<string, string> = {
		origin: baseURL,
		accept: isApi ? 'application/json' : 'text/html'
	};
	if (cookies[role]) headers.cookie = cookies[role]!;
	let body: string | undefined;
	if (isAction) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = '';
	} else if (method === 'POST' && isApi) {
		headers['content-type'] = 'application/json';
		body = '{}';
	}
	return fetch(`${baseURL}${url.replace('?/default', '')}`, {
		method,
		headers,
		body,
		redirect: 'manual'
	});
}

async function signIn(email: string): Promise<{ cookie: string; location: string }> {
	const response = await fetch(`${baseURL}/inloggen`, {
		method: 'POST',
		headers: {
			origin: baseURL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password: PASSWORD, terug: '/' }).toString(),
		redirect: 'manual'
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((c) => !c.endsWith('='))
		.join('; ');
	return { cookie, location: response.headers.get('location') ?? '' };
}

async function form(cookie: string, target: string, fields: Record<string, string>) {
	return fetch(`${baseURL}${target}`, {
		method: 'POST',
		headers: {
			origin: baseURL,
			accept: 'text/html',
			cookie,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual'
	});
}

describe('access matrix', () => {
	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-matrix-'));
		const handle = openDatabase({ dataDir });
		await prepareDatabase(handle.db, {
			seedDemo: true,
			adminEmail: undefined,
			adminPassword: undefined,
			demoPassword: PASSWORD
		});
		const hash = await hashPassword(PASSWORD);
		for (const status of ['applicant', 'active'] as const) {
			const row = await buildMember(handle.db, {
				email: `matrix-${status}@gemeente.example`,
				status,
				organisationSlug: 'gemeente-zwolle'
			});
			await handle.db
				.insertInto('accounts')
				.values({
					id: `acc-${row.id}`,
					account_id: row.id,
					provider_id: 'credential',
					user_id: row.id,
					password: hash
				})
				.execute();
		}
		await handle.close();

		const port = await freePort();
		baseURL = `http://localhost:${port}`;
		server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				LOG_LEVEL: 'warn',
				KN_E2E: ''
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		await waitForHealthy(baseURL, server);

		cookies.applicant = (await signIn('matrix-applicant@gemeente.example')).cookie;
		cookies.member = (await signIn('demo-member1@example.org')).cookie;
		cookies.editor = (await signIn('demo-editor@example.org')).cookie;
		cookies.coordinator = (await signIn('demo-coordinator@example.org')).cookie;
		cookies.outsider = (await signIn('demo-member3@example.org')).cookie;
		cookies.suspended = (await signIn('matrix-active@gemeente.example')).cookie;

		// The admin sets up two-step verification first, as every admin must.
		const adminSession = await signIn('demo-admin@example.org');
		cookies.admin = adminSession.cookie;
		const started = await form(cookies.admin, '/profiel/tweestaps?/start', { password: PASSWORD });
		const secret = (await started.text()).match(/data-testid="totp-secret">([A-Z2-7=]+)</)?.[1];
		if (!secret) throw new Error('no TOTP secret on the set-up page');
		const verified = await form(cookies.admin, '/profiel/tweestaps?/verify', {
			code: totp(secret),
			secret
		});
		expect(verified.status).toBe(303);
		// Turning 2FA on replaces the session: keep the new cookie.
		const renewed = verified.headers
			.getSetCookie()
			.map((c) => c.split(';')[0]!)
			.find((c) => c.startsWith('kn.session_token=') && !c.endsWith('='));
		if (renewed) cookies.admin = renewed;

		// Suspended after signing in: the session must stop working at once.
		const db = openDatabase({ dataDir });
		await db.db
			.updateTable('users')
			.set({ status: 'suspended' })
			.where('email', '=', 'matrix-active@gemeente.example')
			.execute();
		await db.close();
	}, 180_000);

	afterAll(async () => {
		if (server) await stopProcess(server);
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('lists every route that exists, and nothing that does not', () => {
		expect(Object.keys(MATRIX).sort()).toEqual(discoverRoutes());
	});

	it('refuses every mutating route from another site, whatever the content type', async () => {
		const mutating = Object.keys(MATRIX).filter((r) => !r.startsWith('GET '));
		const variants: [string, string][] = [
			['https://elders.example', 'application/x-www-form-urlencoded'],
			['https://elders.example', 'multipart/form-data; boundary=x'],
			['https://elders.example', 'text/plain'],
			['https://elders.example', 'TEXT/PLAIN'],
			['https://elders.example', 'application/json'],
			['null', 'application/x-www-form-urlencoded']
		];
		const accepted: string[] = [];
		for (const route of mutating) {
			const [method, target] = route.split(' ') as [string, string];
			const url = `${baseURL}${target.replace('[id]', 'x').replace('?/default', '')}`;
			for (const [origin, type] of variants) {
				const response = await fetch(url, {
					method,
					headers: { origin, 'content-type': type, cookie: cookies.member!, accept: 'text/html' },
					body: type.includes('json') ? '{}' : 'a=1',
					redirect: 'manual'
				});
				if (response.status !== 403)
					accepted.push(`${route} (${origin}, ${type}): ${response.status}`);
			}
		}
		expect(accepted).toEqual([]);
	});

	it('gives every role exactly the expected outcome on every route', async () => {
		const differences: string[] = [];
		for (const [route, expected] of Object.entries(MATRIX)) {
			for (const role of ROLES) {
				const outcome = classify(await request(route, role));
				if (outcome !== expected[role]) {
					differences.push(`${route} as ${role}: expected ${expected[role]}, got ${outcome}`);
				}
			}
		}
		expect(differences).toEqual([]);
		console.log(`access matrix: ${Object.keys(MATRIX).length} routes × ${ROLES.length} roles`);
	}, 180_000);
});
