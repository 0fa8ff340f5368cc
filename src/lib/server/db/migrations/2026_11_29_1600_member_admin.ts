import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Admins suspend members: when and why (the member receives the reason by mail), and an index on
// the audit log by subject, for a member's own history on the admin page.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));
	await db.schema.alterTable('users').addColumn('suspended_at', t.timestamp).execute();
	await db.schema.alterTable('users').addColumn('suspension_reason', 'text').execute();
	await db.schema
		.createIndex('audit_log_subject_idx')
		.on('audit_log')
		.columns(['subject_id', 'created_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_log_subject_idx').execute();
	await db.schema.alterTable('users').dropColumn('suspension_reason').execute();
	await db.schema.alterTable('users').dropColumn('suspended_at').execute();
}
