import { describe, expect, it } from 'vitest';
import { VISITOR, type Viewer } from '../viewer';
import { can, type FollowupSubject } from './policy';

const member: Viewer = { kind: 'member', userId: 'u1', role: 'member' };
const base: FollowupSubject = {
	manage: false,
	participant: false,
	materialsVisibility: 'participants',
	past: true
};
const subject = (overrides: Partial<FollowupSubject>) => ({ ...base, ...overrides });

describe('after the session: who may what', () => {
	it('materials for participants reach participants and organisers only', () => {
		expect(can(member, 'see_materials', subject({ participant: true }))).toBe(true);
		expect(can(member, 'see_materials', subject({ manage: true }))).toBe(true);
		expect(can(member, 'see_materials', subject({}))).toBe(false);
		expect(can(VISITOR, 'see_materials', subject({ participant: true }))).toBe(false);
	});

	it('materials shared with members reach every member, never visitors', () => {
		expect(can(member, 'see_materials', subject({ materialsVisibility: 'members' }))).toBe(true);
		expect(can(VISITOR, 'see_materials', subject({ materialsVisibility: 'members' }))).toBe(false);
	});

	it('only participants evaluate, and only once the event is over', () => {
		expect(can(member, 'evaluate', subject({ participant: true }))).toBe(true);
		expect(can(member, 'evaluate', subject({ participant: true, past: false }))).toBe(false);
		expect(can(member, 'evaluate', subject({}))).toBe(false);
		// Organising is not taking part.
		expect(can(member, 'evaluate', subject({ manage: true }))).toBe(false);
		expect(can(VISITOR, 'evaluate', subject({ participant: true }))).toBe(false);
	});

	it('evaluations and the follow-up are for organisers only, not for participants', () => {
		for (const action of ['see_evaluations', 'manage_followup'] as const) {
			expect(can(member, action, subject({ manage: true }))).toBe(true);
			expect(can(member, action, subject({ participant: true }))).toBe(false);
			expect(can(member, action, subject({ materialsVisibility: 'members' }))).toBe(false);
			expect(can(VISITOR, action, subject({ manage: true }))).toBe(false);
		}
	});
});
