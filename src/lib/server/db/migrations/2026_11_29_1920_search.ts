import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Search: one row per findable thing (a thread, a reply, a member, an organisation, a network;
// later knowledge items and events), holding what a result shows (title, text for the snippet,
// url), who may see it, and the analysed tokens of its title and text (features/search/analyser:
// folded, stemmed, compounds split), as plain space-separated text. Those tokens are matched as
// exact tokens: on SQLite by an FTS5 table over them (external content, kept in step by
// triggers), on PostgreSQL by a tsvector column built with the 'simple' configuration and a GIN
// index. Both see the same tokens, so both find the same.
//
// Who may see a row is part of the row, so a search filters it in SQL:
//   visibility 'public'   everyone
//   visibility 'members'  signed-in active members
//   visibility 'network'  inside a network: members if network_visibility is 'public' or
//                         'members', otherwise (a private network) its own active members; admins.
// Editors' synonyms live in search_synonyms (each row a set of terms that mean the same).

const SEED_SYNONYMS = [
	['mkb', 'midden- en kleinbedrijf'],
	['EZ', 'economische zaken'],
	['KVK', 'Kamer van Koophandel'],
	['circulair', 'circulaire economie']
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const dialect = dialectOf(db);
	const t = columnTypes(dialect);
	const pg = dialect === 'postgres';

	await db.schema
		.createTable('search_documents')
		.addColumn('id', pg ? 'serial' : 'integer', (c) =>
			pg ? c.primaryKey() : c.primaryKey().autoIncrement()
		)
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`kind in ('knowledge', 'discussion', 'member', 'organisation', 'network', 'event')`
				)
		)
		.addColumn('ref_id', 'text', (c) => c.notNull())
		// The thread of a reply: a thread's removal or move takes its replies along.
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
	await db.schema
		.createIndex('search_documents_ref_idx')
		.on('search_documents')
		.columns(['kind', 'ref_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('search_documents_parent_idx')
		.on('search_documents')
		.column('parent_id')
		.execute();
	await db.schema
		.createIndex('search_documents_network_idx')
		.on('search_documents')
		.column('network_id')
		.execute();

	if (pg) {
		// The title's tokens weigh A, the text's B. A token that no analysed text contains ('de',
		// a common word the analyser drops) closes the title, so no phrase runs from title into text.
		await sql`alter table search_documents add column tsv tsvector generated always as (
			setweight(to_tsvector('simple', title_tokens || ' de'), 'A') ||
			setweight(to_tsvector('simple', body_tokens), 'B')
		) stored`.execute(db);
		await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(
			db
		);
	} else {
		await sql`create virtual table search_fts using fts5(
			title_tokens, body_tokens,
			content='search_documents', content_rowid='id',
			tokenize='unicode61 remove_diacritics 0'
		)`.execute(db);
		await sql`create trigger search_documents_ai after insert on search_documents begin
			insert into search_fts(rowid, title_tokens, body_tokens)
				values (new.id, new.title_tokens, new.body_tokens);
		end`.execute(db);
		await sql`create trigger search_documents_ad after delete on search_documents begin
			insert into search_fts(search_fts, rowid, title_tokens, body_tokens)
				values ('delete', old.id, old.title_tokens, old.body_tokens);
		end`.execute(db);
		await sql`create trigger search_documents_au after update of title_tokens, body_tokens on search_documents begin
			insert into search_fts(search_fts, rowid, title_tokens, body_tokens)
				values ('delete', old.id, old.title_tokens, old.body_tokens);
			insert into search_fts(rowid, title_tokens, body_tokens)
				values (new.id, new.title_tokens, new.body_tokens);
		end`.execute(db);
	}

	await db.schema
		.createTable('search_synonyms')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// JSON text: the terms as editors wrote them, e.g. ["mkb", "midden- en kleinbedrijf"].
		.addColumn('terms', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db
		.insertInto('search_synonyms')
		.values(
			SEED_SYNONYMS.map((terms, i) => ({ id: `seed-${i + 1}`, terms: JSON.stringify(terms) }))
		)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('search_synonyms').execute();
	if (dialectOf(db) === 'sqlite') {
		await sql`drop trigger if exists search_documents_au`.execute(db);
		await sql`drop trigger if exists search_documents_ad`.execute(db);
		await sql`drop trigger if exists search_documents_ai`.execute(db);
		await sql`drop table if exists search_fts`.execute(db);
	}
	await db.schema.dropTable('search_documents').execute();
}
