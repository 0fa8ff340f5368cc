import { describe, expect, it } from 'vitest';
import type { Viewer } from '../viewer';
import { VISITOR } from '../viewer';
import {
	can,
	canCreateNetwork,
	coordinatesAsAdmin,
	type Membership,
	type NetworkAction
} from './policy';

const member: Viewer = { kind: 'member', userId: 'u1', role: 'member' };
const admin: Viewer = { kind: 'member', userId: 'a1', role: 'admin' };
const coordinator: Membership = { role: 'coordinator', status: 'active' };
const joined: Membership = { role: 'member', status: 'active' };
const requested: Membership = { role: 'member', status: 'requested' };

const ACTIONS: NetworkAction[] = [
	'see',
	'see_inside',
	'join',
	'request',
	'leave',
	'post',
	'coordinate',
	'edit'
];
const allowed = (viewer: Viewer, network: Parameters<typeof can>[2]) =>
	ACTIONS.filter((a) => can(viewer, a, network));

describe('network policy', () => {
	it('hides a private network from everyone but its members and admins', () => {
		const network = { visibility: 'private' as const, joinPolicy: 'invitation' as const };
		expect(allowed(VISITOR, { ...network, membership: null })).toEqual([]);
		expect(allowed(member, { ...network, membership: null })).toEqual([]);
		// A request does not let anyone into a private network.
		expect(allowed(member, { ...network, membership: requested })).toEqual([]);
		expect(allowed(member, { ...network, membership: joined })).toEqual([
			'see',
			'see_inside',
			'leave',
			'post'
		]);
		expect(allowed(member, { ...network, membership: coordinator })).toEqual([
			'see',
			'see_inside',
			'leave',
			'post',
			'coordinate',
			'edit'
		]);
		expect(allowed(admin, { ...network, membership: null })).toEqual([
			'see',
			'see_inside',
			'post',
			'coordinate',
			'edit'
		]);
	});

	it('shows a public network to visitors without its inside, and lets members join by its policy', () => {
		const open = { visibility: 'public' as const, joinPolicy: 'open' as const, membership: null };
		expect(allowed(VISITOR, open)).toEqual(['see']);
		expect(allowed(member, open)).toEqual(['see', 'see_inside', 'join']);
		const onRequest = { ...open, joinPolicy: 'request' as const };
		expect(allowed(member, onRequest)).toEqual(['see', 'see_inside', 'request']);
		expect(allowed(member, { ...onRequest, membership: requested })).toEqual([
			'see',
			'see_inside',
			'leave'
		]);
		const byInvitation = { ...open, joinPolicy: 'invitation' as const };
		expect(allowed(member, byInvitation)).toEqual(['see', 'see_inside']);
	});

	it('shows a members-only network to members, never to visitors', () => {
		const network = {
			visibility: 'members' as const,
			joinPolicy: 'open' as const,
			membership: null
		};
		expect(allowed(VISITOR, network)).toEqual([]);
		expect(allowed(member, network)).toEqual(['see', 'see_inside', 'join']);
	});

	it('lets admins and coordinators create networks', () => {
		expect(canCreateNetwork(VISITOR, false)).toBe(false);
		expect(canCreateNetwork(member, false)).toBe(false);
		expect(canCreateNetwork(member, true)).toBe(true);
		expect(canCreateNetwork(admin, false)).toBe(true);
	});

	it('tells when an admin coordinates a network only by their role (the audit log records it)', () => {
		const network = (membership: Membership) => ({
			visibility: 'public' as const,
			joinPolicy: 'open' as const,
			membership
		});
		expect(coordinatesAsAdmin(admin, network(null))).toBe(true);
		expect(coordinatesAsAdmin(admin, network(joined))).toBe(true);
		expect(coordinatesAsAdmin(admin, network(coordinator))).toBe(false);
		expect(coordinatesAsAdmin(member, network(coordinator))).toBe(false);
	});
});
