import { can as canInNetwork } from '../networks/policy';
import type { Viewer } from '../viewer';
import {
	DIRECTORY_PAGE_SIZE,
	type DirectoryRequest,
	type DirectorySort,
	FILTERS,
	type FilterName
} from './schema';
import {
	keywords,
	MAX_COUNTED,
	MAX_SUGGESTIONS,
	type Named,
	POINTS,
	type Scored,
	scoreCandidate,
	type SuggestionCandidate,
	type SuggestionSubject,
	topics,
	wordsMatch
} from './suggestions';

/**
 * The member directory's index: every active member with what the directory filters, searches
 * and sorts on, built from the database by queries.ts (loadDirectoryData) and kept per process
 * by index-cache.ts. Pure: no database here.
 *
 * Why an index and not SQL: a directory page answers the members that match, how many, and for
 * each of six filters how many members each option would give (counted with the other filters
 * and the free text applied). In SQL that is eight queries, each a scan of tens of thousands of
 * rows with joins; here it is one pass over arrays of small numbers. The order is the same on
 * SQLite and PostgreSQL (no database collation is involved), and private networks stay private:
 * a network counts and filters only for a viewer who may see it (networks/policy.ts), as
 * everywhere else.
 */

export interface DirectoryData {
	members: {
		id: string;
		name: string;
		job_title: string | null;
		organisation_id: string | null;
		province_code: string | null;
		field_role_id: string | null;
		last_active_at: string | null;
		ask_me_about: string | null;
		looking_for: string | null;
	}[];
	memberThemes: { user_id: string; theme_id: string }[];
	/** Active memberships only. */
	memberships: { network_id: string; user_id: string; role: 'member' | 'coordinator' }[];
	organisations: { id: string; slug: string; name: string; type_id: string }[];
	provinces: { code: string; name: string }[];
	organisationTypes: Named[];
	themes: Named[];
	roles: Named[];
	networks: {
		id: string;
		slug: string;
		name: string;
		visibility: 'public' | 'members' | 'private';
		join_policy: 'open' | 'request' | 'invitation';
	}[];
}

/** Members' values as small numbers: a position in the list the filter offers, -1 for none. */
interface Columns {
	province: Int16Array;
	organisationType: Int16Array;
	organisation: Int32Array;
	role: Int16Array;
	/** Themes and networks per member: member i's are list[start[i] .. start[i + 1]). */
	themeStart: Int32Array;
	themeList: Int16Array;
	networkStart: Int32Array;
	networkList: Int16Array;
}

export interface DirectoryIndex {
	/** Increases with every build: caches of answers compare it. */
	version: number;
	builtAt: number;
	size: number;
	ids: string[];
	names: string[];
	lastActiveAt: (string | null)[];
	askMeAbout: (string | null)[];
	lookingFor: (string | null)[];
	/** The words of each topic of each member's "vraag me over" (suggestions.ts topics). */
	askTopicWords: string[][][];
	/** Name, job title, organisation, themes and "vraag me over", in lower case. */
	text: string[];
	columns: Columns;
	/** Positions by name (Dutch alphabetical order, then id). */
	byName: Int32Array;
	/** Organisations (their positions in lists.organisations) by name. */
	organisationOrder: Int32Array;
	/** Positions by last activity, most recent first, never active last, then by name. */
	byActivity: Int32Array;
	/** Each position's rank by last activity, then id: the tie-break of suggestions.ts. */
	suggestRank: Int32Array;
	position: Map<string, number>;
	lists: Omit<DirectoryData, 'members' | 'memberThemes' | 'memberships'>;
	organisationBySlug: Map<string, number>;
	/** networkId -> userId -> role, active memberships only. */
	membership: Map<string, Map<string, 'member' | 'coordinator'>>;
	/** Every word in someone's "vraag me over" -> the positions of those members. */
	askWords: Map<string, number[]>;
	/** Answers of "Wie deed dit al?" for this version, by member id. */
	suggestionCache: Map<string, Scored[]>;
	/** For recently searched words: which positions' text contains them (1) or not (0). */
	wordCache: Map<string, Uint8Array>;
	/** Recent answers of searchDirectoryIndex for this version, by request and visible networks. */
	answerCache: Map<string, DirectoryAnswer>;
}

/** How many searched words each index remembers the matches of. */
const WORD_CACHE_SIZE = 256;
/** How many answers each index remembers (the directory's first page, a popular filter…). */
const ANSWER_CACHE_SIZE = 256;

/**
 * The positions whose text contains `word`, remembered per index (so until the next build) for
 * the most recently searched words: paging through a search or changing its filters then scans
 * no text again.
 */
function withWord(index: DirectoryIndex, word: string): Uint8Array {
	let matches = index.wordCache.get(word);
	if (matches) {
		index.wordCache.delete(word);
	} else {
		matches = new Uint8Array(index.size);
		for (let i = 0; i < index.size; i++) if (index.text[i]!.includes(word)) matches[i] = 1;
		if (index.wordCache.size >= WORD_CACHE_SIZE) {
			index.wordCache.delete(index.wordCache.keys().next().value!);
		}
	}
	index.wordCache.set(word, matches);
	return matches;
}

let builds = 0;

/** A sort key for names as Dutch readers expect: no case, no accents, numbers by value. */
function nameKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildDirectoryIndex(data: DirectoryData, now = Date.now()): DirectoryIndex {
	const size = data.members.length;
	const at = <T>(list: T[], key: (item: T) => string) =>
		new Map(list.map((item, i) => [key(item), i]));
	const provinceAt = at(data.provinces, (p) => p.code);
	const typeAt = at(data.organisationTypes, (t) => t.id);
	const organisationAt = at(data.organisations, (o) => o.id);
	const roleAt = at(data.roles, (r) => r.id);
	const themeAt = at(data.themes, (t) => t.id);
	const networkAt = at(data.networks, (n) => n.id);
	const position = new Map(data.members.map((m, i) => [m.id, i]));

	const themesOf: number[][] = Array.from({ length: size }, () => []);
	for (const row of data.memberThemes) {
		const i = position.get(row.user_id);
		const t = themeAt.get(row.theme_id);
		if (i !== undefined && t !== undefined) themesOf[i]!.push(t);
	}
	const networksOf: number[][] = Array.from({ length: size }, () => []);
	const membership = new Map<string, Map<string, 'member' | 'coordinator'>>();
	for (const row of data.memberships) {
		const i = position.get(row.user_id);
		const n = networkAt.get(row.network_id);
		if (i !== undefined && n !== undefined) networksOf[i]!.push(n);
		const members = membership.get(row.network_id) ?? new Map();
		members.set(row.user_id, row.role);
		membership.set(row.network_id, members);
	}
	const packed = (lists: number[][]) => {
		const start = new Int32Array(size + 1);
		lists.forEach((list, i) => (start[i + 1] = start[i]! + list.length));
		const flat = new Int16Array(start[size]!);
		lists.forEach((list, i) =>
			flat.set(
				list.sort((a, b) => a - b),
				start[i]!
			)
		);
		return { start, flat };
	};
	const themes = packed(themesOf);
	const networks = packed(networksOf);

	const columns: Columns = {
		province: new Int16Array(size),
		organisationType: new Int16Array(size),
		organisation: new Int32Array(size),
		role: new Int16Array(size),
		themeStart: themes.start,
		themeList: themes.flat,
		networkStart: networks.start,
		networkList: networks.flat
	};
	const askWords = new Map<string, number[]>();
	const askTopicWords: string[][][] = [];
	const text: string[] = [];
	data.members.forEach((m, i) => {
		const organisation = m.organisation_id ? organisationAt.get(m.organisation_id) : undefined;
		const org = organisation === undefined ? undefined : data.organisations[organisation];
		columns.province[i] = provinceAt.get(m.province_code ?? '') ?? -1;
		columns.organisation[i] = organisation ?? -1;
		columns.organisationType[i] = (org && typeAt.get(org.type_id)) ?? -1;
		columns.role[i] = roleAt.get(m.field_role_id ?? '') ?? -1;
		const topicWords = topics(m.ask_me_about).map((topic) => keywords(topic));
		askTopicWords.push(topicWords);
		for (const word of new Set(topicWords.flat())) {
			const list = askWords.get(word) ?? [];
			list.push(i);
			askWords.set(word, list);
		}
		text.push(
			[
				m.name,
				m.job_title ?? '',
				org?.name ?? '',
				...themesOf[i]!.map((t) => data.themes[t]!.name),
				m.ask_me_about ?? ''
			]
				.join('\n')
				.toLowerCase()
		);
	});

	const ids = data.members.map((m) => m.id);
	const keys = data.members.map((m) => nameKey(m.name));
	const byName = Int32Array.from(ids.keys()).sort(
		(a, b) => byText(keys[a]!, keys[b]!) || byText(ids[a]!, ids[b]!)
	);
	const nameRank = new Int32Array(size);
	byName.forEach((p, rank) => (nameRank[p] = rank));
	const lastActiveAt = data.members.map((m) => m.last_active_at);
	const recentFirst = (a: number, b: number) => {
		const x = lastActiveAt[a] ?? '';
		const y = lastActiveAt[b] ?? '';
		return x === y ? 0 : x < y ? 1 : -1;
	};
	const byActivity = Int32Array.from(ids.keys()).sort(
		(a, b) => recentFirst(a, b) || nameRank[a]! - nameRank[b]!
	);
	const suggestRank = new Int32Array(size);
	Int32Array.from(ids.keys())
		.sort((a, b) => recentFirst(a, b) || byText(ids[a]!, ids[b]!))
		.forEach((p, rank) => (suggestRank[p] = rank));

	const organisationKeys = data.organisations.map((o) => nameKey(o.name));
	const organisationOrder = Int32Array.from(data.organisations.keys()).sort((a, b) =>
		byText(organisationKeys[a]!, organisationKeys[b]!)
	);

	return {
		version: ++builds,
		builtAt: now,
		size,
		organisationOrder,
		ids,
		names: data.members.map((m) => m.name),
		lastActiveAt,
		askMeAbout: data.members.map((m) => m.ask_me_about),
		lookingFor: data.members.map((m) => m.looking_for),
		askTopicWords,
		text,
		columns,
		byName,
		byActivity,
		suggestRank,
		position,
		lists: {
			organisations: data.organisations,
			provinces: data.provinces,
			organisationTypes: data.organisationTypes,
			themes: data.themes,
			roles: data.roles,
			networks: data.networks
		},
		organisationBySlug: at(data.organisations, (o) => o.slug),
		membership,
		askWords,
		suggestionCache: new Map(),
		wordCache: new Map(),
		answerCache: new Map()
	};
}

/** Whether the viewer may see a network (networks/policy.ts), from the index's memberships. */
function maySee(index: DirectoryIndex, viewer: Viewer, network: DirectoryData['networks'][number]) {
	const role =
		viewer.kind === 'member' ? index.membership.get(network.id)?.get(viewer.userId) : undefined;
	return canInNetwork(viewer, 'see', {
		visibility: network.visibility,
		joinPolicy: network.join_policy,
		membership: role ? { role, status: 'active' } : null
	});
}

export interface FacetOption {
	value: string;
	label: string;
	count: number;
	selected: boolean;
}

export interface DirectoryAnswer {
	total: number;
	page: number;
	pageCount: number;
	/** The ids of this page's members, in order. */
	ids: string[];
	facets: Record<FilterName, FacetOption[]>;
	/** The value each filter filters on (as the URL has it), null when none or unknown. */
	values: Record<FilterName, string | null>;
	/** Filters asked for with a value that does not exist or the viewer may not see. */
	unknown: FilterName[];
	sort: DirectorySort;
}

/**
 * Answers a directory request: the members matching every filter and every word of the free
 * text (each word in the name, job title, organisation, a theme or "vraag me over"), and for each
 * filter how many members each of its options would give with the other filters and the free
 * text as they are. A page past the end gives the last page.
 */
export function searchDirectoryIndex(
	index: DirectoryIndex,
	request: DirectoryRequest,
	viewer: Viewer,
	pageSize = DIRECTORY_PAGE_SIZE
): DirectoryAnswer {
	// The answer depends on the index (this version), the request and which networks the viewer
	// may see, nothing else: the same question is answered from memory until the next build.
	const visible = index.lists.networks.map((n) => maySee(index, viewer, n));
	const key = JSON.stringify([
		request.q,
		request.filters,
		request.sort,
		request.page,
		pageSize,
		visible
	]);
	const cached = index.answerCache.get(key);
	if (cached) {
		index.answerCache.delete(key);
		index.answerCache.set(key, cached);
		return cached;
	}
	const answer = answerDirectory(index, request, visible, pageSize);
	if (index.answerCache.size >= ANSWER_CACHE_SIZE) {
		index.answerCache.delete(index.answerCache.keys().next().value!);
	}
	index.answerCache.set(key, answer);
	return answer;
}

function answerDirectory(
	index: DirectoryIndex,
	request: DirectoryRequest,
	visible: boolean[],
	pageSize: number
): DirectoryAnswer {
	const lists = index.lists;
	const f = request.filters;
	const find = <T>(list: T[], test: (item: T) => boolean) => list.findIndex(test);
	const wanted: Record<FilterName, number> = {
		province: find(lists.provinces, (p) => p.code === f.province),
		organisationType: find(lists.organisationTypes, (t) => t.id === f.organisationType),
		organisation: f.organisation ? (index.organisationBySlug.get(f.organisation) ?? -1) : -1,
		theme: find(lists.themes, (t) => t.id === f.theme),
		role: find(lists.roles, (r) => r.id === f.role),
		network: lists.networks.findIndex((n, i) => n.slug === f.network && visible[i]!)
	};
	const unknown = FILTERS.filter((name) => f[name] !== null && wanted[name] < 0);
	const words = request.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
	const wordMatches = words.map((word) => withWord(index, word));

	const c = index.columns;
	const counts = [
		new Int32Array(lists.provinces.length),
		new Int32Array(lists.organisationTypes.length),
		new Int32Array(lists.organisations.length),
		new Int32Array(lists.themes.length),
		new Int32Array(lists.roles.length),
		new Int32Array(lists.networks.length)
	] as const;
	const [byProvince, byType, byOrganisation, byTheme, byRole, byNetwork] = counts;
	const { province, organisationType, organisation, role } = c;
	const { themeStart, themeList, networkStart, networkList } = c;
	const wp = wanted.province;
	const wt = wanted.organisationType;
	const wo = wanted.organisation;
	const wth = wanted.theme;
	const wr = wanted.role;
	const wn = wanted.network;

	// One pass: a member matching everything counts for every filter and is a result; a member
	// failing exactly one filter counts for that filter only (choosing another option there
	// would show them); anyone else does not count. Filters are numbered as in FILTERS.
	const matched = new Uint8Array(index.size);
	let total = 0;
	for (let i = 0; i < index.size; i++) {
		let failed = -1;
		if (wp >= 0 && province[i] !== wp) failed = 0;
		if (wt >= 0 && organisationType[i] !== wt) {
			if (failed >= 0) continue;
			failed = 1;
		}
		if (wo >= 0 && organisation[i] !== wo) {
			if (failed >= 0) continue;
			failed = 2;
		}
		if (wr >= 0 && role[i] !== wr) {
			if (failed >= 0) continue;
			failed = 4;
		}
		if (wth >= 0) {
			let found = false;
			for (let k = themeStart[i]!; k < themeStart[i + 1]!; k++)
				if (themeList[k] === wth) found = true;
			if (!found) {
				if (failed >= 0) continue;
				failed = 3;
			}
		}
		if (wn >= 0) {
			let found = false;
			for (let k = networkStart[i]!; k < networkStart[i + 1]!; k++) {
				if (networkList[k] === wn) found = true;
			}
			if (!found) {
				if (failed >= 0) continue;
				failed = 5;
			}
		}
		if (wordMatches.length > 0) {
			let all = true;
			for (const matches of wordMatches) if (matches[i] === 0) all = false;
			if (!all) continue;
		}
		if (failed < 0) {
			matched[i] = 1;
			total++;
		}
		if ((failed < 0 || failed === 0) && province[i]! >= 0) byProvince[province[i]!]!++;
		if ((failed < 0 || failed === 1) && organisationType[i]! >= 0) byType[organisationType[i]!]!++;
		if ((failed < 0 || failed === 2) && organisation[i]! >= 0) byOrganisation[organisation[i]!]!++;
		if (failed < 0 || failed === 3) {
			for (let k = themeStart[i]!; k < themeStart[i + 1]!; k++) byTheme[themeList[k]!]!++;
		}
		if ((failed < 0 || failed === 4) && role[i]! >= 0) byRole[role[i]!]!++;
		if (failed < 0 || failed === 5) {
			for (let k = networkStart[i]!; k < networkStart[i + 1]!; k++) byNetwork[networkList[k]!]!++;
		}
	}

	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(request.page, pageCount);
	const order = request.sort === 'active' ? index.byActivity : index.byName;
	const skip = (page - 1) * pageSize;
	const ids: string[] = [];
	let seen = 0;
	for (let k = 0; k < order.length && ids.length < pageSize; k++) {
		const i = order[k]!;
		if (matched[i] && seen++ >= skip) ids.push(index.ids[i]!);
	}

	const values = Object.fromEntries(
		FILTERS.map((name) => [name, wanted[name] < 0 ? null : f[name]])
	) as Record<FilterName, string | null>;
	const options = <T>(
		k: number,
		list: T[],
		option: (item: T) => { value: string; label: string },
		keep: (i: number) => boolean = () => true
	) =>
		list.flatMap((item, i): FacetOption[] => {
			if (!keep(i)) return [];
			const o = option(item);
			return [{ ...o, count: counts[k]![i]!, selected: values[FILTERS[k]!] === o.value }];
		});
	// Only organisations someone would be found in, and the chosen one, by name.
	const organisations: FacetOption[] = [];
	for (const i of index.organisationOrder) {
		if (counts[2][i]! === 0 && i !== wanted.organisation) continue;
		const o = lists.organisations[i]!;
		organisations.push({
			value: o.slug,
			label: o.name,
			count: counts[2][i]!,
			selected: values.organisation === o.slug
		});
	}
	return {
		total,
		page,
		pageCount,
		ids,
		facets: {
			province: options(0, lists.provinces, (p) => ({ value: p.code, label: p.name })),
			organisationType: options(1, lists.organisationTypes, (t) => ({
				value: t.id,
				label: t.name
			})),
			organisation: organisations,
			theme: options(3, lists.themes, (t) => ({ value: t.id, label: t.name })),
			role: options(4, lists.roles, (r) => ({ value: r.id, label: r.name })),
			network: options(
				5,
				lists.networks,
				(n) => ({ value: n.slug, label: n.name }),
				(i) => visible[i]!
			)
		},
		values,
		unknown,
		sort: request.sort
	};
}

/** The public and members-only networks of a member, as suggestions.ts counts them. */
function openNetworks(index: DirectoryIndex, i: number): Named[] {
	const c = index.columns;
	const found: Named[] = [];
	for (let k = c.networkStart[i]!; k < c.networkStart[i + 1]!; k++) {
		const n = index.lists.networks[c.networkList[k]!]!;
		if (n.visibility !== 'private') found.push({ id: n.id, name: n.name });
	}
	return found;
}

function themesAt(index: DirectoryIndex, i: number): Named[] {
	const c = index.columns;
	const found: Named[] = [];
	for (let k = c.themeStart[i]!; k < c.themeStart[i + 1]!; k++) {
		found.push(index.lists.themes[c.themeList[k]!]!);
	}
	return found;
}

function candidateAt(index: DirectoryIndex, i: number): SuggestionCandidate {
	const province = index.columns.province[i]!;
	return {
		id: index.ids[i]!,
		provinceCode: province >= 0 ? index.lists.provinces[province]!.code : null,
		lastActiveAt: index.lastActiveAt[i]!,
		themes: themesAt(index, i),
		networks: openNetworks(index, i),
		askMeAbout: index.askMeAbout[i]!
	};
}

/**
 * "Wie deed dit al?" for one member: exactly what rankSuggestions (suggestions.ts) gives over
 * every other active member (a property test holds it to that), without building every
 * candidate: one pass adds up each member's points from the index's small numbers (themes,
 * non-private networks, and the topics of "vraag me over" with a word that answers "ik zoek"),
 * then only the best are handed to scoreCandidate for their reasons. Empty for a member who is
 * not in the index (not active).
 */
export function suggestFromIndex(
	index: DirectoryIndex,
	subjectId: string,
	limit = MAX_SUGGESTIONS
): Scored[] {
	const cached = index.suggestionCache.get(subjectId);
	if (cached && limit === MAX_SUGGESTIONS) return cached;
	const me = index.position.get(subjectId);
	if (me === undefined) return [];
	const c = index.columns;
	const myProvince = c.province[me]!;
	const subject: SuggestionSubject = {
		id: subjectId,
		provinceCode: myProvince >= 0 ? index.lists.provinces[myProvince]!.code : null,
		themes: themesAt(index, me),
		networkIds: openNetworks(index, me).map((n) => n.id),
		lookingFor: index.lookingFor[me]!
	};

	const myThemes = new Uint8Array(index.lists.themes.length);
	for (let k = c.themeStart[me]!; k < c.themeStart[me + 1]!; k++) myThemes[c.themeList[k]!] = 1;
	const myNetworks = new Uint8Array(index.lists.networks.length);
	for (let k = c.networkStart[me]!; k < c.networkStart[me + 1]!; k++) {
		const n = c.networkList[k]!;
		if (index.lists.networks[n]!.visibility !== 'private') myNetworks[n] = 1;
	}
	const wanted = keywords(subject.lookingFor);
	// Words of anyone's "vraag me over" that answer "ik zoek", and who uses them.
	const answering = new Set<string>();
	const helping = new Set<number>();
	if (wanted.length > 0) {
		for (const [word, positions] of index.askWords) {
			if (!wanted.some((w) => wordsMatch(word, w))) continue;
			answering.add(word);
			for (const p of positions) helping.add(p);
		}
	}

	const buckets: number[][] = [];
	for (let i = 0; i < index.size; i++) {
		const province = c.province[i]!;
		if (i === me || province < 0 || province === myProvince) continue;
		let themes = 0;
		for (let k = c.themeStart[i]!; k < c.themeStart[i + 1]!; k++)
			themes += myThemes[c.themeList[k]!]!;
		let networks = 0;
		for (let k = c.networkStart[i]!; k < c.networkStart[i + 1]!; k++) {
			networks += myNetworks[c.networkList[k]!]!;
		}
		let helps = 0;
		if (helping.has(i)) {
			for (const words of index.askTopicWords[i]!) if (words.some((w) => answering.has(w))) helps++;
		}
		const score =
			POINTS.theme * themes +
			POINTS.network * Math.min(MAX_COUNTED, networks) +
			POINTS.helpsWith * Math.min(MAX_COUNTED, helps);
		if (score > 0) (buckets[score] ??= []).push(i);
	}

	const best: Scored[] = [];
	for (let score = buckets.length - 1; score > 0 && best.length < limit; score--) {
		const bucket = buckets[score];
		if (!bucket) continue;
		// Equal scores: the order of suggestions.ts (more recently active, then id).
		bucket.sort((a, b) => index.suggestRank[a]! - index.suggestRank[b]!);
		for (const i of bucket.slice(0, limit - best.length)) {
			const scored = scoreCandidate(subject, candidateAt(index, i));
			if (scored) best.push(scored);
		}
	}
	if (limit === MAX_SUGGESTIONS) {
		if (index.suggestionCache.size >= 10_000) index.suggestionCache.clear();
		index.suggestionCache.set(subjectId, best);
	}
	return best;
}
