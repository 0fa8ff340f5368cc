import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db';
import type { Database } from '../../db/schema';
import type { FollowTargetType } from '../../db/tables/contact';
import type { UserStatus } from '../../db/tables/users';
import { can, type NetworkSubject } from '../networks/policy';
import { membershipOf, visibleTo } from '../networks/queries';
import type { Viewer } from '../viewer';

/** A conversation's two members in the order the table keeps them (a < b, as JavaScript compares). */
export function orderedPair(x: string, y: string): [string, string] {
	return x < y ? [x, y] : [y, x];
}

type Conversations = ExpressionBuilder<Database, 'conversations'>;

/** The conversations `userId` takes part in (one of its two members). */
const takesPart = (userId: string) => (eb: Conversations) =>
	eb.or([
		eb('conversations.member_a_id', '=', userId),
		eb('conversations.member_b_id', '=', userId)
	]);

/** The other member of a conversation, for one of its members (null: their account is gone). */
export function otherMember(
	row: { member_a_id: string | null; member_b_id: string | null },
	userId: string
): string | null {
	return row.member_a_id === userId ? row.member_b_id : row.member_a_id;
}

/**
 * What needs a member's attention: unread messages (from the other member, newer than what they
 * last saw) over all their conversations, and contact requests waiting for their answer (from
 * members who still take part). `except` leaves out the conversation they are reading now: its
 * page marks it read while the header is drawn.
 */
export async function unreadSummary(
	db: DB,
	userId: string,
	options: { except?: string } = {}
): Promise<{ messages: number; requests: number }> {
	let messages = db
		.selectFrom('messages as m')
		.innerJoin('conversations', 'conversations.id', 'm.conversation_id')
		.leftJoin('conversation_reads as r', (join) =>
			join.onRef('r.conversation_id', '=', 'conversations.id').on('r.user_id', '=', userId)
		)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where(takesPart(userId))
		.where((eb) => eb.or([eb('m.sender_id', 'is', null), eb('m.sender_id', '!=', userId)]))
		.where((eb) =>
			eb.or([eb('r.last_read_at', 'is', null), eb('m.created_at', '>', eb.ref('r.last_read_at'))])
		);
	if (options.except) messages = messages.where('conversations.id', '!=', options.except);
	const requests = db
		.selectFrom('contact_requests as cr')
		.innerJoin('users as u', 'u.id', 'cr.from_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('cr.to_id', '=', userId)
		.where('cr.status', '=', 'pending')
		.where('u.status', '=', 'active');
	const [m, r] = await Promise.all([
		messages.executeTakeFirstOrThrow(),
		requests.executeTakeFirstOrThrow()
	]);
	return { messages: Number(m.n), requests: Number(r.n) };
}

const PREVIEW_LENGTH = 120;

/**
 * A member's conversations, the most recent first: the other member (null once erased), the
 * newest message's opening words and who wrote it, and how many messages they have not read.
 */
export async function listConversations(db: DB, userId: string, limit = 200) {
	const otherId = sql<string | null>`case when ${sql.ref('conversations.member_a_id')} = ${userId}
		then ${sql.ref('conversations.member_b_id')} else ${sql.ref('conversations.member_a_id')} end`;
	const rows = await db
		.selectFrom('conversations')
		.leftJoin('users as o', (join) => join.on(sql<boolean>`${sql.ref('o.id')} = ${otherId}`))
		.leftJoin('organisations as org', 'org.id', 'o.organisation_id')
		.leftJoin('conversation_reads as r', (join) =>
			join.onRef('r.conversation_id', '=', 'conversations.id').on('r.user_id', '=', userId)
		)
		.select((eb) => [
			'conversations.id',
			'conversations.last_message_at',
			'o.id as other_id',
			'o.name as other_name',
			'o.status as other_status',
			'org.name as other_organisation',
			eb
				.selectFrom('messages as m')
				.select((inner) => inner.fn.countAll<number>().as('n'))
				.whereRef('m.conversation_id', '=', 'conversations.id')
				.where((inner) =>
					inner.or([inner('m.sender_id', 'is', null), inner('m.sender_id', '!=', userId)])
				)
				.where((inner) =>
					inner.or([
						inner('r.last_read_at', 'is', null),
						inner('m.created_at', '>', inner.ref('r.last_read_at'))
					])
				)
				.as('unread'),
			eb
				.selectFrom('messages as m')
				.select('m.body')
				.whereRef('m.conversation_id', '=', 'conversations.id')
				.orderBy('m.created_at', 'desc')
				.orderBy('m.id', 'desc')
				.limit(1)
				.as('last_body'),
			eb
				.selectFrom('messages as m')
				.select('m.sender_id')
				.whereRef('m.conversation_id', '=', 'conversations.id')
				.orderBy('m.created_at', 'desc')
				.orderBy('m.id', 'desc')
				.limit(1)
				.as('last_sender_id')
		])
		.where(takesPart(userId))
		.orderBy('conversations.last_message_at', 'desc')
		.orderBy('conversations.id')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		lastMessageAt: row.last_message_at,
		other: row.other_id
			? {
					id: row.other_id,
					name: row.other_name ?? '',
					organisation: row.other_organisation,
					active: row.other_status === 'active'
				}
			: null,
		unread: Number(row.unread ?? 0),
		preview: preview(row.last_body ?? ''),
		lastFromMe: row.last_sender_id === userId
	}));
}

export type ConversationSummary = Awaited<ReturnType<typeof listConversations>>[number];

/** The opening words of a message on one line. */
function preview(body: string): string {
	const line = body.replace(/\s+/g, ' ').trim();
	return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : line;
}

/** Whether `blocker` blocked `blocked`. */
async function hasBlocked(db: DB, blocker: string, blocked: string): Promise<boolean> {
	const row = await db
		.selectFrom('blocks')
		.select('blocker_id')
		.where('blocker_id', '=', blocker)
		.where('blocked_id', '=', blocked)
		.executeTakeFirst();
	return row !== undefined;
}

/** Both directions of blocking between two members. */
export async function blocksBetween(db: DB, selfId: string, otherId: string) {
	const [iBlockedThem, theyBlockedMe] = await Promise.all([
		hasBlocked(db, selfId, otherId),
		hasBlocked(db, otherId, selfId)
	]);
	return { iBlockedThem, theyBlockedMe };
}

/** One member as contact pages show them; undefined when there is no such account. */
export async function memberCard(db: DB, userId: string) {
	const row = await db
		.selectFrom('users as u')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select(['u.id', 'u.name', 'u.status', 'o.name as organisation'])
		.where('u.id', '=', userId)
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				name: row.name,
				status: row.status as UserStatus,
				organisation: row.organisation
			}
		: undefined;
}

/**
 * Everything that decides whether `selfId` may ask `otherId` for contact: the other member,
 * their conversation (if any), an open request either way, when the last request of mine to
 * them was declined, and blocks both ways. Pages show it; sendContactRequest decides with it.
 */
export async function relationBetween(db: DB, selfId: string, otherId: string) {
	const other = await memberCard(db, otherId);
	const [a, b] = orderedPair(selfId, otherId);
	const [conversation, pending, declined, blocks] = await Promise.all([
		db
			.selectFrom('conversations')
			.select('id')
			.where('member_a_id', '=', a)
			.where('member_b_id', '=', b)
			.executeTakeFirst(),
		db
			.selectFrom('contact_requests')
			.select(['id', 'from_id', 'created_at'])
			.where('status', '=', 'pending')
			.where((eb) =>
				eb.or([
					eb.and([eb('from_id', '=', selfId), eb('to_id', '=', otherId)]),
					eb.and([eb('from_id', '=', otherId), eb('to_id', '=', selfId)])
				])
			)
			.executeTakeFirst(),
		db
			.selectFrom('contact_requests')
			.select('decided_at')
			.where('from_id', '=', selfId)
			.where('to_id', '=', otherId)
			.where('status', '=', 'declined')
			.orderBy('decided_at', 'desc')
			.limit(1)
			.executeTakeFirst(),
		blocksBetween(db, selfId, otherId)
	]);
	return {
		other,
		conversationId: conversation?.id ?? null,
		pending: pending
			? { id: pending.id, fromMe: pending.from_id === selfId, createdAt: pending.created_at }
			: null,
		declinedAt: declined?.decided_at ?? null,
		...blocks
	};
}

export type RelationBetween = Awaited<ReturnType<typeof relationBetween>>;

/** The contact requests waiting for an answer: those to me, and those I sent. */
export async function pendingRequests(db: DB, userId: string) {
	const base = () =>
		db
			.selectFrom('contact_requests as cr')
			.where('cr.status', '=', 'pending')
			.orderBy('cr.created_at', 'desc')
			.orderBy('cr.id');
	const [incoming, outgoing] = await Promise.all([
		base()
			.innerJoin('users as u', 'u.id', 'cr.from_id')
			.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
			.select([
				'cr.id',
				'cr.message',
				'cr.created_at',
				'u.id as member_id',
				'u.name',
				'o.name as organisation'
			])
			.where('cr.to_id', '=', userId)
			.where('u.status', '=', 'active')
			.execute(),
		base()
			.innerJoin('users as u', 'u.id', 'cr.to_id')
			.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
			.select([
				'cr.id',
				'cr.message',
				'cr.created_at',
				'u.id as member_id',
				'u.name',
				'o.name as organisation'
			])
			.where('cr.from_id', '=', userId)
			.execute()
	]);
	return { incoming, outgoing };
}

export type PendingRequest = Awaited<ReturnType<typeof pendingRequests>>['incoming'][number];

/** The most messages one conversation page shows (the newest). */
export const CONVERSATION_PAGE_MESSAGES = 500;

/**
 * One conversation for one of its members, with its messages oldest first (the newest
 * CONVERSATION_PAGE_MESSAGES), the other member (null once erased), blocks both ways and where
 * the member had read up to. Undefined when there is no such conversation or they are not in it.
 */
export async function conversationForMember(db: DB, conversationId: string, userId: string) {
	const conversation = await db
		.selectFrom('conversations')
		.select(['id', 'member_a_id', 'member_b_id', 'created_at'])
		.where('id', '=', conversationId)
		.where(takesPart(userId))
		.executeTakeFirst();
	if (!conversation) return undefined;
	const otherId = otherMember(conversation, userId);
	const [other, newestFirst, read, blocks] = await Promise.all([
		otherId ? memberCard(db, otherId) : Promise.resolve(undefined),
		db
			.selectFrom('messages')
			.select(['id', 'sender_id', 'body', 'created_at'])
			.where('conversation_id', '=', conversation.id)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(CONVERSATION_PAGE_MESSAGES)
			.execute(),
		db
			.selectFrom('conversation_reads')
			.select('last_read_at')
			.where('conversation_id', '=', conversation.id)
			.where('user_id', '=', userId)
			.executeTakeFirst(),
		otherId
			? blocksBetween(db, userId, otherId)
			: Promise.resolve({ iBlockedThem: false, theyBlockedMe: false })
	]);
	return {
		id: conversation.id,
		other: other ?? null,
		messages: newestFirst.reverse(),
		lastReadAt: read?.last_read_at ?? null,
		...blocks
	};
}

export type ConversationView = NonNullable<Awaited<ReturnType<typeof conversationForMember>>>;

/** A message of a conversation `userId` takes part in (for reporting it); undefined otherwise. */
export async function messageForMember(
	db: DB,
	input: { messageId: string; conversationId: string; userId: string }
) {
	return db
		.selectFrom('messages')
		.innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
		.select(['messages.id', 'messages.sender_id'])
		.where('messages.id', '=', input.messageId)
		.where('messages.conversation_id', '=', input.conversationId)
		.where(takesPart(input.userId))
		.executeTakeFirst();
}

/** The column of follows that holds a target of this type. */
export const FOLLOW_COLUMN = {
	member: 'member_id',
	organisation: 'organisation_id',
	theme: 'theme_id',
	network: 'network_id'
} as const satisfies Record<FollowTargetType, string>;

/**
 * A follow target as the viewer may know it: an active member (not themselves), an organisation
 * or a theme (by id or slug), a network the viewer may see (by id or slug; a private network is
 * unknown to outsiders). Undefined otherwise; routes answer 404 either way.
 */
export async function followTarget(
	db: DB,
	viewer: Viewer,
	type: FollowTargetType,
	idOrSlug: string
): Promise<{ id: string; name: string } | undefined> {
	switch (type) {
		case 'member': {
			const row = await db
				.selectFrom('users')
				.select(['id', 'name'])
				.where('id', '=', idOrSlug)
				.where('status', '=', 'active')
				.executeTakeFirst();
			return row;
		}
		case 'organisation':
			return db
				.selectFrom('organisations')
				.select(['id', 'name'])
				.where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
				.executeTakeFirst();
		case 'theme':
			return db
				.selectFrom('themes')
				.select(['id', 'name'])
				.where('id', '=', idOrSlug)
				.executeTakeFirst();
		case 'network': {
			const network = await db
				.selectFrom('networks')
				.select(['id', 'name', 'visibility', 'join_policy'])
				.where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
				.executeTakeFirst();
			if (!network) return undefined;
			const subject: NetworkSubject = {
				visibility: network.visibility,
				joinPolicy: network.join_policy,
				membership: await membershipOf(db, network.id, viewer)
			};
			return can(viewer, 'see', subject) ? { id: network.id, name: network.name } : undefined;
		}
	}
}

/** The follow of one target by one member, if any (targets by their id). */
export async function findFollow(
	db: DB,
	followerId: string,
	type: FollowTargetType,
	targetId: string
) {
	return db
		.selectFrom('follows')
		.select(['id', 'created_at'])
		.where('follower_id', '=', followerId)
		.where(FOLLOW_COLUMN[type], '=', targetId)
		.executeTakeFirst();
}

/** Whether a member follows a target (by its id): for the follow buttons on other pages. */
export async function isFollowing(
	db: DB,
	followerId: string,
	type: FollowTargetType,
	targetId: string
): Promise<boolean> {
	return (await findFollow(db, followerId, type, targetId)) !== undefined;
}

/**
 * What a member follows, by type and then name. A network shows only while the member may see
 * it (a private network they left drops out, as everywhere).
 */
export async function listFollows(db: DB, viewer: Viewer & { kind: 'member' }) {
	const rows = await db
		.selectFrom('follows as f')
		.leftJoin('users as u', 'u.id', 'f.member_id')
		.leftJoin('organisations as o', 'o.id', 'f.organisation_id')
		.leftJoin('themes as t', 't.id', 'f.theme_id')
		.leftJoin('networks', 'networks.id', 'f.network_id')
		.select([
			'f.target_type',
			'f.created_at',
			'f.member_id',
			'f.organisation_id',
			'f.theme_id',
			'f.network_id',
			'u.name as member_name',
			'o.name as organisation_name',
			't.name as theme_name',
			't.position as theme_position',
			'networks.name as network_name',
			'networks.slug as network_slug'
		])
		.where('f.follower_id', '=', viewer.userId)
		.where((eb) =>
			eb.or([
				eb('f.network_id', 'is', null),
				visibleTo(viewer)(eb as unknown as ExpressionBuilder<Database, keyof Database>)
			])
		)
		.execute();
	const order: FollowTargetType[] = ['member', 'organisation', 'network', 'theme'];
	return rows
		.map((row) => ({
			type: row.target_type,
			id: row.member_id ?? row.organisation_id ?? row.theme_id ?? row.network_id ?? '',
			name: row.member_name ?? row.organisation_name ?? row.theme_name ?? row.network_name ?? '',
			slug: row.network_slug,
			since: row.created_at
		}))
		.sort(
			(x, y) => order.indexOf(x.type) - order.indexOf(y.type) || x.name.localeCompare(y.name, 'nl')
		);
}

export type FollowRow = Awaited<ReturnType<typeof listFollows>>[number];
