import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Discussions inside networks: threads (a discussion or a question), replies, and the earlier
// versions of edited posts. Posts are stored as their Markdown and as the sanitised HTML rendered
// from it when written, so a page never renders Markdown. Deleting is soft (deleted_at, deleted_by):
// a deleted thread leaves every list and page, a deleted reply shows as "verwijderd" in its place
// so the conversation around it still reads; the audit log keeps the fact when a coordinator or
// admin removed someone else's post. Erasing an account (GDPR) removes rows for real.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('threads')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('network_id', 'text', (c) =>
			c.notNull().references('networks.id').onDelete('cascade')
		)
		.addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.defaultTo('discussion')
				.check(sql`kind in ('discussion', 'question')`)
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		.addColumn('pinned', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('locked', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('last_activity_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('edited_at', t.timestamp)
		.addColumn('deleted_at', t.timestamp)
		.addColumn('deleted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.execute();
	// A network's list: pinned first, then by last activity (one index range, read backwards).
	await db.schema
		.createIndex('threads_network_list_idx')
		.on('threads')
		.columns(['network_id', 'pinned', 'last_activity_at'])
		.execute();
	// A member's own threads (their profile's activity, and erasure of their contributions).
	await db.schema
		.createIndex('threads_author_idx')
		.on('threads')
		.columns(['author_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('replies')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('thread_id', 'text', (c) => c.notNull().references('threads.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('edited_at', t.timestamp)
		.addColumn('deleted_at', t.timestamp)
		.addColumn('deleted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.execute();
	// A thread's replies in order, a page at a time, and their count: one index range.
	await db.schema
		.createIndex('replies_thread_idx')
		.on('replies')
		.columns(['thread_id', 'created_at', 'id'])
		.execute();
	await db.schema
		.createIndex('replies_author_idx')
		.on('replies')
		.columns(['author_id', 'created_at'])
		.execute();

	// The accepted answer of a question; added now that replies exist (PostgreSQL needs the table).
	await db.schema
		.alterTable('threads')
		.addColumn('accepted_reply_id', 'text', (c) => c.references('replies.id').onDelete('set null'))
		.execute();

	// Earlier versions of edited posts: what the post said before each edit, and who edited.
	await db.schema
		.createTable('post_revisions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('thread_id', 'text', (c) => c.references('threads.id').onDelete('cascade'))
		.addColumn('reply_id', 'text', (c) => c.references('replies.id').onDelete('cascade'))
		.addColumn('editor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		// The thread's earlier title (null for replies).
		.addColumn('title', 'text')
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		// When that earlier version was written, and when it was replaced.
		.addColumn('version_at', t.timestamp, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addCheckConstraint(
			'post_revisions_one_post',
			sql`(thread_id is null and reply_id is not null) or (thread_id is not null and reply_id is null)`
		)
		.execute();
	await db.schema
		.createIndex('post_revisions_thread_idx')
		.on('post_revisions')
		.columns(['thread_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('post_revisions_reply_idx')
		.on('post_revisions')
		.columns(['reply_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('post_revisions_editor_idx')
		.on('post_revisions')
		.column('editor_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('post_revisions').execute();
	await db.schema.alterTable('threads').dropColumn('accepted_reply_id').execute();
	await db.schema.dropTable('replies').execute();
	await db.schema.dropTable('threads').execute();
}
