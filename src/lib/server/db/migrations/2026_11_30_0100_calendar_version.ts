import type { Kysely } from 'kysely';
import {
	createVersionTriggers,
	dropVersionTriggers,
	type VersionTriggers
} from '../version-triggers';

// The calendar (and the events API and the home page) find which events match a viewer's
// filters, in order, by scanning the upcoming or past events: some milliseconds at 5,000 events,
// on every request. Which events match changes only when an event's date, format, place kind,
// visibility, network or programme changes, its themes or provinces change, or a network's or
// programme's slug, name or visibility changes (the filters and their choices). Each app process
// keeps the matching ids and the filter choices (features/events/queries.ts) under this version.
// The places left are not part of it: they are read fresh for the events shown, so
// registrations never bump it.

const CALENDAR: VersionTriggers = {
	table: 'events_calendar_version',
	name: 'calendar',
	bumpedBy: [
		[
			'events',
			[
				'starts_at',
				'ends_at',
				'visibility',
				'format_id',
				'location_kind',
				'network_id',
				'programme_id'
			]
		],
		['event_themes', null],
		['event_provinces', null],
		['networks', ['slug', 'name', 'visibility']],
		['programmes', ['slug', 'title', 'visibility']],
		['event_formats', null],
		['themes', null],
		['provinces', null]
	]
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await createVersionTriggers(db, CALENDAR);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await dropVersionTriggers(db, CALENDAR);
}
