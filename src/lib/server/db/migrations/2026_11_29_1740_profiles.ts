import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Profiles: what a member tells colleagues (bio, "vraag me over", "ik zoek"), whether their
// e-mail address shows, their photo (a file name under DATA_DIR/uploads/photos) and when they
// were last active. The directory itself searches an index in memory (features/people); these
// indexes serve what asks the database by these columns: members by role in the field, by
// last activity, and by theme (the primary key serves themes by member).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));
	await db.schema.alterTable('users').addColumn('bio', 'text').execute();
	await db.schema.alterTable('users').addColumn('ask_me_about', 'text').execute();
	await db.schema.alterTable('users').addColumn('looking_for', 'text').execute();
	await db.schema
		.alterTable('users')
		.addColumn('show_email', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.execute();
	await db.schema.alterTable('users').addColumn('photo', 'text').execute();
	await db.schema.alterTable('users').addColumn('last_active_at', t.timestamp).execute();

	await db.schema.createIndex('users_field_role_idx').on('users').column('field_role_id').execute();
	await db.schema
		.createIndex('users_last_active_idx')
		.on('users')
		.column('last_active_at')
		.execute();
	// Members by theme; (user_id, theme_id), the primary key, serves themes by member.
	await db.schema
		.createIndex('user_themes_theme_idx')
		.on('user_themes')
		.columns(['theme_id', 'user_id'])
		.execute();
	// Network members: by network the primary key (network_id, user_id) serves, by member
	// network_members_user_idx (user_id, status).
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('user_themes_theme_idx').execute();
	await db.schema.dropIndex('users_last_active_idx').execute();
	await db.schema.dropIndex('users_field_role_idx').execute();
	for (const column of [
		'last_active_at',
		'photo',
		'show_email',
		'looking_for',
		'ask_me_about',
		'bio'
	]) {
		await db.schema.alterTable('users').dropColumn(column).execute();
	}
}
