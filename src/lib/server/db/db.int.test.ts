import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, emptyDatabase, migratedDatabase, type TestDatabase } from '../testing/db';
import { migrateToEmpty, migrateToLatest } from './migrate';
import { migrations } from './migrations/index';
import { ensureFirstAdmin } from './seed/admin';
import { DEMO_ADMIN_EMAIL, seedDemo } from './seed/demo';
import { DEMO_PRIVATE_NETWORK, seedDemoNetworks } from './seed/demo-networks';
import { seedReference } from './seed/reference';
import { prepareDatabase } from './setup';

describe.each(DIALECTS)('database on %s', (dialect) => {
	let handle: TestDatabase;
	afterEach(async () => {
		await handle?.destroy();
	});

	it('applies every migration, undoes them all with down, and applies them again', async () => {
		handle = await emptyDatabase(dialect);
		const names = Object.keys(migrations);
		expect(await migrateToLatest(handle.db)).toEqual(names);
		expect(await migrateToLatest(handle.db)).toEqual([]);
		expect(await migrateToEmpty(handle.db)).toEqual([...names].reverse());
		// Only this test's schema: other tests work beside it in schemas of their own.
		const { rows } = await sql<{ schema: string | null }>`select ${
			dialect === 'postgres' ? sql`current_schema()` : sql`null`
		} as schema`.execute(handle.db);
		const tables = (await handle.db.introspection.getTables())
			.filter((t) => !rows[0]?.schema || t.schema === rows[0].schema)
			.map((t) => t.name);
		expect(tables.filter((t) => !t.startsWith('kysely_'))).toEqual([]);
		expect(await migrateToLatest(handle.db)).toEqual(names);
	});

	it('seeds the reference facts, and a second run changes nothing', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const snapshot = async () => ({
			provinces: await handle.db.selectFrom('provinces').selectAll().orderBy('code').execute(),
			organisations: await handle.db
				.selectFrom('organisations')
				.select([
					'id',
					'slug',
					'name',
					'type_id',
					'province_code',
					'municipality_class',
					'is_partner'
				])
				.orderBy('slug')
				.execute(),
			networks: await handle.db
				.selectFrom('networks')
				.select(['id', 'slug', 'kind'])
				.orderBy('slug')
				.execute(),
			networkProvinces: await handle.db
				.selectFrom('network_provinces')
				.selectAll()
				.orderBy('network_id')
				.orderBy('province_code')
				.execute()
		});
		const first = await snapshot();
		await seedReference(handle.db);
		expect(await snapshot()).toEqual(first);

		expect(first.provinces).toHaveLength(12);
		const municipalities = first.organisations.filter((o) => o.type_id === 'gemeente');
		expect(municipalities.filter((o) => o.municipality_class === 'g4').map((o) => o.name)).toEqual([
			'Gemeente Amsterdam',
			'Gemeente Den Haag',
			'Gemeente Rotterdam',
			'Gemeente Utrecht'
		]);
		expect(municipalities.filter((o) => o.municipality_class === 'g40')).toHaveLength(41);
		const amstelveen = first.organisations.find((o) => o.slug === 'gemeente-amstelveen');
		expect(amstelveen).toMatchObject({ province_code: 'NL-NH', municipality_class: 'g40' });
		expect(first.organisations.filter((o) => Boolean(o.is_partner))).toHaveLength(9);
		expect(first.organisations.filter((o) => o.type_id === 'provincie')).toHaveLength(12);
		expect(first.networks.filter((n) => n.kind === 'thematic')).toHaveLength(3);
		expect(first.networks.filter((n) => n.kind === 'regional')).toHaveLength(4);
		const groningenAssen = first.networks.find((n) => n.slug === 'regio-groningen-assen');
		expect(
			first.networkProvinces
				.filter((p) => p.network_id === groningenAssen?.id)
				.map((p) => p.province_code)
		).toEqual(['NL-DR', 'NL-GR']);

		const counts = await Promise.all(
			(['themes', 'event_formats', 'organisation_types', 'field_roles'] as const).map(async (t) =>
				Number(
					(
						await handle.db
							.selectFrom(t)
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				)
			)
		);
		expect(counts).toEqual([12, 5, 9, 9]);
	});

	it('gives the demo networks coordinators, members, a request and a private room, once', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		await seedDemo(handle.db);
		expect(await seedDemoNetworks(handle.db)).toBe(true);
		expect(await seedDemoNetworks(handle.db)).toBe(false);
		const rows = await handle.db
			.selectFrom('network_members as nm')
			.innerJoin('networks as n', 'n.id', 'nm.network_id')
			.innerJoin('users as u', 'u.id', 'nm.user_id')
			.select(['n.name', 'n.visibility', 'u.email', 'nm.role', 'nm.status'])
			.execute();
		const coordinated = rows
			.filter((r) => r.role === 'coordinator')
			.map((r) => `${r.email} ${r.name}`)
			.sort();
		expect(coordinated).toEqual(
			[
				'demo-coordinator@example.org Coördinatorenoverleg',
				'demo-coordinator@example.org Regio Zwolle',
				`demo-coordinator@example.org ${rows.find((r) => r.role === 'coordinator' && r.visibility === 'public' && r.name !== 'Regio Zwolle')?.name}`
			].sort()
		);
		const room = rows.filter((r) => r.name === DEMO_PRIVATE_NETWORK.name);
		expect(room.every((r) => r.visibility === 'private')).toBe(true);
		expect(room.map((r) => r.email).sort()).toEqual([
			'demo-admin@example.org',
			'demo-coordinator@example.org',
			'demo-editor@example.org',
			'demo-member1@example.org'
		]);
		expect(rows.filter((r) => r.status === 'requested').map((r) => [r.email, r.name])).toEqual([
			['demo-member2@example.org', 'Regio Zwolle']
		]);
		// Every demo member belongs to at least one network.
		const members = new Set(rows.filter((r) => r.status === 'active').map((r) => r.email));
		for (let n = 1; n <= 40; n++) expect(members).toContain(`demo-member${n}@example.org`);
	});

	it('seeds a demo spread over all twelve provinces, once', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const first = await seedDemo(handle.db);
		expect(first).toMatchObject({ created: true, generatedPassword: true });
		expect(first.password).toMatch(/^[\w-]{16}$/);
		const second = await seedDemo(handle.db);
		expect(second).toMatchObject({ created: false, password: null });

		const users = await handle.db
			.selectFrom('users')
			.select(['email', 'role', 'status', 'province_code', 'organisation_id'])
			.execute();
		expect(users).toHaveLength(43);
		const emails = users.map((u) => u.email).sort();
		expect(emails).toContain('demo-coordinator@example.org');
		expect(emails).toContain('demo-member1@example.org');
		expect(emails).toContain('demo-member40@example.org');
		expect(users.find((u) => u.email === 'demo-editor@example.org')?.role).toBe('editor');
		expect(new Set(users.map((u) => u.province_code)).size).toBe(12);
		expect(users.every((u) => u.organisation_id && u.status === 'active')).toBe(true);
		expect(users.find((u) => u.email === DEMO_ADMIN_EMAIL)?.role).toBe('admin');
		const credentials = await handle.db
			.selectFrom('accounts')
			.select(['password'])
			.where('provider_id', '=', 'credential')
			.execute();
		expect(credentials).toHaveLength(users.length);
		expect(credentials.every((c) => c.password && !c.password.includes(first.password!))).toBe(
			true
		);
	});

	it('uses DEMO_PASSWORD for every demo account when it is given', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const demo = await seedDemo(handle.db, { password: 'een-vast-demo-wachtwoord' });
		expect(demo).toMatchObject({ created: true, generatedPassword: false });
		const { verifyPassword } = await import('better-auth/crypto');
		const account = await handle.db
			.selectFrom('accounts')
			.innerJoin('users', 'users.id', 'accounts.user_id')
			.select('accounts.password')
			.where('users.email', '=', 'demo-member17@example.org')
			.executeTakeFirstOrThrow();
		expect(
			await verifyPassword({ hash: account.password!, password: 'een-vast-demo-wachtwoord' })
		).toBe(true);
	});

	it('starts clean without the demo: only the reference data and the first admin', async () => {
		handle = await emptyDatabase(dialect);
		const refused = await prepareDatabase(handle.db, {
			seedDemo: false,
			adminEmail: undefined,
			adminPassword: undefined,
			demoPassword: undefined
		});
		expect(refused).toEqual({
			ok: false,
			message: expect.stringContaining('ADMIN_EMAIL and ADMIN_PASSWORD')
		});
		const tooShort = await ensureFirstAdmin(handle.db, 'a@gemeente.example', 'kort');
		expect(tooShort.ok).toBe(false);

		const setup = await prepareDatabase(handle.db, {
			seedDemo: false,
			adminEmail: 'eerste.beheerder@gemeente.example',
			adminPassword: 'een lang genoeg wachtwoord',
			demoPassword: undefined
		});
		expect(setup).toMatchObject({
			ok: true,
			demo: null,
			adminEmail: 'eerste.beheerder@gemeente.example'
		});
		const users = await handle.db.selectFrom('users').select(['email', 'role']).execute();
		expect(users).toEqual([{ email: 'eerste.beheerder@gemeente.example', role: 'admin' }]);

		// A restart with other admin settings keeps the existing admin.
		const again = await prepareDatabase(handle.db, {
			seedDemo: false,
			adminEmail: 'iemand.anders@gemeente.example',
			adminPassword: 'nog een lang wachtwoord',
			demoPassword: undefined
		});
		expect(again).toMatchObject({
			ok: true,
			applied: [],
			adminEmail: 'eerste.beheerder@gemeente.example'
		});
		expect(await handle.db.selectFrom('users').select('email').execute()).toHaveLength(1);
	});

	it('stores booleans and timestamps the same way on both dialects', async () => {
		handle = await migratedDatabase(dialect);
		await seedReference(handle.db);
		const partner = await handle.db
			.selectFrom('organisations')
			.select(['is_partner', 'created_at'])
			.where('slug', '=', 'platform31')
			.executeTakeFirstOrThrow();
		expect(Boolean(partner.is_partner)).toBe(true);
		expect(partner.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	});

	// Many app processes share one SQLite file: a transaction that read first and wrote after
	// another process had written would fail at once (SQLITE_BUSY_SNAPSHOT), so every transaction
	// takes the write lock when it begins, and a second writer waits for it (busy_timeout).
	it.runIf(dialect === 'sqlite')(
		'takes SQLite’s write lock when a transaction begins, not at its first write',
		async () => {
			handle = await migratedDatabase(dialect);
			const { default: SQLite } = await import('better-sqlite3');
			const other = new SQLite(handle.location, { timeout: 0 });
			try {
				await handle.db.transaction().execute(async (trx) => {
					await trx.selectFrom('provinces').select('code').execute();
					expect(() => other.exec('begin immediate')).toThrow(/locked|busy/i);
				});
				// Free again once it committed.
				other.exec('begin immediate');
				other.exec('rollback');
			} finally {
				other.close();
			}
		}
	);
});
