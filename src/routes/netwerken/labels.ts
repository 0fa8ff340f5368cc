import { m } from '$lib/paraglide/messages';

/** A network's kind, visibility and join policy in the reader's language. */
export function kindName(kind: string): string {
	if (kind === 'regional') return m.net_kind_regional();
	if (kind === 'programme_group') return m.net_kind_programme_group();
	return m.net_kind_thematic();
}

export function visibilityText(visibility: string): string {
	if (visibility === 'members') return m.net_visibility_members();
	if (visibility === 'private') return m.net_visibility_private();
	return m.net_visibility_public();
}

export function joinPolicyText(policy: string): string {
	if (policy === 'open') return m.join_open();
	if (policy === 'request') return m.join_request();
	return m.join_invitation();
}
