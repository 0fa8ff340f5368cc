import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
	Kysely,
	PostgresDialect,
	SqliteDialect,
	type SqliteDatabase,
	type SqliteStatement,
	sql
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import type { DialectName } from './dialect';

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
		dialect: new SqliteDialect({ database: reusingStatements(sqlite) })
	});
	return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * The better-sqlite3 connection as Kysely's SQLite driver sees it, with two changes:
 * - prepared statements are reused (least recently used first out, keyed by SQL text). Kysely
 *   prepares every query anew, and for the small queries the pages run SQLite's parse and plan
 *   cost as much as running them. Only statements are kept: parameters are bound at each run.
 *   A statement that is still iterating (a streamed query) is never handed out twice.
 * - booleans are bound as 0/1 (better-sqlite3 cannot bind them; SQLite stores them so anyway).
 *   This replaces a Kysely plugin that rewrote the whole query tree of every query for it.
 * - a transaction begins IMMEDIATE: it takes the database's write lock at once, waiting for it up
 *   to busy_timeout while another process writes. A deferred one would read first and fail when
 *   it then writes after another process did (SQLITE_BUSY_SNAPSHOT, no waiting): an organiser's
 *   edit while registrations come in from other processes would end in an error.
 */
export function reusingStatements(sqlite: SQLite.Database, max = 256): SqliteDatabase {
	type Entry = { statement: SQLite.Statement; facade: SqliteStatement };
	const entries = new Map<string, Entry>();
	const bind = (params: ReadonlyArray<unknown>) =>
		params.some((v) => typeof v === 'boolean')
			? params.map((v) => (typeof v === 'boolean' ? Number(v) : v))
			: params;
	const entry = (statement: SQLite.Statement): Entry => ({
		statement,
		facade: {
			reader: statement.reader,
			all: (params) => statement.all(bind(params)),
			run: (params) => statement.run(bind(params)),
			iterate: (params) => statement.iterate(bind(params))
		}
	});
	return {
		prepare(query: string): SqliteStatement {
			// Kysely's SQLite driver begins every transaction with exactly this statement.
			const text = query === 'begin' ? 'begin immediate' : query;
			const cached = entries.get(text);
			if (cached && !cached.statement.busy) {
				entries.delete(text);
				entries.set(text, cached);
				return cached.facade;
			}
			const fresh = entry(sqlite.prepare(text));
			if (!cached) {
				entries.set(text, fresh);
				if (entries.size > max) entries.delete(entries.keys().next().value!);
			}
			return fresh.facade;
		},
		close() {
			entries.clear();
			sqlite.close();
		}
	};
}

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a transaction of its own: a
 * feature's change can then stand alone or be one step of a larger one.
 */
export function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** A cheap round trip, for /healthz. */
export async function ping(db: DB): Promise<void> {
	await sql`select 1`.execute(db);
}
