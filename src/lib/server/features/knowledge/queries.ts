import {
	type Expression,
	type ExpressionBuilder,
	type Selectable,
	type SqlBool,
	sql
} from 'kysely';
import type { DB } from '../../db';
import type { KnowledgeItemTable } from '../../db/tables/knowledge';
import { visibleTo as networkVisibleTo } from '../networks/queries';
import type { Viewer } from '../viewer';
import { parseContent } from './content';
import { can, isCurator, type KnowledgeSubject } from './policy';
import { KINDS, LIBRARY_PAGE_SIZE, type LibraryFilters, type LibrarySort } from './schema';
import { type WordMatch, wordMatchIds } from '../search/queries';
import { versionedCache } from '../../platform/versioned-cache';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEB = ExpressionBuilder<any, any>;

/**
 * Which knowledge items a viewer may see, as a where-clause (the rule of policy.ts, in SQL).
 * `table` is the alias of knowledge_items in the query. Without `includeDrafts` (lists, search,
 * feeds, related items) only published items count; with it (an item's own page, "my drafts")
 * also the drafts the viewer may see: their own, or all of them for editors.
 *
 * Search reuses this: `.where(knowledgeVisibleTo(viewer, { table: 'k' }))`.
 */
export function knowledgeVisibleTo(
	viewer: Viewer,
	options: { table?: string; includeDrafts?: boolean } = {}
) {
	const t = options.table ?? 'knowledge_items';
	const ref = (column: string) => sql.ref(`${t}.${column}`);
	return (eb: AnyEB): Expression<SqlBool> => {
		const published = eb(ref('status'), '=', 'published');
		if (viewer.kind !== 'member') {
			return eb.and([published, eb(ref('visibility'), '=', 'public')]);
		}
		if (isCurator(viewer)) {
			return options.includeDrafts ? sql<SqlBool>`1 = 1` : published;
		}
		const readable = eb.or([
			eb(ref('visibility'), 'in', ['public', 'members']),
			eb.and([
				eb(ref('visibility'), '=', 'network'),
				eb(
					ref('network_id'),
					'in',
					eb
						.selectFrom('network_members')
						.select('network_members.network_id')
						.where('network_members.user_id', '=', viewer.userId)
						.where('network_members.status', '=', 'active')
				)
			])
		]);
		const authored = eb(
			ref('id'),
			'in',
			eb
				.selectFrom('knowledge_item_authors')
				.select('knowledge_item_authors.item_id')
				.where('knowledge_item_authors.user_id', '=', viewer.userId)
		);
		return options.includeDrafts
			? eb.or([eb.and([published, readable]), authored])
			: eb.and([published, eb.or([readable, authored])]);
	};
}

type FacetName = 'kind' | 'theme' | 'province' | 'organisationType' | 'year';

/**
 * What every member who is active in exactly `networks` and wrote exactly the published
 * network items `elsewhere` (of networks they are not in) may see in the library: the same as
 * knowledgeVisibleTo for each of them, but written with these lists, so that counts remembered
 * for the class are the class's own, whatever changes meanwhile for one of its members.
 */
interface MemberClass {
	kind: 'class';
	networks: string[];
	elsewhere: string[];
}

function classVisible(c: MemberClass) {
	return (eb: AnyEB): Expression<SqlBool> =>
		eb.and([
			eb('k.status', '=', 'published'),
			eb.or([
				eb('k.visibility', 'in', ['public', 'members']),
				...(c.networks.length
					? [eb.and([eb('k.visibility', '=', 'network'), eb('k.network_id', 'in', c.networks)])]
					: []),
				...(c.elsewhere.length ? [eb('k.id', 'in', c.elsewhere)] : [])
			])
		]);
}

/** The library's filters (all but `except`) and visibility, on knowledge_items as k. */
function libraryClause(
	who: Viewer | MemberClass,
	f: LibraryFilters,
	words: WordMatch | null,
	except?: FacetName
) {
	return (eb: AnyEB): Expression<SqlBool> => {
		const parts: Expression<SqlBool>[] = [
			who.kind === 'class' ? classVisible(who)(eb) : knowledgeVisibleTo(who, { table: 'k' })(eb)
		];
		// The words go through the search's analyser and index (stems, compounds, synonyms).
		if (words) parts.push(eb('k.id', 'in', words));
		if (f.kind && except !== 'kind') parts.push(eb('k.kind', '=', f.kind));
		if (f.year && except !== 'year') parts.push(eb('k.year', '=', f.year));
		if (f.theme && except !== 'theme') {
			parts.push(
				eb(
					'k.id',
					'in',
					eb.selectFrom('knowledge_item_themes').select('item_id').where('theme_id', '=', f.theme)
				)
			);
		}
		if (f.province && except !== 'province') {
			parts.push(
				eb(
					'k.id',
					'in',
					eb
						.selectFrom('knowledge_item_provinces')
						.select('item_id')
						.where('province_code', '=', f.province)
				)
			);
		}
		if (f.organisationType && except !== 'organisationType') {
			parts.push(
				eb(
					'k.id',
					'in',
					eb
						.selectFrom('knowledge_item_organisations as kio')
						.innerJoin('organisations as o', 'o.id', 'kio.organisation_id')
						.select('kio.item_id')
						.where('o.type_id', '=', f.organisationType)
				)
			);
		}
		return eb.and(parts);
	};
}

export interface FacetOption {
	value: string;
	label: string;
	count: number;
	selected: boolean;
}

const SUMMARY_COLUMNS = [
	'k.id',
	'k.slug',
	'k.kind',
	'k.status',
	'k.visibility',
	'k.title',
	'k.summary',
	'k.published_at',
	'k.updated_at',
	'k.useful_count',
	'k.view_count',
	'k.cover_image'
] as const;

type SummaryColumn = (typeof SUMMARY_COLUMNS)[number] extends `k.${infer C}` ? C : never;

/** Themes and provinces of some items, by item id. */
async function tagsOf(db: DB, ids: string[]) {
	if (ids.length === 0) return { themes: new Map(), provinces: new Map() };
	const [themes, provinces] = await Promise.all([
		db
			.selectFrom('knowledge_item_themes as kt')
			.innerJoin('themes', 'themes.id', 'kt.theme_id')
			.select(['kt.item_id', 'themes.id', 'themes.name'])
			.where('kt.item_id', 'in', ids)
			.orderBy('themes.position')
			.execute(),
		db
			.selectFrom('knowledge_item_provinces as kp')
			.innerJoin('provinces', 'provinces.code', 'kp.province_code')
			.select(['kp.item_id', 'provinces.code', 'provinces.name'])
			.where('kp.item_id', 'in', ids)
			.orderBy('provinces.name')
			.execute()
	]);
	const group = <T extends { item_id: string }>(rows: T[]) => {
		const map = new Map<string, Omit<T, 'item_id'>[]>();
		for (const { item_id, ...rest } of rows) {
			const list = map.get(item_id) ?? [];
			list.push(rest);
			map.set(item_id, list);
		}
		return map;
	};
	return { themes: group(themes), provinces: group(provinces) };
}

async function withTags<T extends { id: string }>(db: DB, rows: T[]) {
	const tags = await tagsOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		...r,
		themes: (tags.themes.get(r.id) ?? []) as { id: string; name: string }[],
		provinces: (tags.provinces.get(r.id) ?? []) as { code: string; name: string }[]
	}));
}

/** The facet counts and total of the library under some filters, as the database answers them. */
async function countLibrary(
	db: DB,
	who: Viewer | MemberClass,
	f: LibraryFilters,
	words: WordMatch | null
) {
	// One row per item and value (an item has each theme and province once), so a plain count is
	// the number of items; two organisations of one type would count an item twice, so that
	// facet counts distinct items.
	const count = (eb: AnyEB) => eb.fn.countAll().as('n');
	const countItems = (eb: AnyEB) => eb.fn.count(sql.ref('k.id')).distinct().as('n');
	const counted = (rows: { value: string | number | null; n: unknown }[]) =>
		rows.map((r) => ({ value: String(r.value), n: Number(r.n) }));
	const [totalRow, kinds, themes, provinces, types, years] = await Promise.all([
		db
			.selectFrom('knowledge_items as k')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(libraryClause(who, f, words))
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('knowledge_items as k')
			.select(['k.kind as value', (eb) => count(eb)])
			.where(libraryClause(who, f, words, 'kind'))
			.groupBy('k.kind')
			.execute(),
		db
			.selectFrom('knowledge_items as k')
			.innerJoin('knowledge_item_themes as ft', 'ft.item_id', 'k.id')
			.select(['ft.theme_id as value', (eb) => count(eb)])
			.where(libraryClause(who, f, words, 'theme'))
			.groupBy('ft.theme_id')
			.execute(),
		db
			.selectFrom('knowledge_items as k')
			.innerJoin('knowledge_item_provinces as fp', 'fp.item_id', 'k.id')
			.select(['fp.province_code as value', (eb) => count(eb)])
			.where(libraryClause(who, f, words, 'province'))
			.groupBy('fp.province_code')
			.execute(),
		db
			.selectFrom('knowledge_items as k')
			.innerJoin('knowledge_item_organisations as fo', 'fo.item_id', 'k.id')
			.innerJoin('organisations as o', 'o.id', 'fo.organisation_id')
			.select(['o.type_id as value', (eb) => countItems(eb)])
			.where(libraryClause(who, f, words, 'organisationType'))
			.groupBy('o.type_id')
			.execute(),
		db
			.selectFrom('knowledge_items as k')
			.select(['k.year as value', (eb) => count(eb)])
			.where(libraryClause(who, f, words, 'year'))
			.where('k.year', 'is not', null)
			.groupBy('k.year')
			.execute()
	]);
	return {
		total: Number(totalRow.n),
		kinds: counted(kinds),
		themes: counted(themes),
		provinces: counted(provinces),
		types: counted(types),
		years: counted(years)
	};
}

type LibraryCounts = Awaited<ReturnType<typeof countLibrary>>;

/**
 * Each process remembers the counts (and the ids of newest-first pages) per kind of viewer and
 * filters, under the version the database bumps with every knowledge write that could change
 * them (migration 2026_11_29_2300_library_speed). A few hundred filter states cover what people
 * click; the least used are forgotten first.
 */
const countsCache = versionedCache<LibraryCounts>({ max: 500 });
const newestPagesCache = versionedCache<string[]>({ max: 1000 });

/** A member's published items of other kinds than public and members', by version. */
const writtenCache = versionedCache<{ id: string; network_id: string | null }[]>({ max: 2000 });

/**
 * Who a viewer sees as, for remembering: visitors all see the public items, editors and admins
 * all published ones; a member sees the public and members' items, those of the networks they
 * are active in, and the ones they wrote in networks they are not (or no longer) in. Two viewers
 * with the same key see exactly the same items. The networks are read at each request; what a
 * member wrote only changes with the version.
 */
async function seenAs(
	db: DB,
	viewer: Viewer,
	version: number
): Promise<{ key: string; who: Viewer | MemberClass }> {
	if (viewer.kind !== 'member') return { key: 'visitor', who: viewer };
	if (isCurator(viewer)) return { key: 'curator', who: viewer };
	const [networks, written] = await Promise.all([
		db
			.selectFrom('network_members')
			.select('network_id')
			.where('user_id', '=', viewer.userId)
			.where('status', '=', 'active')
			.execute(),
		writtenCache.get(db, version, viewer.userId, async () => {
			// Filtered here rather than in SQL, so that the query starts from the member's items.
			const rows = await db
				.selectFrom('knowledge_item_authors as a')
				.innerJoin('knowledge_items as k', 'k.id', 'a.item_id')
				.select(['k.id', 'k.status', 'k.visibility', 'k.network_id'])
				.where('a.user_id', '=', viewer.userId)
				.execute();
			return rows
				.filter(
					(r) => r.status === 'published' && r.visibility !== 'public' && r.visibility !== 'members'
				)
				.map((r) => ({ id: r.id, network_id: r.network_id }));
		})
	]);
	const mine = new Set(networks.map((n) => n.network_id));
	const who: MemberClass = {
		kind: 'class',
		networks: [...mine].sort(),
		elsewhere: written
			.filter((w) => w.network_id === null || !mine.has(w.network_id))
			.map((w) => w.id)
			.sort()
	};
	return { key: `member ${who.networks.join(',')} ${who.elsewhere.join(',')}`, who };
}

/** The version of the library's counts and order (null when there is none: do not remember). */
async function libraryVersion(db: DB): Promise<number | null> {
	const row = await db
		.selectFrom('knowledge_library_version')
		.select('version')
		.where('id', '=', 1)
		.executeTakeFirst();
	return row ? Number(row.version) : null;
}

/**
 * The library: the published items the viewer may see, filtered (filters combine), sorted and a
 * page at a time, with every facet's options counted under the other filters.
 */
export async function listLibrary(
	db: DB,
	input: {
		viewer: Viewer;
		filters: LibraryFilters;
		sort: LibrarySort;
		page: number;
		pageSize?: number;
	}
) {
	const { viewer, filters: f } = input;
	const pageSize = input.pageSize ?? LIBRARY_PAGE_SIZE;
	// A query of only punctuation or operators holds no words: it filters nothing.
	const words = f.q ? await wordMatchIds(db, 'knowledge', f.q) : null;
	// Words make too many filter states to remember; without them the counts depend only on who
	// looks and the filters. The version is read before anything else (versioned-cache.ts), and
	// what is remembered is computed for the class of viewer, not for this one.
	const version = words ? null : await libraryVersion(db);
	const seen = version === null ? null : await seenAs(db, viewer, version);
	const who = seen?.who ?? viewer;
	const key =
		seen && JSON.stringify([seen.key, f.kind, f.theme, f.province, f.organisationType, f.year]);

	const [counts, themeNames, provinceNames, typeNames] = await Promise.all([
		version !== null && key
			? countsCache.get(db, version, key, () => countLibrary(db, who, f, words))
			: countLibrary(db, who, f, words),
		db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('provinces').select(['code as id', 'name']).orderBy('name').execute(),
		db.selectFrom('organisation_types').select(['id', 'name']).orderBy('position').execute()
	]);

	const total = counts.total;
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pageCount);

	const pageQuery = () => {
		let query = db.selectFrom('knowledge_items as k').where(libraryClause(who, f, words));
		if (input.sort === 'useful') query = query.orderBy('k.useful_count', 'desc');
		if (input.sort === 'viewed') query = query.orderBy('k.view_count', 'desc');
		return query
			.orderBy('k.published_at', 'desc')
			.orderBy('k.id')
			.limit(pageSize)
			.offset((page - 1) * pageSize);
	};
	let rows;
	if (version !== null && key && input.sort === 'newest') {
		// Newest first changes only with a write that bumps the version, so which items are on a
		// page is remembered too; the items themselves (titles, votes, views) are read fresh, and
		// still only as far as the viewer may see them.
		const ids = await newestPagesCache.get(db, version, `${key} ${page} ${pageSize}`, async () =>
			(await pageQuery().select('k.id').execute()).map((r) => r.id)
		);
		// The limit keeps the database from merging the two (SQLite would then look for visible
		// items first and for these ids among them): fetch these rows by id, then check them.
		const found =
			ids.length === 0
				? []
				: await db
						.selectFrom((sub) =>
							sub
								.selectFrom('knowledge_items')
								.select([...SUMMARY_COLUMNS.map((c) => c.slice(2) as SummaryColumn), 'network_id'])
								.where('id', 'in', ids)
								.limit(ids.length)
								.as('k')
						)
						.select([...SUMMARY_COLUMNS])
						.where(knowledgeVisibleTo(viewer, { table: 'k' }))
						.execute();
		const byId = new Map(found.map((r) => [r.id, r]));
		rows = ids.flatMap((id) => byId.get(id) ?? []);
	} else {
		rows = await pageQuery()
			.select([...SUMMARY_COLUMNS])
			.execute();
	}

	const options = (
		list: { value: string; n: number }[],
		names: { id: string; name: string }[],
		selected: string | null
	): FacetOption[] => {
		const counted = new Map(list.map((r) => [r.value, r.n]));
		return names
			.filter((o) => counted.has(o.id) || o.id === selected)
			.map((o) => ({
				value: o.id,
				label: o.name,
				count: counted.get(o.id) ?? 0,
				selected: o.id === selected
			}));
	};
	const yearNames = [
		...new Set([...counts.years.map((y) => y.value), ...(f.year ? [String(f.year)] : [])])
	]
		.sort()
		.reverse()
		.map((y) => ({ id: y, name: y }));

	return {
		rows: await withTags(db, rows),
		total,
		page,
		pageCount,
		facets: {
			kind: options(
				counts.kinds,
				KINDS.map((k) => ({ id: k, name: k })),
				f.kind
			),
			theme: options(counts.themes, themeNames, f.theme),
			province: options(counts.provinces, provinceNames, f.province),
			organisationType: options(counts.types, typeNames, f.organisationType),
			year: options(counts.years, yearNames, f.year ? String(f.year) : null)
		}
	};
}

export type LibraryResult = Awaited<ReturnType<typeof listLibrary>>;
export type KnowledgeSummaryRow = LibraryResult['rows'][number];

/** The viewer's relation to one item: what policy.ts needs. */
async function subjectFor(
	db: DB,
	item: Pick<
		Selectable<KnowledgeItemTable>,
		'id' | 'kind' | 'status' | 'visibility' | 'network_id'
	>,
	viewer: Viewer
): Promise<KnowledgeSubject> {
	const base = {
		kind: item.kind,
		status: item.status,
		visibility: item.visibility
	};
	if (viewer.kind !== 'member') {
		return { ...base, inNetwork: false, isAuthor: false, sameOrganisation: false };
	}
	const [authors, membership, me] = await Promise.all([
		db
			.selectFrom('knowledge_item_authors as a')
			.innerJoin('users as u', 'u.id', 'a.user_id')
			.select(['a.user_id', 'u.organisation_id'])
			.where('a.item_id', '=', item.id)
			.execute(),
		item.network_id
			? db
					.selectFrom('network_members')
					.select('network_id')
					.where('network_id', '=', item.network_id)
					.where('user_id', '=', viewer.userId)
					.where('status', '=', 'active')
					.executeTakeFirst()
			: undefined,
		db
			.selectFrom('users')
			.select('organisation_id')
			.where('id', '=', viewer.userId)
			.executeTakeFirst()
	]);
	const myOrganisation = me?.organisation_id ?? null;
	return {
		...base,
		inNetwork: membership !== undefined,
		isAuthor: authors.some((a) => a.user_id === viewer.userId),
		sameOrganisation:
			myOrganisation !== null && authors.some((a) => a.organisation_id === myOrganisation)
	};
}

/**
 * One item by its slug as the viewer may see it (drafts to their authors and editors), with the
 * policy subject. Undefined when there is none or the viewer may not see it: routes answer 404.
 */
export async function itemForViewer(db: DB, slug: string, viewer: Viewer) {
	const item = await db
		.selectFrom('knowledge_items')
		.selectAll()
		.where('slug', '=', slug)
		.executeTakeFirst();
	if (!item) return undefined;
	const subject = await subjectFor(db, item, viewer);
	if (!can(viewer, 'see', subject)) return undefined;
	return { item: { ...item, featured: Boolean(item.featured) }, subject };
}

export type ItemForViewer = NonNullable<Awaited<ReturnType<typeof itemForViewer>>>;

/** Everything the item's page shows around the item itself. */
export async function itemDetails(db: DB, item: ItemForViewer['item'], viewer: Viewer) {
	const [
		themes,
		provinces,
		organisations,
		authors,
		contact,
		network,
		comments,
		adoptions,
		related,
		vote
	] = await Promise.all([
		db
			.selectFrom('knowledge_item_themes as kt')
			.innerJoin('themes', 'themes.id', 'kt.theme_id')
			.select(['themes.id', 'themes.name'])
			.where('kt.item_id', '=', item.id)
			.orderBy('themes.position')
			.execute(),
		db
			.selectFrom('knowledge_item_provinces as kp')
			.innerJoin('provinces', 'provinces.code', 'kp.province_code')
			.select(['provinces.code', 'provinces.name'])
			.where('kp.item_id', '=', item.id)
			.orderBy('provinces.name')
			.execute(),
		db
			.selectFrom('knowledge_item_organisations as ko')
			.innerJoin('organisations as o', 'o.id', 'ko.organisation_id')
			.innerJoin('organisation_types as ot', 'ot.id', 'o.type_id')
			.select(['o.id', 'o.slug', 'o.name', 'ot.name as type'])
			.where('ko.item_id', '=', item.id)
			.orderBy('o.name')
			.execute(),
		db
			.selectFrom('knowledge_item_authors as a')
			.innerJoin('users as u', 'u.id', 'a.user_id')
			.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
			.select(['u.id', 'u.name', 'u.email', 'o.name as organisation'])
			.where('a.item_id', '=', item.id)
			.orderBy('a.position')
			.orderBy('u.name')
			.execute(),
		item.contact_id
			? db
					.selectFrom('users as u')
					.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
					.select(['u.id', 'u.name', 'u.email', 'u.job_title', 'o.name as organisation'])
					.where('u.id', '=', item.contact_id)
					.where('u.status', '=', 'active')
					.executeTakeFirst()
			: undefined,
		item.network_id
			? db
					.selectFrom('networks')
					.select(['id', 'slug', 'name'])
					.where('id', '=', item.network_id)
					.where(networkVisibleTo(viewer))
					.executeTakeFirst()
			: undefined,
		db
			.selectFrom('knowledge_comments as c')
			.leftJoin('users as u', 'u.id', 'c.author_id')
			.select(['c.id', 'c.body_html', 'c.created_at', 'u.id as author_id', 'u.name as author_name'])
			.where('c.item_id', '=', item.id)
			.where('c.deleted_at', 'is', null)
			.orderBy('c.created_at')
			.orderBy('c.id')
			.execute(),
		db
			.selectFrom('knowledge_adoptions as ad')
			.leftJoin('organisations as o', 'o.id', 'ad.organisation_id')
			.leftJoin('provinces as p', 'p.code', 'ad.province_code')
			.leftJoin('users as u', 'u.id', 'ad.user_id')
			.select([
				'ad.id',
				'ad.note',
				'ad.created_at',
				'ad.user_id',
				'u.name as member_name',
				'o.name as organisation',
				'p.code as province_code',
				'p.name as province'
			])
			.where('ad.item_id', '=', item.id)
			.orderBy('ad.created_at')
			.execute(),
		relatedFor(db, item.id, viewer),
		viewer.kind === 'member'
			? db
					.selectFrom('knowledge_votes')
					.select('user_id')
					.where('item_id', '=', item.id)
					.where('user_id', '=', viewer.userId)
					.executeTakeFirst()
			: undefined
	]);
	return {
		themes,
		provinces,
		organisations,
		authors,
		contact: contact ?? null,
		network: network ?? null,
		comments,
		adoptions,
		related,
		voted: vote !== undefined
	};
}

/** Up to five related items the viewer may see, best first (stored on write). */
export async function relatedFor(db: DB, itemId: string, viewer: Viewer, limit = 5) {
	return db
		.selectFrom('knowledge_related as r')
		.innerJoin('knowledge_items as k', 'k.id', 'r.related_id')
		.select(['k.id', 'k.slug', 'k.title', 'k.kind', 'k.summary'])
		.where('r.item_id', '=', itemId)
		.where(knowledgeVisibleTo(viewer, { table: 'k' }))
		.orderBy('r.score', 'desc')
		.orderBy('k.id')
		.limit(limit)
		.execute();
}

/** Drafts the viewer may work on: their own, or every draft for editors. Newest first. */
export async function draftsFor(db: DB, viewer: Viewer) {
	if (viewer.kind !== 'member') return [];
	let query = db
		.selectFrom('knowledge_items as k')
		.select(['k.id', 'k.slug', 'k.title', 'k.kind', 'k.updated_at'])
		.where('k.status', '=', 'draft');
	if (!isCurator(viewer)) {
		query = query.where(
			'k.id',
			'in',
			db.selectFrom('knowledge_item_authors').select('item_id').where('user_id', '=', viewer.userId)
		);
	}
	return query.orderBy('k.updated_at', 'desc').limit(50).execute();
}

/** An item's revisions, newest first, with who saved each. */
export async function revisionsOf(db: DB, itemId: string) {
	return db
		.selectFrom('knowledge_revisions as r')
		.leftJoin('users as u', 'u.id', 'r.editor_id')
		.select(['r.number', 'r.action', 'r.restored_from', 'r.created_at', 'u.name as editor_name'])
		.where('r.item_id', '=', itemId)
		.orderBy('r.number', 'desc')
		.execute();
}

/** One revision's content. */
export async function revisionContent(db: DB, itemId: string, number: number) {
	const row = await db
		.selectFrom('knowledge_revisions')
		.select(['number', 'content', 'created_at'])
		.where('item_id', '=', itemId)
		.where('number', '=', number)
		.executeTakeFirst();
	return row
		? { number: row.number, createdAt: row.created_at, content: parseContent(row.content) }
		: undefined;
}

/** Names for the ids in revisions (themes, provinces, organisations, members), for the diff. */
export async function namesForContent(db: DB) {
	const [themes, provinces, organisations] = await Promise.all([
		db.selectFrom('themes').select(['id', 'name']).execute(),
		db.selectFrom('provinces').select(['code as id', 'name']).execute(),
		db.selectFrom('organisations').select(['id', 'name']).execute()
	]);
	return {
		themes: new Map(themes.map((t) => [t.id, t.name])),
		provinces: new Map(provinces.map((p) => [p.id, p.name])),
		organisations: new Map(organisations.map((o) => [o.id, o.name]))
	};
}

export async function memberNames(db: DB, ids: string[]) {
	if (ids.length === 0) return new Map<string, string>();
	const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Public, published items for the RSS feed, newest first. */
export async function feedItems(db: DB, limit = 50) {
	return db
		.selectFrom('knowledge_items as k')
		.select(['k.slug', 'k.title', 'k.summary', 'k.kind', 'k.published_at', 'k.updated_at'])
		.where(knowledgeVisibleTo({ kind: 'visitor' }, { table: 'k' }))
		.orderBy('k.published_at', 'desc')
		.orderBy('k.id')
		.limit(limit)
		.execute();
}

/** The items editors featured, newest feature first, as far as the viewer may see them. */
export async function featuredItems(db: DB, viewer: Viewer, limit = 3) {
	const rows = await db
		.selectFrom('knowledge_items as k')
		.select([...SUMMARY_COLUMNS])
		.where('k.featured', '=', true)
		.where(knowledgeVisibleTo(viewer, { table: 'k' }))
		.orderBy('k.featured_at', 'desc')
		.limit(limit)
		.execute();
	return withTags(db, rows);
}

/** A theme's page: the theme, its newest knowledge, networks and members, as the viewer may see. */
export async function themeOverview(db: DB, themeId: string, viewer: Viewer) {
	const theme = await db
		.selectFrom('themes')
		.select(['id', 'name'])
		.where('id', '=', themeId)
		.executeTakeFirst();
	if (!theme) return undefined;
	const [knowledge, networks, members] = await Promise.all([
		listLibrary(db, {
			viewer,
			filters: {
				q: '',
				kind: null,
				theme: theme.id,
				province: null,
				organisationType: null,
				year: null
			},
			sort: 'newest',
			page: 1,
			pageSize: 12
		}),
		db
			.selectFrom('networks')
			.innerJoin('network_themes', 'network_themes.network_id', 'networks.id')
			.select(['networks.slug', 'networks.name', 'networks.summary'])
			.where('network_themes.theme_id', '=', theme.id)
			.where(networkVisibleTo(viewer))
			.orderBy('networks.position')
			.orderBy('networks.name')
			.execute(),
		// Members are for members: visitors see none.
		viewer.kind === 'member'
			? db
					.selectFrom('user_themes as ut')
					.innerJoin('users as u', 'u.id', 'ut.user_id')
					.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
					.select(['u.id', 'u.name', 'o.name as organisation'])
					.where('ut.theme_id', '=', theme.id)
					.where('u.status', '=', 'active')
					.orderBy('u.name')
					.limit(24)
					.execute()
			: []
	]);
	return { theme, knowledge, networks, members };
}

/** Reference lists for the authoring form. */
export async function formOptions(db: DB, viewer: Viewer) {
	const [themes, provinces, organisations, networks] = await Promise.all([
		db.selectFrom('themes').select(['id', 'name']).orderBy('position').execute(),
		db.selectFrom('provinces').select(['code', 'name']).orderBy('name').execute(),
		db.selectFrom('organisations').select(['slug', 'name']).orderBy('name').execute(),
		// A network-only item goes to a network the writer belongs to (editors: any).
		viewer.kind !== 'member'
			? []
			: isCurator(viewer)
				? db.selectFrom('networks').select(['slug', 'name']).orderBy('name').execute()
				: db
						.selectFrom('networks')
						.innerJoin('network_members as nm', 'nm.network_id', 'networks.id')
						.select(['networks.slug', 'networks.name'])
						.where('nm.user_id', '=', viewer.userId)
						.where('nm.status', '=', 'active')
						.orderBy('networks.name')
						.execute()
	]);
	return { themes, provinces, organisations, networks };
}

/** Whether a member may share in a network (active member; editors anywhere). */
export async function maySeeNetwork(db: DB, viewer: Viewer, networkSlug: string) {
	if (viewer.kind !== 'member') return false;
	if (isCurator(viewer)) return true;
	const row = await db
		.selectFrom('networks')
		.innerJoin('network_members as nm', 'nm.network_id', 'networks.id')
		.select('networks.id')
		.where('networks.slug', '=', networkSlug)
		.where('nm.user_id', '=', viewer.userId)
		.where('nm.status', '=', 'active')
		.executeTakeFirst();
	return row !== undefined;
}

/** The current content of an item, as a revision would store it. */
export async function currentContent(db: DB, itemId: string) {
	const row = await db
		.selectFrom('knowledge_revisions')
		.select('content')
		.where('item_id', '=', itemId)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? parseContent(row.content) : undefined;
}

/** An item's content turned back into the form's values (ids to slugs and e-mail addresses). */
export async function formValuesOf(db: DB, itemId: string) {
	const content = await currentContent(db, itemId);
	if (!content) return undefined;
	const [orgs, people, network] = await Promise.all([
		content.organisations.length
			? db
					.selectFrom('organisations')
					.select(['id', 'slug'])
					.where('id', 'in', content.organisations)
					.execute()
			: [],
		db
			.selectFrom('users')
			.select(['id', 'email'])
			.where('id', 'in', [...content.authors, content.contactId ?? ''])
			.execute(),
		content.networkId
			? db
					.selectFrom('networks')
					.select('slug')
					.where('id', '=', content.networkId)
					.executeTakeFirst()
			: undefined
	]);
	const email = new Map(people.map((p) => [p.id, p.email]));
	return {
		kind: content.kind,
		title: content.title,
		summary: content.summary,
		body: content.body,
		challenge: content.challenge,
		approach: content.approach,
		result: content.result,
		lessons: content.lessons,
		costs: content.costs,
		mkbSegment: content.mkbSegment,
		period: content.period,
		contact: content.contactId ? (email.get(content.contactId) ?? '') : '',
		// The first author is the writer; the others are co-authors.
		coAuthors: content.authors
			.slice(1)
			.map((id) => email.get(id))
			.filter((e): e is string => !!e),
		themes: content.themes,
		provinces: content.provinces,
		organisations: orgs.map((o) => o.slug),
		visibility: content.visibility,
		network: network?.slug ?? ''
	};
}

/**
 * A member's latest published items that they wrote or co-wrote, newest first, as far as the
 * viewer may see them (knowledgeVisibleTo): for the member's profile. Starts from the member's
 * rows in knowledge_item_authors (knowledge_item_authors_user_idx), so it reads only their items
 * and sorts those few. The cross join is what keeps SQLite to that order: with an inner join it
 * walks every published item newest first (knowledge_items_library_idx, no sort) looking for the
 * member's, all of them for a member who wrote nothing. PostgreSQL plans it as the inner join.
 */
export async function itemsByAuthor(db: DB, authorId: string, viewer: Viewer, limit = 5) {
	const rows = await db
		.selectFrom('knowledge_item_authors as ka')
		.crossJoin('knowledge_items as k')
		.whereRef('k.id', '=', 'ka.item_id')
		.select(['k.id', 'k.slug', 'k.title', 'k.kind', 'k.published_at'])
		.where('ka.user_id', '=', authorId)
		.where(knowledgeVisibleTo(viewer, { table: 'k' }))
		.orderBy('k.published_at', 'desc')
		.orderBy('k.id')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		kind: r.kind,
		publishedAt: r.published_at,
		url: `/kennis/${r.slug}`
	}));
}

export type AuthoredItem = Awaited<ReturnType<typeof itemsByAuthor>>[number];
