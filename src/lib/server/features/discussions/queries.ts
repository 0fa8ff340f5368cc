import { sql } from 'kysely';
import type { DB } from '../../db';
import { membershipOf, visibleTo } from '../networks/queries';
import type { NetworkSubject } from '../networks/policy';
import type { Viewer } from '../viewer';
import { can, type ThreadSubject } from './policy';

export const THREAD_PAGE_SIZE = 20;
export const REPLY_PAGE_SIZE = 25;

/** The number of (not deleted) replies of the thread `t`: counted in replies_thread_live_idx. */
const replyCount =
	sql<number>`(select count(*) from replies where replies.thread_id = t.id and replies.deleted_at is null)`.as(
		'reply_count'
	);

/** In the order of threads_network_order_idx, so only the page's threads get a reply count. */
function threadList(db: DB, networkId: string) {
	return db
		.selectFrom('threads as t')
		.leftJoin('users as a', 'a.id', 't.author_id')
		.select([
			't.id',
			't.kind',
			't.title',
			't.pinned',
			't.locked',
			't.accepted_reply_id',
			't.created_at',
			't.last_activity_at',
			't.author_id',
			'a.name as author_name',
			replyCount
		])
		.where('t.network_id', '=', networkId)
		.where('t.deleted_at', 'is', null)
		.orderBy('t.pinned', 'desc')
		.orderBy('t.last_activity_at', 'desc')
		.orderBy('t.id', 'desc');
}

function pages(total: number, requested: number, pageSize: number) {
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	return { pageCount, page: Math.min(Math.max(1, requested), pageCount) };
}

/**
 * A network's threads, pinned first and then by last activity, a page at a time (a page past
 * the end gives the last). The caller has checked that the viewer may see inside the network.
 */
export async function networkThreads(
	db: DB,
	networkId: string,
	requestedPage = 1,
	pageSize = THREAD_PAGE_SIZE
) {
	const { total } = await db
		.selectFrom('threads')
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.where('network_id', '=', networkId)
		.where('deleted_at', 'is', null)
		.executeTakeFirstOrThrow();
	const { page, pageCount } = pages(Number(total), requestedPage, pageSize);
	const rows = await threadList(db, networkId)
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { rows: rows.map(normaliseThread), total: Number(total), page, pageCount };
}

export type ThreadListRow = Awaited<ReturnType<typeof networkThreads>>['rows'][number];

/**
 * The latest threads of a network for its page: pinned first, then by last activity. The caller
 * has checked that the viewer may see inside the network (see_inside).
 */
export async function latestThreads(db: DB, networkId: string, limit = 5) {
	return (await threadList(db, networkId).limit(limit).execute()).map(normaliseThread);
}

function normaliseThread<
	T extends { pinned: unknown; locked: unknown; reply_count: unknown; accepted_reply_id: unknown }
>(row: T) {
	return {
		...row,
		pinned: Boolean(row.pinned),
		locked: Boolean(row.locked),
		reply_count: Number(row.reply_count),
		answered: row.accepted_reply_id !== null
	};
}

/**
 * One thread as the viewer may see it: the thread, its network, the viewer's membership and
 * the policy subject. Undefined when there is no such thread or the viewer may not read it (a
 * private network's thread to a non-member): routes answer 404 either way.
 */
export async function threadForViewer(db: DB, threadId: string, viewer: Viewer) {
	const thread = await db
		.selectFrom('threads as t')
		.innerJoin('networks as n', 'n.id', 't.network_id')
		.leftJoin('users as a', 'a.id', 't.author_id')
		.select((eb) => [
			't.id',
			't.network_id',
			't.author_id',
			't.kind',
			't.title',
			't.body',
			't.body_html',
			't.pinned',
			't.locked',
			't.accepted_reply_id',
			't.last_activity_at',
			't.created_at',
			't.edited_at',
			'a.name as author_name',
			'n.slug as network_slug',
			'n.name as network_name',
			'n.visibility as network_visibility',
			'n.join_policy as network_join_policy',
			replyCount,
			eb
				.exists(
					eb
						.selectFrom('replies as r')
						.select('r.id')
						.whereRef('r.thread_id', '=', 't.id')
						.where('r.deleted_at', 'is', null)
						.where((w) =>
							w.or([w('r.author_id', 'is', null), w('r.author_id', '!=', w.ref('t.author_id'))])
						)
				)
				.as('others_replied')
		])
		.where('t.id', '=', threadId)
		.where('t.deleted_at', 'is', null)
		.executeTakeFirst();
	if (!thread) return undefined;
	const membership = await membershipOf(db, thread.network_id, viewer);
	const network: NetworkSubject = {
		visibility: thread.network_visibility,
		joinPolicy: thread.network_join_policy,
		membership
	};
	if (!can(viewer, 'read', { network })) return undefined;
	const subject: ThreadSubject = {
		network,
		authorId: thread.author_id,
		kind: thread.kind,
		locked: Boolean(thread.locked),
		othersReplied: Boolean(thread.others_replied)
	};
	return { thread: normaliseThread(thread), membership, subject };
}

export type ThreadForViewer = NonNullable<Awaited<ReturnType<typeof threadForViewer>>>;

function replyRows(db: DB) {
	return db
		.selectFrom('replies as r')
		.leftJoin('users as a', 'a.id', 'r.author_id')
		.select([
			'r.id',
			'r.thread_id',
			'r.author_id',
			'r.body',
			'r.body_html',
			'r.created_at',
			'r.edited_at',
			'r.deleted_at',
			'a.name as author_name'
		]);
}

/** One reply with its author's name, as a page of replies has it. */
export async function replyWithAuthor(db: DB, replyId: string) {
	return replyRows(db).where('r.id', '=', replyId).executeTakeFirst();
}

/**
 * A page of a thread's replies, oldest first: one count and one page, each a range of
 * replies_thread_idx, with the authors joined in (no query per reply). Deleted replies keep
 * their place (shown as "verwijderd"), so they count for the pages.
 */
export async function threadReplies(
	db: DB,
	threadId: string,
	requestedPage = 1,
	pageSize = REPLY_PAGE_SIZE
) {
	const total = Number(
		(
			await db
				.selectFrom('replies')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('thread_id', '=', threadId)
				.executeTakeFirstOrThrow()
		).n
	);
	const { page, pageCount } = pages(total, requestedPage, pageSize);
	const rows = await replyRows(db)
		.where('r.thread_id', '=', threadId)
		.orderBy('r.created_at')
		.orderBy('r.id')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { rows, total, page, pageCount };
}

export type ReplyRow = Awaited<ReturnType<typeof threadReplies>>['rows'][number];

/** One (not deleted) reply with its thread's id, or undefined. */
export async function replyById(db: DB, replyId: string) {
	return db
		.selectFrom('replies')
		.select(['id', 'thread_id', 'author_id', 'created_at'])
		.where('id', '=', replyId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
}

/** On which page of its thread a reply is (for links to it), or undefined when it is gone. */
export async function replyPage(
	db: DB,
	threadId: string,
	replyId: string,
	pageSize = REPLY_PAGE_SIZE
): Promise<number | undefined> {
	const reply = await db
		.selectFrom('replies')
		.select(['id', 'created_at'])
		.where('id', '=', replyId)
		.where('thread_id', '=', threadId)
		.executeTakeFirst();
	if (!reply) return undefined;
	const { before } = await db
		.selectFrom('replies')
		.select((eb) => eb.fn.countAll<number>().as('before'))
		.where('thread_id', '=', threadId)
		.where((eb) =>
			eb.or([
				eb('created_at', '<', reply.created_at),
				eb.and([eb('created_at', '=', reply.created_at), eb('id', '<', reply.id)])
			])
		)
		.executeTakeFirstOrThrow();
	return Math.floor(Number(before) / pageSize) + 1;
}

/** The earlier versions of a thread and of some of its replies, newest first. */
export async function revisionsOf(db: DB, input: { threadId: string; replyIds: string[] }) {
	let query = db
		.selectFrom('post_revisions')
		.select(['id', 'thread_id', 'reply_id', 'title', 'body_html', 'version_at', 'created_at']);
	query =
		input.replyIds.length > 0
			? query.where((eb) =>
					eb.or([eb('thread_id', '=', input.threadId), eb('reply_id', 'in', input.replyIds)])
				)
			: query.where('thread_id', '=', input.threadId);
	return query.orderBy('version_at', 'desc').orderBy('id', 'desc').execute();
}

export type RevisionRow = Awaited<ReturnType<typeof revisionsOf>>[number];

/** Who may be mentioned in a network's posts: its active members with an active account. */
export async function mentionTargets(db: DB, networkId: string) {
	return db
		.selectFrom('network_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email'])
		.where('m.network_id', '=', networkId)
		.where('m.status', '=', 'active')
		.where('u.status', '=', 'active')
		.execute();
}

/** The networks a coordinator may move a thread to: those they coordinate (admins: all). */
export async function moveTargets(db: DB, viewer: Viewer, exceptNetworkId: string) {
	if (viewer.kind !== 'member') return [];
	let query = db
		.selectFrom('networks')
		.select(['networks.id', 'networks.slug', 'networks.name'])
		.where('networks.id', '!=', exceptNetworkId)
		.orderBy('networks.position')
		.orderBy('networks.name');
	if (viewer.role !== 'admin') {
		query = query.where('networks.id', 'in', (eb) =>
			eb
				.selectFrom('network_members')
				.select('network_members.network_id')
				.where('network_members.user_id', '=', viewer.userId)
				.where('network_members.status', '=', 'active')
				.where('network_members.role', '=', 'coordinator')
		);
	}
	return query.execute();
}

/**
 * A member's recent threads and replies, newest first, for their profile: only in networks the
 * viewer may see inside (visibleTo, for members; visitors see none), so a private network's
 * posts never show to someone outside it.
 */
export async function threadsByMember(db: DB, userId: string, viewer: Viewer, limit = 10) {
	if (viewer.kind !== 'member') return [];
	const [threads, replies] = await Promise.all([
		db
			.selectFrom('threads')
			.innerJoin('networks', 'networks.id', 'threads.network_id')
			.select([
				'threads.id as thread_id',
				'threads.title',
				'threads.kind',
				'threads.created_at as at',
				'networks.slug as network_slug',
				'networks.name as network_name'
			])
			.where('threads.author_id', '=', userId)
			.where('threads.deleted_at', 'is', null)
			.where(visibleTo(viewer))
			.orderBy('threads.created_at', 'desc')
			.limit(limit)
			.execute(),
		db
			.selectFrom('replies')
			.innerJoin('threads', 'threads.id', 'replies.thread_id')
			.innerJoin('networks', 'networks.id', 'threads.network_id')
			.select([
				'replies.id as reply_id',
				'threads.id as thread_id',
				'threads.title',
				'threads.kind',
				'replies.created_at as at',
				'networks.slug as network_slug',
				'networks.name as network_name'
			])
			.where('replies.author_id', '=', userId)
			.where('replies.deleted_at', 'is', null)
			.where('threads.deleted_at', 'is', null)
			.where(visibleTo(viewer))
			.orderBy('replies.created_at', 'desc')
			.limit(limit)
			.execute()
	]);
	return [
		...threads.map((t) => ({ ...t, type: 'thread' as const, reply_id: null })),
		...replies.map((r) => ({ ...r, type: 'reply' as const }))
	]
		.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
		.slice(0, limit)
		.map((item) => ({
			type: item.type,
			threadId: item.thread_id,
			replyId: item.reply_id,
			title: item.title,
			kind: item.kind,
			at: item.at,
			networkSlug: item.network_slug,
			networkName: item.network_name,
			url:
				`/netwerken/${item.network_slug}/discussies/${item.thread_id}` +
				(item.reply_id ? `?reactie=${item.reply_id}` : '')
		}));
}

export type MemberActivity = Awaited<ReturnType<typeof threadsByMember>>[number];

/** The accepted answer of a question: who wrote it and on which page it is. */
export async function acceptedAnswer(db: DB, threadId: string, replyId: string) {
	const page = await replyPage(db, threadId, replyId);
	if (page === undefined) return undefined;
	const row = await db
		.selectFrom('replies as r')
		.leftJoin('users as a', 'a.id', 'r.author_id')
		.select(['r.id', 'r.author_id', 'r.body_html', 'a.name as author_name'])
		.where('r.id', '=', replyId)
		.where('r.deleted_at', 'is', null)
		.executeTakeFirst();
	return row ? { ...row, page } : undefined;
}

/**
 * The latest threads a member started, newest first, for their profile: only in networks whose
 * discussions the viewer may read (the rule of threadsByMember: visibleTo for members, nothing
 * for visitors), so a private network's thread never shows to someone outside it. Walks
 * threads_author_idx (author_id, created_at) newest first and stops at the limit.
 */
export async function threadsStartedBy(db: DB, authorId: string, viewer: Viewer, limit = 5) {
	if (viewer.kind !== 'member') return [];
	const rows = await db
		.selectFrom('threads')
		.innerJoin('networks', 'networks.id', 'threads.network_id')
		.select([
			'threads.id',
			'threads.title',
			'threads.kind',
			'threads.created_at',
			'networks.slug as network_slug',
			'networks.name as network_name'
		])
		.where('threads.author_id', '=', authorId)
		.where('threads.deleted_at', 'is', null)
		.where(visibleTo(viewer))
		.orderBy('threads.created_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		kind: r.kind,
		createdAt: r.created_at,
		networkName: r.network_name,
		url: `/netwerken/${r.network_slug}/discussies/${r.id}`
	}));
}

export type StartedThread = Awaited<ReturnType<typeof threadsStartedBy>>[number];
