import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Who belongs to which network and who coordinates it; requests to join wait as 'requested'.
// Invitations go by e-mail address (also to people who are not members yet) with a token.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.alterTable('networks')
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.execute();

	await db.schema
		.createTable('network_members')
		.addColumn('network_id', 'text', (c) =>
			c.notNull().references('networks.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.defaultTo('member')
				.check(sql`role in ('member', 'coordinator')`)
		)
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('active')
				.check(sql`status in ('active', 'requested')`)
		)
		// What someone wrote when asking to join (on-request networks).
		.addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('decided_at', t.timestamp)
		.addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addPrimaryKeyConstraint('network_members_pk', ['network_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('network_members_user_idx')
		.on('network_members')
		.columns(['user_id', 'status'])
		.execute();

	await db.schema
		.createTable('network_invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('network_id', 'text', (c) =>
			c.notNull().references('networks.id').onDelete('cascade')
		)
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.addColumn('accepted_at', t.timestamp)
		.addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addUniqueConstraint('network_invitations_email_uq', ['network_id', 'email'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('network_invitations').execute();
	await db.schema.dropTable('network_members').execute();
	await db.schema.alterTable('networks').dropColumn('created_by').execute();
}
