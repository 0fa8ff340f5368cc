import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { createAuth } from '../../platform/auth';
import { ensureAuthSecret } from '../../platform/secrets';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { totp } from '../../testing/totp';
import { claimTotpCode } from './mutations';
import { startTwoFactor, verifyTotpCode } from './two-factor';

const origin = 'http://localhost:3000';
const limits = { idleSeconds: 7 * 86400, absoluteSeconds: 30 * 86400 };
const EMAIL = 'joost.kramer@friesland.example';
const PASSWORD = 'terpenland-slenk-kwelder-vaart';

/** The cookie header a browser would send back after these Set-Cookie headers. */
function cookiesFrom(headers: Headers, previous = ''): string {
	const jar = new Map(
		previous
			.split('; ')
			.filter(Boolean)
			.map((c) => [c.slice(0, c.indexOf('=')), c] as const)
	);
	for (const line of headers.getSetCookie()) {
		const pair = line.split(';')[0]!;
		const name = pair.slice(0, pair.indexOf('='));
		if (pair.endsWith('=')) jar.delete(name);
		else jar.set(name, pair);
	}
	return [...jar.values()].join('; ');
}

describe.each(DIALECTS)('two-step codes on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const auth = createAuth({
			db: handle.db,
			dialect,
			config: { origin, https: false },
			secret: await ensureAuthSecret(handle.db, undefined),
			limits
		});
		const headers = (cookie = '') => new Headers({ origin, 'user-agent': 'vitest', cookie });
		await auth.api.signUpEmail({
			body: { name: 'Joost Kramer', email: EMAIL, password: PASSWORD },
			headers: headers()
		});
		await handle.db
			.updateTable('users')
			.set({ email_verified: true, status: 'active' })
			.where('email', '=', EMAIL)
			.execute();
		const signIn = async () => {
			const result = await auth.api.signInEmail({
				body: { email: EMAIL, password: PASSWORD },
				headers: headers(),
				returnHeaders: true
			});
			return cookiesFrom(result.headers);
		};
		return { auth, headers, signIn };
	}

	async function sessionCount() {
		const rows = await handle.db.selectFrom('sessions').select('id').execute();
		return rows.length;
	}

	it('accepts each code once: the set-up code and a sign-in code cannot sign in again', async () => {
		const { auth, headers, signIn } = await setup();
		const deps = { auth, db: handle.db };
		const session = await signIn();
		const started = await startTwoFactor(auth, headers(session), PASSWORD);
		expect(started.ok).toBe(true);
		const secret = started.ok ? started.secret : '';
		const code = totp(secret);
		expect(await verifyTotpCode(deps, headers(session), { code, purpose: 'set_up' })).toEqual({
			ok: true
		});

		// The password now leads to the second step; the code that turned it on is spent.
		const pending = await signIn();
		const before = await sessionCount();
		expect(await verifyTotpCode(deps, headers(pending), { code, purpose: 'sign_in' })).toEqual({
			ok: false,
			reason: 'reused'
		});
		// better-auth made a session before we saw the replay; it is gone again.
		expect(await sessionCount()).toBe(before);

		// A code of another moment (still within the clock's tolerance) works, once.
		const next = totp(secret, Date.now() + 30_000);
		expect(next).not.toBe(code);
		const again = await signIn();
		expect(await verifyTotpCode(deps, headers(again), { code: next, purpose: 'sign_in' })).toEqual({
			ok: true
		});
		expect(await sessionCount()).toBe(before + 1);
		const replay = await signIn();
		expect(await verifyTotpCode(deps, headers(replay), { code: next, purpose: 'sign_in' })).toEqual(
			{ ok: false, reason: 'reused' }
		);
		expect(await sessionCount()).toBe(before + 1);
	});

	it('remembers a used code only while it could be valid', async () => {
		const { signIn } = await setup();
		await signIn();
		const user = await handle.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', EMAIL)
			.executeTakeFirstOrThrow();
		const at = new Date('2026-11-29T10:00:00Z');
		expect(await claimTotpCode(handle.db, { userId: user.id, code: '123456', now: at })).toBe(true);
		expect(await claimTotpCode(handle.db, { userId: user.id, code: '123456', now: at })).toBe(
			false
		);
		const later = new Date(at.getTime() + 4 * 60_000);
		expect(await claimTotpCode(handle.db, { userId: user.id, code: '123456', now: later })).toBe(
			true
		);
		const [a, b] = await Promise.all([
			claimTotpCode(handle.db, { userId: user.id, code: '654321', now: later }),
			claimTotpCode(handle.db, { userId: user.id, code: '654321', now: later })
		]);
		expect([a, b].sort()).toEqual([false, true]);
	});
});
