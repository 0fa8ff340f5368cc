import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Durable jobs (claimed by workers, retried with backoff) and the mail outbox they send from.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('jobs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('run_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', t.timestamp)
		.addColumn('last_error', 'text')
		.addColumn('done_at', t.timestamp)
		.addColumn('failed_at', t.timestamp)
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	// Partial: finished jobs pile up, but the claim query only ever looks at pending ones.
	await db.schema
		.createIndex('jobs_pending_idx')
		.on('jobs')
		.columns(['run_at', 'kind'])
		.where(sql.ref('done_at'), 'is', null)
		.where(sql.ref('failed_at'), 'is', null)
		.execute();

	await db.schema
		.createTable('mail_outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`status in ('queued', 'sent', 'stored', 'failed')`)
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('sent_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('mail_outbox_created_idx')
		.on('mail_outbox')
		.column('created_at')
		.execute();
	await db.schema
		.createIndex('mail_outbox_status_created_idx')
		.on('mail_outbox')
		.columns(['status', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('mail_outbox').execute();
	await db.schema.dropTable('jobs').execute();
}
