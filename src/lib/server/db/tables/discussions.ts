import type { Generated } from 'kysely';

export type ThreadKind = 'discussion' | 'question';

/** A thread in a network: a discussion, or a question whose asker can accept one reply. */
export interface ThreadTable {
	id: string;
	network_id: string;
	/** Null when the author's account is gone ("voormalig lid"). */
	author_id: string | null;
	kind: ThreadKind;
	title: string;
	/** The Markdown as written. */
	body: string;
	/** The sanitised HTML rendered from it when written: pages show this as it is. */
	body_html: string;
	pinned: Generated<boolean>;
	locked: Generated<boolean>;
	accepted_reply_id: string | null;
	/** When it was started or last replied to: the list's order. */
	last_activity_at: Generated<string>;
	created_at: Generated<string>;
	updated_at: Generated<string>;
	/** When the author last changed the title or text ("bewerkt"); null if never. */
	edited_at: string | null;
	/** Soft deletion: a deleted thread is hidden everywhere. */
	deleted_at: string | null;
	deleted_by: string | null;
}

export interface ReplyTable {
	id: string;
	thread_id: string;
	author_id: string | null;
	body: string;
	body_html: string;
	created_at: Generated<string>;
	edited_at: string | null;
	/** Soft deletion: a deleted reply shows as "verwijderd" in its place. */
	deleted_at: string | null;
	deleted_by: string | null;
}

/** An earlier version of a thread or a reply (exactly one of the two), kept at each edit. */
export interface PostRevisionTable {
	id: string;
	thread_id: string | null;
	reply_id: string | null;
	editor_id: string | null;
	title: string | null;
	body: string;
	body_html: string;
	/** When this earlier version had been written. */
	version_at: string;
	/** When it was replaced by the edit. */
	created_at: Generated<string>;
}
