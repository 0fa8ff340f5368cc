import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect';

// Events (webinars, learning sessions, excursions, network meetings) and their registrations.
// Times are stored in UTC (ISO text in SQLite, timestamptz in PostgreSQL) and shown in
// Europe/Amsterdam. An event is organised by the platform, a network, or (later) a programme:
// organiser_kind says which, network_id names the network; a programmes table can add its own
// nullable column without touching the rest.
//
// Registrations: one row per person (member or guest) and event, unique on both. A registration
// is 'registered' (has a place), 'waitlisted' (queue_number orders the waiting list, first in
// first out) or 'pending' (a guest who has not yet confirmed by e-mail: holds no place).
// Cancelling or removing deletes the row. Every change of places first takes the event's write
// lock (an UPDATE of events.lock_seq: a row lock in PostgreSQL, the database's write lock in
// SQLite), so two processes never both hand out the last place.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(dialectOf(db));

	await db.schema
		.createTable('events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('format_id', 'text', (c) => c.notNull().references('event_formats.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('programme', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('programme_html', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organiser_kind', 'text', (c) =>
			c
				.notNull()
				.defaultTo('platform')
				.check(sql`organiser_kind in ('platform', 'network', 'programme')`)
		)
		.addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('set null'))
		.addColumn('visibility', 'text', (c) =>
			c
				.notNull()
				.defaultTo('members')
				.check(sql`visibility in ('public', 'members', 'network')`)
		)
		.addColumn('starts_at', t.timestamp, (c) => c.notNull())
		.addColumn('ends_at', t.timestamp, (c) => c.notNull())
		.addColumn('location_kind', 'text', (c) =>
			c
				.notNull()
				.defaultTo('on_site')
				.check(sql`location_kind in ('on_site', 'online', 'hybrid')`)
		)
		.addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('online_url', 'text', (c) => c.notNull().defaultTo(''))
		// Null: no limit (a webinar).
		.addColumn('capacity', 'integer')
		.addColumn('registration_opens_at', t.timestamp)
		.addColumn('registration_closes_at', t.timestamp)
		.addColumn('registration_closed', t.boolean, (c) => c.notNull().defaultTo(t.false))
		// The questions for registrants, as JSON: [{ id, label, required }].
		.addColumn('questions', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('lock_seq', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addCheckConstraint('events_ends_after_start', sql`ends_at > starts_at`)
		.addCheckConstraint('events_capacity_positive', sql`capacity is null or capacity >= 1`)
		.execute();
	await db.schema.createIndex('events_starts_idx').on('events').columns(['starts_at']).execute();
	await db.schema
		.createIndex('events_network_idx')
		.on('events')
		.columns(['network_id', 'starts_at'])
		.execute();

	await db.schema
		.createTable('event_themes')
		.addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
		.addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
		.addPrimaryKeyConstraint('event_themes_pk', ['event_id', 'theme_id'])
		.execute();
	await db.schema
		.createTable('event_provinces')
		.addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
		.addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
		.addPrimaryKeyConstraint('event_provinces_pk', ['event_id', 'province_code'])
		.execute();

	// Speakers and guest experts: a member (user_id) or just a name.
	await db.schema
		.createTable('event_speakers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
		// A member speaker's row goes with their account (GDPR): it names them.
		.addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.defaultTo('speaker')
				.check(sql`role in ('speaker', 'guest_expert')`)
		)
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('event_speakers_event_idx')
		.on('event_speakers')
		.columns(['event_id', 'position'])
		.execute();

	await db.schema
		.createTable('event_registrations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('guest_name', 'text')
		.addColumn('guest_email', 'text')
		.addColumn('guest_organisation', 'text')
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('registered', 'waitlisted', 'pending')`)
		)
		.addColumn('queue_number', 'integer')
		.addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
		// The secret of the links in this registration's e-mails (confirm, cancel, calendar).
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('attended', t.boolean, (c) => c.notNull().defaultTo(t.false))
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addColumn('promoted_at', t.timestamp)
		.addCheckConstraint(
			'event_registrations_who',
			sql`(user_id is not null and guest_email is null) or (user_id is null and guest_email is not null)`
		)
		.addCheckConstraint(
			'event_registrations_queue',
			sql`(status = 'waitlisted') = (queue_number is not null)`
		)
		.execute();
	// One registration per person and event (NULLs, the other kind, never collide).
	await db.schema
		.createIndex('event_registrations_user_uq')
		.on('event_registrations')
		.columns(['event_id', 'user_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('event_registrations_guest_uq')
		.on('event_registrations')
		.columns(['event_id', 'guest_email'])
		.unique()
		.execute();
	// Distinct places on the waiting list.
	await db.schema
		.createIndex('event_registrations_queue_uq')
		.on('event_registrations')
		.columns(['event_id', 'queue_number'])
		.unique()
		.execute();
	await db.schema
		.createIndex('event_registrations_status_idx')
		.on('event_registrations')
		.columns(['event_id', 'status'])
		.execute();
	await db.schema
		.createIndex('event_registrations_member_idx')
		.on('event_registrations')
		.columns(['user_id'])
		.execute();

	// Reminders sent: the primary key makes each reminder go out once per registration.
	await db.schema
		.createTable('event_reminders')
		.addColumn('registration_id', 'text', (c) =>
			c.notNull().references('event_registrations.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('day', 'hour')`))
		.addColumn('sent_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.addPrimaryKeyConstraint('event_reminders_pk', ['registration_id', 'kind'])
		.execute();

	// The secret of a member's personal calendar feed; renewing replaces it.
	await db.schema
		.createTable('event_feed_tokens')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('event_feed_tokens').execute();
	await db.schema.dropTable('event_reminders').execute();
	await db.schema.dropTable('event_registrations').execute();
	await db.schema.dropTable('event_speakers').execute();
	await db.schema.dropTable('event_provinces').execute();
	await db.schema.dropTable('event_themes').execute();
	await db.schema.dropTable('events').execute();
}
