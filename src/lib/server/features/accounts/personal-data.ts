/**
 * What the platform holds about a person, for the GDPR export and erasure (queries.ts builds the
 * export, mutations.ts erases). Pure: the tables that refer to users are found from the schema at
 * run time; this file only says how to treat the references that are not simply "my row".
 *
 * Every reference to users is one of:
 * - ON DELETE CASCADE: the row belongs to the person (sessions, themes, an application). Exported
 *   whole, deleted with the account.
 * - a contribution (ON DELETE SET NULL, listed in CONTRIBUTIONS): something the person made for
 *   others to read. Exported whole; on deletion it stays as "voormalig lid", unless the person
 *   asks to remove their contributions too.
 * - an actor reference (ON DELETE SET NULL, listed in ACTOR_REFERENCES): the person acted on
 *   something that is not theirs (an admin's decision on someone else's application, an audit
 *   entry). Only the listed columns are exported, so another member's data never leaks through;
 *   on deletion the reference becomes null and the row stays.
 * A SET NULL reference in neither list fails the GDPR integration test: classify it here.
 */

/** `table.column` references to users that are contributions. */
export const CONTRIBUTIONS: ReadonlySet<string> = new Set<string>([
	// Private messages: the other member keeps the conversation with "voormalig lid".
	'messages.sender_id',
	// Threads and replies in networks; a post's earlier versions are the author's own words
	// (only authors edit their posts), so they go with the posts.
	'threads.author_id',
	'replies.author_id',
	'post_revisions.editor_id',
	// Comments on knowledge, and "Dit passen wij toe" with the member's own line on how.
	'knowledge_comments.author_id',
	'knowledge_adoptions.user_id'
]);

/** `table.column` references to users that record an act, with the columns the export shows. */
export const ACTOR_REFERENCES: Readonly<Record<string, readonly string[]>> = {
	'applications.decided_by': ['id', 'decision', 'decided_at'],
	'audit_log.actor_id': ['id', 'action', 'subject_type', 'created_at'],
	'domain_allowlist.created_by': ['id', 'domain', 'created_at'],
	'networks.created_by': ['id', 'slug', 'name', 'created_at'],
	// Who created an event (a coordinator or editor): that they did.
	'events.created_by': ['id', 'slug', 'title', 'created_at'],
	'network_members.decided_by': ['network_id', 'status', 'decided_at'],
	// The invitee's address is someone else's: not exported.
	'network_invitations.invited_by': ['id', 'network_id', 'created_at'],
	'network_invitations.accepted_by': ['id', 'network_id', 'accepted_at'],
	// A report's reason is the reporter's own words.
	'reports.reporter_id': ['id', 'subject_type', 'subject_id', 'reason', 'created_at'],
	'reports.resolved_by': ['id', 'subject_type', 'resolved_at'],
	// Taking part in a conversation that is the other member's too: it stays theirs when one
	// leaves (and is deleted once both have). The messages themselves are contributions.
	'conversations.member_a_id': ['id', 'created_at', 'last_message_at'],
	'conversations.member_b_id': ['id', 'created_at', 'last_message_at'],
	// A coordinator or admin who deleted someone's post: that they did, not what it said.
	'threads.deleted_by': ['id', 'network_id', 'deleted_at'],
	'replies.deleted_by': ['id', 'thread_id', 'deleted_at'],
	// An editor who added a set of search synonyms: shared vocabulary, not their own words.
	'search_synonyms.created_by': ['id', 'terms', 'created_at'],
	// Knowledge items are shared work (co-authors, editors): the item stays when its first
	// writer leaves; the authorship itself (knowledge_item_authors) goes with the account.
	'knowledge_items.created_by': ['id', 'slug', 'title', 'created_at'],
	'knowledge_items.contact_id': ['id', 'slug', 'title'],
	// A revision holds the whole item, co-authors' text too: only that one saved it.
	'knowledge_revisions.editor_id': ['item_id', 'number', 'action', 'created_at'],
	'knowledge_attachments.uploaded_by': ['id', 'item_id', 'original_name', 'created_at'],
	// Who shared a file with an event's participants: recorded on the event's materials.
	'event_materials.uploaded_by': ['id', 'event_id', 'original_name', 'created_at'],
	// Who started a regional programme (an editor or admin): that they did.
	'programmes.created_by': ['id', 'slug', 'title', 'created_at']
};

/**
 * ON DELETE CASCADE references on rows that another member made about this person (following
 * them, blocking them): the row goes with either account, and the person's export shows only
 * these columns, never who it was (that choice is the other member's).
 */
export const CHOICES_OF_OTHERS: Readonly<Record<string, readonly string[]>> = {
	'follows.member_id': ['target_type', 'created_at'],
	'blocks.blocked_id': ['created_at']
};

/** Shown instead of a secret's value: the export says it exists, never what it is. */
export const HIDDEN = '[verborgen]';

/** Columns whose values are secrets, as `table.column`. */
const SECRET_COLUMNS = new Set([
	'accounts.password',
	'sessions.token',
	'two_factors.secret',
	'two_factors.backup_codes',
	// A verification's identifier holds its token (reset-password:<token>), its value the user id.
	'verifications.identifier',
	'verifications.value'
]);

/** Any table's column named like a secret is hidden too, so a new table's token never leaks. */
const SECRET_NAME = /(^|_)(password|secret|token|backup_codes|hash|digest|key)$/;

export function isSecretColumn(table: string, column: string): boolean {
	return SECRET_COLUMNS.has(`${table}.${column}`) || SECRET_NAME.test(column);
}

/** Links in stored e-mails carry one-time tokens: the export shows the text without them. */
export function withoutLinks(text: string): string {
	return text.replace(/https?:\/\/\S+/g, HIDDEN);
}

/** A database value as JSON: dates as ISO strings, bytes as base64. */
export function jsonValue(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
	if (typeof value === 'bigint') return Number(value);
	return value;
}
