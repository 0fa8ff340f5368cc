import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import { dialectOf } from '../../db/dialect';
import type { ThreadKind } from '../../db/tables/discussions';
import { writeAudit } from '../../platform/audit';
import { queueMail } from '../../platform/mail';
import { renderMarkdown } from '../../platform/markdown';
import { mentionMail, threadUrl } from './mails';
import { mentionTargets } from './queries';
import { indexReply, indexThread } from '../search/mutations';

/**
 * Writes in discussions. Routes have asked the policy first (who may post, edit, moderate);
 * what can change between that question and the write (a thread locked meanwhile, a post gone)
 * is checked again here, inside the transaction. Markdown is rendered here, once, and stored
 * as sanitised HTML next to the text.
 */

export type DiscussionProblem =
	'not_found' | 'thread_locked' | 'unchanged' | 'not_question' | 'reply_not_found' | 'same_network';

export type DiscussionResult<T = object> =
	({ ok: true } & T) | { ok: false; reason: DiscussionProblem };

const now = () => new Date().toISOString();

/** Now, or just after `after` when the clock has not moved on: versions and replies keep their order. */
function after(iso: string): string {
	return new Date(Math.max(Date.now(), new Date(iso).getTime() + 1)).toISOString();
}

/** The thread with its network, read for a change; on PostgreSQL the row stays locked until commit. */
async function lockThread(trx: DB, threadId: string) {
	let query = trx
		.selectFrom('threads as t')
		.innerJoin('networks as n', 'n.id', 't.network_id')
		.select([
			't.id',
			't.network_id',
			't.author_id',
			't.kind',
			't.title',
			't.body',
			't.body_html',
			't.locked',
			't.pinned',
			't.created_at',
			't.edited_at',
			't.last_activity_at',
			'n.slug as network_slug',
			'n.name as network_name'
		])
		.where('t.id', '=', threadId)
		.where('t.deleted_at', 'is', null);
	if (dialectOf(trx) === 'postgres') query = query.forUpdate('t');
	const row = await query.executeTakeFirst();
	return row ? { ...row, locked: Boolean(row.locked), pinned: Boolean(row.pinned) } : undefined;
}

type LockedThread = NonNullable<Awaited<ReturnType<typeof lockThread>>>;

/**
 * Renders a post for a network: the HTML, and the members it mentions who should hear of it
 * (not the author; with `already`, not those the earlier version already mentioned).
 */
async function renderForNetwork(
	trx: DB,
	networkId: string,
	markdown: string,
	authorId: string,
	already: string | null = null
) {
	const targets = await mentionTargets(trx, networkId);
	const rendered = renderMarkdown(markdown, targets);
	const before = already === null ? [] : renderMarkdown(already, targets).mentions;
	const notify = targets.filter(
		(t) => rendered.mentions.includes(t.id) && t.id !== authorId && !before.includes(t.id)
	);
	return { html: rendered.html, notify };
}

/** Mails each newly mentioned member where they were mentioned, in the same transaction. */
async function mailMentions(
	trx: DB,
	input: {
		notify: { id: string; name: string; email: string }[];
		authorId: string;
		thread: { id: string; title: string; network_slug: string; network_name: string };
		replyId: string | null;
		origin: string;
	}
) {
	if (input.notify.length === 0) return;
	const author = await trx
		.selectFrom('users')
		.select('name')
		.where('id', '=', input.authorId)
		.executeTakeFirst();
	const url = new URL(threadUrl(input.origin, input.thread.network_slug, input.thread.id));
	if (input.replyId) url.searchParams.set('reactie', input.replyId);
	for (const recipient of input.notify) {
		await queueMail(trx, {
			to: recipient.email,
			kind: 'mention',
			...mentionMail({
				recipientName: recipient.name,
				authorName: author?.name ?? 'Een lid',
				networkName: input.thread.network_name,
				threadTitle: input.thread.title,
				inReply: input.replyId !== null,
				url: url.toString()
			})
		});
	}
}

/** A member starts a thread (a discussion or a question) in a network. */
export async function createThread(
	db: DB,
	input: {
		networkId: string;
		authorId: string;
		kind: ThreadKind;
		title: string;
		body: string;
		origin: string;
	}
): Promise<DiscussionResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const network = await trx
			.selectFrom('networks')
			.select(['id', 'slug', 'name'])
			.where('id', '=', input.networkId)
			.executeTakeFirst();
		if (!network) return { ok: false, reason: 'not_found' } as const;
		const { html, notify } = await renderForNetwork(trx, network.id, input.body, input.authorId);
		const id = randomUUID();
		const at = now();
		await trx
			.insertInto('threads')
			.values({
				id,
				network_id: network.id,
				author_id: input.authorId,
				kind: input.kind,
				title: input.title,
				body: input.body,
				body_html: html,
				accepted_reply_id: null,
				last_activity_at: at,
				created_at: at,
				updated_at: at,
				edited_at: null
			})
			.execute();
		await indexThread(trx, id);
		await mailMentions(trx, {
			notify,
			authorId: input.authorId,
			thread: { id, title: input.title, network_slug: network.slug, network_name: network.name },
			replyId: null,
			origin: input.origin
		});
		return { ok: true, id } as const;
	});
}

/**
 * A member replies to a thread. A locked thread refuses, unless `evenIfLocked` (its
 * coordinators and admins, as the policy says).
 */
export async function createReply(
	db: DB,
	input: {
		threadId: string;
		authorId: string;
		body: string;
		origin: string;
		evenIfLocked: boolean;
	}
): Promise<DiscussionResult<{ id: string }>> {
	return db.transaction().execute(async (trx) => {
		const thread = await lockThread(trx, input.threadId);
		if (!thread) return { ok: false, reason: 'not_found' } as const;
		if (thread.locked && !input.evenIfLocked)
			return { ok: false, reason: 'thread_locked' } as const;
		const { html, notify } = await renderForNetwork(
			trx,
			thread.network_id,
			input.body,
			input.authorId
		);
		const id = randomUUID();
		// Replies keep the order they were written in, also two in the same millisecond: each
		// is later than the thread's last activity (the thread row is locked meanwhile).
		const at = after(thread.last_activity_at);
		await trx
			.insertInto('replies')
			.values({
				id,
				thread_id: thread.id,
				author_id: input.authorId,
				body: input.body,
				body_html: html,
				created_at: at,
				edited_at: null
			})
			.execute();
		await trx
			.updateTable('threads')
			.set({ last_activity_at: at })
			.where('id', '=', thread.id)
			.execute();
		await indexReply(trx, id);
		await mailMentions(trx, {
			notify,
			authorId: input.authorId,
			thread,
			replyId: id,
			origin: input.origin
		});
		return { ok: true, id } as const;
	});
}

/**
 * The author changes their thread's title and text. The earlier version is kept (shown as the
 * history behind "bewerkt"); newly mentioned members are told.
 */
export async function editThread(
	db: DB,
	input: {
		threadId: string;
		editorId: string;
		title: string;
		body: string;
		origin: string;
		evenIfLocked: boolean;
	}
): Promise<DiscussionResult> {
	return db.transaction().execute(async (trx) => {
		const thread = await lockThread(trx, input.threadId);
		if (!thread) return { ok: false, reason: 'not_found' } as const;
		if (thread.locked && !input.evenIfLocked)
			return { ok: false, reason: 'thread_locked' } as const;
		if (thread.title === input.title && thread.body === input.body) {
			return { ok: false, reason: 'unchanged' } as const;
		}
		await keepRevision(trx, { thread, editorId: input.editorId });
		const { html, notify } = await renderForNetwork(
			trx,
			thread.network_id,
			input.body,
			input.editorId,
			thread.body
		);
		const at = after(thread.edited_at ?? thread.created_at);
		await trx
			.updateTable('threads')
			.set({ title: input.title, body: input.body, body_html: html, edited_at: at, updated_at: at })
			.where('id', '=', thread.id)
			.execute();
		await indexThread(trx, thread.id);
		await mailMentions(trx, {
			notify,
			authorId: input.editorId,
			thread: { ...thread, title: input.title },
			replyId: null,
			origin: input.origin
		});
		return { ok: true } as const;
	});
}

async function keepRevision(
	trx: DB,
	input: {
		thread?: LockedThread;
		reply?: {
			id: string;
			body: string;
			body_html: string;
			created_at: string;
			edited_at: string | null;
		};
		editorId: string;
	}
) {
	const post = input.thread ?? input.reply!;
	await trx
		.insertInto('post_revisions')
		.values({
			id: randomUUID(),
			thread_id: input.thread ? input.thread.id : null,
			reply_id: input.reply ? input.reply.id : null,
			editor_id: input.editorId,
			title: input.thread ? input.thread.title : null,
			body: post.body,
			body_html: post.body_html,
			version_at: post.edited_at ?? post.created_at,
			created_at: now()
		})
		.execute();
}

/** The author changes their reply; the earlier version is kept. */
export async function editReply(
	db: DB,
	input: { replyId: string; editorId: string; body: string; origin: string; evenIfLocked: boolean }
): Promise<DiscussionResult> {
	return db.transaction().execute(async (trx) => {
		const where = await trx
			.selectFrom('replies')
			.select('thread_id')
			.where('id', '=', input.replyId)
			.executeTakeFirst();
		// The thread is locked first, so edits of its posts wait for each other.
		const thread = where ? await lockThread(trx, where.thread_id) : undefined;
		const reply = await trx
			.selectFrom('replies')
			.select(['id', 'thread_id', 'body', 'body_html', 'created_at', 'edited_at'])
			.where('id', '=', input.replyId)
			.where('deleted_at', 'is', null)
			.executeTakeFirst();
		if (!thread || !reply) return { ok: false, reason: 'not_found' } as const;
		if (thread.locked && !input.evenIfLocked)
			return { ok: false, reason: 'thread_locked' } as const;
		if (reply.body === input.body) return { ok: false, reason: 'unchanged' } as const;
		await keepRevision(trx, { reply, editorId: input.editorId });
		const { html, notify } = await renderForNetwork(
			trx,
			thread.network_id,
			input.body,
			input.editorId,
			reply.body
		);
		await trx
			.updateTable('replies')
			.set({
				body: input.body,
				body_html: html,
				edited_at: after(reply.edited_at ?? reply.created_at)
			})
			.where('id', '=', reply.id)
			.execute();
		await indexReply(trx, reply.id);
		await mailMentions(trx, {
			notify,
			authorId: input.editorId,
			thread,
			replyId: reply.id,
			origin: input.origin
		});
		return { ok: true } as const;
	});
}

/**
 * A coordinator pins a thread to the top of the list, or unpins it; the audit log says who.
 * Pinning what is pinned already changes nothing and logs nothing.
 */
export async function setPinned(
	db: DB,
	input: { threadId: string; pinned: boolean; actorId: string }
): Promise<DiscussionResult> {
	return db.transaction().execute(async (trx) => {
		const thread = await lockThread(trx, input.threadId);
		if (!thread) return { ok: false, reason: 'not_found' } as const;
		if (thread.pinned === input.pinned) return { ok: true } as const;
		await trx
			.updateTable('threads')
			.set({ pinned: input.pinned, updated_at: now() })
			.where('id', '=', thread.id)
			.execute();
		await writeAudit(trx, {
			actorId: input.actorId,
			action: input.pinned ? 'thread.pinned' : 'thread.unpinned',
			subjectType: 'thread',
			subjectId: thread.id,
			details: { network: thread.network_name }
		});
		return { ok: true } as const;
	});
}

/**
 * A coordinator locks a thread (no more replies or edits), or opens it again; the audit log
 * says who.
 */
export async function setLocked(
	db: DB,
	input: { threadId: string; locked: boolean; actorId: string }
): Promise<DiscussionResult> {
	return db.transaction().execute(async (trx) => {
		const thread = await lockThread(trx, input.threadId);
		if (!thread) return { ok: false, reason: 'not_found' } as const;
		if (thread.locked === input.locked) return { ok: true } as const;
		await trx
			.updateTable('threads')
			.set({ locked: input.locked, updated_at: now() })
			.where('id', '=', thread.id)
			.execute();
		await writeAudit(trx, {
			actorId: input.actorId,
			action: input.locked ? 'thread.locked' : 'thread.unlocked',
			subjectType: 'thread',
			subjectId: thread.id,
			details: { network: thread.network_name }
		});
		return { ok: true } as const;
	});
}

/**
 * A coordinator moves a thread, with its replies, to another network (the route checked that
 * they coordinate both); the audit log says from where to where.
 */
export async function moveThread(
	db: DB,
	input: { threadId: string; networkId: string; actorId: string }
): Promise<DiscussionResult<{ networkSlug: string }>> {
	return db.transaction().execute(async (trx) => {
		const thread = await lockThread(trx, input.threadId);
		if (!thread) return { ok: false, reason: 'not_found' } as const;
		if (thread.network_id === input.networkId)
			return { ok: false, reason: 'same_network' } as const;
		const target = await trx
			.selectFrom('networks')
			.select(['id', 'slug', 'name'])
			.where('id', '=', input.networkId)
			.executeTakeFirst();
		if (!target) return { ok: false, reason: 'not_found' } as const;
		await trx
			.updateTable('threads')
			.set({ network_id: target.id, updated_at: now() })
			.where('id', '=', thread.id)
			.execute();
		await indexThread(trx, thread.id, { withReplies: true });
		await writeAudit(trx, {
			actorId: input.actorId,
			action: 'thread.moved',
			subjectType: 'thread',
			subjectId: thread.id,
			details: { from: thread.network_name, to: target.name, network: target.name }
		});
		return { ok: true, networkSlug: target.slug } as const;
	});
}

/**
 * The asker or a coordinator marks one reply to a question as its answer (replacing an earlier
 * one), or with `replyId` null takes the mark away.
 */
export async function acceptAnswer(
	db: DB,
	input: { threadId: string; replyId: string | null }
): Promise<DiscussionResult> {
	return db.transaction().execute(async (trx) => {
		const thread = await lockThread(trx, input.threadId);
		if (!thread) return { ok: false, reason: 'not_found' } as const;
		if (thread.kind !== 'question') return { ok: false, reason: 'not_question' } as const;
		if (input.replyId !== null) {
			const reply = await trx
				.selectFrom('replies')
				.select('id')
				.where('id', '=', input.replyId)
				.where('thread_id', '=', thread.id)
				.where('deleted_at', 'is', null)
				.executeTakeFirst();
			if (!reply) return { ok: false, reason: 'reply_not_found' } as const;
		}
		await trx
			.updateTable('threads')
			.set({ accepted_reply_id: input.replyId, updated_at: now() })
			.where('id', '=', thread.id)
			.execute();
		return { ok: true } as const;
	});
}

/**
 * Deletes a thread: it leaves every list and page (soft: the row stays, with who and when, so a
 * report about it can still be read). When someone other than the author does it (a coordinator
 * or an admin, `moderated`), the audit log records the fact.
 */
export async function deleteThread(
	db: DB,
	input: { threadId: string; actorId: string; moderated: boolean }
): Promise<DiscussionResult<{ networkSlug: string }>> {
	if (!db.isTransaction) return db.transaction().execute((trx) => deleteThread(trx, input));
	const thread = await lockThread(db, input.threadId);
	if (!thread) return { ok: false, reason: 'not_found' };
	const at = now();
	await db
		.updateTable('threads')
		.set({ deleted_at: at, deleted_by: input.actorId, pinned: false, updated_at: at })
		.where('id', '=', thread.id)
		.execute();
	await indexThread(db, thread.id);
	if (input.moderated) {
		await writeAudit(db, {
			actorId: input.actorId,
			action: 'thread.deleted',
			subjectType: 'thread',
			subjectId: thread.id,
			details: { network: thread.network_name }
		});
	}
	return { ok: true, networkSlug: thread.network_slug };
}

/**
 * Deletes a reply: it shows as "verwijderd" in its place, without its text (an accepted answer
 * stops being one). Audited when `moderated`.
 */
export async function deleteReply(
	db: DB,
	input: { replyId: string; actorId: string; moderated: boolean }
): Promise<DiscussionResult<{ threadId: string }>> {
	if (!db.isTransaction) return db.transaction().execute((trx) => deleteReply(trx, input));
	const where = await db
		.selectFrom('replies')
		.select('thread_id')
		.where('id', '=', input.replyId)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	// The thread is locked first, as for edits, so a reply is not accepted while it goes.
	const thread = where ? await lockThread(db, where.thread_id) : undefined;
	if (!thread) return { ok: false, reason: 'not_found' };
	await db
		.updateTable('replies')
		.set({ deleted_at: now(), deleted_by: input.actorId })
		.where('id', '=', input.replyId)
		.execute();
	await indexReply(db, input.replyId);
	await db
		.updateTable('threads')
		.set({ accepted_reply_id: null })
		.where('id', '=', thread.id)
		.where('accepted_reply_id', '=', input.replyId)
		.execute();
	if (input.moderated) {
		await writeAudit(db, {
			actorId: input.actorId,
			action: 'reply.deleted',
			subjectType: 'reply',
			subjectId: input.replyId,
			details: { network: thread.network_name }
		});
	}
	return { ok: true, threadId: thread.id };
}

/** What an opening post says once its author removed their contributions (see below). */
export const REMOVED_OPENING_POST = 'De schrijver heeft deze openingspost verwijderd.';

/**
 * Before an account is erased with its contributions (accounts/mutations.ts eraseAccount): a
 * thread this member started that others replied to is not deleted, since its replies are their
 * words. It loses the member's text and author instead and stays, title and replies included,
 * as "voormalig lid"; its earlier versions go with the member's other contributions.
 */
export async function keepThreadsWithOthersReplies(db: DB, userId: string): Promise<number> {
	const result = await db
		.updateTable('threads')
		.set({
			author_id: null,
			body: REMOVED_OPENING_POST,
			body_html: renderMarkdown(REMOVED_OPENING_POST).html,
			edited_at: null
		})
		.where('author_id', '=', userId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('replies')
					.select('replies.id')
					.whereRef('replies.thread_id', '=', 'threads.id')
					.where((r) =>
						r.or([r('replies.author_id', '!=', userId), r('replies.author_id', 'is', null)])
					)
			)
		)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
