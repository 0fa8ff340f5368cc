import { m } from '$lib/paraglide/messages';

/** Dutch (or English) names of the kinds, visibilities and the problems pages may get back. */

export const KIND_LABELS: Record<string, () => string> = {
	practice_example: m.knowledge_kind_practice_example,
	insight: m.knowledge_kind_insight,
	publication: m.knowledge_kind_publication,
	report: m.knowledge_kind_report
};

export const kindLabel = (kind: string) => (KIND_LABELS[kind] ?? m.knowledge_kind_insight)();

export const VISIBILITY_LABELS: Record<string, () => string> = {
	public: m.knowledge_visibility_public,
	members: m.knowledge_visibility_members,
	network: m.knowledge_visibility_network
};

const PROBLEMS: Record<string, () => string> = {
	'title:missing': m.knowledge_error_title_missing,
	'title:too_short': m.knowledge_error_title_too_short,
	'title:too_long': m.knowledge_error_too_long,
	'summary:missing': m.knowledge_error_summary_missing,
	'summary:too_long': m.knowledge_error_too_long,
	'body:body_missing': m.knowledge_error_body_missing,
	'challenge:challenge_missing': m.knowledge_error_challenge_missing,
	'network:network_required': m.knowledge_error_network_required,
	'contact:invalid': m.knowledge_error_contact_invalid,
	'coAuthors:invalid': m.knowledge_error_coauthors_invalid,
	'kind:invalid': m.knowledge_error_kind_invalid,
	'visibility:invalid': m.knowledge_error_visibility_invalid,
	unknown_theme: m.knowledge_error_unknown_reference,
	unknown_province: m.knowledge_error_unknown_reference,
	unknown_organisation: m.knowledge_error_unknown_reference,
	unknown_member: m.knowledge_error_unknown_member,
	unknown_network: m.knowledge_error_unknown_network,
	not_in_network: m.knowledge_error_not_in_network,
	changed: m.knowledge_error_changed,
	unchanged: m.knowledge_error_unchanged,
	already_published: m.knowledge_error_already_published,
	already_adopted: m.knowledge_error_already_adopted,
	revision_not_found: m.knowledge_error_revision_not_found,
	comment_missing: m.knowledge_error_comment_missing,
	note_missing: m.knowledge_error_note_missing,
	not_allowed: m.knowledge_error_not_allowed
};

/** The sentence for a problem: a form field's ("field:code") or a whole action's ("code"). */
export function problemText(code: string | null | undefined, field?: string): string | null {
	if (!code) return null;
	const text = PROBLEMS[field ? `${field}:${code}` : code] ?? PROBLEMS[code];
	if (text) return text();
	return code === 'too_long' ? m.knowledge_error_too_long() : m.knowledge_error_invalid();
}
