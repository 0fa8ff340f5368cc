import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// After the session. event_followup holds per event who sees its materials ('participants':
// registered with a place or attended; 'members': every member who sees the event), an optional
// recording or slides link, and when participants were told about the materials and about the
// report (each at most once). event_materials are its files, stored like knowledge attachments
// (platform/attachments.ts checks them; the file lives under the uploads' attachments folder).
// event_evaluations: one per participant and event, a score of 1 to 5 and two open answers.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('event_followup')
		.addColumn('event_id', 'text', (c) =>
			c.primaryKey().references('events.id').onDelete('cascade')
		)
		.addColumn('materials_visibility', 'text', (c) =>
			c
				.notNull()
				.defaultTo('participants')
				.check(sql`materials_visibility in ('participants', 'members')`)
		)
		.addColumn('recording_url', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('materials_notified_at', t.timestamp)
		.addColumn('report_notified_at', t.timestamp)
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();

	await db.schema
		.createTable('event_materials')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('event_materials_event')
		.on('event_materials')
		.column('event_id')
		.execute();

	await db.schema
		.createTable('event_evaluations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
		.addColumn('answer_valuable', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('answer_better', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addUniqueConstraint('event_evaluations_event_user', ['event_id', 'user_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('event_evaluations').execute();
	await db.schema.dropTable('event_materials').execute();
	await db.schema.dropTable('event_followup').execute();
}
