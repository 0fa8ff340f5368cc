import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Search finds regional knowledge programmes too: the kind 'programme' joins the check on
// search_documents.kind. PostgreSQL swaps the check. SQLite cannot change a check in place, so
// the table is rebuilt: a copy with the wider check, every row copied with its id (so the FTS5
// index over it, which keys on those ids, stays valid), the old table dropped, the copy renamed,
// its indexes and the triggers that keep search_fts in step created again. The documents of
// programmes themselves are written by the search feature (ensureSearchIndex reindexes once
// when programmes exist but none is indexed).

const WITH_PROGRAMME = sql`kind in ('knowledge', 'discussion', 'member', 'organisation', 'network', 'event', 'programme')`;
const WITHOUT_PROGRAMME = sql`kind in ('knowledge', 'discussion', 'member', 'organisation', 'network', 'event')`;

const COLUMNS = [
	'id',
	'kind',
	'ref_id',
	'parent_id',
	'title',
	'body',
	'url',
	'visibility',
	'network_id',
	'network_visibility',
	'title_tokens',
	'body_tokens',
	'updated_at'
].join(', ');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildSqlite(db: Kysely<any>, kindCheck: typeof WITH_PROGRAMME) {
	const t = columnTypes('sqlite');
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const run = async (trx: Kysely<any>) => {
		await trx.schema
			.createTable('search_documents_rebuilt')
			.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
			.addColumn('kind', 'text', (c) => c.notNull().check(kindCheck))
			.addColumn('ref_id', 'text', (c) => c.notNull())
			.addColumn('parent_id', 'text')
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('url', 'text', (c) => c.notNull())
			.addColumn('visibility', 'text', (c) =>
				c.notNull().check(sql`visibility in ('public', 'members', 'network')`)
			)
			.addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
			.addColumn('network_visibility', 'text')
			.addColumn('title_tokens', 'text', (c) => c.notNull())
			.addColumn('body_tokens', 'text', (c) => c.notNull())
			.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
			.addCheckConstraint(
				'search_documents_network',
				sql`visibility <> 'network' or (network_id is not null and network_visibility is not null)`
			)
			.execute();
		await sql`insert into search_documents_rebuilt (${sql.raw(COLUMNS)})
			select ${sql.raw(COLUMNS)} from search_documents`.execute(trx);
		// Dropping the table drops its indexes and triggers; the FTS5 table stays, as it is.
		await sql`drop table search_documents`.execute(trx);
		await sql`alter table search_documents_rebuilt rename to search_documents`.execute(trx);
		await trx.schema
			.createIndex('search_documents_ref_idx')
			.on('search_documents')
			.columns(['kind', 'ref_id'])
			.unique()
			.execute();
		await trx.schema
			.createIndex('search_documents_parent_idx')
			.on('search_documents')
			.column('parent_id')
			.execute();
		await trx.schema
			.createIndex('search_documents_network_idx')
			.on('search_documents')
			.column('network_id')
			.execute();
		await sql`create trigger search_documents_ai after insert on search_documents begin
			insert into search_fts(rowid, title_tokens, body_tokens)
				values (new.id, new.title_tokens, new.body_tokens);
		end`.execute(trx);
		await sql`create trigger search_documents_ad after delete on search_documents begin
			insert into search_fts(search_fts, rowid, title_tokens, body_tokens)
				values ('delete', old.id, old.title_tokens, old.body_tokens);
		end`.execute(trx);
		await sql`create trigger search_documents_au after update of title_tokens, body_tokens on search_documents begin
			insert into search_fts(search_fts, rowid, title_tokens, body_tokens)
				values ('delete', old.id, old.title_tokens, old.body_tokens);
			insert into search_fts(rowid, title_tokens, body_tokens)
				values (new.id, new.title_tokens, new.body_tokens);
		end`.execute(trx);
	};
	// One transaction: a failure halfway leaves the old table as it was.
	if (db.isTransaction) await run(db);
	else await db.transaction().execute(run);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function swapPostgresCheck(db: Kysely<any>, kindCheck: typeof WITH_PROGRAMME) {
	await sql`alter table search_documents drop constraint if exists search_documents_kind_check`.execute(
		db
	);
	await sql`alter table search_documents add constraint search_documents_kind_check check (${kindCheck})`.execute(
		db
	);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	if (dialectOf(db) === 'postgres') await swapPostgresCheck(db, WITH_PROGRAMME);
	else await rebuildSqlite(db, WITH_PROGRAMME);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	// Programmes' documents go first (on SQLite the delete trigger takes them out of search_fts).
	await db.deleteFrom('search_documents').where('kind', '=', 'programme').execute();
	if (dialectOf(db) === 'postgres') await swapPostgresCheck(db, WITHOUT_PROGRAMME);
	else await rebuildSqlite(db, WITHOUT_PROGRAMME);
}
