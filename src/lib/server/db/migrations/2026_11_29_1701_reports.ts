import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Members report a post or a message to the admins; admins resolve reports at /beheer/meldingen.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));
	await db.schema
		.createTable('reports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('subject_type', 'text', (c) =>
			c.notNull().check(sql`subject_type in ('thread', 'reply', 'message')`)
		)
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('reporter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('resolved_at', t.timestamp)
		.addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('resolution', 'text')
		.execute();
	await db.schema
		.createIndex('reports_open_idx')
		.on('reports')
		.columns(['resolved_at', 'created_at'])
		.execute();
	await db.schema
		.createIndex('reports_subject_idx')
		.on('reports')
		.columns(['subject_type', 'subject_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reports').execute();
}
