import type { z } from 'zod';
import type { ReplyRow, ThreadForViewer, ThreadListRow } from './queries';
import type { replySchema, threadSchema, threadSummarySchema } from './schema';

/** Rows -> what the API returns (never raw rows). Paths are relative to the site. */

export function threadPath(networkSlug: string, threadId: string): string {
	return `/netwerken/${networkSlug}/discussies/${threadId}`;
}

const authorOf = (id: string | null, name: string | null) =>
	id === null ? null : { id, name: name ?? '' };

export function presentThreadSummary(
	networkSlug: string,
	row: ThreadListRow
): z.infer<typeof threadSummarySchema> {
	return {
		id: row.id,
		network: networkSlug,
		kind: row.kind,
		title: row.title,
		author: authorOf(row.author_id, row.author_name),
		pinned: row.pinned,
		locked: row.locked,
		answered: row.answered,
		replyCount: row.reply_count,
		createdAt: row.created_at,
		lastActivityAt: row.last_activity_at,
		url: threadPath(networkSlug, row.id)
	};
}

export function presentThread(found: ThreadForViewer): z.infer<typeof threadSchema> {
	const row = found.thread;
	return {
		...presentThreadSummary(row.network_slug, row),
		body: row.body,
		bodyHtml: row.body_html,
		editedAt: row.edited_at,
		acceptedReplyId: row.accepted_reply_id
	};
}

export function presentReply(
	thread: { id: string; network_slug: string; accepted_reply_id: string | null },
	row: ReplyRow
): z.infer<typeof replySchema> {
	// A deleted reply keeps its place, without its text or author.
	const deleted = row.deleted_at !== null;
	return {
		id: row.id,
		threadId: thread.id,
		author: deleted ? null : authorOf(row.author_id, row.author_name),
		deleted,
		body: deleted ? '' : row.body,
		bodyHtml: deleted ? '' : row.body_html,
		accepted: thread.accepted_reply_id === row.id,
		createdAt: row.created_at,
		editedAt: row.edited_at,
		url: `${threadPath(thread.network_slug, thread.id)}?reactie=${row.id}`
	};
}
