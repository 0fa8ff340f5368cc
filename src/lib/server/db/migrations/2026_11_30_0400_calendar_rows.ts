import type { Kysely } from 'kysely';
import { createTableTriggers, dropTableTriggers } from '../version-triggers';

// Each app process now also keeps what the calendar shows of each listed event (title, summary,
// place, capacity, registration window), not only which events match
// (features/events/queries.ts). So a change of any of those columns bumps the calendar's version
// as well. The places taken stay out of it: they are read fresh, and a registration only touches
// `lock_seq` and `updated_at` of the event, which still bump nothing.

const SPEC = { table: 'events_calendar_version', name: 'calendar' } as const;

const MATCHING = [
	'starts_at',
	'ends_at',
	'visibility',
	'format_id',
	'location_kind',
	'network_id',
	'programme_id'
] as const;

const SHOWN = [
	'slug',
	'title',
	'summary',
	'organiser_kind',
	'venue',
	'address',
	'capacity',
	'registration_opens_at',
	'registration_closes_at',
	'registration_closed'
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await dropTableTriggers(db, SPEC, 'events');
	await createTableTriggers(db, SPEC, ['events', [...MATCHING, ...SHOWN]]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await dropTableTriggers(db, SPEC, 'events');
	await createTableTriggers(db, SPEC, ['events', MATCHING]);
}
