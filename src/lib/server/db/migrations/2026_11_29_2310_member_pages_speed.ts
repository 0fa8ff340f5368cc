import type { Kysely } from 'kysely';

// Indexes that let a network's page stop after the rows it shows:
// - its thread list (pinned first, then last activity, then id): with the id in the index the
//   list comes out of one index range in order, so the reply count below is computed for the
//   page's threads only, not for every thread of the network before sorting;
// - each thread's reply count (replies not deleted): counted in the index, no table rows read;
// - its newest participants (created_at newest first, then user_id): read in order, no sort.
// Each replaces an index whose columns it starts with.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('threads_network_order_idx')
		.on('threads')
		.columns(['network_id', 'pinned', 'last_activity_at', 'id'])
		.execute();
	await db.schema.dropIndex('threads_network_list_idx').execute();
	await db.schema
		.createIndex('replies_thread_live_idx')
		.on('replies')
		.columns(['thread_id', 'deleted_at'])
		.execute();
	await db.schema
		.createIndex('network_members_newest_order_idx')
		.on('network_members')
		.columns(['network_id', 'status', 'created_at desc', 'user_id'])
		.execute();
	await db.schema.dropIndex('network_members_newest_idx').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('network_members_newest_idx')
		.on('network_members')
		.columns(['network_id', 'status', 'created_at'])
		.execute();
	await db.schema.dropIndex('network_members_newest_order_idx').execute();
	await db.schema.dropIndex('replies_thread_live_idx').execute();
	await db.schema
		.createIndex('threads_network_list_idx')
		.on('threads')
		.columns(['network_id', 'pinned', 'last_activity_at'])
		.execute();
	await db.schema.dropIndex('threads_network_order_idx').execute();
}
