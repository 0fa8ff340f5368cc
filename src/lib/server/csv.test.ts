import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
	it('quotes fields, doubles quotes, uses semicolons and CRLF, and starts with a BOM', () => {
		expect(
			toCsv(['Naam', 'Organisatie'], [['Anna "Ank" de Vries', 'Gemeente Zwolle; afdeling EZ']])
		).toBe(
			'\uFEFF"Naam";"Organisatie"\r\n"Anna ""Ank"" de Vries";"Gemeente Zwolle; afdeling EZ"\r\n'
		);
	});

	it('defuses fields that a spreadsheet would run as a formula', () => {
		const csv = toCsv(
			['a'],
			[['=HYPERLINK("http://x")'], ['+31 6'], ['-1'], ['@SUM(A1)'], ['gewoon']]
		);
		expect(csv.split('\r\n').slice(1, 6)).toEqual([
			'"\'=HYPERLINK(""http://x"")"',
			'"\'+31 6"',
			'"\'-1"',
			'"\'@SUM(A1)"',
			'"gewoon"'
		]);
	});
});
