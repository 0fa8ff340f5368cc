import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db';
import reference from '../../db/nl-reference.json' with { type: 'json' };
import { dialectOf } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { SearchKind } from '../../db/tables/search';
import type { Viewer } from '../viewer';
import {
	buildLexicon,
	highlight,
	type Lexicon,
	matches,
	parsePrefixQuery,
	parseQuery,
	type QueryNode,
	queryTokens,
	type Segment,
	snippet,
	toFts5,
	toTsquery
} from './analyser';

/** The kinds in the order results and facets show them. */
export const SEARCH_KINDS: readonly SearchKind[] = [
	'knowledge',
	'discussion',
	'event',
	'programme',
	'network',
	'organisation',
	'member'
];

/**
 * At most this many matching documents are ranked per search (the most recently indexed when
 * more match); facet counts are counted over them too, and say "capped" when there were more.
 */
export const CANDIDATE_CAP = 500;
export const SEARCH_PAGE_SIZE = 10;

/** Editors' synonym sets, as written. */
export async function listSynonymSets(db: DB) {
	const rows = await db
		.selectFrom('search_synonyms as s')
		.leftJoin('users as u', 'u.id', 's.created_by')
		.select(['s.id', 's.terms', 's.created_at', 'u.name as created_by_name'])
		.orderBy('s.created_at')
		.orderBy('s.id')
		.execute();
	return rows.map((r) => ({ ...r, terms: parseTerms(r.terms) }));
}

function parseTerms(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
	} catch {
		return [];
	}
}

/** Words of the field from the reference facts: known parts of compounds (see buildLexicon). */
const REFERENCE_WORDS: readonly string[] = [
	...reference.themes,
	...reference.roles_in_the_field,
	...reference.organisation_types,
	...reference.event_formats.map((f) => f.name)
];

let remembered: { key: string; lexicon: Lexicon } | null = null;

/**
 * The analyser's dictionary and synonyms as editors keep them now: the small synonyms table is
 * read every time; the lexicon built from it is reused while the table says the same.
 */
export async function loadLexicon(db: DB): Promise<Lexicon> {
	const rows = await db.selectFrom('search_synonyms').select('terms').orderBy('id').execute();
	const key = JSON.stringify(rows.map((r) => r.terms));
	if (remembered?.key !== key) {
		remembered = {
			key,
			lexicon: buildLexicon(
				rows.map((r) => parseTerms(r.terms)),
				REFERENCE_WORDS
			)
		};
	}
	return remembered.lexicon;
}

/**
 * Who may see a document, in SQL (the alias is `d`): public documents to everyone; members'
 * documents to active members; a network's inside to members when the network is public or
 * members-only, to its own active members when private; everything to admins.
 */
export function visibleDocuments(viewer: Viewer) {
	return (eb: ExpressionBuilder<Database & { d: Database['search_documents'] }, 'd'>) => {
		if (viewer.kind === 'visitor') return eb('d.visibility', '=', 'public');
		if (viewer.role === 'admin') return eb.lit(true);
		return eb.or([
			eb('d.visibility', 'in', ['public', 'members']),
			eb.and([
				eb('d.visibility', '=', 'network'),
				eb.or([
					eb('d.network_visibility', 'in', ['public', 'members']),
					eb(
						'd.network_id',
						'in',
						eb
							.selectFrom('network_members as vm')
							.select('vm.network_id')
							.where('vm.user_id', '=', viewer.userId)
							.where('vm.status', '=', 'active')
					)
				])
			])
		]);
	};
}

interface Candidate {
	id: number;
	kind: SearchKind;
	ref_id: string;
	title_tokens: string;
	updated_at: string;
}

/**
 * The query for the documents matching `clauses` that the viewer may see, the most recently
 * indexed first, at most
 * `cap`: the full-text match on FTS5 or on the tsvector's GIN index, visibility in the same SQL.
 * On SQLite the FTS5 table drives the join in rowid order, so it stops at the cap. Filters other
 * than visibility (such as the kind) stay out of the match.
 */
export function candidateQuery(
	db: DB,
	viewer: Viewer,
	clauses: QueryNode[],
	options: { cap: number; titleOnly?: boolean }
) {
	const base = db
		.selectFrom('search_documents as d')
		.select(['d.id', 'd.kind', 'd.ref_id', 'd.title_tokens', 'd.updated_at'])
		.where(visibleDocuments(viewer))
		.limit(options.cap);
	if (dialectOf(db) === 'postgres') {
		const tsquery = toTsquery(clauses, options.titleOnly ? 'A' : '');
		return base
			.where(sql<boolean>`d.tsv @@ to_tsquery('simple', ${tsquery})`)
			.orderBy('d.id', 'desc');
	}
	const match = toFts5(clauses, options.titleOnly ? 'title_tokens' : undefined);
	return base
		.innerJoin(sql`search_fts`.as('search_fts'), (join) =>
			join.on(sql<boolean>`search_fts.rowid = d.id`)
		)
		.where(sql<boolean>`search_fts match ${match}`)
		.orderBy(sql`search_fts.rowid`, 'desc');
}

/**
 * The `ref_id`s of one kind's documents that hold every word of a query, as a subquery: for a
 * feature's own list that searches words with the same analyser and index (the library's `q`),
 * keeping its own visibility, filters and order. Null when the query holds no words to search.
 */
export async function wordMatchIds(db: DB, kind: SearchKind, query: string) {
	const parsed = parseQuery(query, await loadLexicon(db));
	if (!parsed.ok) return null;
	const base = db.selectFrom('search_documents as d').select('d.ref_id').where('d.kind', '=', kind);
	if (dialectOf(db) === 'postgres') {
		return base.where(
			sql<boolean>`d.tsv @@ to_tsquery('simple', ${toTsquery(parsed.clauses, '')})`
		);
	}
	return base
		.innerJoin(sql`search_fts`.as('search_fts'), (join) =>
			join.on(sql<boolean>`search_fts.rowid = d.id`)
		)
		.where(sql<boolean>`search_fts match ${toFts5(parsed.clauses)}`);
}

export type WordMatch = NonNullable<Awaited<ReturnType<typeof wordMatchIds>>>;

async function candidates(
	db: DB,
	viewer: Viewer,
	clauses: QueryNode[],
	options: { cap: number; titleOnly?: boolean }
): Promise<Candidate[]> {
	const rows = await candidateQuery(db, viewer, clauses, options).execute();
	return rows.map((r) => ({ ...r, id: Number(r.id), updated_at: String(r.updated_at) }));
}

export type SearchProblem = 'empty' | 'too_long';

export interface SearchHit {
	kind: SearchKind;
	refId: string;
	/** A reply (its title is its thread's). */
	isReply: boolean;
	url: string;
	title: Segment[];
	snippet: Segment[];
}

export type SearchResult =
	| { ok: false; reason: SearchProblem }
	| {
			ok: true;
			hits: SearchHit[];
			/** With `perKind` and no kind: the best hits of each kind, in the facets' order. */
			groups: { kind: SearchKind; hits: SearchHit[] }[];
			/** Per kind: how many the viewer may see (over the ranked candidates). */
			facets: { kind: SearchKind; count: number }[];
			/** How many in the chosen kind (or all). */
			total: number;
			/** More matched than were ranked. */
			capped: boolean;
			page: number;
			pageCount: number;
	  };

/** How well a candidate answers: the query's clauses found in its title, then the most recently changed. */
function rank(clauses: QueryNode[], rows: Candidate[]): Candidate[] {
	const scored = rows.map((row) => {
		const title = row.title_tokens ? row.title_tokens.split(' ') : [];
		const inTitle = clauses.filter((c) => matches(c, title)).length;
		return { row, score: inTitle };
	});
	scored.sort(
		(a, b) =>
			b.score - a.score ||
			(a.row.updated_at < b.row.updated_at ? 1 : a.row.updated_at > b.row.updated_at ? -1 : 0) ||
			// Then a fixed order, the same after a reindex and on both dialects.
			(a.row.kind < b.row.kind ? -1 : a.row.kind > b.row.kind ? 1 : 0) ||
			(a.row.ref_id < b.row.ref_id ? -1 : a.row.ref_id > b.row.ref_id ? 1 : 0)
	);
	return scored.map((s) => s.row);
}

/**
 * Searches everything the viewer may see: one query over all kinds, ranked (words in the title
 * first, then the newest), with per-kind facet counts, a page of hits with the words found
 * marked in the title and a snippet. A query that is too long or holds no words is a reason.
 */
export async function search(
	db: DB,
	input: {
		viewer: Viewer;
		query: string;
		kind?: SearchKind | null;
		page?: number;
		pageSize?: number;
		perKind?: number;
	}
): Promise<SearchResult> {
	const lexicon = await loadLexicon(db);
	const parsed = parseQuery(input.query, lexicon);
	if (!parsed.ok) return parsed;
	const pageSize = input.pageSize ?? SEARCH_PAGE_SIZE;

	const found = await candidates(db, input.viewer, parsed.clauses, { cap: CANDIDATE_CAP + 1 });
	const capped = found.length > CANDIDATE_CAP;
	const ranked = rank(parsed.clauses, found.slice(0, CANDIDATE_CAP));
	const counts = new Map<SearchKind, number>();
	for (const row of ranked) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
	const facets = SEARCH_KINDS.filter((k) => counts.has(k)).map((kind) => ({
		kind,
		count: counts.get(kind)!
	}));

	const chosen = input.kind ? ranked.filter((r) => r.kind === input.kind) : ranked;
	const pageCount = Math.max(1, Math.ceil(chosen.length / pageSize));
	const page = Math.min(Math.max(1, Math.floor(input.page ?? 1) || 1), pageCount);
	const pageIds = chosen.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id);
	// The overview: the best few of each kind.
	const groupIds =
		input.perKind && !input.kind
			? facets.map(({ kind }) => ({
					kind,
					ids: ranked
						.filter((r) => r.kind === kind)
						.slice(0, input.perKind)
						.map((r) => r.id)
				}))
			: [];
	const allIds = [...new Set([...pageIds, ...groupIds.flatMap((g) => g.ids)])];
	const docs =
		allIds.length === 0
			? []
			: await db
					.selectFrom('search_documents')
					.select(['id', 'kind', 'ref_id', 'parent_id', 'title', 'body', 'url'])
					.where('id', 'in', allIds)
					.execute();
	const byId = new Map(docs.map((d) => [Number(d.id), d]));
	const wanted = queryTokens(parsed.clauses);
	const hitsOf = (ids: number[]): SearchHit[] =>
		ids.flatMap((id) => {
			const d = byId.get(id);
			if (!d) return [];
			return [
				{
					kind: d.kind,
					refId: d.ref_id,
					isReply: d.parent_id !== null,
					url: d.url,
					title: highlight(d.title, wanted, lexicon),
					snippet: snippet(d.body, wanted, lexicon)
				}
			];
		});
	const hits = hitsOf(pageIds);
	const groups = groupIds.map((g) => ({ kind: g.kind, hits: hitsOf(g.ids) }));
	return { ok: true, hits, groups, facets, total: chosen.length, capped, page, pageCount };
}

export interface Suggestion {
	kind: SearchKind;
	title: string;
	url: string;
}

/**
 * Titles for what someone is typing: documents the viewer may see whose title holds the words
 * typed so far, the last one as a prefix. Threads and replies share a title: one per url path.
 */
export async function suggest(
	db: DB,
	input: { viewer: Viewer; query: string; limit?: number }
): Promise<Suggestion[]> {
	const lexicon = await loadLexicon(db);
	const parsed = parsePrefixQuery(input.query, lexicon);
	if (!parsed.ok) return [];
	const limit = input.limit ?? 8;
	const found = await candidates(db, input.viewer, parsed.clauses, { cap: 200, titleOnly: true });
	const ranked = rank(parsed.clauses, found).slice(0, limit);
	if (ranked.length === 0) return [];
	const docs = await db
		.selectFrom('search_documents')
		.select(['id', 'kind', 'title', 'url'])
		.where(
			'id',
			'in',
			ranked.map((r) => r.id)
		)
		.execute();
	const byId = new Map(docs.map((d) => [Number(d.id), d]));
	return ranked.flatMap((r) => {
		const d = byId.get(r.id);
		return d ? [{ kind: d.kind, title: d.title, url: d.url }] : [];
	});
}
