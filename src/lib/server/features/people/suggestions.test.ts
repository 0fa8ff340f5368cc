import { describe, expect, it } from 'vitest';
import {
	keywords,
	MAX_SUGGESTIONS,
	rankSuggestions,
	scoreCandidate,
	type SuggestionCandidate,
	type SuggestionSubject,
	topics,
	wordsMatch
} from './suggestions';

const circular = { id: 'circulaire-economie', name: 'Circulaire economie' };
const digital = { id: 'digitalisering', name: 'Digitalisering' };
const finance = { id: 'financiering', name: 'Financiering' };
const mkbDeals = { id: 'n-mkb', name: 'MKB-Deals' };
const accounts = { id: 'n-acc', name: 'Accountmanagers en bedrijfscontactfunctionarissen' };

const subject: SuggestionSubject = {
	id: 'me',
	provinceCode: 'NL-GE',
	themes: [circular, digital],
	networkIds: [mkbDeals.id, accounts.id],
	lookingFor: 'Exportbegeleiding voor het mkb, subsidies voor circulaire starters'
};

const candidate = (
	overrides: Partial<SuggestionCandidate> & { id: string }
): SuggestionCandidate => ({
	provinceCode: 'NL-OV',
	lastActiveAt: null,
	themes: [],
	networks: [],
	askMeAbout: null,
	...overrides
});

describe('the words of "ik zoek" and "vraag me over"', () => {
	it('keeps words that carry a subject, in lower case without accents', () => {
		expect(keywords('Ik zoek ideeën voor de Coöperatie en het MKB, 2e ronde')).toEqual([
			'cooperatie',
			'ronde'
		]);
		expect(keywords('Subsidies voor circulaire starters')).toEqual([
			'subsidies',
			'circulaire',
			'starters'
		]);
		expect(keywords(null)).toEqual([]);
	});

	it('matches equal words and words that begin with a word of five letters or more', () => {
		expect(wordsMatch('subsidie', 'subsidies')).toBe(true);
		expect(wordsMatch('gemeenten', 'gemeente')).toBe(true);
		expect(wordsMatch('circulair', 'circulaire')).toBe(true);
		expect(wordsMatch('btw', 'btw')).toBe(true);
		// A Dutch compound ends with its head.
		expect(wordsMatch('bedrijfsbezoeken', 'bezoeken')).toBe(true);
		expect(wordsMatch('werkplaatsen', 'plaatsen')).toBe(true);
		expect(wordsMatch('innovatiebeleid', 'beleid')).toBe(true);
		expect(wordsMatch('maatregel', 'regel')).toBe(false);
		// Too short to count as the start of another word.
		expect(wordsMatch('bank', 'banken')).toBe(false);
		expect(wordsMatch('export', 'import')).toBe(false);
	});

	it('splits "vraag me over" into topics as written', () => {
		expect(topics('Regionaal accountmanagement, MKB-Deals;\n• subsidies.')).toEqual([
			'Regionaal accountmanagement',
			'MKB-Deals',
			'subsidies'
		]);
		expect(topics('x'.repeat(100))[0]).toHaveLength(80);
	});
});

describe('the score of "Wie deed dit al?"', () => {
	it('adds 3 per shared theme, 4 per helpful topic and 1 per shared network, with reasons', () => {
		const scored = scoreCandidate(
			subject,
			candidate({
				id: 'lotte',
				themes: [circular, finance],
				networks: [mkbDeals],
				askMeAbout: 'Exportbegeleiding, digitale werkplaatsen, subsidieregelingen voor starters'
			})
		);
		// circular (3) + two topics that answer "ik zoek" (2 × 4) + MKB-Deals (1)
		expect(scored?.score).toBe(12);
		expect(scored?.reasons).toEqual([
			{ kind: 'themes', names: ['Circulaire economie'] },
			{ kind: 'helps_with', topics: ['exportbegeleiding', 'subsidieregelingen voor starters'] },
			{ kind: 'networks', names: ['MKB-Deals'] }
		]);
	});

	it('keeps abbreviations as written in the reason', () => {
		const scored = scoreCandidate(
			{ ...subject, lookingFor: 'MKB-Deals in de zorg' },
			candidate({ id: 'a', askMeAbout: 'MKB-Deals opzetten' })
		);
		expect(scored?.reasons).toEqual([{ kind: 'helps_with', topics: ['MKB-Deals opzetten'] }]);
	});

	it('suggests only members elsewhere with something in common', () => {
		const same = candidate({ id: 'buur', provinceCode: 'NL-GE', themes: [circular] });
		const self = candidate({ id: 'me', themes: [circular] });
		const nowhere = candidate({ id: 'zonder', provinceCode: null, themes: [circular] });
		const nothing = candidate({ id: 'niets', themes: [finance], askMeAbout: 'personeel' });
		for (const c of [same, self, nowhere, nothing])
			expect(scoreCandidate(subject, c), c.id).toBeNull();
	});

	it('counts at most three topics, networks, knowledge items and events', () => {
		const scored = scoreCandidate(
			{ ...subject, lookingFor: 'circulaire subsidies', eventIds: ['e1', 'e2', 'e3', 'e4'] },
			candidate({
				id: 'veel',
				askMeAbout: 'circulair bouwen, circulaire inkoop, circulaire ketens, circulaire zorg',
				networks: [mkbDeals, accounts, { id: 'n3', name: 'N3' }, { id: 'n4', name: 'N4' }],
				knowledge: [1, 2, 3, 4].map((n) => ({ title: `Artikel ${n}`, themeIds: [digital.id] })),
				events: [1, 2, 3, 4].map((n) => ({ id: `e${n}`, title: `Webinar ${n}` }))
			})
		);
		// Only two networks are shared; the rest: three each.
		expect(scored?.score).toBe(3 * 4 + 2 * 1 + 3 * 2 + 3 * 1);
		expect(scored?.reasons.map((r) => r.kind)).toEqual([
			'helps_with',
			'networks',
			'knowledge',
			'events'
		]);
	});

	it('ranks by score, then the more recently active, then by id, and gives at most five', () => {
		const c = (id: string, themes: (typeof circular)[], lastActiveAt: string | null = null) =>
			candidate({ id, themes, lastActiveAt });
		const ranked = rankSuggestions(subject, [
			c('f', [circular]),
			c('e', [circular], '2026-11-01T10:00:00.000Z'),
			c('d', [circular], '2026-11-20T10:00:00.000Z'),
			c('c', [circular, digital]),
			c('b', [circular]),
			c('a', [circular]),
			// Most in common, but in the same province.
			{ ...c('buur', [circular, digital]), provinceCode: 'NL-GE' }
		]);
		expect(ranked.map((s) => s.candidate.id)).toEqual(['c', 'd', 'e', 'a', 'b']);
		expect(ranked).toHaveLength(MAX_SUGGESTIONS);
		// The same input in another order gives the same answer.
		const again = rankSuggestions(subject, [
			c('a', [circular]),
			c('b', [circular]),
			c('c', [circular, digital]),
			c('d', [circular], '2026-11-20T10:00:00.000Z'),
			c('e', [circular], '2026-11-01T10:00:00.000Z'),
			c('f', [circular])
		]);
		expect(again.map((s) => s.candidate.id)).toEqual(['c', 'd', 'e', 'a', 'b']);
	});
});
