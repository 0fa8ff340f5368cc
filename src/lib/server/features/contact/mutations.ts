import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import type { FollowTargetType } from '../../db/tables/contact';
import { queueMail } from '../../platform/mail';
import { hitRateLimit, type RateLimitRule } from '../../platform/rate-limit';
import { fileReport } from '../reports/mutations';
import type { Viewer } from '../viewer';
import { contactRequestMail, newMessageMail, requestAcceptedMail } from './mails';
import { declinedTooRecently, type WriteProblem, writeProblem } from './policy';
import {
	blocksBetween,
	findFollow,
	FOLLOW_COLUMN,
	followTarget,
	memberCard,
	messageForMember,
	orderedPair,
	otherMember,
	relationBetween
} from './queries';

/** Contact requests a member may send per day: plenty for real work, too few for a spammer. */
export const CONTACT_REQUEST_LIMIT: RateLimitRule = {
	bucket: 'contact_request_member',
	limit: 20,
	windowSeconds: 24 * 60 * 60
};

async function addressee(db: DB, userId: string) {
	return db
		.selectFrom('users as u')
		.leftJoin('organisations as o', 'o.id', 'u.organisation_id')
		.select(['u.name', 'u.email', 'o.name as organisation'])
		.where('u.id', '=', userId)
		.executeTakeFirstOrThrow();
}

/**
 * Why a contact request was not sent, besides the WriteProblems:
 * - conversation_exists: the two already have a conversation (go there: conversationId);
 * - already_requested: my request to them is still open;
 * - they_asked: they asked me first (answer that request: requestId);
 * - declined_recently: they declined my request less than DECLINED_PAUSE_DAYS ago;
 * - rate_limited: too many requests today.
 */
export type ContactRequestResult =
	| { ok: true; id: string }
	| { ok: false; reason: WriteProblem | 'already_requested' | 'declined_recently' }
	| { ok: false; reason: 'conversation_exists'; conversationId: string }
	| { ok: false; reason: 'they_asked'; requestId: string }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * A member asks another for contact with a message. The other member gets an e-mail (without
 * the message: that waits on the site). The open-request index makes two requests between the
 * same pair at the same moment end as one.
 */
export async function sendContactRequest(
	db: DB,
	input: { fromId: string; toId: string; message: string; origin: string }
): Promise<ContactRequestResult> {
	if (input.fromId === input.toId) return { ok: false, reason: 'self' };
	return db.transaction().execute(async (trx): Promise<ContactRequestResult> => {
		const relation = await relationBetween(trx, input.fromId, input.toId);
		const problem = writeProblem({
			selfId: input.fromId,
			other: relation.other,
			theyBlockedMe: relation.theyBlockedMe,
			iBlockedThem: relation.iBlockedThem
		});
		if (problem) return { ok: false, reason: problem };
		if (relation.conversationId) {
			return { ok: false, reason: 'conversation_exists', conversationId: relation.conversationId };
		}
		if (relation.pending?.fromMe) return { ok: false, reason: 'already_requested' };
		if (relation.pending)
			return { ok: false, reason: 'they_asked', requestId: relation.pending.id };
		if (declinedTooRecently(relation.declinedAt)) {
			return { ok: false, reason: 'declined_recently' };
		}
		const limited = await hitRateLimit(trx, { ...CONTACT_REQUEST_LIMIT, key: input.fromId });
		if (!limited.ok) {
			return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
		}
		const id = randomUUID();
		const inserted = await trx
			.insertInto('contact_requests')
			.values({
				id,
				from_id: input.fromId,
				to_id: input.toId,
				message: input.message,
				status: 'pending',
				created_at: new Date().toISOString(),
				decided_at: null
			})
			// The open-request index: someone else's request between the two just got in.
			.onConflict((oc) => oc.doNothing())
			.executeTakeFirst();
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
			return { ok: false, reason: 'already_requested' };
		}
		const [sender, recipient] = await Promise.all([
			addressee(trx, input.fromId),
			addressee(trx, input.toId)
		]);
		await queueMail(trx, {
			to: recipient.email,
			kind: 'contact-request',
			...contactRequestMail({
				recipientName: recipient.name,
				senderName: sender.name,
				senderOrganisation: sender.organisation,
				origin: input.origin
			})
		});
		return { ok: true, id };
	});
}

/**
 * The conversation of two members: the existing one, or a new one with a read state for both.
 * Two openings at the same moment meet at the pair's unique constraint and share one.
 */
async function openConversation(trx: DB, x: string, y: string, at: string): Promise<string> {
	const [a, b] = orderedPair(x, y);
	await trx
		.insertInto('conversations')
		.values({
			id: randomUUID(),
			member_a_id: a,
			member_b_id: b,
			created_at: at,
			last_message_at: at
		})
		.onConflict((oc) => oc.columns(['member_a_id', 'member_b_id']).doNothing())
		.execute();
	const { id } = await trx
		.selectFrom('conversations')
		.select('id')
		.where('member_a_id', '=', a)
		.where('member_b_id', '=', b)
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('conversation_reads')
		.values([
			{ conversation_id: id, user_id: a, last_read_at: null, mail_pending: false },
			{ conversation_id: id, user_id: b, last_read_at: null, mail_pending: false }
		])
		.onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
		.execute();
	return id;
}

/** Moves a member's read mark forward to `at` (never back). */
async function readUpTo(trx: DB, conversationId: string, userId: string, at: string) {
	await trx
		.updateTable('conversation_reads')
		.set({ last_read_at: at })
		.where('conversation_id', '=', conversationId)
		.where('user_id', '=', userId)
		.where((eb) => eb.or([eb('last_read_at', 'is', null), eb('last_read_at', '<', at)]))
		.execute();
}

export type DecisionResult =
	| { ok: true; conversationId: string | null }
	| { ok: false; reason: 'not_found' | 'already_decided' | 'unavailable' };

/** The open request to `userId` with this id, locked for the decision. */
async function openRequestTo(trx: DB, requestId: string, userId: string) {
	return trx
		.selectFrom('contact_requests')
		.select(['id', 'from_id', 'to_id', 'message', 'status', 'created_at'])
		.where('id', '=', requestId)
		.where('to_id', '=', userId)
		.executeTakeFirst();
}

/** Marks an open request decided; false when someone got there first. */
async function decide(trx: DB, requestId: string, status: 'accepted' | 'declined') {
	const result = await trx
		.updateTable('contact_requests')
		.set({ status, decided_at: new Date().toISOString() })
		.where('id', '=', requestId)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * The recipient accepts a contact request: the conversation opens with the request's message as
 * its first message (read by the recipient, who just did), and the sender gets an e-mail.
 */
export async function acceptContactRequest(
	db: DB,
	input: { requestId: string; userId: string; origin: string }
): Promise<DecisionResult> {
	return db.transaction().execute(async (trx): Promise<DecisionResult> => {
		const request = await openRequestTo(trx, input.requestId, input.userId);
		if (!request) return { ok: false, reason: 'not_found' };
		if (request.status !== 'pending') return { ok: false, reason: 'already_decided' };
		const sender = await memberCard(trx, request.from_id);
		if (sender?.status !== 'active') return { ok: false, reason: 'unavailable' };
		if (!(await decide(trx, request.id, 'accepted'))) {
			return { ok: false, reason: 'already_decided' };
		}
		const at = request.created_at;
		const conversationId = await openConversation(trx, request.from_id, request.to_id, at);
		await trx
			.insertInto('messages')
			.values({
				id: randomUUID(),
				conversation_id: conversationId,
				sender_id: request.from_id,
				body: request.message,
				created_at: at
			})
			.execute();
		await readUpTo(trx, conversationId, request.from_id, at);
		await readUpTo(trx, conversationId, request.to_id, at);
		const [recipient, accepter] = await Promise.all([
			addressee(trx, request.from_id),
			addressee(trx, request.to_id)
		]);
		await queueMail(trx, {
			to: recipient.email,
			kind: 'contact-accepted',
			...requestAcceptedMail({
				recipientName: recipient.name,
				accepterName: accepter.name,
				conversationId,
				origin: input.origin
			})
		});
		return { ok: true, conversationId };
	});
}

/** The recipient declines a contact request. The sender is not told by e-mail. */
export async function declineContactRequest(
	db: DB,
	input: { requestId: string; userId: string }
): Promise<DecisionResult> {
	return db.transaction().execute(async (trx): Promise<DecisionResult> => {
		const request = await openRequestTo(trx, input.requestId, input.userId);
		if (!request) return { ok: false, reason: 'not_found' };
		if (request.status !== 'pending' || !(await decide(trx, request.id, 'declined'))) {
			return { ok: false, reason: 'already_decided' };
		}
		return { ok: true, conversationId: null };
	});
}

export type SendMessageResult =
	| { ok: true; id: string; createdAt: string; mailed: boolean }
	| { ok: false; reason: Exclude<WriteProblem, 'self'> };

/**
 * A member writes in a conversation they take part in. The other member gets an e-mail, but
 * not one per message: at most one per conversation until they have read it. How: their read
 * state has `mail_pending`; a message sets it from false to true in one conditional UPDATE and
 * only the message that flipped it queues the mail (two messages at the same moment flip it
 * once); opening the conversation sets it back to false (markConversationRead).
 */
export async function sendMessage(
	db: DB,
	input: { conversationId: string; senderId: string; body: string; origin: string }
): Promise<SendMessageResult> {
	return db.transaction().execute(async (trx): Promise<SendMessageResult> => {
		const conversation = await trx
			.selectFrom('conversations')
			.select(['id', 'member_a_id', 'member_b_id', 'last_message_at'])
			.where('id', '=', input.conversationId)
			.where((eb) =>
				eb.or([eb('member_a_id', '=', input.senderId), eb('member_b_id', '=', input.senderId)])
			)
			.executeTakeFirst();
		if (!conversation) return { ok: false, reason: 'not_found' };
		const otherId = otherMember(conversation, input.senderId);
		const other = otherId ? await memberCard(trx, otherId) : null;
		const blocks = otherId
			? await blocksBetween(trx, input.senderId, otherId)
			: { iBlockedThem: false, theyBlockedMe: false };
		const problem = writeProblem({ selfId: input.senderId, other: other ?? null, ...blocks });
		if (problem === 'self') return { ok: false, reason: 'not_found' };
		if (problem) return { ok: false, reason: problem };

		const id = randomUUID();
		// Strictly after the conversation's last message, so two sent within one millisecond
		// keep the order they were sent in.
		const last = conversation.last_message_at
			? new Date(conversation.last_message_at).getTime()
			: 0;
		const createdAt = new Date(Math.max(Date.now(), last + 1)).toISOString();
		await trx
			.insertInto('messages')
			.values({
				id,
				conversation_id: conversation.id,
				sender_id: input.senderId,
				body: input.body,
				created_at: createdAt
			})
			.execute();
		await trx
			.updateTable('conversations')
			.set({ last_message_at: createdAt })
			.where('id', '=', conversation.id)
			.execute();
		// Their own message is read by the sender; the read states exist since the conversation opened.
		await trx
			.insertInto('conversation_reads')
			.values([
				{ conversation_id: conversation.id, user_id: input.senderId, last_read_at: null },
				{ conversation_id: conversation.id, user_id: otherId!, last_read_at: null }
			])
			.onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
			.execute();
		await readUpTo(trx, conversation.id, input.senderId, createdAt);

		const flipped = await trx
			.updateTable('conversation_reads')
			.set({ mail_pending: true })
			.where('conversation_id', '=', conversation.id)
			.where('user_id', '=', otherId!)
			.where('mail_pending', '=', false)
			.executeTakeFirst();
		const mailed = Number(flipped.numUpdatedRows) > 0;
		if (mailed) {
			const [recipient, sender] = await Promise.all([
				addressee(trx, otherId!),
				addressee(trx, input.senderId)
			]);
			await queueMail(trx, {
				to: recipient.email,
				kind: 'new-message',
				...newMessageMail({
					recipientName: recipient.name,
					senderName: sender.name,
					conversationId: conversation.id,
					origin: input.origin
				})
			});
		}
		return { ok: true, id, createdAt, mailed };
	});
}

/**
 * A member has seen a conversation up to its newest message (`upTo`, that message's time; null
 * when it has none): unread counts drop and the next message mails them again.
 */
export async function markConversationRead(
	db: DB,
	input: { conversationId: string; userId: string; upTo: string | null }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (input.upTo) await readUpTo(trx, input.conversationId, input.userId, input.upTo);
		await trx
			.updateTable('conversation_reads')
			.set({ mail_pending: false })
			.where('conversation_id', '=', input.conversationId)
			.where('user_id', '=', input.userId)
			.where('mail_pending', '=', true)
			.execute();
	});
}

export type BlockResult =
	{ ok: true; changed: boolean; name: string } | { ok: false; reason: 'self' | 'not_found' };

/**
 * A member blocks another: from now on the blocked member cannot send them requests or
 * messages, and any open request between the two (either way) ends as declined.
 */
export async function blockMember(
	db: DB,
	input: { blockerId: string; blockedId: string }
): Promise<BlockResult> {
	if (input.blockerId === input.blockedId) return { ok: false, reason: 'self' };
	return db.transaction().execute(async (trx): Promise<BlockResult> => {
		const blocked = await memberCard(trx, input.blockedId);
		if (!blocked) return { ok: false, reason: 'not_found' };
		const inserted = await trx
			.insertInto('blocks')
			.values({
				blocker_id: input.blockerId,
				blocked_id: input.blockedId,
				created_at: new Date().toISOString()
			})
			.onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
			.executeTakeFirst();
		await trx
			.updateTable('contact_requests')
			.set({ status: 'declined', decided_at: new Date().toISOString() })
			.where('status', '=', 'pending')
			.where((eb) =>
				eb.or([
					eb.and([eb('from_id', '=', input.blockerId), eb('to_id', '=', input.blockedId)]),
					eb.and([eb('from_id', '=', input.blockedId), eb('to_id', '=', input.blockerId)])
				])
			)
			.execute();
		return {
			ok: true,
			changed: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0,
			name: blocked.name
		};
	});
}

/** Lifts a block; `changed` is false when there was none. */
export async function unblockMember(
	db: DB,
	input: { blockerId: string; blockedId: string }
): Promise<BlockResult> {
	const blocked = await memberCard(db, input.blockedId);
	if (!blocked) return { ok: false, reason: 'not_found' };
	const result = await db
		.deleteFrom('blocks')
		.where('blocker_id', '=', input.blockerId)
		.where('blocked_id', '=', input.blockedId)
		.executeTakeFirst();
	return { ok: true, changed: Number(result.numDeletedRows) > 0, name: blocked.name };
}

export type FollowResult =
	| { ok: true; following: boolean; changed: boolean; name: string }
	| { ok: false; reason: 'not_found' | 'self' };

/**
 * Follows or unfollows a member, organisation, theme or network. `want` says which; without it
 * the follow toggles. Unfollowing always works for what one follows; following needs the target
 * to exist and be visible to the viewer (a private network is unknown to outsiders: not_found).
 */
export async function setFollow(
	db: DB,
	input: {
		viewer: Viewer & { kind: 'member' };
		type: FollowTargetType;
		id: string;
		want?: boolean;
	}
): Promise<FollowResult> {
	const followerId = input.viewer.userId;
	return db.transaction().execute(async (trx): Promise<FollowResult> => {
		const target = await followTarget(trx, input.viewer, input.type, input.id);
		const targetId = target?.id ?? input.id;
		const existing = await findFollow(trx, followerId, input.type, targetId);
		const want = input.want ?? !existing;
		if (!want) {
			if (!existing) {
				return target
					? { ok: true, following: false, changed: false, name: target.name }
					: { ok: false, reason: 'not_found' };
			}
			await trx.deleteFrom('follows').where('id', '=', existing.id).execute();
			const name = target?.name ?? (await followTargetName(trx, input.type, targetId));
			return { ok: true, following: false, changed: true, name };
		}
		if (!target) return { ok: false, reason: 'not_found' };
		if (input.type === 'member' && target.id === followerId) return { ok: false, reason: 'self' };
		if (existing) return { ok: true, following: true, changed: false, name: target.name };
		await trx
			.insertInto('follows')
			.values({
				id: randomUUID(),
				follower_id: followerId,
				target_type: input.type,
				member_id: null,
				organisation_id: null,
				theme_id: null,
				network_id: null,
				[FOLLOW_COLUMN[input.type]]: target.id,
				created_at: new Date().toISOString()
			})
			.onConflict((oc) => oc.doNothing())
			.execute();
		return { ok: true, following: true, changed: true, name: target.name };
	});
}

/** The name of something one followed and may no longer see (only for "unfollowed X"). */
async function followTargetName(trx: DB, type: FollowTargetType, id: string): Promise<string> {
	const table = {
		member: 'users',
		organisation: 'organisations',
		theme: 'themes',
		network: 'networks'
	} as const;
	const row = await trx
		.selectFrom(table[type])
		.select('name')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.name ?? '';
}

export type ReportResult =
	{ ok: true } | { ok: false; reason: 'not_found' | 'own_message' | 'already_reported' };

/** A member reports a message of a conversation they take part in, for the admins. */
export async function reportMessage(
	db: DB,
	input: { conversationId: string; messageId: string; reporterId: string; reason: string }
): Promise<ReportResult> {
	const message = await messageForMember(db, {
		messageId: input.messageId,
		conversationId: input.conversationId,
		userId: input.reporterId
	});
	if (!message) return { ok: false, reason: 'not_found' };
	if (message.sender_id === input.reporterId) return { ok: false, reason: 'own_message' };
	const filed = await fileReport(db, {
		reporterId: input.reporterId,
		subjectType: 'message',
		subjectId: message.id,
		reason: input.reason
	});
	return filed.ok ? { ok: true } : filed;
}
