import * as snowball from 'snowball-stemmers';

/**
 * The one Dutch analyser of search, used when indexing and when querying so both sides produce
 * the same tokens: words are lower-cased and accent-folded ("coöperatie" -> "cooperatie"),
 * common words dropped, stemmed with the Dutch snowball stemmer ("ondernemers" -> "ondernemer"),
 * and compound words split against a dictionary of known parts ("accountmanagement" -> the
 * whole word plus "account" and "management"). Synonyms that editors maintain are expanded at
 * query time only, so changing one needs no reindex. Pure: no database, no I/O.
 *
 * The index holds the analysed tokens as plain space-separated text (FTS5 over it on SQLite,
 * to_tsvector('simple', ...) on PostgreSQL), and queries are compiled from a small tree
 * (`QueryNode`) into either syntax, never from the raw input: tokens are [a-z0-9] only, so no
 * FTS syntax from a query ever reaches the database.
 */

// A UMD module: Node's ESM loader offers it as the default export, CommonJS as named exports.
const stemmer = (snowball.newStemmer ?? snowball.default.newStemmer)('dutch');

/** Longer queries are refused with a clear message (the API: 400 query_too_long). */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words or phrases of a query count; the rest is ignored. */
export const MAX_QUERY_CLAUSES = 12;
const MAX_TOKEN_LENGTH = 40;
const MIN_PART_LENGTH = 3;
const MIN_COMPOUND_LENGTH = 6;
/** The linking sounds between parts of a Dutch compound: bedrijf-s-contact, pann-en-koek. */
const LINKS = ['', 's', 'en', 'e'];

/** Common Dutch words that say nothing on their own (from the snowball list, shortened). */
export const STOPWORDS = new Set(
	(
		'de en van het een in is dat op te die met voor zijn er aan niet om ook als bij of uit dan ' +
		'naar door over maar wat nog tot dit deze der des den ze zich hij zij wij we je u ik mij me ' +
		'hem haar hun ons onze uw mijn zo al was werd wordt worden kan kon zal zou moet heeft hebben ' +
		'heb had wel geen toch hoe wie waar waarom nu dus reeds iets niets want omdat tegen ' +
		'zonder men veel'
	).split(' ')
);

/**
 * Known parts of compound words in this field, folded: words from the reference themes, roles,
 * organisation types and event formats, and common words of regional economic policy. Editors'
 * synonyms add their words to this list (buildLexicon).
 */
export const BASE_PARTS: readonly string[] = // people and roles
	(
		'account accounts manager managers management medewerker medewerkers beleid adviseur ' +
		'adviseurs functionaris functionarissen contact contacten leider leiders bestuurder ' +
		'onderzoeker onderzoek coordinator coordinatie programma programmas project projecten ' +
		'ondernemer ondernemers ondernemen ondernemend ondernemerschap werkgever werkgevers ' +
		'werknemer werknemers starter starters team teams ' +
		// organisations and government
		'bedrijf bedrijven gemeente gemeenten provincie provincies rijk overheid overheden ' +
		'organisatie organisaties instelling instellingen kennis netwerk netwerken vereniging ' +
		'stichting ministerie dienst diensten loket kamer koophandel maatschappij ' +
		'ontwikkeling ontwikkelings uitvoering uitvoerings stad steden regio regios regionaal ' +
		'regionale land platform centrum ' +
		// economy and themes
		'economie economisch economische mkb midden klein groot ' +
		'ondersteuning steun hulp advies innovatie innovaties digitalisering digitaal ' +
		'internationalisering export handel verduurzaming duurzaamheid duurzaam circulair ' +
		'circulaire productiviteit financiering krediet subsidie subsidies fonds fondsen ' +
		'investering investeringen herstel crisis corona human capital arbeid arbeidsmarkt markt ' +
		'talent talenten scholing opleiding onderwijs vaardigheden energie transitie groei ' +
		'concurrentie kracht ecosysteem samenwerking samen werk werken werking agenda deal deals ' +
		'aanpak plan plannen praktijk voorbeeld voorbeelden resultaat resultaten les lessen ' +
		'uitdaging uitdagingen vraag vragen aanbod winkel winkels retail haven logistiek ' +
		'industrie maak zorg toerisme landbouw voedsel bouw techniek technologie data ' +
		'terrein terreinen vestiging acquisitie promotie marketing ' +
		// meetings and learning
		'bijeenkomst bijeenkomsten leer leren excursie webinar sessie sessies seminar ' +
		'congres conferentie werkplaats werksessie'
	).split(' ');

export interface SynonymVariant {
	/** The variant's words, stemmed whole (for recognising it in a query). */
	words: string[];
	/** Its index tokens in order (compounds as whole word then parts): a phrase to match. */
	tokens: string[];
	/** The folded word when the variant is one word (matched like a query word). */
	word: string | null;
}

export interface Lexicon {
	parts: Set<string>;
	partStems: Set<string>;
	/** Each set: variants that mean the same (mkb = midden- en kleinbedrijf). */
	synonyms: SynonymVariant[][];
	/** Remembered analyses of single words (bounded). */
	cache: Map<string, string[]>;
}

/** Lower-cases and removes accents: "Coöperatie" -> "cooperatie", "Fryslân" -> "fryslan". */
export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/æ/g, 'ae')
		.replace(/œ/g, 'oe')
		.replace(/ø/g, 'o')
		.replace(/ł/g, 'l')
		.replace(/đ/g, 'd');
}

export interface Word {
	/** Folded, [a-z0-9] only. */
	word: string;
	/** Where the word is in the original text. */
	start: number;
	end: number;
}

/** The words of a text with their places; "auto's" is one word, "mkb-ondersteuning" two. */
export function wordsOf(text: string): Word[] {
	const out: Word[] = [];
	for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
		const word = fold(match[0])
			.replace(/[^a-z0-9]/g, '')
			.slice(0, MAX_TOKEN_LENGTH);
		if (word) out.push({ word, start: match.index, end: match.index + match[0].length });
	}
	return out;
}

const stems = new Map<string, string>();

/** The Dutch snowball stem of a folded word (numbers and very short words stay as they are). */
export function stem(word: string): string {
	if (word.length < 3 || /\d/.test(word)) return word;
	let s = stems.get(word);
	if (s === undefined) {
		s = stemmer.stem(word);
		if (stems.size > 50_000) stems.clear();
		stems.set(word, s);
	}
	return s;
}

/**
 * The parts of a compound word from the dictionary, fewest parts first, with the Dutch linking
 * sounds allowed between parts and an inflected last part ("accountmanagers"); null when the
 * word is not a compound of known parts (or is a known word itself).
 */
export function decompose(word: string, lexicon: Lexicon): string[] | null {
	if (word.length < MIN_COMPOUND_LENGTH || /\d/.test(word)) return null;
	const known = (piece: string) => lexicon.parts.has(piece);
	const knownLast = (piece: string) => known(piece) || lexicon.partStems.has(stem(piece));
	if (knownLast(word)) return null;
	const n = word.length;
	const memo = new Map<number, string[] | null>();
	const segment = (i: number): string[] | null => {
		const remembered = memo.get(i);
		if (remembered !== undefined) return remembered;
		let best: string[] | null = null;
		for (let j = n; j >= i + MIN_PART_LENGTH; j--) {
			const piece = word.slice(i, j);
			if (j === n) {
				if (i > 0 && knownLast(piece)) best = [piece];
				continue;
			}
			if (!known(piece)) continue;
			for (const link of LINKS) {
				if (link && !word.startsWith(link, j)) continue;
				const k = j + link.length;
				if (n - k < MIN_PART_LENGTH) continue;
				const rest = segment(k);
				if (rest && (!best || rest.length + 1 < best.length)) best = [piece, ...rest];
			}
		}
		memo.set(i, best);
		return best;
	};
	const parts = segment(0);
	return parts && parts.length >= 2 ? parts : null;
}

/**
 * The index tokens of one folded word: none for a common word, its stem, and for a compound
 * its stem followed by the stems of its parts.
 */
export function wordTokens(word: string, lexicon: Lexicon): string[] {
	const cached = lexicon.cache.get(word);
	if (cached) return cached;
	let tokens: string[];
	if (STOPWORDS.has(word)) tokens = [];
	else {
		const whole = stem(word);
		const parts = decompose(word, lexicon);
		tokens = [whole];
		for (const part of parts ?? []) {
			const s = stem(part);
			if (!tokens.includes(s)) tokens.push(s);
		}
	}
	if (lexicon.cache.size > 50_000) lexicon.cache.clear();
	lexicon.cache.set(word, tokens);
	return tokens;
}

/** A text as index tokens, space-separated: what is stored and matched as exact tokens. */
export function analyse(text: string, lexicon: Lexicon): string {
	return wordsOf(text)
		.flatMap((w) => wordTokens(w.word, lexicon))
		.join(' ');
}

/**
 * The analyser's dictionary and synonyms. `synonymSets` are editors' sets of terms that mean the
 * same, as written ("mkb", "midden- en kleinbedrijf"); `knownWords` are texts of the field (the
 * reference themes, roles, organisation types). The words of both extend the known parts, except
 * words that are themselves compounds of known parts ("ondernemersecosysteem" stays splittable).
 */
export function buildLexicon(
	synonymSets: readonly (readonly string[])[] = [],
	knownWords: readonly string[] = []
): Lexicon {
	const base = new Set(BASE_PARTS);
	const probe: Lexicon = {
		parts: base,
		partStems: new Set([...base].map(stem)),
		synonyms: [],
		cache: new Map()
	};
	const parts = new Set(base);
	for (const text of [...knownWords, ...synonymSets.flat()]) {
		for (const w of wordsOf(text)) {
			if (w.word.length < MIN_PART_LENGTH || STOPWORDS.has(w.word) || /\d/.test(w.word)) continue;
			if (!decompose(w.word, probe)) parts.add(w.word);
		}
	}
	const lexicon: Lexicon = {
		parts,
		partStems: new Set([...parts].map(stem)),
		synonyms: [],
		cache: new Map()
	};
	for (const set of synonymSets) {
		const variants = set
			.map((term) => {
				const words = wordsOf(term).filter((w) => !STOPWORDS.has(w.word));
				return {
					words: words.map((w) => stem(w.word)),
					tokens: words.flatMap((w) => wordTokens(w.word, lexicon)),
					word: words.length === 1 ? words[0]!.word : null
				};
			})
			.filter((v) => v.words.length > 0);
		if (variants.length >= 2) lexicon.synonyms.push(variants);
	}
	return lexicon;
}

// ---------------------------------------------------------------------------------------------
// Queries

export type QueryNode =
	| { op: 'term'; token: string; prefix?: boolean }
	| { op: 'phrase'; tokens: string[] }
	| { op: 'and' | 'or'; nodes: QueryNode[] };

export type ParsedQuery =
	{ ok: true; clauses: QueryNode[] } | { ok: false; reason: 'empty' | 'too_long' };

const term = (token: string): QueryNode => ({ op: 'term', token });

function sequence(tokens: string[]): QueryNode {
	return tokens.length === 1 ? term(tokens[0]!) : { op: 'phrase', tokens };
}

/** One word of a query: its stem, or for a compound the whole word or all of its parts. */
function wordNode(word: string, lexicon: Lexicon): QueryNode | null {
	const tokens = wordTokens(word, lexicon);
	if (tokens.length === 0) return null;
	if (tokens.length === 1) return term(tokens[0]!);
	return { op: 'or', nodes: [term(tokens[0]!), { op: 'and', nodes: tokens.slice(1).map(term) }] };
}

/** A one-word variant as a query word (a compound also matches its parts), longer ones as phrase. */
function variantNode(variant: SynonymVariant, lexicon: Lexicon): QueryNode {
	return (variant.word && wordNode(variant.word, lexicon)) || sequence(variant.tokens);
}

const key = (node: QueryNode): string => JSON.stringify(node);

/**
 * The words of a plain (unquoted) part of a query, each through the analyser; where a run of
 * words is a synonym's variant, the clause is any of the set's variants instead.
 */
function plainClauses(text: string, lexicon: Lexicon): QueryNode[] {
	const words = wordsOf(text)
		.map((w) => w.word)
		.filter((w) => !STOPWORDS.has(w));
	const stemsOf = words.map(stem);
	const clauses: QueryNode[] = [];
	for (let i = 0; i < words.length;) {
		let found: { set: SynonymVariant[]; length: number } | null = null;
		for (const set of lexicon.synonyms) {
			for (const variant of set) {
				const len = variant.words.length;
				if (len <= (found?.length ?? 0) || i + len > words.length) continue;
				if (variant.words.every((s, k) => stemsOf[i + k] === s)) found = { set, length: len };
			}
		}
		if (found) {
			const seen = new Set<string>();
			const nodes: QueryNode[] = [];
			for (const variant of found.set) {
				const node = variantNode(variant, lexicon);
				if (!seen.has(key(node))) {
					seen.add(key(node));
					nodes.push(node);
				}
			}
			clauses.push(nodes.length === 1 ? nodes[0]! : { op: 'or', nodes });
			i += found.length;
		} else {
			const node = wordNode(words[i]!, lexicon);
			if (node) clauses.push(node);
			i += 1;
		}
	}
	return clauses;
}

/**
 * A query as the user typed it: words (each must be found, through the analyser, a synonym
 * counting as its word) and "quoted phrases" (found as that sequence). Everything else, such as
 * FTS operators, stars, colons and brackets, is only a separator.
 */
export function parseQuery(input: string, lexicon: Lexicon): ParsedQuery {
	if (input.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too_long' };
	const text = input.replace(/[„“”«»]/g, '"');
	const clauses: QueryNode[] = [];
	const pieces = text.split('"');
	pieces.forEach((piece, index) => {
		// Odd pieces are inside quotes, unless the last quote was never closed.
		const quoted = index % 2 === 1 && index < pieces.length - 1;
		if (quoted) {
			const tokens = wordsOf(piece).flatMap((w) => wordTokens(w.word, lexicon));
			if (tokens.length > 0) clauses.push(sequence(tokens));
		} else clauses.push(...plainClauses(piece, lexicon));
	});
	const unique = new Map(clauses.map((c) => [key(c), c]));
	if (unique.size === 0) return { ok: false, reason: 'empty' };
	return { ok: true, clauses: [...unique.values()].slice(0, MAX_QUERY_CLAUSES) };
}

/**
 * What someone has typed so far, for suggestions: the finished words as in a query, the last
 * (unfinished) word as a prefix of its folded form or of its stem.
 */
export function parsePrefixQuery(input: string, lexicon: Lexicon): ParsedQuery {
	if (input.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too_long' };
	const words = wordsOf(input.replace(/["„“”«»]/g, ' '));
	const last = words.at(-1);
	if (!last) return { ok: false, reason: 'empty' };
	const endsInWord = /[\p{L}\p{N}]$/u.test(input.trimEnd()) && input.trimEnd() === input;
	const head = endsInWord ? input.slice(0, last.start) : input;
	const clauses = plainClauses(head, lexicon);
	if (endsInWord && last.word.length >= 2) {
		// The stem of the finished word may be shorter than what is typed ("midd" -> "mid" of
		// "midden"): the typed word less its last two letters also counts, with at least three.
		const cut = last.word.slice(0, Math.max(3, last.word.length - 2));
		const prefixes = [...new Set([stem(last.word), cut])].filter(
			(p, _, all) => !all.some((o) => o !== p && p.startsWith(o))
		);
		clauses.push(
			prefixes.length === 1
				? { op: 'term', token: prefixes[0]!, prefix: true }
				: { op: 'or', nodes: prefixes.map((token) => ({ op: 'term', token, prefix: true })) }
		);
	}
	if (clauses.length === 0) return { ok: false, reason: 'empty' };
	return { ok: true, clauses: clauses.slice(0, MAX_QUERY_CLAUSES) };
}

// ---------------------------------------------------------------------------------------------
// Compiling to the two full-text syntaxes (tokens are [a-z0-9] only, so nothing needs escaping)

function fts5Node(node: QueryNode): string {
	switch (node.op) {
		case 'term':
			return `"${node.token}"${node.prefix ? '*' : ''}`;
		case 'phrase':
			return `"${node.tokens.join(' ')}"`;
		case 'and':
		case 'or':
			return `(${node.nodes.map(fts5Node).join(node.op === 'and' ? ' AND ' : ' OR ')})`;
	}
}

/** The FTS5 MATCH expression: all clauses; `column` limits it to one column (suggestions). */
export function toFts5(clauses: QueryNode[], column?: string): string {
	const expr = clauses.map(fts5Node).join(' AND ');
	return column ? `${column} : (${expr})` : expr;
}

function tsNode(node: QueryNode, weight: string): string {
	switch (node.op) {
		case 'term':
			return `${node.token}${node.prefix || weight ? ':' : ''}${node.prefix ? '*' : ''}${weight}`;
		case 'phrase':
			return `(${node.tokens.map((t) => `${t}${weight ? ':' + weight : ''}`).join(' <-> ')})`;
		case 'and':
		case 'or':
			return `(${node.nodes.map((n) => tsNode(n, weight)).join(node.op === 'and' ? ' & ' : ' | ')})`;
	}
}

/** The to_tsquery('simple', ...) text; `weight` 'A' limits it to the title (suggestions). */
export function toTsquery(clauses: QueryNode[], weight: '' | 'A' = ''): string {
	return clauses.map((c) => tsNode(c, weight)).join(' & ');
}

// ---------------------------------------------------------------------------------------------
// Matching analysed text in memory (ranking on the capped candidates, highlighting)

/** Whether an analysed token list satisfies a node (the same semantics as the index). */
export function matches(node: QueryNode, tokens: readonly string[]): boolean {
	switch (node.op) {
		case 'term':
			return node.prefix
				? tokens.some((t) => t.startsWith(node.token))
				: tokens.includes(node.token);
		case 'phrase':
			for (let i = 0; i + node.tokens.length <= tokens.length; i++) {
				if (node.tokens.every((t, k) => tokens[i + k] === t)) return true;
			}
			return false;
		case 'and':
			return node.nodes.every((n) => matches(n, tokens));
		case 'or':
			return node.nodes.some((n) => matches(n, tokens));
	}
}

/** Every token a query looks for, to highlight in what it found (prefixes end in '*'). */
export function queryTokens(clauses: QueryNode[]): Set<string> {
	const out = new Set<string>();
	const walk = (node: QueryNode) => {
		if (node.op === 'term') out.add(node.prefix ? `${node.token}*` : node.token);
		else if (node.op === 'phrase') node.tokens.forEach((t) => out.add(t));
		else node.nodes.forEach(walk);
	};
	clauses.forEach(walk);
	return out;
}

export interface Segment {
	text: string;
	mark: boolean;
}

function isHit(word: string, wanted: Set<string>, lexicon: Lexicon): boolean {
	for (const token of wordTokens(word, lexicon)) {
		if (wanted.has(token)) return true;
		for (const w of wanted) if (w.endsWith('*') && token.startsWith(w.slice(0, -1))) return true;
	}
	return false;
}

function segments(
	text: string,
	words: Word[],
	hits: boolean[],
	from: number,
	to: number
): Segment[] {
	const out: Segment[] = [];
	let at = from;
	words.forEach((w, i) => {
		if (!hits[i] || w.start < from || w.end > to) return;
		if (w.start > at) out.push({ text: text.slice(at, w.start), mark: false });
		out.push({ text: text.slice(w.start, w.end), mark: true });
		at = w.end;
	});
	if (at < to) out.push({ text: text.slice(at, to), mark: false });
	return out;
}

/** A whole text (a title) in segments, the words the query found marked. */
export function highlight(text: string, wanted: Set<string>, lexicon: Lexicon): Segment[] {
	const words = wordsOf(text);
	const hits = words.map((w) => isHit(w.word, wanted, lexicon));
	return segments(text, words, hits, 0, text.length);
}

/**
 * A window of about `size` words of a text around the first word the query found, in
 * segments with those words marked, and '…' where it was cut.
 */
export function snippet(text: string, wanted: Set<string>, lexicon: Lexicon, size = 32): Segment[] {
	const words = wordsOf(text);
	if (words.length === 0) return [];
	const hits = words.map((w) => isHit(w.word, wanted, lexicon));
	const first = Math.max(0, hits.indexOf(true));
	const startWord = Math.max(0, Math.min(first - 8, words.length - size));
	const endWord = Math.min(words.length, startWord + size);
	const from = startWord === 0 ? 0 : words[startWord]!.start;
	const to = endWord === words.length ? text.length : words[endWord - 1]!.end;
	const out = segments(text, words, hits, from, to);
	if (startWord > 0) out.unshift({ text: '… ', mark: false });
	if (endWord < words.length) out.push({ text: ' …', mark: false });
	return out;
}

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Segments as HTML: the text escaped first, then found words wrapped in <mark>. */
export function segmentsToHtml(parts: Segment[]): string {
	return parts
		.map((p) => {
			const escaped = p.text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
			return p.mark ? `<mark>${escaped}</mark>` : escaped;
		})
		.join('');
}
