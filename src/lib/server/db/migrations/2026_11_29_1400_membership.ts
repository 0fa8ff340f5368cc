import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Membership: the domains whose addresses are approved once verified, the applications that
// wait for an admin otherwise, and the audit log of what admins (and the system) decided.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('domain_allowlist')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('domain', 'text', (c) => c.notNull().unique())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();

	await db.schema
		.createTable('applications')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) =>
			c.notNull().unique().references('users.id').onDelete('cascade')
		)
		.addColumn('motivation', 'text', (c) => c.notNull().defaultTo(''))
		// An organisation the applicant could not find in the list; created when they are approved.
		.addColumn('organisation_name_new', 'text')
		.addColumn('organisation_type_new', 'text', (c) => c.references('organisation_types.id'))
		.addColumn('organisation_province_new', 'text', (c) => c.references('provinces.code'))
		.addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('decided_at', t.timestamp)
		.addColumn('decision', 'text', (c) => c.check(sql`decision in ('approved', 'rejected')`))
		.addColumn('reason', 'text')
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('applications_created_idx')
		.on('applications')
		.column('created_at')
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_type', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text')
		.addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('audit_log_created_idx')
		.on('audit_log')
		.column('created_at')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
	await db.schema.dropTable('applications').execute();
	await db.schema.dropTable('domain_allowlist').execute();
}
