import { type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './dialect';
import type { DB } from './index';
import { migrations } from './migrations/index';

/**
 * The migrator, keeping its bookkeeping tables in the schema we work in. On PostgreSQL with a
 * schema of its own (tests, side by side), Kysely would otherwise find another schema's
 * kysely_migration_lock and never create its own.
 */
async function migrator(db: DB) {
	let migrationTableSchema: string | undefined;
	if (dialectOf(db) === 'postgres') {
		const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
		const current = rows[0]?.schema;
		if (current && current !== 'public') migrationTableSchema = current;
	}
	return new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		...(migrationTableSchema ? { migrationTableSchema } : {})
	});
}

function check(result: MigrationResultSet): string[] {
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		// No failed migration means the database itself could not be used: pass that error on.
		if (!failed) throw result.error;
		const reason = result.error instanceof Error ? result.error.message : String(result.error);
		throw new Error(`Migration ${failed.migrationName} failed: ${reason}`);
	}
	return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: DB): Promise<string[]> {
	return check(await (await migrator(db)).migrateToLatest());
}

/** Undoes the most recent migration (used by tests that prove every `down` works). */
export async function migrateDown(db: DB): Promise<string[]> {
	return check(await (await migrator(db)).migrateDown());
}

/**
 * Undoes migrations, the most recent first, until `name` is undone too (tests of one migration's
 * `down`, whatever came after it); returns the names undone, in that order.
 */
export async function migrateDownThrough(db: DB, name: string): Promise<string[]> {
	const undone: string[] = [];
	while (!undone.includes(name)) {
		const step = await migrateDown(db);
		if (step.length === 0) throw new Error(`Migration ${name} was not applied`);
		undone.push(...step);
	}
	return undone;
}

export async function migrateToEmpty(db: DB): Promise<string[]> {
	const { NO_MIGRATIONS } = await import('kysely');
	return check(await (await migrator(db)).migrateTo(NO_MIGRATIONS));
}
