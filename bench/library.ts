import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DB } from '../src/lib/server/db';
import type { Database } from '../src/lib/server/db/schema';
import { reindexAll } from '../src/lib/server/features/search/mutations';
import { loadLexicon, search } from '../src/lib/server/features/search/queries';
import type { Viewer } from '../src/lib/server/features/viewer';
import { random } from './dataset';

// The knowledge library's share of the benchmark: many knowledge items (100,000 by default) over
// all kinds, themes, provinces and years, and the search index over them and over everything
// else the data set holds (members, organisations, networks, 200,000 replies). Items are written
// straight into the tables; the index is built by the app's own reindexAll.

export interface LibraryDataset {
	/** A published public item whose page the item scenario asks for. */
	itemSlug: string;
	/** The library's two facets for the library scenario. */
	theme: string;
	province: string;
	/** Search queries: a rare word, a common word and two words together. */
	queries: { rare: string; common: string; twoWords: string };
	/** How long building the search index over everything took, in seconds. */
	indexSeconds: number;
	documents: number;
}

const OPENINGS = [
	'Aanpak voor',
	'Lessen uit',
	'Zo werkt',
	'Ervaringen met',
	'Wat werkt bij',
	'Resultaten van',
	'Een jaar',
	'Samen aan de slag met'
];
const TOPICS = [
	'regionaal accountmanagement',
	'circulaire bedrijventerreinen',
	'digitalisering van het mkb',
	'ondernemersloketten',
	'innovatievouchers',
	'arbeidsmarktregio’s',
	'verduurzaming van winkelstraten',
	'bedrijfsbezoeken',
	'financiering voor starters',
	'internationaal ondernemen',
	'herstel na de coronacrisis',
	'human capital-agenda’s',
	'productiviteit in de maakindustrie',
	'samenwerking tussen gemeenten'
];
/** Words that only a few items carry (the rare query). */
const RARE = ['glastuinbouw', 'scheepsbouw', 'kringloopwinkels', 'bollenteelt', 'binnenvaart'];
const PLACES = [
	'Twente',
	'de Achterhoek',
	'Zuid-Limburg',
	'Noord-Groningen',
	'West-Brabant',
	'de Drechtsteden',
	'Flevoland',
	'de Kop van Noord-Holland',
	'Zeeuws-Vlaanderen',
	'Midden-Utrecht'
];
const SENTENCES = [
	'Ondernemers vonden de weg naar de gemeente sneller dankzij één vast aanspreekpunt.',
	'De regionale samenwerking tussen gemeenten en provincie maakte het verschil.',
	'In het eerste jaar bezochten accountmanagers ruim tweehonderd bedrijven.',
	'Het mkb in de regio kreeg hulp bij het vinden van vakmensen.',
	'De provincie betaalde de helft, de gemeenten en de ondernemersvereniging de rest.',
	'Een les: begin klein, met een handvol bedrijven die willen meedenken.',
	'De Kamer van Koophandel deelde haar cijfers over starters en doorgroeiers.',
	'We meten het resultaat aan het aantal ondernemers dat een vervolgstap zette.',
	'Circulaire economie bleek voor veel kleine bedrijven een kans om kosten te besparen.',
	'Digitale vaardigheden van personeel waren de grootste drempel.'
];
const KINDS = ['practice_example', 'insight', 'publication', 'report'] as const;

const CHUNK = 400;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Adds `items` published knowledge items and builds the search index over everything. */
export async function generateLibrary(
	db: DB,
	size: { items: number; authors: { id: string }[] }
): Promise<LibraryDataset> {
	const next = random(20261130);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const [themes, provinces, organisations] = await Promise.all([
		db.selectFrom('themes').select('id').execute(),
		db.selectFrom('provinces').select('code').execute(),
		db.selectFrom('organisations').select('id').limit(2000).execute()
	]);

	const start = Date.UTC(2018, 0, 1);
	const span = Date.UTC(2026, 10, 1) - start;
	let firstPublic: string | undefined;
	for (let from = 0; from < size.items; from += 5000) {
		const items: Insertable<Database['knowledge_items']>[] = [];
		const itemThemes: Insertable<Database['knowledge_item_themes']>[] = [];
		const itemProvinces: Insertable<Database['knowledge_item_provinces']>[] = [];
		const itemOrganisations: Insertable<Database['knowledge_item_organisations']>[] = [];
		const authors: Insertable<Database['knowledge_item_authors']>[] = [];
		for (let i = from; i < Math.min(size.items, from + 5000); i++) {
			const id = randomUUID();
			const rare = i % 997 === 0 ? ` in de ${pick(RARE)}` : '';
			const title = `${pick(OPENINGS)} ${pick(TOPICS)}${rare} in ${pick(PLACES)}`;
			const body = [pick(SENTENCES), pick(SENTENCES), pick(SENTENCES), pick(SENTENCES)].join(' ');
			const publishedAt = new Date(start + Math.floor(next() * span));
			const visibility = next() < 0.9 ? 'public' : 'members';
			const slug = `bench-kennis-${i}`;
			if (!firstPublic && visibility === 'public') firstPublic = slug;
			items.push({
				id,
				slug,
				kind: pick(KINDS),
				status: 'published',
				visibility,
				title,
				summary: pick(SENTENCES),
				body,
				body_html: `<p>${body}</p>`,
				year: publishedAt.getUTCFullYear(),
				published_at: publishedAt.toISOString(),
				created_at: publishedAt.toISOString(),
				updated_at: publishedAt.toISOString(),
				view_count: Math.floor(next() * 500),
				useful_count: Math.floor(next() * 30)
			});
			for (const theme of new Set([pick(themes).id, pick(themes).id])) {
				itemThemes.push({ item_id: id, theme_id: theme });
			}
			itemProvinces.push({ item_id: id, province_code: pick(provinces).code });
			if (organisations.length && next() < 0.5) {
				itemOrganisations.push({ item_id: id, organisation_id: pick(organisations).id });
			}
			if (size.authors.length) authors.push({ item_id: id, user_id: pick(size.authors).id });
		}
		await db.transaction().execute(async (trx) => {
			await insertChunked(items, (c) => trx.insertInto('knowledge_items').values(c).execute());
			await insertChunked(itemThemes, (c) =>
				trx.insertInto('knowledge_item_themes').values(c).execute()
			);
			await insertChunked(itemProvinces, (c) =>
				trx.insertInto('knowledge_item_provinces').values(c).execute()
			);
			await insertChunked(itemOrganisations, (c) =>
				trx.insertInto('knowledge_item_organisations').values(c).execute()
			);
			await insertChunked(authors, (c) =>
				trx.insertInto('knowledge_item_authors').values(c).execute()
			);
		});
	}

	const started = performance.now();
	const { documents } = await reindexAll(db);
	const indexSeconds = (performance.now() - started) / 1000;
	return {
		itemSlug: firstPublic ?? 'bench-kennis-0',
		theme: themes[0]!.id,
		province: provinces[0]!.code,
		queries: { rare: 'glastuinbouw', common: 'ondernemers', twoWords: 'regionale samenwerking' },
		indexSeconds,
		documents
	};
}

export interface SearchTiming {
	query: string;
	label: string;
	results: number;
	p50Ms: number;
	p95Ms: number;
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Times the search itself (the query in the database and the ranking of its capped
 * candidates, without HTTP) for each query, as a member would search.
 */
export async function timeSearches(
	db: DB,
	viewer: Viewer,
	queries: LibraryDataset['queries'],
	rounds = 200
): Promise<SearchTiming[]> {
	await loadLexicon(db);
	const timings: SearchTiming[] = [];
	for (const [label, query] of Object.entries(queries)) {
		const samples: number[] = [];
		let results = 0;
		for (let i = 0; i < rounds + 20; i++) {
			const started = performance.now();
			const result = await search(db, { viewer, query });
			const ms = performance.now() - started;
			if (i >= 20) samples.push(ms);
			if (result.ok) results = result.total;
		}
		samples.sort((a, b) => a - b);
		timings.push({
			query,
			label,
			results,
			p50Ms: percentile(samples, 50),
			p95Ms: percentile(samples, 95)
		});
	}
	return timings;
}
