import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// Two speed-ups.
//
// 1. The knowledge library counts its facets over every published item a viewer may see: at
// 100,000 items some 70 ms a count, six counts a page. Those counts change only when knowledge
// is written, so each app process keeps them (features/knowledge/queries.ts) under a version
// number that this row holds. Triggers bump it in the same transaction as every write that can
// change a count or the newest-first order: items added, removed, or changed in status,
// visibility, network, kind, year or publication date; their themes, provinces, organisations
// and authors; an organisation's type. Because the database bumps it, nothing that writes (the
// app, a cascade, a script, another server) can forget to; because it is one row, every process
// on every server reads the same number, cheaply, on each request.
//
// On PostgreSQL the triggers are deferred to the commit and bump once per transaction, so a bulk
// write costs one update of the row and holds its lock only while committing.
//
// 2. The calendar and the home page ask for upcoming events (ends_at after now), soonest first.
// With only an index on starts_at they read every past event from the table first. Two narrow
// indexes hold what the calendar filters on: one in start order (the first page of a list, the
// past, a month), one by end (counting the upcoming ones for paging), so only the events shown
// are read from the table.

const BUMPED_BY = [
	// [table, the columns whose change counts (null: any change)]
	['knowledge_items', ['status', 'visibility', 'network_id', 'kind', 'year', 'published_at']],
	['knowledge_item_themes', null],
	['knowledge_item_provinces', null],
	['knowledge_item_organisations', null],
	['knowledge_item_authors', null],
	['organisations', ['type_id']]
] as const;

const raw = (text: string) => sql.raw(text);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const pg = dialectOf(db) === 'postgres';
	await db.schema
		.createTable('knowledge_library_version')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.insertInto('knowledge_library_version').values({ id: 1, version: 0 }).execute();

	const bump = 'update knowledge_library_version set version = version + 1 where id = 1';
	if (pg) {
		await raw(`create function knowledge_library_bump() returns trigger language plpgsql as $$
begin
	if current_setting('knowledge_library.bumped', true) = 'yes' then
		return null;
	end if;
	perform set_config('knowledge_library.bumped', 'yes', true);
	${bump};
	return null;
end
$$`).execute(db);
	}
	for (const [table, columns] of BUMPED_BY) {
		const events: [string, string, string][] = [
			['ai', 'insert', ''],
			['ad', 'delete', ''],
			[
				'au',
				columns ? `update of ${columns.join(', ')}` : 'update',
				columns ? columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ') : ''
			]
		];
		for (const [suffix, event, changed] of events) {
			const name = `${table}_library_${suffix}`;
			if (pg) {
				await raw(
					`create constraint trigger ${name} after ${event} on ${table}
					deferrable initially deferred for each row
					${changed ? `when (${changed})` : ''}
					execute function knowledge_library_bump()`
				).execute(db);
			} else {
				await raw(
					`create trigger ${name} after ${event} on ${table}
					${changed ? `when ${changed.replaceAll('is distinct from', 'is not')}` : ''}
					begin ${bump}; end`
				).execute(db);
			}
		}
	}

	const filtered = ['visibility', 'format_id', 'location_kind', 'network_id'];
	await db.schema
		.createIndex('events_calendar_idx')
		.on('events')
		.columns(['starts_at', 'ends_at', ...filtered])
		.execute();
	await db.schema
		.createIndex('events_upcoming_idx')
		.on('events')
		.columns(['ends_at', 'starts_at', ...filtered])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	const pg = dialectOf(db) === 'postgres';
	await db.schema.dropIndex('events_upcoming_idx').execute();
	await db.schema.dropIndex('events_calendar_idx').execute();
	for (const [table] of BUMPED_BY) {
		for (const suffix of ['ai', 'ad', 'au']) {
			const name = `${table}_library_${suffix}`;
			await raw(pg ? `drop trigger ${name} on ${table}` : `drop trigger ${name}`).execute(db);
		}
	}
	if (pg) await raw('drop function knowledge_library_bump()').execute(db);
	await db.schema.dropTable('knowledge_library_version').execute();
}
