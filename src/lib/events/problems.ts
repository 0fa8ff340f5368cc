import { m } from '$lib/paraglide/messages';
import type { EventProblem } from '$lib/server/features/events/schema';

/**
 * What each problem with an event's fields says, for the event form (in the reader's language)
 * and the API (in Dutch): one text for both.
 */
export const EVENT_PROBLEM_MESSAGES: Record<
	EventProblem,
	(inputs?: Record<string, never>, options?: { locale?: 'nl' | 'en' }) => string
> = {
	title_required: m.events_problem_title,
	summary_required: m.events_problem_summary,
	format_invalid: m.events_problem_format,
	organiser_invalid: m.events_problem_organiser,
	visibility_invalid: m.events_problem_visibility,
	network_visibility_needs_network: m.events_problem_network_visibility,
	starts_invalid: m.events_problem_starts,
	ends_invalid: m.events_problem_ends,
	ends_before_start: m.events_problem_ends_before_start,
	location_invalid: m.events_problem_location,
	address_required: m.events_problem_address,
	online_url_invalid: m.events_problem_online_url,
	capacity_invalid: m.events_problem_capacity,
	registration_opens_invalid: m.events_problem_registration_opens,
	registration_closes_invalid: m.events_problem_registration_closes,
	registration_window_invalid: m.events_problem_registration_window
};
