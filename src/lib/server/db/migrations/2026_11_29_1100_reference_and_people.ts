import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// The foundation: reference data (provinces, organisation types, themes, event formats, roles
// in the field), organisations, networks and people.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('provinces')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.execute();

	for (const table of ['organisation_types', 'themes', 'field_roles']) {
		await db.schema
			.createTable(table)
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	}

	await db.schema
		.createTable('event_formats')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('organisations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('type_id', 'text', (c) => c.notNull().references('organisation_types.id'))
		.addColumn('province_code', 'text', (c) => c.references('provinces.code'))
		.addColumn('municipality_class', 'text', (c) =>
			c.check(sql`municipality_class in ('g4', 'g40')`)
		)
		.addColumn('website', 'text')
		.addColumn('is_partner', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('partner_position', 'integer')
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('organisations_type_idx')
		.on('organisations')
		.column('type_id')
		.execute();
	await db.schema
		.createIndex('organisations_province_idx')
		.on('organisations')
		.column('province_code')
		.execute();

	await db.schema
		.createTable('networks')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('thematic', 'regional', 'programme_group')`)
		)
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('visibility', 'text', (c) =>
			c
				.notNull()
				.defaultTo('public')
				.check(sql`visibility in ('public', 'members', 'private')`)
		)
		.addColumn('join_policy', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`join_policy in ('open', 'request', 'invitation')`)
		)
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();

	await db.schema
		.createTable('network_provinces')
		.addColumn('network_id', 'text', (c) =>
			c.notNull().references('networks.id').onDelete('cascade')
		)
		.addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
		.addPrimaryKeyConstraint('network_provinces_pk', ['network_id', 'province_code'])
		.execute();

	await db.schema
		.createTable('network_themes')
		.addColumn('network_id', 'text', (c) =>
			c.notNull().references('networks.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
		.addPrimaryKeyConstraint('network_themes_pk', ['network_id', 'theme_id'])
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email_verified', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('image', 'text')
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.defaultTo('member')
				.check(sql`role in ('member', 'editor', 'admin')`)
		)
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('applicant')
				.check(sql`status in ('applicant', 'active', 'suspended')`)
		)
		.addColumn('job_title', 'text')
		.addColumn('organisation_id', 'text', (c) =>
			c.references('organisations.id').onDelete('set null')
		)
		.addColumn('province_code', 'text', (c) => c.references('provinces.code'))
		.addColumn('field_role_id', 'text', (c) => c.references('field_roles.id'))
		.addColumn('is_demo', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
	await db.schema
		.createIndex('users_organisation_idx')
		.on('users')
		.column('organisation_id')
		.execute();
	await db.schema.createIndex('users_province_idx').on('users').column('province_code').execute();

	await db.schema
		.createTable('user_themes')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
		.addPrimaryKeyConstraint('user_themes_pk', ['user_id', 'theme_id'])
		.execute();

	await db.schema
		.createTable('accounts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('account_id', 'text', (c) => c.notNull())
		.addColumn('provider_id', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('password', 'text')
		.addColumn('access_token', 'text')
		.addColumn('refresh_token', 'text')
		.addColumn('id_token', 'text')
		.addColumn('access_token_expires_at', t.timestamp)
		.addColumn('refresh_token_expires_at', t.timestamp)
		.addColumn('scope', 'text')
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addUniqueConstraint('accounts_provider_account_uq', ['provider_id', 'account_id'])
		.execute();
	await db.schema.createIndex('accounts_user_idx').on('accounts').column('user_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'accounts',
		'user_themes',
		'users',
		'network_themes',
		'network_provinces',
		'networks',
		'organisations',
		'event_formats',
		'field_roles',
		'themes',
		'organisation_types',
		'provinces'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
