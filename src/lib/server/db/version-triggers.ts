import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect';

/**
 * A one-row version table that triggers bump in the same transaction as every write to the
 * tables (and, for updates, the columns) that a cached value depends on. Because the database
 * bumps it, no writer can forget to; because it is one row, every app process on every server
 * reads the same number, cheaply, on each request (platform/versioned-cache.ts keeps the values).
 *
 * On PostgreSQL the triggers are deferred to the commit and bump once per transaction, so a bulk
 * write costs one update of the row and holds its lock only while committing.
 *
 * For migrations: what one creates stays as it is; change it with a new migration. (The
 * knowledge library's version, migration 2026_11_29_2300, was written before this helper.)
 */
export interface VersionTriggers {
	/** The table with the row `id = 1, version`. */
	table: string;
	/** The name part of the trigger and function names, e.g. 'calendar'. */
	name: string;
	/** [table, the columns whose change counts (null: any change)]. */
	bumpedBy: readonly (readonly [string, readonly string[] | null])[];
}

const raw = (text: string) => sql.raw(text);

const triggerEvents = (columns: readonly string[] | null): [string, string, string][] => [
	['ai', 'insert', ''],
	['ad', 'delete', ''],
	[
		'au',
		columns ? `update of ${columns.join(', ')}` : 'update',
		columns ? columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ') : ''
	]
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createVersionTriggers(db: Kysely<any>, spec: VersionTriggers) {
	const pg = dialectOf(db) === 'postgres';
	await db.schema
		.createTable(spec.table)
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.insertInto(spec.table).values({ id: 1, version: 0 }).execute();

	const bump = `update ${spec.table} set version = version + 1 where id = 1`;
	const fn = `${spec.name}_version_bump`;
	if (pg) {
		await raw(`create function ${fn}() returns trigger language plpgsql as $$
begin
	if current_setting('${spec.name}_version.bumped', true) = 'yes' then
		return null;
	end if;
	perform set_config('${spec.name}_version.bumped', 'yes', true);
	${bump};
	return null;
end
$$`).execute(db);
	}
	for (const bumpedBy of spec.bumpedBy) await createTableTriggers(db, spec, bumpedBy);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropVersionTriggers(db: Kysely<any>, spec: VersionTriggers) {
	for (const [table] of spec.bumpedBy) await dropTableTriggers(db, spec, table);
	if (dialectOf(db) === 'postgres')
		await raw(`drop function ${spec.name}_version_bump()`).execute(db);
	await db.schema.dropTable(spec.table).execute();
}

/**
 * The triggers by which writes to one table bump an existing version. A later migration that
 * changes which columns count drops them (dropTableTriggers) and creates them anew.
 */
export async function createTableTriggers(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	spec: Pick<VersionTriggers, 'table' | 'name'>,
	[table, columns]: VersionTriggers['bumpedBy'][number]
) {
	const pg = dialectOf(db) === 'postgres';
	const bump = `update ${spec.table} set version = version + 1 where id = 1`;
	for (const [suffix, event, changed] of triggerEvents(columns)) {
		const trigger = `${table}_${spec.name}_${suffix}`;
		if (pg) {
			await raw(
				`create constraint trigger ${trigger} after ${event} on ${table}
				deferrable initially deferred for each row
				${changed ? `when (${changed})` : ''}
				execute function ${spec.name}_version_bump()`
			).execute(db);
		} else {
			await raw(
				`create trigger ${trigger} after ${event} on ${table}
				${changed ? `when ${changed.replaceAll('is distinct from', 'is not')}` : ''}
				begin ${bump}; end`
			).execute(db);
		}
	}
}

export async function dropTableTriggers(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	spec: Pick<VersionTriggers, 'name'>,
	table: string
) {
	const pg = dialectOf(db) === 'postgres';
	for (const suffix of ['ai', 'ad', 'au']) {
		const trigger = `${table}_${spec.name}_${suffix}`;
		await raw(pg ? `drop trigger ${trigger} on ${table}` : `drop trigger ${trigger}`).execute(db);
	}
}
