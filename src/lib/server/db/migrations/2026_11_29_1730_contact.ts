import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Follow and contact: members follow members, organisations, themes and networks; they ask each
// other for contact, and an accepted request opens a private conversation between the two, with
// a read state per member (unread counts, at most one new-message mail until read); a member
// blocks another.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const dialect = dialectOf(db);
	const t = columnTypes(dialect);

	// One column per kind of target, each a real foreign key: a follow goes with its target (an
	// erased member, a removed network), and nobody's id outlives them in a loose text column.
	await db.schema
		.createTable('follows')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('follower_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('target_type', 'text', (c) =>
			c.notNull().check(sql`target_type in ('member', 'organisation', 'theme', 'network')`)
		)
		.addColumn('member_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) =>
			c.references('organisations.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'text', (c) => c.references('themes.id').onDelete('cascade'))
		.addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		// Exactly the column of its type holds the target.
		.addCheckConstraint(
			'follows_target_ck',
			sql`(target_type = 'member' and member_id is not null and organisation_id is null and theme_id is null and network_id is null)
			or (target_type = 'organisation' and organisation_id is not null and member_id is null and theme_id is null and network_id is null)
			or (target_type = 'theme' and theme_id is not null and member_id is null and organisation_id is null and network_id is null)
			or (target_type = 'network' and network_id is not null and member_id is null and organisation_id is null and theme_id is null)`
		)
		.addUniqueConstraint('follows_member_uq', ['follower_id', 'member_id'])
		.addUniqueConstraint('follows_organisation_uq', ['follower_id', 'organisation_id'])
		.addUniqueConstraint('follows_theme_uq', ['follower_id', 'theme_id'])
		.addUniqueConstraint('follows_network_uq', ['follower_id', 'network_id'])
		.execute();
	for (const column of ['member_id', 'organisation_id', 'theme_id', 'network_id']) {
		// Who follows this target (for notifications later).
		await db.schema
			.createIndex(`follows_${column.replace(/_id$/, '')}_idx`)
			.on('follows')
			.column(column)
			.execute();
	}

	await db.schema
		.createTable('contact_requests')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('from_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('to_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('message', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(sql`status in ('pending', 'accepted', 'declined')`)
		)
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('decided_at', t.timestamp)
		.addCheckConstraint('contact_requests_not_self_ck', sql`from_id <> to_id`)
		.execute();
	// One open request per pair, whichever way it goes.
	const [low, high] =
		dialect === 'postgres'
			? [sql`least(from_id, to_id)`, sql`greatest(from_id, to_id)`]
			: [sql`min(from_id, to_id)`, sql`max(from_id, to_id)`];
	await sql`create unique index contact_requests_open_uq on contact_requests (${low}, ${high}) where status = 'pending'`.execute(
		db
	);
	await db.schema
		.createIndex('contact_requests_to_idx')
		.on('contact_requests')
		.columns(['to_id', 'status'])
		.execute();
	await db.schema
		.createIndex('contact_requests_from_idx')
		.on('contact_requests')
		.columns(['from_id', 'status'])
		.execute();

	// The two members in id order (a < b, as JavaScript compares strings: the features sort, not
	// the database's collation), so a pair has one conversation. When one of them is erased their
	// column becomes null and the other keeps the conversation ("voormalig lid").
	await db.schema
		.createTable('conversations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('member_a_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('member_b_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('last_message_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addUniqueConstraint('conversations_pair_uq', ['member_a_id', 'member_b_id'])
		.execute();
	await db.schema
		.createIndex('conversations_b_idx')
		.on('conversations')
		.column('member_b_id')
		.execute();

	await db.schema
		.createTable('messages')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('conversation_id', 'text', (c) =>
			c.notNull().references('conversations.id').onDelete('cascade')
		)
		.addColumn('sender_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('messages_conversation_idx')
		.on('messages')
		.columns(['conversation_id', 'created_at'])
		.execute();
	await db.schema.createIndex('messages_sender_idx').on('messages').column('sender_id').execute();

	// Per member and conversation: read up to which message's time, and whether a mail about
	// unread messages went out that they have not yet looked at (then no further mail).
	await db.schema
		.createTable('conversation_reads')
		.addColumn('conversation_id', 'text', (c) =>
			c.notNull().references('conversations.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('last_read_at', t.timestamp)
		.addColumn('mail_pending', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addPrimaryKeyConstraint('conversation_reads_pk', ['conversation_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('conversation_reads_user_idx')
		.on('conversation_reads')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('blocks')
		.addColumn('blocker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('blocked_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
		.addCheckConstraint('blocks_not_self_ck', sql`blocker_id <> blocked_id`)
		.execute();
	await db.schema.createIndex('blocks_blocked_idx').on('blocks').column('blocked_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('blocks').execute();
	await db.schema.dropTable('conversation_reads').execute();
	await db.schema.dropTable('messages').execute();
	await db.schema.dropTable('conversations').execute();
	await db.schema.dropTable('contact_requests').execute();
	await db.schema.dropTable('follows').execute();
}
