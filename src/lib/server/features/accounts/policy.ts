import type { SessionUser } from '../../platform/session';

/**
 * Who may do what with accounts, read like sentences. Routes ask before they act; features
 * trust their input. Suspended accounts never reach here (they have no session), applicants
 * may only look after their own data.
 */
export type Actor = Pick<SessionUser, 'id' | 'role' | 'status' | 'twoFactorEnabled'> | null;

export type AccountAction =
	| 'see_member_pages'
	| 'manage_own_account'
	| 'manage_members'
	| 'manage_allowlist'
	| 'read_outbox'
	| 'read_audit_log';

/** Actions on one other member's account; they need the member as the subject. */
export type MemberAction = 'change_member_account';

const ADMIN_ONLY: AccountAction[] = [
	'manage_members',
	'manage_allowlist',
	'read_outbox',
	'read_audit_log'
];

export function can(actor: Actor, action: AccountAction): boolean;
export function can(actor: Actor, action: MemberAction, subject: { id: string }): boolean;
export function can(
	actor: Actor,
	action: AccountAction | MemberAction,
	subject?: { id: string }
): boolean {
	// Admins change other accounts, never their own here (no locking oneself out): their own
	// account is theirs to manage at /profiel like anyone's.
	if (action === 'change_member_account') {
		return can(actor, 'manage_members') && !!subject && subject.id !== actor?.id;
	}
	if (!actor) return false;
	if (action === 'manage_own_account') return actor.status !== 'suspended';
	if (actor.status !== 'active') return false;
	if (action === 'see_member_pages') return true;
	// An admin acts as admin only with a second factor.
	if (ADMIN_ONLY.includes(action)) return actor.role === 'admin' && actor.twoFactorEnabled;
	return false;
}

/** Admins without a second factor must set it up before anything else. */
export function mustSetUpTwoFactor(actor: Actor): boolean {
	return !!actor && actor.role === 'admin' && actor.status === 'active' && !actor.twoFactorEnabled;
}
