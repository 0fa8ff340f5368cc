import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db';
import { seedReference } from '../../db/seed/reference';
import { createAuth } from '../../platform/auth';
import { queueMail } from '../../platform/mail';
import { ensureAuthSecret } from '../../platform/secrets';
import { DIALECTS, migratedDatabase, type TestDatabase } from '../../testing/db';
import { deleteOwnAccount } from './delete-account';
import { ACTOR_REFERENCES, CONTRIBUTIONS, HIDDEN } from './personal-data';
import { exportAccountData, textColumns, userReferences } from './queries';

const origin = 'http://localhost:3000';
/** No photos in these tests: the photo's own test is in features/people. */
const photosDir = path.join(os.tmpdir(), 'kn-no-photos');
const headers = () => new Headers({ origin, 'user-agent': 'vitest' });

const anna = {
	name: 'Anna Bakker-Veldhuis',
	email: 'anna.bakker@leeuwarden.example',
	password: 'terp-Friesland-klokstoel-62'
};
const bram = {
	name: 'Bram Oosterhout',
	email: 'bram.oosterhout@vlissingen.example',
	password: 'boulevard-Schelde-loodsboot-17'
};

/** Every place the text occurs: `table.column` of any text column of any table. */
async function occurrences(db: DB, text: string): Promise<string[]> {
	const found: string[] = [];
	for (const { table, column } of await textColumns(db)) {
		const { rows } = await sql<{ n: number }>`
			select count(*) as n from ${sql.table(table)}
			where lower(cast(${sql.ref(column)} as text)) like ${`%${text.toLowerCase()}%`}`.execute(db);
		if (Number(rows[0]?.n) > 0) found.push(`${table}.${column}`);
	}
	return found;
}

describe.each(DIALECTS)('my data (GDPR) on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	/** Two active members with a password, a session, themes, two-factor rows, an application and mail. */
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
		const ids: Record<'anna' | 'bram', string> = { anna: '', bram: '' };
		for (const [key, person] of [
			['anna', anna],
			['bram', bram]
		] as const) {
			await auth.api.signUpEmail({ body: person, headers: headers() });
			await handle.db
				.updateTable('users')
				.set({ email_verified: true, status: 'active' })
				.where('email', '=', person.email)
				.execute();
			await auth.api.signInEmail({
				body: { email: person.email, password: person.password },
				headers: headers()
			});
			const { id } = await handle.db
				.selectFrom('users')
				.select('id')
				.where('email', '=', person.email)
				.executeTakeFirstOrThrow();
			ids[key] = id;
			await handle.db
				.insertInto('user_themes')
				.values({ user_id: id, theme_id: (await firstTheme()).id })
				.execute();
			await handle.db
				.insertInto('two_factors')
				.values({
					id: randomUUID(),
					user_id: id,
					secret: `totp-secret-of-${key}`,
					backup_codes: `backup-codes-of-${key}`
				})
				.execute();
			await handle.db
				.insertInto('applications')
				.values({
					id: randomUUID(),
					user_id: id,
					motivation: `Motivatie van ${person.name}`
				})
				.execute();
		}
		// Anna, an admin, decided on Bram's application and left an audit entry.
		await handle.db
			.updateTable('applications')
			.set({ decided_by: ids.anna, decision: 'approved', decided_at: new Date().toISOString() })
			.where('user_id', '=', ids.bram)
			.execute();
		await handle.db
			.insertInto('audit_log')
			.values({
				id: randomUUID(),
				actor_id: ids.anna,
				action: 'application.approve',
				subject_type: 'user',
				subject_id: ids.bram
			})
			.execute();
		// A message to Bram that mentions Anna.
		await queueMail(handle.db, {
			to: bram.email,
			kind: 'test',
			subject: `Nieuw contact: ${anna.name}`,
			text: `${anna.name} (${anna.email}) wil je spreken.`
		});
		return { auth, ids };
	}

	async function firstTheme() {
		return handle.db.selectFrom('themes').select('id').orderBy('id').executeTakeFirstOrThrow();
	}

	it('classifies every reference to users that outlives the account', async () => {
		await setup();
		const unclassified = (await userReferences(handle.db))
			.filter((r) => r.table !== 'users' && r.onDelete !== 'cascade')
			.map((r) => `${r.table}.${r.column}`)
			.filter((key) => !CONTRIBUTIONS.has(key) && !(key in ACTOR_REFERENCES));
		expect(
			unclassified,
			'list these in features/accounts/personal-data.ts as a contribution or an actor reference'
		).toEqual([]);
	});

	it('exports the users row and every referring table, with secrets hidden and nobody else', async () => {
		const { ids } = await setup();
		const data = await exportAccountData(handle.db, ids.anna);
		expect(data).toBeDefined();
		expect(data!.user).toMatchObject({ id: ids.anna, email: anna.email, name: anna.name });

		// Every table that refers to users is there, found from the schema.
		const refs = await userReferences(handle.db);
		expect(refs.map((r) => r.table)).toEqual(
			expect.arrayContaining(['accounts', 'sessions', 'user_themes', 'two_factors', 'applications'])
		);
		for (const ref of refs.filter((r) => r.table !== 'users')) {
			expect(data!.tables[ref.table]?.[ref.column], `${ref.table}.${ref.column}`).toBeDefined();
		}
		const t = data!.tables;
		expect(t.accounts!.user_id).toEqual([
			expect.objectContaining({ provider_id: 'credential', password: HIDDEN })
		]);
		expect(t.sessions!.user_id).toEqual([expect.objectContaining({ token: HIDDEN })]);
		expect(t.two_factors!.user_id).toEqual([
			expect.objectContaining({ secret: HIDDEN, backup_codes: HIDDEN })
		]);
		expect(t.user_themes!.user_id).toHaveLength(1);
		expect(t.applications!.user_id).toEqual([
			expect.objectContaining({ motivation: `Motivatie van ${anna.name}` })
		]);
		// Anna's decision on Bram's application: that she decided, not what Bram wrote.
		expect(t.applications!.decided_by).toEqual([
			{ id: expect.any(String), decision: 'approved', decided_at: expect.any(String) }
		]);
		expect(t.audit_log!.actor_id).toEqual([
			expect.objectContaining({ action: 'application.approve' })
		]);
		// The verification mail from signing up, without its link.
		const mail = t.mail_outbox!.to_address!;
		expect(mail).toEqual([
			expect.objectContaining({ kind: 'verification', to_address: anna.email })
		]);
		expect(String(mail[0]!.text_body)).toContain(HIDDEN);
		expect(String(mail[0]!.text_body)).not.toMatch(/token=|https?:/);

		const json = JSON.stringify(data);
		for (const secret of ['totp-secret-of-anna', 'backup-codes-of-anna']) {
			expect(json).not.toContain(secret);
		}
		const hashes = await handle.db.selectFrom('accounts').select('password').execute();
		const tokens = await handle.db.selectFrom('sessions').select('token').execute();
		for (const value of [...hashes.map((h) => h.password!), ...tokens.map((s) => s.token)]) {
			expect(json).not.toContain(value);
		}
		// Nothing of Bram's: not his address, name, motivation, secrets, sessions or id.
		for (const text of [bram.email, bram.name, 'Motivatie van Bram', 'of-bram', ids.bram]) {
			expect(json).not.toContain(text);
		}
	});

	it('refuses a wrong password and deletes nothing', async () => {
		const { auth, ids } = await setup();
		const result = await deleteOwnAccount(
			{ db: handle.db, auth, client: '192.0.2.1', photosDir },
			{ userId: ids.anna, password: 'niet-mijn-wachtwoord-123', removeContributions: false }
		);
		expect(result).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await occurrences(handle.db, anna.email)).toContain('users.email');
	});

	it.each([false, true])(
		'erases every trace of name and address (removeContributions %s) and leaves the other member',
		async (removeContributions) => {
			const { auth, ids } = await setup();
			expect(await occurrences(handle.db, anna.email)).toEqual(
				expect.arrayContaining(['users.email', 'mail_outbox.to_address', 'mail_outbox.text_body'])
			);
			const result = await deleteOwnAccount(
				{ db: handle.db, auth, client: '192.0.2.1', photosDir },
				{ userId: ids.anna, password: anna.password, removeContributions }
			);
			expect(result).toEqual({ ok: true });

			expect(await occurrences(handle.db, anna.email)).toEqual([]);
			expect(await occurrences(handle.db, anna.name)).toEqual([]);
			expect(await occurrences(handle.db, ids.anna)).toEqual([]);
			for (const table of ['sessions', 'accounts', 'user_themes', 'two_factors'] as const) {
				const rows = await handle.db
					.selectFrom(table)
					.select('user_id')
					.where('user_id', '=', ids.anna)
					.execute();
				expect(rows, table).toEqual([]);
			}

			// Bram keeps his account, his approved application (without Anna) and his mail.
			expect(await occurrences(handle.db, bram.email)).toContain('users.email');
			const application = await handle.db
				.selectFrom('applications')
				.select(['decided_by', 'decision', 'motivation'])
				.where('user_id', '=', ids.bram)
				.executeTakeFirstOrThrow();
			expect(application).toEqual({
				decided_by: null,
				decision: 'approved',
				motivation: `Motivatie van ${bram.name}`
			});
			const audit = await handle.db.selectFrom('audit_log').selectAll().execute();
			expect(audit).toEqual([expect.objectContaining({ actor_id: null, subject_id: ids.bram })]);
			const toBram = await handle.db
				.selectFrom('mail_outbox')
				.select(['subject', 'text_body'])
				.where('kind', '=', 'test')
				.executeTakeFirstOrThrow();
			expect(toBram).toEqual({
				subject: 'Nieuw contact: voormalig lid',
				text_body: 'voormalig lid (voormalig lid) wil je spreken.'
			});
			expect(await exportAccountData(handle.db, ids.anna)).toBeUndefined();
			const signIn = auth.api.signInEmail({
				body: { email: anna.email, password: anna.password },
				headers: headers()
			});
			await expect(signIn).rejects.toMatchObject({ status: 'UNAUTHORIZED' });
		}
	);

	it('counts password attempts against the sign-in limit', async () => {
		const { auth, ids } = await setup();
		const attempt = () =>
			deleteOwnAccount(
				{ db: handle.db, auth, client: '192.0.2.1', photosDir },
				{ userId: ids.anna, password: 'niet-mijn-wachtwoord-123', removeContributions: false }
			);
		for (let i = 0; i < 5; i++) expect(await attempt()).toMatchObject({ reason: 'wrong_password' });
		expect(await attempt()).toMatchObject({ ok: false, reason: 'rate_limited' });
	});
});
