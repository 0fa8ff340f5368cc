import type { Kysely } from 'kysely';

// The directory's index (features/people/index-cache.ts) asks every two seconds whether members,
// memberships or organisations changed, by their latest timestamps: these indexes answer each
// maximum from one index entry instead of a scan of every member and membership.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('users_updated_idx').on('users').column('updated_at').execute();
	await db.schema
		.createIndex('network_members_created_idx')
		.on('network_members')
		.column('created_at')
		.execute();
	await db.schema
		.createIndex('network_members_decided_idx')
		.on('network_members')
		.column('decided_at')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('network_members_decided_idx').execute();
	await db.schema.dropIndex('network_members_created_idx').execute();
	await db.schema.dropIndex('users_updated_idx').execute();
}
