import { createHmac, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedReference } from '../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../testing/db';
import { createAuth } from './auth';
import { parseConfig } from './config';
import { ensureAuthSecret } from './secrets';
import { resolveSession } from './session';

/**
 * The session cookie as a browser gets it from /api/auth over HTTP (auth.handler with a real
 * Request): its name and attributes on https and plain http, the idle timeout against an active
 * session's sliding expiry, and no session fixation at sign-in.
 */

const day = 86_400_000;
const person = {
	name: 'Sanne de Boer',
	email: 'sanne.deboer@zwolle.example',
	password: 'ijssel-hanzestad-sassenpoort'
};
const other = {
	name: 'Olaf Brink',
	email: 'olaf.brink@deventer.example',
	password: 'bergkerk-welle-deventerkoek'
};

/** One Set-Cookie header: its name, value and attributes (names lower-case). */
function parseSetCookie(header: string) {
	const [pair, ...attributes] = header.split(';').map((part) => part.trim());
	const eq = pair!.indexOf('=');
	const attrs = new Map<string, string>();
	for (const attribute of attributes) {
		const [key, ...value] = attribute.split('=');
		attrs.set(key!.toLowerCase(), value.join('='));
	}
	return { name: pair!.slice(0, eq), value: decodeURIComponent(pair!.slice(eq + 1)), attrs };
}

describe.each(DIALECTS)('session cookies on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		vi.useRealTimers();
		await handle?.destroy();
	});

	/**
	 * better-auth as hooks.server.ts configures it from the environment: ORIGIN decides https
	 * (platform/config.ts), SESSION_IDLE_DAYS and SESSION_ABSOLUTE_DAYS the lifetimes.
	 */
	async function setup(env: Record<string, string>) {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const parsed = parseConfig(env);
		if (!parsed.ok) throw new Error(parsed.message);
		const { config } = parsed;
		const limits = {
			idleSeconds: config.sessionIdleSeconds,
			absoluteSeconds: config.sessionAbsoluteSeconds
		};
		const secret = await ensureAuthSecret(handle.db, undefined);
		const auth = createAuth({ db: handle.db, dialect, config, secret, limits });
		for (const p of [person, other]) {
			await auth.api.signUpEmail({ body: p, headers: new Headers({ origin: config.origin }) });
		}
		await handle.db.updateTable('users').set({ email_verified: true, status: 'active' }).execute();

		/** Signs in over HTTP, with whatever cookies the browser already holds. */
		const signIn = async (who: typeof person, cookie?: string) => {
			const response = await auth.handler(
				new Request(`${config.origin}/api/auth/sign-in/email`, {
					method: 'POST',
					headers: {
						origin: config.origin,
						'content-type': 'application/json',
						...(cookie ? { cookie } : {})
					},
					body: JSON.stringify({ email: who.email, password: who.password })
				})
			);
			expect(response.status).toBe(200);
			const cookies = response.headers.getSetCookie().map(parseSetCookie);
			const session = cookies.find((c) => c.name.endsWith('kn.session_token'));
			expect(session, 'a session cookie').toBeDefined();
			return session!;
		};
		const sessionOf = (name: string, value: string) =>
			resolveSession(
				auth,
				handle.db,
				new Headers({ cookie: `${name}=${encodeURIComponent(value)}` }),
				limits
			);
		return { auth, config, limits, secret, signIn, sessionOf };
	}

	it('on https: __Secure- prefixed, Secure, HttpOnly, SameSite=Lax', async () => {
		const { config, limits, signIn, sessionOf } = await setup({ ORIGIN: 'https://kennis.example' });
		expect(config.https).toBe(true);
		const cookie = await signIn(person);
		expect(cookie.name).toBe('__Secure-kn.session_token');
		expect(cookie.attrs.has('secure')).toBe(true);
		expect(cookie.attrs.has('httponly')).toBe(true);
		expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax');
		expect(cookie.attrs.get('path')).toBe('/');
		expect(Number(cookie.attrs.get('max-age'))).toBe(limits.idleSeconds);
		expect((await sessionOf(cookie.name, cookie.value))?.user.email).toBe(person.email);
		// Without its prefix the cookie is not the session (a plain-http cookie cannot pose as it).
		expect(await sessionOf('kn.session_token', cookie.value)).toBeNull();
	});

	it('on plain http: neither prefixed nor Secure, still HttpOnly and SameSite=Lax', async () => {
		const { config, signIn, sessionOf } = await setup({ ORIGIN: 'http://localhost:3000' });
		expect(config.https).toBe(false);
		const cookie = await signIn(person);
		expect(cookie.name).toBe('kn.session_token');
		expect(cookie.attrs.has('secure')).toBe(false);
		expect(cookie.attrs.has('httponly')).toBe(true);
		expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax');
		expect((await sessionOf(cookie.name, cookie.value))?.user.email).toBe(person.email);
	});

	it('ends an idle session after SESSION_IDLE_DAYS and keeps extending an active one', async () => {
		const { limits, signIn, sessionOf } = await setup({
			ORIGIN: 'https://kennis.example',
			SESSION_IDLE_DAYS: '3',
			SESSION_ABSOLUTE_DAYS: '30'
		});
		expect(limits.idleSeconds).toBe(3 * 86400);
		const start = Date.now();
		vi.useFakeTimers({ toFake: ['Date'], now: start });
		const active = await signIn(person);
		const idle = await signIn(other);
		const at = (days: number) => vi.setSystemTime(start + days * day);

		// Used every two days, the active session outlives the idle time several times over.
		for (const days of [2, 4, 6, 8, 10, 12]) {
			at(days);
			expect((await sessionOf(active.name, active.value))?.user.email, `day ${days}`).toBe(
				person.email
			);
		}
		const { expires_at } = await handle.db
			.selectFrom('sessions')
			.select('expires_at')
			.where('user_id', 'in', (eb) =>
				eb.selectFrom('users').select('id').where('email', '=', person.email)
			)
			.executeTakeFirstOrThrow();
		// Its expiry slid along: the idle time from a recent use, not from sign-in.
		expect(new Date(expires_at).getTime()).toBeGreaterThan(start + 12 * day);

		// The session nobody used ended once the idle time had passed.
		expect(await sessionOf(idle.name, idle.value)).toBeNull();
		// And the active one ends too once it is left alone for longer than the idle time.
		at(12 + 4);
		expect(await sessionOf(active.name, active.value)).toBeNull();
	});

	it('with the default idle time: a session works just before it, not just after', async () => {
		const { limits, signIn, sessionOf } = await setup({ ORIGIN: 'http://localhost:3000' });
		expect(limits.idleSeconds).toBe(7 * 86400);
		const start = Date.now();
		vi.useFakeTimers({ toFake: ['Date'], now: start });
		const first = await signIn(person);
		const second = await signIn(person);
		vi.setSystemTime(start + limits.idleSeconds * 1000 - 60_000);
		expect(await sessionOf(first.name, first.value)).not.toBeNull();
		vi.setSystemTime(start + limits.idleSeconds * 1000 + 60_000);
		expect(await sessionOf(second.name, second.value)).toBeNull();
	});

	it('never adopts a session cookie planted before sign-in (fixation)', async () => {
		const { signIn, sessionOf, secret, auth } = await setup({ ORIGIN: 'https://kennis.example' });
		const name = '__Secure-kn.session_token';
		// A value an attacker put in the browser: unsigned, and even one correctly signed (as if
		// the secret were known) for a token that no session has yet.
		const chosen = randomBytes(16).toString('hex');
		const signed = `${chosen}.${createHmac('sha256', secret).update(chosen).digest('base64')}`;
		for (const planted of [`${chosen}.niet-ondertekend`, signed]) {
			const cookie = await signIn(person, `${name}=${encodeURIComponent(planted)}`);
			expect(cookie.name).toBe(name);
			expect(cookie.value).not.toBe(planted);
			expect(cookie.value.split('.')[0]).not.toBe(chosen);
			expect((await sessionOf(name, cookie.value))?.user.email).toBe(person.email);
			expect(await sessionOf(name, planted)).toBeNull();
			const tokens = await handle.db.selectFrom('sessions').select('token').execute();
			expect(tokens.map((t) => t.token)).not.toContain(chosen);
		}

		// An attacker's own valid session planted in the victim's browser: signing in replaces it
		// with a new session of the victim's, and the planted one never becomes the victim's.
		const attackers = await signIn(other);
		const victims = await signIn(person, `${name}=${encodeURIComponent(attackers.value)}`);
		expect(victims.value).not.toBe(attackers.value);
		expect((await sessionOf(name, victims.value))?.user.email).toBe(person.email);
		const planted = await auth.api.getSession({
			headers: new Headers({ cookie: `${name}=${encodeURIComponent(attackers.value)}` })
		});
		expect(planted?.user.email ?? null).not.toBe(person.email);
	});
});
