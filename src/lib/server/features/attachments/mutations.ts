import { randomUUID } from 'node:crypto';
import type { DB } from '../../db';
import {
	type AttachmentLimits,
	type AttachmentProblem,
	storeUpload
} from '../../platform/attachments';
import { deleteStoredFile, readStoredFile, storeFile } from '../../platform/files';
import sharp from 'sharp';

/** The most attachments one item carries. */
export const MAX_ATTACHMENTS_PER_ITEM = 20;

export type AddAttachmentResult =
	| { ok: true; id: string; name: string }
	| { ok: false; reason: AttachmentProblem | 'attachment_too_many' | 'not_found' };

/**
 * Checks an upload (platform/attachments.ts) and attaches it to a knowledge item: the file is
 * written first under a new name, then the row; when the row cannot be written the file goes
 * again, so nothing half-stored remains. The caller has checked that the uploader may edit it.
 */
export async function addAttachment(
	db: DB,
	input: {
		itemId: string;
		uploaderId: string | null;
		bytes: Uint8Array;
		sentName: string;
		dir: string;
		limits: AttachmentLimits;
	}
): Promise<AddAttachmentResult> {
	return storeUpload(input, (file) =>
		db.transaction().execute(async (trx) => {
			const item = await trx
				.selectFrom('knowledge_items')
				.select('id')
				.where('id', '=', input.itemId)
				.executeTakeFirst();
			if (!item) return { ok: false as const, reason: 'not_found' as const };
			const { count } = await trx
				.selectFrom('knowledge_attachments')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('item_id', '=', input.itemId)
				.executeTakeFirstOrThrow();
			if (Number(count) >= MAX_ATTACHMENTS_PER_ITEM) {
				return { ok: false as const, reason: 'attachment_too_many' as const };
			}
			const id = randomUUID();
			await trx
				.insertInto('knowledge_attachments')
				.values({
					id,
					item_id: input.itemId,
					file_name: file.storedName,
					original_name: file.fileName,
					media_type: file.mime,
					size: file.size,
					uploaded_by: input.uploaderId
				})
				.execute();
			return { ok: true as const, id, name: file.fileName };
		})
	);
}

/** Removes an attachment of an item (its row, then its file); false when there was none. */
export async function removeAttachment(
	db: DB,
	input: { itemId: string; attachmentId: string; dir: string }
): Promise<boolean> {
	const row = await db
		.deleteFrom('knowledge_attachments')
		.where('id', '=', input.attachmentId)
		.where('item_id', '=', input.itemId)
		.returning('file_name')
		.executeTakeFirst();
	if (!row) return false;
	await deleteStoredFile(input.dir, row.file_name);
	return true;
}

/** The stored names of an item's files, for removing them with the item. */
export async function attachmentFilesOf(db: DB, itemId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('knowledge_attachments')
		.select('file_name')
		.where('item_id', '=', itemId)
		.execute();
	return rows.map((r) => r.file_name);
}

/** A cover is this wide and high: the size link previews (Open Graph) ask for. */
export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 630;
const COVER_MAX_PIXELS = 40_000_000;

export type CoverResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'not_found' | 'cover_not_image' | 'cover_unreadable' };

/**
 * Makes one of an item's picture attachments its cover: a new picture, cut to 1200 × 630 and
 * encoded as WebP (which leaves the photo's metadata behind), stored under a new name; the
 * previous cover's file goes once the item points at the new one.
 */
export async function setCoverFromAttachment(
	db: DB,
	input: { itemId: string; attachmentId: string; attachmentsDir: string; coversDir: string }
): Promise<CoverResult> {
	const attachment = await db
		.selectFrom('knowledge_attachments')
		.select(['file_name', 'media_type'])
		.where('id', '=', input.attachmentId)
		.where('item_id', '=', input.itemId)
		.executeTakeFirst();
	if (!attachment) return { ok: false, reason: 'not_found' };
	if (!attachment.media_type.startsWith('image/')) return { ok: false, reason: 'cover_not_image' };
	const bytes = await readStoredFile(input.attachmentsDir, attachment.file_name);
	if (!bytes) return { ok: false, reason: 'not_found' };
	let picture: Buffer;
	try {
		const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
		if ((meta.width ?? 0) * (meta.height ?? 0) > COVER_MAX_PIXELS) {
			return { ok: false, reason: 'cover_unreadable' };
		}
		picture = await sharp(bytes, {
			limitInputPixels: COVER_MAX_PIXELS,
			failOn: 'error',
			autoOrient: true
		})
			.resize(COVER_WIDTH, COVER_HEIGHT, { fit: 'cover', position: 'attention' })
			.webp({ quality: 80 })
			.toBuffer();
	} catch {
		return { ok: false, reason: 'cover_unreadable' };
	}
	const name = await storeFile(input.coversDir, picture, 'webp');
	const previous = await db.transaction().execute(async (trx) => {
		const item = await trx
			.selectFrom('knowledge_items')
			.select('cover_image')
			.where('id', '=', input.itemId)
			.executeTakeFirst();
		if (!item) return undefined;
		await trx
			.updateTable('knowledge_items')
			.set({ cover_image: name })
			.where('id', '=', input.itemId)
			.execute();
		return { old: item.cover_image };
	});
	if (!previous) {
		await deleteStoredFile(input.coversDir, name);
		return { ok: false, reason: 'not_found' };
	}
	await deleteStoredFile(input.coversDir, previous.old);
	return { ok: true, name };
}

/** Takes an item's cover away (the picture stays as an attachment). */
export async function removeCover(
	db: DB,
	input: { itemId: string; coversDir: string }
): Promise<void> {
	const item = await db
		.selectFrom('knowledge_items')
		.select('cover_image')
		.where('id', '=', input.itemId)
		.executeTakeFirst();
	if (!item?.cover_image) return;
	await db
		.updateTable('knowledge_items')
		.set({ cover_image: null })
		.where('id', '=', input.itemId)
		.execute();
	await deleteStoredFile(input.coversDir, item.cover_image);
}
