import type { DB } from '../../db';

export async function listThemes(db: DB) {
	return db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute();
}

export async function listEventFormats(db: DB) {
	return db
		.selectFrom('event_formats')
		.select(['id', 'name', 'description'])
		.orderBy('position')
		.execute();
}
