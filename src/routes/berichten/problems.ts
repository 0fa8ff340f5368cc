import { m } from '$lib/paraglide/messages';

/**
 * The Dutch (or English) sentence for each reason the contact features give, with the other
 * member's name where it helps. One place, so every page says the same.
 */
export function contactProblem(code: string, name: string): string {
	switch (code) {
		case 'self':
			return m.contact_error_self();
		case 'not_found':
			return m.contact_error_not_found();
		case 'unavailable':
			return m.contact_error_unavailable({ name });
		case 'former_member':
			return m.messages_error_former_member();
		case 'blocked':
			return m.contact_error_blocked({ name });
		case 'you_blocked':
			return m.contact_error_you_blocked({ name });
		case 'already_requested':
			return m.contact_error_already_requested({ name });
		case 'they_asked':
			return m.contact_error_they_asked({ name });
		case 'declined_recently':
			return m.contact_error_declined_recently({ name });
		case 'rate_limited':
			return m.contact_error_rate_limited();
		case 'already_decided':
			return m.contact_error_already_decided();
		case 'message_missing':
			return m.messages_error_missing();
		case 'message_too_long':
			return m.messages_error_too_long({ max: 4000 });
		case 'own_message':
			return m.messages_report_error_own();
		case 'already_reported':
			return m.messages_report_error_already();
		case 'reason_missing':
			return m.messages_report_error_reason_missing();
		case 'reason_too_long':
			return m.messages_report_error_reason_too_long({ max: 2000 });
		default:
			return m.contact_error_not_found();
	}
}
