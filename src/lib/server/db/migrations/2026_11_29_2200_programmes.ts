import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Regional knowledge programmes: a series of sessions (events) for one region with one cohort.
// programme_participants is the cohort: 'enrolled' (a place in the cohort) or 'waitlisted'
// (queue_number orders the waiting list, first in first out); one row per person and programme.
// Every change of the cohort first bumps programmes.lock_seq (a row lock in PostgreSQL, the write
// lock in SQLite), exactly as events do for their places.
//
// A session is an event with programme_id set (organiser_kind 'programme'). Its registrations are
// the cohort: each enrolled participant gets a registration for every upcoming session, marked
// via_programme, so reminders, the calendar feed, attendance, materials and evaluations work as
// for any event. Past sessions keep their registrations (attendance per participant).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('programmes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		// The challenge the programme tackles, as Markdown, and its sanitised HTML.
		.addColumn('challenge', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('challenge_html', 'text', (c) => c.notNull().defaultTo(''))
		// The regional community it belongs to, if any.
		.addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('set null'))
		.addColumn('visibility', 'text', (c) =>
			c
				.notNull()
				.defaultTo('members')
				.check(sql`visibility in ('public', 'members')`)
		)
		.addColumn('cohort_size', 'integer', (c) => c.notNull().defaultTo(20))
		.addColumn('enrolment_open', t.boolean, (c) => c.notNull().defaultTo(t.true))
		.addColumn('lock_seq', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addCheckConstraint('programmes_cohort_size', sql`cohort_size between 1 and 500`)
		.execute();

	await db.schema
		.createTable('programme_provinces')
		.addColumn('programme_id', 'text', (c) =>
			c.notNull().references('programmes.id').onDelete('cascade')
		)
		.addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
		.addPrimaryKeyConstraint('programme_provinces_pk', ['programme_id', 'province_code'])
		.execute();
	await db.schema
		.createTable('programme_themes')
		.addColumn('programme_id', 'text', (c) =>
			c.notNull().references('programmes.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
		.addPrimaryKeyConstraint('programme_themes_pk', ['programme_id', 'theme_id'])
		.execute();
	await db.schema
		.createTable('programme_coordinators')
		.addColumn('programme_id', 'text', (c) =>
			c.notNull().references('programmes.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('programme_coordinators_pk', ['programme_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('programme_coordinators_user')
		.on('programme_coordinators')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('programme_participants')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('programme_id', 'text', (c) =>
			c.notNull().references('programmes.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('enrolled', 'waitlisted')`)
		)
		.addColumn('queue_number', 'integer')
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('promoted_at', t.timestamp)
		.addUniqueConstraint('programme_participants_once', ['programme_id', 'user_id'])
		.addCheckConstraint(
			'programme_participants_queue',
			sql`(status = 'waitlisted') = (queue_number is not null)`
		)
		.execute();
	await db.schema
		.createIndex('programme_participants_user')
		.on('programme_participants')
		.column('user_id')
		.execute();

	await db.schema
		.alterTable('events')
		.addColumn('programme_id', 'text', (c) => c.references('programmes.id').onDelete('set null'))
		.execute();
	await db.schema
		.createIndex('events_programme_idx')
		.on('events')
		.columns(['programme_id', 'starts_at'])
		.execute();
	await db.schema
		.alterTable('event_registrations')
		.addColumn('via_programme', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('event_registrations').dropColumn('via_programme').execute();
	await db.schema.dropIndex('events_programme_idx').execute();
	await db.schema.alterTable('events').dropColumn('programme_id').execute();
	await db.schema.dropTable('programme_participants').execute();
	await db.schema.dropTable('programme_coordinators').execute();
	await db.schema.dropTable('programme_themes').execute();
	await db.schema.dropTable('programme_provinces').execute();
	await db.schema.dropTable('programmes').execute();
}
