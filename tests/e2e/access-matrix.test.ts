import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/db/setup';
import { createToken } from '../../src/lib/server/features/api-tokens/mutations';
import { buildMember } from '../../src/lib/server/testing/factories';
import { stopProcess } from './process';
import { discoverPages, discoverRoutes, setUpTwoFactor, signInByForm, startServer } from './routes';

/**
 * The access matrix: every page, form action and API route × every role, with the outcome each
 * role must get. It runs against its own server and database, and fails when a route exists
 * that the matrix does not list. The network roles are real: "member" and "coordinator" are in
 * the demo's private network (the room), "outsider" is a member of other networks only.
 *
 * The table below is written out for eight roles. The ninth, an admin who has not set up
 * two-step verification, is derived by one rule (every route sends such an admin to set it up)
 * with the exceptions listed explicitly in BEFORE_TWO_FACTOR.
 */

const ROLES = [
	'visitor',
	'applicant',
	'member',
	'outsider',
	'coordinator',
	'editor',
	'admin',
	'suspended',
	'admin_without_2fa'
] as const;
type Role = (typeof ROLES)[number];
/** The roles the table spells out; admin_without_2fa follows from the rule below. */
type TableRole = Exclude<Role, 'admin_without_2fa'>;
const TABLE_ROLES = ROLES.filter((r): r is TableRole => r !== 'admin_without_2fa');
/**
 * ok: served (or, for an action, handled: 2xx, 303 onwards or a 400 for the empty form).
 * two_factor: sent to /profiel/tweestaps (pages) or refused with 403 two_factor_required (API).
 */
type Outcome =
	'ok' | 'login' | 'forbidden' | 'unauthorized' | 'home' | 'not_found' | 'conflict' | 'two_factor';

const PASSWORD = 'matrix-wachtwoord-2026';
const all = (o: Outcome): Record<TableRole, Outcome> =>
	Object.fromEntries(TABLE_ROLES.map((r) => [r, o])) as Record<TableRole, Outcome>;
const signedIn = (visitor: Outcome, others: Outcome): Record<TableRole, Outcome> => ({
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
const admin = (adminOutcome: Outcome = 'ok'): Record<TableRole, Outcome> => ({
	...signedIn('login', 'forbidden'),
	admin: adminOutcome
});
/** The private room: invisible to outsiders, visitors and applicants; `inside` for its members. */
const room = (inside: Outcome, visitor: Outcome = 'not_found'): Record<TableRole, Outcome> => ({
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
const coordinating = (visitor: Outcome = 'login'): Record<TableRole, Outcome> => ({
	...room('forbidden', visitor),
	coordinator: 'ok',
	admin: 'ok'
});
/**
 * A network's discussions: visitors are sent to sign in and applicants refused before any
 * network is looked up; in the room, `inside` for its members (the thread [id] is unknown).
 */
const discussing = (inside: Outcome): Record<TableRole, Outcome> => ({
	...room(inside, 'login'),
	applicant: 'forbidden'
});
/** Editors' pages (search synonyms): editors and admins; other members are refused. */
const editorial = (outcome: Outcome = 'ok'): Record<TableRole, Outcome> => ({
	...signedIn('login', 'forbidden'),
	editor: outcome,
	admin: outcome
});
/** The demo's private network, whose slug stands for [slug] in the matrix. */
const ROOM = 'coordinatorenoverleg';
const api = signedIn('unauthorized', 'ok');
/** What active members use (messages, following): applicants are refused. */
const members = (memberOutcome: Outcome = 'ok'): Record<TableRole, Outcome> => ({
	...signedIn('login', memberOutcome),
	applicant: 'forbidden'
});
const membersApi = (memberOutcome: Outcome = 'ok'): Record<TableRole, Outcome> => ({
	...members(memberOutcome),
	visitor: 'unauthorized',
	suspended: 'unauthorized'
});
const guestOnly = signedIn('ok', 'home');

/** "METHOD /path" (actions as "POST /path?/name") → expected outcome per role. */
const MATRIX: Record<string, Record<TableRole, Outcome>> = {
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
	'POST /api/v1/events': {
		...membersApi('forbidden'),
		coordinator: 'ok',
		editor: 'ok',
		admin: 'ok'
	},
	'GET /api/v1/events/[slug]': all('not_found'),
	'PATCH /api/v1/events/[slug]': membersApi('not_found'),
	'POST /api/v1/events/[slug]/registration': membersApi('not_found'),
	'DELETE /api/v1/events/[slug]/registration': membersApi('not_found'),
	'GET /api/v1/events/[slug]/registrations': membersApi('not_found'),
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

/**
 * An admin must set up two-step verification before anything else (twoFactorGate in
 * src/hooks.server.ts): on every route, pages send such an admin to /profiel/tweestaps and the
 * API answers 403 two_factor_required. These are the only exceptions, with what the admin gets
 * there instead; every other route must be 'two_factor'.
 */
const BEFORE_TWO_FACTOR: Record<string, Outcome> = {
	// Setting it up (the empty forms are a 400, as for everyone).
	'GET /profiel/tweestaps': 'ok',
	'POST /profiel/tweestaps?/start': 'ok',
	'POST /profiel/tweestaps?/verify': 'ok',
	// Signing out.
	'POST /uitloggen?/dit': 'ok',
	'POST /uitloggen?/overal': 'ok',
	'GET /uitloggen': 'ok',
	// The language switch and the pages every visitor must be able to read.
	'GET /taal': 'home',
	'GET /toegankelijkheid': 'ok',
	'GET /privacy': 'ok',
	// No session is read here: everyone is a visitor.
	'GET /healthz': 'ok',
	'GET /metrics': 'ok',
	'GET /embed/evenementen': 'ok',
	'GET /embed/evenementen.json': 'ok'
};

function expectedOutcome(route: string, role: Role): Outcome {
	if (role === 'admin_without_2fa') return BEFORE_TWO_FACTOR[route] ?? 'two_factor';
	return MATRIX[route]![role];
}

let server: ChildProcess;
let baseURL = '';
let dataDir = '';
let unverifiedAdminToken = '';
const cookies: Partial<Record<Role, string>> = {};

async function classify(response: Response): Promise<Outcome | `unexpected ${number}`> {
	const location = response.headers.get('location') ?? '';
	if (response.status === 303 || response.status === 302) {
		if (location.startsWith('/inloggen?terug=')) return 'login';
		if (location === '/profiel/tweestaps') return 'two_factor';
		if (location === '/') return 'home';
		return 'ok';
	}
	if (response.status === 401) return 'unauthorized';
	if (response.status === 403) {
		const body = await response.text();
		return body.includes('"two_factor_required"') ? 'two_factor' : 'forbidden';
	}
	if (response.status === 404) return 'not_found';
	if (response.status === 409) return 'conflict';
	if (response.status < 300 || response.status === 400) return 'ok';
	return `unexpected ${response.status}`;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A route's path with its parameters filled in: [slug] is the room, ids and tokens unknown. */
function fill(target: string): string {
	return target
		.replace('[id]', UNKNOWN)
		.replace('[token]', UNKNOWN)
		.replace('[slug]', target.endsWith('?/verlaten') ? UNKNOWN : ROOM);
}

async function request(route: string, role: Role) {
	const [method, target] = route.split(' ') as [string, string];
	const url = fill(target);
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

const signIn = (email: string) => signInByForm(baseURL, email, PASSWORD);

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
		// A second admin, who has not set up two-step verification (and has an API token from
		// before: a token must not get past the set-up either).
		const unverifiedAdmin = await buildMember(handle.db, {
			email: 'matrix-admin@gemeente.example',
			role: 'admin',
			organisationSlug: 'gemeente-zwolle'
		});
		await handle.db
			.insertInto('accounts')
			.values({
				id: `acc-${unverifiedAdmin.id}`,
				account_id: unverifiedAdmin.id,
				provider_id: 'credential',
				user_id: unverifiedAdmin.id,
				password: hash
			})
			.execute();
		unverifiedAdminToken = (
			await createToken(handle.db, unverifiedAdmin.id, { name: 'van voor de beheerdersrol' })
		).token;
		await handle.close();

		({ server, baseURL } = await startServer(dataDir));

		cookies.applicant = (await signIn('matrix-applicant@gemeente.example')).cookie;
		cookies.member = (await signIn('demo-member1@example.org')).cookie;
		cookies.editor = (await signIn('demo-editor@example.org')).cookie;
		cookies.coordinator = (await signIn('demo-coordinator@example.org')).cookie;
		cookies.outsider = (await signIn('demo-member3@example.org')).cookie;
		cookies.suspended = (await signIn('matrix-active@gemeente.example')).cookie;

		// The admin sets up two-step verification first, as every admin must.
		cookies.admin = await setUpTwoFactor(
			baseURL,
			(await signIn('demo-admin@example.org')).cookie,
			PASSWORD
		);
		// The other admin signs in (and is sent to set it up wherever they go next).
		cookies.admin_without_2fa = (await signIn('matrix-admin@gemeente.example')).cookie;

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
		expect(Object.keys(BEFORE_TWO_FACTOR).filter((r) => !(r in MATRIX))).toEqual([]);
	});

	// Before the full matrix, whose last routes end the sessions.
	it('lets no admin past the two-step set-up by a data request or an API token', async () => {
		const passed: string[] = [];
		for (const route of discoverPages()) {
			if (route in BEFORE_TWO_FACTOR) continue;
			const target = fill(route.slice('GET '.length));
			const data = `${target === '/' ? '' : target}/__data.json?x-sveltekit-invalidated=11`;
			const response = await fetch(`${baseURL}${data}`, {
				headers: { cookie: cookies.admin_without_2fa! },
				redirect: 'manual'
			});
			// SvelteKit answers a data request's redirect as JSON, for the client router to follow.
			const body = await response.text();
			const redirect = '{"type":"redirect","location":"/profiel/tweestaps"}';
			if (response.status !== 200 || body !== redirect) {
				passed.push(`${data}: ${response.status} ${body.slice(0, 80)}`);
			}
		}
		for (const route of Object.keys(MATRIX).filter((r) => r.includes(' /api/v1/'))) {
			const [method, target] = route.split(' ') as [string, string];
			const response = await fetch(`${baseURL}${fill(target)}`, {
				method,
				headers: {
					authorization: `Bearer ${unverifiedAdminToken}`,
					'content-type': 'application/json'
				},
				body: method === 'GET' ? undefined : '{}'
			});
			if ((await classify(response)) !== 'two_factor') {
				passed.push(`${route} with a token: ${response.status}`);
			}
		}
		expect(passed).toEqual([]);
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
		for (const route of Object.keys(MATRIX)) {
			for (const role of ROLES) {
				const outcome = await classify(await request(route, role));
				const want = expectedOutcome(route, role);
				if (outcome !== want) {
					differences.push(`${route} as ${role}: expected ${want}, got ${outcome}`);
				}
			}
		}
		expect(differences).toEqual([]);
		console.log(`access matrix: ${Object.keys(MATRIX).length} routes × ${ROLES.length} roles`);
	}, 180_000);
});
