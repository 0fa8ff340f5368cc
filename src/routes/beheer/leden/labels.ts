import { m } from '$lib/paraglide/messages';

/** An account's role and status in the reader's language. */
export function roleName(role: string): string {
	if (role === 'admin') return m.role_admin();
	if (role === 'editor') return m.role_editor();
	return m.role_member();
}

export function statusName(status: string): string {
	if (status === 'applicant') return m.status_applicant();
	if (status === 'suspended') return m.status_suspended();
	return m.status_active();
}
