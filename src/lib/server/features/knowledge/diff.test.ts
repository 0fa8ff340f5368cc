import { describe, expect, it } from 'vitest';
import { changed, diffLines } from './diff';

describe('diffLines', () => {
	it('marks removed and added lines between the unchanged ones', () => {
		expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
			{ op: 'same', text: 'a' },
			{ op: 'removed', text: 'b' },
			{ op: 'added', text: 'B' },
			{ op: 'same', text: 'c' },
			{ op: 'added', text: 'd' }
		]);
	});

	it('handles empty texts and identical texts', () => {
		expect(diffLines('', 'nieuw')).toEqual([{ op: 'added', text: 'nieuw' }]);
		expect(diffLines('weg', '')).toEqual([{ op: 'removed', text: 'weg' }]);
		expect(changed(diffLines('zelfde\ntekst', 'zelfde\ntekst'))).toBe(false);
	});

	it('rebuilds both texts from the diff', () => {
		const before = 'een\ntwee\ndrie\nvier\nvijf';
		const after = 'nul\neen\ndrie\nvier!\nvijf\nzes';
		const lines = diffLines(before, after);
		const rebuilt = (keep: 'removed' | 'added') =>
			lines
				.filter((l) => l.op === 'same' || l.op === keep)
				.map((l) => l.text)
				.join('\n');
		expect(rebuilt('removed')).toBe(before);
		expect(rebuilt('added')).toBe(after);
	});
});
