import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { type DialectName, SqliteBooleanPlugin } from './dialect';

export type { Database } from './schema';
export type { DialectName } from './dialect';
export type DB = Kysely<Database>;

// PostgreSQL hands back bigint counts as strings and timestamps as Date objects; the app works
// with numbers and ISO-8601 strings on both dialects.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(v + 'Z').toISOString());

export interface DatabaseOptions {
	/** postgres://… selects PostgreSQL; absent means SQLite in dataDir. */
	databaseUrl?: string;
	dataDir: string;
	/** SQLite file name inside dataDir (tests use their own). */
	fileName?: string;
	/** PostgreSQL schema to work in (tests isolate themselves this way). */
	schema?: string;
	poolSize?: number;
}

export interface DatabaseHandle {
	db: DB;
	dialect: DialectName;
	/** Where the data lives, without credentials, for start-up messages. */
	location: string;
	close(): Promise<void>;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
	if (options.databaseUrl) {
		const url = new URL(options.databaseUrl);
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: options.poolSize ?? 10,
			connectionTimeoutMillis: 5_000,
			...(options.schema ? { options: `-c search_path=${options.schema}` } : {})
		});
		// An idle client that loses its connection must not crash the process.
		pool.on('error', () => {});
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return {
			db,
			dialect: 'postgres',
			location: `postgres://${url.host}${url.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`,
			close: () => db.destroy()
		};
	}
	fs.mkdirSync(options.dataDir, { recursive: true });
	const file = path.join(options.dataDir, options.fileName ?? 'kennisnetwerk.db');
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: sqlite }),
		plugins: [new SqliteBooleanPlugin()]
	});
	return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** A cheap round trip, for /healthz. */
export async function ping(db: DB): Promise<void> {
	await sql`select 1`.execute(db);
}
