import type { Kysely } from 'kysely';

// A member's profile lists the events they speak at: their rows in event_speakers, found by
// user_id. Without this index that is a scan of every speaker of every event, on every profile
// view (and on every account erasure, which deletes the member's speaker rows).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('event_speakers_user_idx')
		.on('event_speakers')
		.columns(['user_id', 'event_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('event_speakers_user_idx').execute();
}
