import { describe, expect, it } from 'vitest';
import { VISITOR, type Viewer } from '../viewer';
import { can, canCreateEvent, type EventSubject, managesAsStaff } from './policy';

const member: Viewer = { kind: 'member', userId: 'u1', role: 'member' };
const editor: Viewer = { kind: 'member', userId: 'u2', role: 'editor' };
const event = (over: Partial<EventSubject> = {}): EventSubject => ({
	visibility: 'public',
	networkId: 'n1',
	networkRole: null,
	...over
});

describe('event policy', () => {
	it('shows public events to all, members events to members, network events to that network', () => {
		expect(can(VISITOR, 'see', event())).toBe(true);
		expect(can(VISITOR, 'see', event({ visibility: 'members' }))).toBe(false);
		expect(can(member, 'see', event({ visibility: 'members' }))).toBe(true);
		expect(can(member, 'see', event({ visibility: 'network' }))).toBe(false);
		expect(can(member, 'see', event({ visibility: 'network', networkRole: 'member' }))).toBe(true);
		expect(can(editor, 'see', event({ visibility: 'network' }))).toBe(true);
	});

	it('lets visitors register as guests for public events only, and members as members', () => {
		expect(can(VISITOR, 'register_as_guest', event())).toBe(true);
		expect(can(VISITOR, 'register', event())).toBe(false);
		expect(can(VISITOR, 'register_as_guest', event({ visibility: 'members' }))).toBe(false);
		expect(can(member, 'register', event({ visibility: 'members' }))).toBe(true);
		expect(can(member, 'register_as_guest', event())).toBe(false);
	});

	it('lets the organising network coordinators, editors and admins manage', () => {
		expect(can(member, 'manage', event())).toBe(false);
		expect(can(member, 'manage', event({ networkRole: 'coordinator' }))).toBe(true);
		expect(can(member, 'manage', event({ networkId: null, networkRole: null }))).toBe(false);
		expect(can(editor, 'manage', event({ networkId: null }))).toBe(true);
		expect(canCreateEvent(member, 0)).toBe(false);
		expect(canCreateEvent(member, 1)).toBe(true);
		expect(canCreateEvent(VISITOR, 0)).toBe(false);
	});

	it('tells when an admin or editor runs an event only by their role (the audit log records it)', () => {
		const admin: Viewer = { kind: 'member', userId: 'u3', role: 'admin' };
		const coordinatingEditor = event({ networkRole: 'coordinator' });
		expect(managesAsStaff(editor, event())).toBe(true);
		expect(managesAsStaff(admin, event({ networkId: null, programmeId: 'p1' }))).toBe(true);
		// Their own network's or programme's event, or the platform's: their normal work.
		expect(managesAsStaff(editor, coordinatingEditor)).toBe(false);
		expect(
			managesAsStaff(
				admin,
				event({ networkId: null, programmeId: 'p1', programmeRole: 'coordinator' })
			)
		).toBe(false);
		expect(managesAsStaff(admin, event({ networkId: null }))).toBe(false);
		// Coordinators never act as staff.
		expect(managesAsStaff(member, coordinatingEditor)).toBe(false);
	});
});
