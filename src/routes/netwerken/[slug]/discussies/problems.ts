import { m } from '$lib/paraglide/messages';

/** The Dutch (or English) sentence for each problem code the discussion pages may get back. */
const PROBLEMS: Record<string, () => string> = {
	kind_invalid: m.discussion_error_kind_invalid,
	title_missing: m.discussion_error_title_missing,
	title_too_short: m.discussion_error_title_too_short,
	title_too_long: m.discussion_error_title_too_long,
	body_missing: m.discussion_error_body_missing,
	body_too_long: m.discussion_error_body_too_long,
	reason_missing: m.discussion_error_reason_missing,
	reason_too_long: m.discussion_error_reason_too_long,
	not_allowed: m.discussion_error_not_allowed,
	not_member: m.discussion_error_not_member,
	thread_locked: m.discussion_error_thread_locked,
	not_found: m.discussion_error_not_found,
	unchanged: m.discussion_error_unchanged,
	not_question: m.discussion_error_not_question,
	reply_not_found: m.discussion_error_reply_not_found,
	same_network: m.discussion_error_same_network,
	target_missing: m.discussion_error_target_missing,
	confirm_missing: m.discussion_error_confirm_missing,
	already_reported: m.discussion_error_already_reported
};

export function problemText(code: string | null | undefined): string | null {
	if (!code) return null;
	return (PROBLEMS[code] ?? m.discussion_error_not_allowed)();
}
