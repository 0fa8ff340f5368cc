import type { Kysely } from 'kysely';

// A network's page shows its newest participants and its coordinators: these indexes give each
// directly, so the page reads a dozen rows however many thousands take part.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('network_members_newest_idx')
		.on('network_members')
		.columns(['network_id', 'status', 'created_at'])
		.execute();
	await db.schema
		.createIndex('network_members_role_idx')
		.on('network_members')
		.columns(['network_id', 'role', 'status'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('network_members_role_idx').execute();
	await db.schema.dropIndex('network_members_newest_idx').execute();
}
