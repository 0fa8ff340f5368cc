import { describe, expect, it } from 'vitest';
import { safeReturn } from './safe-return';

describe('safeReturn', () => {
	it('keeps paths on this site and refuses everything else', () => {
		expect(safeReturn('/netwerken?x=1')).toBe('/netwerken?x=1');
		for (const bad of [
			'//evil.example',
			'/\\evil.example',
			'https://evil.example',
			'evil',
			'',
			null
		]) {
			expect(safeReturn(bad)).toBe('/');
		}
	});
});
