import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
	it('folds accents, drops apostrophes and joins words with hyphens', () => {
		expect(slugify("'s-Hertogenbosch")).toBe('s-hertogenbosch');
		expect(slugify('Fryslân')).toBe('fryslan');
		expect(slugify('Ministerie van Economische Zaken en Klimaat (EZK)')).toBe(
			'ministerie-van-economische-zaken-en-klimaat-ezk'
		);
		expect(slugify('  Alphen aan den Rijn  ')).toBe('alphen-aan-den-rijn');
	});
});
