import { afterEach, describe, expect, it } from 'vitest';
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
});
