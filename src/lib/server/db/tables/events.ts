import type { Generated } from 'kysely';

export type EventVisibility = 'public' | 'members' | 'network';
export type OrganiserKind = 'platform' | 'network' | 'programme';
export type LocationKind = 'on_site' | 'online' | 'hybrid';
export type RegistrationStatus = 'registered' | 'waitlisted' | 'pending';

/** A meeting of the network: a webinar, learning session, excursion... Times in UTC. */
export interface EventTable {
	id: string;
	slug: string;
	format_id: string;
	title: string;
	summary: string;
	/** The programme as Markdown, and the sanitised HTML rendered from it when written. */
	programme: Generated<string>;
	programme_html: Generated<string>;
	organiser_kind: Generated<OrganiserKind>;
	/** The organising network (organiser_kind 'network'), and the one network of visibility 'network'. */
	network_id: string | null;
	/** The programme this event is a session of (organiser_kind 'programme'): its cohort registers. */
	programme_id: Generated<string | null>;
	visibility: Generated<EventVisibility>;
	starts_at: string;
	ends_at: string;
	location_kind: Generated<LocationKind>;
	venue: Generated<string>;
	address: Generated<string>;
	/** The meeting link: shown to registered participants only. */
	online_url: Generated<string>;
	/** Null: no limit. */
	capacity: number | null;
	registration_opens_at: string | null;
	registration_closes_at: string | null;
	registration_closed: Generated<boolean | number>;
	/** JSON: [{ id, label, required }]. */
	questions: Generated<string>;
	/** Bumped by every change of places: taking the event's write lock. */
	lock_seq: Generated<number>;
	created_by: string | null;
	created_at: Generated<string>;
	updated_at: Generated<string>;
}

export interface EventThemeTable {
	event_id: string;
	theme_id: string;
}

export interface EventProvinceTable {
	event_id: string;
	province_code: string;
}

export interface EventSpeakerTable {
	id: string;
	event_id: string;
	user_id: string | null;
	name: string;
	role: Generated<'speaker' | 'guest_expert'>;
	position: Generated<number>;
}

export interface EventRegistrationTable {
	id: string;
	event_id: string;
	/** A member, or null for a guest (then guest_email is set). */
	user_id: string | null;
	guest_name: string | null;
	guest_email: string | null;
	guest_organisation: string | null;
	status: RegistrationStatus;
	/** The place in the waiting list's order (waitlisted only): lower goes first. */
	queue_number: number | null;
	/** JSON: { questionId: answer }. */
	answers: Generated<string>;
	/** The secret of this registration's links (confirm, cancel). */
	token: string;
	attended: Generated<boolean | number>;
	created_at: Generated<string>;
	updated_at: Generated<string>;
	promoted_at: string | null;
	/** Given because the person is in the cohort of the event's programme (kept in step with it). */
	via_programme: Generated<boolean | number>;
}

export interface EventReminderTable {
	registration_id: string;
	kind: 'day' | 'hour';
	sent_at: Generated<string>;
}

export interface EventFeedTokenTable {
	user_id: string;
	token: string;
	created_at: Generated<string>;
}

/**
 * One row (id 1) whose version the database bumps, by triggers, with every write that can change
 * which events match the calendar's filters, their order, or the filter choices: the key of each
 * process's cache of them (migration 2026_11_30_0100_calendar_version).
 */
export interface EventsCalendarVersionTable {
	id: number;
	version: Generated<number>;
}
