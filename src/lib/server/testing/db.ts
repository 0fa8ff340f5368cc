import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, type DialectName, openDatabase } from '../db';
import { migrateToLatest } from '../db/migrate';

/**
 * The dialects integration tests run on: SQLite always, PostgreSQL when DATABASE_URL_TEST is set.
 * Narrow with TEST_DIALECTS=sqlite or TEST_DIALECTS=postgres.
 */
export const DIALECTS: DialectName[] = (['sqlite', 'postgres'] as const).filter((d) => {
	if (d === 'postgres' && !process.env.DATABASE_URL_TEST) return false;
	const only = process.env.TEST_DIALECTS?.split(',').map((s) => s.trim());
	return !only || only.includes(d);
});

export interface TestDatabase extends DatabaseHandle {
	/** Drops what the test created (the SQLite file or the PostgreSQL schema). */
	destroy(): Promise<void>;
}

/** A fresh, empty database of the given dialect: a temp SQLite file or a new PostgreSQL schema. */
export async function emptyDatabase(dialect: DialectName): Promise<TestDatabase> {
	if (dialect === 'sqlite') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-test-'));
		const handle = openDatabase({ dataDir: dir });
		return {
			...handle,
			destroy: async () => {
				await handle.close();
				fs.rmSync(dir, { recursive: true, force: true });
			}
		};
	}
	const url = process.env.DATABASE_URL_TEST;
	if (!url) throw new Error('DATABASE_URL_TEST is not set');
	// The run's schemas are dropped when the run ends (integration-setup.ts), not here.
	const run = /^[a-f0-9]{8}$/.test(inject('testRun') ?? '') ? inject('testRun') : 'solo';
	const schema = `t_${run}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
	await adminQuery(url, `create schema ${schema}`);
	const handle = openDatabase({ databaseUrl: url, dataDir: '', schema, poolSize: 4 });
	return {
		...handle,
		destroy: async () => {
			await handle.close();
			if (run === 'solo') await adminQuery(url, `drop schema if exists ${schema} cascade`);
		}
	};
}

/** A fresh database with every migration applied. */
export async function migratedDatabase(dialect: DialectName): Promise<TestDatabase> {
	const handle = await emptyDatabase(dialect);
	// The migrator looks through every schema of the database; when another test run drops its
	// schemas at that moment, PostgreSQL says one "does not exist". That is not this test's
	// schema: look again.
	for (let attempt = 1; ; attempt++) {
		try {
			await migrateToLatest(handle.db);
			return handle;
		} catch (error) {
			const vanished = /schema "[^"]+" does not exist/.test(String(error));
			if (!vanished || attempt >= 3) throw error;
		}
	}
}

async function adminQuery(url: string, text: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/** A second connection to the same database, as another app process would have (its own caches). */
export async function secondProcess(handle: TestDatabase): Promise<DatabaseHandle> {
	if (handle.dialect === 'sqlite') {
		return openDatabase({
			dataDir: path.dirname(handle.location),
			fileName: path.basename(handle.location)
		});
	}
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
		handle.db
	);
	return openDatabase({
		databaseUrl: process.env.DATABASE_URL_TEST,
		dataDir: '',
		schema: rows[0]?.schema,
		poolSize: 4
	});
}
