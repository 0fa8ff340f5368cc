import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../../db';
import { dialectOf } from '../../db/dialect';
import type { NetworkVisibility } from '../../db/tables/networks';
import type { SearchKind, SearchVisibility } from '../../db/tables/search';
import { writeAudit } from '../../platform/audit';
import { analyse, type Lexicon } from './analyser';
import { loadLexicon } from './queries';

/**
 * Keeping the search index fresh. Features call these inside their own transactions, so a
 * document changes exactly when its source does. Knowledge items and events (kinds 'knowledge'
 * and 'event') are indexed by calling upsertSearchDocument and removeSearchDocument; programmes
 * by indexProgramme.
 */

/** The text of a snippet is kept up to this length; all of the text is indexed. */
const BODY_LIMIT = 4000;

export interface SearchDocumentInput {
	kind: SearchKind;
	refId: string;
	/** A reply's thread: removing or moving the thread takes its replies along. */
	parentId?: string | null;
	title: string;
	/** The title that is indexed, when it differs (a reply shows its thread's title, indexes none). */
	indexedTitle?: string;
	/** Plain text (no Markdown or HTML): indexed, and cut into snippets. */
	text: string;
	url: string;
	/**
	 * 'public': everyone; 'members': signed-in members; 'network': as the inside of the network
	 * (members when it is public or members-only, its own members when private).
	 */
	visibility: SearchVisibility;
	networkId?: string | null;
	networkVisibility?: NetworkVisibility | null;
	/** When the source last changed (ISO): the newer ranks first among equals. Default: now. */
	updatedAt?: string;
}

const now = () => new Date().toISOString();

function documentValues(doc: SearchDocumentInput, lexicon: Lexicon) {
	return {
		parent_id: doc.parentId ?? null,
		title: doc.title.slice(0, 500),
		body: doc.text.slice(0, BODY_LIMIT),
		url: doc.url,
		visibility: doc.visibility,
		network_id: doc.networkId ?? null,
		network_visibility: doc.visibility === 'network' ? (doc.networkVisibility ?? 'private') : null,
		title_tokens: analyse(doc.indexedTitle ?? doc.title, lexicon),
		body_tokens: analyse(doc.text, lexicon),
		updated_at: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : now()
	};
}

/** Adds or replaces the document of (kind, refId). */
export async function upsertSearchDocument(
	trx: DB,
	doc: SearchDocumentInput,
	lexicon?: Lexicon
): Promise<void> {
	const values = documentValues(doc, lexicon ?? (await loadLexicon(trx)));
	await trx
		.insertInto('search_documents')
		.values({ kind: doc.kind, ref_id: doc.refId, ...values })
		.onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet(values))
		.execute();
}

/** Removes the document of (kind, refId), and the documents under it (a thread's replies). */
export async function removeSearchDocument(trx: DB, kind: SearchKind, refId: string) {
	await trx
		.deleteFrom('search_documents')
		.where((eb) =>
			eb.or([
				eb.and([eb('kind', '=', kind), eb('ref_id', '=', refId)]),
				eb.and([eb('kind', '=', kind), eb('parent_id', '=', refId)])
			])
		)
		.execute();
}

/** Markdown as plain words: links keep their text, markup characters go. */
export function markdownToText(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, ' ')
		.replace(/[*_`>#~|]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

// ---------------------------------------------------------------------------------------------
// Sources: each reads its row and writes (or removes) its document

const threadUrl = (slug: string, threadId: string) => `/netwerken/${slug}/discussies/${threadId}`;

function threadRows(trx: DB) {
	return trx
		.selectFrom('threads as t')
		.innerJoin('networks as n', 'n.id', 't.network_id')
		.select([
			't.id',
			't.title',
			't.body',
			't.deleted_at',
			't.updated_at',
			'n.id as network_id',
			'n.slug',
			'n.visibility'
		]);
}

type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadRows>['execute']>>[number];

function threadDocument(thread: ThreadRow): SearchDocumentInput {
	return {
		kind: 'discussion',
		refId: thread.id,
		title: thread.title,
		text: markdownToText(thread.body),
		url: threadUrl(thread.slug, thread.id),
		visibility: 'network',
		networkId: thread.network_id,
		networkVisibility: thread.visibility,
		updatedAt: String(thread.updated_at)
	};
}

/** A thread's document (and, with `withReplies`, its replies' too: after a move). */
export async function indexThread(
	trx: DB,
	threadId: string,
	options: { withReplies?: boolean; lexicon?: Lexicon } = {}
): Promise<void> {
	const thread = await threadRows(trx).where('t.id', '=', threadId).executeTakeFirst();
	if (!thread || thread.deleted_at) {
		await removeSearchDocument(trx, 'discussion', threadId);
		return;
	}
	const lexicon = options.lexicon ?? (await loadLexicon(trx));
	await upsertSearchDocument(trx, threadDocument(thread), lexicon);
	// Replies show their thread's title.
	await trx
		.updateTable('search_documents')
		.set({ title: thread.title.slice(0, 500) })
		.where('kind', '=', 'discussion')
		.where('parent_id', '=', thread.id)
		.where('title', '!=', thread.title.slice(0, 500))
		.execute();
	if (options.withReplies) {
		const replies = await trx
			.selectFrom('replies')
			.select('id')
			.where('thread_id', '=', threadId)
			.execute();
		for (const r of replies) await indexReply(trx, r.id, lexicon);
	}
}

function replyRows(trx: DB) {
	return trx
		.selectFrom('replies as r')
		.innerJoin('threads as t', 't.id', 'r.thread_id')
		.innerJoin('networks as n', 'n.id', 't.network_id')
		.select([
			'r.id',
			'r.body',
			'r.deleted_at',
			'r.created_at',
			'r.edited_at',
			't.id as thread_id',
			't.title',
			't.deleted_at as thread_deleted_at',
			'n.id as network_id',
			'n.slug',
			'n.visibility'
		]);
}

type ReplyRow = Awaited<ReturnType<ReturnType<typeof replyRows>['execute']>>[number];

function replyDocument(reply: ReplyRow): SearchDocumentInput {
	return {
		kind: 'discussion',
		refId: reply.id,
		parentId: reply.thread_id,
		title: reply.title,
		indexedTitle: '',
		text: markdownToText(reply.body),
		url: `${threadUrl(reply.slug, reply.thread_id)}?reactie=${reply.id}`,
		visibility: 'network',
		networkId: reply.network_id,
		networkVisibility: reply.visibility,
		updatedAt: String(reply.edited_at ?? reply.created_at)
	};
}

/** A reply's document: its text, under its thread's title, visible as the thread is. */
export async function indexReply(trx: DB, replyId: string, lexicon?: Lexicon): Promise<void> {
	const reply = await replyRows(trx).where('r.id', '=', replyId).executeTakeFirst();
	if (!reply || reply.deleted_at || reply.thread_deleted_at) {
		await removeSearchDocument(trx, 'discussion', replyId);
		return;
	}
	await upsertSearchDocument(trx, replyDocument(reply), lexicon);
}

/**
 * A network's document, and the visibility of everything inside it (its threads and replies
 * follow the network's visibility at once, in the same transaction).
 */
export async function indexNetwork(trx: DB, networkId: string, lexicon?: Lexicon): Promise<void> {
	const network = await trx
		.selectFrom('networks')
		.select([
			'id',
			'slug',
			'name',
			'summary',
			'description',
			'audience',
			'visibility',
			'updated_at'
		])
		.where('id', '=', networkId)
		.executeTakeFirst();
	if (!network) {
		await removeSearchDocument(trx, 'network', networkId);
		return;
	}
	const [provinces, themes] = await Promise.all([
		trx
			.selectFrom('network_provinces as np')
			.innerJoin('provinces as p', 'p.code', 'np.province_code')
			.select('p.name')
			.where('np.network_id', '=', networkId)
			.execute(),
		trx
			.selectFrom('network_themes as nt')
			.innerJoin('themes as t', 't.id', 'nt.theme_id')
			.select('t.name')
			.where('nt.network_id', '=', networkId)
			.execute()
	]);
	const isPublic = network.visibility === 'public';
	await upsertSearchDocument(
		trx,
		{
			kind: 'network',
			refId: network.id,
			title: network.name,
			text: [
				network.summary,
				network.audience,
				markdownToText(network.description),
				...provinces.map((p) => p.name),
				...themes.map((t) => t.name)
			]
				.filter(Boolean)
				.join(' · '),
			url: `/netwerken/${network.slug}`,
			visibility: isPublic ? 'public' : 'network',
			networkId: network.id,
			networkVisibility: network.visibility,
			updatedAt: String(network.updated_at)
		},
		lexicon
	);
	await trx
		.updateTable('search_documents')
		.set({ network_visibility: network.visibility })
		.where('network_id', '=', networkId)
		.where('visibility', '=', 'network')
		.execute();
}

/** An organisation's document (public): its name, type, province and municipality group. */
export async function indexOrganisation(
	trx: DB,
	organisationId: string,
	lexicon?: Lexicon
): Promise<void> {
	const org = await trx
		.selectFrom('organisations as o')
		.leftJoin('organisation_types as t', 't.id', 'o.type_id')
		.leftJoin('provinces as p', 'p.code', 'o.province_code')
		.select([
			'o.id',
			'o.slug',
			'o.name',
			'o.municipality_class',
			'o.updated_at',
			't.name as type',
			'p.name as province'
		])
		.where('o.id', '=', organisationId)
		.executeTakeFirst();
	if (!org) {
		await removeSearchDocument(trx, 'organisation', organisationId);
		return;
	}
	await upsertSearchDocument(
		trx,
		{
			kind: 'organisation',
			refId: org.id,
			title: org.name,
			text: [org.type, org.province, org.municipality_class?.toUpperCase()]
				.filter(Boolean)
				.join(' · '),
			url: `/organisaties/${org.slug}`,
			visibility: 'public',
			updatedAt: String(org.updated_at)
		},
		lexicon
	);
}

function memberRows(trx: DB) {
	return trx
		.selectFrom('users as u')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.leftJoin('provinces as p', 'p.code', 'u.province_code')
		.leftJoin('field_roles as r', 'r.id', 'u.field_role_id')
		.select([
			'u.id',
			'u.name',
			'u.status',
			'u.job_title',
			'u.bio',
			'u.ask_me_about',
			'u.looking_for',
			'u.updated_at',
			'o.name as organisation',
			'p.name as province',
			'r.name as field_role'
		]);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberRows>['execute']>>[number];

async function themesOf(trx: DB, userIds: string[]): Promise<Map<string, string[]>> {
	const rows =
		userIds.length === 0
			? []
			: await trx
					.selectFrom('user_themes as ut')
					.innerJoin('themes as t', 't.id', 'ut.theme_id')
					.select(['ut.user_id', 't.name'])
					.where('ut.user_id', 'in', userIds)
					.orderBy('t.position')
					.execute();
	const out = new Map<string, string[]>();
	for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.name]);
	return out;
}

function memberDocument(user: MemberRow, themes: string[]): SearchDocumentInput {
	return {
		kind: 'member',
		refId: user.id,
		title: user.name,
		text: [
			user.job_title,
			user.organisation,
			user.province,
			user.field_role,
			...themes,
			user.ask_me_about,
			user.looking_for,
			user.bio
		]
			.filter(Boolean)
			.join(' · '),
		url: `/leden/${user.id}`,
		visibility: 'members',
		updatedAt: String(user.updated_at)
	};
}

/**
 * A member's document (members only): name, function, organisation, region, role, themes and
 * what the profile says they know and look for. Anyone not active is removed from the index.
 */
export async function indexMember(trx: DB, userId: string, lexicon?: Lexicon): Promise<void> {
	const user = await memberRows(trx).where('u.id', '=', userId).executeTakeFirst();
	if (!user || user.status !== 'active') {
		await removeSearchDocument(trx, 'member', userId);
		return;
	}
	const themes = await themesOf(trx, [userId]);
	await upsertSearchDocument(trx, memberDocument(user, themes.get(userId) ?? []), lexicon);
}

/** Documents written at once (reindexing): analysed, then inserted in chunks. */
function knowledgeRows(trx: DB) {
	return trx
		.selectFrom('knowledge_items as k')
		.select([
			'k.id',
			'k.slug',
			'k.title',
			'k.summary',
			'k.body',
			'k.challenge',
			'k.approach',
			'k.result',
			'k.lessons',
			'k.status',
			'k.visibility',
			'k.network_id'
		]);
}

type KnowledgeRow = Awaited<ReturnType<ReturnType<typeof knowledgeRows>['execute']>>[number];

/** The names of the themes and organisations of knowledge items, by item. */
async function knowledgeLabelsOf(trx: DB, ids: string[]): Promise<Map<string, string[]>> {
	const labels = new Map<string, string[]>();
	if (ids.length === 0) return labels;
	const [themes, organisations] = await Promise.all([
		trx
			.selectFrom('knowledge_item_themes as kt')
			.innerJoin('themes as t', 't.id', 'kt.theme_id')
			.select(['kt.item_id', 't.name'])
			.where('kt.item_id', 'in', ids)
			.execute(),
		trx
			.selectFrom('knowledge_item_organisations as ko')
			.innerJoin('organisations as o', 'o.id', 'ko.organisation_id')
			.select(['ko.item_id', 'o.name'])
			.where('ko.item_id', 'in', ids)
			.execute()
	]);
	for (const row of [...themes, ...organisations]) {
		labels.set(row.item_id, [...(labels.get(row.item_id) ?? []), row.name]);
	}
	return labels;
}

/**
 * A knowledge item's document: its summary, body, the parts of a practice example, its themes
 * and organisations; as visible as the item (a network-only item to that network's members).
 */
function knowledgeDocument(item: KnowledgeRow, labels: string[]): SearchDocumentInput {
	const parts = [item.summary, item.body, item.challenge, item.approach, item.result, item.lessons];
	return {
		kind: 'knowledge',
		refId: item.id,
		title: item.title,
		text: [...parts.map(markdownToText), ...labels].filter(Boolean).join(' '),
		url: `/kennis/${item.slug}`,
		visibility: item.visibility,
		networkId: item.visibility === 'network' ? item.network_id : null,
		networkVisibility: item.visibility === 'network' ? 'private' : null
	};
}

/** Indexes a knowledge item when it is published, and takes it out of the index otherwise. */
export async function indexKnowledgeItem(
	trx: DB,
	itemId: string,
	lexicon?: Lexicon
): Promise<void> {
	const item = await knowledgeRows(trx).where('k.id', '=', itemId).executeTakeFirst();
	if (!item || item.status !== 'published' || (item.visibility === 'network' && !item.network_id)) {
		await removeSearchDocument(trx, 'knowledge', itemId);
		return;
	}
	const labels = await knowledgeLabelsOf(trx, [item.id]);
	await upsertSearchDocument(trx, knowledgeDocument(item, labels.get(item.id) ?? []), lexicon);
}

function eventRows(trx: DB) {
	return trx
		.selectFrom('events as e')
		.select([
			'e.id',
			'e.slug',
			'e.title',
			'e.summary',
			'e.programme',
			'e.venue',
			'e.address',
			'e.visibility',
			'e.network_id'
		]);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventRows>['execute']>>[number];

/** An event's document: summary, programme and place; as visible as the event. */
function eventDocument(event: EventRow): SearchDocumentInput {
	return {
		kind: 'event',
		refId: event.id,
		title: event.title,
		text: [event.summary, markdownToText(event.programme), event.venue, event.address]
			.filter(Boolean)
			.join(' '),
		url: `/evenementen/${event.slug}`,
		visibility: event.visibility,
		networkId: event.visibility === 'network' ? event.network_id : null,
		networkVisibility: event.visibility === 'network' ? 'private' : null
	};
}

/** Indexes an event, or takes it out of the index when it is gone. */
export async function indexEvent(trx: DB, eventId: string, lexicon?: Lexicon): Promise<void> {
	const event = await eventRows(trx).where('e.id', '=', eventId).executeTakeFirst();
	if (!event || (event.visibility === 'network' && !event.network_id)) {
		await removeSearchDocument(trx, 'event', eventId);
		return;
	}
	await upsertSearchDocument(trx, eventDocument(event), lexicon);
}

function programmeRows(trx: DB) {
	return trx
		.selectFrom('programmes as p')
		.select([
			'p.id',
			'p.slug',
			'p.title',
			'p.region',
			'p.summary',
			'p.challenge',
			'p.visibility',
			'p.updated_at'
		]);
}

type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof programmeRows>['execute']>>[number];

/** The names of the provinces and themes of programmes, by programme. */
async function programmeLabelsOf(trx: DB, ids: string[]): Promise<Map<string, string[]>> {
	const labels = new Map<string, string[]>();
	if (ids.length === 0) return labels;
	const [provinces, themes] = await Promise.all([
		trx
			.selectFrom('programme_provinces as pp')
			.innerJoin('provinces as p', 'p.code', 'pp.province_code')
			.select(['pp.programme_id', 'p.name'])
			.where('pp.programme_id', 'in', ids)
			.orderBy('p.name')
			.execute(),
		trx
			.selectFrom('programme_themes as pt')
			.innerJoin('themes as t', 't.id', 'pt.theme_id')
			.select(['pt.programme_id', 't.name'])
			.where('pt.programme_id', 'in', ids)
			.orderBy('t.position')
			.execute()
	]);
	for (const row of [...provinces, ...themes]) {
		labels.set(row.programme_id, [...(labels.get(row.programme_id) ?? []), row.name]);
	}
	return labels;
}

/**
 * A regional knowledge programme's document: its region, summary, challenge, provinces and
 * themes. As visible as the programme: a public one to everyone, a members' one to members.
 */
function programmeDocument(programme: ProgrammeRow, labels: string[]): SearchDocumentInput {
	return {
		kind: 'programme',
		refId: programme.id,
		title: programme.title,
		text: [programme.region, programme.summary, markdownToText(programme.challenge), ...labels]
			.filter(Boolean)
			.join(' · '),
		url: `/programmas/${programme.slug}`,
		visibility: programme.visibility === 'public' ? 'public' : 'members',
		updatedAt: String(programme.updated_at)
	};
}

/** Indexes a programme (after it is created or changed), or takes it out when it is gone. */
export async function indexProgramme(
	trx: DB,
	programmeId: string,
	lexicon?: Lexicon
): Promise<void> {
	const programme = await programmeRows(trx).where('p.id', '=', programmeId).executeTakeFirst();
	if (!programme) {
		await removeSearchDocument(trx, 'programme', programmeId);
		return;
	}
	const labels = await programmeLabelsOf(trx, [programme.id]);
	await upsertSearchDocument(
		trx,
		programmeDocument(programme, labels.get(programme.id) ?? []),
		lexicon
	);
}

async function insertDocuments(trx: DB, docs: SearchDocumentInput[], lexicon: Lexicon) {
	const rows = docs.map((doc) => ({
		kind: doc.kind,
		ref_id: doc.refId,
		...documentValues(doc, lexicon)
	}));
	for (let i = 0; i < rows.length; i += 200) {
		await trx
			.insertInto('search_documents')
			.values(rows.slice(i, i + 200))
			.execute();
	}
}

/**
 * Rebuilds the whole index from its sources (the seed runs it; also after a change of the
 * dictionary): every organisation, network, active member, thread, reply, published knowledge
 * item, event and programme, in one transaction, so searches see the old index until the new one is complete.
 */
export async function reindexAll(db: DB): Promise<{ documents: number }> {
	const lexicon = await loadLexicon(db);
	const PAGE = 1000;
	return db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('search_documents')
			.where('kind', 'in', [
				'discussion',
				'member',
				'organisation',
				'network',
				'knowledge',
				'event',
				'programme'
			])
			.execute();
		for (const { id } of await trx.selectFrom('organisations').select('id').execute()) {
			await indexOrganisation(trx, id, lexicon);
		}
		for (const { id } of await trx.selectFrom('networks').select('id').execute()) {
			await indexNetwork(trx, id, lexicon);
		}
		// The many: a page at a time, in order of id.
		for (let after = ''; ;) {
			const users = await memberRows(trx)
				.where('u.status', '=', 'active')
				.where('u.id', '>', after)
				.orderBy('u.id')
				.limit(PAGE)
				.execute();
			if (users.length === 0) break;
			const themes = await themesOf(
				trx,
				users.map((u) => u.id)
			);
			await insertDocuments(
				trx,
				users.map((u) => memberDocument(u, themes.get(u.id) ?? [])),
				lexicon
			);
			after = users.at(-1)!.id;
		}
		for (let after = ''; ;) {
			const threads = await threadRows(trx)
				.where('t.deleted_at', 'is', null)
				.where('t.id', '>', after)
				.orderBy('t.id')
				.limit(PAGE)
				.execute();
			if (threads.length === 0) break;
			await insertDocuments(trx, threads.map(threadDocument), lexicon);
			after = threads.at(-1)!.id;
		}
		for (let after = ''; ;) {
			const replies = await replyRows(trx)
				.where('r.deleted_at', 'is', null)
				.where('t.deleted_at', 'is', null)
				.where('r.id', '>', after)
				.orderBy('r.id')
				.limit(PAGE)
				.execute();
			if (replies.length === 0) break;
			await insertDocuments(trx, replies.map(replyDocument), lexicon);
			after = replies.at(-1)!.id;
		}
		for (let after = ''; ;) {
			const items = await knowledgeRows(trx)
				.where('k.status', '=', 'published')
				.where((eb) =>
					eb.or([eb('k.visibility', '!=', 'network'), eb('k.network_id', 'is not', null)])
				)
				.where('k.id', '>', after)
				.orderBy('k.id')
				.limit(PAGE)
				.execute();
			if (items.length === 0) break;
			const labels = await knowledgeLabelsOf(
				trx,
				items.map((i) => i.id)
			);
			await insertDocuments(
				trx,
				items.map((i) => knowledgeDocument(i, labels.get(i.id) ?? [])),
				lexicon
			);
			after = items.at(-1)!.id;
		}
		for (let after = ''; ;) {
			const events = await eventRows(trx)
				.where((eb) =>
					eb.or([eb('e.visibility', '!=', 'network'), eb('e.network_id', 'is not', null)])
				)
				.where('e.id', '>', after)
				.orderBy('e.id')
				.limit(PAGE)
				.execute();
			if (events.length === 0) break;
			await insertDocuments(trx, events.map(eventDocument), lexicon);
			after = events.at(-1)!.id;
		}
		for (let after = ''; ;) {
			const programmes = await programmeRows(trx)
				.where('p.id', '>', after)
				.orderBy('p.id')
				.limit(PAGE)
				.execute();
			if (programmes.length === 0) break;
			const labels = await programmeLabelsOf(
				trx,
				programmes.map((p) => p.id)
			);
			await insertDocuments(
				trx,
				programmes.map((p) => programmeDocument(p, labels.get(p.id) ?? [])),
				lexicon
			);
			after = programmes.at(-1)!.id;
		}
		const { count } = await trx
			.selectFrom('search_documents')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		// Fresh statistics after a bulk load: without them PostgreSQL may scan every match of a
		// common word instead of reading the newest ones until the cap (measured: 225 ms vs 3 ms).
		if (dialectOf(trx) === 'postgres') await sql`analyze search_documents`.execute(trx);
		return { documents: Number(count) };
	});
}

/**
 * Builds the index when it is empty while there is something to find (a first start). An index
 * built before programmes were searched gets just the programmes, once: the rest of it stands
 * (a full rebuild of a large index would hold up the start for minutes).
 */
export async function ensureSearchIndex(db: DB): Promise<boolean> {
	const any = await db.selectFrom('search_documents').select('id').limit(1).executeTakeFirst();
	if (any) {
		const programme = await db.selectFrom('programmes').select('id').limit(1).executeTakeFirst();
		if (!programme) return false;
		const indexed = await db
			.selectFrom('search_documents')
			.select('id')
			.where('kind', '=', 'programme')
			.limit(1)
			.executeTakeFirst();
		if (indexed) return false;
		const lexicon = await loadLexicon(db);
		await db.transaction().execute(async (trx) => {
			for (const { id } of await trx.selectFrom('programmes').select('id').execute()) {
				await indexProgramme(trx, id, lexicon);
			}
		});
		return true;
	}
	const source = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
	if (!source) return false;
	await reindexAll(db);
	return true;
}

// ---------------------------------------------------------------------------------------------
// Editors' synonyms

export type SynonymResult =
	{ ok: true; id: string; terms: string[] } | { ok: false; reason: 'too_few_terms' | 'not_found' };

/** Adds a set of terms that mean the same (at least two); written to the audit log. */
export async function addSynonymSet(
	db: DB,
	input: { actorId: string; terms: string[] }
): Promise<SynonymResult> {
	const terms = [...new Set(input.terms.map((t) => t.trim()).filter(Boolean))];
	if (terms.length < 2) return { ok: false, reason: 'too_few_terms' };
	const id = randomUUID();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('search_synonyms')
			.values({ id, terms: JSON.stringify(terms), created_by: input.actorId })
			.execute();
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'synonym.added',
			subjectType: 'synonym',
			subjectId: id,
			details: { terms: terms.join(' = ') }
		});
	});
	return { ok: true, id, terms };
}

/** Removes a set of synonyms; written to the audit log. */
export async function removeSynonymSet(
	db: DB,
	input: { actorId: string; id: string }
): Promise<SynonymResult> {
	return db.transaction().execute(async (trx): Promise<SynonymResult> => {
		const row = await trx
			.deleteFrom('search_synonyms')
			.where('id', '=', input.id)
			.returning('terms')
			.executeTakeFirst();
		if (!row) return { ok: false, reason: 'not_found' };
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'synonym.removed',
			subjectType: 'synonym',
			subjectId: input.id,
			details: { terms: (JSON.parse(row.terms) as string[]).join(' = ') }
		});
		return { ok: true, id: input.id, terms: JSON.parse(row.terms) as string[] };
	});
}

/** A member's threads and replies (before erasure removes or empties them). */
export async function postsOf(trx: DB, userId: string) {
	const [threads, replies] = await Promise.all([
		trx.selectFrom('threads').select('id').where('author_id', '=', userId).execute(),
		trx.selectFrom('replies').select('id').where('author_id', '=', userId).execute()
	]);
	return { threadIds: threads.map((t) => t.id), replyIds: replies.map((r) => r.id) };
}

/** Brings these posts' documents in line with what is left of them (gone, emptied or kept). */
export async function reindexPosts(trx: DB, posts: { threadIds: string[]; replyIds: string[] }) {
	const lexicon = await loadLexicon(trx);
	for (const id of posts.threadIds) await indexThread(trx, id, { lexicon });
	for (const id of posts.replyIds) await indexReply(trx, id, lexicon);
}
