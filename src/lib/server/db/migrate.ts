import { type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './dialect';
import type { DB } from './index';
import { migrations } from './migrations/index';

/**
 * On PostgreSQL the migrator is told its schema (the connection's current one): without it,
 * Kysely takes its bookkeeping tables for present when any schema of the database has them, and
 * test runs side by side in schemas of one database then fail ("kysely_migration_lock does not
 * exist") whenever another run's schema, or a leftover one, holds them.
 */
async function migrator(db: DB) {
	const schema =
		dialectOf(db) === 'postgres'
			? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name
			: undefined;
	return new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		...(schema ? { migrationTableSchema: schema } : {})
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

export async function migrateToEmpty(db: DB): Promise<string[]> {
	const { NO_MIGRATIONS } = await import('kysely');
	return check(await (await migrator(db)).migrateTo(NO_MIGRATIONS));
}
