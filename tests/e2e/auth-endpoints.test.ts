import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import { createAuth } from '../../src/lib/server/platform/auth';
import { DEMO_PASSWORD } from './global-setup';
import { freePort, stopProcess, waitForHealthy } from './process';

/**
 * better-auth over raw HTTP, on a server of its own (to read users, sessions and the outbox, and
 * to lock accounts without disturbing other files), behind "one proxy" (TRUST_PROXY=1) so that
 * X-Forwarded-For names the client.
 *
 * Only the links in our e-mails may reach better-auth; everything else (sign-up, sign-in, the
 * mail senders, two-factor, …) must go through our own forms and their limits.
 */

/** The endpoints that stay open, as `METHOD path` in better-auth's own notation. */
const OPEN = new Set(['GET /verify-email', 'GET /reset-password/:token']);

type Db = ReturnType<typeof openDatabase>['db'];

describe('better-auth over HTTP', () => {
	let server: ChildProcess;
	let dataDir = '';
	let base = '';

	const withDb = async <T>(work: (db: Db) => Promise<T>): Promise<T> => {
		const handle = openDatabase({ dataDir });
		try {
			return await work(handle.db);
		} finally {
			await handle.close();
		}
	};

	const counts = () =>
		withDb(async (db) => {
			const count = async (table: 'users' | 'sessions' | 'mail_outbox') =>
				Number(
					(
						await db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			return {
				users: await count('users'),
				sessions: await count('sessions'),
				mails: await count('mail_outbox')
			};
		});

	/** A same-origin request (so the CSRF check lets it through to what we test), from `client`. */
	const raw = (
		pathname: string,
		init: { method: string; json?: unknown; form?: Record<string, string>; client?: string }
	) => {
		const headers: Record<string, string> = { origin: base, accept: 'application/json' };
		let body: string | undefined;
		if (init.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers.accept = 'text/html';
			body = new URLSearchParams(init.form).toString();
		} else if (init.json !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(init.json);
		}
		if (init.client) headers['x-forwarded-for'] = init.client;
		return fetch(`${base}${pathname}`, {
			method: init.method,
			headers,
			body,
			redirect: 'manual'
		});
	};

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-auth-endpoints-'));
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
		if (server) await stopProcess(server);
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it("refuses every endpoint in better-auth's own list that is not a link in our mails", async () => {
		// The list comes from better-auth itself, with our plugins: an endpoint a later version
		// adds is walked (and must be refused) without anyone touching this test.
		const endpoints = await withDb(async (db) => {
			const auth = createAuth({
				db,
				dialect: 'sqlite',
				config: { origin: base, https: false },
				secret: randomBytes(32).toString('hex'),
				limits: { idleSeconds: 3600, absoluteSeconds: 7200 }
			});
			return Object.values(
				auth.api as Record<string, { path?: string; options?: { method?: string | string[] } }>
			)
				.filter((e) => typeof e.path === 'string')
				.map((e) => ({ path: e.path!, methods: [e.options?.method ?? '*'].flat() }));
		});
		const paths = endpoints.map((e) => e.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'/sign-up/email',
				'/sign-in/email',
				'/request-password-reset',
				'/send-verification-email',
				'/two-factor/enable',
				'/verify-email',
				'/reset-password/:token'
			])
		);

		const tried: string[] = [];
		for (const { path: endpoint, methods } of endpoints) {
			const url = `/api/auth${endpoint.replace(/:[A-Za-z]+/g, 'abc123')}`;
			// Its own methods, and GET and POST whatever it declares (a router may take either).
			const all = new Set([...methods.filter((m) => m !== '*'), 'GET', 'POST']);
			for (const method of all) {
				if (OPEN.has(`${method} ${endpoint}`)) continue;
				const response = await raw(url, {
					method,
					json: method === 'GET' || method === 'HEAD' ? undefined : {}
				});
				tried.push(`${method} ${endpoint}`);
				expect(response.status, `${method} ${url}`).toBe(404);
				expect(await response.json(), `${method} ${url}`).toEqual({
					error: { code: 'not_found', message: expect.stringMatching(/^Dit adres bestaat niet\./) }
				});
			}
		}
		expect(tried.length).toBeGreaterThan(40);
		// The open ones take no other method, and near-misses of their paths are refused too.
		for (const [method, url] of [
			['POST', '/api/auth/verify-email'],
			['POST', '/api/auth/reset-password/abc123'],
			['GET', '/api/auth/verify-email/'],
			['GET', '/api/auth/reset-password/abc123/x'],
			['GET', '/api/auth/reset-password'],
			['GET', '/api/auth/'],
			['GET', '/api/auth/bestaat-niet']
		] as const) {
			const response = await raw(url, { method, json: method === 'POST' ? {} : undefined });
			expect(response.status, `${method} ${url}`).toBe(404);
		}
	});

	it('still follows the links in our mails to our own pages', async () => {
		const verify = await raw(
			`/api/auth/verify-email?token=onzin&callbackURL=${encodeURIComponent('/aanmelden/bevestigd?aanmelding=x')}`,
			{ method: 'GET' }
		);
		expect(verify.status).toBe(302);
		const verified = new URL(verify.headers.get('location')!, base);
		expect(verified.pathname).toBe('/aanmelden/bevestigd');
		expect(verified.searchParams.get('error')).toBe('INVALID_TOKEN');

		const reset = await raw(
			`/api/auth/reset-password/bestaat-niet?callbackURL=${encodeURIComponent('/wachtwoord-herstellen')}`,
			{ method: 'GET' }
		);
		expect(reset.status).toBe(302);
		const landed = new URL(reset.headers.get('location')!, base);
		expect(landed.pathname).toBe('/wachtwoord-herstellen');
		expect(landed.searchParams.get('error')).toBe('INVALID_TOKEN');
	});

	it('creates no user for a raw sign-up with a weak password, even on an allowlisted domain', async () => {
		await withDb((db) =>
			db
				.insertInto('domain_allowlist')
				.values({ id: randomUUID(), domain: 'open-deur.example', created_by: null })
				.execute()
		);
		const before = await counts();
		const response = await raw('/api/auth/sign-up/email', {
			method: 'POST',
			json: { name: 'Snelle Sjaak', email: 'sjaak@open-deur.example', password: 'aaaaaaaaaaaa' }
		});
		expect(response.status).toBe(404);
		expect(response.headers.getSetCookie()).toEqual([]);
		expect(await counts()).toEqual(before);
		const user = await withDb((db) =>
			db
				.selectFrom('users')
				.select('id')
				.where('email', '=', 'sjaak@open-deur.example')
				.executeTakeFirst()
		);
		expect(user).toBeUndefined();
	});

	it('refuses 30 raw sign-ins, the right password included, and makes no session', async () => {
		const before = await counts();
		const statuses: number[] = [];
		for (let i = 0; i < 30; i++) {
			const response = await raw('/api/auth/sign-in/email', {
				method: 'POST',
				json: {
					email: 'demo-member3@example.org',
					password: i === 29 ? DEMO_PASSWORD : `fout-wachtwoord-${i}`
				}
			});
			statuses.push(response.status);
			expect(response.headers.getSetCookie()).toEqual([]);
			await response.arrayBuffer();
		}
		expect(new Set(statuses)).toEqual(new Set([404]));
		expect(await counts()).toEqual(before);
	});

	it('puts nothing in the outbox for raw reset and verification requests', async () => {
		// An unverified account, the kind a verification mail would be for.
		await withDb((db) =>
			db
				.updateTable('users')
				.set({ email_verified: false })
				.where('email', '=', 'demo-member4@example.org')
				.execute()
		);
		const before = await counts();
		for (let i = 0; i < 5; i++) {
			for (const email of ['demo-member4@example.org', 'demo-member5@example.org']) {
				const reset = await raw('/api/auth/request-password-reset', {
					method: 'POST',
					json: { email, redirectTo: '/wachtwoord-herstellen' }
				});
				expect(reset.status).toBe(404);
				const verification = await raw('/api/auth/send-verification-email', {
					method: 'POST',
					json: { email, callbackURL: '/' }
				});
				expect(verification.status).toBe(404);
			}
		}
		expect(await counts()).toEqual(before);
	});

	describe('sign-in limits at /inloggen', () => {
		const signIn = (email: string, password: string, client: string) =>
			raw('/inloggen', { method: 'POST', form: { email, password }, client });
		const octet = () => Math.floor(Math.random() * 254) + 1;
		const ipv4 = () => `10.${octet()}.${octet()}.${octet()}`;
		const tooMany = /Te veel pogingen\. Probeer het over \d+ minuten opnieuw\./;

		it('locks one account after 5 wrong passwords, even from a new address each time', async () => {
			const email = 'demo-member6@example.org';
			for (let i = 0; i < 5; i++) {
				const response = await signIn(email, `fout-wachtwoord-${i}`, ipv4());
				expect(response.status, `attempt ${i + 1}`).toBe(400);
				await response.arrayBuffer();
			}
			for (const password of ['nog-een-fout-wachtwoord', DEMO_PASSWORD]) {
				const response = await signIn(email, password, ipv4());
				expect(response.status).toBe(429);
				const retryAfter = Number(response.headers.get('retry-after'));
				expect(Number.isInteger(retryAfter)).toBe(true);
				expect(retryAfter).toBeGreaterThanOrEqual(1);
				expect(retryAfter).toBeLessThanOrEqual(15 * 60);
				expect(response.headers.getSetCookie().some((c) => c.startsWith('kn.session_token='))).toBe(
					false
				);
				expect(await response.text()).toMatch(tooMany);
			}
			// Another account is not affected.
			const other = await signIn('demo-member7@example.org', DEMO_PASSWORD, ipv4());
			expect(other.status).toBe(303);
		});

		it('limits one IPv6 /64 trying many accounts, whichever address in it each request uses', async () => {
			const prefix = '2001:db8:4b1d:64';
			const group = () => Math.floor(Math.random() * 0x10000).toString(16);
			const inNet = () => `${prefix}:${group()}:${group()}:${group()}:${group()}`;
			for (let i = 0; i < 50; i++) {
				const response = await signIn(`persoon-${i}@voorbeeld.example`, 'fout-wachtwoord', inNet());
				expect(response.status, `attempt ${i + 1}`).toBe(400);
				await response.arrayBuffer();
			}
			const refused = await signIn('persoon-50@voorbeeld.example', 'fout-wachtwoord', inNet());
			expect(refused.status).toBe(429);
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(await refused.text()).toMatch(tooMany);
			// Even a real account with its right password, from that /64.
			const real = await signIn('demo-member8@example.org', DEMO_PASSWORD, inNet());
			expect(real.status).toBe(429);
			// The next /64 is another client.
			const neighbour = await signIn(
				'persoon-51@voorbeeld.example',
				'fout-wachtwoord',
				'2001:db8:4b1d:65::1'
			);
			expect(neighbour.status).toBe(400);
		});
	});
});
