import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	analyse,
	buildLexicon,
	decompose,
	fold,
	highlight,
	matches,
	MAX_QUERY_LENGTH,
	parsePrefixQuery,
	parseQuery,
	queryTokens,
	segmentsToHtml,
	snippet,
	toFts5,
	toTsquery,
	type QueryNode
} from './analyser';

const SEED = [
	['mkb', 'midden- en kleinbedrijf'],
	['EZ', 'economische zaken'],
	['KVK', 'Kamer van Koophandel'],
	['circulair', 'circulaire economie']
];
const lexicon = buildLexicon(SEED);

/** Whether a query finds a text, the way the index does: every clause against the text's tokens. */
function finds(query: string, text: string): boolean {
	const parsed = parseQuery(query, lexicon);
	if (!parsed.ok) return false;
	const tokens = analyse(text, lexicon).split(' ');
	return parsed.clauses.every((c) => matches(c, tokens));
}

describe('folding and stemming', () => {
	it('lower-cases and removes accents', () => {
		expect(fold('Coöperatie in Fryslân, café')).toBe('cooperatie in fryslan, cafe');
		expect(analyse('COÖPERATIE', lexicon)).toBe(analyse('cooperatie', lexicon));
	});

	it('reduces inflections to one stem', () => {
		expect(analyse('ondernemers', lexicon)).toBe(analyse('ondernemer', lexicon));
		expect(analyse('netwerken', lexicon)).toBe(analyse('netwerk', lexicon));
		expect(analyse('gemeenten', lexicon)).toBe(analyse('gemeente', lexicon));
		expect(finds('ondernemers', 'Wat een ondernemer nodig heeft')).toBe(true);
	});

	it('drops common words on both sides', () => {
		expect(analyse('de ondersteuning van het mkb', lexicon)).toBe('ondersteun mkb');
		expect(parseQuery('de het een', lexicon)).toEqual({ ok: false, reason: 'empty' });
	});
});

describe('compound words', () => {
	it('splits a compound into known parts, with linking sounds and an inflected last part', () => {
		expect(decompose('accountmanagement', lexicon)).toEqual(['account', 'management']);
		expect(decompose('bedrijfscontactfunctionaris', lexicon)).toEqual([
			'bedrijf',
			'contact',
			'functionaris'
		]);
		expect(decompose('accountmanagers', lexicon)).toEqual(['account', 'managers']);
		expect(decompose('netwerkbijeenkomst', lexicon)).toEqual(['netwerk', 'bijeenkomst']);
	});

	it('leaves known words and unknown words whole', () => {
		expect(decompose('ondersteuning', lexicon)).toBeNull();
		expect(decompose('ondernemers', lexicon)).toBeNull();
		expect(decompose('zwolle', lexicon)).toBeNull();
		expect(decompose('xyzabcdef', lexicon)).toBeNull();
	});

	it('finds the words apart from the compound and the compound from the words', () => {
		expect(finds('accountmanagement', 'Goed account management in de regio')).toBe(true);
		expect(finds('account management', 'Regionaal accountmanagement')).toBe(true);
		expect(finds('management', 'Regionaal accountmanagement')).toBe(true);
		expect(finds('mkb-ondersteuning', 'De ondersteuning van het mkb in Drenthe')).toBe(true);
		expect(finds('accountmanagement', 'Een account bij de bank')).toBe(false);
	});

	it('takes words of the field as parts, but keeps their own compounds splittable', () => {
		const field = buildLexicon(SEED, ['Ondernemersecosysteem', 'Overig', 'Netwerkbijeenkomst']);
		expect(field.parts.has('overig')).toBe(true);
		expect(field.parts.has('ondernemersecosysteem')).toBe(false);
		expect(analyse('Ondernemersecosysteem', field).split(' ')).toEqual(
			expect.arrayContaining(['ondernemer', 'ecosystem'])
		);
		expect(finds('bedrijf', 'Kansen voor het kleinbedrijf')).toBe(true);
	});

	it('extends the dictionary with the words of editors’ synonyms', () => {
		const extended = buildLexicon([...SEED, ['zzp', 'zelfstandige zonder personeel']]);
		expect(decompose('zzpondersteuning', extended)).toEqual(['zzp', 'ondersteuning']);
		expect(decompose('zzpondersteuning', buildLexicon(SEED))).toBeNull();
	});
});

describe('synonyms', () => {
	it('lets a synonym count as its word, both ways', () => {
		expect(finds('mkb', 'Het midden- en kleinbedrijf in de regio')).toBe(true);
		expect(finds('midden- en kleinbedrijf', 'Steun voor het mkb')).toBe(true);
		expect(finds('KVK', 'Samen met de Kamer van Koophandel')).toBe(true);
		expect(finds('kamer van koophandel', 'Het loket van de KVK')).toBe(true);
		expect(finds('EZ', 'De afdeling Economische Zaken')).toBe(true);
		expect(finds('circulair', 'Werken aan een circulaire economie')).toBe(true);
	});

	it('needs every word of a query, each possibly through its synonym', () => {
		expect(finds('mkb zwolle', 'Het midden- en kleinbedrijf in Zwolle')).toBe(true);
		expect(finds('mkb zwolle', 'Het midden- en kleinbedrijf in Deventer')).toBe(false);
		// A multi-word synonym is a phrase: its words apart do not count.
		expect(finds('kvk', 'Een kamer vol boeken over de koophandel')).toBe(false);
	});
});

describe('query parsing', () => {
	it('searches a quoted phrase as a sequence', () => {
		expect(finds('"regionale samenwerking"', 'Over regionale samenwerking')).toBe(true);
		expect(finds('"regionale samenwerking"', 'Samenwerking, ook regionale')).toBe(false);
		expect(finds('regionale samenwerking', 'Samenwerking, ook regionale')).toBe(true);
	});

	it('treats FTS syntax as separators and refuses what holds no words', () => {
		for (const q of ['"', '*', ':', '()', '"" * : ^ -', '   ']) {
			expect(parseQuery(q, lexicon)).toEqual({ ok: false, reason: 'empty' });
		}
		// "NEAR(" is only the word "near": a harmless search, never an FTS operator.
		expect(parseQuery('NEAR(', lexicon)).toEqual({
			ok: true,
			clauses: [{ op: 'term', token: 'near' }]
		});
		const near = parseQuery('NEAR(ondernemer* mkb) title:zwolle', lexicon);
		expect(near.ok).toBe(true);
		if (near.ok) expect(toFts5(near.clauses)).not.toMatch(/NEAR|\*|:/);
	});

	it('refuses a query that is too long', () => {
		expect(parseQuery('a'.repeat(10_000), lexicon)).toEqual({ ok: false, reason: 'too_long' });
		expect(parseQuery('mkb '.repeat(MAX_QUERY_LENGTH / 4), lexicon).ok).toBe(true);
	});

	it('compiles to FTS5 and tsquery syntax from tokens only', () => {
		const parsed = parseQuery('accountmanagement "kamer van koophandel"', lexicon);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(toFts5(parsed.clauses)).toBe(
			'("accountmanagement" OR ("account" AND "management")) AND "kamer koophandel"'
		);
		expect(toTsquery(parsed.clauses)).toBe(
			'(accountmanagement | (account & management)) & (kamer <-> koophandel)'
		);
		expect(toFts5(parsed.clauses, 'title_tokens')).toMatch(/^title_tokens : \(/);
	});

	it('never lets anything but [a-z0-9] tokens into the compiled query', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: MAX_QUERY_LENGTH }), (q) => {
				const parsed = parseQuery(q, lexicon);
				if (!parsed.ok) return;
				const tokens = [...queryTokens(parsed.clauses)];
				expect(tokens.every((t) => /^[a-z0-9]+$/.test(t))).toBe(true);
			})
		);
	});

	it('reads an unfinished last word as a prefix for suggestions', () => {
		const parsed = parsePrefixQuery('mkb onderne', lexicon);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const last = parsed.clauses.at(-1) as QueryNode;
		expect(matches(last, ['ondernemer'])).toBe(true);
		expect(toTsquery(parsed.clauses, 'A')).toContain(':*A');
		expect(parsePrefixQuery('"*', lexicon).ok).toBe(false);
	});
});

describe('highlighting', () => {
	it('marks the words found, escaping the text first', () => {
		const parsed = parseQuery('ondernemers mkb', lexicon);
		if (!parsed.ok) throw new Error('parsed');
		const wanted = queryTokens(parsed.clauses);
		const html = segmentsToHtml(
			highlight('<b>Ondernemer</b> & het midden- en kleinbedrijf', wanted, lexicon)
		);
		expect(html).toBe(
			'&lt;b&gt;<mark>Ondernemer</mark>&lt;/b&gt; &amp; het <mark>midden</mark>- en <mark>kleinbedrijf</mark>'
		);
	});

	it('cuts a window around the first word found', () => {
		const parsed = parseQuery('zwolle', lexicon);
		if (!parsed.ok) throw new Error('parsed');
		const text = `${'woord '.repeat(50)}in Zwolle ${'verder '.repeat(50)}`;
		const parts = snippet(text, queryTokens(parsed.clauses), lexicon, 20);
		const html = segmentsToHtml(parts);
		expect(html.startsWith('… ')).toBe(true);
		expect(html.endsWith(' …')).toBe(true);
		expect(html).toContain('<mark>Zwolle</mark>');
	});
});
