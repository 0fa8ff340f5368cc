import { describe, expect, it } from 'vitest';
import { type AccountAction, type Actor, can, mustSetUpTwoFactor } from './policy';

const actor = (over: Partial<NonNullable<Actor>>): Actor => ({
	id: 'u',
	role: 'member',
	status: 'active',
	twoFactorEnabled: false,
	...over
});

const ACTIONS: AccountAction[] = [
	'see_member_pages',
	'manage_own_account',
	'manage_members',
	'manage_allowlist',
	'read_outbox',
	'read_audit_log'
];

describe('account policy', () => {
	it.each([
		['visitor', null, []],
		['applicant', actor({ status: 'applicant' }), ['manage_own_account']],
		['suspended', actor({ status: 'suspended' }), []],
		['member', actor({}), ['see_member_pages', 'manage_own_account']],
		['editor', actor({ role: 'editor' }), ['see_member_pages', 'manage_own_account']],
		['admin without 2FA', actor({ role: 'admin' }), ['see_member_pages', 'manage_own_account']],
		['admin with 2FA', actor({ role: 'admin', twoFactorEnabled: true }), ACTIONS]
	] as [string, Actor, AccountAction[]][])('%s may do exactly %j', (_name, who, allowed) => {
		expect(ACTIONS.filter((a) => can(who, a))).toEqual(allowed);
	});

	it('sends only active admins without a second factor to set one up', () => {
		expect(mustSetUpTwoFactor(actor({ role: 'admin' }))).toBe(true);
		expect(mustSetUpTwoFactor(actor({ role: 'admin', twoFactorEnabled: true }))).toBe(false);
		expect(mustSetUpTwoFactor(actor({}))).toBe(false);
		expect(mustSetUpTwoFactor(null)).toBe(false);
	});
});
