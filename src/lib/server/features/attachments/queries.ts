import type { DB } from '../../db';
import { knowledgeVisibleTo } from '../knowledge/queries';
import type { Viewer } from '../viewer';

/** An attachment as pages list it: never the stored name. */
export interface AttachmentSummary {
	id: string;
	name: string;
	mediaType: string;
	size: number;
	createdAt: string;
}

/** The attachments of an item, oldest first (the caller has checked the viewer may see the item). */
export async function attachmentsOf(db: DB, itemId: string): Promise<AttachmentSummary[]> {
	const rows = await db
		.selectFrom('knowledge_attachments')
		.select(['id', 'original_name', 'media_type', 'size', 'created_at'])
		.where('item_id', '=', itemId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.original_name,
		mediaType: r.media_type,
		size: Number(r.size),
		createdAt: r.created_at
	}));
}

/**
 * One attachment of the item with this slug, only when the viewer may see the item (drafts to
 * their authors and editors): the download route serves nothing else.
 */
export async function attachmentForViewer(
	db: DB,
	input: { viewer: Viewer; slug: string; attachmentId: string }
): Promise<
	{ fileName: string; name: string; mediaType: string; size: number; itemId: string } | undefined
> {
	const row = await db
		.selectFrom('knowledge_attachments as a')
		.innerJoin('knowledge_items as k', 'k.id', 'a.item_id')
		.select(['a.file_name', 'a.original_name', 'a.media_type', 'a.size', 'a.item_id'])
		.where('a.id', '=', input.attachmentId)
		.where('k.slug', '=', input.slug)
		.where(knowledgeVisibleTo(input.viewer, { table: 'k', includeDrafts: true }))
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		fileName: row.file_name,
		name: row.original_name,
		mediaType: row.media_type,
		size: Number(row.size),
		itemId: row.item_id
	};
}

/** The stored name of the cover of the item with this slug, when the viewer may see the item. */
export async function coverForViewer(
	db: DB,
	input: { viewer: Viewer; slug: string }
): Promise<string | null> {
	const row = await db
		.selectFrom('knowledge_items as k')
		.select('k.cover_image')
		.where('k.slug', '=', input.slug)
		.where(knowledgeVisibleTo(input.viewer, { table: 'k', includeDrafts: true }))
		.executeTakeFirst();
	return row?.cover_image ?? null;
}
