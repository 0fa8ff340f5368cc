import type { Kysely } from 'kysely';

// Rate-limit counters, shared by every app process. A fixed window per (bucket, key): one row,
// bumped with an atomic upsert, so concurrent hits from several processes never over-admit.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rate_limits')
		.addColumn('bucket', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		// bigint: epoch seconds outgrow a 32-bit integer in 2038.
		.addColumn('window_start', 'bigint', (c) => c.notNull())
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limits_pkey', ['bucket', 'key', 'window_start'])
		.execute();
	// Pruning deletes by expiry across all buckets.
	await db.schema
		.createIndex('rate_limits_expires_idx')
		.on('rate_limits')
		.column('expires_at')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('rate_limits').execute();
}
