import { describe, expect, it } from 'vitest';
import type { Viewer } from '../viewer';
import { can, type KnowledgeSubject } from './policy';
import { bestRelated, terms } from './related';

const visitor: Viewer = { kind: 'visitor' };
const member: Viewer = { kind: 'member', userId: 'm', role: 'member' };
const editor: Viewer = { kind: 'member', userId: 'e', role: 'editor' };

const item = (overrides: Partial<KnowledgeSubject> = {}): KnowledgeSubject => ({
	kind: 'practice_example',
	status: 'published',
	visibility: 'public',
	inNetwork: false,
	isAuthor: false,
	sameOrganisation: false,
	...overrides
});

describe('knowledge policy', () => {
	it('lets everyone read public items, members members-only ones, network members network items', () => {
		expect(can(visitor, 'see', item())).toBe(true);
		expect(can(visitor, 'see', item({ visibility: 'members' }))).toBe(false);
		expect(can(member, 'see', item({ visibility: 'members' }))).toBe(true);
		expect(can(member, 'see', item({ visibility: 'network' }))).toBe(false);
		expect(can(member, 'see', item({ visibility: 'network', inNetwork: true }))).toBe(true);
		expect(can(editor, 'see', item({ visibility: 'network' }))).toBe(true);
	});

	it('shows drafts to their authors and editors only', () => {
		const draft = item({ status: 'draft' });
		expect(can(visitor, 'see', draft)).toBe(false);
		expect(can(member, 'see', draft)).toBe(false);
		expect(can(member, 'see', { ...draft, isAuthor: true })).toBe(true);
		expect(can(editor, 'edit', draft)).toBe(true);
		expect(can(member, 'comment', { ...draft, isAuthor: true })).toBe(false);
	});

	it('lets authors and editors edit; only editors feature', () => {
		expect(can(member, 'edit', item())).toBe(false);
		expect(can(member, 'edit', item({ isAuthor: true }))).toBe(true);
		expect(can(member, 'feature', item({ isAuthor: true }))).toBe(false);
		expect(can(editor, 'feature', item())).toBe(true);
		expect(can(visitor, 'vote', item())).toBe(false);
	});

	it('lets only members of other organisations adopt a practice example', () => {
		expect(can(member, 'adopt', item())).toBe(true);
		expect(can(member, 'adopt', item({ sameOrganisation: true }))).toBe(false);
		expect(can(member, 'adopt', item({ isAuthor: true }))).toBe(false);
		expect(can(member, 'adopt', item({ kind: 'insight' }))).toBe(false);
		expect(can(visitor, 'adopt', item())).toBe(false);
	});
});

describe('related items', () => {
	it('finds the item that shares themes and words first', () => {
		const a = {
			id: 'a',
			themes: ['circulair'],
			terms: terms('Circulaire inkoop bij ondernemers in de regio')
		};
		const b = {
			id: 'b',
			themes: ['circulair'],
			terms: terms('Ondernemers en circulaire inkoop in de regio')
		};
		const c = {
			id: 'c',
			themes: ['digitalisering'],
			terms: terms('Webwinkels voor de detailhandel')
		};
		const d = { id: 'd', themes: ['circulair'], terms: terms('Iets heel anders over bouwen') };
		expect(bestRelated(a, [a, b, c, d]).map((r) => r.id)).toEqual(['b', 'd']);
	});
});
