import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type DialectName, openDatabase } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { seedReference } from '../../src/lib/server/db/seed/reference';
import { createToken } from '../../src/lib/server/features/api-tokens/mutations';
import { createEvent } from '../../src/lib/server/features/events/mutations';
import { buildMember } from '../../src/lib/server/testing/factories';
import { freePort, stopProcess, waitForHealthy } from './process';

/**
 * Capacity under load, across processes: two app processes on one database (a SQLite file, and
 * PostgreSQL when DATABASE_URL_TEST is set) take 200 simultaneous registrations over HTTP for 20
 * places. Exactly 20 get a place and 180 wait, each at a distinct position.
 */

const PEOPLE = 200;
const PLACES = 20;
const adminUrl = process.env.DATABASE_URL_TEST;
const dialects: DialectName[] = adminUrl ? ['sqlite', 'postgres'] : ['sqlite'];

async function adminQuery(sql: string) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

describe.each(dialects)('registrations from two app processes on %s', (dialect) => {
	const servers: ChildProcess[] = [];
	const dataDirs: string[] = [];
	const database = `kn_events_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
	let databaseUrl = '';

	afterAll(async () => {
		for (const server of servers) await stopProcess(server);
		for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
		if (dialect === 'postgres')
			await adminQuery(`drop database if exists ${database} with (force)`);
	});

	it(`gives exactly ${PLACES} places to ${PEOPLE} simultaneous registrations`, async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-events-load-'));
		dataDirs.push(dataDir);
		if (dialect === 'postgres') {
			await adminQuery(`create database ${database}`);
			const u = new URL(adminUrl!);
			u.pathname = `/${database}`;
			databaseUrl = u.toString();
		}
		const handle = openDatabase({ dataDir, databaseUrl: databaseUrl || undefined });
		await migrateToLatest(handle.db);
		await seedReference(handle.db);
		const tokens: string[] = [];
		for (let i = 0; i < PEOPLE; i++) {
			const member = await buildMember(handle.db, { email: `deelnemer${i}@gemeente-last.example` });
			tokens.push((await createToken(handle.db, member.id, { name: 'last' })).token);
		}
		const start = new Date(Date.now() + 14 * 24 * 3_600_000);
		const { slug, id } = await createEvent(handle.db, {
			title: 'Leerwerkbijeenkomst onder druk',
			summary: 'Twintig plaatsen, tweehonderd belangstellenden.',
			formatId: 'leerwerkbijeenkomst',
			programme: '',
			organiserKind: 'platform',
			networkId: null,
			visibility: 'members',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
			locationKind: 'on_site',
			venue: '',
			address: 'Lübeckplein 2, Zwolle',
			onlineUrl: '',
			capacity: PLACES,
			registrationOpensAt: null,
			registrationClosesAt: null,
			questions: [],
			themeIds: [],
			provinceCodes: [],
			speakers: [],
			createdBy: null
		});
		await handle.close();

		// Two app processes, started one after the other (each migrates and seeds at start).
		const bases: string[] = [];
		for (let i = 0; i < 2; i++) {
			const port = await freePort();
			const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
				env: {
					...process.env,
					PORT: String(port),
					DATA_DIR: dataDir,
					DATABASE_URL: databaseUrl,
					WORKERS: '1',
					LOG_LEVEL: 'warn',
					KN_E2E: '1',
					SEED_DEMO: 'false',
					ADMIN_EMAIL: 'beheer@gemeente-last.example',
					ADMIN_PASSWORD: 'beheer-wachtwoord-last-2026'
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			servers.push(server);
			const base = `http://localhost:${port}`;
			await waitForHealthy(base, server);
			bases.push(base);
		}

		const responses = await Promise.all(
			tokens.map(async (token, i) => {
				const response = await fetch(`${bases[i % 2]}/api/v1/events/${slug}/registration`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: '{}'
				});
				return {
					status: response.status,
					body: (await response.json()) as { status?: string; position?: number | null }
				};
			})
		);
		const statuses = responses.map((r) => r.status);
		expect(statuses.filter((s) => s === 201)).toHaveLength(PLACES);
		expect(statuses.filter((s) => s === 202)).toHaveLength(PEOPLE - PLACES);
		const positions = responses
			.filter((r) => r.status === 202)
			.map((r) => r.body.position)
			.sort((a, b) => (a ?? 0) - (b ?? 0));
		expect(positions).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1));

		// And as stored: 20 with a place, 180 waiting at distinct positions, one row per person.
		const check = openDatabase({ dataDir, databaseUrl: databaseUrl || undefined });
		try {
			const rows = await check.db
				.selectFrom('event_registrations')
				.select(['user_id', 'status', 'queue_number'])
				.where('event_id', '=', id)
				.execute();
			expect(rows).toHaveLength(PEOPLE);
			expect(new Set(rows.map((r) => r.user_id)).size).toBe(PEOPLE);
			expect(rows.filter((r) => r.status === 'registered')).toHaveLength(PLACES);
			const queue = rows.filter((r) => r.status === 'waitlisted').map((r) => r.queue_number);
			expect(queue).toHaveLength(PEOPLE - PLACES);
			expect(new Set(queue).size).toBe(PEOPLE - PLACES);
		} finally {
			await check.close();
		}
	}, 240_000);
});
