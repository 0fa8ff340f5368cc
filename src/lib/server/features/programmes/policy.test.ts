import { describe, expect, it } from 'vitest';
import { VISITOR, type Viewer } from '../viewer';
import { can, managesAsStaff, type ProgrammeSubject } from './policy';

const member: Viewer = { kind: 'member', userId: 'u1', role: 'member' };
const editor: Viewer = { kind: 'member', userId: 'e1', role: 'editor' };
const programme = (over: Partial<ProgrammeSubject> = {}): ProgrammeSubject => ({
	visibility: 'members',
	enrolmentOpen: true,
	coordinator: false,
	...over
});

describe('programme policy', () => {
	it('lets its coordinators and staff manage a programme, and tells when staff act for others', () => {
		expect(can(member, 'manage', programme({ coordinator: true }))).toBe(true);
		expect(can(member, 'manage', programme())).toBe(false);
		expect(can(editor, 'manage', programme())).toBe(true);
		expect(can(VISITOR, 'see', programme())).toBe(false);
		expect(managesAsStaff(editor, programme())).toBe(true);
		expect(managesAsStaff(editor, programme({ coordinator: true }))).toBe(false);
		expect(managesAsStaff(member, programme({ coordinator: true }))).toBe(false);
	});
});
