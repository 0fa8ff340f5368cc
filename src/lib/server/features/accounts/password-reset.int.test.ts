import { afterEach, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/reference';
import { createAuth } from '../../platform/auth';
import { ensureAuthSecret } from '../../platform/secrets';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { requestPasswordReset, resetPassword, resetTokenAccount } from './password-reset';

const origin = 'http://localhost:3000';
const headers = () => new Headers({ origin, 'user-agent': 'vitest' });
const email = 'fatima.elamrani@zaanstad.example';
const oldPassword = 'molen-zaagsel-houtkade-1903';
const newPassword = 'dijkpaal-Kwartel-lantaarn-48';

describe.each(DIALECTS)('password reset on %s', (dialect) => {
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
			limits: { idleSeconds: 7 * 86400, absoluteSeconds: 30 * 86400 }
		});
		await auth.api.signUpEmail({
			body: { name: 'Fatima El Amrani', email, password: oldPassword },
			headers: headers()
		});
		await handle.db.updateTable('users').set({ email_verified: true, status: 'active' }).execute();
		await handle.db.deleteFrom('mail_outbox').execute();
		return auth;
	}

	const signIn = (auth: ReturnType<typeof createAuth>, password: string) =>
		auth.api.signInEmail({ body: { email, password }, headers: headers(), returnHeaders: true });

	async function requestLink(auth: ReturnType<typeof createAuth>, client = '192.0.2.1') {
		const result = await requestPasswordReset(
			{ db: handle.db, auth, headers: headers(), client },
			{ email }
		);
		expect(result).toEqual({ ok: true });
		const mail = await handle.db
			.selectFrom('mail_outbox')
			.select(['to_address', 'kind', 'subject', 'text_body'])
			.where('kind', '=', 'password_reset')
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(mail).toMatchObject({
			to_address: email,
			subject: 'Nieuw wachtwoord voor het Kennisnetwerk'
		});
		expect(mail.text_body).toContain('Beste Fatima El Amrani');
		const link = mail.text_body.match(/https?:\/\/\S+/)?.[0];
		expect(link).toBeDefined();
		// The link goes through better-auth, which sends the browser on to our page with the token.
		const response = await auth.handler(new Request(link!));
		expect(response.status).toBe(302);
		const target = new URL(response.headers.get('location')!, origin);
		expect(target.pathname).toBe('/wachtwoord-herstellen');
		const token = target.searchParams.get('token');
		expect(token).toBeTruthy();
		return token!;
	}

	it('mails a link, sets the new password, refuses the old one and ends every session', async () => {
		const auth = await setup();
		const before = await signIn(auth, oldPassword);
		const cookie = (before.headers.get('set-cookie') ?? '').split(';')[0]!;
		expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();

		const token = await requestLink(auth);
		expect(await resetTokenAccount(handle.db, token)).toEqual({ name: 'Fatima El Amrani', email });
		expect(
			await resetPassword(
				{ db: handle.db, auth },
				{ token, password: newPassword, confirm: newPassword }
			)
		).toEqual({ ok: true });

		await expect(signIn(auth, oldPassword)).rejects.toMatchObject({ status: 'UNAUTHORIZED' });
		expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
		const after = await signIn(auth, newPassword);
		expect(after.headers.get('set-cookie')).toMatch(/kn\.session_token=/);

		// The token is used up.
		expect(await resetTokenAccount(handle.db, token)).toBeUndefined();
		expect(
			await resetPassword(
				{ db: handle.db, auth },
				{ token, password: 'nog-een-Ander-wachtwoord-77', confirm: 'nog-een-Ander-wachtwoord-77' }
			)
		).toEqual({ ok: false, reason: 'invalid_token' });
	});

	it('normalises the new password, so an equivalent Unicode form signs in too', async () => {
		const auth = await setup();
		const token = await requestLink(auth);
		const fullWidth = 'ｄｉｊｋｐａａｌ-Kwartel-lantaarn-48';
		expect(
			await resetPassword(
				{ db: handle.db, auth },
				{ token, password: fullWidth, confirm: fullWidth }
			)
		).toEqual({ ok: true });
		await expect(signIn(auth, 'dijkpaal-Kwartel-lantaarn-48')).resolves.toBeDefined();
	});

	it('refuses a mismatch, a weak or personal password, and keeps the token for another try', async () => {
		const auth = await setup();
		const token = await requestLink(auth);
		const reset = (password: string, confirm = password) =>
			resetPassword({ db: handle.db, auth }, { token, password, confirm });
		expect(await reset(newPassword, newPassword + 'x')).toEqual({ ok: false, reason: 'mismatch' });
		expect(await reset('wachtwoord123')).toMatchObject({ ok: false, reason: 'too_guessable' });
		expect(await reset('kort-1')).toMatchObject({ ok: false, reason: 'too_short' });
		expect(await reset('Kanaalzijde!FatimaElAmrani#31')).toMatchObject({
			ok: false,
			reason: 'too_guessable',
			warning: 'userInputs'
		});
		expect(await resetTokenAccount(handle.db, token)).toBeDefined();
		expect(await reset(newPassword)).toEqual({ ok: true });
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const auth = await setup();
		const result = await requestPasswordReset(
			{ db: handle.db, auth, headers: headers(), client: '192.0.2.2' },
			{ email: 'niemand@nergens.example' }
		);
		expect(result).toEqual({ ok: true });
		expect(await handle.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
	});

	it('refuses an unknown or expired token', async () => {
		const auth = await setup();
		expect(await resetTokenAccount(handle.db, 'bestaat-niet')).toBeUndefined();
		const token = await requestLink(auth);
		await handle.db
			.updateTable('verifications')
			.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
			.execute();
		expect(await resetTokenAccount(handle.db, token)).toBeUndefined();
		expect(
			await resetPassword(
				{ db: handle.db, auth },
				{ token, password: newPassword, confirm: newPassword }
			)
		).toEqual({ ok: false, reason: 'invalid_token' });
	});

	it('limits requests per address and per client', async () => {
		const auth = await setup();
		const ask = (address: string, client: string) =>
			requestPasswordReset({ db: handle.db, auth, headers: headers(), client }, { email: address });
		for (let i = 0; i < 3; i++) expect(await ask(email, `198.51.100.${i}`)).toEqual({ ok: true });
		// A fourth for the same address, from anywhere, is refused, spelled differently or not.
		const refused = await ask(email.toUpperCase(), '198.51.100.9');
		expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(await handle.db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(3);

		for (let i = 0; i < 10; i++) {
			expect(await ask(`iemand${i}@nergens.example`, '203.0.113.7')).toEqual({ ok: true });
		}
		expect(await ask('nog-iemand@nergens.example', '203.0.113.7')).toMatchObject({
			ok: false,
			reason: 'rate_limited'
		});
	});
});
