import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Sign-in: better-auth's sessions, verification tokens and two-factor secrets (in its shape,
// with snake_case columns that platform/auth.ts maps), plus the 2FA flag on users.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.addColumn('ip_address', 'text')
		.addColumn('user_agent', 'text')
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('verifications')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('identifier', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('verifications_identifier_idx')
		.on('verifications')
		.column('identifier')
		.execute();

	await db.schema
		.createTable('two_factors')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('backup_codes', 'text', (c) => c.notNull())
		.addColumn('verified', t.boolean, (c) => c.notNull().defaultTo(t.true))
		.addColumn('failed_verification_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', t.timestamp)
		.execute();
	await db.schema.createIndex('two_factors_user_idx').on('two_factors').column('user_id').execute();

	// Settings the processes share, such as the generated signing secret for sessions.
	await db.schema
		.createTable('app_settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();

	await db.schema
		.alterTable('users')
		.addColumn('two_factor_enabled', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('two_factor_enabled').execute();
	await db.schema.dropTable('app_settings').execute();
	await db.schema.dropTable('two_factors').execute();
	await db.schema.dropTable('verifications').execute();
	await db.schema.dropTable('sessions').execute();
}
