import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// The knowledge library ("wat werkt"): practice examples, insights, publications and session
// reports. An item keeps its Markdown and the sanitised HTML rendered from it when written (pages
// never render Markdown). Every save is a numbered revision holding a JSON snapshot of everything
// an author can change, so history, diff and restore work on one shape; `version` on the item is
// the number of its latest revision, and a save names the version it started from (optimistic
// concurrency: a second save of the same version is told the item changed).
// Attachments and the cover image's upload come later: `cover_image` holds a file name (nullable)
// and knowledge_attachments is ready for the files.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('knowledge_items')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('practice_example', 'insight', 'publication', 'report')`)
		)
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'published')`)
		)
		.addColumn('visibility', 'text', (c) =>
			c
				.notNull()
				.defaultTo('members')
				.check(sql`visibility in ('public', 'members', 'network')`)
		)
		// The one network that sees a network-only item (set null: then only authors and editors).
		.addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('set null'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		// The practice example's structure (Markdown and its HTML); empty for the other kinds.
		.addColumn('challenge', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('challenge_html', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('approach', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('approach_html', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('result_html', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('lessons', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('lessons_html', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('costs', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('mkb_segment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('period', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('contact_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		// A session report's event, once events exist (no foreign key yet).
		.addColumn('event_id', 'text')
		.addColumn('cover_image', 'text')
		.addColumn('featured', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('featured_at', t.timestamp)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('useful_count', 'integer', (c) => c.notNull().defaultTo(0))
		// Distinctive words of the text, kept for the related-items computation on write.
		.addColumn('terms', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('year', 'integer')
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('published_at', t.timestamp)
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('knowledge_items_list_idx')
		.on('knowledge_items')
		.columns(['status', 'visibility', 'published_at'])
		.execute();
	await db.schema
		.createIndex('knowledge_items_featured_idx')
		.on('knowledge_items')
		.columns(['featured', 'featured_at'])
		.execute();

	const link = async (table: string, column: string, references: string) => {
		await db.schema
			.createTable(table)
			.addColumn('item_id', 'text', (c) =>
				c.notNull().references('knowledge_items.id').onDelete('cascade')
			)
			.addColumn(column, 'text', (c) => c.notNull().references(references).onDelete('cascade'))
			.addPrimaryKeyConstraint(`${table}_pk`, ['item_id', column])
			.execute();
		await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
	};
	await link('knowledge_item_themes', 'theme_id', 'themes.id');
	await link('knowledge_item_provinces', 'province_code', 'provinces.code');
	await link('knowledge_item_organisations', 'organisation_id', 'organisations.id');

	await db.schema
		.createTable('knowledge_item_authors')
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('knowledge_item_authors_pk', ['item_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('knowledge_item_authors_user_idx')
		.on('knowledge_item_authors')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('knowledge_revisions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('editor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		// What happened: created, edited, published, restored (from which number: restored_from).
		.addColumn('action', 'text', (c) => c.notNull().defaultTo('edited'))
		.addColumn('restored_from', 'integer')
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addUniqueConstraint('knowledge_revisions_number_uq', ['item_id', 'number'])
		.execute();

	await db.schema
		.createTable('knowledge_comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('deleted_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('knowledge_comments_item_idx')
		.on('knowledge_comments')
		.columns(['item_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('knowledge_votes')
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addPrimaryKeyConstraint('knowledge_votes_pk', ['item_id', 'user_id'])
		.execute();

	// "Dit passen wij toe": a member of another organisation adopts a practice example.
	await db.schema
		.createTable('knowledge_adoptions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('organisation_id', 'text', (c) =>
			c.references('organisations.id').onDelete('set null')
		)
		.addColumn('province_code', 'text', (c) => c.references('provinces.code'))
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addUniqueConstraint('knowledge_adoptions_member_uq', ['item_id', 'user_id'])
		.execute();

	// Up to ten related items per item, best first, computed when an item is written; pages
	// show the first five the viewer may see.
	await db.schema
		.createTable('knowledge_related')
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('related_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('score', 'real', (c) => c.notNull())
		.addPrimaryKeyConstraint('knowledge_related_pk', ['item_id', 'related_id'])
		.execute();
	await db.schema
		.createIndex('knowledge_related_related_idx')
		.on('knowledge_related')
		.column('related_id')
		.execute();

	// Ready for the attachments (upload arrives later): stored files of an item.
	await db.schema
		.createTable('knowledge_attachments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('item_id', 'text', (c) =>
			c.notNull().references('knowledge_items.id').onDelete('cascade')
		)
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('knowledge_attachments_item_idx')
		.on('knowledge_attachments')
		.column('item_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'knowledge_attachments',
		'knowledge_related',
		'knowledge_adoptions',
		'knowledge_votes',
		'knowledge_comments',
		'knowledge_revisions',
		'knowledge_item_authors',
		'knowledge_item_organisations',
		'knowledge_item_provinces',
		'knowledge_item_themes',
		'knowledge_items'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
