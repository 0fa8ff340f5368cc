import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedReference } from '../db/seed/reference';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../testing/db';
import { createAuth } from './auth';
import { ensureAuthSecret } from './secrets';
import { resolveSession } from './session';

const limits = { idleSeconds: 7 * 86400, absoluteSeconds: 30 * 86400 };
const origin = 'http://localhost:3000';
const headers = () => new Headers({ origin, 'user-agent': 'vitest' });

describe.each(DIALECTS)('better-auth on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	async function setup() {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const secret = await ensureAuthSecret(handle.db, undefined);
		expect(await ensureAuthSecret(handle.db, undefined)).toBe(secret);
		return createAuth({
			db: handle.db,
			dialect,
			config: { origin, https: false },
			secret,
			limits
		});
	}

	it('signs up, refuses sign-in until the e-mail is verified, then signs in with a session', async () => {
		const auth = await setup();
		await auth.api.signUpEmail({
			body: {
				name: 'Ilse Mulder',
				email: 'ilse.mulder@drenthe.example',
				password: 'heide-schaapskooi-veenkoloniaal'
			},
			headers: headers()
		});
		const mail = await handle.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'kind', 'text_body'])
			.executeTakeFirstOrThrow();
		expect(mail).toMatchObject({ to_address: 'ilse.mulder@drenthe.example', kind: 'verification' });
		const link = mail.text_body.match(/https?:\/\/\S+/)?.[0];
		expect(link).toContain('/api/auth/verify-email?token=');

		await expect(
			auth.api.signInEmail({
				body: { email: 'ilse.mulder@drenthe.example', password: 'heide-schaapskooi-veenkoloniaal' },
				headers: headers()
			})
		).rejects.toMatchObject({ status: 'FORBIDDEN' });

		const token = new URL(link!).searchParams.get('token')!;
		await auth.api.verifyEmail({ query: { token }, headers: headers() });
		const user = await handle.db
			.selectFrom('users')
			.select(['email_verified', 'status', 'role', 'created_at'])
			.where('email', '=', 'ilse.mulder@drenthe.example')
			.executeTakeFirstOrThrow();
		expect(Boolean(user.email_verified)).toBe(true);
		expect(user).toMatchObject({ status: 'applicant', role: 'member' });
		expect(user.created_at).toMatch(/Z$/);

		const signedIn = await auth.api.signInEmail({
			body: { email: 'ilse.mulder@drenthe.example', password: 'heide-schaapskooi-veenkoloniaal' },
			headers: headers(),
			returnHeaders: true
		});
		const cookie = signedIn.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/kn\.session_token=/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);

		const session = await auth.api.getSession({
			headers: new Headers({ cookie: cookie.split(';')[0]! })
		});
		expect(session?.user.email).toBe('ilse.mulder@drenthe.example');
		const expires = new Date(session!.session.expiresAt).getTime();
		expect(expires - Date.now()).toBeGreaterThan(limits.idleSeconds * 1000 - 60_000);
		expect(expires - Date.now()).toBeLessThanOrEqual(limits.idleSeconds * 1000);
	});

	it('ends the session when its row is gone (suspension deletes the rows)', async () => {
		const auth = await setup();
		await auth.api.signUpEmail({
			body: {
				name: 'Koen van Dam',
				email: 'koen@nijmegen.example',
				password: 'waalbrug-stevensbeek-lent'
			},
			headers: headers()
		});
		await handle.db.updateTable('users').set({ email_verified: true }).execute();
		const signedIn = await auth.api.signInEmail({
			body: { email: 'koen@nijmegen.example', password: 'waalbrug-stevensbeek-lent' },
			headers: headers(),
			returnHeaders: true
		});
		const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
		expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
		await handle.db.deleteFrom('sessions').execute();
		expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
	});

	it('ends a session after the absolute lifetime however active it was, and for a suspended account', async () => {
		const auth = await setup();
		await auth.api.signUpEmail({
			body: {
				name: 'Maud Janssen',
				email: 'maud@maastricht.example',
				password: 'vrijthof-sint-servaas-maas'
			},
			headers: headers()
		});
		await handle.db.updateTable('users').set({ email_verified: true, status: 'active' }).execute();
		const signIn = async () => {
			const signedIn = await auth.api.signInEmail({
				body: { email: 'maud@maastricht.example', password: 'vrijthof-sint-servaas-maas' },
				headers: headers(),
				returnHeaders: true
			});
			return new Headers({ cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0]! });
		};
		const day = 86_400_000;

		const cookie = await signIn();
		const tomorrow = await resolveSession(auth, handle.db, cookie, limits, Date.now() + day);
		expect(tomorrow?.user).toMatchObject({ email: 'maud@maastricht.example', status: 'active' });
		const later = await resolveSession(auth, handle.db, cookie, limits, Date.now() + 31 * day);
		expect(later).toBeNull();
		// Ended means gone: the same cookie does not come back today either.
		expect(await resolveSession(auth, handle.db, cookie, limits)).toBeNull();

		const again = await signIn();
		expect(await resolveSession(auth, handle.db, again, limits)).not.toBeNull();
		await handle.db.updateTable('users').set({ status: 'suspended' }).execute();
		expect(await resolveSession(auth, handle.db, again, limits)).toBeNull();
		expect(await handle.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
	});

	it('reads a valid session without writing it, and leaves expiry, refresh and bad cookies to better-auth', async () => {
		const auth = await setup();
		await auth.api.signUpEmail({
			body: {
				name: 'Sanne de Boer',
				email: 'sanne@zwolle.example',
				password: 'ijssel-sassenpoort-peperbus'
			},
			headers: headers()
		});
		await handle.db.updateTable('users').set({ email_verified: true, status: 'active' }).execute();
		const signIn = async () => {
			const signedIn = await auth.api.signInEmail({
				body: { email: 'sanne@zwolle.example', password: 'ijssel-sassenpoort-peperbus' },
				headers: headers(),
				returnHeaders: true
			});
			return (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
		};
		const sessionRow = () =>
			handle.db
				.selectFrom('sessions')
				.select(['id', 'expires_at', 'updated_at'])
				.executeTakeFirstOrThrow();

		// A valid session: the same person better-auth finds, and the row is not written.
		const cookie = await signIn();
		const before = await sessionRow();
		const getSession = vi.spyOn(auth.api, 'getSession');
		const found = await resolveSession(auth, handle.db, new Headers({ cookie }), limits);
		// Read in one query of our own; better-auth is not needed for it. Nor for a visitor (no
		// cookie, or only cookies that are not better-auth's), who has no session.
		for (const visitor of [new Headers(), new Headers({ cookie: 'kn_taal=en' })]) {
			expect(await resolveSession(auth, handle.db, visitor, limits)).toBeNull();
		}
		expect(getSession).not.toHaveBeenCalled();
		const viaAuth = await auth.api.getSession({ headers: new Headers({ cookie }) });
		expect(found).toEqual({
			sessionId: viaAuth!.session.id,
			user: {
				id: viaAuth!.user.id,
				name: 'Sanne de Boer',
				email: 'sanne@zwolle.example',
				role: 'member',
				status: 'active',
				twoFactorEnabled: false
			}
		});
		expect(await sessionRow()).toEqual(before);
		// Among other cookies, and with the value URL-encoded as browsers may send it.
		const [name, value] = [
			cookie.slice(0, cookie.indexOf('=')),
			cookie.slice(cookie.indexOf('=') + 1)
		];
		const encoded = `kn_taal=en; ${name}=${encodeURIComponent(decodeURIComponent(value))}`;
		expect(
			(await resolveSession(auth, handle.db, new Headers({ cookie: encoded }), limits))?.sessionId
		).toBe(before.id);

		// A changed token or signature is no session.
		const tampered = cookie.replace(/=(.)/, (_, c: string) => `=${c === 'a' ? 'b' : 'a'}`);
		expect(
			await resolveSession(auth, handle.db, new Headers({ cookie: tampered }), limits)
		).toBeNull();
		// The signature's last character changed to another that differs in a data bit (its two
		// lowest bits are base64 padding, so A and B would decode alike); the signature is random.
		const badSignature = cookie.replace(
			/(.)(%3D|=)$/,
			(_, last: string, end: string) => `${last === 'A' ? 'E' : 'A'}${end}`
		);
		expect(badSignature).not.toBe(cookie);
		expect(
			await resolveSession(auth, handle.db, new Headers({ cookie: badSignature }), limits)
		).toBeNull();

		// Due for the sliding refresh (a day after the last one): better-auth extends the row.
		const day = 86_400_000;
		const due = new Date(Date.now() + limits.idleSeconds * 1000 - 2 * day).toISOString();
		await handle.db.updateTable('sessions').set({ expires_at: due }).execute();
		expect(await resolveSession(auth, handle.db, new Headers({ cookie }), limits)).not.toBeNull();
		const refreshed = await sessionRow();
		expect(new Date(refreshed.expires_at).getTime()).toBeGreaterThan(
			Date.now() + limits.idleSeconds * 1000 - 60_000
		);

		// Idle too long: the session has ended, and its row is gone.
		await handle.db
			.updateTable('sessions')
			.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.execute();
		expect(await resolveSession(auth, handle.db, new Headers({ cookie }), limits)).toBeNull();
		expect(await handle.db.selectFrom('sessions').selectAll().execute()).toEqual([]);

		// Signed out elsewhere (the row deleted by another process): over on the next request.
		const again = await signIn();
		expect(
			await resolveSession(auth, handle.db, new Headers({ cookie: again }), limits)
		).not.toBeNull();
		await handle.db.deleteFrom('sessions').execute();
		expect(
			await resolveSession(auth, handle.db, new Headers({ cookie: again }), limits)
		).toBeNull();
	});
});
