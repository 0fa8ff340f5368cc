import { describe, expect, it } from 'vitest';
import { embedSearch, parseEmbedBasics } from './embed';

describe('embed query', () => {
	it('takes five events in Dutch by default, and 1 to 20 when asked', () => {
		expect(parseEmbedBasics({})).toEqual({ ok: true, count: 5, locale: 'nl' });
		expect(parseEmbedBasics({ aantal: '1', taal: 'en' })).toEqual({
			ok: true,
			count: 1,
			locale: 'en'
		});
		expect(parseEmbedBasics({ aantal: ' 20 ', taal: 'EN' })).toMatchObject({ count: 20 });
	});

	it('refuses other numbers and languages, naming the field', () => {
		for (const aantal of ['0', '21', '1e1', 'vijf', '-3', '2.0', '007']) {
			expect(parseEmbedBasics({ aantal }), aantal).toMatchObject({ ok: false, field: 'aantal' });
		}
		expect(parseEmbedBasics({ taal: 'fr' })).toEqual({
			ok: false,
			field: 'taal',
			value: 'fr',
			locale: 'nl'
		});
		// The number is explained in the language that was asked for.
		expect(parseEmbedBasics({ taal: 'en', aantal: '50' })).toMatchObject({ locale: 'en' });
	});

	it('writes the query string with the defaults left out', () => {
		expect(embedSearch({ aantal: 5, taal: 'nl' })).toBe('');
		expect(
			embedSearch({ thema: 'circulaire-economie', provincie: 'NL-ZH', aantal: 3, taal: 'en' })
		).toBe('?thema=circulaire-economie&provincie=NL-ZH&aantal=3&taal=en');
	});
});
